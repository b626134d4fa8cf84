import { describe, expect, it } from 'vitest'
import type { ArticleSummary, ImportOutcome } from '../../../src/shared/ipc/contract'
import { DEFAULT_LIBRARY_VIEW, filterArticles, importMessage, loadLibraryView, parseLibraryView, saveLibraryView, sortArticles, type ArticleProgress } from '../../../src/renderer/src/library/lib'

const summary = (id: string, title: string, more: Partial<ArticleSummary> = {}): ArticleSummary => ({
  id,
  title,
  date: null,
  dateLabel: null,
  source: null,
  excerpt: '',
  wordCount: 100,
  questionCount: 4,
  bundled: false,
  addedAt: null,
  lastOpenedAt: null,
  licenceCredit: null,
  ...more
})

const list = [
  summary('bundled', 'zebra crossing', { bundled: true }),
  summary('old', 'Apple harvest', { addedAt: '2026-11-01T10:00:00.000Z', lastOpenedAt: '2026-11-20T10:00:00.000Z' }),
  summary('new', 'Night trains', { addedAt: '2026-11-25T10:00:00.000Z' }),
  summary('mid', 'Harbour strike', { addedAt: '2026-11-10T10:00:00.000Z', lastOpenedAt: '2026-11-02T10:00:00.000Z' })
]
const progress = new Map<string, ArticleProgress>([
  ['old', { answered: 4, best: 0.5, due: 0 }],
  ['mid', { answered: 2, best: null, due: 2 }],
  ['bundled', { answered: 1, best: null, due: 1 }]
])
const ids = (a: ArticleSummary[]): string[] => a.map((x) => x.id)

describe('library sort', () => {
  it('recently added puts new imports first and shipped articles last', () => {
    expect(ids(sortArticles(list, 'added', progress, new Map()))).toEqual(['new', 'mid', 'old', 'bundled'])
  })
  it('recently studied follows the last opening, this session’s first', () => {
    expect(ids(sortArticles(list, 'studied', progress, new Map()))).toEqual(['old', 'mid', 'bundled', 'new'])
    expect(ids(sortArticles(list, 'studied', progress, new Map([['new', Date.parse('2026-11-29T00:00:00Z')]])))).toEqual(['new', 'old', 'mid', 'bundled'])
  })
  it('due first, then by title ignoring case', () => {
    expect(ids(sortArticles(list, 'due', progress, new Map()))).toEqual(['mid', 'bundled', 'old', 'new'])
    expect(ids(sortArticles(list, 'title', progress, new Map()))).toEqual(['old', 'mid', 'new', 'bundled'])
  })
})

describe('library filter', () => {
  it('keeps articles with questions due, not fully answered, or fully answered', () => {
    expect(ids(filterArticles(list, 'all', progress))).toEqual(['bundled', 'old', 'new', 'mid'])
    expect(ids(filterArticles(list, 'due', progress))).toEqual(['bundled', 'mid'])
    expect(ids(filterArticles(list, 'unfinished', progress))).toEqual(['bundled', 'new', 'mid'])
    expect(ids(filterArticles(list, 'done', progress))).toEqual(['old'])
  })
})

describe('import message', () => {
  const outcome = (status: 'added' | 'exists', title: string, questionCount = 3): ImportOutcome => ({ status, summary: summary(title, title, { questionCount }) })
  it('says which articles are new and which were already there, with the right plural', () => {
    expect(importMessage([outcome('added', 'A', 1)], [])).toBe('Imported “A” with 1 question.')
    expect(importMessage([outcome('added', 'A')], [outcome('exists', 'B')])).toBe('Imported “A” with 3 questions. “B” was already in your library.')
    expect(importMessage([outcome('added', 'A'), outcome('added', 'C')], [outcome('exists', 'B'), outcome('exists', 'D')])).toBe(
      'Imported 2 articles. “B”, “D” were already in your library.'
    )
    expect(importMessage([], [outcome('exists', 'B')])).toBe('“B” is already in your library; it is open now.')
  })
})

describe('the library view kept across restarts', () => {
  function memoryStorage(): Storage {
    const data = new Map<string, string>()
    return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) } as Storage
  }

  it('gives back the sort and filter it kept', () => {
    const storage = memoryStorage()
    expect(loadLibraryView(storage)).toEqual(DEFAULT_LIBRARY_VIEW)
    saveLibraryView({ sort: 'title', filter: 'unfinished' }, storage)
    expect(loadLibraryView(storage)).toEqual({ sort: 'title', filter: 'unfinished' })
    saveLibraryView({ sort: 'due', filter: 'done' }, storage)
    expect(loadLibraryView(storage)).toEqual({ sort: 'due', filter: 'done' })
  })

  it('falls back field by field on damaged, unknown or missing values', () => {
    expect(parseLibraryView(null)).toEqual({ sort: 'added', filter: 'all' })
    expect(parseLibraryView('{not json')).toEqual({ sort: 'added', filter: 'all' })
    expect(parseLibraryView('"title"')).toEqual({ sort: 'added', filter: 'all' })
    expect(parseLibraryView(JSON.stringify({ sort: 'title', filter: 'everything' }))).toEqual({ sort: 'title', filter: 'all' })
    expect(parseLibraryView(JSON.stringify({ sort: 'random', filter: 'due' }))).toEqual({ sort: 'added', filter: 'due' })
  })

  it('still works when storage throws', () => {
    const broken = { getItem: () => { throw new Error('denied') }, setItem: () => { throw new Error('full') } } as unknown as Storage
    expect(loadLibraryView(broken)).toEqual(DEFAULT_LIBRARY_VIEW)
    expect(() => saveLibraryView({ sort: 'title', filter: 'all' }, broken)).not.toThrow()
  })
})
