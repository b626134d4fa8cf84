import type * as v from 'valibot'
import type { ExportItem } from '@shared/ipc/contract'
import type { ReviewRecord } from '@shared/progress/model'

/** What "Export questions" can export. */
export type ExportChoice = 'article' | 'missed' | 'all'

/**
 * The missed questions (last answer wrong) as main's export takes them, grouped by article and in the order
 * they were missed. The renderer holds them: they live in its database, with the question as it was answered.
 */
export function missedItems(reviews: Iterable<ReviewRecord>): v.InferInput<typeof ExportItem>[] {
  return [...reviews]
    .filter((r) => r.missed === 1)
    .sort((a, b) => a.articleTitle.localeCompare(b.articleTitle) || a.articleId.localeCompare(b.articleId) || a.lastAt - b.lastAt)
    .map((r) => ({ articleId: r.articleId, articleTitle: r.articleTitle, question: r.question }))
}

/** "12 questions", "1 question". */
export function questionCount(n: number): string {
  return `${n} question${n === 1 ? '' : 's'}`
}
