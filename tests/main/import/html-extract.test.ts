import { describe, expect, it } from 'vitest'
import { extractHtmlArticle, htmlShape, MAX_HTML_DEPTH, MAX_HTML_NODES, type HtmlArticle } from '../../../src/main/import/html'

// Four paragraphs of plain prose, well over the fewest words an article must have.
const PROSE = [
  'The harbour board voted on Tuesday to rebuild the old north pier, which storms damaged twice last winter.',
  'Engineers said the new pier would stand on steel piles driven deep into the rock below the silt of the bay.',
  'Fishing crews, who lost weeks of work while the pier was closed, welcomed the vote but asked for a faster timetable.',
  'Work is due to begin in the spring and to take about eighteen months, the board said in a statement.'
]

function page({ head = '', before = '', body = PROSE.map((p) => `<p>${p}</p>`).join('\n'), after = '', h1 = '<h1>Harbour board votes to rebuild north pier</h1>' } = {}): string {
  return `<!doctype html><html><head><title>Harbour board votes to rebuild north pier | Bay Courier</title>${head}</head><body><article>${h1}${before}${body}${after}</article></body></html>`
}

function extracted(html: string): HtmlArticle {
  const result = extractHtmlArticle(html)
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

const ld = (data: unknown): string => `<script type="application/ld+json">${JSON.stringify(data)}</script>`

describe('HTML importer: what a page says about itself', () => {
  it('reads author and publisher from JSON-LD, as a name, an object or a list, with "By" dropped', () => {
    const a = extracted(page({ head: ld({ '@type': 'NewsArticle', author: [{ name: 'Mara Lindqvist' }, 'Tom Ek'], publisher: { name: 'Bay  Courier' }, datePublished: '2026-03-14' }) }))
    expect(a.byline).toBe('Mara Lindqvist, Tom Ek')
    expect(a.source).toBe('Bay Courier')
    expect(a.date).toBe('2026-03-14')
    expect(a.dateLabel).toBe('March 14, 2026')
    const meta = extracted(page({ head: '<meta name="author" content="By  Ana Ruiz"><meta property="og:site_name" content="The Bay Courier">' }))
    expect(meta.byline).toBe('Ana Ruiz')
    expect(meta.source).toBe('The Bay Courier')
  })

  it('skips a JSON-LD block that is not JSON, and reads the next one', () => {
    const a = extracted(page({ head: `<script type="application/ld+json">{ not json</script>${ld({ '@graph': [{ '@type': 'WebPage' }, { author: { name: 'Ana Ruiz' } }] })}` }))
    expect(a.byline).toBe('Ana Ruiz')
  })

  it('ignores a JSON-LD value that is blank or absurdly long, and a byline too long to be one', () => {
    const a = extracted(page({ head: ld({ author: '   ', publisher: 'x'.repeat(1001) }) }))
    expect(a.byline).toBeNull()
    expect(a.source).toBeNull()
    expect(extracted(page({ head: `<meta name="author" content="${'Ana '.repeat(60)}">` })).byline).toBeNull()
  })

  it('prefers the article:published_time meta tag, and reads a date written out in words', () => {
    expect(extracted(page({ head: `<meta property="article:published_time" content="2026-03-12T23:30:00-05:00">${ld({ datePublished: '2026-01-01' })}` })).date).toBe('2026-03-12')
    expect(extracted(page({ head: '<meta name="date" content="March 9, 2026">' })).date).toBe('2026-03-09')
  })

  it('gives no date rather than a wrong one for an impossible or unreadable date', () => {
    const impossible = extracted(page({ head: '<meta property="article:published_time" content="2026-02-30">' }))
    expect(impossible.date).toBeNull()
    expect(impossible.dateLabel).toBeNull()
    expect(extracted(page({ head: '<meta property="article:published_time" content="sometime soon">' })).date).toBeNull()
    expect(extracted(page()).date).toBeNull()
    // A month or day out of range is not a date either, and the page is still read.
    const outOfRange = extracted(page({ head: '<meta property="article:published_time" content="2026-13-45T10:00:00Z">' }))
    expect(outOfRange.date).toBeNull()
    expect(outOfRange.paragraphs).toEqual(PROSE)
  })

  it('reads the date from each kind of meta tag news sites use', () => {
    for (const tag of [
      '<meta name="article:published_time" content="2026-03-11T08:00:00Z">',
      '<meta itemprop="datePublished" content="2026-03-11">',
      '<meta name="date" content="2026-03-11">'
    ]) {
      expect(extracted(page({ head: tag })), tag).toMatchObject({ date: '2026-03-11', dateLabel: 'March 11, 2026' })
    }
  })
})

describe('HTML importer: the title', () => {
  it('takes the page title without the site name when the page has no headline element', () => {
    expect(extracted(page({ h1: '' })).title).toBe('Harbour board votes to rebuild north pier')
  })

  it('takes og:title over a bare <h1> outside the article', () => {
    const html = `<!doctype html><html><head><title>Site</title><meta property="og:title" content="Harbour board votes to rebuild north pier"></head><body><h1>Bay Courier</h1><div>${PROSE.map((p) => `<p>${p}</p>`).join('')}</div></body></html>`
    expect(extracted(html).title).toBe('Harbour board votes to rebuild north pier')
  })

  it('passes over a headline too long to be one', () => {
    const html = page({ h1: `<h1>${'Very long headline '.repeat(20)}</h1>` })
    expect(extracted(html).title).toBe('Harbour board votes to rebuild north pier')
  })
})

describe('HTML importer: the body', () => {
  it('keeps a photo credit from a caption and drops any other caption', () => {
    const figures = '<figure><figcaption>Photo: Bay Courier</figcaption></figure><figure><figcaption>The pier after the January storm.</figcaption></figure><figure><figcaption>Photo: Bay Courier</figcaption></figure>'
    const a = extracted(page({ before: figures }))
    expect(a.credits).toEqual(['Photo: Bay Courier'])
    expect(JSON.stringify(a.paragraphs)).not.toContain('January storm')
  })

  it('keeps sections in place, joins headings with no paragraph between them, and drops the repeated headline', () => {
    const body = `<p>${PROSE[0]}</p><p>${PROSE[1]}</p><h2>Harbour board votes to rebuild north pier</h2><h2>The plan</h2><h3>Costs</h3><p>${PROSE[2]}</p><h2>Next</h2><p>${PROSE[3]}</p>`
    const a = extracted(page({ body }))
    expect(a.paragraphs).toEqual(PROSE)
    expect(a.headings).toEqual([
      { before: 2, text: 'The plan — Costs' },
      { before: 3, text: 'Next' }
    ])
  })

  it('reads a paragraph once, with nested blocks inside their parent and white space collapsed', () => {
    const body = `<p>${PROSE[0]}</p><p>${PROSE[0]}</p><blockquote><p>${PROSE[1]}</p></blockquote><ul><li>${PROSE[2]}</li></ul><p>  ${PROSE[3]!.replace(/ /g, ' \n ')}  </p>`
    expect(extracted(page({ body })).paragraphs).toEqual(PROSE)
  })

  it('drops a dateline and a byline printed first, but never the only paragraph, and moves headings with them', () => {
    const body = `<p>Published 14 March 2026, 10:00</p><p>By Ana Ruiz</p><h2>The vote</h2>${PROSE.map((p) => `<p>${p}</p>`).join('')}`
    const a = extracted(page({ body }))
    expect(a.paragraphs).toEqual(PROSE)
    expect(a.headings).toEqual([{ before: 0, text: 'The vote' }])
  })

  it('drops a heading with no paragraph after it', () => {
    const a = extracted(page({ body: `${PROSE.map((p) => `<p>${p}</p>`).join('')}<h2>Related stories</h2>` }))
    expect(a.paragraphs).toEqual(PROSE)
    expect(a.headings).toEqual([])
  })

  it('refuses a page with too few words to be an article', () => {
    expect(extractHtmlArticle(page({ body: `<p>${PROSE[0]}</p>` }))).toMatchObject({ ok: false, error: { code: 'no-article' } })
  })
})

describe('htmlShape', () => {
  it('counts elements and text pieces and the deepest nesting, implied end tags included', () => {
    expect(htmlShape('<div><p>one<p>two</div><span>three</span>')).toEqual({ depth: 2, nodes: 7 })
    expect(htmlShape('')).toEqual({ depth: 0, nodes: 0 })
  })
  it('stops reading once a limit is passed', () => {
    const wide = '<br>'.repeat(MAX_HTML_NODES + 10)
    expect(htmlShape(wide).nodes).toBeGreaterThan(MAX_HTML_NODES)
    expect(htmlShape('<div>'.repeat(50), { depth: 10, nodes: 1000 }).depth).toBeGreaterThan(10)
    expect(extractHtmlArticle(page({ after: '<br>'.repeat(MAX_HTML_NODES) }))).toMatchObject({ ok: false, error: { code: 'too-large' } })
  })
  it('refuses a page nested deeper than the limit, counting every level of the page', () => {
    // The page itself nests html > body > article > p: three levels above the wrapper divs.
    const nested = (levels: number): string => page({ body: `${'<div>'.repeat(levels)}${PROSE.map((p) => `<p>${p}</p>`).join('')}${'</div>'.repeat(levels)}` })
    expect(extractHtmlArticle(nested(MAX_HTML_DEPTH))).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(htmlShape(nested(MAX_HTML_DEPTH - 4)).depth).toBe(MAX_HTML_DEPTH)
    // A page nested exactly to the limit is still read.
    expect(extracted(nested(MAX_HTML_DEPTH - 4)).paragraphs).toEqual(PROSE)
  })
})
