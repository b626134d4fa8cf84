/**
 * Benchmark of the progress layer in real Chromium (not a timed test: it prints figures, it asserts nothing).
 *
 *   npx tsx scripts/bench-progress.ts        (or: npm run bench:progress)
 *
 * Bundles the real `ProgressStore` + `ProgressDb` with esbuild, serves them from a 127.0.0.1 page (IndexedDB
 * needs a real origin) in a persistent profile (so IndexedDB writes to disk as in the app, not to memory as in
 * an incognito context), and prints:
 * - the median time to save an answer (`recordAnswer`, resolved after commit) vs a raw IndexedDB put, measured
 *   interleaved in the same run (targets: under 10 ms, and within 2× the raw put);
 * - the median time to build the review queue with 10,000 questions stored (target: under 50 ms).
 * Env: CHROMIUM_PATH (default /usr/bin/chromium).
 */
import { createServer, type Server } from 'node:http'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import { chromium } from 'playwright-core'

const root = resolve(import.meta.dirname, '..')

// Runs in the page. Kept as source text because the scripts' tsconfig has no DOM types; it only drives the
// real modules, which are type-checked where they live.
const ENTRY = `
import { ProgressDb } from './src/renderer/src/progress/db'
import { ProgressStore } from './src/renderer/src/progress/progress-store'
import { buildReviewQueue, applyAttemptToReview } from './src/shared/progress/review'
import { advance } from './src/shared/progress/session'
import type { Question } from './src/shared/quiz/model'
import { summaryOf, type ReviewRecord } from './src/shared/progress/model'

const T0 = Date.parse('2026-11-28T10:00:00Z')
const DAY = 86_400_000

function question(articleId: string, n: number): Question {
  const options = ['Option A' + n, 'Option B' + n, 'Option C' + n, 'Option D' + n]
  const text = 'The sentence number ' + n + ' of article ' + articleId + ', as long as a typical news sentence is.'
  return {
    id: articleId + '-' + n.toString(16).padStart(14, '0'),
    kind: 'who-said',
    prompt: 'Who said the thing in sentence ' + n + ' of ' + articleId + '?',
    options,
    answer: options[0]!,
    evidence: { paragraph: n % 30, start: 0, end: text.length, text },
    explanation: 'The article attributes the quote in sentence ' + n + ' to this person.'
  }
}

function rawOpen(name: string): Promise<IDBDatabase> {
  return new Promise((ok, fail) => {
    const req = indexedDB.open(name, 1)
    req.onupgradeneeded = () => req.result.createObjectStore('attempts', { keyPath: 'id' })
    req.onsuccess = () => ok(req.result)
    req.onerror = () => fail(req.error)
  })
}

function rawPut(db: IDBDatabase, record: object): Promise<void> {
  return new Promise((ok, fail) => {
    const tx = db.transaction('attempts', 'readwrite')
    tx.objectStore('attempts').put(record)
    tx.oncomplete = () => ok()
    tx.onerror = () => fail(tx.error)
    tx.onabort = () => fail(tx.error)
  })
}

/**
 * Saves \`answers\` answers with recordAnswer, interleaved with as many raw puts; returns both timings (ms).
 * \`warm\`: the store's review records are loaded first, as the app does at start (the transaction then only writes).
 */
async function saveAnswers(answers: number, warmup: number, warm: boolean): Promise<{ store: number[]; raw: number[] }> {
  const name = warm ? 'bench-save-warm' : 'bench-save-cold'
  const store = new ProgressStore(new ProgressDb(name), { warn: (m) => console.warn(m) })
  if (warm) await store.warm()
  const raw = await rawOpen('bench-raw-' + name)
  const article = { id: 'bench-article', title: 'A benchmark article' }
  const quiz = Array.from({ length: 20 }, (_, i) => question(article.id, i))
  const storeTimes: number[] = []
  const rawTimes: number[] = []
  let now = T0
  let session = await store.startRun({ scope: article.id, mode: 'full', questionIds: quiz.map((q) => q.id) }, now)
  for (let i = 0; i < warmup + answers; i++) {
    if (session.position >= quiz.length) session = await store.startRun({ scope: article.id, mode: 'full', questionIds: quiz.map((q) => q.id) }, now)
    const q = quiz[session.position]!
    const chosen = i % 3 === 0 ? q.options[1]! : q.answer
    now += 7_000
    const t1 = performance.now()
    const out = await store.recordAnswer({ session, article, question: q, chosen }, now)
    const t2 = performance.now()
    // The same kind of record, one put in its own readwrite transaction, resolved on commit.
    await rawPut(raw, { ...out.attempt, id: 'raw-' + i })
    const t3 = performance.now()
    session = advance(out.session)
    if (i >= warmup) {
      storeTimes.push(t2 - t1)
      rawTimes.push(t3 - t2)
    }
  }
  store.close()
  raw.close()
  return { store: storeTimes, raw: rawTimes }
}

/** Stores \`count\` review records (\`missedShare\` of them missed) over 100 articles, with one attempt each. */
async function seedReviews(count: number, missedShare: number): Promise<void> {
  const store = new ProgressStore(new ProgressDb('bench-queue'))
  const reviews: ReviewRecord[] = []
  const attempts = []
  for (let i = 0; i < count; i++) {
    const articleId = 'article-' + (i % 100)
    const q = question(articleId, i)
    const correct = (i * 7919) % 1000 >= missedShare * 1000
    // Answers spread over the last 30 days, so some right answers are due again and some are not.
    const at = T0 - ((i * 104729) % (30 * DAY))
    const attempt = { id: 'att-' + i, questionId: q.id, articleId, runId: null, chosen: correct ? q.answer : q.options[1]!, correct, at }
    attempts.push(attempt)
    reviews.push(applyAttemptToReview(undefined, { id: articleId, title: 'Article ' + (i % 100) }, q, attempt))
  }
  await store.db.transaction('rw', [store.db.reviews, store.db.cards, store.db.attempts], async () => {
    await store.db.reviews.bulkPut(reviews)
    // The card summaries the store loads (schema version 2), as recordAnswer and import write them.
    await store.db.cards.bulkPut(reviews.map(summaryOf))
    await store.db.attempts.bulkPut(attempts)
  })
  store.close()
}

/**
 * On the seeded database: the first reviewQueue(now) of a new store (it loads and validates every review
 * record: the cost paid once at app start), then \`times\` more (from memory), dueSummary, and the pure build.
 */
async function queueTimes(now: number, times: number): Promise<{ cold: number; queue: number[]; size: number; stored: number; dueSummary: number[]; pureAll: number[] }> {
  const db = new ProgressDb('bench-queue')
  await db.open()
  const store = new ProgressStore(db)
  const t0 = performance.now()
  await store.reviewQueue(now)
  const cold = performance.now() - t0
  const queue: number[] = []
  const dueSummary: number[] = []
  let size = 0
  for (let i = 0; i < times; i++) {
    const t1 = performance.now()
    const q = await store.reviewQueue(now)
    queue.push(performance.now() - t1)
    size = q.total
    const t2 = performance.now()
    await store.dueSummary(now)
    dueSummary.push(performance.now() - t2)
  }
  const all = await store.db.reviews.toArray()
  const pureAll: number[] = []
  for (let i = 0; i < times; i++) {
    const t = performance.now()
    buildReviewQueue(all, now)
    pureAll.push(performance.now() - t)
  }
  store.close()
  return { cold, queue, size, stored: all.length, dueSummary, pureAll }
}

/** Times what views refresh: stats (first call reads every attempt, then memory), articleProgress and readAll. */
async function viewTimes(now: number, times: number): Promise<{ statsFirst: number; stats: number[]; articleProgress: number[]; readAll: number[] }> {
  const store = new ProgressStore(new ProgressDb('bench-queue'))
  await store.warm()
  const t0 = performance.now()
  await store.stats(now)
  const out = { statsFirst: performance.now() - t0, stats: [] as number[], articleProgress: [] as number[], readAll: [] as number[] }
  for (let i = 0; i < times; i++) {
    let t = performance.now()
    await store.stats(now)
    out.stats.push(performance.now() - t)
    t = performance.now()
    await store.articleProgress(now)
    out.articleProgress.push(performance.now() - t)
    t = performance.now()
    await store.readAll()
    out.readAll.push(performance.now() - t)
  }
  store.close()
  return out
}

Object.assign(globalThis, { bench: { viewTimes, saveAnswers, seedReviews, queueTimes, T0, DAY } })
`

interface Bench {
  saveAnswers(answers: number, warmup: number, warm: boolean): Promise<{ store: number[]; raw: number[] }>
  seedReviews(count: number, missedShare: number): Promise<void>
  viewTimes(now: number, times: number): Promise<{ statsFirst: number; stats: number[]; articleProgress: number[]; readAll: number[] }>
  queueTimes(now: number, times: number): Promise<{ cold: number; queue: number[]; size: number; stored: number; dueSummary: number[]; pureAll: number[] }>
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}
function p90(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.9))]!
}
const ms = (n: number): string => `${n.toFixed(2)} ms`

async function bundle(): Promise<string> {
  const result = await build({
    stdin: { contents: ENTRY, resolveDir: root, sourcefile: 'bench-entry.ts', loader: 'ts' },
    bundle: true,
    format: 'iife',
    write: false,
    platform: 'browser',
    target: 'chrome120',
    // As the app ships it: minified.
    minify: true,
    alias: { '@shared': join(root, 'src/shared') },
    logLevel: 'warning'
  })
  const out = result.outputFiles[0]
  if (!out) throw new Error('esbuild produced no output')
  return out.text
}

function serve(script: string): Promise<{ server: Server; url: string }> {
  const html = '<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>bench</title></head><body><script src="/bench.js"></script></body></html>'
  const server = createServer((req, res) => {
    if (req.url === '/bench.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script)
    else if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html' }).end(html)
    else res.writeHead(404).end()
  })
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      ok({ server, url: `http://127.0.0.1:${port}/` })
    })
  )
}

async function main(): Promise<void> {
  const script = await bundle()
  const { server, url } = await serve(script)
  const profile = await mkdtemp(join(tmpdir(), 'bench-progress-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
  })
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') console.log(`[page ${m.type()}] ${m.text()}`)
    })
    await page.goto(url)
    await page.waitForFunction(() => 'bench' in globalThis)
    const browser = await page.evaluate(() => (globalThis as unknown as { navigator: { userAgent: string } }).navigator.userAgent)
    console.log(`Chromium: ${browser.match(/Chrome\/[\d.]+/)?.[0] ?? browser}; bundle ${(script.length / 1024).toFixed(0)} kB; ${url}`)

    // 1. Saving an answer.
    console.log('\nSave an answer (300 answers after 30 warm-up, interleaved with raw puts; each resolved after commit):')
    for (const warm of [true, false]) {
      const save = await page.evaluate((w) => (globalThis as unknown as { bench: Bench }).bench.saveAnswers(300, 30, w), warm)
      const storeMedian = median(save.store)
      const rawMedian = median(save.raw)
      console.log(warm ? '  store warmed at start (as the app does):' : '  store not warmed (reads the review record inside the transaction):')
      console.log(`    recordAnswer (attempt + FSRS review [+ run], one transaction): median ${ms(storeMedian)}, p90 ${ms(p90(save.store))}`)
      console.log(`    raw IndexedDB put (one record, one transaction):                median ${ms(rawMedian)}, p90 ${ms(p90(save.raw))}`)
      console.log(`    ratio: ${(storeMedian / rawMedian).toFixed(2)}×   (targets: < 10 ms and ≤ 2×)`)
    }

    // 2. The review queue over 10,000 stored questions.
    await page.evaluate(() => (globalThis as unknown as { bench: Bench }).bench.seedReviews(10_000, 0.2))
    const T0 = Date.parse('2026-11-28T10:00:00Z')
    const DAY = 86_400_000
    const cases: [string, number][] = [
      ['now (20% missed, answers spread over 30 days)', T0],
      ['30 days later (every question due: worst case)', T0 + 400 * DAY]
    ]
    console.log('\nReview queue with 10,000 stored questions (100 articles; median of 15):')
    for (const [label, now] of cases) {
      const r = await page.evaluate((n) => (globalThis as unknown as { bench: Bench }).bench.queueTimes(n, 15), now)
      console.log(`  ${label}: ${r.size} of ${r.stored} in the queue`)
      console.log(`    first reviewQueue(now) of a new store (loads + validates the card summaries, reads the queued questions): ${ms(r.cold)}`)
      console.log(`    reviewQueue(now) after that: median ${ms(median(r.queue))}, p90 ${ms(p90(r.queue))}   (target: < 50 ms)`)
      console.log(`    dueSummary(now):  median ${ms(median(r.dueSummary))}`)
      console.log(`    buildReviewQueue over all ${r.stored} records in memory: median ${ms(median(r.pureAll))}`)
    }

    // 3. What views refresh, on the same 10,000 questions and 10,000 attempts.
    const v = await page.evaluate((n) => (globalThis as unknown as { bench: Bench }).bench.viewTimes(n, 5), T0)
    console.log('\nViews over 10,000 questions and 10,000 attempts (median of 5):')
    console.log(`  articleProgress(now) (library figures; cached reviews + runs): ${ms(median(v.articleProgress))}`)
    console.log(`  stats(now), first call of a store (reads every attempt once):   ${ms(v.statsFirst)}`)
    console.log(`  stats(now) after that (daily totals kept in memory):            ${ms(median(v.stats))}`)
    console.log(`  readAll() (every record; export):                               ${ms(median(v.readAll))}`)
  } finally {
    await context.close()
    server.close()
    await rm(profile, { recursive: true, force: true })
  }
}

main().catch((e: unknown) => {
  console.error(e)
  process.exitCode = 1
})
