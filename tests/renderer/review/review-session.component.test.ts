import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Attempt, ReviewRecord } from '@shared/progress/model'
import { applyAttemptToReview } from '@shared/progress/review'
import { fixedOffsetDayKey } from '@shared/progress/stats'
import { ProgressDb } from '../../../src/renderer/src/progress/db'
import { ProgressStore } from '../../../src/renderer/src/progress/progress-store'
import { cardsOf, ReviewSession } from '../../../src/renderer/src/review/review-session.svelte'
import { article, DAY, HOUR, question, T0, wrong } from '../../shared/progress/fixtures'

/*
 * The review session's own logic (runes, so it runs in the component project, but no component): which card
 * comes next, the default grade and Again / Hard / Good / Easy, the daily limit it counts against, reported
 * cards, and a save that fails. (The review has no undo of its own; undo belongs to the article's quiz.)
 */

let n = 0
const stores: ProgressStore[] = []
afterEach(() => {
  vi.restoreAllMocks()
  for (const s of stores.splice(0)) s.close()
})

/** A store holding `missed` questions answered wrong: alpha's the day before T0, beta's two days before (more overdue). */
async function storeWithMissed(missed: { alpha: number; beta: number }): Promise<ProgressStore> {
  const store = new ProgressStore(new ProgressDb(`review-session-${++n}`), { warn: () => {}, dayKey: fixedOffsetDayKey(0) })
  stores.push(store)
  const attempts: Attempt[] = []
  const reviews: ReviewRecord[] = []
  for (const [id, count, daysAgo] of [['alpha', missed.alpha, 1], ['beta', missed.beta, 2]] as const) {
    for (let i = 1; i <= count; i++) {
      const q = question(id, i)
      const attempt: Attempt = { id: `${id}-${i}`, questionId: q.id, articleId: id, runId: null, chosen: wrong(q), correct: false, at: T0 - daysAgo * DAY + i }
      attempts.push(attempt)
      reviews.push(applyAttemptToReview(undefined, article(id), q, attempt))
    }
  }
  expect((await store.importAll({ attempts, reviews, runs: [], reports: [], articles: [], version: 2, exportedAt: new Date(T0).toISOString() })).ok).toBe(true)
  return store
}

async function startAt(store: ProgressStore, now: number, limit = Infinity): Promise<{ session: ReviewSession; changes: () => number }> {
  let changes = 0
  const session = await ReviewSession.start(store, cardsOf(await store.reviewQueue(now, limit)), () => changes++, () => now)
  return { session, changes: () => changes }
}

describe('ReviewSession', () => {
  it('asks the cards in queue order, most overdue article first, each with its article, and ends with the score', async () => {
    const store = await storeWithMissed({ alpha: 2, beta: 2 })
    const { session, changes } = await startAt(store, T0)
    expect(session.count).toBe(4)
    const asked: string[] = []
    while (!session.finished) {
      const card = session.current!
      asked.push(`${card.articleTitle}: ${card.question.id}`)
      expect(session.number).toBe(asked.length)
      expect(session.answer).toBeNull()
      // Right on the first two, wrong on the others.
      await session.choose(asked.length <= 2 ? card.question.answer : wrong(card.question))
      expect(session.answer?.correct).toBe(asked.length <= 2)
      session.next()
    }
    expect(asked).toEqual(['Title of beta: beta-q1', 'Title of beta: beta-q2', 'Title of alpha: alpha-q1', 'Title of alpha: alpha-q2'])
    expect(session.score).toEqual({ correct: 2, total: 4 })
    expect(session.current).toBeNull()
    expect(changes()).toBe(4)
  })

  it('does not move on before an answer, and keeps the first answer of a card', async () => {
    const store = await storeWithMissed({ alpha: 2, beta: 0 })
    const { session } = await startAt(store, T0)
    session.next()
    expect(session.current?.question.id).toBe('alpha-q1')
    const q = session.current!.question
    await Promise.all([session.choose(q.answer), session.choose(wrong(q))])
    expect(session.answer).toMatchObject({ chosen: q.answer, correct: true })
    expect(await store.history(q.id)).toHaveLength(2)
  })

  it('grades Again by default when wrong and Good when right; another grade reschedules the card as its preview said', async () => {
    const store = await storeWithMissed({ alpha: 2, beta: 0 })
    const { session, changes } = await startAt(store, T0)
    expect(session.grade).toBeNull()
    await session.rate(4)
    expect(session.grade).toBeNull()

    const first = session.current!.question
    await session.choose(wrong(first))
    expect(session.grade).toBe(1)
    const preview = session.preview!
    // Each grade pushes the card further out.
    expect(preview[1]).toBeLessThan(preview[2])
    expect(preview[2]).toBeLessThan(preview[3])
    expect(preview[3]).toBeLessThan(preview[4])
    expect(session.nextDue).toBe(preview[1])
    expect((await store.reviewRecord(first.id))?.card.due).toBe(preview[1])

    for (const grade of [3, 2, 4, 1] as const) {
      await session.rate(grade)
      expect(session.grade).toBe(grade)
      expect(session.nextDue).toBe(preview[grade])
      const record = await store.reviewRecord(first.id)
      expect(record?.card.due).toBe(preview[grade])
      // Again keeps it missed; any other grade counts it as recalled.
      expect(record?.missed).toBe(grade === 1 ? 1 : 0)
    }
    const before = changes()
    await session.rate(1)
    expect(changes()).toBe(before)

    session.next()
    const second = session.current!.question
    await session.choose(second.answer)
    expect(session.grade).toBe(3)
    expect(session.nextDue).toBe(session.preview![3])
    // A card graded Good is out of today's queue; the one graded Again is still in it.
    expect((await store.reviewQueue(T0 + HOUR)).order).toEqual([first.id])
  })

  it("counts each answer against the daily limit, so tomorrow's review is what is left", async () => {
    const store = await storeWithMissed({ alpha: 3, beta: 3 })
    const { session } = await startAt(store, T0 + HOUR, 4)
    expect(session.count).toBe(4)
    for (let i = 0; i < 2; i++) {
      await session.choose(session.current!.question.answer)
      session.next()
    }
    // Two of today's four are used: two more today, although four questions are still missed.
    const queue = await store.reviewQueue(T0 + HOUR, 4)
    expect(queue.doneToday).toBe(2)
    expect(queue.total).toBe(2)
    expect(await store.reviewCount(T0 + HOUR, 4)).toEqual({ total: 2, waiting: 2, doneToday: 2 })
    // The next day starts afresh.
    expect((await store.reviewQueue(T0 + DAY, 4)).total).toBe(4)
  })

  it('takes a reported card out of the run: it is skipped, and the count and numbers close up', async () => {
    const store = await storeWithMissed({ alpha: 3, beta: 0 })
    const { session } = await startAt(store, T0)
    expect(session.current?.question.id).toBe('alpha-q1')
    // The card on screen, before it is answered.
    session.remove('alpha-q1')
    expect(session.current?.question.id).toBe('alpha-q2')
    expect(session.count).toBe(2)
    expect(session.number).toBe(1)
    // A later card: skipped when its turn comes.
    session.remove('alpha-q3')
    await session.choose(session.current!.question.answer)
    session.next()
    expect(session.finished).toBe(true)
    expect(session.score).toEqual({ correct: 1, total: 1 })
  })

  it('says when an answer could not be saved, and counts nothing', async () => {
    const store = await storeWithMissed({ alpha: 1, beta: 0 })
    const { session, changes } = await startAt(store, T0)
    vi.spyOn(store, 'recordAnswer').mockRejectedValueOnce(new Error('disk full'))
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    await session.choose(session.current!.question.answer)
    expect(session.answer).toBeNull()
    expect(session.error).toMatch(/could not be saved/)
    expect(logged).toHaveBeenCalledTimes(1)
    expect(changes()).toBe(0)
    expect((await store.reviewQueue(T0)).doneToday).toBe(0)
    // Trying again works, and clears the message.
    await session.choose(session.current!.question.answer)
    expect(session.answer?.correct).toBe(true)
    expect(session.error).toBeNull()
    expect(changes()).toBe(1)
  })
})
