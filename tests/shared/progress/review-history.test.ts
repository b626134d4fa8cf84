import { describe, expect, it } from 'vitest'
import type { Attempt, ReviewRecord } from '@shared/progress/model'
import { applyAttemptToReview, newCard, scheduleAnswer } from '@shared/progress/review'
import { article, DAY, question, T0 } from './fixtures'

// Review must carry each question's FSRS state from one answer to the next: rescheduled from scratch, every
// interval would stay at the first one (a few days), and well-known questions would keep coming back.

function attempt(questionId: string, correct: boolean, at: number): Attempt {
  return { id: `${questionId}@${at}`, questionId, articleId: 'alpha', runId: null, chosen: correct ? 'right' : 'wrong', correct, at }
}

/** Answers question 1 right each time it falls due, `times` times; the review record after each answer. */
function answeredOnTime(times: number): ReviewRecord[] {
  const q = question('alpha', 1)
  const out: ReviewRecord[] = []
  let at = T0
  let record: ReviewRecord | undefined
  for (let i = 0; i < times; i++) {
    record = applyAttemptToReview(record, article('alpha'), q, attempt(q.id, true, at))
    out.push(record)
    at = record.card.due
  }
  return out
}

describe('review with a history', () => {
  it('grows the interval with each right answer given when due, past a month by the fifth', () => {
    const records = answeredOnTime(5)
    const intervals = records.map((r) => r.card.due - r.lastAt)
    for (let i = 1; i < intervals.length; i++) expect(intervals[i]!, `interval ${i + 1}`).toBeGreaterThan(intervals[i - 1]!)
    expect(intervals.at(-1)!).toBeGreaterThan(30 * DAY)
    expect(records.map((r) => r.card.reps)).toEqual([1, 2, 3, 4, 5])
    expect(records.map((r) => r.answers)).toEqual([1, 2, 3, 4, 5])
    expect(records.at(-1)!.card.last_review).toBe(records.at(-1)!.lastAt)
  })

  it('schedules from the card it is given: a known card goes further out than a new one answered at the same time', () => {
    const known = answeredOnTime(3).at(-1)!
    const at = known.card.due
    const fromHistory = scheduleAnswer(known.card, true, at)
    const fromScratch = scheduleAnswer(null, true, at)
    expect(fromHistory.due - at).toBeGreaterThan(2 * (fromScratch.due - at))
    expect(fromHistory.reps).toBe(known.card.reps + 1)
    expect(fromHistory.stability).toBeGreaterThan(known.card.stability)
  })

  it('counts a lapse on a known card, and brings it back sooner than its last interval', () => {
    const known = answeredOnTime(4).at(-1)!
    const q = question('alpha', 1)
    const lapsed = applyAttemptToReview(known, article('alpha'), q, attempt(q.id, false, known.card.due))
    expect(lapsed.card.lapses).toBe(known.card.lapses + 1)
    expect(lapsed.missed).toBe(1)
    expect(lapsed.card.due - lapsed.lastAt).toBeLessThan(known.card.due - known.lastAt)
  })

  it('starts a new card empty, due at once', () => {
    expect(newCard(T0)).toMatchObject({ due: T0, reps: 0, lapses: 0, state: 0, last_review: null })
  })
})
