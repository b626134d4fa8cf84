import { describe, expect, it } from 'vitest'
import type { ArticleSummary } from '../../../src/shared/ipc/contract'
import { filterAndSort, formatBytes } from '../../../src/renderer/src/library/lib'
import { normalizeForSearch } from '../../../src/shared/search'

const summary = (id: string, title: string, excerpt = ''): ArticleSummary => ({
  id,
  title,
  date: null,
  dateLabel: null,
  source: null,
  excerpt,
  wordCount: 100,
  questionCount: 5,
  bundled: false,
  addedAt: null,
  lastOpenedAt: null,
  licenceCredit: null
})

const list = [summary('a1', 'Trump and Putin talk'), summary('b2', 'Müller’s harbour strike', 'Dock workers walked out'), summary('c3', 'Night trains return')]

describe('library filter and order', () => {
  it('matches every word of the query, ignoring case, accents and punctuation', () => {
    expect(normalizeForSearch('  Müller’s, HARBOUR! ')).toBe('muller s harbour')
    expect(filterAndSort(list, 'muller harbour', new Map()).map((a) => a.id)).toEqual(['b2'])
    expect(filterAndSort(list, 'dock', new Map()).map((a) => a.id)).toEqual(['b2'])
    expect(filterAndSort(list, 'trains putin', new Map())).toEqual([])
  })

  it('puts the last opened first and keeps library order for the rest', () => {
    const opened = new Map([
      ['c3', 200],
      ['a1', 100]
    ])
    expect(filterAndSort(list, '', opened).map((a) => a.id)).toEqual(['c3', 'a1', 'b2'])
    expect(filterAndSort(list, '', new Map()).map((a) => a.id)).toEqual(['a1', 'b2', 'c3'])
  })

  it('formats file sizes', () => {
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB')
  })
})
