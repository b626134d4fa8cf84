import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, onTestFinished } from 'vitest'
import { summaryOf, type Attempt, type QuestionReport, type ReviewRecord } from '@shared/progress/model'
import { applyAttemptToReview, selectForReview } from '@shared/progress/review'
import { fixedOffsetDayKey } from '@shared/progress/stats'
import { ProgressDb } from '../../../src/renderer/src/progress/db'
import { ProgressStore } from '../../../src/renderer/src/progress/progress-store'
import { article, DAY, HOUR, question, T0 } from '../../shared/progress/fixtures'

/*
 * Review reads its questions through the queue index (SCHEMA_V3) rather than choosing them among every card in
 * memory. These tests hold the two ways to the same answer, and check that opening Review reads no card.
 */

let dbCount = 0
const opened: ProgressStore[] = []
afterEach(() => {
  for (const s of opened.splice(0)) s.close()
})

function makeStore(): ProgressStore {
  const store = new ProgressStore(new ProgressDb(`review-queue-test-${++dbCount}`), { warn: () => {}, dayKey: fixedOffsetDayKey(0) })
  opened.push(store)
  return store
}

/**
 * `n` review records over five articles, answered over the ten days before T0 (a third wrong), some with equal
 * answer times so only the id orders them; every seventh retired; and a report for every eleventh question.
 */
function history(n: number): { reviews: ReviewRecord[]; attempts: Attempt[]; reports: QuestionReport[] } {
  const reviews: ReviewRecord[] = []
  const attempts: Attempt[] = []
  const reports: QuestionReport[] = []
  for (let i = 0; i < n; i++) {
    const a = article(`art${i % 5}`)
    const q = question(a.id, i)
    const correct = i % 3 !== 0
    const at = T0 - 10 * DAY + ((i * 7919) % 40) * 6 * HOUR
    const attempt: Attempt = { id: `a${i}`, questionId: q.id, articleId: a.id, runId: null, chosen: correct ? q.answer : q.options[1]!, correct, at }
    attempts.push(attempt)
    const review = applyAttemptToReview(undefined, a, q, attempt)
    reviews.push(i % 7 === 0 ? { ...review, retired: 1 } : review)
    if (i % 11 === 0) reports.push({ questionId: q.id, articleId: a.id, articleTitle: a.title, prompt: q.prompt, reason: '', at: T0 })
  }
  return { reviews, attempts, reports }
}

async function seeded(n: number): Promise<{ store: ProgressStore; reviews: ReviewRecord[]; reported: Set<string> }> {
  const store = makeStore()
  const { reviews, attempts, reports } = history(n)
  const result = await store.importAll({ attempts, reviews, runs: [], reports, articles: [], version: 2, exportedAt: new Date(T0).toISOString() })
  expect(result.ok).toBe(true)
  return { store, reviews, reported: new Set(reports.map((r) => r.questionId)) }
}

describe('the review queue read through its index', () => {
  it('holds the questions the in-memory choice holds (which depends on their order) under the daily limit', async () => {
    const { store, reviews, reported } = await seeded(300)
    for (const now of [T0 - 5 * DAY, T0, T0 + 3 * DAY, T0 + 60 * DAY]) {
      for (const limit of [Infinity, 250, 40, 10, 0]) {
        const expected = selectForReview(reviews.map(summaryOf), now, { limit, excluded: reported })
        const queue = await store.reviewQueue(now, limit)
        expect(queue.order.length, `now ${now}, limit ${limit}`).toBe(expected.ids.length)
        // Grouped by article for the list; the run asks the groups in order, so compare the sets and the counts.
        expect([...queue.order].sort(), `now ${now}, limit ${limit}`).toEqual([...expected.ids].sort())
        expect(await store.reviewCount(now, limit)).toEqual({ total: expected.ids.length, waiting: expected.waiting, doneToday: 0 })
      }
    }
  })

  it('counts the review answers given today against the limit', async () => {
    const { store, reviews, reported } = await seeded(120)
    for (let i = 0; i < 4; i++) await store.noteReviewAnswer(T0)
    const expected = selectForReview(reviews.map(summaryOf), T0, { limit: 10 - 4, excluded: reported })
    const queue = await store.reviewQueue(T0, 10)
    expect(queue.doneToday).toBe(4)
    expect([...queue.order].sort()).toEqual([...expected.ids].sort())
    expect(await store.reviewCount(T0, 10)).toEqual({ total: expected.ids.length, waiting: expected.waiting, doneToday: 4 })
    // Tomorrow the count starts again.
    expect((await store.reviewQueue(T0 + DAY, 10)).doneToday).toBe(0)
  })

  it('follows answers, grades, retirements and resets as they are saved', async () => {
    const { store } = await seeded(40)
    const before = await store.reviewQueue(T0)
    const first = before.groups[0]!.items[0]!
    // A right answer in Review takes the question out of today's queue.
    const run = await store.startRun({ scope: '*review', mode: 'retry', questionIds: [first.questionId] }, T0)
    const out = await store.recordAnswer({ session: run, article: article(first.articleId), question: first.question, chosen: first.question.answer }, T0)
    expect((await store.reviewQueue(T0)).order).not.toContain(first.questionId)
    // Graded Again instead: back in the queue at once.
    await store.gradeAnswer(first.questionId, out.previousCard, 1)
    expect((await store.reviewQueue(T0)).order).toContain(first.questionId)
    // The generator no longer asks it: retired, out of the queue.
    await store.prepareQuiz(first.articleId, [], T0)
    expect((await store.reviewQueue(T0)).order.some((id) => id.startsWith(`${first.articleId}-`))).toBe(false)
    await store.resetArticle('art1')
    expect((await store.reviewQueue(T0 + 60 * DAY)).groups.map((g) => g.articleId)).not.toContain('art1')
  })

  it('opens without reading the cards or the answers: only the questions it shows', async () => {
    const { store } = await seeded(200)
    // A new window: nothing in memory yet.
    const fresh = new ProgressStore(new ProgressDb(store.db.name), { warn: () => {}, dayKey: fixedOffsetDayKey(0) })
    opened.push(fresh)
    const reads: string[] = []
    const proto = IDBObjectStore.prototype
    const originals = { getAll: proto.getAll, openCursor: proto.openCursor }
    for (const key of ['getAll', 'openCursor'] as const) {
      const original = originals[key] as (this: IDBObjectStore, ...args: unknown[]) => IDBRequest
      proto[key] = function (this: IDBObjectStore, ...args: unknown[]) {
        reads.push(`${this.name}.${key}`)
        return original.apply(this, args)
      } as never
    }
    onTestFinished(() => void Object.assign(proto, originals))
    const queue = await fresh.reviewQueue(T0, 10)
    expect(queue.total).toBe(10)
    expect(reads).toEqual([])
  })
})

describe("the library's due counts", () => {
  it('add up, article by article, to what Review offers today under the daily limit', async () => {
    const { store } = await seeded(300)
    for (let i = 0; i < 3; i++) await store.noteReviewAnswer(T0)
    for (const limit of [Infinity, 40, 10]) {
      const queue = await store.reviewQueue(T0, limit)
      const offered = new Map(queue.groups.map((g) => [g.articleId, g.items.length]))
      const perArticle = await store.articleProgress(T0, limit)
      const shown = new Map([...perArticle].filter(([, p]) => p.toReview > 0).map(([id, p]) => [id, p.toReview]))
      expect(shown, `limit ${limit}`).toEqual(offered)
    }
    // The limit leaves some out: the counts must not be the whole queue's.
    const all = [...(await store.articleProgress(T0)).values()].reduce((n, p) => n + p.toReview, 0)
    const today = [...(await store.articleProgress(T0, 10)).values()].reduce((n, p) => n + p.toReview, 0)
    expect(today).toBe(10 - 3)
    expect(all).toBeGreaterThan(today)
  })
})
