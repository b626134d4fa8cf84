import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import type { Attempt, ReviewRecord } from '@shared/progress/model'
import { applyAttemptToReview } from '@shared/progress/review'
import { fixedOffsetDayKey } from '@shared/progress/stats'
import { ProgressDb } from '../../../src/renderer/src/progress/db'
import { ProgressStore } from '../../../src/renderer/src/progress/progress-store'
import { article, counterIds, DAY, quiz, T0, wrong } from '../../shared/progress/fixtures'

// The app starts by showing an article and its quiz, and loads every review card beside that (issue #10): these
// tests check that nothing is lost or stale when the two overlap.

let n = 0
const opened: ProgressStore[] = []
function makeStore(name: string): ProgressStore {
  const store = new ProgressStore(new ProgressDb(name), { newId: counterIds(`start${++n}`), warn: (m) => expect.fail(`unexpected warning: ${m}`), dayKey: fixedOffsetDayKey(0) })
  opened.push(store)
  return store
}
afterEach(() => {
  for (const s of opened.splice(0)) s.close()
})

// More cards than one page of the load (1,000), every one missed: `alpha` sorts first, so its cards are in the first page.
const ARTICLES = ['alpha', 'beta', 'gamma']
const PER_ARTICLE = 400

async function seeded(): Promise<string> {
  const name = `startup-load-${++n}`
  const store = makeStore(name)
  const attempts: Attempt[] = []
  const reviews: ReviewRecord[] = []
  for (const id of ARTICLES) {
    for (const q of quiz(id, PER_ARTICLE)) {
      const attempt: Attempt = { id: `${q.id}-a`, questionId: q.id, articleId: id, runId: null, chosen: wrong(q), correct: false, at: T0 }
      attempts.push(attempt)
      reviews.push(applyAttemptToReview(undefined, article(id), q, attempt))
    }
  }
  expect(await store.importAll({ version: 2, attempts, reviews, runs: [], reports: [], articles: [], exportedAt: new Date(T0).toISOString() })).toMatchObject({ ok: true })
  store.close()
  return name
}

describe('loading the review cards at start, beside the first quiz', () => {
  // Calls `then` as soon as the first page of cards has been read, before the load reads on: a change started there
  // commits before the load ends, so alpha's cards of that page are stale unless the change is replayed onto them.
  function afterFirstPage(then: () => void): void {
    const original = IDBObjectStore.prototype.getAll
    IDBObjectStore.prototype.getAll = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['getAll']>) {
      const request = original.apply(this, args)
      if (this.name === 'cards') {
        IDBObjectStore.prototype.getAll = original
        request.addEventListener('success', then)
      }
      return request
    }
  }

  it.each(['before the load reads anything', 'between its pages'])('keeps the answers, reports and resets committed while the cards load (%s)', async (when) => {
    const name = await seeded()
    const store = makeStore(name)
    const [q1, q2] = quiz('alpha', 2)
    // A quiz on alpha: its cards are prepared without the load, then q1 is answered right, q2 reported, gamma reset.
    expect(await store.prepareQuiz('alpha', quiz('alpha', PER_ARTICLE).map((q) => q.id), T0 + DAY)).toEqual(new Set())
    const session = await store.startRun({ scope: 'alpha', mode: 'full', questionIds: [q1!.id] }, T0 + DAY)
    let changes: Promise<unknown> | null = null
    const change = (): void => {
      changes = Promise.all([
        store.recordAnswer({ session, article: article('alpha'), question: q1!, chosen: q1!.answer }, T0 + DAY),
        store.reportQuestion({ article: article('alpha'), question: q2!, reason: '' }, T0 + DAY),
        store.resetArticle('gamma')
      ])
    }
    if (when === 'between its pages') afterFirstPage(change)
    const loading = store.warm()
    if (when !== 'between its pages') change()
    await loading
    expect(changes).not.toBeNull()
    await changes

    expect(store.isStillMissed(q1!.id)).toBe(false)
    expect(store.isStillMissed(q2!.id)).toBe(false)
    const queue = await store.reviewQueue(T0 + DAY)
    expect(queue.order).not.toContain(q1!.id)
    expect(queue.order).not.toContain(q2!.id)
    expect(queue.order.some((id) => id.startsWith('gamma-'))).toBe(false)
    expect(queue.total).toBe(2 * PER_ARTICLE - 2)
    // What is in memory is what a fresh load reads from the database.
    expect((await makeStore(name).reviewQueue(T0 + DAY)).order).toEqual(queue.order)
  })
})

describe('removing progress outside the library at start', () => {
  it('writes nothing when every answer belongs to an article in the library, and still finds a left-over one', async () => {
    const name = await seeded()
    const store = makeStore(name)
    expect(await store.removeProgressOutside(new Set(ARTICLES))).toEqual({ attempts: 0, reviews: 0, runs: 0 })
    expect((await store.reviewQueue(T0 + DAY)).total).toBe(3 * PER_ARTICLE)
    expect(await store.removeProgressOutside(new Set(['alpha', 'beta']))).toEqual({ attempts: PER_ARTICLE, reviews: PER_ARTICLE, runs: 0 })
    expect((await store.reviewQueue(T0 + DAY)).total).toBe(2 * PER_ARTICLE)
    expect((await makeStore(name).readAll()).attempts.some((a) => a.articleId === 'gamma')).toBe(false)
  })
})
