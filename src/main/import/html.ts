import { Readability } from '@mozilla/readability'
import { Parser } from 'htmlparser2'
import { parseHTML } from 'linkedom'
import { dropOverlongWords } from '@shared/article/bounds'
import { parseDateLine } from '@shared/article/parse'
import type { Article } from '@shared/article/model'
import { refuse, type Imported } from '@shared/import/errors'
import { patternGroup } from '@shared/text/patterns'

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

/**
 * Deepest nesting of elements the importer reads. News pages nest a few dozen levels; Readability and the DOM walk
 * every level recursively, so a page of 10,000 nested elements took seconds and one of 100,000 overflowed the stack.
 */
export const MAX_HTML_DEPTH = 400

/**
 * Most elements and text pieces the importer reads. Readability takes about 0.1-0.2 ms per element on this kind of
 * machine; a large real news page has tens of thousands, while a hostile 5 MB page of `<br>` has over a million.
 */
export const MAX_HTML_NODES = 60_000

/**
 * How deeply `html`'s elements nest and how many elements and text pieces it has, as the HTML parser linkedom
 * uses reads them (implied end tags included), in one linear pass that stops once either passes its limit.
 */
export function htmlShape(html: string, limits = { depth: MAX_HTML_DEPTH, nodes: MAX_HTML_NODES }): { depth: number; nodes: number } {
  let depth = 0
  let max = 0
  let nodes = 0
  const parser = new Parser(
    {
      onopentag() {
        nodes++
        depth++
        if (depth > max) max = depth
      },
      onclosetag() {
        depth = Math.max(0, depth - 1)
      },
      ontext() {
        nodes++
      }
    },
    { decodeEntities: false }
  )
  const within = (): boolean => max <= limits.depth && nodes <= limits.nodes
  // Fed in pieces so a page known to be too deep or too large stops being read at once.
  for (let i = 0; i < html.length && within(); i += 65536) parser.write(html.slice(i, i + 65536))
  if (within()) parser.end()
  return { depth: max, nodes }
}

const tooDeep = `This page nests its elements more than ${MAX_HTML_DEPTH} levels deep, which no article page does, so the app does not read it. Nothing was imported.`
const tooMany = `This page has more than ${MAX_HTML_NODES.toLocaleString('en-US')} elements, far more than an article page, so the app does not read it. Save only the article's page, or paste its text. Nothing was imported.`

function extract(html: string): Imported<HtmlArticle> {
  const shape = htmlShape(html)
  if (shape.depth > MAX_HTML_DEPTH) return refuse('invalid-input', tooDeep)
  if (shape.nodes > MAX_HTML_NODES) return refuse('too-large', tooMany)
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

/** Largest JSON-LD block read, in characters. */
const MAX_JSON_LD_CHARS = 200_000
/** Most values looked at across one JSON-LD block. */
const MAX_JSON_LD_NODES = 1000

/** Reads JSON-LD blocks as data with JSON.parse: a `<script type="application/ld+json">` is never run. */
function readJsonLd(document: ReturnType<typeof parseHTML>['document']): {
  headline: string | null
  datePublished: string | null
  author: string | null
  publisher: string | null
} {
  const found = { headline: null as string | null, datePublished: null as string | null, author: null as string | null, publisher: null as string | null }
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    const source = script.textContent ?? ''
    // Metadata is a few kilobytes; a larger block is not worth parsing (and a huge one is an attack).
    if (source.length > MAX_JSON_LD_CHARS) continue
    let data: unknown
    try {
      data = JSON.parse(source)
    } catch {
      continue
    }
    // Breadth-first over at most MAX_JSON_LD_NODES objects, with an index instead of `shift` (quadratic on a huge
    // array) and no spread of a huge array into arguments (which overflows the stack and lost the whole page).
    const queue: unknown[] = [data]
    for (let at = 0; at < queue.length && at < MAX_JSON_LD_NODES; at++) {
      const item = queue[at]
      if (Array.isArray(item)) {
        for (const x of item.slice(0, MAX_JSON_LD_NODES)) queue.push(x)
        continue
      }
      if (!item || typeof item !== 'object') continue
      const rec = item as Record<string, unknown>
      const graph = rec['@graph']
      if (Array.isArray(graph)) for (const x of graph.slice(0, MAX_JSON_LD_NODES)) queue.push(x)
      const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() && v.length <= 1000 ? collapse(v) : null)
      const name = (v: unknown): string | null => {
        if (Array.isArray(v)) return v.slice(0, 20).map(name).filter(Boolean).join(', ') || null
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

/**
 * Removes every event handler (`on…`) and URL-bearing attribute from `root` and everything in it. Readability keeps
 * links; the article model keeps text only, but clear any URL-bearing attribute anyway so no later step could turn
 * one into a request. Exported for its test.
 */
export function stripRemoteAttributes(root: ReturnType<typeof parseHTML>['document']['documentElement'] | null): void {
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

const P = patternGroup('html')
// "By Mara Lindqvist and Tom Ek" (capitalised names only, so "By Monday, the strike had ended." stays prose). Each
// name is followed by a separator or the end, and names and separators share no character: one way to read a line.
const BYLINE_LINE = P.define('byline-line', /^(?:by|By|BY)\s+(?:\p{Lu}[\p{L}.'’-]*(?:\s+|\s*,\s*|\s+(?:and|&)\s+|$)){1,8}$/u, {
  matches: 'By Mara Lindqvist and Tom Ek',
  rejects: 'By Monday, the strike had ended.'
}, (size) => [`By ${'Aand'.repeat(size / 4)}A!`, `By ${'A '.repeat(size / 2)}a`, `By A${' '.repeat(size)},`])
// "Published 14 March 2026, 10:00": bounded runs, anchored at the start.
const DATE_LINE = P.define('date-line', /^(?:published|updated|posted)\b[^.!?]{0,60}\d[^!?]{0,30}$/i, {
  matches: 'Published 14 March 2026, 10:00',
  rejects: 'Published reports say 14 boats sank in the storm, and the coast guard searched all night for survivors.'
})
// "Photo: Reuters", "Illustration by the author": a caption that is a credit.
const CREDIT_CAPTION = P.define('credit-caption', /^(?:photo|photograph|image|picture|illustration|graphic|video|credit)s?\b.{0,118}$/i, {
  matches: 'Photo: Reuters',
  rejects: 'Photographers gathered at the harbour.'
})
// " | Daily Gazette", " – Site": the separator between a page title and the site's name (in collapsed text).
const TITLE_SEPARATOR = P.define('title-separator', / [|–—-] /, { matches: 'Storm hits coast | Daily Gazette', rejects: 'Storm-hit coast' })
/** Longest first paragraph checked as a byline or dateline. */
const MAX_META_LINE_CHARS = 300

/** The HTML importer's named expressions, for the linear-time test. */
export const HTML_PATTERNS = P.list

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
    const t = collapse(dropOverlongWords(blockText(el as unknown as TextNode)))
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
  while (paragraphs.length > 1 && paragraphs[0]!.length <= MAX_META_LINE_CHARS && (BYLINE_LINE.test(paragraphs[0]!) || DATE_LINE.test(paragraphs[0]!))) {
    paragraphs.shift()
    for (const h of headings) h.before = Math.max(0, h.before - 1)
  }
  return { paragraphs, headings: headings.filter((h) => h.before < paragraphs.length), credits }
}

const BLOCK_TAGS = new Set([...BLOCKS.split(','), 'ul', 'ol', 'dl', 'div', 'tr', 'table', 'br'])

/**
 * A block's text with a space wherever a block inside it (or a line break) begins or ends: textContent alone glues
 * "<p>…bay.</p><p>Fishing…</p>" in a quotation into "bay.Fishing".
 */
interface TextNode {
  nodeType: number
  textContent: string | null
  tagName?: string
  childNodes: ArrayLike<TextNode>
}
function blockText(el: TextNode): string {
  let out = ''
  const walk = (node: TextNode): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) out += child.textContent ?? ''
      else if (child.nodeType === 1) {
        const inner = BLOCK_TAGS.has((child.tagName ?? '').toLowerCase())
        if (inner) out += ' '
        walk(child)
        if (inner) out += ' '
      }
    }
  }
  walk(el)
  return out
}

function pickTitle(headlines: (string | null)[], docTitle: string | null): string | null {
  // Page titles carry the site's name ("Storm hits coast | Daily Gazette"); the page's own headline does not.
  const candidates = [...headlines, docTitle ? collapse(docTitle).split(TITLE_SEPARATOR)[0]! : null]
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
