import { parseArticle } from '@shared/article/parse'
import type { Article } from '@shared/article/model'

// Vite inlines every content file into the main bundle at build time, so nothing is looked up on disk
// once the app is packaged.
const files = import.meta.glob('../../content/articles/*.json', { eager: true, query: '?raw', import: 'default' }) as Record<string, string>

/** Bundled articles in file-name order (the `NN-` prefix sets it), parsed and validated. A broken file is a startup error caught by the tests. */
export function loadBundledArticles(sources: Record<string, string> = files): Article[] {
  const articles: Article[] = []
  for (const [path, text] of Object.entries(sources).sort(([a], [b]) => a.localeCompare(b))) {
    const parsed = parseArticle(text)
    if (!parsed.ok) throw new Error(`Bundled article ${path} is invalid: ${parsed.error.message}`)
    articles.push(parsed.article)
  }
  return articles
}
