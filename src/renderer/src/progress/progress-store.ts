import Dexie, { type DexieOptions } from 'dexie'
import type { Question } from '@shared/quiz/model'
import { parseProgressExport, serializeProgressExport } from '@shared/progress/export-format'
import { planMerge } from '@shared/progress/merge'
import {
  AttemptSchema,
  QuizRunSchema,
  ReviewRecordSchema,
  type ArticleRef,
  type Attempt,
  type Millis,
  type ProgressData,
  type QuizRun,
  type ReviewRecord,
  type RunScope,
  type Score
} from '@shared/progress/model'
import { applyAttemptToReview, buildReviewQueue, dueCount, inReviewQueue, nextDue, type DueSummary, type ReviewQueue } from '@shared/progress/review'
import { applyAnswer, newRun, reconcileSession, resumeSession, startSession, type SessionState } from '@shared/progress/session'
import { addToDaily, articleScores, localDayKey, mergeDaily, statsFromDaily, type DailyTotals, type DayKey, type ProgressStats } from '@shared/progress/stats'
import { consoleWarn, MetaRecordSchema, ProgressDb, validRows, type Warn } from './db'

/** What the store needs besides its database; every field has an app default, tests pass their own. */
export interface ProgressStoreOptions {
  /** A new unique id for an attempt or run. */
  newId?: () => string
  /** Where skipped (invalid) records are reported. */
  warn?: Warn
  /** Calendar days for statistics. */
  dayKey?: DayKey
}

/** The result of `recordAnswer`, available only once the answer is committed. */
export interface AnswerOutcome {
  session: SessionState
  attempt: Attempt
  review: ReviewRecord
  correct: boolean
}

/** The result of an import: what was added or updated, or a message for the user (and nothing changed). */
export type ImportResult =
  | { ok: true; counts: { attempts: number; reviews: number; runs: number } }
  | { ok: false; message: string }

/** One article's progress for the library list, computed without reading the answer history. */
export interface ArticleProgressSummary {
  articleId: string
  /** Questions of this article answered at least once. */
  answered: number
  /** Of those, how many are in the review queue now (missed, or due by FSRS). */
  toReview: number
  /** Latest and best finished full run, or null before the first one. */
  latest: Score | null
  best: Score | null
}

/** How many records a reset deleted. */
export interface ResetCounts {
  attempts: number
  reviews: number
  runs: number
}

const LAST_SCOPE_KEY = 'lastScope'

function defaultNewId(): string {
  const c = globalThis.crypto
  if (c && typeof c.randomUUID === 'function') return c.randomUUID()
  // Only in an insecure context without randomUUID: time plus randomness is unique enough for one user's answers.
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`
}

/** Runs `work` in a readwrite transaction on `stores`; resolves when it commits, rejects if it aborts. */
function nativeTransaction(db: IDBDatabase, stores: string[], work: (tx: IDBTransaction) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(stores, 'readwrite')
    tx.oncomplete = () => resolve()
    tx.onabort = () => reject(tx.error ?? new Error('progress: the transaction was aborted'))
    try {
      work(tx)
    } catch (e) {
      tx.abort()
      reject(e)
    }
  })
}

function byTimeThenId<T extends { id: string }>(time: (x: T) => number) {
  return (a: T, b: T): number => time(a) - time(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/**
 * The progress layer over the database: records answers, resumes runs, schedules reviews, builds the review
 * queue and statistics, exports, imports and resets. Plain TypeScript (no Svelte), so it runs under
 * fake-indexeddb in tests and in a real browser in the benchmark. Every record read is validated; an invalid
 * one is skipped with a warning.
 *
 * Review records are cached in memory once loaded (`warm()`, or the first queue/due call). Reading 10,000
 * records from IndexedDB takes hundreds of milliseconds in Chromium, far over the 50 ms the review queue may
 * take, and `recordAnswer` would otherwise need a read round trip before its writes. The cache is updated only
 * after each transaction commits, and every operation runs one at a time, so it always equals the database
 * as this store wrote it. The store must therefore be the database's only writer (one window, one store);
 * `invalidate()` drops the cache if something else wrote. Statistics keep per-article daily totals the same way,
 * so the Statistics view does not re-read every attempt (hundreds of milliseconds for 10,000). Records it returns (reviews, queue items) are shared
 * with the cache: treat them as read-only.
 */
export class ProgressStore {
  readonly #newId: () => string
  readonly #warn: Warn
  readonly #dayKey: DayKey
  #reviews: Map<string, ReviewRecord> | null = null
  // Answers per article per day, for statistics; loaded on first use like the review records.
  #daily: Map<string, DailyTotals> | null = null
  #tail: Promise<unknown> = Promise.resolve()

  constructor(
    readonly db: ProgressDb,
    options: ProgressStoreOptions = {}
  ) {
    this.#newId = options.newId ?? defaultNewId
    this.#warn = options.warn ?? consoleWarn
    this.#dayKey = options.dayKey ?? localDayKey
  }

  /** A store over a new connection to database `name` (the app's by default). */
  static open(name?: string, dexieOptions?: DexieOptions, options?: ProgressStoreOptions): ProgressStore {
    return new ProgressStore(new ProgressDb(name, dexieOptions), options)
  }

  /** Closes the database connection. */
  close(): void {
    this.db.close()
  }

  // Runs `work` after every operation started before it, so cache and database change in the same order.
  #exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(work, work)
    this.#tail = result.catch(() => undefined)
    return result
  }

  // Only from inside #exclusive.
  async #loadedReviews(): Promise<Map<string, ReviewRecord>> {
    if (!this.#reviews) {
      const rows = validRows(ReviewRecordSchema, await this.db.reviews.toArray(), 'reviews', this.#warn)
      this.#reviews = new Map(rows.map((r) => [r.questionId, r]))
    }
    return this.#reviews
  }

  /** Loads the review records into memory (the app calls this at start, so the first queue is instant). */
  async warm(): Promise<void> {
    await this.#exclusive(() => this.#loadedReviews())
  }

  /** Drops the in-memory records; the next read loads them again from the database. */
  invalidate(): void {
    this.#reviews = null
    this.#daily = null
  }

  // Only from inside #exclusive.
  async #loadedDaily(): Promise<Map<string, DailyTotals>> {
    if (!this.#daily) {
      const daily = new Map<string, DailyTotals>()
      for (const a of validRows(AttemptSchema, await this.db.attempts.toArray(), 'attempts', this.#warn)) this.#addDaily(daily, a)
      this.#daily = daily
    }
    return this.#daily
  }

  #addDaily(daily: Map<string, DailyTotals>, attempt: Attempt): void {
    let perDay = daily.get(attempt.articleId)
    if (!perDay) daily.set(attempt.articleId, (perDay = new Map()))
    addToDaily(perDay, attempt, this.#dayKey)
  }

  /** Starts and stores a new run over `questionIds` in `scope` (an article id or `REVIEW_SCOPE`); resolves after commit. */
  async startRun(input: { scope: RunScope; mode: QuizRun['mode']; questionIds: readonly string[] }, now: Millis): Promise<SessionState> {
    const run = newRun({ id: this.#newId(), ...input }, now)
    await this.#exclusive(() => this.db.runs.put(run))
    return startSession(run)
  }

  /**
   * Records `chosen` as the answer to `question` in `session` at `now`: the attempt, the question's review state
   * (FSRS) and, when this answer completes the run, the finished run, all in one transaction. Resolves only after
   * the transaction has committed, so feedback shown after it can never be for an answer that was lost.
   * Rejects (writing nothing) if the question is not in the run or was already answered in it.
   */
  async recordAnswer(input: { session: SessionState; article: ArticleRef; question: Question; chosen: string }, now: Millis): Promise<AnswerOutcome> {
    const { session, article, question, chosen } = input
    const correct = chosen === question.answer
    const next = applyAnswer(session, question.id, chosen, correct, now)
    if (next === session) throw new Error(`progress: question ${question.id} is not open in run ${session.run.id}`)
    const attempt: Attempt = { id: this.#newId(), questionId: question.id, articleId: article.id, runId: session.run.id, chosen, correct, at: now }
    const runChanged = next.run !== session.run
    return this.#exclusive(async () => {
      if (!this.db.isOpen()) {
        // Opened lazily like Dexie's own operations, but a store closed on purpose stays closed.
        if (this.db.hasBeenClosed()) throw new Dexie.DatabaseClosedError('progress: the database is closed')
        await this.db.open()
      }
      const cache = this.#reviews
      let review: ReviewRecord | undefined
      // The hot path talks to IndexedDB directly: Dexie's promise machinery adds about a millisecond per
      // transaction in Chromium (measured in scripts/bench-progress.ts), most of the budget of a save.
      // Dexie still owns the schema; nothing here uses its hooks or live queries, which would not see this write.
      await nativeTransaction(this.db.backendDB(), runChanged ? ['attempts', 'reviews', 'runs'] : ['attempts', 'reviews'], (tx) => {
        const write = (previous: ReviewRecord | undefined): void => {
          review = applyAttemptToReview(previous, article, question, attempt)
          tx.objectStore('attempts').add(attempt)
          tx.objectStore('reviews').put(review)
          if (runChanged) tx.objectStore('runs').put(next.run)
        }
        // With the cache loaded the transaction only writes: no read round trip before the answer is saved.
        if (cache) return write(cache.get(question.id))
        const read = tx.objectStore('reviews').get(question.id)
        read.onsuccess = () => write(validRows(ReviewRecordSchema, read.result === undefined ? [] : [read.result], 'reviews', this.#warn)[0])
      })
      // Only after commit: a failed save leaves the cache as the database is.
      cache?.set(question.id, review!)
      if (this.#daily) this.#addDaily(this.#daily, attempt)
      return { session: next, attempt, review: review!, correct }
    })
  }

  /**
   * The latest run in `scope` with its stored answers, or null if there is none. With `available` (the question
   * ids the article has now), unanswered questions that no longer exist are dropped and the run is saved.
   * A finished run is returned too: the quiz then shows its results.
   */
  async resume(scope: RunScope, available?: ReadonlySet<string>, now: Millis = Date.now()): Promise<SessionState | null> {
    const db = this.db
    return this.#exclusive(() => db.transaction('rw', db.runs, db.attempts, async () => {
      const runs = await db.runs
        .where('[scope+startedAt]')
        .between([scope, Dexie.minKey], [scope, Dexie.maxKey])
        .reverse()
        .toArray()
      const run = validRows(QuizRunSchema, runs, 'runs', this.#warn)[0]
      if (!run) return null
      const attempts = validRows(AttemptSchema, await db.attempts.where('runId').equals(run.id).toArray(), 'attempts', this.#warn)
      const session = resumeSession(run, attempts)
      if (!available) return session
      const reconciled = reconcileSession(session, available, now)
      if (reconciled !== session) await db.runs.put(reconciled.run)
      return reconciled
    }))
  }

  /**
   * Deletes run `runId` if no answer was given in it, and says whether it did. After an import, the empty run
   * opened on this machine would otherwise hide the imported run, which holds the user's answers.
   */
  async discardRunIfEmpty(runId: string): Promise<boolean> {
    const db = this.db
    return this.#exclusive(() =>
      db.transaction('rw', db.runs, db.attempts, async () => {
        if ((await db.attempts.where('runId').equals(runId).count()) > 0) return false
        return (await db.runs.where('id').equals(runId).delete()) > 0
      })
    )
  }

  /** Remembers the scope open on screen, so a restart reopens it. */
  async setLastScope(scope: RunScope | null): Promise<void> {
    if (scope === null) await this.db.meta.delete(LAST_SCOPE_KEY)
    else await this.db.meta.put({ key: LAST_SCOPE_KEY, value: scope })
  }

  /** The scope open when the app last ran, or null. */
  async lastScope(): Promise<RunScope | null> {
    const rows = await this.db.meta.where('key').equals(LAST_SCOPE_KEY).toArray()
    return validRows(MetaRecordSchema, rows, 'meta', this.#warn)[0]?.value ?? null
  }

  /** Every answer to `questionId`, oldest first (kept even when the question no longer exists). */
  async history(questionId: string): Promise<Attempt[]> {
    const rows = await this.db.attempts.where('questionId').equals(questionId).toArray()
    return validRows(AttemptSchema, rows, 'attempts', this.#warn).sort(byTimeThenId((a) => a.at))
  }

  /** Deletes all progress of one article (its attempts, review states and runs) in one transaction; other articles are untouched. */
  async resetArticle(articleId: string): Promise<ResetCounts> {
    const db = this.db
    return this.#exclusive(async () => {
      const counts = await db.transaction('rw', db.attempts, db.reviews, db.runs, async () => ({
        attempts: await db.attempts.where('articleId').equals(articleId).delete(),
        reviews: await db.reviews.where('articleId').equals(articleId).delete(),
        runs: await db.runs.where('[scope+startedAt]').between([articleId, Dexie.minKey], [articleId, Dexie.maxKey]).delete()
      }))
      if (this.#reviews) for (const [id, r] of this.#reviews) if (r.articleId === articleId) this.#reviews.delete(id)
      this.#daily?.delete(articleId)
      return counts
    })
  }

  /**
   * Deletes every answer, review record and article run whose article is not in `articleIds` (the library as
   * it is now), in one transaction. Cleans up what an earlier version left when it deleted an article but kept
   * its progress. Review runs (`*review`) stay: their answers are removed with their articles. Refuses an
   * empty set, which would mean the library could not be read rather than that it is empty.
   */
  async removeProgressOutside(articleIds: ReadonlySet<string>): Promise<ResetCounts> {
    if (articleIds.size === 0) throw new Error('progress: refusing to remove the progress of every article')
    const db = this.db
    const keep = [...articleIds]
    return this.#exclusive(async () => {
      const counts = await db.transaction('rw', db.attempts, db.reviews, db.runs, async () => ({
        attempts: await db.attempts.where('articleId').noneOf(keep).delete(),
        reviews: await db.reviews.where('articleId').noneOf(keep).delete(),
        runs: await db.runs.filter((r) => typeof r.scope === 'string' && !r.scope.startsWith('*') && !articleIds.has(r.scope)).delete()
      }))
      if (this.#reviews) for (const [id, r] of this.#reviews) if (!articleIds.has(r.articleId)) this.#reviews.delete(id)
      if (this.#daily) for (const id of [...this.#daily.keys()]) if (!articleIds.has(id)) this.#daily.delete(id)
      return counts
    })
  }

  /** The stored review record of `questionId`, or null; read before an answer so the answer can be undone. */
  async reviewRecord(questionId: string): Promise<ReviewRecord | null> {
    return this.#exclusive(async () => (await this.#loadedReviews()).get(questionId) ?? null)
  }

  /**
   * Takes back an answer `recordAnswer` saved: deletes its attempt, puts the question's review record back as
   * it was before (`previous`; none when null) and the run as it was (`run`), in one transaction.
   */
  async undoAnswer(input: { attemptId: string; questionId: string; previous: ReviewRecord | null; run: QuizRun }): Promise<void> {
    const db = this.db
    const { attemptId, questionId, previous, run } = input
    await this.#exclusive(async () => {
      await db.transaction('rw', db.attempts, db.reviews, db.runs, async () => {
        await db.attempts.delete(attemptId)
        if (previous) await db.reviews.put(previous)
        else await db.reviews.delete(questionId)
        await db.runs.put(run)
      })
      if (this.#reviews) {
        if (previous) this.#reviews.set(questionId, previous)
        else this.#reviews.delete(questionId)
      }
      // Daily totals only add up; they are read again on the next statistics call.
      this.#daily = null
    })
  }

  /** Every valid record, in a stable order (attempts by time, reviews by question id, runs by start). */
  async readAll(): Promise<ProgressData> {
    return this.#exclusive(() => this.#readAll())
  }

  async #readAll(): Promise<ProgressData> {
    const db = this.db
    return db.transaction('r', db.attempts, db.reviews, db.runs, async () => ({
      attempts: validRows(AttemptSchema, await db.attempts.toArray(), 'attempts', this.#warn).sort(byTimeThenId((a) => a.at)),
      reviews: validRows(ReviewRecordSchema, await db.reviews.toArray(), 'reviews', this.#warn),
      runs: validRows(QuizRunSchema, await db.runs.toArray(), 'runs', this.#warn).sort(byTimeThenId((r) => r.startedAt))
    }))
  }

  /** The export file's text for all progress at `now` (for `window.api.exportProgress`). */
  async exportAll(now: Millis): Promise<string> {
    return serializeProgressExport(await this.readAll(), now)
  }

  /**
   * Imports a progress file's text (from `window.api.importProgress`). Validates the whole file first; any
   * problem returns `{ok: false, message}` for the user and changes nothing. A valid file is merged by id in
   * one transaction (see `planMerge` for why merge, not replace).
   */
  async importAll(text: string): Promise<ImportResult> {
    const parsed = parseProgressExport(text)
    if (!parsed.ok) return parsed
    return this.#exclusive(() => this.#merge(parsed.value))
  }

  async #merge(incoming: ProgressData): Promise<ImportResult> {
    const db = this.db
    try {
      const written: ReviewRecord[] = []
      const added: Attempt[] = []
      const counts = await db.transaction('rw', db.attempts, db.reviews, db.runs, async () => {
        const [attemptIds, reviews, runs] = await Promise.all([
          db.attempts.toCollection().primaryKeys(),
          db.reviews.toArray(),
          db.runs.toArray()
        ])
        const plan = planMerge(
          {
            attemptIds: new Set(attemptIds),
            // Invalid stored records are replaced by valid incoming ones, so they do not count as present.
            reviews: new Map(validRows(ReviewRecordSchema, reviews, 'reviews', this.#warn).map((r) => [r.questionId, r])),
            runs: new Map(validRows(QuizRunSchema, runs, 'runs', this.#warn).map((r) => [r.id, r]))
          },
          incoming
        )
        await db.attempts.bulkPut(plan.attempts)
        await db.reviews.bulkPut(plan.reviews)
        await db.runs.bulkPut(plan.runs)
        written.push(...plan.reviews)
        added.push(...plan.attempts)
        return { attempts: plan.attempts.length, reviews: plan.reviews.length, runs: plan.runs.length }
      })
      for (const r of written) this.#reviews?.set(r.questionId, r)
      if (this.#daily) for (const a of added) this.#addDaily(this.#daily, a)
      return { ok: true as const, counts }
    } catch (e) {
      this.#warn(`progress: import failed: ${e instanceof Error ? e.message : String(e)}`)
      return { ok: false as const, message: 'The progress could not be saved (the disk may be full). Nothing was changed.' }
    }
  }

  /**
   * Missed and due questions across all articles at `now`, grouped by article. Built in memory from the
   * cached review records (loaded on first use), so it takes about a millisecond for 10,000 questions.
   */
  async reviewQueue(now: Millis): Promise<ReviewQueue> {
    return this.#exclusive(async () => buildReviewQueue((await this.#loadedReviews()).values(), now))
  }

  /** How many questions are due at `now` and the next due time after it (for the app's badge). */
  async dueSummary(now: Millis): Promise<DueSummary> {
    return this.#exclusive(async () => {
      const reviews = [...(await this.#loadedReviews()).values()]
      return { dueNow: dueCount(reviews, now), nextDueAt: nextDue(reviews, now) }
    })
  }

  /**
   * Per article: answered questions, questions to review and scores, from the in-memory review records and
   * the (small) runs table. Cheap enough to call after every answer, unlike `stats` and `readAll`, which read
   * every attempt.
   */
  async articleProgress(now: Millis): Promise<Map<string, ArticleProgressSummary>> {
    return this.#exclusive(async () => {
      const reviews = await this.#loadedReviews()
      const runs = validRows(QuizRunSchema, await this.db.runs.toArray(), 'runs', this.#warn)
      const out = new Map<string, ArticleProgressSummary>()
      const entry = (articleId: string): ArticleProgressSummary => {
        let e = out.get(articleId)
        if (!e) out.set(articleId, (e = { articleId, answered: 0, toReview: 0, latest: null, best: null }))
        return e
      }
      for (const r of reviews.values()) {
        const e = entry(r.articleId)
        e.answered++
        if (inReviewQueue(r, now)) e.toReview++
      }
      for (const score of articleScores(runs).values()) {
        const e = entry(score.articleId)
        e.latest = { correct: score.latest.correct, total: score.latest.total }
        e.best = { correct: score.best.correct, total: score.best.total }
      }
      return out
    })
  }

  /**
   * Per-article scores, accuracy by day and the streak at `now`. The first call reads every attempt (for
   * 10,000, hundreds of milliseconds in Chromium); later ones use totals kept up to date in memory.
   */
  async stats(now: Millis): Promise<ProgressStats> {
    return this.#exclusive(async () => {
      const daily = await this.#loadedDaily()
      const runs = validRows(QuizRunSchema, await this.db.runs.toArray(), 'runs', this.#warn)
      return statsFromDaily(mergeDaily(daily.values()), runs, this.#dayKey(now))
    })
  }
}
