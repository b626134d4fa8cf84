import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createWorkerQuizRunner, JobStopped, type QuizRunner } from '../../../src/main/quiz-runner'
import { CANCELLED_MESSAGE, TIMED_OUT_MESSAGE } from '../../../src/main/library'
import type { ImportOutcome } from '../../../src/shared/ipc/contract'
import { FakeMain, snapshot, tempDir } from './support'

/**
 * A stand-in worker speaking the real protocol: a read of text containing "HANG" never returns (like a parser
 * stuck on hostile input); any other read gives a small article; a quiz is one question-less list.
 */
function stallingWorker(): string {
  const file = join(tempDir(), 'stalling-worker.cjs')
  writeFileSync(
    file,
    `const { parentPort } = require('node:worker_threads')
     parentPort.on('message', (job) => {
       if (job.kind === 'read') {
         const text = job.input.text ?? new TextDecoder().decode(job.input.bytes)
         if (text.includes('HANG')) for (;;) {}
         const title = text.split('\\n')[0]
         const article = { id: 'a' + title.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 40), title, date: null, dateLabel: null, source: null, byline: null, credits: [], paragraphs: [text], headings: [], licence: null }
         parentPort.postMessage({ id: job.id, ok: true, value: { ok: true, value: { article, format: 'text' } } })
       } else parentPort.postMessage({ id: job.id, ok: true, value: [] })
     })`
  )
  return file
}

describe('the worker runner ends stuck jobs', () => {
  let runner: QuizRunner | null = null
  afterEach(async () => {
    await runner?.close()
    runner = null
  })

  it('ends a job past its time limit, while a job on another worker finishes, and the next job runs', async () => {
    runner = createWorkerQuizRunner(stallingWorker(), { timeLimitMs: 1500 })
    const stuck = runner.readArticle({ text: 'HANG' })
    const other = runner.readArticle({ text: 'Harbour strike ends\n\nThe strike ended.' })
    expect(await other).toMatchObject({ ok: true })
    const error = await stuck.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(JobStopped)
    expect((error as JobStopped).reason).toBe('timed-out')
    expect(await runner.readArticle({ text: 'Ferries return\n\nThey did.' })).toMatchObject({ ok: true })
  }, 20_000)

  it('ends a job when its signal aborts, before the time limit', async () => {
    runner = createWorkerQuizRunner(stallingWorker(), { timeLimitMs: 60_000 })
    const controller = new AbortController()
    const stuck = runner.readArticle({ text: 'HANG' }, { signal: controller.signal })
    setTimeout(() => controller.abort(), 200)
    const started = Date.now()
    const error = await stuck.catch((e: unknown) => e)
    expect((error as JobStopped).reason).toBe('cancelled')
    expect(Date.now() - started).toBeLessThan(10_000)
  }, 20_000)
})

describe('a stuck import in the app', () => {
  it('is reported as taking too long, stores nothing, and never holds up another import', async () => {
    const runner = createWorkerQuizRunner(stallingWorker(), { timeLimitMs: 1500 })
    const dir = tempDir()
    const main = new FakeMain(dir, { quizzes: runner })
    try {
      await main.value('library:list')
      const before = snapshot(dir)
      const stuck = main.call('library:import-text', { text: 'A stuck file\n\nHANG', name: 'stuck.txt' })
      // Started while the first is stuck: it finishes first.
      const other = await main.value<ImportOutcome>('library:import-text', { text: 'Night trains return\n\nThey did.' })
      expect(other.status).toBe('added')
      const afterOther = snapshot(dir)
      expect(await stuck).toEqual({ ok: false, error: { code: 'timed-out', message: TIMED_OUT_MESSAGE } })
      expect(TIMED_OUT_MESSAGE).toBe('This file took too long to read; nothing was changed.')
      expect(snapshot(dir)).toEqual(afterOther)
      expect(Object.keys(afterOther).length).toBeGreaterThan(Object.keys(before).length)
    } finally {
      await runner.close()
    }
  }, 20_000)

  it('is ended by Cancel (its job id), stores nothing, and a dropped file names itself in the message', async () => {
    const runner = createWorkerQuizRunner(stallingWorker(), { timeLimitMs: 60_000 })
    const dir = tempDir()
    const main = new FakeMain(dir, { quizzes: runner })
    try {
      await main.value('library:list')
      const before = snapshot(dir)
      const stuck = main.call('library:import-file', { name: 'stuck.txt', bytes: new TextEncoder().encode('A stuck file\n\nHANG'), job: 'import-7' })
      await new Promise((r) => setTimeout(r, 200))
      expect(await main.value('library:cancel-import', 'import-7')).toEqual({ cancelled: true })
      expect(await stuck).toEqual({ ok: false, error: { code: 'cancelled', message: `“stuck.txt”: ${CANCELLED_MESSAGE}` } })
      expect(await main.value('library:cancel-import', 'import-7')).toEqual({ cancelled: false })
      expect(snapshot(dir)).toEqual(before)
      // Paste still works after a cancel.
      expect((await main.value<ImportOutcome>('library:import-text', { text: 'Ferries return\n\nThey did.', job: 'import-8' })).status).toBe('added')
    } finally {
      await runner.close()
    }
  }, 20_000)
})
