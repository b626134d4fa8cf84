import { rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HTML_PATTERNS } from '../../../src/main/import/html'
import { PARSE_PATTERNS } from '../../../src/shared/article/parse'
import { FORMAT_PATTERNS } from '../../../src/shared/import/format'
import { hostileInputs, type NamedPattern } from '../../../src/shared/text/patterns'
import { bundleWorker, runTimed } from '../../support/timed-worker'

/**
 * Every named expression that reads imported text, by module. To check another module's expressions (the quiz
 * generator's, say), export its `patternGroup(...).list` and add it here.
 */
const GROUPS: Record<string, readonly NamedPattern[]> = {
  parse: PARSE_PATTERNS,
  format: FORMAT_PATTERNS,
  html: HTML_PATTERNS
}

const SIZE = 100_000
// Generous on purpose: a linear expression takes milliseconds over all its inputs; a backtracking one takes
// seconds to hours on the first. Figures are printed, so a slow drift shows before it fails.
const PATTERN_LIMIT_MS = 4_000
const PARSER_LIMIT_MS = 20_000

// Runs in a worker so a stalled expression can be ended: rebuilds the expression and runs it the way the app does.
const PATTERN_WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const { source, flags, inputs } = workerData
let maxMs = 0, totalMs = 0, slowest = -1
inputs.forEach((input, i) => {
  const text = input.prefix + input.unit.repeat(input.times) + input.suffix
  const re = new RegExp(source, flags)
  const start = performance.now()
  if (re.global) text.replace(re, '')
  else re.exec(text)
  const ms = performance.now() - start
  totalMs += ms
  if (ms > maxMs) { maxMs = ms; slowest = i }
})
parentPort.postMessage({ maxMs, totalMs, slowest })
`

const patterns = Object.values(GROUPS).flat()

describe('named expressions run in linear time', () => {
  it.each(patterns.map((p) => [p.name, p] as const))('%s matches its example and rejects its counter-example', (_name, p) => {
    expect(new RegExp(p.regex.source, p.regex.flags).test(p.matches)).toBe(true)
    expect(new RegExp(p.regex.source, p.regex.flags).test(p.rejects)).toBe(false)
  })

  it.each(patterns.map((p) => [p.name, p] as const))('%s on hostile 100 KB inputs', async (name, p) => {
    const inputs = hostileInputs(p, SIZE)
    const result = await runTimed(PATTERN_WORKER, { source: p.regex.source, flags: p.regex.flags, inputs }, PATTERN_LIMIT_MS, true)
    const figure = result.ok
      ? `slowest ${result.maxMs.toFixed(1)} ms, all ${inputs.length} inputs ${result.totalMs.toFixed(0)} ms`
      : `over ${result.overMs} ms`
    console.log(`[linear-time] ${name}: ${figure}`)
    expect(result.ok, `${name}: ${figure}`).toBe(true)
  }, PATTERN_LIMIT_MS + 10_000)
})

/** Hostile texts of about `size` characters for the whole import path, each in every format. */
function parserInputs(size: number): { name: string; text: string }[] {
  const texts: string[] = [
    `A short title\n\nBy ${'Aand'.repeat(size / 4)}A!\n\nThe text of the story.`,
    `# x${'#'.repeat(size)}y`,
    `<!doctype html><html><body>${'<div>'.repeat(size / 11)}text${'</div>'.repeat(size / 11)}</body></html>`,
    `<!doctype html><html><body>${'<blockquote><p>a'.repeat(size / 16)}</body></html>`,
    `# A list\n\n${Array.from({ length: Math.floor(Math.sqrt(size)) }, (_, i) => `${' '.repeat(i)}- item ${i}`).join('\n')}`,
    `${'>'.repeat(size)} text`,
    `A title\n\n${'a'.repeat(size)}`,
    `A title\n\nUpdated${' '.repeat(size)}x`
  ]
  for (const unit of [' ', '#', '*', '_', '[', '](', '<', '<p', '>', '-', '`', '\n', '\n\n', '\t', 'a', 'A', 'A ', ',', '.', '&', '&#', '"', '|', '= ', '**a', '\n- ', '\n    ']) {
    texts.push(`A title\n\n${unit.repeat(Math.ceil(size / unit.length))}\u0001!`)
  }
  return texts.flatMap((text) => ['story.txt', 'story.md', 'story.html', 'story'].map((name) => ({ name, text })))
}

describe('the import path on hostile 100 KB inputs', () => {
  let entry = ''
  beforeAll(async () => {
    entry = await bundleWorker(resolve(import.meta.dirname, '../../support/parse-worker-entry.ts'))
  }, 60_000)
  afterAll(() => {
    if (entry) rmSync(entry, { force: true })
  })

  it('reads every input (text, Markdown, HTML, sniffed) without stalling', async () => {
    const inputs = parserInputs(SIZE)
    // Split in chunks so the figure points at a region when one stalls.
    const chunk = 8
    for (let i = 0; i < inputs.length; i += chunk) {
      const part = inputs.slice(i, i + chunk)
      const result = await runTimed(entry, { inputs: part }, PARSER_LIMIT_MS)
      const label = result.ok ? `${part[result.slowest]!.name} ${JSON.stringify(part[result.slowest]!.text.slice(0, 40))}` : `${part.map((p) => p.name).join(', ')} ${JSON.stringify(part[0]!.text.slice(0, 40))}`
      const figure = result.ok ? `slowest ${result.maxMs.toFixed(0)} ms (${label})` : `over ${result.overMs} ms (${label})`
      console.log(`[linear-time] import inputs ${i + 1}-${i + part.length}: ${figure}`)
      expect(result.ok, figure).toBe(true)
    }
  }, 400_000)
})
