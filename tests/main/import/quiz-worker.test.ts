import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { articleFromBytes, readArticle } from '../../../src/main/import/importer'
import { runWorkerJob } from '../../../src/main/quiz-worker'
import { createInProcessQuizRunner, createWorkerQuizRunner, type QuizRunner } from '../../../src/main/quiz-runner'
import type { Article } from '../../../src/shared/article/model'
import type { ImportOutcome, StudyArticle } from '../../../src/shared/ipc/contract'
import { generateQuiz } from '../../../src/shared/quiz/generate'
import { buildQuizWorker, FakeMain, fixtureBytes, tempDir } from './support'

function fixtureArticle(name: string): Article {
  const read = articleFromBytes(name, fixtureBytes(name))
  if (!read.ok) throw new Error(read.error.message)
  return read.value.article
}

/** About 1 MB of plain-text article: the fixture's paragraphs, each made unique so none is dropped as a repeat. */
function megabyteStory(): string {
  const base = fixtureArticle('news-page.html').paragraphs
  const parts = ['Tidal ferries spread along the coast: a year of reports', 'Updated Mar 14, 2026']
  let size = 0
  for (let i = 0; size < 1_000_000; i++) {
    const p = `${base[i % base.length]!} (Report ${i + 1}.)`
    parts.push(p)
    size += p.length + 2
  }
  return parts.join('\n\n')
}

/** Runs `work` while a 1 ms interval counts how often the event loop got to run; returns the count and the result. */
async function ticksDuring<T>(work: () => Promise<T>): Promise<{ ticks: number; result: T }> {
  let ticks = 0
  const timer = setInterval(() => ticks++, 1)
  try {
    const result = await work()
    return { ticks, result }
  } finally {
    clearInterval(timer)
  }
}

describe('quiz generation in a worker thread', () => {
  let entry: string
  let runner: QuizRunner

  beforeAll(async () => {
    entry = await buildQuizWorker()
    // The 1 MB import below takes long on a loaded machine; this suite is about the event loop, not the time limit.
    runner = createWorkerQuizRunner(entry, { timeLimitMs: 170_000 })
  }, 60_000)
  afterAll(async () => {
    await runner?.close()
    if (entry) rmSync(entry, { force: true })
  })

  it('gives exactly the quiz the generator gives in-process', async () => {
    for (const name of ['news-page.html', 'night-trains.md', 'harbour-strike.txt']) {
      const article = fixtureArticle(name)
      expect(await runner.generate(article)).toEqual(generateQuiz(article))
    }
  })

  it('keeps the event loop running while a 1 MB article is imported and its quiz generated', async () => {
    const main = new FakeMain(tempDir(), { quizzes: runner })
    const text = megabyteStory()
    expect(text.length).toBeGreaterThanOrEqual(1_000_000)
    const { ticks, result } = await ticksDuring(() => main.value<ImportOutcome>('library:import-text', { text }))
    expect(result.status).toBe('added')
    // The import handler returns only after the quiz exists; meanwhile main kept serving timers (and so IPC).
    expect(ticks).toBeGreaterThan(0)
    const study = await main.value<StudyArticle>('article:get', result.summary.id)
    expect(study.questions).toHaveLength(result.summary.questionCount)
  }, 180_000)

  it('the same measurement sees a generator that blocks the loop (so the test above can fail)', async () => {
    const blocking = createInProcessQuizRunner(() => {
      const until = Date.now() + 150
      while (Date.now() < until) {
        // Busy: stands in for a long synchronous generation on the main thread.
      }
      return []
    })
    const { ticks } = await ticksDuring(() => blocking.generate(fixtureArticle('harbour-strike.txt')))
    expect(ticks).toBe(0)
  })

  it('answers a failing job with an error, keeping the worker alive', () => {
    const article = fixtureArticle('harbour-strike.txt')
    expect(
      runWorkerJob({ id: 3, kind: 'quiz', article }, () => {
        throw new Error('boom')
      })
    ).toEqual({ id: 3, ok: false, message: 'boom' })
    expect(runWorkerJob({ id: 4, kind: 'quiz', article }, () => [])).toEqual({ id: 4, ok: true, value: [] })
  })

  it('reads imported files in the worker exactly as in-process, refusals included', async () => {
    for (const name of ['news-page.html', 'night-trains.md', 'harbour-strike.txt', 'no-article.html']) {
      const input = { name, bytes: fixtureBytes(name) }
      expect(await runner.readArticle(input)).toEqual(readArticle(input))
    }
    expect(await runner.readArticle({ text: '' })).toMatchObject({ ok: false, error: { code: 'empty' } })
  })

  it('keeps the event loop running while a 1 MB HTML page is read in the worker', async () => {
    const html = new TextDecoder().decode(fixtureBytes('news-page.html'))
    const paragraphs = html.match(/<p>[^<]{100,}<\/p>/g) ?? []
    let body = ''
    for (let i = 0; body.length < 1_000_000; i++) body += paragraphs[i % paragraphs.length]!.replace('</p>', ` (Report ${i + 1}.)</p>\n`)
    const page = html.replace('<h2>Delays', `${body}<h2>Delays`)
    const { ticks, result } = await ticksDuring(() => runner.readArticle({ name: 'big.html', bytes: new TextEncoder().encode(page) }))
    expect(result.ok && result.value.article.paragraphs.length).toBeGreaterThan(3000)
    expect(ticks).toBeGreaterThan(0)
  }, 60_000)

  it('rejects pending jobs when the worker dies, and starts a fresh worker for the next job', async () => {
    const dir = tempDir()
    const flaky = join(dir, 'flaky-worker.cjs')
    // Dies on its first job; a restarted worker answers (it counts starts in a file).
    writeFileSync(
      flaky,
      `const { parentPort } = require('node:worker_threads'); const fs = require('node:fs');
       const file = ${JSON.stringify(join(dir, 'starts'))}; const n = fs.existsSync(file) ? Number(fs.readFileSync(file, 'utf8')) + 1 : 1; fs.writeFileSync(file, String(n));
       parentPort.on('message', (job) => { if (n === 1) process.exit(3); parentPort.postMessage({ id: job.id, ok: true, value: [] }) })`
    )
    const r = createWorkerQuizRunner(flaky)
    const article = fixtureArticle('harbour-strike.txt')
    await expect(r.generate(article)).rejects.toThrow(/stopped \(exit code 3\)/)
    await expect(r.generate(article)).resolves.toEqual([])
    await r.close()
  })

  it('turns a worker failure into a clear error for the user, and stores nothing', async () => {
    const broken = createWorkerQuizRunner(join(tempDir(), 'no-such-worker.cjs'))
    const main = new FakeMain(tempDir(), { quizzes: broken })
    const original = console.error
    console.error = () => undefined
    try {
      const result = await main.call('library:import-file', { name: 'harbour-strike.txt', bytes: fixtureBytes('harbour-strike.txt') })
      expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'The article could not be read because of a problem in the app. Nothing was imported; please try again.' } })
    } finally {
      console.error = original
    }
    expect((await main.value<{ bundled: boolean }[]>('library:list')).every((a) => a.bundled)).toBe(true)
    await broken.close()
  })
})
