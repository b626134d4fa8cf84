import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractHtmlArticle } from '../../../src/main/import/html'
import { articleFromBytes, articleFromText } from '../../../src/main/import/importer'
import { toContentFile } from '../../../src/main/import/store'
import { fromContentFile } from '../../../src/shared/article/content-format'
import { contentId } from '../../../src/shared/import/content-id'
import { detectFormat, sniffFormat } from '../../../src/shared/import/format'
import { markdownToArticleText } from '../../../src/shared/import/markdown'
import { FIXTURES, fixtureBytes, ROOT } from './support'

function read(name: string) {
  const result = articleFromBytes(name, fixtureBytes(name))
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`)
  return result.value
}

describe('format detection', () => {
  it('goes by a known extension first', () => {
    expect(detectFormat('a.txt', '<p>not html</p>')).toBe('text')
    expect(detectFormat('A.MD', 'x')).toBe('markdown')
    expect(detectFormat('a.markdown', 'x')).toBe('markdown')
    expect(detectFormat('page.htm', 'x')).toBe('html')
    expect(detectFormat('page.html', 'x')).toBe('html')
    expect(detectFormat('a.json', 'x')).toBe('json')
  })

  it('sniffs pasted text and unknown extensions', () => {
    expect(detectFormat(undefined, '<!DOCTYPE html><html><body></body></html>')).toBe('html')
    expect(detectFormat('story.article', '  <html lang="en"><p>x</p></html>')).toBe('html')
    expect(sniffFormat('<div><h1>T</h1><p>One</p><p>Two</p></div>')).toBe('html')
    expect(sniffFormat('{"format": "newsquiz-article@1"}')).toBe('json')
    expect(sniffFormat('# Title\n\nBody with **bold**.')).toBe('markdown')
    expect(sniffFormat('Title\n\nA paragraph. Another sentence, 5 < 6.')).toBe('text')
  })
})

describe('plain text importer', () => {
  it('reads the fixture like a news page: title, date, credit, heading, paragraphs, source', () => {
    const { article, format } = read('harbour-strike.txt')
    expect(format).toBe('text')
    expect(article.title).toBe('Dock workers end three-day strike at Skarport harbour')
    expect(article.date).toBe('2026-04-09')
    expect(article.dateLabel).toBe('Updated Apr 9, 2026')
    expect(article.credits).toEqual(['Photo by: Skarport Daily'])
    expect(article.source).toBe('Skarport Daily')
    expect(article.paragraphs).toHaveLength(4)
    expect(article.headings).toEqual([{ before: 3, text: 'What the deal means' }])
  })

  it('ids the article by its content, so the same text always gets the same id and other text another', () => {
    const a = read('harbour-strike.txt').article
    expect(a.id).toBe(contentId(a))
    expect(a.id).toMatch(/^a[0-9a-f]{14}$/)
    const text = readFileSync(join(FIXTURES, 'harbour-strike.txt'), 'utf8')
    const again = articleFromText(text.replace(/\n/g, '\r\n'), 'copy.txt')
    expect(again.ok && again.value.article.id).toBe(a.id)
    const edited = articleFromText(text.replace('640 members', '641 members'), 'edited.txt')
    expect(edited.ok && edited.value.article.id).not.toBe(a.id)
  })
})

describe('Markdown importer', () => {
  it('keeps the headline, date, byline, ## sections and paragraphs, with inline formatting stripped', () => {
    const { article, format } = read('night-trains.md')
    expect(format).toBe('markdown')
    expect(article.title).toBe('Night trains return to the northern line')
    expect(article.date).toBe('2026-02-02')
    expect(article.byline).toBe('Jonas Albrecht')
    expect(article.headings.map((h) => h.text)).toEqual(['A route that lost its passengers', 'Tickets and timetable'])
    expect(article.paragraphs[0]).toBe(
      'The regional rail authority will restore overnight services between Halden and Vesterby from 1 May, ending a gap of nearly nine years since the last sleeper train ran on the route. The announcement was made on Monday by transport minister Ingrid Solberg.'
    )
    expect(article.paragraphs).toContain('about 300 passengers a night in the first year')
    // A quote block is prose; an image, raw HTML and a code block are not.
    expect(article.paragraphs.some((p) => p.startsWith('"We were told nobody wanted the night train.'))).toBe(true)
    const all = JSON.stringify(article)
    for (const gone of ['**', '](', 'sleeper.jpg', 'tracker.invalid', '<script', '__markdownScriptRan', 'console.log']) expect(all).not.toContain(gone)
  })

  it('converts to the plain layout the parser reads', () => {
    expect(markdownToArticleText('Title here\n=====\n\nSome *emphasis* and `code` & a [link](https://x.invalid).\n\n### Part two\n\nMore.')).toBe(
      'Title here\n\nSome emphasis and code & a link.\n\n## Part two\n\nMore.'
    )
  })
})

describe('HTML importer', () => {
  const html = readFileSync(join(FIXTURES, 'news-page.html'), 'utf8')

  it('extracts the article: title, byline, date, source, h2 headings and paragraphs', () => {
    const { article, format } = read('news-page.html')
    expect(format).toBe('html')
    expect(article.title).toBe('Tidal ferry opens in Port Arvel after six-year wait')
    expect(article.byline).toBe('Mara Lindqvist')
    expect(article.date).toBe('2026-03-14')
    expect(article.dateLabel).toBe('March 14, 2026')
    expect(article.source).toBe('The Coastal Ledger')
    expect(article.credits).toEqual(['Photo: Coastal Ledger'])
    expect(article.paragraphs).toHaveLength(7)
    expect(article.paragraphs[0]).toMatch(/^The first passenger ferry powered entirely by the tide/)
    expect(article.paragraphs.at(-1)).toMatch(/first full season\.$/)
    expect(article.headings).toEqual([
      { before: 3, text: 'Delays and rising costs' },
      { before: 5, text: 'What comes next' }
    ])
  })

  it('leaves no trace of scripts, trackers, frames, forms, styles, navigation or footer, and runs nothing', () => {
    const g = globalThis as Record<string, unknown>
    const { article } = read('news-page.html')
    const all = JSON.stringify(article)
    for (const trace of [
      'tracker.invalid',
      '__fixture',
      'HACKED',
      'INJECTED',
      'WIPED',
      'IFRAME FALLBACK',
      'FORM FIELD',
      'Sign up now',
      'morning briefing',
      'OBJECT FALLBACK',
      'NOSCRIPT',
      'font-family',
      'ADVERTISEMENT',
      'Subscribe',
      'Most read',
      'All rights reserved',
      'Privacy',
      '<'
    ]) {
      expect(all, trace).not.toContain(trace)
    }
    // linkedom has no script engine: the inline scripts and the onload handler never ran in this process.
    expect(g['__fixtureInlineScriptRan']).toBeUndefined()
    expect(g['__fixtureFooterScriptRan']).toBeUndefined()
    expect(g['__fixtureOnloadRan']).toBeUndefined()
    expect(article.title).not.toContain('HACKED')
  })

  it('makes no network request while extracting', async () => {
    const realFetch = globalThis.fetch
    const requests: string[] = []
    globalThis.fetch = ((input: string | URL | Request) => {
      requests.push(String(input))
      return Promise.reject(new Error('no network in tests'))
    }) as typeof fetch
    try {
      expect(extractHtmlArticle(html).ok).toBe(true)
      await new Promise((r) => setTimeout(r, 20))
    } finally {
      globalThis.fetch = realFetch
    }
    expect(requests).toEqual([])
  })

  it('reads the date from <time datetime> or JSON-LD when there is no meta tag, without running the JSON-LD', () => {
    const noMeta = html.replace(/<meta property="article:published_time"[^>]*>/, '')
    const viaTime = extractHtmlArticle(noMeta)
    expect(viaTime.ok && viaTime.value.date).toBe('2026-03-14')
    const onlyJsonLd = noMeta.replace(/<time[^>]*>[^<]*<\/time>/, '').replace(/"datePublished": "2026-03-14T08:30:00Z"/, '"datePublished": "2026-03-15"')
    const viaLd = extractHtmlArticle(onlyJsonLd)
    expect(viaLd.ok && viaLd.value.date).toBe('2026-03-15')
  })

  it('takes the story headline over a site logo in an earlier <h1>', () => {
    const logo = extractHtmlArticle(html.replace('<nav class="site-nav">', '<header><h1>The Coastal Ledger</h1></header><nav class="site-nav">').replace(/<meta property="og:title"[^>]*>/, ''))
    expect(logo.ok && logo.value.title).toBe('Tidal ferry opens in Port Arvel after six-year wait')
  })

  it('takes the headline from the page, not the <title> with the site name', () => {
    const plain = extractHtmlArticle(html.replace(/<h1>[^<]*<\/h1>/, '').replace(/<meta property="og:title"[^>]*>/, '').replace(/"headline": "[^"]*",/, ''))
    expect(plain.ok && plain.value.title).toBe('Tidal ferry opens in Port Arvel after six-year wait')
  })

  it('refuses a page with no article', () => {
    const result = articleFromBytes('no-article.html', fixtureBytes('no-article.html'))
    expect(result).toEqual({ ok: false, error: { code: 'no-article', message: expect.stringMatching(/^There is no article on this page/) } })
    expect(extractHtmlArticle('<html><body></body></html>')).toMatchObject({ ok: false, error: { code: 'no-article' } })
    expect(extractHtmlArticle('<html><body><h1>Just a headline</h1><p>Too short.</p></body></html>')).toMatchObject({ ok: false, error: { code: 'no-article' } })
  })

  it('drops a byline or dateline printed as the first paragraph, but not a first sentence that starts with "By"', () => {
    const lead = 'The first passenger ferry powered entirely by the tide left the harbour'
    const withByline = extractHtmlArticle(html.replace('<p class="byline">By Mara Lindqvist</p>', '<p>By Mara Lindqvist and Tom Ek</p><p>Updated 14 March 2026, 09:10</p>'))
    expect(withByline.ok && withByline.value.paragraphs[0]).toMatch(new RegExp(`^${lead}`))
    const prose = extractHtmlArticle(html.replace('<p class="byline">By Mara Lindqvist</p>', '<p>By Saturday, the whole town had come down to the quay to see the new ferry leave for the island.</p>'))
    expect(prose.ok && prose.value.paragraphs[0]).toMatch(/^By Saturday, the whole town/)
  })

  it('reads pasted HTML (no file name) as HTML', () => {
    const pasted = articleFromText(html)
    expect(pasted.ok && pasted.value.format).toBe('html')
    expect(pasted.ok && pasted.value.article.id).toBe(read('news-page.html').article.id)
  })
})

describe('JSON content-format importer', () => {
  it('reads an article file and ids it by content (the bundled seed keeps its text)', () => {
    const seedPath = join(ROOT, 'content/articles/00-trump-putin-first-phone-call-2016.json')
    const result = articleFromBytes('seed.json', new Uint8Array(readFileSync(seedPath)))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.format).toBe('json')
    expect(result.value.article.id).toBe(contentId(result.value.article))
    expect(result.value.article.licence).not.toBeNull()
  })

  it('refuses JSON that is not an article file, and a damaged article file', () => {
    expect(articleFromText('{"hello": "world"}', 'data.json')).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/not a News Quiz article file/) } })
    expect(articleFromText('{"format": "newsquiz-article@1", "id": ', 'broken.json')).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/damaged/) } })
  })

  it('writes articles back in the content format without losing anything', () => {
    for (const name of ['news-page.html', 'night-trains.md', 'harbour-strike.txt']) {
      const { article } = read(name)
      expect(fromContentFile(toContentFile(article))).toEqual(article)
    }
  })
})
