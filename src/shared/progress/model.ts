import * as v from 'valibot'
import { S_MAX, S_MIN } from 'ts-fsrs'
import type { Question, QuestionKind } from '../quiz/model'

/**
 * The progress records: what the renderer's database stores and what an export file carries, with the
 * valibot schemas that validate them wherever they come from outside the running code (the database, a file).
 * Times are epoch milliseconds (numbers), so records survive JSON and IndexedDB unchanged and sort cheaply.
 */

/** Epoch milliseconds. */
export type Millis = number

/**
 * The window every stored time must fall in: from 2000-01-01 (a time before is damage, not history) to 2200-01-01
 * (a due date may lie a century after its review, ts-fsrs's longest interval). A time far in the future would win
 * every later merge (newest wins) and could never be repaired by a real backup; `parseProgressExport` also refuses
 * times of past events later than the moment of import.
 */
export const EARLIEST_TIME: Millis = Date.UTC(2000, 0, 1)
export const LATEST_TIME: Millis = Date.UTC(2200, 0, 1)
/** Most answers, reviews or steps a count may hold: far beyond any real use, well inside exact integers. */
const MAX_COUNT = 10_000_000

const Millis = v.pipe(v.number(), v.integer(), v.minValue(EARLIEST_TIME, 'is before the year 2000'), v.maxValue(LATEST_TIME, 'is after the year 2200'))
const Count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_COUNT))
const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(400))
const Text = v.pipe(v.string(), v.maxLength(20_000))

const QUESTION_KINDS = [
  'who-did-what',
  'when',
  'who-what-where',
  'how-many',
  'who-said',
  'true-false',
  'cloze',
  'what'
] as const satisfies readonly QuestionKind[]

/** A question as it was when answered; kept so a question a new release no longer generates still shows in history and review. */
export const QuestionSnapshotSchema = v.object({
  id: Id,
  kind: v.picklist(QUESTION_KINDS),
  prompt: Text,
  options: v.pipe(v.array(Text), v.minLength(1), v.maxLength(12)),
  answer: Text,
  evidence: v.pipe(
    v.object({ paragraph: Count, start: Count, end: Count, text: Text }),
    v.forward(v.check((e) => e.start <= e.end, 'must not be before start'), ['end'])
  ),
  explanation: Text,
  // Added with the ranking (2026-11): snapshots stored before it read as unranked.
  rank: v.optional(Count, 0)
})

/** The article a question belongs to, as much as the progress layer needs to group and label it. */
export interface ArticleRef {
  id: string
  title: string
}

/** One answer the user gave. `id` is unique across devices, so merging two histories de-duplicates exactly. */
export interface Attempt {
  id: string
  questionId: string
  articleId: string
  /** The quiz run it was given in; null for an answer given outside a run. */
  runId: string | null
  chosen: string
  correct: boolean
  at: Millis
}

/** Validates an `Attempt` from the database or a file. */
export const AttemptSchema = v.object({
  id: Id,
  questionId: Id,
  articleId: Id,
  runId: v.nullable(Id),
  chosen: Text,
  correct: v.boolean(),
  at: Millis
})

/** FSRS card state as stored: ts-fsrs's `Card` with dates as epoch milliseconds. */
export interface StoredCard {
  due: Millis
  stability: number
  difficulty: number
  elapsed_days: number
  scheduled_days: number
  learning_steps: number
  reps: number
  lapses: number
  /** ts-fsrs `State`: 0 New, 1 Learning, 2 Review, 3 Relearning. */
  state: 0 | 1 | 2 | 3
  last_review: Millis | null
}

/** Days an interval may span: ts-fsrs's longest interval (a century) with room to spare. */
const MAX_DAYS = 100_000
const Days = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(MAX_DAYS))

/**
 * Validates a `StoredCard` within ts-fsrs's own bounds: stability in [S_MIN, S_MAX] days and difficulty in [1, 10]
 * once a card has been reviewed (a new card has 0 for both). Out of these, ts-fsrs computes NaN or throws, and every
 * later answer to the question failed to save.
 */
export const StoredCardSchema = v.pipe(
  v.object({
    due: Millis,
    stability: v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(S_MAX)),
    difficulty: v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(10)),
    elapsed_days: Days,
    scheduled_days: Days,
    learning_steps: Count,
    reps: Count,
    lapses: Count,
    state: v.picklist([0, 1, 2, 3] as const),
    last_review: v.nullable(Millis)
  }),
  v.forward(
    v.check((c) => c.state === 0 || c.stability >= S_MIN, `must be at least ${S_MIN} for a card that has been reviewed`),
    ['stability']
  ),
  v.forward(
    v.check((c) => c.state === 0 || c.difficulty >= 1, 'must be at least 1 for a card that has been reviewed'),
    ['difficulty']
  )
)

/** Per question: its spaced-review state, the last answer, and a snapshot of the question. Keyed by `questionId`. */
export interface ReviewRecord {
  questionId: string
  articleId: string
  articleTitle: string
  card: StoredCard
  /** 1 when the last answer was wrong, else 0 (a number, so a later schema can index it: IndexedDB cannot index booleans). */
  missed: 0 | 1
  lastChosen: string
  lastAt: Millis
  /** How many answers this question has had. */
  answers: number
  question: Question
  /**
   * 1 when the generator no longer asks this question (its id vanished from the article's quiz): the card is
   * neither due nor missed, but its answers stay in history. 0 otherwise. Added 2026-11-30; older records read as 0.
   */
  retired: 0 | 1
}

/** Validates a `CardSummary` from the database: a review record's fields but its question snapshot. */
export const CardSummarySchema = v.object({
  questionId: Id,
  articleId: Id,
  articleTitle: Text,
  card: StoredCardSchema,
  missed: v.picklist([0, 1] as const),
  lastChosen: Text,
  lastAt: Millis,
  answers: Count,
  retired: v.optional(v.picklist([0, 1] as const), 0)
})

/** Validates a `ReviewRecord` (the summary's fields and the snapshot), including that the snapshot is of the same question. */
export const ReviewRecordSchema = v.pipe(
  v.object({ ...CardSummarySchema.entries, question: QuestionSnapshotSchema }),
  v.check((r) => r.question.id === r.questionId, 'question.id differs from questionId')
)

/**
 * The scheduling part of a review record, without the question snapshot: what the review queue, due counts,
 * the forecast and the library need for every question, small enough to load for 10,000 questions at start.
 */
export type CardSummary = Omit<ReviewRecord, 'question'>

/** The summary of `r`. */
export function summaryOf(r: ReviewRecord): CardSummary {
  const { question: _question, ...summary } = r
  void _question
  return summary
}

/** A question the user reported as wrong or unclear: it leaves the quiz and review, and is kept to be looked at. */
export interface QuestionReport {
  questionId: string
  articleId: string
  articleTitle: string
  /** The question as it was shown. */
  prompt: string
  /** What the user wrote; empty when they gave no reason. */
  reason: string
  at: Millis
}

/** Validates a `QuestionReport`. */
export const QuestionReportSchema = v.object({
  questionId: Id,
  articleId: Id,
  articleTitle: Text,
  prompt: Text,
  reason: v.pipe(v.string(), v.maxLength(2000)),
  at: Millis
})

/** Where a run belongs: an article id, or `REVIEW_SCOPE` for a run over missed questions across articles. */
export type RunScope = string

/** The scope of a review run; cannot collide with an article id (those start with a letter or digit). */
export const REVIEW_SCOPE = '*review'

/** One pass through a list of questions: a whole article quiz (`full`) or its missed questions (`retry`). */
export interface QuizRun {
  id: string
  scope: RunScope
  mode: 'full' | 'retry'
  questionIds: string[]
  startedAt: Millis
  /** Set when every question has an answer. */
  finishedAt: Millis | null
  /** Set with `finishedAt`. */
  score: Score | null
}

/** Correct answers out of all questions of a run. */
export interface Score {
  correct: number
  total: number
}

const ScoreSchema = v.pipe(
  v.object({ correct: Count, total: Count }),
  v.forward(v.check((s) => s.correct <= s.total, 'is more than the total'), ['correct'])
)

/** Validates a `QuizRun`. */
export const QuizRunSchema = v.object({
  id: Id,
  scope: Id,
  mode: v.picklist(['full', 'retry'] as const),
  questionIds: v.array(Id),
  startedAt: Millis,
  finishedAt: v.nullable(Millis),
  score: v.nullable(ScoreSchema)
})

/** The whole of a user's progress: what an export carries and an import restores. */
export interface ProgressData {
  attempts: Attempt[]
  reviews: ReviewRecord[]
  runs: QuizRun[]
}

// Compile-time proof that the schemas produce exactly the record types (a drift in either fails the build).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const _attempt: Same<v.InferOutput<typeof AttemptSchema>, Attempt> = true
const _card: Same<v.InferOutput<typeof StoredCardSchema>, StoredCard> = true
const _review: Same<v.InferOutput<typeof ReviewRecordSchema>, ReviewRecord> = true
const _run: Same<v.InferOutput<typeof QuizRunSchema>, QuizRun> = true
const _question: Same<v.InferOutput<typeof QuestionSnapshotSchema>, Question> = true
const _summary: Same<v.InferOutput<typeof CardSummarySchema>, CardSummary> = true
const _report: Same<v.InferOutput<typeof QuestionReportSchema>, QuestionReport> = true
void [_attempt, _card, _review, _run, _question, _summary, _report]

/** A short path to the first problem of a failed parse, e.g. `attempts.3.correct`, for messages and logs. */
export function issuePath(issues: readonly v.BaseIssue<unknown>[]): string {
  const first = issues[0]
  if (!first) return ''
  return v.getDotPath(first) ?? ''
}
