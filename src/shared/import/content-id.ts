import type { Article } from '../article/model'
import { stableHash } from '../hash'

/**
 * The id of an imported article: a hash of its title and paragraphs (the same recipe `parseArticle` uses for
 * plain text), so importing the same story again, from any format, finds the copy already in the library.
 * Progress is keyed by this id, so an article deleted with "keep my progress" gets it back on re-import.
 */
export function contentId(article: Pick<Article, 'title' | 'paragraphs'>): string {
  return `a${stableHash(`${article.title}\n${article.paragraphs.join('\n')}`)}`
}
