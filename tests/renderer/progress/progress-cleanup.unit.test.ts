import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { REVIEW_SCOPE } from '@shared/progress/model'
import { fixedOffsetDayKey } from '@shared/progress/stats'
import { ProgressDb } from '../../../src/renderer/src/progress/db'
import { ProgressStore } from '../../../src/renderer/src/progress/progress-store'
import { article, counterIds, DAY, quiz, T0, wrong } from '../../shared/progress/fixtures'

let dbCount = 0
const opened: ProgressStore[] = []

function makeStore(name = `progress-cleanup-${++dbCount}`): ProgressStore {
  const store = new ProgressStore(new ProgressDb(name), { newId: counterIds(`cleanup${dbCount}`), warn: () => undefined, dayKey: fixedOffsetDayKey(0) })
  opened.push(store)
  return store
}

afterEach(() => {
  for (const s of opened.splice(0)) s.close()
})

/** One answered question (wrong) in each of `ids`, plus a review run over all of them. */
async function answerOneEach(store: ProgressStore, ids: string[]): Promise<void> {
  for (const id of ids) {
    const [q] = quiz(id, 1)
    const s = await store.startRun({ scope: id, mode: 'full', questionIds: [q!.id] }, T0)
    await store.recordAnswer({ session: s, article: article(id), question: q!, chosen: wrong(q!) }, T0 + 1000)
  }
  await store.startRun({ scope: REVIEW_SCOPE, mode: 'retry', questionIds: ids.map((id) => quiz(id, 1)[0]!.id) }, T0 + 2000)
}

describe('removing progress of articles no longer in the library', () => {
  it('deletes answers, review records and runs of the missing articles only, and the cached figures follow', async () => {
    const store = makeStore()
    await answerOneEach(store, ['kept', 'gone'])
    await store.warm()
    expect((await store.reviewQueue(T0 + DAY)).total).toBe(2)
    expect((await store.stats(T0 + DAY)).totalAnswers).toBe(2)

    expect(await store.removeProgressOutside(new Set(['kept', 'other']))).toEqual({ attempts: 1, reviews: 1, runs: 1 })
    const all = await store.readAll()
    expect(all.attempts.map((a) => a.articleId)).toEqual(['kept'])
    expect(all.reviews.map((r) => r.articleId)).toEqual(['kept'])
    // The article's run goes; the review run stays (its answers went with their articles).
    expect(all.runs.map((r) => r.scope).sort()).toEqual([REVIEW_SCOPE, 'kept'].sort())
    expect((await store.reviewQueue(T0 + DAY)).total).toBe(1)
    expect([...(await store.articleProgress(T0 + DAY)).keys()]).toEqual(['kept'])
    const stats = await store.stats(T0 + DAY)
    expect(stats.totalAnswers).toBe(1)
    expect(stats.articles.map((a) => a.articleId)).not.toContain('gone')
  })

  it('refuses an empty library, which would mean the list could not be read', async () => {
    const store = makeStore()
    await answerOneEach(store, ['kept'])
    await expect(store.removeProgressOutside(new Set())).rejects.toThrow(/refusing/)
    expect((await store.readAll()).attempts).toHaveLength(1)
  })
})

describe('undoing an answer', () => {
  it('puts the attempt, review record and run back as they were, for a first and for a later answer', async () => {
    const store = makeStore()
    const qs = quiz('alpha', 2)
    const run = await store.startRun({ scope: 'alpha', mode: 'full', questionIds: qs.map((q) => q.id) }, T0)
    const first = await store.recordAnswer({ session: run, article: article('alpha'), question: qs[0]!, chosen: qs[0]!.answer }, T0 + 1000)
    const before = await store.readAll()
    const previous = await store.reviewRecord(qs[1]!.id)
    expect(previous).toBeNull()

    // The last question: the run finishes; undo must un-finish it and forget the question's review.
    const second = await store.recordAnswer({ session: first.session, article: article('alpha'), question: qs[1]!, chosen: wrong(qs[1]!) }, T0 + 2000)
    expect(second.session.run.finishedAt).not.toBeNull()
    await store.undoAnswer({ attemptId: second.attempt.id, questionId: qs[1]!.id, previous, run: first.session.run })
    expect(await store.readAll()).toEqual(before)
    expect((await store.reviewQueue(T0 + DAY)).total).toBe(0)

    // A question answered before: its earlier review record comes back.
    const earlier = await store.reviewRecord(qs[0]!.id)
    const retry = await store.startRun({ scope: 'alpha', mode: 'retry', questionIds: [qs[0]!.id] }, T0 + 3000)
    const again = await store.recordAnswer({ session: retry, article: article('alpha'), question: qs[0]!, chosen: wrong(qs[0]!) }, T0 + 4000)
    expect((await store.reviewRecord(qs[0]!.id))?.missed).toBe(1)
    await store.undoAnswer({ attemptId: again.attempt.id, questionId: qs[0]!.id, previous: earlier, run: retry.run })
    expect(await store.reviewRecord(qs[0]!.id)).toEqual(earlier)
    expect((await store.readAll()).attempts).toHaveLength(1)
    expect((await store.stats(T0 + DAY)).totalAnswers).toBe(1)
  })
})
