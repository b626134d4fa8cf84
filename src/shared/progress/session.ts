import type { Attempt, Millis, QuizRun, RunScope, Score } from './model'

/**
 * The quiz-run state machine as pure functions over immutable values: which question is shown, the answers
 * given, what was missed, the score, a "retry missed" run, and resuming from stored attempts.
 *
 * Flow: `startRun` → (`applyAnswer` at `currentQuestionId`, show feedback, `advance`)* → `isFinished` →
 * `retryRun` for the missed ones. Answering does not move on, so the feedback for the answered question
 * stays on screen until the user asks for the next one.
 */

/** One answer within a session. */
export interface SessionAnswer {
  chosen: string
  correct: boolean
  at: Millis
}

/** A run and the answers given in it. `position` is the index of the question on screen (`count` when finished). */
export interface SessionState {
  readonly run: QuizRun
  readonly answers: Readonly<Record<string, SessionAnswer>>
  readonly position: number
}

/** A new, unstarted run over `questionIds` (duplicates removed, order kept). */
export function newRun(input: { id: string; scope: RunScope; mode: QuizRun['mode']; questionIds: readonly string[] }, now: Millis): QuizRun {
  return {
    id: input.id,
    scope: input.scope,
    mode: input.mode,
    questionIds: [...new Set(input.questionIds)],
    startedAt: now,
    finishedAt: null,
    score: null
  }
}

/** A session at the first question of `run`. */
export function startSession(run: QuizRun): SessionState {
  return { run, answers: {}, position: 0 }
}

/** The number of questions in the session. */
export function questionCount(state: SessionState): number {
  return state.run.questionIds.length
}

/** The id of the question on screen, or null when the position is past the end. */
export function currentQuestionId(state: SessionState): string | null {
  return state.run.questionIds[state.position] ?? null
}

/** Whether the question on screen has been answered (its feedback is showing). */
export function isCurrentAnswered(state: SessionState): boolean {
  const id = currentQuestionId(state)
  return id !== null && id in state.answers
}

/** Whether every question of the run has an answer. */
export function isFinished(state: SessionState): boolean {
  return state.run.questionIds.every((id) => id in state.answers)
}

/** Correct answers out of all questions (unanswered ones count as not correct). */
export function sessionScore(state: SessionState): Score {
  let correct = 0
  for (const id of state.run.questionIds) if (state.answers[id]?.correct) correct++
  return { correct, total: state.run.questionIds.length }
}

/** Ids of questions answered wrongly, in run order. */
export function missedQuestionIds(state: SessionState): string[] {
  return state.run.questionIds.filter((id) => state.answers[id]?.correct === false)
}

/**
 * The session after answering `questionId` with `chosen` at `now`. A question already answered in this run
 * keeps its first answer (a double click must not record twice), and the state is returned unchanged; so is it
 * for a question not in the run. When the answer completes the run, the run gets `finishedAt` and `score`.
 */
export function applyAnswer(state: SessionState, questionId: string, chosen: string, correct: boolean, now: Millis): SessionState {
  if (questionId in state.answers || !state.run.questionIds.includes(questionId)) return state
  const answers = { ...state.answers, [questionId]: { chosen, correct, at: now } }
  const next: SessionState = { ...state, answers }
  if (!isFinished(next)) return next
  return { ...next, run: { ...state.run, finishedAt: now, score: sessionScore(next) } }
}

/** The session moved to the next unanswered question after the current one (or to the end). */
export function advance(state: SessionState): SessionState {
  const ids = state.run.questionIds
  let p = state.position + 1
  while (p < ids.length && (ids[p] as string) in state.answers) p++
  // Questions skipped earlier (none in normal flow) come back before the end.
  if (p >= ids.length) {
    const firstOpen = ids.findIndex((id) => !(id in state.answers))
    p = firstOpen === -1 ? ids.length : firstOpen
  }
  return { ...state, position: p }
}

/** A "retry missed" run over the questions missed in `state`, or null when none were missed. */
export function retryRun(state: SessionState, id: string, now: Millis): QuizRun | null {
  const missed = missedQuestionIds(state)
  if (missed.length === 0) return null
  return newRun({ id, scope: state.run.scope, mode: 'retry', questionIds: missed }, now)
}

/**
 * The session of `run` rebuilt from stored attempts: each question's first attempt in this run is its answer,
 * and the position is the first unanswered question (the end when all are answered).
 */
export function resumeSession(run: QuizRun, attempts: readonly Attempt[]): SessionState {
  const inRun = new Set(run.questionIds)
  const sorted = attempts.filter((a) => a.runId === run.id && inRun.has(a.questionId)).sort((a, b) => a.at - b.at)
  const answers: Record<string, SessionAnswer> = {}
  for (const a of sorted) if (!(a.questionId in answers)) answers[a.questionId] = { chosen: a.chosen, correct: a.correct, at: a.at }
  const firstOpen = run.questionIds.findIndex((id) => !(id in answers))
  return { run, answers, position: firstOpen === -1 ? run.questionIds.length : firstOpen }
}

/**
 * The session limited to questions that still exist (`available`), for resuming after a release changed an
 * article's quiz: unanswered questions that vanished are dropped; answered ones stay, since they are history.
 * Returns the same object when nothing changed. If dropping completes the run, it is finished at `now`.
 */
export function reconcileSession(state: SessionState, available: ReadonlySet<string>, now: Millis): SessionState {
  const keep = state.run.questionIds.filter((id) => id in state.answers || available.has(id))
  if (keep.length === state.run.questionIds.length) return state
  const run: QuizRun = { ...state.run, questionIds: keep }
  const current = currentQuestionId(state)
  let next: SessionState = { run, answers: state.answers, position: 0 }
  const firstOpen = keep.findIndex((id) => !(id in state.answers))
  const at = current === null ? -1 : keep.indexOf(current)
  next = { ...next, position: at !== -1 ? at : firstOpen === -1 ? keep.length : firstOpen }
  if (run.finishedAt === null && isFinished(next)) {
    next = { ...next, run: { ...run, finishedAt: now, score: sessionScore(next) } }
  }
  return next
}
