import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { looksBinary, parseArticle, parseDateLine } from '../../../src/shared/article/parse'
import { MAX_ARTICLE_CHARS, type Article } from '../../../src/shared/article/model'
import { corpusFiles, hasCorpus, NO_CORPUS, seedText } from '../../support/corpus'

function ok(text: string): Article {
  const r = parseArticle(text)
  if (!r.ok) throw new Error(`expected an article, got ${r.error.code}: ${r.error.message}`)
  return r.article
}

describe('parseArticle on the seed', () => {
  const a = ok(seedText())

  it('finds the title, date line, source and credits', () => {
    expect(a.title).toBe('Trump and Putin vow to "channel" US-Russia ties in first phone call')
    expect(a.date).toBe('2016-11-15')
    expect(a.dateLabel).toBe('Updated Nov 15, 2016')
    expect(a.source).toBe('TRTWorld and agencies')
    expect(a.credits).toEqual(['Photo by: Reuters', 'Photo by: Reuters'])
  })

  it('puts the two section headings before the paragraphs they introduce', () => {
    expect(a.headings.map((h) => h.text)).toEqual(['Policy change', 'Trump threatens European allies'])
    expect(a.paragraphs[a.headings[0]!.before]).toMatch(/^As Trump prepares to take office on January 20/)
    expect(a.paragraphs[a.headings[1]!.before]).toMatch(/^In the wake of Trump’s election, the European Union/)
  })

  it('keeps every paragraph, in order, with none of the other elements mixed in', () => {
    expect(a.paragraphs).toHaveLength(22)
    expect(a.paragraphs[0]).toMatch(/^Donald Trump has already indicated a shift/)
    expect(a.paragraphs[2]).toMatch(/^US President-elect Donald Trump held his first telephone conversation/)
    expect(a.paragraphs.at(-1)).toMatch(/strong and robust NATO relationship\.”$/)
    const body = a.paragraphs.join('\n')
    for (const stray of ['Photo by', 'Updated Nov 15', 'Policy change', 'TRTWorld']) expect(body).not.toContain(stray)
  })

  it('agrees with the bundled content file (same article, same paragraphs)', () => {
    const bundled = ok(readFileSync(resolve(import.meta.dirname, '../../../content/articles/00-trump-putin-first-phone-call-2016.json'), 'utf8'))
    expect(bundled.id).toBe('trump-putin-first-phone-call-2016')
    expect(bundled.paragraphs).toEqual(a.paragraphs)
    expect(bundled.headings).toEqual(a.headings)
    expect(bundled.licence?.credit).toBe('TRTWorld and agencies')
  })

  it('gives the same text the same id, and different text a different id', () => {
    expect(ok(seedText()).id).toBe(a.id)
    expect(ok(seedText().replace('Monday', 'Tuesday')).id).not.toBe(a.id)
  })
})

describe(`parseArticle on every corpus article${hasCorpus ? '' : ` (the repo's few only) ${NO_CORPUS}`}`, () => {
  for (const [file, text] of corpusFiles()) {
    it(`${file}: keeps the title and every paragraph once`, () => {
      const a = ok(text)
      const lines = text.replace(/\r\n?/g, '\n').split('\n')
      expect(a.title).toBe(lines[0]!.trim())
      const dateLine = /^Date:\s*(\S*)/.exec(lines[1] ?? '')
      expect(a.date).toBe(dateLine?.[1] || null)
      expect(a.dateLabel).toBeNull() // an ISO date line needs no label: the reader formats the date
      const blocks = text
        .split(/\n\s*\n/)
        .slice(1)
        .map((b) => b.replace(/\s+/g, ' ').trim())
        .filter(Boolean)
      expect(a.paragraphs).toEqual([...new Set(blocks)])
      expect(new Set(a.paragraphs).size).toBe(a.paragraphs.length)
      expect(a.headings).toEqual([])
    })
  }
})

describe('parseArticle rules', () => {
  it('reads ISO, month-first and day-first date lines', () => {
    expect(parseDateLine('Date: 2015-09-12')).toEqual({ iso: '2015-09-12' })
    expect(parseDateLine('Updated Nov 15, 2016')).toEqual({ iso: '2016-11-15' })
    expect(parseDateLine('Published 3 March 2021 14:05 GMT')).toEqual({ iso: '2021-03-03' })
    expect(parseDateLine('November 31, 2016')).toBeNull()
    expect(parseDateLine('The vote is on Nov 15, 2016 in the capital.')).toBeNull()
  })

  it('keeps an empty Date: line out of the body without inventing a date', () => {
    const a = ok('Title here\nDate:\n\nFirst paragraph.\n\nSecond paragraph.')
    expect(a.date).toBeNull()
    expect(a.paragraphs).toEqual(['First paragraph.', 'Second paragraph.'])
  })

  it('joins wrapped lines of one paragraph and treats one-line-per-paragraph text as paragraphs', () => {
    expect(ok('T\n\nA sentence that\nwraps here.\n\nNext.').paragraphs).toEqual(['A sentence that wraps here.', 'Next.'])
    expect(ok('Title\nOne.\nTwo.\nThree.').paragraphs).toEqual(['One.', 'Two.', 'Three.'])
  })

  it('reads Markdown headings and a byline', () => {
    const a = ok('# Big news\n\nBy Jane Doe\n\nLead paragraph here.\n\n## Background\n\nMore text.')
    expect(a.title).toBe('Big news')
    expect(a.byline).toBe('Jane Doe')
    expect(a.headings).toEqual([{ before: 1, text: 'Background' }])
  })

  it('does not take a short final sentence for a source line, nor a short sentence for a heading', () => {
    const a = ok('Title\n\nFirst paragraph is long enough.\n\nShort one.\n\nThe end came.')
    expect(a.source).toBeNull()
    expect(a.headings).toEqual([])
    expect(a.paragraphs).toHaveLength(3)
  })

  it('returns clear errors for empty, binary and oversized text, and never throws', () => {
    expect(parseArticle('')).toMatchObject({ ok: false, error: { code: 'empty' } })
    expect(parseArticle('  \n\n\t ')).toMatchObject({ ok: false, error: { code: 'empty' } })
    expect(parseArticle('PK\u0003\u0004\u0000\u0000binary')).toMatchObject({ ok: false, error: { code: 'binary' } })
    expect(parseArticle('x'.repeat(MAX_ARTICLE_CHARS + 1))).toMatchObject({ ok: false, error: { code: 'too-large' } })
    expect(parseArticle('Only a title')).toMatchObject({ ok: false, error: { code: 'no-article' } })
    expect(parseArticle(undefined as unknown as string)).toMatchObject({ ok: false })
    for (const r of [parseArticle(''), parseArticle('\u0000')]) if (!r.ok) expect(r.error.message).not.toMatch(/at .*\.ts/)
  })

  it('rejects a damaged or invalid content file with the field at fault', () => {
    expect(parseArticle('{"format": "newsquiz-article@1", ')).toMatchObject({ ok: false, error: { code: 'invalid-format' } })
    const r = parseArticle(JSON.stringify({ format: 'newsquiz-article@1', id: 'x-y-z', title: 'T', date: '2020-02-30', dateLabel: null, source: null, credits: [], body: [{ paragraph: 'p' }], licence: null }))
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-format' } })
    if (!r.ok) expect(r.error.message).toContain('date')
  })

  it('tells binary from text with a few odd characters', () => {
    expect(looksBinary('Café — “quoted” text\twith tabs\n')).toBe(false)
    expect(looksBinary(String.fromCharCode(...Array.from({ length: 400 }, (_, i) => i % 32)))).toBe(true)
  })

  it('survives arbitrary strings', () => {
    let seed = 7
    const rand = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    const alphabet = 'ab C.\n\n#\u0000"“:,-0123456789 Photo by: Date: Updated Nov 15, 2016\r\t\uFEFF'
    for (let i = 0; i < 500; i++) {
      const s = Array.from({ length: Math.floor(rand() * 300) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('')
      const r = parseArticle(s)
      if (r.ok) {
        expect(r.article.paragraphs.length).toBeGreaterThan(0)
        expect(r.article.headings.every((h) => h.before < r.article.paragraphs.length)).toBe(true)
      } else expect(r.error.message.length).toBeGreaterThan(0)
    }
  })
})
