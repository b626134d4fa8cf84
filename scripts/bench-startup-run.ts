/**
 * Startup benchmark in real Chromium (not a timed test: it prints figures, it asserts nothing). Loaded by
 * scripts/bench-startup.ts through Vite, because the main-process code it runs uses Vite's `import.meta.glob`.
 *
 *   npm run bench:startup        (needs `npm run build` first, and Chromium; env CHROMIUM_PATH)
 *
 * For libraries of 1, 100 and 1,000 imported articles (besides the bundled ones), each with 10,000 answers and
 * their review records stored, it runs the built app as the end-to-end tests do (the real renderer served on
 * 127.0.0.1, the real main-process handlers, a persistent browser profile so IndexedDB is on disk), opens the
 * newest imported article, and prints:
 * - page load → the article painted (its title in the reader, one frame after it appears), and → the quiz ready
 *   (its first question on screen): targets 300 ms and 1 s, whatever the history;
 * - a click on Library → the list shown, and a click on Review → the review ready (targets: 300 ms at 1,000);
 *   each the median of RUNS page loads after one warm-up load, main running all along;
 * - the same two start-up figures for a first start: main started afresh for each of COLD_RUNS loads (the
 *   library not read, no quiz made, the worker just started), as when the app is launched.
 * Calls from the page reach main through the harness's Playwright binding, which is slower than Electron's IPC
 * (a first call after a page load takes tens of milliseconds): the figures are, if anything, high.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serializeProgressExport } from '../src/shared/progress/export-format'
import type { Attempt, ReviewRecord } from '../src/shared/progress/model'
import { applyAttemptToReview } from '../src/shared/progress/review'
import type { Question } from '../src/shared/quiz/model'
import { toContentFile } from '../src/main/import/store'
import type { Article } from '../src/shared/article/model'
import { TestApp, type AppPage } from '../tests/support/app-harness'

const RUNS = 5
const COLD_RUNS = 3
const ANSWERS = 10_000
// BENCH_SIZES=1000 measures one library size only (e.g. to compare two builds back to back on a busy machine).
const SIZES = process.env['BENCH_SIZES'] ? process.env['BENCH_SIZES'].split(',').map(Number) : [1, 100, 1_000]

const DAY = 86_400_000
const NOW = Date.now()

function article(i: number): Article {
  const paragraphs = Array.from(
    { length: 12 },
    (_, p) =>
      `Paragraph ${p + 1} of benchmark article ${i}. The council of Northbridge voted on ${p + 3} March to extend the night bus service by ${p + 10} routes, ` +
      `the mayor, Ana Duarte, said on Tuesday. The plan costs 4.${p} million euros and starts in June, officials told reporters at the town hall.`
  )
  return {
    id: `bench-article-${String(i).padStart(5, '0')}`,
    title: `Benchmark article ${i}: Northbridge extends its night buses`,
    date: '2026-03-0' + ((i % 9) + 1),
    dateLabel: null,
    source: 'The Benchmark Ledger',
    byline: null,
    credits: [],
    paragraphs,
    headings: [],
    licence: null
  }
}

/** Writes `count` imported articles into a library folder in the store's own layout (see src/main/import/store.ts). */
function seedLibrary(dataDir: string, count: number): Article[] {
  const dir = join(dataDir, 'library')
  mkdirSync(join(dir, 'articles'), { recursive: true })
  const articles = Array.from({ length: count }, (_, i) => article(i))
  const imported: Record<string, unknown> = {}
  articles.forEach((a, i) => {
    writeFileSync(join(dir, 'articles', `${a.id}.json`), JSON.stringify(toContentFile(a)))
    imported[a.id] = { addedAt: new Date(NOW - (count - i) * 60_000).toISOString(), origin: `${a.id}.txt`, format: 'text', questionCount: 10 }
  })
  writeFileSync(join(dir, 'index.json'), JSON.stringify({ format: 'newsquiz-library@1', imported, lastOpened: {} }))
  return articles
}

function question(articleId: string, n: number): Question {
  const options = [`Ana Duarte ${n}`, `Luis Ferro ${n}`, `Maria Sousa ${n}`, `Pedro Alves ${n}`]
  const text = `The sentence number ${n} of article ${articleId}, as long as a typical news sentence is.`
  return {
    id: `${articleId}-${n.toString(16).padStart(14, '0')}`,
    kind: 'who-said',
    prompt: `Who said the thing in sentence ${n}?`,
    options,
    answer: options[0]!,
    evidence: { paragraph: n % 12, start: 0, end: text.length, text },
    explanation: `The article attributes sentence ${n} to this person.`,
    rank: 1
  }
}

/** A progress file with `ANSWERS` answers and review records spread over the articles and the last 60 days (20% missed). */
function progressFile(articles: Article[]): string {
  const attempts: Attempt[] = []
  const reviews: ReviewRecord[] = []
  for (let i = 0; i < ANSWERS; i++) {
    const a = articles[i % articles.length]!
    const q = question(a.id, i)
    const correct = (i * 7919) % 1000 >= 200
    const attempt: Attempt = { id: `bench-${i}`, questionId: q.id, articleId: a.id, runId: null, chosen: correct ? q.answer : q.options[1]!, correct, at: NOW - ((i * 104729) % (60 * DAY)) - DAY }
    attempts.push(attempt)
    reviews.push(applyAttemptToReview(undefined, { id: a.id, title: a.title }, q, attempt))
  }
  return serializeProgressExport({ attempts, reviews, runs: [] }, NOW)
}

// Runs in the page (kept as source text: the scripts' tsconfig has no DOM types). Clicks the top-bar tab
// `label`, waits until \`ready\` matches, and resolves with the time in ms to the frame after that.
const CLICK_UNTIL = `(label, ready) => new Promise((resolve) => {
  const tab = [...document.querySelectorAll('nav button')].find((b) => b.textContent.trim().startsWith(label))
  const t0 = performance.now()
  const done = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0))
  const obs = new MutationObserver(() => { if (document.querySelector(ready)) { obs.disconnect(); done() } })
  obs.observe(document, { childList: true, subtree: true, characterData: true })
  tab.click()
  if (document.querySelector(ready)) { obs.disconnect(); done() }
})`

// Records, in the page, when each watched selector first matches (after the next frame: painted), relative to
// the navigation start.
const WATCH = `
  window.__seen = {};
  const watch = { article: '#article-title', quiz: '[data-question-id]' };
  const check = () => {
    for (const [name, sel] of Object.entries(watch)) {
      if (window.__seen[name] === undefined && document.querySelector(sel)) {
        window.__seen[name] = -1;
        requestAnimationFrame(() => setTimeout(() => { window.__seen[name] = performance.now() }, 0));
      }
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  window.__clickUntil = ${CLICK_UNTIL};
`

/** Clicks the top-bar tab `label`, then waits until `ready` matches; the time in ms to the frame after that. */
async function clickUntil(win: AppPage, label: string, ready: string): Promise<number> {
  // A function, not a string: the app's Content-Security-Policy forbids eval.
  return win.page.evaluate(([l, r]) => (globalThis as unknown as { __clickUntil(l: string, r: string): Promise<number> }).__clickUntil(l, r), [label, ready] as const)
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

type Seen = { __seen?: Record<string, number> }

/** Waits until the watchers saw the article painted and the quiz ready; their times from the navigation start. */
async function seenTimes(win: AppPage): Promise<Record<string, number>> {
  await win.page.waitForFunction(() => {
    const seen = (globalThis as unknown as Seen).__seen
    return seen !== undefined && (seen['article'] ?? -1) > 0 && (seen['quiz'] ?? -1) > 0
  }, undefined, { timeout: 120_000 })
  return win.page.evaluate(() => (globalThis as unknown as Required<Seen>).__seen)
}

async function measure(count: number): Promise<Record<string, number>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-startup-data-'))
  const profile = mkdtempSync(join(tmpdir(), 'bench-startup-profile-'))
  const work = mkdtempSync(join(tmpdir(), 'bench-startup-files-'))
  const articles = seedLibrary(dataDir, count)
  let app = await new TestApp({ dataDir }).start()
  try {
    const win = await app.launch({ profileDir: profile, initScript: WATCH })
    await win.page.locator('[data-question-id]').waitFor({ timeout: 120_000 })
    // The 10,000 answers go in through the app's own import, as a user's restored history would.
    const file = join(work, 'progress.json')
    writeFileSync(file, progressFile(articles))
    app.dialogAnswers.open = file
    await win.menu('import-progress')
    await win.page.getByText(/Progress imported/).waitFor({ timeout: 300_000 })
    // The article open is the newest imported one (a person with a long library reads what they added), so main
    // must find it among the imported files, not among the bundled articles.
    const newest = articles[articles.length - 1]!
    await win.page.getByRole('button', { name: 'Library', exact: false }).first().click()
    await win.page.locator('ul.list[aria-label="Articles"] button.open', { hasText: newest.title }).click()
    await win.page.locator('#article-title', { hasText: newest.title }).waitFor()
    await win.page.locator('[data-question-id]').waitFor()

    const figures: Record<string, number[]> = { article: [], quiz: [], library: [], review: [], coldArticle: [], coldQuiz: [] }
    for (let run = 0; run <= RUNS; run++) {
      await win.page.reload()
      const seen = await seenTimes(win)
      // Let the start-up work settle (as a person would take a moment before clicking).
      await win.page.waitForTimeout(300)
      const library = await clickUntil(win, 'Library', `ul.list[aria-label="Articles"] > li:nth-child(${count})`)
      const review = await clickUntil(win, 'Review', '.review .intro, .review .empty:not([role="status"])')
      if (run === 0) continue // warm-up
      figures['article']!.push(seen['article']!)
      figures['quiz']!.push(seen['quiz']!)
      figures['library']!.push(library)
      figures['review']!.push(review)
      await clickUntil(win, 'Read & quiz', '[data-question-id]')
    }
    await win.close()
    // A first start: main starts afresh (nothing read, no quiz made, its worker just started), as when the app is
    // launched; the browser keeps its profile (the stored answers). Timed from the page's navigation start, as above.
    const port = Number(new URL(app.origin).port)
    for (let run = 0; run < COLD_RUNS; run++) {
      await app.close()
      app = await new TestApp({ dataDir }).start(port)
      const cold = await app.launch({ profileDir: profile, initScript: WATCH })
      const seen = await seenTimes(cold)
      figures['coldArticle']!.push(seen['article']!)
      figures['coldQuiz']!.push(seen['quiz']!)
      // The library's list (which makes the bundled articles' quizzes) finishes before main is stopped.
      await cold.page.evaluate(() => (globalThis as unknown as { api: { listArticles(): Promise<unknown> } }).api.listArticles())
      await cold.close()
    }
    return Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, median(v)]))
  } finally {
    await app.close()
    for (const d of [dataDir, profile, work]) rmSync(d, { recursive: true, force: true })
  }
}

/** Runs every size and prints the table. */
export async function main(): Promise<void> {
  const ms = (n: number | undefined): string => `${(n ?? NaN).toFixed(0).padStart(6)} ms`
  console.log(`Startup in real Chromium, ${ANSWERS.toLocaleString('en')} answers stored; median of ${RUNS} page loads after a warm-up,`)
  console.log(`and of ${COLD_RUNS} first starts (main started afresh: nothing read yet, no quiz made):`)
  console.log('imported articles | article painted | quiz ready | library shown | Review open   | first start: painted | quiz ready')
  console.log('                  |  target 300 ms  | target 1 s | 300 ms @1,000 | 300 ms @1,000 |')
  for (const count of SIZES) {
    const f = await measure(count)
    console.log(
      `${String(count).padStart(17)} | ${ms(f['article'])}       | ${ms(f['quiz'])}  | ${ms(f['library'])}     | ${ms(f['review'])}     |     ${ms(f['coldArticle'])}        | ${ms(f['coldQuiz'])}`
    )
  }
}

