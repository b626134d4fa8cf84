import { parseArticle } from '../src/shared/article/parse'
import { wordCount, type Article } from '../src/shared/article/model'
import { generateQuiz } from '../src/shared/quiz/generate'
import { CORPUS_DIR, corpusFiles, hasCorpus } from '../tests/support/corpus'

// Prints the median warm generation time per corpus article, words per second, and heap use over 1,000 generations.
// The whole shared corpus when it is beside the repo (or NEWSQUIZ_SHARED names it), else the repo's few articles.
if (!hasCorpus) console.log(`The shared corpus is not at ${CORPUS_DIR}: timing the repo's test articles only.`)
const articles: Article[] = corpusFiles().map(([f, text]) => {
  const r = parseArticle(text)
  if (!r.ok) throw new Error(`${f}: ${r.error.message}`)
  return r.article
})

const t0 = performance.now()
generateQuiz(articles[0]!)
const cold = performance.now() - t0

for (const a of articles) generateQuiz(a) // warm up the JIT and the lazily loaded model
const perArticle: number[] = []
let words = 0
let totalMs = 0
for (let round = 0; round < 5; round++) {
  for (const a of articles) {
    const s = performance.now()
    generateQuiz(a)
    const ms = performance.now() - s
    if (round === 4) perArticle.push(ms)
    totalMs += ms
    words += wordCount(a)
  }
}
perArticle.sort((x, y) => x - y)
const median = perArticle[Math.floor(perArticle.length / 2)]!
const gc = (globalThis as { gc?: () => void }).gc
const heap = (): number => {
  gc?.()
  return process.memoryUsage().heapUsed / 1e6
}
const before = heap()
const samples: number[] = []
for (let i = 0; i < 1000; i++) {
  generateQuiz(articles[i % articles.length]!)
  if ((i + 1) % 250 === 0) samples.push(heap())
}
console.log(`articles: ${articles.length}, cold first generation (model load included): ${cold.toFixed(0)} ms`)
console.log(`median warm time per article: ${median.toFixed(1)} ms (p90 ${perArticle[Math.floor(perArticle.length * 0.9)]!.toFixed(1)} ms)`)
console.log(`throughput: ${Math.round(words / (totalMs / 1000))} words/s`)
console.log(`heap over 1,000 generations${gc ? '' : ' (run with --expose-gc for exact figures)'}: start ${before.toFixed(1)} MB, after 250/500/750/1000: ${samples.map((s) => s.toFixed(1)).join(' / ')} MB`)
