import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import { AttemptSchema, QuizRunSchema, ReviewRecordSchema, summaryOf, type Attempt, type ReviewRecord } from '@shared/progress/model'
import { applyAttemptToReview } from '@shared/progress/review'
import { DB_VERSION, DB_VERSIONS, declareVersions, ProgressDb, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, storedReview, validRows } from '../../../src/renderer/src/progress/db'
import { ProgressStore } from '../../../src/renderer/src/progress/progress-store'
import { article, question, T0 } from '../../shared/progress/fixtures'

let n = 0
const freshName = (): string => `progress-db-test-${++n}`

/** A connection that declares only the versions up to `version`: the database as that release created it. */
function openAtVersion(name: string, version: number): Dexie {
  const db = new Dexie(name)
  declareVersions(
    db,
    DB_VERSIONS.filter((v) => v.version <= version)
  )
  return db
}

/**
 * Per released version: records written the way that release wrote them, and a check that the latest
 * version still reads them. Adding a version without adding its entry here fails the test below.
 */
const MIGRATIONS: Record<number, { seed: (db: Dexie) => Promise<void>; check: (store: ProgressStore) => Promise<void> }> = {
  1: {
    async seed(db) {
      const q = question('alpha', 1)
      const attempt = { id: 'a1', questionId: q.id, articleId: 'alpha', runId: 'r1', chosen: 'Option B1', correct: false, at: T0 }
      await db.table('attempts').add(attempt)
      await db.table('reviews').add(applyAttemptToReview(undefined, article('alpha'), q, attempt))
      await db.table('runs').add({ id: 'r1', scope: 'alpha', mode: 'full', questionIds: [q.id, 'alpha-q2'], startedAt: T0 - 1, finishedAt: null, score: null })
      await db.table('meta').add({ key: 'lastScope', value: 'alpha' })
    },
    async check(store) {
      const resumed = await store.resume('alpha')
      expect(resumed?.answers['alpha-q1']).toEqual({ chosen: 'Option B1', correct: false, at: T0 })
      expect(resumed?.position).toBe(1)
      expect(await store.lastScope()).toBe('alpha')
      expect((await store.reviewQueue(T0)).order).toEqual(['alpha-q1'])
      const all = await store.readAll()
      expect(all.attempts).toHaveLength(1)
      expect(all.reviews).toHaveLength(1)
      expect(all.runs).toHaveLength(1)
      // Version 2 filled the card summaries from the review records; old records read as not retired.
      expect(await store.db.cards.get('alpha-q1')).toMatchObject({ questionId: 'alpha-q1', articleId: 'alpha', missed: 1, answers: 1 })
      expect(all.reviews[0]!.retired).toBe(0)
      expect(await store.articleProgress(T0)).toEqual(new Map([['alpha', { articleId: 'alpha', answered: 1, toReview: 1, latest: null, best: null }]]))
    }
  },
  2: {
    async seed(db) {
      // A retired card, a missed one, a right one, and a report, as version 2 wrote them (no `queueAt`).
      for (const review of v2Reviews()) {
        await db.table('reviews').add(review)
        await db.table('cards').add(summaryOf(review))
      }
      await db.table('attempts').bulkAdd(v2Attempts())
      await db.table('reports').add({ questionId: 'beta-q2', articleId: 'beta', articleTitle: 'Title of beta', prompt: 'Question 2 about beta?', reason: 'two answers fit', at: T0 })
    },
    async check(store) {
      expect((await store.db.cards.get('beta-q1'))?.retired).toBe(1)
      expect(await store.reports()).toEqual([{ questionId: 'beta-q2', articleId: 'beta', articleTitle: 'Title of beta', prompt: 'Question 2 about beta?', reason: 'two answers fit', at: T0 }])
      // Nothing lost: every record reads back as version 2 wrote it.
      const all = await store.readAll()
      expect(all.reviews.sort((a, b) => (a.questionId < b.questionId ? -1 : 1))).toEqual(v2Reviews())
      expect(all.attempts).toEqual(v2Attempts())
      // Version 3 put the active records in the queue index: the miss at once, the right answer when FSRS makes it due.
      const [, missed, right] = v2Reviews()
      expect((await store.db.reviews.get('beta-q1'))?.queueAt).toBeUndefined()
      expect((await store.db.reviews.get('gamma-q1'))?.queueAt).toBe(T0)
      expect((await store.db.reviews.get('gamma-q2'))?.queueAt).toBe(right!.card.due)
      expect((await store.reviewQueue(T0)).order).toEqual([missed!.questionId])
      expect((await store.reviewQueue(right!.card.due)).order).toEqual(['gamma-q1', 'gamma-q2'])
      expect((await store.reviewQueue(T0 + 400 * 86_400_000)).total).toBe(2)
    }
  },
  3: {
    async seed(db) {
      const q = question('delta', 1)
      const attempt = { id: 'd1', questionId: q.id, articleId: 'delta', runId: null, chosen: 'Option B1', correct: false, at: T0 }
      const review = applyAttemptToReview(undefined, article('delta'), q, attempt)
      await db.table('attempts').add(attempt)
      await db.table('reviews').add(storedReview(review))
      await db.table('cards').add(summaryOf(review))
    },
    async check(store) {
      expect((await store.reviewQueue(T0)).order).toEqual(['delta-q1'])
      expect((await store.readAll()).reviews).toHaveLength(1)
    }
  }
}

/** What version 2 stored: beta-q1 retired; gamma-q1 missed and gamma-q2 right, both at T0. */
function v2Attempts(): Attempt[] {
  return [
    { id: 'b1', questionId: 'beta-q1', articleId: 'beta', runId: null, chosen: 'Option A1', correct: true, at: T0 - 1000 },
    { id: 'g1', questionId: 'gamma-q1', articleId: 'gamma', runId: null, chosen: 'Option B1', correct: false, at: T0 },
    { id: 'g2', questionId: 'gamma-q2', articleId: 'gamma', runId: null, chosen: 'Option A2', correct: true, at: T0 }
  ]
}
function v2Reviews(): ReviewRecord[] {
  const [b1, g1, g2] = v2Attempts()
  return [
    { ...applyAttemptToReview(undefined, article('beta'), question('beta', 1), b1!), retired: 1 as const },
    applyAttemptToReview(undefined, article('gamma'), question('gamma', 1), g1!),
    applyAttemptToReview(undefined, article('gamma'), question('gamma', 2), g2!)
  ]
}

describe('progress database schema', () => {
  it('keeps released schemas unchanged (edit by adding a version, never by changing one)', () => {
    expect(SCHEMA_V1).toEqual({
      attempts: 'id, articleId, runId, questionId',
      reviews: 'questionId, articleId',
      runs: 'id, [scope+startedAt]',
      meta: 'key'
    })
    expect(Object.isFrozen(SCHEMA_V1)).toBe(true)
    expect(SCHEMA_V2).toEqual({ ...SCHEMA_V1, cards: 'questionId, articleId', reports: 'questionId, articleId' })
    expect(Object.isFrozen(SCHEMA_V2)).toBe(true)
    expect(SCHEMA_V3).toEqual({ ...SCHEMA_V2, reviews: 'questionId, articleId, [queueAt+questionId]' })
    expect(Object.isFrozen(SCHEMA_V3)).toBe(true)
  })

  it('lists versions 1, 2, 3... in order, each after 1 with an upgrade step', () => {
    expect(DB_VERSIONS.map((v) => v.version)).toEqual(DB_VERSIONS.map((_, i) => i + 1))
    expect(DB_VERSION).toBe(DB_VERSIONS.length)
    for (const v of DB_VERSIONS.slice(1)) expect(v.upgrade, `version ${v.version}`).toBeTypeOf('function')
  })

  it('has a migration test for every version', () => {
    expect(Object.keys(MIGRATIONS).map(Number)).toEqual(DB_VERSIONS.map((v) => v.version))
  })

  for (const { version } of DB_VERSIONS) {
    it(`keeps version ${version} data when the latest version opens it`, async () => {
      const name = freshName()
      const old = openAtVersion(name, version)
      await old.open()
      expect(old.verno).toBe(version)
      await MIGRATIONS[version]!.seed(old)
      old.close()

      const db = new ProgressDb(name)
      await db.open()
      expect(db.verno).toBe(DB_VERSION)
      const store = new ProgressStore(db, { warn: (m) => expect.fail(`unexpected warning: ${m}`) })
      await MIGRATIONS[version]!.check(store)
      store.close()

      // And once more after closing the latest version: nothing depends on a live connection.
      const again = new ProgressStore(new ProgressDb(name), { warn: (m) => expect.fail(`unexpected warning: ${m}`) })
      await MIGRATIONS[version]!.check(again)
      again.close()
    })
  }

  it('creates the tables and indexes the store queries', async () => {
    const db = new ProgressDb(freshName())
    await db.open()
    expect(db.tables.map((t) => t.name).sort()).toEqual(['attempts', 'cards', 'meta', 'reports', 'reviews', 'runs'])
    expect(db.reviews.schema.indexes.map((i) => i.name).sort()).toEqual(['[queueAt+questionId]', 'articleId'])
    expect(db.cards.schema.indexes.map((i) => i.name).sort()).toEqual(['articleId'])
    expect(db.reports.schema.indexes.map((i) => i.name).sort()).toEqual(['articleId'])
    expect(db.runs.schema.indexes.map((i) => i.name)).toEqual(['[scope+startedAt]'])
    db.close()
  })

  it('accepts DexieOptions, so tests and the benchmark can pass their own IndexedDB', async () => {
    const { indexedDB, IDBKeyRange } = await import('fake-indexeddb')
    const db = new ProgressDb(freshName(), { indexedDB, IDBKeyRange })
    await db.open()
    expect(db.verno).toBe(DB_VERSION)
    db.close()
  })
})

describe('record validation', () => {
  it('keeps valid rows and reports each invalid one by table and key', () => {
    const q = question('alpha', 1)
    const attempt = { id: 'a1', questionId: q.id, articleId: 'alpha', runId: null, chosen: 'x', correct: true, at: T0 }
    const warnings: string[] = []
    const rows = [attempt, { ...attempt, id: 'a2', at: -1 }, 'a string', null, { ...attempt, id: 'a3', correct: undefined }]
    expect(validRows(AttemptSchema, rows, 'attempts', (m) => warnings.push(m))).toEqual([attempt])
    expect(warnings).toHaveLength(4)
    expect(warnings[0]).toMatch(/attempts record "a2": at:/)
    expect(warnings[1]).toMatch(/\(string\)/)
    expect(warnings[3]).toMatch(/"a3": correct/)
  })

  it('rejects a review whose snapshot belongs to another question, and a run with an unknown mode', () => {
    const q = question('alpha', 1)
    const attempt = { id: 'a1', questionId: q.id, articleId: 'alpha', runId: null, chosen: 'x', correct: true, at: T0 }
    const review = applyAttemptToReview(undefined, article('alpha'), q, attempt)
    const warn = (): void => {}
    expect(validRows(ReviewRecordSchema, [review, { ...review, questionId: 'other' }], 'reviews', warn)).toEqual([review])
    const run = { id: 'r', scope: 'alpha', mode: 'full', questionIds: [], startedAt: T0, finishedAt: null, score: null }
    expect(validRows(QuizRunSchema, [run, { ...run, mode: 'marathon' }], 'runs', warn)).toEqual([run])
  })
})
