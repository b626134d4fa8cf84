import type { ArticleSummary } from '@shared/ipc/contract'
import { normalizeForSearch } from '@shared/search'

/** What the library shows of a user's progress on one article. */
export interface ArticleProgress {
  /** Distinct questions answered at least once. */
  answered: number
  /** Best score of a finished full run, as a fraction 0–1; null before the first finished run. */
  best: number | null
  /** Questions due for review now. */
  due: number
}

/**
 * Filters articles by a query matched word by word against title, source and text, then sorts by last
 * opened (most recent first; never-opened articles after, in library order). `texts` maps an article id to its
 * searchable body text; the excerpt is used where it is missing.
 */
export function filterAndSort(
  articles: readonly ArticleSummary[],
  query: string,
  lastOpened: ReadonlyMap<string, number>,
  texts: ReadonlyMap<string, string> = new Map()
): ArticleSummary[] {
  const words = normalizeForSearch(query).split(' ').filter(Boolean)
  const matches = (a: ArticleSummary): boolean => {
    if (words.length === 0) return true
    const hay = normalizeForSearch(`${a.title} ${a.source ?? ''} ${texts.get(a.id) ?? a.excerpt}`)
    return words.every((w) => hay.includes(w))
  }
  const order = new Map(articles.map((a, i) => [a.id, i]))
  return articles
    .filter(matches)
    .sort((a, b) => (lastOpened.get(b.id) ?? -1) - (lastOpened.get(a.id) ?? -1) || order.get(a.id)! - order.get(b.id)!)
}

/** Human file size: "512 B", "1.2 MB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KB`
  return `${(n / 1024 / 1024).toFixed(1)} MB`
}
