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
  type RunScope
} from '@shared/progress/model'
import { applyAttemptToReview, buildReviewQueue, type DueSummary, type ReviewQueue } from '@shared/progress/review'
import { applyAnswer, newRun, reconcileSession, resumeSession, startSession, type SessionState } from '@shared/progress/session'
import { computeStats, localDayKey, type DayKey, type ProgressStats } from '@shared/progress/stats'
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

function byTimeThenId<T extends { id: string }>(time: (x: T) => number) {
  return (a: T, b: T): number => time(a) - time(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/**
 * The progress layer over the database: records answers, resumes runs, schedules reviews, builds the review
 * queue and statistics, exports, imports and resets. Plain TypeScript (no Svelte), so it runs under
 * fake-indexeddb in tests and in a real browser in the benchmark. Every record read is validated; an invalid
 * one is skipped with a warning.
 */
export class ProgressStore {
  readonly #newId: () => string
  readonly #warn: Warn
  readonly #dayKey: DayKey

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

  /** Starts and stores a new run over `questionIds` in `scope` (an article id or `REVIEW_SCOPE`); resolves after commit. */
  async startRun(input: { scope: RunScope; mode: QuizRun['mode']; questionIds: readonly string[] }, now: Millis): Promise<SessionState> {
    const run = newRun({ id: this.#newId(), ...input }, now)
    await this.db.runs.put(run)
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
    const db = this.db
    const review = await db.transaction('rw', db.attempts, db.reviews, db.runs, async () => {
      const previous = validRows(ReviewRecordSchema, [await db.reviews.get(question.id)].filter((r) => r !== undefined), 'reviews', this.#warn)[0]
      const review = applyAttemptToReview(previous, article, question, attempt)
      await db.attempts.add(attempt)
      await db.reviews.put(review)
      if (next.run !== session.run) await db.runs.put(next.run)
      return review
    })
    return { session: next, attempt, review, correct }
  }

  /**
   * The latest run in `scope` with its stored answers, or null if there is none. With `available` (the question
   * ids the article has now), unanswered questions that no longer exist are dropped and the run is saved.
   * A finished run is returned too: the quiz then shows its results.
   */
  async resume(scope: RunScope, available?: ReadonlySet<string>, now: Millis = Date.now()): Promise<SessionState | null> {
    const db = this.db
    return db.transaction('rw', db.runs, db.attempts, async () => {
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
    })
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
    return db.transaction('rw', db.attempts, db.reviews, db.runs, async () => ({
      attempts: await db.attempts.where('articleId').equals(articleId).delete(),
      reviews: await db.reviews.where('articleId').equals(articleId).delete(),
      runs: await db.runs.where('[scope+startedAt]').between([articleId, Dexie.minKey], [articleId, Dexie.maxKey]).delete()
    }))
  }

  /** Every valid record, in a stable order (attempts by time, reviews by question id, runs by start). */
  async readAll(): Promise<ProgressData> {
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
    const db = this.db
    try {
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
          parsed.value
        )
        await db.attempts.bulkPut(plan.attempts)
        await db.reviews.bulkPut(plan.reviews)
        await db.runs.bulkPut(plan.runs)
        return { attempts: plan.attempts.length, reviews: plan.reviews.length, runs: plan.runs.length }
      })
      return { ok: true, counts }
    } catch (e) {
      this.#warn(`progress: import failed: ${e instanceof Error ? e.message : String(e)}`)
      return { ok: false, message: 'The progress could not be saved (the disk may be full). Nothing was changed.' }
    }
  }

  /**
   * Missed and due questions across all articles at `now`, grouped by article. Reads only those records,
   * through the `missed` and `card.due` indexes, so its cost follows the queue's size, not the history's.
   */
  async reviewQueue(now: Millis): Promise<ReviewQueue> {
    const db = this.db
    const [missed, due] = await db.transaction('r', db.reviews, () =>
      Promise.all([db.reviews.where('missed').equals(1).toArray(), db.reviews.where('card.due').belowOrEqual(now).toArray()])
    )
    const byId = new Map<string, unknown>()
    for (const r of missed) byId.set(r.questionId, r)
    for (const r of due) byId.set(r.questionId, r)
    return buildReviewQueue(validRows(ReviewRecordSchema, [...byId.values()], 'reviews', this.#warn), now)
  }

  /** How many questions are due at `now` and the next due time after it (for the app's badge). */
  async dueSummary(now: Millis): Promise<DueSummary> {
    const db = this.db
    return db.transaction('r', db.reviews, async () => {
      const dueRows = await db.reviews.where('card.due').belowOrEqual(now).toArray()
      const dueNow = validRows(ReviewRecordSchema, dueRows, 'reviews', this.#warn).length
      // The first valid record after now; reading a few at a time, since a bad one must not hide the next.
      let offset = 0
      for (;;) {
        const batch = await db.reviews.where('card.due').above(now).offset(offset).limit(16).toArray()
        const first = validRows(ReviewRecordSchema, batch, 'reviews', this.#warn)[0]
        if (first) return { dueNow, nextDueAt: first.card.due }
        if (batch.length < 16) return { dueNow, nextDueAt: null }
        offset += batch.length
      }
    })
  }

  /** Per-article scores, accuracy by day and the streak at `now`. */
  async stats(now: Millis): Promise<ProgressStats> {
    const { attempts, runs } = await this.readAll()
    return computeStats({ attempts, runs }, now, this.#dayKey)
  }
}
