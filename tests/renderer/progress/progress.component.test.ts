import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { flushSync } from 'svelte'
import { ProgressDb } from '../../../src/renderer/src/progress/db'
import { ProgressStore } from '../../../src/renderer/src/progress/progress-store'
import { ProgressState, QuizSession, type ProgressFilesApi } from '../../../src/renderer/src/progress/progress.svelte'
import { article, counterIds, DAY, quiz, T0, wrong } from '../../shared/progress/fixtures'

let n = 0
function store(name = `progress-svelte-${++n}`): ProgressStore {
  return new ProgressStore(new ProgressDb(name), { newId: counterIds(`${name}-${Math.random()}`), warn: () => {} })
}

describe('QuizSession', () => {
  it('shows feedback only once the answer is saved, finishes, retries missed, and resumes after a restart', async () => {
    const s = store()
    const qs = quiz('alpha', 3)
    let now = T0
    const quizPanel = new QuizSession(s, 'alpha', qs, article('alpha'), () => now)
    await quizPanel.resumeOrStart()
    expect([quizPanel.number, quizPanel.count, quizPanel.current?.id]).toEqual([1, 3, 'alpha-q1'])

    const pending = quizPanel.answer(wrong(qs[0]!))
    flushSync()
    expect(quizPanel.saving).toBe(true)
    expect(quizPanel.feedback).toBeNull()
    await pending
    expect(quizPanel.feedback).toMatchObject({ chosen: wrong(qs[0]!), correct: false, answer: qs[0]!.answer })
    // A second answer to the same question is ignored.
    await quizPanel.answer(qs[0]!.answer)
    expect(quizPanel.feedback?.correct).toBe(false)
    quizPanel.next()
    expect(quizPanel.number).toBe(2)
    now += 1000
    await quizPanel.answer(qs[1]!.answer)

    // Restart: a new panel over the same database resumes at the first unanswered question, answers kept.
    s.close()
    const reopened = new QuizSession(store(s.db.name), 'alpha', qs, article('alpha'), () => now)
    await reopened.resumeOrStart()
    expect([reopened.number, reopened.current?.id, reopened.feedback]).toEqual([3, 'alpha-q3', null])
    expect(Object.keys(reopened.state!.answers)).toEqual(['alpha-q1', 'alpha-q2'])
    await reopened.answer(qs[2]!.answer)
    expect(reopened.finished).toBe(true)
    expect(reopened.score).toEqual({ correct: 2, total: 3 })
    expect(reopened.missed.map((m) => [m.question.id, m.chosen])).toEqual([['alpha-q1', wrong(qs[0]!)]])
    expect(await reopened.retryMissed()).toBe(true)
    expect([reopened.count, reopened.current?.id]).toEqual([1, 'alpha-q1'])
    await reopened.answer(qs[0]!.answer)
    expect(reopened.missed).toEqual([])
    expect(await reopened.retryMissed()).toBe(false)
  })
})

describe('ProgressState', () => {
  it('runs the review queue as a session and reports import and export outcomes', async () => {
    const s = store()
    const qs = quiz('alpha', 2)
    let now = T0
    const panel = new QuizSession(s, 'alpha', qs, article('alpha'), () => now)
    await panel.start()
    await panel.answer(wrong(qs[0]!))
    panel.next()
    await panel.answer(wrong(qs[1]!))

    const progress = new ProgressState(s, () => now)
    await progress.refresh()
    expect(progress.queue.total).toBe(2)
    expect(progress.due.dueNow).toBe(0)
    now = T0 + DAY
    await progress.refresh()
    expect(progress.due.dueNow).toBe(2)

    const review = progress.reviewSession()
    await review.start()
    await review.answer(qs[0]!.answer)
    review.next()
    await review.answer(qs[1]!.answer)
    await progress.refresh()
    expect(progress.queue.total).toBe(0)

    let saved = ''
    const api: ProgressFilesApi = {
      exportProgress: async (text) => ((saved = text), { ok: true, value: { saved: true, path: '/tmp/p.json' } }),
      importProgress: async () => ({ ok: true, value: { text: '{"not":"ours"}', path: '/tmp/x.json' } })
    }
    expect(await progress.exportToFile(api)).toEqual({ kind: 'info', text: 'Progress exported to /tmp/p.json.' })
    expect(JSON.parse(saved)).toMatchObject({ format: 'newsquiz-progress', version: 1 })
    expect(await progress.importFromFile(api)).toMatchObject({ kind: 'error', text: expect.stringMatching(/not a News Quiz progress file/) })
    expect(await progress.importFromFile({ ...api, importProgress: async () => ({ ok: true, value: { text: null, path: null } }) })).toBeNull()
    const fresh = new ProgressState(store(), () => now)
    expect(await fresh.importFromFile({ ...api, importProgress: async () => ({ ok: true, value: { text: saved, path: 'p' } }) })).toMatchObject({ kind: 'info' })
    await fresh.refreshStats()
    expect(fresh.stats?.totalAnswers).toBe(4)
  })
})
