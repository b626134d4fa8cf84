import { readFileSync, readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArticle } from '../src/shared/article/parse'
import { wordCount, type Article } from '../src/shared/article/model'
import { generateQuiz } from '../src/shared/quiz/generate'

// Prints the median warm generation time per corpus article, words per second, and heap use over 1,000 generations.
const dir = resolve(import.meta.dirname, '../../shared/corpus/news')
const articles: Article[] = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => {
    const r = parseArticle(readFileSync(resolve(dir, f), 'utf8'))
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
