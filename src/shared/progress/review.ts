import { createEmptyCard, fsrs, generatorParameters, Rating, type Card } from 'ts-fsrs'
import type { Question } from '../quiz/model'
import * as v from 'valibot'
import { StoredCardSchema, type ArticleRef, type Attempt, type Millis, type ReviewRecord, type StoredCard } from './model'

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
  const rating = correct ? Rating.Good : Rating.Again
  if (card) {
    try {
      const next = fromCard(scheduler.next(toCard(card), new Date(now), rating).card)
      if (v.is(StoredCardSchema, next)) return next
    } catch {
      // Falls through: a damaged card must never stop an answer from being saved.
    }
    console.warn('progress: a stored review card was out of range; it starts over from this answer')
  }
  return fromCard(scheduler.next(createEmptyCard(new Date(now)), new Date(now), rating).card)
}

/** The review record after `attempt`: the card rescheduled, the last answer and the question snapshot refreshed. */
export function applyAttemptToReview(
  previous: ReviewRecord | undefined,
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
    question: { ...question, options: [...question.options], evidence: { ...question.evidence } }
  }
}

/** How many records are due at `now` (due time at or before `now`). */
export function dueCount(reviews: Iterable<ReviewRecord>, now: Millis): number {
  let n = 0
  for (const r of reviews) if (r.card.due <= now) n++
  return n
}

/** The earliest due time strictly after `now`, or null when nothing is scheduled later. */
export function nextDue(reviews: Iterable<ReviewRecord>, now: Millis): Millis | null {
  let next: Millis | null = null
  for (const r of reviews) if (r.card.due > now && (next === null || r.card.due < next)) next = r.card.due
  return next
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

/** Whether a record belongs in the review queue: its last answer was wrong, or FSRS says it is due. */
export function inReviewQueue(r: ReviewRecord, now: Millis): boolean {
  return r.missed === 1 || r.card.due <= now
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
