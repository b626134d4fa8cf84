import type { DueSummary } from '@shared/progress/review'
import type { ArticleProgress } from '../library/lib'
import type { ProgressStore } from '../progress/progress-store'
import { Settings } from '../settings/settings.svelte'

/** The daily review limit as the user set it (read on each refresh, so a change applies at the next one). */
export function storedDailyReviewLimit(): number {
  return new Settings().values.dailyReviewLimit
}

/**
 * Progress figures the whole app shows (the due badge, the library's per-article progress), refreshed after
 * every answer, import or reset. `version` changes on each refresh so views can reload what they derive.
 */
export class ProgressState {
  #due = $state<DueSummary>({ dueNow: 0, nextDueAt: null })
  #toReview = $state(0)
  #waiting = $state(0)
  #byArticle = $state<ReadonlyMap<string, ArticleProgress>>(new Map())
  #version = $state(0)

  constructor(
    readonly store: ProgressStore,
    private readonly now: () => number = Date.now,
    /** Most review cards a day (the setting); the badge and Review offer at most this many. */
    readonly dailyLimit: () => number = storedDailyReviewLimit
  ) {}

  get due(): DueSummary {
    return this.#due
  }
  /** Questions to review now: every missed one and every one FSRS says is due, up to what today's limit leaves. */
  get toReview(): number {
    return this.#toReview
  }
  /** Questions to review now that the daily limit holds back until tomorrow. */
  get waiting(): number {
    return this.#waiting
  }
  get byArticle(): ReadonlyMap<string, ArticleProgress> {
    return this.#byArticle
  }
  get version(): number {
    return this.#version
  }

  /** Re-reads the figures from the database. */
  async refresh(): Promise<void> {
    const now = this.now()
    const limit = this.dailyLimit()
    // Summaries only: reading the whole history here would queue behind (and delay) the next answer's save.
    // The library's due counts are under the daily limit too, so they agree with what Review offers today.
    const [due, perArticle, queue] = await Promise.all([this.store.dueSummary(now), this.store.articleProgress(now, limit), this.store.reviewCount(now, limit)])
    const map = new Map<string, ArticleProgress>()
    for (const [id, p] of perArticle) {
      map.set(id, { answered: p.answered, due: p.toReview, best: p.best ? (p.best.total === 0 ? 0 : p.best.correct / p.best.total) : null })
    }
    this.#due = due
    this.#toReview = queue.total
    this.#waiting = queue.waiting
    this.#byArticle = map
    this.#version++
  }
}

/** "in 5 minutes", "in 3 hours", "tomorrow", "in 4 days", for when the next reviews are due. */
export function formatDueIn(at: number, now: number): string {
  const minutes = Math.max(1, Math.round((at - now) / 60_000))
  if (minutes < 60) return `in ${minutes} minute${minutes === 1 ? '' : 's'}`
  const hours = Math.round(minutes / 60)
  if (hours < 24) return `in ${hours} hour${hours === 1 ? '' : 's'}`
  const days = Math.round(hours / 24)
  return days === 1 ? 'tomorrow' : `in ${days} days`
}
