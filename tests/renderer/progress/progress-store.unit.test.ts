import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, onTestFinished } from 'vitest'
import { REVIEW_SCOPE, summaryOf, type ProgressData } from '@shared/progress/model'
import { advance, currentQuestionId, isFinished, retryRun, startSession, type SessionState } from '@shared/progress/session'
import { fixedOffsetDayKey } from '@shared/progress/stats'
import type { Question } from '@shared/quiz/model'
import { ProgressDb } from '../../../src/renderer/src/progress/db'
import { ProgressStore } from '../../../src/renderer/src/progress/progress-store'
import { article, counterIds, DAY, MINUTE, quiz, T0, wrong } from '../../shared/progress/fixtures'

let dbCount = 0
let storeCount = 0
const opened: ProgressStore[] = []

/** A store over a fresh fake-indexeddb database (or `name`'s, to reopen one), with deterministic ids and collected warnings. */
function makeStore(name = `progress-test-${++dbCount}`, warnings: string[] = []): ProgressStore {
  const store = new ProgressStore(new ProgressDb(name), { newId: counterIds(`store${++storeCount}`), warn: (m) => warnings.push(m), dayKey: fixedOffsetDayKey(0) })
  opened.push(store)
  return store
}

afterEach(() => {
  for (const s of opened.splice(0)) s.close()
})

/** Answers the session's questions in order: `true` right, `false` wrong; stops early if `outcomes` is shorter. */
async function answerAll(store: ProgressStore, session: SessionState, questions: Question[], outcomes: boolean[], at: number): Promise<SessionState> {
  const byId = new Map(questions.map((q) => [q.id, q]))
  let s = session
  for (const [i, right] of outcomes.entries()) {
    const q = byId.get(currentQuestionId(s)!)!
    const out = await store.recordAnswer({ session: s, article: article(s.run.scope === REVIEW_SCOPE ? q.id.split('-q')[0]! : s.run.scope), question: q, chosen: right ? q.answer : wrong(q) }, at + i * 1000)
    s = advance(out.session)
  }
  return s
}

/** Two articles with some history: alpha finished (2 of 4 right), beta half done. */
async function seed(store: ProgressStore): Promise<{ alpha: Question[]; beta: Question[] }> {
  const alpha = quiz('alpha', 4)
  const beta = quiz('beta', 3)
  const a = await store.startRun({ scope: 'alpha', mode: 'full', questionIds: alpha.map((q) => q.id) }, T0)
  const aDone = await answerAll(store, a, alpha, [true, false, true, false], T0)
  const retry = retryRun(aDone, 'retry-1', T0 + MINUTE)!
  await store.db.runs.put(retry)
  await answerAll(store, startSession(retry), alpha, [true], T0 + 2 * MINUTE)
  const b = await store.startRun({ scope: 'beta', mode: 'full', questionIds: beta.map((q) => q.id) }, T0 + DAY)
  await answerAll(store, b, beta, [false, true], T0 + DAY)
  await store.setLastScope('beta')
  return { alpha, beta }
}

describe('recording an answer', () => {
  it('resolves only after the attempt and review state are committed', async () => {
    const db = new ProgressDb(`progress-test-${++dbCount}`)
    const events: string[] = []
    // Watch real commits at the IndexedDB level, under Dexie and under the store's direct writes alike.
    const proto = IDBDatabase.prototype
    const original = proto.transaction
    proto.transaction = function (this: IDBDatabase, stores: string | string[], mode?: IDBTransactionMode, options?: IDBTransactionOptions) {
      const tx = original.call(this, stores, mode, options)
      if (mode === 'readwrite') tx.addEventListener('complete', () => events.push(`committed ${[...tx.objectStoreNames].sort().join('+')}`))
      return tx
    } as typeof original
    onTestFinished(() => {
      proto.transaction = original
    })
    const store = new ProgressStore(db, { newId: counterIds(), warn: () => {} })
    opened.push(store)
    const [q] = quiz('alpha', 1)
    const session = await store.startRun({ scope: 'alpha', mode: 'full', questionIds: [q!.id] }, T0)
    events.length = 0
    const out = await store.recordAnswer({ session, article: article('alpha'), question: q!, chosen: q!.answer }, T0 + 5)
    events.push('resolved')
    expect(events).toEqual(['committed attempts+cards+reviews+runs', 'resolved'])
    expect(out.correct).toBe(true)
    expect(out.session.run.score).toEqual({ correct: 1, total: 1 })

    // A second connection sees everything at once.
    const other = makeStore(db.name)
    expect(await other.db.attempts.get(out.attempt.id)).toEqual(out.attempt)
    // Stored with its place in the review queue (SCHEMA_V3): right, so when FSRS makes it due.
    expect(await other.db.reviews.get(q!.id)).toEqual({ ...out.review, queueAt: out.review.card.due })
    expect((await other.db.runs.get(session.run.id))?.finishedAt).toBe(T0 + 5)
  })

  it('writes all or nothing: a failed write rejects and leaves the review state untouched', async () => {
    const name = `progress-test-${++dbCount}`
    // Ids repeat, so the attempt's add fails on a duplicate key after the review was computed.
    const store = new ProgressStore(new ProgressDb(name), { newId: () => 'same', warn: () => {} })
    opened.push(store)
    const [q1, q2] = quiz('alpha', 2)
    await store.db.attempts.add({ id: 'same', questionId: 'x', articleId: 'x', runId: null, chosen: 'x', correct: true, at: 1 })
    const run = { id: 'run', scope: 'alpha', mode: 'full' as const, questionIds: [q1!.id, q2!.id], startedAt: T0, finishedAt: null, score: null }
    await expect(store.recordAnswer({ session: startSession(run), article: article('alpha'), question: q1!, chosen: q1!.answer }, T0)).rejects.toThrow()
    expect(await store.db.reviews.count()).toBe(0)
    expect(await store.db.attempts.count()).toBe(1)
  })

  it('refuses a second answer to the same question in a run, writing nothing', async () => {
    const store = makeStore()
    const [q] = quiz('alpha', 2)
    const s = await store.startRun({ scope: 'alpha', mode: 'full', questionIds: quiz('alpha', 2).map((x) => x.id) }, T0)
    const out = await store.recordAnswer({ session: s, article: article('alpha'), question: q!, chosen: q!.answer }, T0)
    await expect(store.recordAnswer({ session: out.session, article: article('alpha'), question: q!, chosen: wrong(q!) }, T0 + 1)).rejects.toThrow(/not open/)
    expect(await store.db.attempts.count()).toBe(1)
  })
})

describe('the in-memory review records', () => {
  it('give the same results as the database after answers, an import and a reset', async () => {
    const warmed = makeStore()
    await warmed.warm()
    await warmed.stats(T0) // loads the daily totals too
    const cold = makeStore()
    await seed(warmed)
    await seed(cold)
    // Same history, one scheduled from the cache and one from database reads: identical review records.
    expect((await warmed.readAll()).reviews).toEqual((await cold.readAll()).reviews)

    const other = makeStore()
    const gamma = quiz('gamma', 2)
    await answerAll(other, await other.startRun({ scope: 'gamma', mode: 'full', questionIds: gamma.map((q) => q.id) }, T0), gamma, [false, false], T0 + 3 * DAY)
    expect((await warmed.importAll(await other.exportAll(T0))).ok).toBe(true)
    await warmed.resetArticle('alpha')

    const reread = makeStore(warmed.db.name)
    for (const now of [T0, T0 + 2 * DAY, T0 + 9 * DAY]) {
      expect(await warmed.reviewQueue(now)).toEqual(await reread.reviewQueue(now))
      expect(await warmed.dueSummary(now)).toEqual(await reread.dueSummary(now))
      expect(await warmed.stats(now)).toEqual(await reread.stats(now))
      expect(await warmed.articleProgress(now)).toEqual(await reread.articleProgress(now))
    }
    expect((await warmed.reviewQueue(T0 + 3 * DAY + 5000)).groups.map((g) => g.articleId)).toEqual(['beta', 'gamma'])
  })

  it('once warm, saving an answer does not read the database first', async () => {
    const db = new ProgressDb(`progress-test-${++dbCount}`)
    const reads: string[] = []
    const proto = IDBObjectStore.prototype
    const originals = { get: proto.get, getAll: proto.getAll, openCursor: proto.openCursor }
    for (const key of ['get', 'getAll', 'openCursor'] as const) {
      const original = originals[key] as (this: IDBObjectStore, ...args: unknown[]) => IDBRequest
      proto[key] = function (this: IDBObjectStore, ...args: unknown[]) {
        reads.push(`${this.name}.${key}`)
        return original.apply(this, args)
      } as never
    }
    onTestFinished(() => {
      Object.assign(proto, originals)
    })
    const store = new ProgressStore(db, { newId: counterIds('warm'), warn: () => {} })
    opened.push(store)
    await store.warm()
    // The small card summaries, not the full review records (see SCHEMA_V2).
    expect(reads).toContain('cards.getAll')
    expect(reads).not.toContain('reviews.getAll')
    reads.length = 0
    const qs = quiz('alpha', 2)
    await answerAll(store, await store.startRun({ scope: 'alpha', mode: 'full', questionIds: qs.map((q) => q.id) }, T0), qs, [true, false], T0)
    expect(reads).toEqual([])
    // The second answer was given a second after the first.
    expect((await store.reviewQueue(T0 + 1000)).order).toEqual(['alpha-q2'])
  })
})

describe('resuming', () => {
  it('reopens at the same article and question with all answers kept', async () => {
    const first = makeStore()
    const qs = quiz('alpha', 4)
    const s = await first.startRun({ scope: 'alpha', mode: 'full', questionIds: qs.map((q) => q.id) }, T0)
    await answerAll(first, s, qs, [true, false], T0)
    await first.setLastScope('alpha')
    first.close()

    const again = makeStore(first.db.name)
    expect(await again.lastScope()).toBe('alpha')
    const resumed = await again.resume('alpha')
    expect(resumed).not.toBeNull()
    expect(resumed!.run.id).toBe(s.run.id)
    expect(currentQuestionId(resumed!)).toBe('alpha-q3')
    expect(resumed!.answers).toEqual({
      'alpha-q1': { chosen: qs[0]!.answer, correct: true, at: T0 },
      'alpha-q2': { chosen: wrong(qs[1]!), correct: false, at: T0 + 1000 }
    })
    // Finishing after the restart finishes the same run.
    const done = await answerAll(again, resumed!, qs, [true, true], T0 + DAY)
    expect(isFinished(done)).toBe(true)
    expect((await again.resume('alpha'))!.run.score).toEqual({ correct: 3, total: 4 })
  })

  it('returns the latest run of the scope, and null for a scope without runs', async () => {
    const store = makeStore()
    await store.startRun({ scope: 'alpha', mode: 'full', questionIds: ['a'] }, T0)
    const later = await store.startRun({ scope: 'alpha', mode: 'retry', questionIds: ['b'] }, T0 + 1)
    expect((await store.resume('alpha'))!.run.id).toBe(later.run.id)
    expect(await store.resume('beta')).toBeNull()
  })

  it('drops questions a new release removed, keeping answered ones, and saves the run', async () => {
    const store = makeStore()
    const qs = quiz('alpha', 3)
    const s = await store.startRun({ scope: 'alpha', mode: 'full', questionIds: qs.map((q) => q.id) }, T0)
    await answerAll(store, s, qs, [false], T0)
    const resumed = await store.resume('alpha', new Set(['alpha-q3', 'alpha-q9']), T0 + 5)
    expect(resumed!.run.questionIds).toEqual(['alpha-q1', 'alpha-q3'])
    expect((await store.db.runs.get(s.run.id))!.questionIds).toEqual(['alpha-q1', 'alpha-q3'])
    // The missed question that is gone from the quiz is still in history and review.
    expect(await store.history('alpha-q1')).toHaveLength(1)
    expect((await store.reviewQueue(T0 + 5)).order).toEqual(['alpha-q1'])
  })
})

describe('spaced review through the store', () => {
  it('makes a missed question due soon and pushes a correct one further out', async () => {
    const store = makeStore()
    const qs = quiz('alpha', 2)
    const s = await store.startRun({ scope: 'alpha', mode: 'full', questionIds: qs.map((q) => q.id) }, T0)
    await answerAll(store, s, qs, [false, true], T0)
    const missed = (await store.db.reviews.get('alpha-q1'))!
    const right = (await store.db.reviews.get('alpha-q2'))!
    expect(missed.card.due - T0).toBeLessThanOrEqual(DAY)
    expect(right.card.due).toBeGreaterThan(missed.card.due)
    // The missed one is in the review queue already, so the next one to come due is the right one.
    expect(await store.dueSummary(T0 + 1000)).toEqual({ dueNow: 0, nextDueAt: right.card.due })
    expect(await store.dueSummary(missed.card.due)).toEqual({ dueNow: 1, nextDueAt: right.card.due })

    // Answering the missed one right in a retry run pushes it out.
    const retry = await store.startRun({ scope: 'alpha', mode: 'retry', questionIds: ['alpha-q1'] }, missed.card.due)
    const out = await store.recordAnswer({ session: retry, article: article('alpha'), question: qs[0]!, chosen: qs[0]!.answer }, missed.card.due)
    expect(out.review.missed).toBe(0)
    expect(out.review.card.due).toBeGreaterThan(missed.card.due + 5 * MINUTE)
    expect(out.review.answers).toBe(2)
  })

  it('builds the review queue across articles, grouped by article, with the last and correct answers', async () => {
    const store = makeStore()
    await seed(store)
    const queue = await store.reviewQueue(T0 + DAY + 10_000)
    expect(queue.groups.map((g) => [g.articleId, g.articleTitle, g.items.map((i) => i.questionId)])).toEqual([
      ['alpha', 'Title of alpha', ['alpha-q4']],
      ['beta', 'Title of beta', ['beta-q1']]
    ])
    const item = queue.groups[0]!.items[0]!
    expect(item.lastCorrect).toBe(false)
    expect(item.lastChosen).toBe(wrong(item.question))
    expect(item.question.answer).toBe('Option A4')
    expect(item.question.evidence.text).toBe('Sentence 4 of alpha.')
  })
})

describe('export and import', () => {
  it('export → wipe → import is lossless', async () => {
    const store = makeStore()
    await seed(store)
    const before = await store.readAll()
    expect(before.attempts.length).toBe(7)
    const text = await store.exportAll(T0 + 2 * DAY)
    await store.db.delete()
    store.close()

    const fresh = makeStore(store.db.name)
    expect((await fresh.readAll()).attempts).toEqual([])
    const result = await fresh.importAll(text)
    expect(result).toEqual({ ok: true, counts: { attempts: 7, reviews: 6, runs: 3 } })
    expect(await fresh.readAll()).toEqual(before)
    expect(await fresh.exportAll(T0 + 2 * DAY)).toBe(text)
    // Resume and the review queue work from imported data.
    expect(currentQuestionId((await fresh.resume('beta'))!)).toBe('beta-q3')
  })

  it('merges into existing progress by id, and importing the same file again changes nothing', async () => {
    const source = makeStore()
    await seed(source)
    const text = await source.exportAll(T0)
    const target = makeStore()
    const gamma = quiz('gamma', 1)
    const g = await target.startRun({ scope: 'gamma', mode: 'full', questionIds: [gamma[0]!.id] }, T0)
    await answerAll(target, g, gamma, [false], T0)
    expect(await target.importAll(text)).toMatchObject({ ok: true })
    const merged = await target.readAll()
    expect(merged.attempts).toHaveLength(8)
    expect(merged.reviews.map((r) => r.questionId).sort()).toContain('gamma-q1')
    expect(await target.importAll(text)).toEqual({ ok: true, counts: { attempts: 0, reviews: 0, runs: 0 } })
    expect(await target.readAll()).toEqual(merged)
  })

  it('a malformed, foreign, future-version or partly damaged file gives a message and changes nothing', async () => {
    const store = makeStore()
    await seed(store)
    const before = await store.readAll()
    const good = JSON.parse(await store.exportAll(T0)) as Record<string, unknown> & ProgressData
    // Valid records first, one bad record last: nothing of the valid part may be written.
    const extra = { ...good.attempts[0]!, id: 'new-attempt' }
    const partlyBad = { ...good, attempts: [extra, { ...good.attempts[1]!, at: 'yesterday' }] }
    const cases: [string, RegExp][] = [
      ['{"format":"newsquiz-progress",', /not valid JSON/],
      ['{"type":"FeatureCollection","features":[]}', /another program/],
      [JSON.stringify({ ...good, version: 7 }), /newer version/],
      [JSON.stringify(partlyBad), /damaged: answer 2 \(at\)/]
    ]
    for (const [text, expected] of cases) {
      const result = await store.importAll(text)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.message).toMatch(expected)
      expect(await store.readAll()).toEqual(before)
    }
  })
})

describe('reset', () => {
  it('deletes one article’s progress and leaves the others', async () => {
    const store = makeStore()
    await seed(store)
    const before = await store.readAll()
    expect(await store.resetArticle('alpha')).toEqual({ attempts: 5, reviews: 4, runs: 2 })
    const after = await store.readAll()
    const isBeta = (id: string): boolean => id.startsWith('beta')
    expect(after).toEqual({
      attempts: before.attempts.filter((a) => a.articleId === 'beta'),
      reviews: before.reviews.filter((r) => isBeta(r.questionId)),
      runs: before.runs.filter((r) => r.scope === 'beta')
    })
    expect(after.attempts).toHaveLength(2)
    expect(await store.resume('alpha')).toBeNull()
    expect((await store.reviewQueue(T0 + 2 * DAY)).groups.map((g) => g.articleId)).toEqual(['beta'])
  })
})

describe('statistics', () => {
  it('gives per-article scores, accuracy by day and the streak', async () => {
    const store = makeStore()
    await seed(store)
    const stats = await store.stats(T0 + DAY + HOURS(1))
    expect(stats.articles).toEqual([
      { articleId: 'alpha', latest: { correct: 2, total: 4, finishedAt: T0 + 3000 }, best: { correct: 2, total: 4, finishedAt: T0 + 3000 }, runs: 1 }
    ])
    expect(stats.accuracy).toEqual([
      { day: '2026-11-28', correct: 3, total: 5, accuracy: 0.6 },
      { day: '2026-11-29', correct: 1, total: 2, accuracy: 0.5 }
    ])
    expect(stats.streak).toEqual({ current: 2, best: 2, studiedToday: true })
  })
})

describe('article progress', () => {
  it('counts answered and to-review questions per article with latest and best scores', async () => {
    const store = makeStore()
    await seed(store)
    const progress = await store.articleProgress(T0 + DAY + 10_000)
    expect([...progress.values()].sort((a, b) => (a.articleId < b.articleId ? -1 : 1))).toEqual([
      { articleId: 'alpha', answered: 4, toReview: 1, latest: { correct: 2, total: 4 }, best: { correct: 2, total: 4 } },
      { articleId: 'beta', answered: 2, toReview: 1, latest: null, best: null }
    ])
    await store.resetArticle('alpha')
    expect([...(await store.articleProgress(T0)).keys()]).toEqual(['beta'])
  })
})

function HOURS(n: number): number {
  return n * 60 * MINUTE
}

describe('corrupted and foreign records', () => {
  it('are skipped with a warning; everything else keeps working', async () => {
    const warnings: string[] = []
    const store = makeStore(undefined, warnings)
    await seed(store)
    const before = await store.readAll()
    // Written around the types, as a bug, an old build or another program could.
    await store.db.table('reviews').put({ questionId: 'junk-1', articleId: 'alpha', missed: 1, card: { due: 'soon' } })
    await store.db.table('reviews').put({ questionId: 'junk-2', hello: 'world', missed: 1 })
    await store.db.table('attempts').put({ id: 'junk-3', questionId: 'alpha-q1', articleId: 'alpha', runId: null, chosen: 7, correct: 'maybe', at: T0 })
    await store.db.table('runs').put({ id: 'junk-4', scope: 'beta', startedAt: T0 + 5 * DAY })
    await store.db.table('meta').put({ key: 'lastScope', value: 42 })

    const queue = await store.reviewQueue(T0 + DAY + 10_000)
    expect(queue.order).toEqual(['alpha-q4', 'beta-q1'])
    expect(await store.readAll()).toEqual(before)
    expect(currentQuestionId((await store.resume('beta'))!)).toBe('beta-q3')
    expect(await store.lastScope()).toBeNull()
    expect((await store.stats(T0 + DAY)).accuracy.reduce((n, d) => n + d.total, 0)).toBe(7)
    expect(await store.dueSummary(T0 + 5 * DAY)).toMatchObject({ dueNow: 6 })
    expect(warnings.some((w) => w.includes('reviews record "junk-1"'))).toBe(true)
    expect(warnings.some((w) => w.includes('reviews record "junk-2"'))).toBe(true)
    expect(warnings.some((w) => w.includes('attempts record "junk-3"'))).toBe(true)
    expect(warnings.some((w) => w.includes('runs record "junk-4"'))).toBe(true)
    expect(warnings.some((w) => w.includes('meta record "lastScope"'))).toBe(true)
    // An export leaves the junk out, so it still imports.
    expect((await makeStore().importAll(await store.exportAll(T0))).ok).toBe(true)
  })

  it('a corrupted review record does not block answering that question', async () => {
    const store = makeStore()
    const [q] = quiz('alpha', 1)
    await store.db.table('reviews').put({ questionId: q!.id, garbage: true })
    const s = await store.startRun({ scope: 'alpha', mode: 'full', questionIds: [q!.id] }, T0)
    const out = await store.recordAnswer({ session: s, article: article('alpha'), question: q!, chosen: wrong(q!) }, T0)
    // Missed: in the review queue from the moment of the answer.
    expect(await store.db.reviews.get(q!.id)).toEqual({ ...out.review, queueAt: T0 })
    expect(out.review.answers).toBe(1)
  })
})

describe('a closed store', () => {
  it('rejects an answer instead of silently reopening the database', async () => {
    const store = makeStore()
    const [q] = quiz('alpha', 1)
    const s = await store.startRun({ scope: 'alpha', mode: 'full', questionIds: [q!.id] }, T0)
    store.close()
    await expect(store.recordAnswer({ session: s, article: article('alpha'), question: q!, chosen: q!.answer }, T0)).rejects.toThrow(/closed/)
    const reopened = makeStore(store.db.name)
    expect(await reopened.db.attempts.count()).toBe(0)
  })
})

describe('discardRunIfEmpty', () => {
  it('deletes a run with no answers, so the run with answers is resumed, and keeps a run with answers', async () => {
    const store = makeStore()
    const questions = quiz('gamma', 3)
    const ids = questions.map((q) => q.id)
    const answered = await store.startRun({ scope: 'gamma', mode: 'full', questionIds: ids }, T0)
    await answerAll(store, answered, questions, [true], T0 + MINUTE)
    const empty = await store.startRun({ scope: 'gamma', mode: 'full', questionIds: ids }, T0 + DAY)
    expect((await store.resume('gamma'))?.run.id).toBe(empty.run.id)
    expect(await store.discardRunIfEmpty(answered.run.id)).toBe(false)
    expect(await store.discardRunIfEmpty(empty.run.id)).toBe(true)
    const resumed = await store.resume('gamma')
    expect(resumed?.run.id).toBe(answered.run.id)
    expect(Object.keys(resumed!.answers)).toHaveLength(1)
  })
})

describe('a stored review record out of range', () => {
  it('is skipped with a warning and never blocks answering that question', async () => {
    const warnings: string[] = []
    const store = makeStore(undefined, warnings)
    const [q1] = quiz('alpha', 1)
    // Written by an older version from a crafted import: a reviewed card with stability 0 and a far-future lastAt.
    const damaged = {
      questionId: q1!.id,
      articleId: 'alpha',
      articleTitle: 'Alpha',
      card: { due: T0, stability: 0, difficulty: 5, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 3, lapses: 0, state: 2 as const, last_review: T0 - DAY },
      missed: 1 as const,
      lastChosen: 'x',
      lastAt: Date.UTC(275000, 0, 1),
      answers: 3,
      question: q1!,
      retired: 0 as const
    }
    // The record and its card summary (schema 2 keeps both), as that version would have written them.
    await store.db.reviews.put(damaged)
    await store.db.cards.put(summaryOf(damaged))
    const run = { id: 'run', scope: 'alpha', mode: 'full' as const, questionIds: [q1!.id], startedAt: T0, finishedAt: null, score: null }
    const out = await store.recordAnswer({ session: startSession(run), article: article('alpha'), question: q1!, chosen: q1!.answer }, T0)
    expect(out.review.answers).toBe(1)
    expect(out.review.lastAt).toBe(T0)
    expect(Number.isFinite(out.review.card.due)).toBe(true)
    expect(warnings.join('\n')).toMatch(/skipped an invalid (?:reviews|cards) record/)
    expect((await store.db.reviews.get(q1!.id))?.lastAt).toBe(T0)
  })
})
