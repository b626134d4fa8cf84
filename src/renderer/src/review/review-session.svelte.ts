import { REVIEW_SCOPE, type StoredCard } from '@shared/progress/model'
import { defaultGrade, gradePreview, type Grade, type ReviewItem, type ReviewQueue } from '@shared/progress/review'
import { advance, currentQuestionId, type SessionAnswer, type SessionState } from '@shared/progress/session'
import type { Question } from '@shared/quiz/model'
import type { ProgressStore } from '../progress/progress-store'

/** One card of a review session: the question, and the article it comes from. */
export interface ReviewCardItem {
  question: Question
  articleId: string
  articleTitle: string
}

/** The cards of a review queue in queue order. */
export function cardsOf(queue: ReviewQueue): ReviewCardItem[] {
  const byId = new Map<string, ReviewCardItem>()
  for (const g of queue.groups) for (const i of g.items as ReviewItem[]) byId.set(i.questionId, { question: i.question, articleId: i.articleId, articleTitle: g.articleTitle })
  return queue.order.flatMap((id) => {
    const item = byId.get(id)
    return item ? [item] : []
  })
}

/**
 * A review that asks first: one question at a time, its answer and evidence hidden until the user answers. The
 * answer is saved at once with the default grade (Again when wrong, Good when right), so closing the window
 * loses nothing; a grade picked afterwards (Again / Hard / Good / Easy) reschedules the card from its state
 * before the answer. Reactive (runes) so the component stays thin.
 */
export class ReviewSession {
  // Raw: replaced, never mutated, and passed to IndexedDB as plain objects.
  #state = $state.raw<SessionState | null>(null)
  #saving = $state(false)
  #error = $state<string | null>(null)
  #graded = $state<Grade | null>(null)
  #previousCard = $state.raw<StoredCard | null>(null)
  #nextDue = $state<number | null>(null)
  #items: Map<string, ReviewCardItem>
  #removed = $state<ReadonlySet<string>>(new Set())

  private constructor(
    private readonly store: ProgressStore,
    items: readonly ReviewCardItem[],
    private readonly onChange: () => void,
    private readonly now: () => number
  ) {
    this.#items = new Map(items.map((i) => [i.question.id, i]))
  }

  /** Starts a review run over `items` (in this order). */
  static async start(store: ProgressStore, items: readonly ReviewCardItem[], onChange: () => void, now: () => number = Date.now): Promise<ReviewSession> {
    const session = new ReviewSession(store, items, onChange, now)
    session.#state = await store.startRun({ scope: REVIEW_SCOPE, mode: 'retry', questionIds: items.map((i) => i.question.id) }, now())
    return session
  }

  get count(): number {
    return this.#state ? this.#state.run.questionIds.filter((id) => !this.#removed.has(id)).length : 0
  }
  /** 1-based number of the card on screen among the cards not removed. */
  get number(): number {
    const s = this.#state
    if (!s) return 0
    return s.run.questionIds.slice(0, s.position + 1).filter((id) => !this.#removed.has(id)).length
  }
  get current(): ReviewCardItem | null {
    const id = this.#state ? currentQuestionId(this.#state) : null
    return id ? (this.#items.get(id) ?? null) : null
  }
  get answer(): SessionAnswer | null {
    const c = this.current
    return c && this.#state ? (this.#state.answers[c.question.id] ?? null) : null
  }
  /** The grade given to the answer on screen (the default until the user picks one). */
  get grade(): Grade | null {
    const a = this.answer
    return a ? (this.#graded ?? defaultGrade(a.correct)) : null
  }
  /** When the card on screen would be due after each grade. */
  get preview(): Record<Grade, number> | null {
    const a = this.answer
    return a ? gradePreview(this.#previousCard, a.at) : null
  }
  /** When the card on screen is due next, as graded. */
  get nextDue(): number | null {
    return this.#nextDue
  }
  get finished(): boolean {
    return this.#state !== null && this.current === null
  }
  get score(): { correct: number; total: number } {
    const s = this.#state
    if (!s) return { correct: 0, total: 0 }
    const answered = Object.entries(s.answers).filter(([id]) => !this.#removed.has(id))
    return { correct: answered.filter(([, a]) => a.correct).length, total: answered.length }
  }
  get saving(): boolean {
    return this.#saving
  }
  get error(): string | null {
    return this.#error
  }

  /** Answers the card on screen; resolves after the answer is committed. */
  async choose(option: string): Promise<void> {
    const state = this.#state
    const item = this.current
    if (!state || !item || this.#saving || state.answers[item.question.id]) return
    this.#saving = true
    this.#error = null
    try {
      const outcome = await this.store.recordAnswer(
        { session: state, article: { id: item.articleId, title: item.articleTitle }, question: item.question, chosen: option },
        this.now()
      )
      await this.store.noteReviewAnswer(outcome.attempt.at)
      this.#state = outcome.session
      this.#previousCard = outcome.previousCard
      this.#graded = null
      this.#nextDue = outcome.review.card.due
      this.onChange()
    } catch (e) {
      console.error('progress: could not save a review answer', e)
      this.#error = 'Your answer could not be saved, so it was not counted. Please try again.'
    } finally {
      this.#saving = false
    }
  }

  /** Grades the answer on screen (replacing the default grade); resolves after it is committed. */
  async rate(grade: Grade): Promise<void> {
    const item = this.current
    if (!item || !this.answer || this.#saving) return
    if (grade === this.grade) return
    this.#saving = true
    this.#error = null
    try {
      const record = await this.store.gradeAnswer(item.question.id, this.#previousCard, grade)
      this.#graded = grade
      this.#nextDue = record.card.due
      this.onChange()
    } catch (e) {
      console.error('progress: could not save a grade', e)
      this.#error = 'Your grade could not be saved. Please try again.'
    } finally {
      this.#saving = false
    }
  }

  /** Moves to the next card (after an answer). */
  next(): void {
    if (!this.#state || !this.answer || this.#saving) return
    this.#graded = null
    this.#nextDue = null
    this.#previousCard = null
    this.#state = this.#skipRemoved(advance(this.#state))
  }

  /** Takes the card on screen out of this review (it was reported) and moves on. */
  remove(questionId: string): void {
    this.#removed = new Set([...this.#removed, questionId])
    const s = this.#state
    if (!s) return
    const ids = s.run.questionIds
    // Skip past it whether or not it was answered: a reported question is not asked again.
    let p = s.position
    while (p < ids.length && (this.#removed.has(ids[p]!) || ids[p]! in s.answers)) p++
    this.#graded = null
    this.#nextDue = null
    this.#state = { ...s, position: p }
  }

  #skipRemoved(s: SessionState): SessionState {
    const ids = s.run.questionIds
    let p = s.position
    while (p < ids.length && (this.#removed.has(ids[p]!) || ids[p]! in s.answers)) p++
    return { ...s, position: p }
  }
}
