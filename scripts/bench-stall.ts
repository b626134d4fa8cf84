import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { readArticle } from '../src/main/import/importer'
import { generateQuiz } from '../src/shared/quiz/generate'

// Usage: npm run bench:stall [-- <case name>...]
// Feeds each hostile or huge input of issue #11 through the app's import path (the worker's `read` job, then its
// `quiz` job: decode, format detection, HTML/Markdown extraction, parse, quiz generation) in a child process of its
// own, and prints per case the wall time, the child's peak memory (max RSS) and whether it imported or was refused.
// Target: every case within 10 s and under 500 MB. A case still running after LIMIT_S is killed and shown as such.

const LIMIT_S = 120
const ROOT = resolve(import.meta.dirname, '..')

/** A realistic long article: the shipped articles' paragraphs, cycled, each made unique so none is dropped as a repeat. */
function realisticArticle(bytes: number): string {
  const dir = resolve(ROOT, 'content/articles')
  const paragraphs = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => (JSON.parse(readFileSync(resolve(dir, f), 'utf8')) as { body: { paragraph?: string }[] }).body.flatMap((b) => (b.paragraph ? [b.paragraph] : [])))
  const parts = ['A year of reports from the coast and the capitals', 'Updated Mar 14, 2026']
  let size = 0
  for (let i = 0; size < bytes; i++) {
    const p = `${paragraphs[i % paragraphs.length]!} (Report ${i + 1}.)`
    parts.push(p)
    size += p.length + 2
  }
  return parts.join('\n\n')
}

/** Each case: a file name (its extension picks the importer, as in File → Open) and its text. */
const CASES: Record<string, () => { name: string; text: string }> = {
  'byline AandA…A! (205 B)': () => ({ name: 'byline.txt', text: `A short title\n\nBy ${'Aand'.repeat(48)}A!\n\nThe text of the story.` }),
  '# x###…y (200 KB)': () => ({ name: 'heading.txt', text: `# x${'#'.repeat(200_000)}y` }),
  'HTML nested 10,000 deep': () => ({ name: 'deep.html', text: `<!doctype html><html><body>${'<div>'.repeat(10_000)}text${'</div>'.repeat(10_000)}</body></html>` }),
  'HTML nested 100,000 deep': () => ({ name: 'deeper.html', text: `<!doctype html><html><body>${'<div>'.repeat(100_000)}text${'</div>'.repeat(100_000)}</body></html>` }),
  'one 4.9 MB word': () => ({ name: 'word.txt', text: `A title\n\n${'a'.repeat(4_900_000)}` }),
  'realistic 4.5 MB article': () => ({ name: 'long.txt', text: realisticArticle(4_500_000) }),
  'Markdown list nested 1,500 deep (2.26 MB)': () => ({
    name: 'list.md',
    text: `# A list\n\n${Array.from({ length: 1500 }, (_, i) => `${' '.repeat(i * 2)}- item ${i + 1}`).join('\n')}\n`
  })
}

function runCase(key: string): void {
  const input = CASES[key]!()
  const bytes = new TextEncoder().encode(input.text)
  const start = performance.now()
  const read = readArticle({ name: input.name, bytes })
  const readMs = performance.now() - start
  let outcome: string
  if (!read.ok) outcome = `refused (${read.error.code}): ${read.error.message.slice(0, 90)}`
  else {
    const questions = generateQuiz(read.value.article)
    outcome = `imported: ${read.value.article.paragraphs.length} paragraphs, ${questions.length} questions`
  }
  const ms = performance.now() - start
  // maxRSS is in kilobytes. Generation time includes loading the NLP model (cold, as in a fresh worker).
  process.stdout.write(JSON.stringify({ ms, readMs, rssMb: process.resourceUsage().maxRSS / 1024, outcome, size: bytes.length }))
}

const only = process.argv.indexOf('--case')
if (only >= 0) {
  runCase(process.argv[only + 1]!)
} else {
  const wanted = process.argv.slice(2)
  const keys = Object.keys(CASES).filter((k) => wanted.length === 0 || wanted.some((w) => k.includes(w)))
  let over = 0
  for (const key of keys) {
    const child = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, '--case', key], { encoding: 'utf8', timeout: LIMIT_S * 1000, maxBuffer: 1 << 20 })
    let line: string
    if (child.error || child.status !== 0) {
      over++
      line = child.error && (child.error as NodeJS.ErrnoException).code === 'ETIMEDOUT' ? `over ${LIMIT_S} s (killed)` : `crashed: ${(child.stderr || String(child.error)).trim().split('\n').slice(-3).join(' ')}`
    } else {
      const r = JSON.parse(child.stdout) as { ms: number; readMs: number; rssMb: number; outcome: string; size: number }
      if (r.ms > 10_000 || r.rssMb > 500) over++
      line = `${(r.ms / 1000).toFixed(2).padStart(7)} s (read ${(r.readMs / 1000).toFixed(2)} s) ${r.rssMb.toFixed(0).padStart(5)} MB  ${(r.size / 1e6).toFixed(2)} MB in  ${r.outcome}`
    }
    console.log(`${key.padEnd(44)} ${line}`)
  }
  console.log(over === 0 ? 'every case within 10 s and 500 MB' : `${over} case(s) over 10 s or 500 MB`)
}
