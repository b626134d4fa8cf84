import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { parseDateLine } from '@shared/article/parse'
import type { Article } from '@shared/article/model'
import { refuse, type Imported } from '@shared/import/errors'

/** What the HTML importer keeps of a page: the article model minus its id (the caller gives it a content hash). */
export type HtmlArticle = Omit<Article, 'id'>

// Everything that could run code, load something or submit data, plus the images the reader never shows.
// linkedom is a DOM built from strings: it has no script engine and no network, so nothing here ever runs or loads;
// removing these first keeps their text out of Readability's scoring and out of the article.
const DROP = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'link',
  'meta[http-equiv]',
  'base',
  'img',
  'picture',
  'source',
  'video',
  'audio',
  'track',
  'svg',
  'canvas',
  'map'
].join(',')

/** Fewest words a page's article must have: below this, Readability has found navigation or a teaser, not a story. */
export const MIN_ARTICLE_WORDS = 40

/**
 * Extracts the article from a saved news page with Mozilla Readability over a linkedom DOM, in the main
 * process. Keeps the title, byline, site name, date (from `article:published_time` and similar meta tags,
 * `<time datetime>`, or JSON-LD `datePublished`, all read as data), h2–h4 headings and paragraphs; drops
 * scripts, styles, frames, forms, embeds, images and anything else that could run or load. Nothing from the
 * page is executed or fetched. A page with no article (a login form, an index of links) is refused with
 * `no-article`. Never throws.
 */
export function extractHtmlArticle(html: string): Imported<HtmlArticle> {
  try {
    return extract(html)
  } catch (e) {
    // Readability and linkedom are string work; this only keeps the never-throws promise for malformed pages.
    console.warn('[import] HTML extraction failed:', e)
    return refuse('no-article', noArticle)
  }
}

const noArticle = 'There is no article on this page: the app found no headline with paragraphs of text. Save the page of the article itself (not a front page or a list of links) and import it again.'

function extract(html: string): Imported<HtmlArticle> {
  const { document } = parseHTML(html)
  // Read what the page says about itself before anything is removed: JSON-LD lives in <script> elements.
  const meta = readMetadata(document)
  for (const el of [...document.querySelectorAll(DROP)]) el.remove()
  stripRemoteAttributes(document.documentElement)

  // The story's own headline first: a page's first <h1> is often the site's logo.
  const h1 = text(document.querySelector('article h1')) ?? text(document.querySelector('main h1')) ?? text(document.querySelector('[itemprop="headline"]'))
  const anyH1 = text(document.querySelector('h1'))
  const parsed = new Readability(document as unknown as Document, { keepClasses: false }).parse()
  if (!parsed?.content) return refuse('no-article', noArticle)

  const { paragraphs, headings, credits } = blocksOf(parsed.content, [h1, anyH1, meta.title, parsed.title].filter((t): t is string => !!t))
  const words = paragraphs.reduce((n, p) => n + p.split(/\s+/).filter(Boolean).length, 0)
  if (paragraphs.length === 0 || words < MIN_ARTICLE_WORDS) return refuse('no-article', noArticle)

  const title = pickTitle([h1, meta.title, anyH1], parsed.title ?? null)
  if (!title) return refuse('no-article', noArticle)
  const date = isoDate(meta.published ?? parsed.publishedTime ?? null)
  const byline = cleanByline(meta.author ?? parsed.byline ?? null)
  return {
    ok: true,
    value: {
      title,
      date: date?.iso ?? null,
      dateLabel: date?.label ?? null,
      source: collapse(meta.site ?? parsed.siteName ?? '') || null,
      byline,
      credits,
      paragraphs,
      headings,
      licence: null
    }
  }
}

interface PageMetadata {
  title: string | null
  published: string | null
  author: string | null
  site: string | null
}

type Node = { textContent: string | null } | null

function text(el: Node): string | null {
  const t = collapse(el?.textContent ?? '')
  return t || null
}

function attr(document: ReturnType<typeof parseHTML>['document'], selector: string, name: string): string | null {
  const value = document.querySelector(selector)?.getAttribute(name)
  return value ? collapse(value) || null : null
}

function readMetadata(document: ReturnType<typeof parseHTML>['document']): PageMetadata {
  const jsonLd = readJsonLd(document)
  return {
    title: attr(document, 'meta[property="og:title"]', 'content') ?? jsonLd.headline,
    published:
      attr(document, 'meta[property="article:published_time"]', 'content') ??
      attr(document, 'meta[name="article:published_time"]', 'content') ??
      attr(document, 'meta[itemprop="datePublished"]', 'content') ??
      attr(document, 'meta[name="date"]', 'content') ??
      attr(document, 'time[datetime]', 'datetime') ??
      jsonLd.datePublished,
    author: attr(document, 'meta[name="author"]', 'content') ?? jsonLd.author,
    site: attr(document, 'meta[property="og:site_name"]', 'content') ?? jsonLd.publisher
  }
}

/** Reads JSON-LD blocks as data with JSON.parse: a `<script type="application/ld+json">` is never run. */
function readJsonLd(document: ReturnType<typeof parseHTML>['document']): {
  headline: string | null
  datePublished: string | null
  author: string | null
  publisher: string | null
} {
  const found = { headline: null as string | null, datePublished: null as string | null, author: null as string | null, publisher: null as string | null }
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown
    try {
      data = JSON.parse(script.textContent ?? '')
    } catch {
      continue
    }
    const queue: unknown[] = [data]
    while (queue.length > 0) {
      const item = queue.shift()
      if (Array.isArray(item)) {
        queue.push(...item)
        continue
      }
      if (!item || typeof item !== 'object') continue
      const rec = item as Record<string, unknown>
      if (Array.isArray(rec['@graph'])) queue.push(...rec['@graph'])
      const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? collapse(v) : null)
      const name = (v: unknown): string | null => {
        if (Array.isArray(v)) return v.map(name).filter(Boolean).join(', ') || null
        if (v && typeof v === 'object') return str((v as Record<string, unknown>)['name'])
        return str(v)
      }
      found.headline ??= str(rec['headline'])
      found.datePublished ??= str(rec['datePublished'])
      found.author ??= name(rec['author'])
      found.publisher ??= name(rec['publisher'])
    }
  }
  return found
}

// Readability keeps links; the article model keeps text only, but clear any URL-bearing attribute anyway so no
// later step could turn one into a request.
function stripRemoteAttributes(root: ReturnType<typeof parseHTML>['document']['documentElement'] | null): void {
  if (!root) return
  for (const el of [root, ...root.querySelectorAll('*')]) {
    for (const name of el.getAttributeNames()) {
      if (/^on/i.test(name) || ['src', 'srcset', 'href', 'action', 'formaction', 'poster', 'background', 'style', 'ping'].includes(name.toLowerCase())) {
        el.removeAttribute(name)
      }
    }
  }
}

const BLOCKS = 'h1,h2,h3,h4,h5,h6,p,li,blockquote,pre,figcaption,dd,dt,td'

// "By Mara Lindqvist and Tom Ek" (capitalised names only, so "By Monday, the strike had ended." stays prose).
const BYLINE_LINE = /^(?:by|By|BY)\s+(?:\p{Lu}[\p{L}.'’-]*(?:\s+|\s*,\s*|\s+(?:and|&)\s+|$)){1,8}$/u
const DATE_LINE = /^(?:published|updated|posted)\b[^.!?]{0,60}\d[^!?]{0,30}$/i
const CREDIT_CAPTION = /^(?:photo|photograph|image|picture|illustration|graphic|video|credit)s?\b.{0,118}$/i

function blocksOf(content: string, titles: string[]): { paragraphs: string[]; headings: Article['headings']; credits: string[] } {
  const { document } = parseHTML(`<!doctype html><html><body>${content}</body></html>`)
  const paragraphs: string[] = []
  const headings: Article['headings'] = []
  const credits: string[] = []
  const seen = new Set<string>()
  const titleKeys = new Set(titles.map((t) => t.toLowerCase()))
  for (const el of document.querySelectorAll(BLOCKS)) {
    // A block inside another block (a <p> in a <blockquote>, a list in a list item) is read with its parent.
    if (el.parentElement?.closest(BLOCKS)) continue
    const t = collapse(el.textContent ?? '')
    if (!t) continue
    const tag = el.tagName.toLowerCase()
    if (tag === 'figcaption') {
      // A caption describes a picture the reader does not show: keep a photo credit, drop the rest.
      if (CREDIT_CAPTION.test(t) && !credits.includes(t)) credits.push(t)
      continue
    }
    if (/^h[1-6]$/.test(tag)) {
      // The headline repeated in the body is the title, not a section.
      if (titleKeys.has(t.toLowerCase())) continue
      if (tag === 'h1' && paragraphs.length === 0) continue
      const last = headings.at(-1)
      if (last && last.before === paragraphs.length) last.text += ` — ${t}`
      else headings.push({ before: paragraphs.length, text: t })
      continue
    }
    if (seen.has(t)) continue
    seen.add(t)
    paragraphs.push(t)
  }
  // Bylines and datelines printed as the first paragraphs are metadata, not prose the quiz should ask about.
  while (paragraphs.length > 1 && (BYLINE_LINE.test(paragraphs[0]!) || DATE_LINE.test(paragraphs[0]!))) {
    paragraphs.shift()
    for (const h of headings) h.before = Math.max(0, h.before - 1)
  }
  return { paragraphs, headings: headings.filter((h) => h.before < paragraphs.length), credits }
}

function pickTitle(headlines: (string | null)[], docTitle: string | null): string | null {
  // Page titles carry the site's name ("Storm hits coast | Daily Gazette"); the page's own headline does not.
  const candidates = [...headlines, docTitle?.split(/\s+[|–—-]\s+/)[0] ?? null]
  return candidates.find((t): t is string => !!t && t.length <= 300) ?? null
}

function cleanByline(byline: string | null): string | null {
  if (!byline) return null
  const t = collapse(byline).replace(/^by\s+/i, '')
  return t && t.length <= 200 ? t : null
}

function isoDate(value: string | null): { iso: string; label: string } | null {
  if (!value) return null
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim())
  const iso = m ? `${m[1]}-${m[2]}-${m[3]}` : parseDateLine(value)?.iso ?? null
  if (!iso) return null
  const d = new Date(`${iso}T00:00:00Z`)
  if (Number.isNaN(d.getTime()) || !d.toISOString().startsWith(iso)) return null
  const label = d.toLocaleDateString('en-US', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' })
  return { iso, label }
}

function collapse(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim()
}
