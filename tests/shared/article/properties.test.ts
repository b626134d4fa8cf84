import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseArticle } from '@shared/article/parse'
import type { ParseResult } from '@shared/article/model'

// The parser reads whatever a user drops or pastes. On any text it must return an article or a clear error,
// never throw, and never take long: a regular expression that backtracks would hang the import on a crafted file.

/** What every result must look like, whatever the input. */
function wellFormed(r: ParseResult): void {
  if (r.ok) {
    expect(r.article.paragraphs.length).toBeGreaterThan(0)
    expect(r.article.paragraphs.every((p) => p.trim().length > 0)).toBe(true)
    expect(r.article.headings.every((h) => h.before >= 0 && h.before < r.article.paragraphs.length)).toBe(true)
  } else {
    expect(r.error.message.length).toBeGreaterThan(0)
  }
}

/**
 * Parses `text`, failing when it throws or takes longer than `limitMs`. The bound is loose on purpose (seconds
 * for text a linear parser reads in milliseconds, on a busy machine): it catches a hang, not a slowdown, which
 * `npm run bench:*` measures.
 */
function parseWithin(text: string, limitMs: number): ParseResult {
  const start = performance.now()
  const r = parseArticle(text)
  const ms = performance.now() - start
  expect(ms, `${text.length} characters took ${Math.round(ms)} ms`).toBeLessThan(limitMs)
  return r
}

// Pieces the parser's rules look for: title, date and credit lines, headings, bylines, quotes, lists, JSON.
const PIECES = ['\n', '\n\n', '\r\n', ' ', '\t', '#', '## ', 'Date: ', '2016-11-15', 'Updated Nov 15, 2016', 'Photo by: Reuters', 'By Jane Doe', '“', '”', '"', "'", '.', '. ', ':', ',', '-', '—', '*', '1.', '{"format": "newsquiz-article@1", ', '"body": [', '<p>', '</p>', 'Title', 'word', 'Monday', '\u0000', '\uFEFF', '\u00A0', 'é', '🙂', 'The end.']

describe('parseArticle on any text', () => {
  it('returns an article or a clear error for random text, quickly', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000, unit: 'binary' }), (text) => wellFormed(parseWithin(text, 2000))),
      { seed: 13, numRuns: 300 }
    )
  })

  it('returns an article or a clear error for text made of the parser’s own landmarks, quickly', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 400 }), (pieces) => wellFormed(parseWithin(pieces.join(''), 2000))),
      { seed: 13, numRuns: 300 }
    )
  })

  it('stays fast on long adversarial runs (one piece repeated tens of thousands of times)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 3 }), fc.integer({ min: 20_000, max: 60_000 }), (unit, times) => {
        wellFormed(parseWithin(`Title\n\n${unit.join('').repeat(times)}`.slice(0, 400_000), 5000))
      }),
      { seed: 13, numRuns: 25 }
    )
  })
})
