import type { ArticleSummary, ImportOutcome } from '@shared/ipc/contract'
import { normalizeForSearch } from '@shared/search'
import { storedObject } from '../app/stored'

/** What the library shows of a user's progress on one article. */
export interface ArticleProgress {
  /** Distinct questions answered at least once. */
  answered: number
  /** Best score of a finished full run, as a fraction 0–1; null before the first finished run. */
  best: number | null
  /** Questions Review offers today (due or missed, within the daily review limit). */
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

/** Orders the library can be shown in. */
export type LibrarySort = 'added' | 'studied' | 'due' | 'title'
/** Which articles the library shows. */
export type LibraryFilter = 'all' | 'due' | 'unfinished' | 'done'

export const LIBRARY_SORTS: readonly { value: LibrarySort; label: string }[] = [
  { value: 'added', label: 'Recently added' },
  { value: 'studied', label: 'Recently studied' },
  { value: 'due', label: 'Due first' },
  { value: 'title', label: 'Title' }
]
export const LIBRARY_FILTERS: readonly { value: LibraryFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'due', label: 'Due' },
  { value: 'unfinished', label: 'Not finished' },
  { value: 'done', label: 'Done' }
]

/** Whether every question of the article has been answered at least once. */
export function isDone(a: Pick<ArticleSummary, 'questionCount'>, p: ArticleProgress | undefined): boolean {
  return a.questionCount > 0 && (p?.answered ?? 0) >= a.questionCount
}

/** The articles `filter` keeps: with questions due now, not yet fully answered, or fully answered. */
export function filterArticles(articles: readonly ArticleSummary[], filter: LibraryFilter, progress: ReadonlyMap<string, ArticleProgress>): ArticleSummary[] {
  if (filter === 'all') return [...articles]
  return articles.filter((a) => {
    const p = progress.get(a.id)
    if (filter === 'due') return (p?.due ?? 0) > 0
    return filter === 'done' ? isDone(a, p) : !isDone(a, p) && a.questionCount > 0
  })
}

/**
 * Sorts articles: by when they were imported (newest first; shipped articles after), when last opened (newest
 * first; never opened after), questions due (most first, then last opened), or title. Ties keep the given order.
 */
export function sortArticles(
  articles: readonly ArticleSummary[],
  sort: LibrarySort,
  progress: ReadonlyMap<string, ArticleProgress>,
  lastOpened: ReadonlyMap<string, number>
): ArticleSummary[] {
  const order = new Map(articles.map((a, i) => [a.id, i]))
  const time = (iso: string | null): number => (iso ? Date.parse(iso) : -1)
  const opened = (a: ArticleSummary): number => lastOpened.get(a.id) ?? time(a.lastOpenedAt)
  const by: (a: ArticleSummary, b: ArticleSummary) => number =
    sort === 'added'
      ? (a, b) => time(b.addedAt) - time(a.addedAt)
      : sort === 'studied'
        ? (a, b) => opened(b) - opened(a)
        : sort === 'due'
          ? (a, b) => (progress.get(b.id)?.due ?? 0) - (progress.get(a.id)?.due ?? 0) || opened(b) - opened(a)
          : (a, b) => a.title.localeCompare(b.title, undefined, { sensitivity: 'base', numeric: true })
  return [...articles].sort((a, b) => by(a, b) || order.get(a.id)! - order.get(b.id)!)
}

/** What an import did, in words: which articles are new, which were already in the library. */
export function importMessage(added: readonly ImportOutcome[], existing: readonly ImportOutcome[]): string {
  const questions = (n: number): string => `${n} ${n === 1 ? 'question' : 'questions'}`
  const quoted = (list: readonly ImportOutcome[]): string => list.map((o) => `“${o.summary.title}”`).join(', ')
  const parts: string[] = []
  if (added.length === 1) parts.push(`Imported “${added[0]!.summary.title}” with ${questions(added[0]!.summary.questionCount)}.`)
  else if (added.length > 1) parts.push(`Imported ${added.length} articles.`)
  if (existing.length > 0) {
    const was = existing.length === 1 ? 'was' : 'were'
    parts.push(added.length === 0 && existing.length === 1 ? `${quoted(existing)} is already in your library; it is open now.` : `${quoted(existing)} ${was} already in your library.`)
  }
  if (added.length === 0 && existing.length === 0) parts.push('Nothing was imported.')
  return parts.join(' ')
}

/** How the user last chose to see the library. */
export interface LibraryViewChoice {
  sort: LibrarySort
  filter: LibraryFilter
}

export const DEFAULT_LIBRARY_VIEW: LibraryViewChoice = { sort: 'added', filter: 'all' }
const LIBRARY_VIEW_KEY = 'newsquiz-library-view@1'

/** The stored choice; a missing, damaged or unknown value gives the default for that field. */
export function parseLibraryView(raw: string | null): LibraryViewChoice {
  const stored = storedObject(raw)
  const field = (key: string): unknown => stored?.[key]
  const sort = LIBRARY_SORTS.find((o) => o.value === field('sort'))?.value ?? DEFAULT_LIBRARY_VIEW.sort
  const filter = LIBRARY_FILTERS.find((o) => o.value === field('filter'))?.value ?? DEFAULT_LIBRARY_VIEW.filter
  return { sort, filter }
}

/**
 * The sort and filter kept on this machine (localStorage, read synchronously, so the library's first paint is
 * already in the chosen order), or the defaults.
 */
export function loadLibraryView(storage: Pick<Storage, 'getItem'> | null = globalThis.localStorage ?? null): LibraryViewChoice {
  try {
    return parseLibraryView(storage?.getItem(LIBRARY_VIEW_KEY) ?? null)
  } catch {
    return { ...DEFAULT_LIBRARY_VIEW }
  }
}

/** Keeps `choice` for the next start; storage that is full or unavailable only loses it after this session. */
export function saveLibraryView(choice: LibraryViewChoice, storage: Pick<Storage, 'setItem'> | null = globalThis.localStorage ?? null): void {
  try {
    storage?.setItem(LIBRARY_VIEW_KEY, JSON.stringify({ sort: choice.sort, filter: choice.filter }))
  } catch {
    // The choice still applies until the app closes.
  }
}
