import { createEmptyCard, fsrs, generatorParameters, Rating, type Card } from 'ts-fsrs'
import type { Question } from '../quiz/model'
import * as v from 'valibot'
import { StoredCardSchema, type ArticleRef, type Attempt, type CardSummary, type Millis, type ReviewRecord, type StoredCard } from './model'

/**
 * Spaced review with FSRS (ts-fsrs): a wrong answer is rated Again, a right one Good. Everything takes `now`,
 * so the schedule is deterministic in tests. Fuzz is off for the same reason: a learner cannot tell, and a
 * schedule that tests can predict is worth more here than spreading reviews of a few hundred questions.
 *
 * Short-term (minute) learning steps are off: the quiz itself and its "Retry missed" are the same-session
 * practice, and with steps on, a question answered right would be "due" again ten minutes later, nagging the
 * user to redo a quiz they just finished. Without them a miss is due the next day (and is in the review queue
 * at once as missed), a first right answer in about three days, and each further right answer much later.
 */
const scheduler = fsrs(generatorParameters({ enable_fuzz: false, enable_short_term: false }))

function toCard(card: StoredCard): Card {
  return {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    ...(card.last_review === null ? {} : { last_review: new Date(card.last_review) })
  }
}

function fromCard(card: Card): StoredCard {
  return {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as StoredCard['state'],
    last_review: card.last_review ? card.last_review.getTime() : null
  }
}

/** A card never reviewed, due at `now`. */
export function newCard(now: Millis): StoredCard {
  return fromCard(createEmptyCard(new Date(now)))
}

/** The card after one answer at `now`: Rating.Again when wrong (due again soon), Rating.Good when right (pushed out). */
export function scheduleAnswer(card: StoredCard | null, correct: boolean, now: Millis): StoredCard {
  return gradeCard(card, defaultGrade(correct), now)
}

/** How well the user recalled a review answer, as FSRS rates it: 1 Again, 2 Hard, 3 Good, 4 Easy (the keys 1–4). */
export type Grade = 1 | 2 | 3 | 4

/** The grades in key order, with the words the Review shows. */
export const GRADES: readonly { grade: Grade; label: string }[] = [
  { grade: 1, label: 'Again' },
  { grade: 2, label: 'Hard' },
  { grade: 3, label: 'Good' },
  { grade: 4, label: 'Easy' }
]

/** The grade an answer gets unless the user picks another: Again when wrong, Good when right. */
export function defaultGrade(correct: boolean): Grade {
  return correct ? 3 : 1
}

const RATING: Record<Grade, Rating.Again | Rating.Hard | Rating.Good | Rating.Easy> = {
  1: Rating.Again,
  2: Rating.Hard,
  3: Rating.Good,
  4: Rating.Easy
}

/** The card after an answer graded `grade` at `now`, from its state before the answer (`null`: never answered). */
export function gradeCard(card: StoredCard | null, grade: Grade, now: Millis): StoredCard {
  if (card) {
    try {
      const next = fromCard(scheduler.next(toCard(card), new Date(now), RATING[grade]).card)
      if (v.is(StoredCardSchema, next)) return next
    } catch {
      // Falls through: a damaged card must never stop an answer from being saved.
    }
    console.warn('progress: a stored review card was out of range; it starts over from this answer')
  }
  return fromCard(scheduler.next(createEmptyCard(new Date(now)), new Date(now), RATING[grade]).card)
}

/** When the card would be due after each grade at `now` (what the grade buttons show). */
export function gradePreview(card: StoredCard | null, now: Millis): Record<Grade, Millis> {
  return { 1: gradeCard(card, 1, now).due, 2: gradeCard(card, 2, now).due, 3: gradeCard(card, 3, now).due, 4: gradeCard(card, 4, now).due }
}

/** The review record after `attempt`: the card rescheduled, the last answer and the question snapshot refreshed. */
export function applyAttemptToReview(
  previous: CardSummary | undefined,
  article: ArticleRef,
  question: Question,
  attempt: Attempt
): ReviewRecord {
  return {
    questionId: question.id,
    articleId: article.id,
    articleTitle: article.title,
    card: scheduleAnswer(previous?.card ?? null, attempt.correct, attempt.at),
    missed: attempt.correct ? 0 : 1,
    lastChosen: attempt.chosen,
    lastAt: attempt.at,
    answers: (previous?.answers ?? 0) + 1,
    // A fresh snapshot: the question as the user last saw it is the one to show in review.
    question: { ...question, options: [...question.options], evidence: { ...question.evidence } },
    // Answered now, so the generator asks it: a retired card that comes back is active again.
    retired: 0
  }
}

/**
 * The record after the user graded its latest answer `grade`: the card is rescheduled from `previousCard` (its
 * state before that answer) at the answer's time, so a grade replaces the default one rather than adding a review.
 * A grade of Again keeps the question missed; any other grade counts it as recalled.
 */
export function regradeReview<R extends CardSummary>(record: R, previousCard: StoredCard | null, grade: Grade): R {
  return { ...record, card: gradeCard(previousCard, grade, record.lastAt), missed: grade === 1 ? 1 : 0 }
}

/** How many records are due at `now` (due time at or before `now`); retired ones never are. */
export function dueCount(reviews: Iterable<CardSummary>, now: Millis): number {
  let n = 0
  for (const r of reviews) if (r.retired !== 1 && r.card.due <= now) n++
  return n
}

/**
 * The earliest due time strictly after `now` of a question not already in the review queue, or null when
 * nothing is scheduled later. (A missed question is in the queue now, so its FSRS due time is not "next".)
 */
export function nextDue(reviews: Iterable<CardSummary>, now: Millis): Millis | null {
  let next: Millis | null = null
  for (const r of reviews) if (r.retired !== 1 && r.missed !== 1 && r.card.due > now && (next === null || r.card.due < next)) next = r.card.due
  return next
}

/** When a question enters the review queue: at once when its last answer was wrong, else when FSRS says it is due. */
export function reviewableAt(r: CardSummary): Millis {
  return r.missed === 1 ? Math.min(r.lastAt, r.card.due) : r.card.due
}

/**
 * The questions to review at `now`, most overdue first (then by id), at most `limit` of them, leaving out
 * `excluded` ids (reported questions). `waiting` counts those left out by the limit.
 */
export function selectForReview(
  reviews: Iterable<CardSummary>,
  now: Millis,
  options: { limit?: number; excluded?: ReadonlySet<string> } = {}
): { ids: string[]; waiting: number } {
  const picked: CardSummary[] = []
  for (const r of reviews) if (inReviewQueue(r, now) && !options.excluded?.has(r.questionId)) picked.push(r)
  picked.sort((a, b) => reviewableAt(a) - reviewableAt(b) || (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0))
  const limit = Math.max(0, options.limit ?? Infinity)
  return { ids: picked.slice(0, limit).map((r) => r.questionId), waiting: Math.max(0, picked.length - limit) }
}

/** Questions that come up for review on one calendar day. */
export interface ForecastDay {
  day: string
  count: number
}

/**
 * How many questions come up for review on each of the `days` calendar days from `now` (today first); today
 * counts everything already due or missed. Retired and `excluded` questions are left out.
 */
export function dueForecast(
  reviews: Iterable<CardSummary>,
  now: Millis,
  days: number,
  dayKey: (at: Millis) => string,
  excluded?: ReadonlySet<string>
): ForecastDay[] {
  const out: ForecastDay[] = []
  const index = new Map<string, number>()
  const today = dayKey(now)
  // Calendar days after today's key, stepped in UTC: day keys are dates, so no time zone or clock change can skip one.
  const noon = Date.parse(`${today}T12:00:00Z`)
  for (let i = 0; i < days; i++) {
    const key = new Date(noon + i * 86_400_000).toISOString().slice(0, 10)
    index.set(key, out.length)
    out.push({ day: key, count: 0 })
  }
  const last = out[out.length - 1]?.day ?? today
  for (const r of reviews) {
    if (r.retired === 1 || excluded?.has(r.questionId)) continue
    const at = reviewableAt(r)
    const key = at <= now ? today : dayKey(at)
    if (key > last) continue
    const i = index.get(key)
    if (i !== undefined) out[i]!.count++
  }
  return out
}

/** How many questions are due now and when the next ones are. */
export interface DueSummary {
  dueNow: number
  /** The earliest due time after `now`, or null. */
  nextDueAt: Millis | null
}

/** One question in the review queue, with what the Review view shows. */
export interface ReviewItem {
  questionId: string
  articleId: string
  question: Question
  lastChosen: string
  lastCorrect: boolean
  lastAt: Millis
  due: Millis
  /** Due at `now` by the FSRS schedule. */
  isDue: boolean
}

/** The questions of one article in the queue. */
export interface ReviewGroup {
  articleId: string
  articleTitle: string
  items: ReviewItem[]
}

/** Missed or due questions across all articles, grouped by article. */
export interface ReviewQueue {
  groups: ReviewGroup[]
  /** Items in all groups. */
  total: number
  /** Items due now (missed ones not yet due are in `total` but not here). */
  dueNow: number
  /** Item question ids in queue order (groups in order, items in order): the order "Retry missed" runs them. */
  order: string[]
}

/**
 * Whether a record belongs in the review queue: its last answer was wrong, or FSRS says it is due; never when
 * retired. A miss is in the queue from the moment it was answered (`reviewableAt`), the time the database indexes
 * (see the store's `queueAt`), so the queue read through that index and the one computed here always agree.
 */
export function inReviewQueue(r: CardSummary, now: Millis): boolean {
  return r.retired !== 1 && reviewableAt(r) <= now
}

/**
 * Builds the review queue from review records at `now`: every missed question and every due one, grouped by
 * article. Groups are ordered by their most overdue item, then by title; items by due time, then question id
 * (a total order, so the queue is stable). One pass plus sorts: O(n log n).
 */
export function buildReviewQueue(reviews: Iterable<ReviewRecord>, now: Millis): ReviewQueue {
  const byArticle = new Map<string, ReviewGroup>()
  let total = 0
  let dueNow = 0
  for (const r of reviews) {
    if (!inReviewQueue(r, now)) continue
    let group = byArticle.get(r.articleId)
    if (!group) {
      group = { articleId: r.articleId, articleTitle: r.articleTitle, items: [] }
      byArticle.set(r.articleId, group)
    }
    const isDue = r.card.due <= now
    group.items.push({
      questionId: r.questionId,
      articleId: r.articleId,
      question: r.question,
      lastChosen: r.lastChosen,
      lastCorrect: r.missed === 0,
      lastAt: r.lastAt,
      due: r.card.due,
      isDue
    })
    total++
    if (isDue) dueNow++
  }
  const byItem = (a: ReviewItem, b: ReviewItem): number =>
    a.due - b.due || (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0)
  const groups = [...byArticle.values()]
  for (const g of groups) g.items.sort(byItem)
  groups.sort((a, b) => {
    const d = (a.items[0]?.due ?? 0) - (b.items[0]?.due ?? 0)
    return d || a.articleTitle.localeCompare(b.articleTitle) || (a.articleId < b.articleId ? -1 : 1)
  })
  const order: string[] = []
  for (const g of groups) for (const i of g.items) order.push(i.questionId)
  return { groups, total, dueNow, order }
}
