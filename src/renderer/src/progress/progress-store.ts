import Dexie, { type DexieOptions } from 'dexie'
import type { Question } from '@shared/quiz/model'
import { parseBackup, serializeBackup, type Backup, type BackupArticle, type BackupParseResult } from '@shared/progress/backup'
import { planMerge } from '@shared/progress/merge'
import {
  AttemptSchema,
  CardSummarySchema,
  QuestionReportSchema,
  QuizRunSchema,
  ReviewRecordSchema,
  summaryOf,
  type ArticleRef,
  type Attempt,
  type CardSummary,
  type Millis,
  type ProgressData,
  type QuestionReport,
  type QuizRun,
  type ReviewRecord,
  type RunScope,
  type Score,
  type StoredCard
} from '@shared/progress/model'
import {
  applyAttemptToReview,
  buildReviewQueue,
  dueCount,
  dueForecast,
  nextDue,
  regradeReview,
  selectForReview,
  type DueSummary,
  type ForecastDay,
  type Grade,
  type ReviewQueue
} from '@shared/progress/review'
import { applyAnswer, newRun, reconcileSession, resumeSession, startSession, type SessionState } from '@shared/progress/session'
import {
  addStudyTime,
  addToDaily,
  articleScores,
  localDayKey,
  mergeDaily,
  statsFromDaily,
  studyClockOf,
  type DailyTotals,
  type DayKey,
  type ProgressStats,
  type StudyClock
} from '@shared/progress/stats'
import { consoleWarn, MetaRecordSchema, ProgressDb, storedReview, validRows, type Warn } from './db'

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
  /** The question's card before this answer (null for its first answer): a grade given afterwards starts from it. */
  previousCard: StoredCard | null
}

/** Statistics with the study time (from answer times) and today's share of it. */
export interface StudyStats extends ProgressStats {
  studyMs: number
  studyMsToday: number
}

/** The review queue at most a day's limit long. */
export interface LimitedQueue extends ReviewQueue {
  /** Review answers already given today. */
  doneToday: number
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
  /** Of those, how many Review offers today: in the review queue now (missed, or due by FSRS) and within the daily limit. */
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

// Cards read per request when they are loaded (see #loadCards): each page is read, checked and stored as one short task.
const CARD_PAGE = 500

/** Lets the page handle input and paint before the next piece of a long load. */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}

const LAST_SCOPE_KEY = 'lastScope'
// Review answers given today, as `{"day":"YYYY-MM-DD","count":N}`: what the daily review limit counts against.
const REVIEW_DAY_KEY = 'reviewDay'

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

/** Whether `run` is an article's run (not a review run, `*review`) whose article is not in `articleIds`. */
function isArticleRunOutside(run: { scope?: unknown }, articleIds: ReadonlySet<string>): boolean {
  return typeof run.scope === 'string' && !run.scope.startsWith('*') && !articleIds.has(run.scope)
}

/** Up to `count` records of `store` in `range`, in key order. */
function nativeGetAll(db: IDBDatabase, store: string, range: IDBKeyRange | null, count: number): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(store, 'readonly')
    const request = tx.objectStore(store).getAll(range, count)
    tx.oncomplete = () => resolve(request.result as unknown[])
    tx.onabort = () => reject(tx.error ?? new Error('progress: the read was aborted'))
  })
}

/** Review answers given on `day` from the stored `reviewDay` meta record (0 when it is missing, damaged or of another day). */
function doneTodayOf(row: unknown, day: string): number {
  const value = (row as { value?: unknown } | undefined)?.value
  if (typeof value !== 'string') return 0
  try {
    const parsed = JSON.parse(value) as { day?: unknown; count?: unknown }
    return parsed.day === day && typeof parsed.count === 'number' && Number.isInteger(parsed.count) && parsed.count >= 0 ? parsed.count : 0
  } catch {
    return 0
  }
}

/** The queue index of the reviews table (SCHEMA_V3); Dexie names an IndexedDB index as the schema writes it. */
const QUEUE_INDEX = '[queueAt+questionId]'

/**
 * Reads, in one read transaction, today's review answers and the stored review records of the questions to
 * review at `now` in queue order: at most `limit` minus today's answers, reported ones left out. Straight from
 * IndexedDB like recordAnswer: one transaction, its requests pipelined.
 */
function readQueue(db: IDBDatabase, now: Millis, limit: number, doneToday: (metaRow: unknown) => number): Promise<{ rows: unknown[]; doneToday: number }> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(['reviews', 'reports', 'meta'], 'readonly')
    const index = tx.objectStore('reviews').index(QUEUE_INDEX)
    const reportsRead = tx.objectStore('reports').getAllKeys()
    const metaRead = tx.objectStore('meta').get(REVIEW_DAY_KEY)
    let done = 0
    let room = 0
    let reported = new Set<string>()
    let rowsRead: IDBRequest<unknown[]> | null = null
    // Requests succeed in the order they were made: the reports are in when the meta record is.
    metaRead.onsuccess = () => {
      reported = new Set(reportsRead.result.filter((k): k is string => typeof k === 'string'))
      done = doneToday(metaRead.result)
      room = Math.max(0, limit - done)
      // Arrays sort after numbers and strings, so [now, []] is above every key [queueAt <= now, questionId].
      // Reported questions are few: read as many more rows as there are, and drop them below.
      if (room > 0) rowsRead = index.getAll(IDBKeyRange.upperBound([now, []]), Number.isFinite(room) ? room + reported.size : undefined)
    }
    tx.oncomplete = () => {
      const rows = (rowsRead?.result ?? []).filter((r) => !reported.has((r as { questionId?: unknown }).questionId as string)).slice(0, room)
      resolve({ rows, doneToday: done })
    }
    tx.onabort = () => reject(tx.error ?? new Error('progress: the review queue read was aborted'))
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
 * Review records are cached in memory once loaded (`warm()`, or the first due count or figures call; the review queue reads its few records through an index instead). Reading 10,000
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
  // Card summaries (review records without their question), by question id; loaded on first use.
  #reviews: Map<string, CardSummary> | null = null
  // Ids of reported questions, loaded with the cards.
  #reported: Set<string> | null = null
  // The load of the cards and reports in flight, and the changes committed meanwhile, replayed onto what it read.
  #cardsLoad: Promise<void> | null = null
  #replay: ((cards: Map<string, CardSummary>, reported: Set<string>) => void)[] = []
  // Bumped by `invalidate`, so a load that started before it does not install what it read.
  #generation = 0
  // Answers per article per day, for statistics; loaded on first use like the review records.
  #daily: Map<string, DailyTotals> | null = null
  // Study time per day, loaded with the daily totals.
  #clock: StudyClock | null = null
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

  /** Opens the database connection now (the app does at start, while the article loads), so the first read need not. */
  async connect(): Promise<void> {
    if (!this.db.isOpen()) await this.db.open()
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

  // Reads the small card summaries, not the full review records (see SCHEMA_V2). Not a queued operation: the
  // load runs beside the queue (at start, beside the first quiz's reads and writes), and every change committed
  // while it is in flight is recorded by #cache and replayed onto what it read, in commit order. Each change sets
  // a card or report to its state after that commit, or deletes those of an article, so replaying one that a page
  // already saw is harmless, and pages read at different times (below) still end as the database is.
  #loadCards(): Promise<void> {
    if (this.#reviews && this.#reported) return Promise.resolve()
    if (!this.#cardsLoad) {
      const db = this.db
      const generation = this.#generation
      this.#replay = []
      this.#cardsLoad = (async () => {
        const reported = await db.reports.toCollection().primaryKeys()
        // In pages, each its own request: one read of 10,000 cards holds up every other request to the database
        // (the first quiz's, an answer's save) until it is done; between pages they get their turn. Straight from
        // IndexedDB, like recordAnswer: Dexie's bookkeeping per record is most of the cost of a plain read.
        if (!db.isOpen()) await db.open()
        const map = new Map<string, CardSummary>()
        for (let last: string | null = null; ; ) {
          const page = await nativeGetAll(db.backendDB(), 'cards', last === null ? null : IDBKeyRange.lowerBound(last, true), CARD_PAGE)
          // Each page is validated as it comes, then the page yields: validating 10,000 cards at once was one task
          // of a few hundred milliseconds on a busy machine, and a click on Review or an answer waited for it.
          for (const r of validRows(CardSummarySchema, page, 'cards', this.#warn)) map.set(r.questionId, r)
          // The store's key is `questionId`, so the last record's says where the next page starts.
          const key = (page.at(-1) as { questionId?: unknown } | undefined)?.questionId
          if (page.length < CARD_PAGE || typeof key !== 'string') break
          last = key
          await yieldToPage()
        }
        if (generation !== this.#generation) return
        const ids = new Set(reported)
        for (const change of this.#replay) change(map, ids)
        this.#reviews = map
        this.#reported = ids
      })().finally(() => {
        this.#cardsLoad = null
        this.#replay = []
      })
    }
    return this.#cardsLoad
  }

  // Applies a committed change to the cards and reports in memory: now when they are loaded, after the load when
  // one is in flight, not at all when neither (the next load reads it from the database).
  #cache(change: (cards: Map<string, CardSummary>, reported: Set<string>) => void): void {
    if (this.#reviews && this.#reported) change(this.#reviews, this.#reported)
    else if (this.#cardsLoad) this.#replay.push(change)
  }

  async #loadedReviews(): Promise<Map<string, CardSummary>> {
    await this.#loadCards()
    // A load cut short by `invalidate` leaves nothing: load again.
    if (!this.#reviews) return this.#loadedReviews()
    return this.#reviews
  }

  /**
   * Loads the review cards into memory, so the first review queue and due count are instant. The app calls it at
   * start; it does not wait for (or hold up) other operations, whose changes reach the loaded cards too.
   */
  async warm(): Promise<void> {
    await this.#loadCards()
  }

  // The open IndexedDB connection, opened lazily like Dexie's own operations; a store closed on purpose stays closed.
  async #backend(): Promise<IDBDatabase> {
    if (!this.db.isOpen()) {
      if (this.db.hasBeenClosed()) throw new Dexie.DatabaseClosedError('progress: the database is closed')
      await this.db.open()
    }
    return this.db.backendDB()
  }

  // Runs `work` in the queue of operations with the cards and reports in memory. The load is awaited before
  // joining the queue, not inside it: held through the start-up load, the queue would hold up every answer,
  // grade and review queue behind it (hundreds of milliseconds for 10,000 cards on a busy machine).
  async #withCards<T>(work: (cards: Map<string, CardSummary>, reported: Set<string>) => Promise<T>): Promise<T> {
    await this.#loadCards()
    return this.#exclusive(async () => {
      // Loaded above; loaded again here only if `invalidate` dropped them meanwhile.
      const cards = await this.#loadedReviews()
      return work(cards, this.#reported!)
    })
  }

  /** Drops the in-memory records; the next read loads them again from the database. */
  invalidate(): void {
    this.#generation++
    this.#reviews = null
    this.#reported = null
    this.#daily = null
    this.#clock = null
  }

  // Only from inside #exclusive.
  async #loadedDaily(): Promise<Map<string, DailyTotals>> {
    if (!this.#daily) {
      const daily = new Map<string, DailyTotals>()
      const attempts = validRows(AttemptSchema, await this.db.attempts.toArray(), 'attempts', this.#warn)
      for (const a of attempts) this.#addDaily(daily, a)
      this.#daily = daily
      this.#clock = studyClockOf(
        attempts.map((a) => a.at),
        this.#dayKey
      )
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
      const idb = await this.#backend()
      const cache = this.#reviews
      let review: ReviewRecord | undefined
      let previousCard: StoredCard | null = null
      // The hot path talks to IndexedDB directly: Dexie's promise machinery adds about a millisecond per
      // transaction in Chromium (measured in scripts/bench-progress.ts), most of the budget of a save.
      // Dexie still owns the schema; nothing here uses its hooks or live queries, which would not see this write.
      await nativeTransaction(idb, runChanged ? ['attempts', 'reviews', 'cards', 'runs'] : ['attempts', 'reviews', 'cards'], (tx) => {
        const write = (previous: CardSummary | undefined): void => {
          previousCard = previous?.card ?? null
          review = applyAttemptToReview(previous, article, question, attempt)
          tx.objectStore('attempts').add(attempt)
          tx.objectStore('reviews').put(storedReview(review))
          tx.objectStore('cards').put(summaryOf(review))
          if (runChanged) tx.objectStore('runs').put(next.run)
        }
        // With the cache loaded the transaction only writes: no read round trip before the answer is saved.
        if (cache) return write(cache.get(question.id))
        const read = tx.objectStore('cards').get(question.id)
        read.onsuccess = () => write(validRows(CardSummarySchema, read.result === undefined ? [] : [read.result], 'cards', this.#warn)[0])
      })
      // Only after commit: a failed save leaves the cache as the database is.
      const summary = summaryOf(review!)
      this.#cache((cards) => cards.set(question.id, summary))
      if (this.#daily) this.#addDaily(this.#daily, attempt)
      if (this.#clock) addStudyTime(this.#clock, attempt.at, this.#dayKey)
      return { session: next, attempt, review: review!, correct, previousCard }
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

  /** Saves a run changed outside an answer (a reported question taken out of it). */
  async saveRun(run: QuizRun): Promise<void> {
    await this.#exclusive(() => this.db.runs.put(run))
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
      const reportIds = await db.reports.where('articleId').equals(articleId).primaryKeys()
      const counts = await db.transaction('rw', [db.attempts, db.reviews, db.cards, db.reports, db.runs], async () => {
        const out = {
          attempts: await db.attempts.where('articleId').equals(articleId).delete(),
          reviews: await db.reviews.where('articleId').equals(articleId).delete(),
          runs: await db.runs.where('[scope+startedAt]').between([articleId, Dexie.minKey], [articleId, Dexie.maxKey]).delete()
        }
        await db.cards.where('articleId').equals(articleId).delete()
        await db.reports.where('articleId').equals(articleId).delete()
        return out
      })
      this.#cache((cards, reported) => {
        for (const [id, r] of cards) if (r.articleId === articleId) cards.delete(id)
        for (const id of reportIds) reported.delete(id)
      })
      this.#daily?.delete(articleId)
      // The study time of the deleted answers goes with them: rebuild it on next use.
      this.#daily = null
      this.#clock = null
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
    // Almost always nothing is left over: find the articles outside the library from the indexes' distinct keys
    // (a read, outside the one-at-a-time queue) and write only when there are some. Deleting with
    // `noneOf(library)` walked every index entry in a write transaction on each start (over a second for
    // 10,000 answers and 1,000 articles) and held up the first quiz behind it.
    const outsideOf = async (): Promise<{ ids: string[]; runs: boolean; reports: boolean }> =>
      db.transaction('r', [db.attempts, db.reviews, db.cards, db.reports, db.runs], async () => {
        const keys = await Promise.all([db.attempts, db.reviews, db.cards].map((t) => t.orderBy('articleId').uniqueKeys()))
        const ids = new Set<string>()
        for (const k of keys.flat()) if (typeof k === 'string' && !articleIds.has(k)) ids.add(k)
        const runs = (await db.runs.filter((r) => isArticleRunOutside(r, articleIds)).count()) > 0
        const reports = (await db.reports.filter((r) => !articleIds.has(r.articleId)).count()) > 0
        return { ids: [...ids], runs, reports }
      })
    const first = await outsideOf()
    if (first.ids.length === 0 && !first.runs && !first.reports) return { attempts: 0, reviews: 0, runs: 0 }
    return this.#exclusive(async () => {
      const { ids: gone } = await outsideOf()
      const counts = await db.transaction('rw', [db.attempts, db.reviews, db.cards, db.reports, db.runs], async () => {
        // Card summaries and reports follow their review records (see SCHEMA_V2).
        await db.cards.where('articleId').anyOf(gone).delete()
        await db.reports.filter((r) => !articleIds.has(r.articleId)).delete()
        return {
          attempts: await db.attempts.where('articleId').anyOf(gone).delete(),
          reviews: await db.reviews.where('articleId').anyOf(gone).delete(),
          runs: await db.runs.filter((r) => isArticleRunOutside(r, articleIds)).delete()
        }
      })
      this.#cache((cards) => {
        for (const [id, r] of cards) if (!articleIds.has(r.articleId)) cards.delete(id)
      })
      if (this.#daily) for (const id of [...this.#daily.keys()]) if (!articleIds.has(id)) this.#daily.delete(id)
      return counts
    })
  }

  /** The stored review record of `questionId`, or null; read before an answer so the answer can be undone. */
  async reviewRecord(questionId: string): Promise<ReviewRecord | null> {
    return this.#exclusive(async () => {
      const row = await this.db.reviews.get(questionId)
      return row === undefined ? null : (validRows(ReviewRecordSchema, [row], 'reviews', this.#warn)[0] ?? null)
    })
  }

  /**
   * Takes back an answer `recordAnswer` saved: deletes its attempt, puts the question's review record back as
   * it was before (`previous`; none when null) and the run as it was (`run`), in one transaction.
   */
  async undoAnswer(input: { attemptId: string; questionId: string; previous: ReviewRecord | null; run: QuizRun }): Promise<void> {
    const db = this.db
    const { attemptId, questionId, previous, run } = input
    await this.#exclusive(async () => {
      await db.transaction('rw', [db.attempts, db.reviews, db.cards, db.runs], async () => {
        await db.attempts.delete(attemptId)
        if (previous) {
          await db.reviews.put(storedReview(previous))
          await db.cards.put(summaryOf(previous))
        } else {
          await db.reviews.delete(questionId)
          await db.cards.delete(questionId)
        }
        await db.runs.put(run)
      })
      this.#cache((cards) => {
        if (previous) cards.set(questionId, summaryOf(previous))
        else cards.delete(questionId)
      })
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

  /** Every valid report of a bad question, newest first. */
  async reports(): Promise<QuestionReport[]> {
    const rows = validRows(QuestionReportSchema, await this.db.reports.toArray(), 'reports', this.#warn)
    return rows.sort((a, b) => b.at - a.at || (a.questionId < b.questionId ? -1 : 1))
  }

  /**
   * The backup file's text at `now`: all progress, the reports, and `articles` (the imported articles, which
   * main keeps; the caller fetches them with `window.api.exportLibrary`).
   */
  async exportAll(now: Millis, articles: BackupArticle[] = []): Promise<string> {
    const [data, reports] = await Promise.all([this.readAll(), this.reports()])
    return serializeBackup({ ...data, reports, articles }, now)
  }

  /** Reads a backup file's text (format 2, or the progress-only format 1) without changing anything. */
  parseImport(text: string): BackupParseResult {
    return parseBackup(text)
  }

  /**
   * Imports a backup or progress file's text (from `window.api.importProgress`). Validates the whole file first;
   * any problem returns `{ok: false, message}` for the user and changes nothing. A valid file is merged by id in
   * one transaction (see `planMerge` for why merge, not replace). Its articles are not restored here: main keeps
   * articles, so the caller passes `parseImport(text).value.articles` to `window.api.restoreArticles` first.
   */
  async importAll(text: string | Backup): Promise<ImportResult> {
    const parsed = typeof text === 'string' ? parseBackup(text, Date.now()) : { ok: true as const, value: text }
    if (!parsed.ok) return parsed
    return this.#exclusive(() => this.#merge(parsed.value, parsed.value.reports))
  }

  async #merge(incoming: ProgressData, reports: QuestionReport[] = []): Promise<ImportResult> {
    const db = this.db
    try {
      const written: ReviewRecord[] = []
      const added: Attempt[] = []
      const newReports: QuestionReport[] = []
      const counts = await db.transaction('rw', [db.attempts, db.reviews, db.cards, db.reports, db.runs], async () => {
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
        await db.reviews.bulkPut(plan.reviews.map(storedReview))
        await db.cards.bulkPut(plan.reviews.map(summaryOf))
        await db.runs.bulkPut(plan.runs)
        // Reports: the first one of a question is kept (a report says the question is bad; a second adds nothing).
        const have = new Set(await db.reports.toCollection().primaryKeys())
        for (const r of reports) if (!have.has(r.questionId)) (have.add(r.questionId), newReports.push(r))
        await db.reports.bulkPut(newReports)
        written.push(...plan.reviews)
        added.push(...plan.attempts)
        return { attempts: plan.attempts.length, reviews: plan.reviews.length, runs: plan.runs.length }
      })
      this.#cache((cards, reported) => {
        for (const r of written) cards.set(r.questionId, summaryOf(r))
        for (const r of newReports) reported.add(r.questionId)
      })
      // Imported answers may be older than the latest one here: rebuild the totals and study time on next use.
      if (added.length > 0) {
        this.#daily = null
        this.#clock = null
      }
      return { ok: true as const, counts }
    } catch (e) {
      this.#warn(`progress: import failed: ${e instanceof Error ? e.message : String(e)}`)
      return { ok: false as const, message: 'The progress could not be saved (the disk may be full). Nothing was changed.' }
    }
  }

  /**
   * Missed and due questions across all articles at `now`, grouped by article, most overdue first: at most
   * `limit` minus the review answers already given today (the daily review limit), leaving out reported and
   * retired questions. Read through the queue index (SCHEMA_V3) in one read transaction, so only the questions
   * shown are read and the cards in memory are not needed: Review opens while the start-up load of every card is
   * still running. How many more wait beyond the limit is `reviewCount`'s to say (counting them here, through the
   * index, took longer than the rest of the read).
   */
  async reviewQueue(now: Millis, limit: number = Infinity): Promise<LimitedQueue> {
    return this.#exclusive(async () => {
      const read = await readQueue(await this.#backend(), now, limit, (row) => doneTodayOf(row, this.#dayKey(now)))
      const records = validRows(ReviewRecordSchema, read.rows, 'reviews', this.#warn)
      return { ...buildReviewQueue(records, now), doneToday: read.doneToday }
    })
  }

  /** How many questions `reviewQueue(now, limit)` would hold and how many wait, without reading any question. */
  async reviewCount(now: Millis, limit: number = Infinity): Promise<{ total: number; waiting: number; doneToday: number }> {
    return this.#withCards(async (cards, reported) => {
      const doneToday = await this.#reviewsDoneToday(now)
      const picked = selectForReview(cards.values(), now, { limit: Math.max(0, limit - doneToday), excluded: reported })
      return { total: picked.ids.length, waiting: picked.waiting, doneToday }
    })
  }

  async #reviewsDoneToday(now: Millis): Promise<number> {
    return doneTodayOf(await this.db.meta.get(REVIEW_DAY_KEY), this.#dayKey(now))
  }

  /** Counts one review answer given at `now` against the daily review limit. */
  async noteReviewAnswer(now: Millis): Promise<void> {
    await this.#exclusive(async () => {
      const count = (await this.#reviewsDoneToday(now)) + 1
      await this.db.meta.put({ key: REVIEW_DAY_KEY, value: JSON.stringify({ day: this.#dayKey(now), count }) })
    })
  }

  /**
   * Replaces the default grade of `questionId`'s latest answer with `grade` (Again / Hard / Good / Easy): its card
   * is rescheduled from `previousCard` (from `recordAnswer`'s outcome). Resolves with the updated record after commit.
   */
  async gradeAnswer(questionId: string, previousCard: StoredCard | null, grade: Grade): Promise<ReviewRecord> {
    const db = this.db
    return this.#exclusive(async () => {
      const updated = await db.transaction('rw', db.reviews, db.cards, async () => {
        const stored = validRows(ReviewRecordSchema, [await db.reviews.get(questionId)].filter((r) => r !== undefined), 'reviews', this.#warn)[0]
        if (!stored) throw new Error(`progress: no review record for ${questionId}`)
        const next = regradeReview(stored, previousCard, grade)
        await db.reviews.put(storedReview(next))
        await db.cards.put(summaryOf(next))
        return next
      })
      this.#cache((cards) => cards.set(questionId, summaryOf(updated)))
      return updated
    })
  }

  /**
   * Brings an article's review cards in line with the quiz the generator makes now (`liveIds`): cards of questions
   * it no longer asks are retired (not due, not missed; their answers stay in history and statistics), and a
   * retired card whose question is asked again comes back. Returns the ids of the article's reported questions,
   * which the quiz leaves out. Call it whenever an article's quiz is loaded.
   */
  async prepareQuiz(articleId: string, liveIds: readonly string[], now: Millis): Promise<Set<string>> {
    void now
    const live = new Set(liveIds)
    const db = this.db
    return this.#exclusive(async () => {
      // Before the cards are in memory (at start), only this article's cards and reports are read, through their
      // indexes: the first quiz must not wait for every card of the history (seconds for 10,000 on a busy machine).
      const cached = this.#reviews && this.#reported ? { cards: this.#reviews, reported: this.#reported } : null
      let articleCards: CardSummary[]
      let reported: Set<string>
      if (cached) {
        articleCards = [...cached.cards.values()].filter((c) => c.articleId === articleId)
        reported = new Set([...live].filter((id) => cached.reported.has(id)))
      } else {
        const [cards, reports] = await db.transaction('r', db.cards, db.reports, () =>
          Promise.all([db.cards.where('articleId').equals(articleId).toArray(), db.reports.where('questionId').anyOf([...live]).primaryKeys()])
        )
        articleCards = validRows(CardSummarySchema, cards, 'cards', this.#warn)
        reported = new Set(reports)
      }
      const flips: string[] = []
      for (const c of articleCards) {
        const shouldRetire = live.has(c.questionId) ? 0 : 1
        if (c.retired !== shouldRetire) flips.push(c.questionId)
      }
      if (flips.length > 0) {
        const changed = await db.transaction('rw', db.reviews, db.cards, async () => {
          const rows = validRows(ReviewRecordSchema, (await db.reviews.bulkGet(flips)).filter((r) => r !== undefined), 'reviews', this.#warn)
          const next = rows.map((r): ReviewRecord => ({ ...r, retired: live.has(r.questionId) ? 0 : 1 }))
          await db.reviews.bulkPut(next.map(storedReview))
          await db.cards.bulkPut(next.map(summaryOf))
          return next
        })
        this.#cache((cards) => {
          for (const r of changed) cards.set(r.questionId, summaryOf(r))
        })
      }
      return reported
    })
  }

  /**
   * Records that the user finds `question` wrong or unclear (`reason` may be empty): it leaves the quiz and the
   * review from now on; the report is kept on this machine, listed in Statistics and exported with the backup.
   */
  async reportQuestion(input: { article: ArticleRef; question: Pick<Question, 'id' | 'prompt'>; reason: string }, now: Millis): Promise<QuestionReport> {
    const report: QuestionReport = {
      questionId: input.question.id,
      articleId: input.article.id,
      articleTitle: input.article.title,
      prompt: input.question.prompt,
      reason: input.reason.trim().slice(0, 2000),
      at: now
    }
    return this.#exclusive(async () => {
      await this.db.reports.put(report)
      this.#cache((_, reported) => reported.add(report.questionId))
      return report
    })
  }

  /**
   * Whether `questionId` still counts as missed: its latest answer (in a quiz or in Review) was wrong, it was not
   * reported, and the generator still asks it. Synchronous, from memory; true while nothing is loaded yet.
   */
  isStillMissed(questionId: string): boolean {
    const card = this.#reviews?.get(questionId)
    if (this.#reported?.has(questionId)) return false
    return !card || (card.missed === 1 && card.retired !== 1)
  }

  /** How many questions are due at `now` and the next due time after it (for the app's badge). */
  async dueSummary(now: Millis): Promise<DueSummary> {
    return this.#withCards(async (cards, reported) => {
      const reviews = [...cards.values()].filter((r) => !reported.has(r.questionId))
      return { dueNow: dueCount(reviews, now), nextDueAt: nextDue(reviews, now) }
    })
  }

  /** Questions coming up for review on each of the next `days` days from `now` (today counts what is due or missed now). */
  async forecast(now: Millis, days = 30): Promise<ForecastDay[]> {
    return this.#withCards(async (cards, reported) => dueForecast(cards.values(), now, days, this.#dayKey, reported))
  }

  /**
   * Per article: answered questions, questions Review offers today and scores, from the in-memory card summaries
   * and the (small) runs table. Cheap enough to call after every answer, unlike `stats` and `readAll`, which read
   * every attempt. Retired and reported questions count for neither. `limit` is the daily review limit: an
   * article's questions to review are those `reviewQueue(now, limit)` holds, so the library and Review agree.
   */
  async articleProgress(now: Millis, limit: number = Infinity): Promise<Map<string, ArticleProgressSummary>> {
    return this.#withCards(async (reviews, reported) => {
      const doneToday = await this.#reviewsDoneToday(now)
      const today = new Set(selectForReview(reviews.values(), now, { limit: Math.max(0, limit - doneToday), excluded: reported }).ids)
      const runs = validRows(QuizRunSchema, await this.db.runs.toArray(), 'runs', this.#warn)
      const out = new Map<string, ArticleProgressSummary>()
      const entry = (articleId: string): ArticleProgressSummary => {
        let e = out.get(articleId)
        if (!e) out.set(articleId, (e = { articleId, answered: 0, toReview: 0, latest: null, best: null }))
        return e
      }
      for (const r of reviews.values()) {
        if (r.retired === 1 || reported.has(r.questionId)) continue
        const e = entry(r.articleId)
        e.answered++
        if (today.has(r.questionId)) e.toReview++
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
   * Per-article scores, accuracy by day, the streak and the time spent studying at `now`. The first call reads
   * every attempt (for 10,000, hundreds of milliseconds in Chromium); later ones use totals kept up to date in memory.
   */
  async stats(now: Millis): Promise<StudyStats> {
    return this.#exclusive(async () => {
      const daily = await this.#loadedDaily()
      const runs = validRows(QuizRunSchema, await this.db.runs.toArray(), 'runs', this.#warn)
      const clock = this.#clock!
      let studyMs = 0
      for (const ms of clock.byDay.values()) studyMs += ms
      return { ...statsFromDaily(mergeDaily(daily.values()), runs, this.#dayKey(now)), studyMs, studyMsToday: clock.byDay.get(this.#dayKey(now)) ?? 0 }
    })
  }
}
