import { describe, expect, it } from 'vitest'
import { PIER_HEADLINE, PIER_PROSE } from './support'
import { extractHtmlArticle, HTML_PATTERNS, htmlShape, MAX_HTML_DEPTH, MAX_HTML_NODES, MIN_ARTICLE_WORDS, type HtmlArticle } from '../../../src/main/import/html'

/*
 * The HTML importer's finer rules, each through what the reader gets from a page: which first lines are taken for
 * a byline or a dateline (and which stay as the story's prose), which headline wins, which of the page's own
 * metadata is read first, and the limits on what is read.
 */

const PROSE = PIER_PROSE
const HEADLINE = PIER_HEADLINE
const paras = (ps: readonly string[] = PROSE): string => ps.map((p) => `<p>${p}</p>`).join('')

function page({ title = `${HEADLINE} | Bay Courier`, head = '', top = '', h1 = `<h1>${HEADLINE}</h1>`, body = paras() } = {}): string {
  return `<!doctype html><html><head><title>${title}</title>${head}</head><body>${top}<article>${h1}${body}</article></body></html>`
}

function extracted(html: string): HtmlArticle {
  const result = extractHtmlArticle(html)
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

const ld = (data: unknown): string => `<script type="application/ld+json">${JSON.stringify(data)}</script>`

/** The paragraphs the reader gets when `first` is printed above the story. */
const withFirstLine = (first: string): string[] => extracted(page({ body: `<p>${first}</p>${paras()}` })).paragraphs

describe('HTML importer: bylines and datelines printed above the story', () => {
  it.each([
    ['By Mara Lindqvist and Tom Ek'],
    ['By Mara Lindqvist & Tom Ek'],
    ['By Mara Lindqvist, Tom Ek and Ana Ruiz'],
    ['By Mara Lindqvist,Tom Ek'],
    ['BY ANA RUIZ'],
    ["By Seán O’Brien-Kelly"],
    ['Published 14 March 2026, 10:00'],
    ['Updated: 3/14/2026 at 10 a.m'],
    ['Posted on 14.03.2026']
  ])('drops "%s" as metadata', (line) => {
    expect(withFirstLine(line)).toEqual(PROSE)
  })

  it.each([
    // A sentence that starts with "By" is prose unless every word after it is a name.
    ['By Monday, the strike had ended and the crews were back at work on the quay.'],
    ['By Tuesday Crews Had Cleared The Quay, And The Ferry Ran Again On Wednesday After A Week In Which Storms Closed It'],
    // "by" or "updated" inside a sentence is not a byline or a dateline.
    ['The vote was called by Mayor Ana Ruiz'],
    ['The harbour plan was updated in 2025'],
    // A dateline is short: a long sentence that opens with "Published" is prose.
    ['Published reports say 14 boats sank in the storm, and the coast guard searched all night for survivors.'],
    ['Updated figures show 14 boats sank in the storm; the coast guard searched all night long for any survivors'],
    ['Published without a date, this statement was read out at the quay by the harbour master'],
    ['Updated 14 March 2026 with comments from the harbour master, the mayor and two of the fishing crews']
  ])('keeps "%s" as the story\'s first paragraph', (line) => {
    expect(withFirstLine(line)).toEqual([line, ...PROSE])
  })
})

describe('HTML importer: photo credits', () => {
  const captions = (...texts: string[]): HtmlArticle =>
    extracted(page({ body: `${texts.map((t) => `<figure><figcaption>${t}</figcaption></figure>`).join('')}${paras()}` }))

  it('keeps captions that are credits, in the order of the page', () => {
    expect(captions('Photos: Bay Courier', 'Illustration by Ana Ruiz', 'Credit: Harbour Board').credits).toEqual(['Photos: Bay Courier', 'Illustration by Ana Ruiz', 'Credit: Harbour Board'])
  })

  it('drops a caption that only mentions a photo, or that describes the picture at length', () => {
    const long = `Photo: ${'the pier seen from the harbour wall at dawn, '.repeat(4)}`
    expect(long.trim().length).toBeGreaterThan(120)
    expect(captions('The pier in a photo from 1910.', 'Photographers gathered at the harbour.', long).credits).toEqual([])
  })
})

describe('HTML importer: which headline is the title', () => {
  it("prefers the article's own <h1> to the site's logo heading", () => {
    const a = extracted(page({ title: 'Front page – Bay Courier', top: '<header><h1>Bay Courier</h1></header>' }))
    expect(a.title).toBe(HEADLINE)
  })

  it('reads the headline from <main> and from an itemprop="headline" element', () => {
    const inMain = `<!doctype html><html><head><title>Front page – Bay Courier</title></head><body><header><h1>Bay Courier</h1></header><main><h1>${HEADLINE}</h1>${paras()}</main></body></html>`
    expect(extracted(inMain).title).toBe(HEADLINE)
    const itemprop = `<!doctype html><html><head><title>Front page – Bay Courier</title></head><body><h1>Bay Courier</h1><div><span itemprop="headline">${HEADLINE}</span>${paras()}</div></body></html>`
    expect(extracted(itemprop).title).toBe(HEADLINE)
  })

  it("takes a page's only <h1> over a page title that names no story", () => {
    const html = `<!doctype html><html><head><title>The Bay Courier daily news</title></head><body><div><h1>${HEADLINE}</h1>${paras()}</div></body></html>`
    expect(extracted(html).title).toBe(HEADLINE)
  })

  it('takes the JSON-LD headline when the page has no headline element', () => {
    const a = extracted(page({ h1: '', head: ld({ '@type': 'NewsArticle', headline: 'Harbour board approves a new north pier' }) }))
    expect(a.title).toBe('Harbour board approves a new north pier')
  })

  it('cuts the site name from the page title at any of the usual separators, but not inside a word', () => {
    for (const sep of ['|', '–', '—', '-']) expect(extracted(page({ h1: '', title: `${HEADLINE} ${sep} Bay Courier` })).title, sep).toBe(HEADLINE)
    expect(extracted(page({ h1: '', title: 'Storm-hit pier to be rebuilt by the harbour board' })).title).toBe('Storm-hit pier to be rebuilt by the harbour board')
  })

  it('accepts a headline of exactly 300 characters', () => {
    const long = `${'Harbour board '.repeat(22)}votes on pier`.slice(0, 300)
    expect(long).toHaveLength(300)
    expect(extracted(page({ h1: `<h1>${long}</h1>` })).title).toBe(long)
  })
})

describe("HTML importer: the page's own metadata", () => {
  it('reads the date from a <time datetime> element', () => {
    expect(extracted(page({ body: `<p><time datetime="2026-03-11T08:00:00Z">Wednesday</time></p>${paras()}` }))).toMatchObject({ date: '2026-03-11', dateLabel: 'March 11, 2026' })
  })

  it('prefers the author and site meta tags to the JSON-LD ones', () => {
    const head = `<meta name="author" content="Ana Ruiz"><meta property="og:site_name" content="Bay Courier">${ld({ '@context': 'https://schema.org', '@type': 'NewsArticle', author: { name: 'Desk Staff' }, publisher: { name: 'Courier Media Group' } })}`
    expect(extracted(page({ head }))).toMatchObject({ byline: 'Ana Ruiz', source: 'Bay Courier' })
  })

  it('keeps a name that contains "by" whole', () => {
    expect(extracted(page({ head: '<meta name="author" content="Abby Stone">' })).byline).toBe('Abby Stone')
  })

  it('accepts a byline of exactly 200 characters', () => {
    const names = Array.from({ length: 40 }, (_, i) => `Ana${String.fromCharCode(65 + (i % 26))}`).join(', ')
    const byline = names.slice(0, 200)
    expect(byline).toHaveLength(200)
    expect(extracted(page({ head: `<meta name="author" content="${byline}">` })).byline).toBe(byline)
  })

  it('reads a JSON-LD block that is a list, skipping empty entries and blank author names', () => {
    const a = extracted(page({ head: ld([null, 'text', { '@type': 'NewsArticle', author: ['Mara Lindqvist', '', { name: ' ' }, 'Tom Ek'] }]) }))
    expect(a.byline).toBe('Mara Lindqvist, Tom Ek')
  })

  it('names at most 20 authors from JSON-LD', () => {
    const authors = Array.from({ length: 25 }, (_, i) => `Author ${String.fromCharCode(65 + i)}`)
    expect(extracted(page({ head: ld({ author: authors }) })).byline).toBe(authors.slice(0, 20).join(', '))
  })

  it('reads a JSON-LD block of up to 200,000 characters and skips a larger one', () => {
    const block = (size: number): string => {
      const base = JSON.stringify({ author: 'Desk Staff', filler: '' })
      return JSON.stringify({ author: 'Desk Staff', filler: 'x'.repeat(size - base.length) })
    }
    const script = (json: string): string => `<script type="application/ld+json">${json}</script>`
    expect(block(200_000)).toHaveLength(200_000)
    expect(extracted(page({ head: script(block(200_000)) })).byline).toBe('Desk Staff')
    expect(extracted(page({ head: script(block(200_001)) })).byline).toBeNull()
  })

  it('looks at no more than the first 1000 values of a JSON-LD block', () => {
    // Breadth first: the block, its two lists, then the first list's items; the second list's item comes next.
    const at = (fillers: number): string => ld([Array.from({ length: fillers }, () => 0), [{ author: 'Desk Staff' }]])
    expect(extracted(page({ head: at(996) })).byline).toBe('Desk Staff') // value number 1000
    expect(extracted(page({ head: at(997) })).byline).toBeNull() // value number 1001
  })
})

describe('HTML importer: the body', () => {
  it('reads a quotation of several paragraphs as one paragraph', () => {
    // Written on separate lines, as pages are, and with nothing between the tags, as minified pages are.
    const body = `<p>${PROSE[0]}</p><blockquote>\n<p>${PROSE[1]}</p>\n<p>${PROSE[2]}</p>\n</blockquote><p>${PROSE[3]}</p>`
    expect(extracted(page({ body })).paragraphs).toEqual([PROSE[0], `${PROSE[1]} ${PROSE[2]}`, PROSE[3]])
    // Minified: no sentence is glued to the next ("bay.Fishing"), and every sentence is read.
    const tight = `<p>${PROSE[0]}</p><blockquote><p>${PROSE[1]}</p><p>${PROSE[2]}</p></blockquote><p>${PROSE[3]}</p>`
    const text = extracted(page({ body: tight })).paragraphs.join(' ')
    expect(text).not.toMatch(/[a-z]\.[A-Z]/)
    for (const p of PROSE) expect(text).toContain(p)
  })

  it('gives no blank paragraph for an empty table cell, list item or definition', () => {
    const body = `<p>${PROSE[0]}</p><table><tr><td> </td><td>${PROSE[1]}</td></tr></table><ul><li>&nbsp;</li><li>${PROSE[2]}</li></ul><dl><dt> </dt><dd>${PROSE[3]}</dd></dl>`
    expect(extracted(page({ body })).paragraphs).toEqual(PROSE)
  })

  it('keeps a section heading that comes before the first paragraph', () => {
    const a = extracted(page({ body: `<h2>The vote</h2>${paras()}` }))
    expect(a.headings).toEqual([{ before: 0, text: 'The vote' }])
    expect(a.paragraphs).toEqual(PROSE)
  })

  it(`reads a story of exactly ${MIN_ARTICLE_WORDS} words, and refuses one word less with a message that says why`, () => {
    const words = (n: number): string[] => [
      Array.from({ length: n - 10 }, (_, i) => `word${i}`).join(' '),
      'and the harbour board then voted to rebuild the pier'
    ]
    expect(words(MIN_ARTICLE_WORDS).join(' ').split(' ')).toHaveLength(MIN_ARTICLE_WORDS)
    expect(extracted(page({ body: paras(words(MIN_ARTICLE_WORDS)) })).paragraphs).toEqual(words(MIN_ARTICLE_WORDS))
    expect(extractHtmlArticle(page({ body: paras(words(MIN_ARTICLE_WORDS - 1)) }))).toEqual({
      ok: false,
      error: { code: 'no-article', message: expect.stringMatching(/^There is no article on this page/) }
    })
  })
})

describe('HTML importer: limits', () => {
  it('says why a page too deep or too large is refused', () => {
    const deep = page({ body: `${'<div>'.repeat(MAX_HTML_DEPTH)}${paras()}` })
    expect(extractHtmlArticle(deep)).toEqual({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining(`more than ${MAX_HTML_DEPTH} levels deep`) } })
    const large = page({ body: `${paras()}${'<br>'.repeat(MAX_HTML_NODES)}` })
    expect(extractHtmlArticle(large)).toEqual({ ok: false, error: { code: 'too-large', message: expect.stringContaining('more than 60,000 elements') } })
  })

  it('counts a run of text with character references (&amp;, &nbsp;) as one piece', () => {
    expect(htmlShape('<p>Salt &amp; pepper&nbsp;&mdash; &#8220;both&#8221;</p>')).toEqual({ depth: 1, nodes: 2 })
    // A story typeset with thousands of &nbsp; is not "too large".
    const plain = PROSE.map((p) => `<p>${p}</p>`).join('').repeat(20)
    const spaced = PROSE.map((p) => `<p>${p.replaceAll(' ', '&nbsp;')}</p>`).join('').repeat(20)
    expect(htmlShape(plain).nodes).toBe(160)
    expect(htmlShape(spaced).nodes).toBe(160)
  })

  it('counts a long page once, read in pieces', () => {
    expect(htmlShape('<br>'.repeat(30_000))).toEqual({ depth: 1, nodes: 30_000 })
  })

  it('stops reading a page once it is known to be too large', () => {
    // 250,000 elements; the first 64 KB piece already has more than the limit of 1000, so no more is read.
    expect(htmlShape('<br>'.repeat(250_000), { depth: 10, nodes: 1000 }).nodes).toBeLessThanOrEqual(65_536 / 4)
  })

  it('reads to the end a page nested exactly to the depth limit', () => {
    const html = `${'<div>'.repeat(10)}${' '.repeat(70_000)}${'<br>'.repeat(5)}`
    expect(htmlShape(html, { depth: 10, nodes: 1000 })).toMatchObject({ depth: 11 })
    expect(htmlShape(`${'<div>'.repeat(10)}${' '.repeat(70_000)}<p>end</p>`, { depth: 10, nodes: 1000 }).nodes).toBeGreaterThanOrEqual(12)
  })
})

describe("HTML importer: the named expressions' own examples", () => {
  it('each has a distinct name under "html.", matches its example and rejects its counter-example', () => {
    const names = HTML_PATTERNS.map((p) => p.name)
    expect(new Set(names).size).toBe(names.length)
    for (const p of HTML_PATTERNS) {
      expect(p.name).toMatch(/^html\.[a-z-]+$/)
      expect(p.matches.length, p.name).toBeGreaterThan(5)
      expect(p.rejects.length, p.name).toBeGreaterThan(5)
      expect(p.regex.test(p.matches), p.name).toBe(true)
      expect(p.regex.test(p.rejects), p.name).toBe(false)
    }
  })

  it("the byline's extra hostile inputs are about the size asked for", () => {
    const byline = HTML_PATTERNS.find((p) => p.name === 'html.byline-line')!
    const inputs = byline.hostile!(10_000)
    expect(inputs.length).toBeGreaterThanOrEqual(3)
    for (const text of inputs) {
      expect(text.length, text.slice(0, 20)).toBeGreaterThan(9_000)
      expect(text.length, text.slice(0, 20)).toBeLessThan(11_000)
      expect(text.startsWith('By A'), text.slice(0, 20)).toBe(true)
    }
  })
})
