import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { parseArticle } from '../src/shared/article/parse'
import { generateQuiz } from '../src/shared/quiz/generate'
import type { Question } from '../src/shared/quiz/model'

// Usage: npm run -s rating-sample -- <folder> [--n 40] [--seed 1] [--kinds what,who-said] [--out file.md]
// Draws N questions uniformly at random (fixed seed) from every question the generator makes for the folder's
// articles, and writes the rating file of ../shared/QUIZ-RATING.md: per question the article's path, kind,
// prompt, options, key, evidence and explanation. The quiz is the whole candidate list the generator keeps
// (every round of "More questions"), so a rating covers what a user can meet, not only the first round.
const args = process.argv.slice(2)
const flag = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1] : undefined
}
const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1]!.startsWith('--')))
const folder = positional[0]
if (!folder) {
  process.stderr.write('usage: npm run -s rating-sample -- <folder> [--n 40] [--seed 1] [--kinds k1,k2] [--out file.md]\n')
  process.exit(2)
}
const n = Number(flag('n') ?? 40)
const seed = Number(flag('seed') ?? 1)
const kinds = flag('kinds')?.split(',')
const out = flag('out')

/** mulberry32: a small seeded generator, so the same seed draws the same sample. */
function random(seedValue: number): () => number {
  let a = seedValue >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const files = readdirSync(folder)
  .filter((f) => /\.(txt|md)$/i.test(f) && !/^(SOURCES|README)\.md$/i.test(f) && statSync(join(folder, f)).isFile())
  .sort()
const pool: Array<{ file: string; q: Question }> = []
for (const f of files) {
  const path = join(folder, f)
  const parsed = parseArticle(readFileSync(path, 'utf8'))
  if (!parsed.ok) continue
  for (const q of generateQuiz(parsed.article)) {
    if (!kinds || kinds.includes(q.kind)) pool.push({ file: relative(process.cwd(), resolve(path)), q })
  }
}
const rand = random(seed)
// Partial Fisher–Yates: the first n of a uniform shuffle.
for (let i = 0; i < Math.min(n, pool.length); i++) {
  const j = i + Math.floor(rand() * (pool.length - i))
  ;[pool[i], pool[j]] = [pool[j]!, pool[i]!]
}
const sample = pool.slice(0, n)
const lines = [
  `# Rating sample: ${sample.length} of ${pool.length} questions from ${files.length} articles in ${folder} (seed ${seed}${kinds ? `, kinds ${kinds.join(', ')}` : ''})`,
  ''
]
sample.forEach(({ file, q }, i) => {
  lines.push(`## Q${i + 1}`, `- article: ${file}`, `- kind: ${q.kind}`, `- prompt: ${q.prompt}`)
  lines.push(`- options: ${q.options.map((o) => `“${o}”`).join(' · ')}`, `- key: ${q.answer}`)
  lines.push(`- evidence (paragraph ${q.evidence.paragraph + 1}): ${q.evidence.text}`, `- explanation: ${q.explanation}`, '')
})
const text = lines.join('\n')
if (out) writeFileSync(out, text)
else process.stdout.write(text)
process.stderr.write(`sampled ${sample.length} of ${pool.length} questions from ${files.length} articles\n`)
