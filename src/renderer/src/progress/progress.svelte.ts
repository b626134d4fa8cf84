import type { IpcResult } from '@shared/ipc/contract'
import { REVIEW_SCOPE, type ArticleRef, type Millis, type Score } from '@shared/progress/model'
import type { DueSummary, ReviewQueue } from '@shared/progress/review'
import {
  advance,
  currentQuestionId,
  isFinished,
  missedQuestionIds,
  sessionScore,
  type SessionAnswer,
  type SessionState
} from '@shared/progress/session'
import type { ProgressStats } from '@shared/progress/stats'
import type { Question } from '@shared/quiz/model'
import type { ProgressStore } from './progress-store'

/**
 * Reactive wrappers over `ProgressStore` for the quiz panel, the Review view and the Statistics view. The logic
 * lives in `@shared/progress/*` and the store; these classes only hold what is on screen and call them.
 * Large results are kept in `$state.raw`: they are replaced whole, never mutated, so deep proxies would only cost.
 */

/** Reads the current time; injected so tests control it. */
export type Clock = () => Millis

/** Feedback for the answered question on screen. */
export interface Feedback {
  chosen: string
  correct: boolean
  answer: string
  explanation: string
  evidence: Question['evidence']
}

/** A missed question on the results screen. */
export interface MissedQuestion {
  question: Question
  chosen: string
}

/**
 * One quiz run in the panel: the question on screen, its number and the count, feedback after each answer (shown
 * only once the answer is committed), the score and missed questions at the end, and "Retry missed".
 * Questions are passed in (an article's quiz, or the Review queue's snapshots with their articles).
 */
export class QuizSession {
  #state = $state.raw<SessionState | null>(null)
  #saving = $state(false)
  #error = $state<string | null>(null)
  readonly #byId: Map<string, Question>
  readonly #articleOf: (questionId: string) => ArticleRef

  #current = $derived.by(() => {
    const id = this.#state ? currentQuestionId(this.#state) : null
    return id === null ? null : (this.#byId.get(id) ?? null)
  })
  #answer = $derived.by((): SessionAnswer | null => {
    const q = this.#current
    return q && this.#state ? (this.#state.answers[q.id] ?? null) : null
  })
  #finished = $derived(this.#state !== null && isFinished(this.#state))

  /**
   * `scope`: the article id, or `REVIEW_SCOPE` for a review run across articles; `articleOf` names each
   * question's article (constant for an article quiz).
   */
  constructor(
    private readonly store: ProgressStore,
    readonly scope: string,
    questions: readonly Question[],
    articleOf: ArticleRef | ((questionId: string) => ArticleRef),
    private readonly clock: Clock = Date.now
  ) {
    this.#byId = new Map(questions.map((q) => [q.id, q]))
    this.#articleOf = typeof articleOf === 'function' ? articleOf : () => articleOf
  }

  /** The run's state (null before `resumeOrStart`/`start`). */
  get state(): SessionState | null {
    return this.#state
  }
  /** The question on screen, or null at the end. */
  get current(): Question | null {
    return this.#current
  }
  /** 1-based number of the question on screen. */
  get number(): number {
    return (this.#state?.position ?? 0) + 1
  }
  /** Questions in this run. */
  get count(): number {
    return this.#state?.run.questionIds.length ?? 0
  }
  /** True while an answer is being committed: the UI disables the options. */
  get saving(): boolean {
    return this.#saving
  }
  /** A message when saving failed (the answer was not recorded; the user may answer again). */
  get error(): string | null {
    return this.#error
  }
  /** Feedback for the question on screen once its answer is committed, else null. */
  get feedback(): Feedback | null {
    const q = this.#current
    const a = this.#answer
    if (!q || !a) return null
    return { chosen: a.chosen, correct: a.correct, answer: q.answer, explanation: q.explanation, evidence: q.evidence }
  }
  /** Every question has an answer. */
  get finished(): boolean {
    return this.#finished
  }
  /** Correct out of all questions of the run. */
  get score(): Score {
    return this.#state ? sessionScore(this.#state) : { correct: 0, total: 0 }
  }
  /** Missed questions with the chosen answer, in run order (for the results screen). */
  get missed(): MissedQuestion[] {
    const s = this.#state
    if (!s) return []
    return missedQuestionIds(s).flatMap((id) => {
      const question = this.#byId.get(id)
      return question ? [{ question, chosen: s.answers[id]!.chosen }] : []
    })
  }

  /** Resumes the latest run of this scope (dropping questions that no longer exist) or starts a new one. */
  async resumeOrStart(): Promise<void> {
    const resumed = await this.store.resume(this.scope, new Set(this.#byId.keys()), this.clock())
    if (resumed && !isFinished(resumed)) this.#state = resumed
    else await this.start()
  }

  /** Starts a new full run over all questions. */
  async start(): Promise<void> {
    this.#state = await this.store.startRun({ scope: this.scope, mode: this.scope === REVIEW_SCOPE ? 'retry' : 'full', questionIds: [...this.#byId.keys()] }, this.clock())
  }

  /** Answers the question on screen; the feedback appears only after the answer is committed. Ignored while saving or once answered. */
  async answer(chosen: string): Promise<void> {
    const s = this.#state
    const q = this.#current
    if (!s || !q || this.#saving || q.id in s.answers) return
    this.#saving = true
    this.#error = null
    try {
      const out = await this.store.recordAnswer({ session: s, article: this.#articleOf(q.id), question: q, chosen }, this.clock())
      this.#state = out.session
    } catch (e) {
      console.error(e)
      this.#error = 'Your answer could not be saved. Please try again.'
    } finally {
      this.#saving = false
    }
  }

  /** Moves to the next question (after the feedback). */
  next(): void {
    if (this.#state && this.#answer) this.#state = advance(this.#state)
  }

  /**
   * Starts a run over the questions missed in this one; false when none were missed. Called again at the end
   * of each retry run, it runs the missed questions until each is answered right.
   */
  async retryMissed(): Promise<boolean> {
    const missed = this.#state ? missedQuestionIds(this.#state) : []
    if (missed.length === 0) return false
    this.#state = await this.store.startRun({ scope: this.scope, mode: 'retry', questionIds: missed }, this.clock())
    return true
  }
}

/** The IPC methods the progress files need (a subset of `window.api`). */
export interface ProgressFilesApi {
  exportProgress(text: string): Promise<IpcResult<{ saved: boolean; path: string | null }>>
  importProgress(): Promise<IpcResult<{ text: string | null; path: string | null }>>
}

/** The outcome of an export or import, as a message for the app's notice area (null when the user cancelled). */
export type FileOutcome = { kind: 'info' | 'error'; text: string } | null

/**
 * App-wide progress: the due badge, the Review queue, statistics, export/import and reset. Call `refresh()`
 * at start and after answers, imports and resets.
 */
export class ProgressState {
  #due = $state.raw<DueSummary>({ dueNow: 0, nextDueAt: null })
  #queue = $state.raw<ReviewQueue>({ groups: [], total: 0, dueNow: 0, order: [] })
  #stats = $state.raw<ProgressStats | null>(null)

  constructor(
    private readonly store: ProgressStore,
    private readonly clock: Clock = Date.now
  ) {}

  /** Questions due now and the next due time. */
  get due(): DueSummary {
    return this.#due
  }
  /** Missed and due questions, grouped by article. */
  get queue(): ReviewQueue {
    return this.#queue
  }
  /** Statistics, after `refreshStats()`. */
  get stats(): ProgressStats | null {
    return this.#stats
  }

  /** Reloads the due summary and the review queue. */
  async refresh(): Promise<void> {
    const now = this.clock()
    const [due, queue] = await Promise.all([this.store.dueSummary(now), this.store.reviewQueue(now)])
    this.#due = due
    this.#queue = queue
  }

  /** Reloads statistics (reads every attempt: call when the Statistics view opens). */
  async refreshStats(): Promise<void> {
    this.#stats = await this.store.stats(this.clock())
  }

  /** A "Retry missed" session over the whole review queue, grouped order kept. */
  reviewSession(): QuizSession {
    const items = this.#queue.groups.flatMap((g) => g.items.map((i) => ({ item: i, article: { id: g.articleId, title: g.articleTitle } })))
    const articles = new Map(items.map(({ item, article }) => [item.questionId, article]))
    return new QuizSession(
      this.store,
      REVIEW_SCOPE,
      items.map(({ item }) => item.question),
      (id) => articles.get(id) ?? { id: 'unknown', title: '' },
      this.clock
    )
  }

  /** Exports all progress through the save dialog. */
  async exportToFile(api: ProgressFilesApi): Promise<FileOutcome> {
    const result = await api.exportProgress(await this.store.exportAll(this.clock()))
    if (!result.ok) return { kind: 'error', text: result.error.message }
    return result.value.saved ? { kind: 'info', text: `Progress exported to ${result.value.path ?? 'the chosen file'}.` } : null
  }

  /** Imports a progress file through the open dialog; a bad file changes nothing and explains why. */
  async importFromFile(api: ProgressFilesApi): Promise<FileOutcome> {
    const result = await api.importProgress()
    if (!result.ok) return { kind: 'error', text: result.error.message }
    if (result.value.text === null) return null
    const imported = await this.store.importAll(result.value.text)
    if (!imported.ok) return { kind: 'error', text: imported.message }
    await this.refresh()
    const c = imported.counts
    return { kind: 'info', text: `Progress imported: ${c.attempts} answers, ${c.reviews} review states and ${c.runs} quiz runs added or updated.` }
  }

  /** Deletes one article's progress (the UI asks for confirmation first). */
  async resetArticle(articleId: string): Promise<void> {
    await this.store.resetArticle(articleId)
    await this.refresh()
  }
}
