import type { ArticleRef, QuizRun, ReviewRecord, RunScope } from '@shared/progress/model'
import {
  advance,
  currentQuestionId,
  reconcileSession,
  isFinished,
  missedQuestionIds,
  questionCount,
  sessionScore,
  type SessionAnswer,
  type SessionState
} from '@shared/progress/session'
import type { Question } from '@shared/quiz/model'
import { quizRounds } from '@shared/quiz/rounds'
import type { ProgressStore } from '../progress/progress-store'
import { questionsAfterRound, roundOf } from './lib'

/** A question of a finished run that was missed, with the answer given. */
export interface MissedItem {
  question: Question
  chosen: string
}

/** What the session needs to know about its questions. */
export interface QuizSource {
  scope: RunScope
  questions: readonly Question[]
  /** The article a question belongs to, for the progress record. */
  articleOf: (questionId: string) => ArticleRef
  /**
   * How many questions one round asks (read when a round starts, so a changed setting applies to the next
   * round). Absent for a review run, which asks all its questions at once.
   */
  roundSize?: () => number
}

/** The answer that `undo` can take back: the last one given in this session. */
interface UndoableAnswer {
  attemptId: string
  questionId: string
  previous: ReviewRecord | null
  before: SessionState
}

/**
 * One quiz run on screen: the question shown, the answer given, feedback, the end screen and "retry missed".
 * Every answer is committed to the database before the state changes, so the feedback a user sees is always
 * for an answer that is saved. Reactive (runes) so components stay thin.
 */
export class QuizSession {
  // Raw: session values are replaced, never mutated, and must reach IndexedDB as plain objects (a proxy cannot be cloned).
  #state = $state.raw<SessionState | null>(null)
  #saving = $state(false)
  #error = $state<string | null>(null)
  // Bumped when the store's view of a question changes outside this session (a review answer, a report).
  #version = $state(0)
  #undoable = $state.raw<UndoableAnswer | null>(null)
  readonly #byId: Map<string, Question>

  private constructor(
    private readonly store: ProgressStore,
    private readonly source: QuizSource,
    private readonly onAnswered: () => void,
    private readonly now: () => number
  ) {
    this.#byId = new Map(source.questions.map((q) => [q.id, q]))
  }

  /**
   * Resumes the latest run in the source's scope (dropping unanswered questions that no longer exist), or
   * starts a run over the first round (all the questions without rounds) when there is none.
   */
  static async open(store: ProgressStore, source: QuizSource, onAnswered: () => void, now: () => number = Date.now): Promise<QuizSession> {
    const session = new QuizSession(store, source, onAnswered, now)
    const available = new Set(source.questions.map((q) => q.id))
    const resumed = await store.resume(source.scope, available, now())
    // A resumed run only counts if its questions are still on offer (a run of vanished questions is history).
    session.#state =
      resumed && resumed.run.questionIds.some((id) => available.has(id))
        ? resumed
        : await store.startRun({ scope: source.scope, mode: 'full', questionIds: session.#roundIds(0) }, now())
    return session
  }

  // The rounds as the setting cuts them now; one round of everything without rounds.
  #rounds(): Question[][] {
    const size = this.source.roundSize?.()
    if (size === undefined) return [[...this.source.questions]]
    return quizRounds(this.source.questions, size)
  }

  #roundIds(index: number): string[] {
    return (this.#rounds()[index] ?? []).map((q) => q.id)
  }

  /** Starts a session over exactly `questionIds` (a review or retry run). */
  static async start(store: ProgressStore, source: QuizSource, mode: 'full' | 'retry', onAnswered: () => void, now: () => number = Date.now): Promise<QuizSession> {
    const session = new QuizSession(store, source, onAnswered, now)
    session.#state = await store.startRun({ scope: source.scope, mode, questionIds: source.questions.map((q) => q.id) }, now())
    return session
  }

  /** The run on screen. */
  get runId(): string | null {
    return this.#state?.run.id ?? null
  }
  get scope(): RunScope {
    return this.source.scope
  }
  get mode(): 'full' | 'retry' {
    return this.#state?.run.mode ?? 'full'
  }
  get count(): number {
    return this.#state ? questionCount(this.#state) : 0
  }
  /** Index of the question on screen. */
  get position(): number {
    return this.#state?.position ?? 0
  }
  get answeredCount(): number {
    return this.#state ? Object.keys(this.#state.answers).length : 0
  }
  get current(): Question | null {
    const id = this.#state ? currentQuestionId(this.#state) : null
    return id ? (this.#byId.get(id) ?? null) : null
  }
  /** The answer given to the question on screen, once given. */
  get answer(): SessionAnswer | null {
    const q = this.current
    return q && this.#state ? (this.#state.answers[q.id] ?? null) : null
  }
  get finished(): boolean {
    return this.#state !== null && (this.#state.position >= questionCount(this.#state) || this.current === null) && isFinished(this.#state)
  }
  get score(): { correct: number; total: number } {
    return this.#state ? sessionScore(this.#state) : { correct: 0, total: 0 }
  }
  get missed(): MissedItem[] {
    if (!this.#state) return []
    const state = this.#state
    void this.#version
    // Only what is still missed: a question answered right since (in Review), reported or retired is not.
    return missedQuestionIds(state).flatMap((id) => {
      const question = this.#byId.get(id)
      return question && this.store.isStillMissed(id) ? [{ question, chosen: state.answers[id]!.chosen }] : []
    })
  }
  /** Answers of this run by question id, for marking evidence of answered questions. */
  get answers(): Readonly<Record<string, SessionAnswer>> {
    return this.#state?.answers ?? {}
  }
  /** The round on screen (0-based) and how many rounds the article's quiz has. */
  get round(): { index: number; count: number } {
    const rounds = this.#rounds()
    return { index: this.#state ? roundOf(rounds, this.#state.run.questionIds) : 0, count: rounds.length }
  }
  /** Questions in the rounds after this one: what "More questions" would go on with. */
  get remaining(): number {
    return questionsAfterRound(this.#rounds(), this.round.index)
  }
  /** Whether the last answer of this session can still be taken back. */
  get canUndo(): boolean {
    return this.#undoable !== null && !this.#saving
  }
  get saving(): boolean {
    return this.#saving
  }
  /** A save that failed, for the user; the answer was not recorded and can be given again. */
  get error(): string | null {
    return this.#error
  }
  question(id: string): Question | null {
    return this.#byId.get(id) ?? null
  }

  /** Answers the question on screen with `option`; resolves after the answer is committed. */
  async choose(option: string): Promise<void> {
    const state = this.#state
    const question = this.current
    if (!state || !question || this.#saving || state.answers[question.id]) return
    this.#saving = true
    this.#error = null
    try {
      const previous = await this.store.reviewRecord(question.id)
      const outcome = await this.store.recordAnswer(
        { session: state, article: this.source.articleOf(question.id), question: $state.snapshot(question), chosen: option },
        this.now()
      )
      this.#state = outcome.session
      this.#undoable = { attemptId: outcome.attempt.id, questionId: question.id, previous, before: state }
      this.onAnswered()
    } catch (e) {
      console.error('progress: could not save an answer', e)
      this.#error = 'Your answer could not be saved, so it was not counted. Please try again.'
    } finally {
      this.#saving = false
    }
  }

  /** Re-reads what the store says is still missed (after answers elsewhere, e.g. in Review). */
  refresh(): void {
    this.#version++
  }

  /**
   * Takes a reported question out of this run: an unanswered one leaves the run (the run is saved); an answered
   * one stays in the run's history but the quiz moves past it.
   */
  async drop(questionId: string): Promise<void> {
    const state = this.#state
    if (!state) return
    this.#byId.delete(questionId)
    this.#version++
    if (questionId in state.answers) {
      if (currentQuestionId(state) === questionId) this.#state = advance(state)
      return
    }
    const available = new Set(state.run.questionIds.filter((id) => id !== questionId))
    const next = reconcileSession(state, available, this.now())
    if (next !== state) {
      this.#state = next
      await this.store.saveRun(next.run)
    }
  }

  /** Moves to the next unanswered question, or to the end screen. */
  next(): void {
    if (this.#state && this.answer) this.#state = advance(this.#state)
  }

  /**
   * Takes back the last answer of this session (a misclick): its attempt, review state and run go back to how
   * they were, and its question is on screen again, unanswered. False when there is nothing to undo or it failed.
   */
  async undo(): Promise<boolean> {
    const last = this.#undoable
    if (!last || this.#saving) return false
    this.#saving = true
    this.#error = null
    try {
      await this.store.undoAnswer({ attemptId: last.attemptId, questionId: last.questionId, previous: last.previous, run: last.before.run })
      this.#state = last.before
      this.#undoable = null
      this.onAnswered()
      return true
    } catch (e) {
      console.error('progress: could not undo an answer', e)
      this.#error = 'The answer could not be taken back. It is still counted.'
      return false
    } finally {
      this.#saving = false
    }
  }

  async #startRun(mode: QuizRun['mode'], questionIds: string[]): Promise<void> {
    this.#state = await this.store.startRun({ scope: this.source.scope, mode, questionIds }, this.now())
    this.#undoable = null
  }

  /** Starts a run over the questions missed in this one; false when none were missed. */
  async retryMissed(): Promise<boolean> {
    const ids = new Set(this.missed.map((m) => m.question.id))
    if (ids.size === 0) return false
    await this.#startRun('retry', [...ids])
    return true
  }

  /** Starts the next round ("More questions"); false when this was the last one. */
  async moreQuestions(): Promise<boolean> {
    const ids = this.#roundIds(this.round.index + 1)
    if (ids.length === 0) return false
    await this.#startRun('full', ids)
    return true
  }

  /** Starts over from the first round. */
  async restart(): Promise<void> {
    await this.#startRun('full', this.#roundIds(0))
  }
}
