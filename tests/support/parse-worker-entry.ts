// Worker entry for tests/shared/text/linear-time.test.ts: reads each given text through the app's import code
// (format detection, HTML and Markdown extraction, the article parser) and reports the slowest.
import { parentPort, workerData } from 'node:worker_threads'
import { articleFromText } from '../../src/main/import/importer'

const { inputs } = workerData as { inputs: { name: string; text: string }[] }
let maxMs = 0
let totalMs = 0
let slowest = -1
inputs.forEach((input, i) => {
  const start = performance.now()
  articleFromText(input.text, input.name)
  const ms = performance.now() - start
  totalMs += ms
  if (ms > maxMs) {
    maxMs = ms
    slowest = i
  }
})
parentPort?.postMessage({ maxMs, totalMs, slowest })
