import { stableHash } from '../hash'
import { CONTENT_FORMAT, fromContentFile, readContentFile } from './content-format'
import { MAX_ARTICLE_CHARS, type Article, type ArticleError, type ParseResult } from './model'

export interface ParseOptions {
  /** Id to give the article; by default a hash of its title and body, so the same text always gets the same id. */
  id?: string
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12
}
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?'
const DATE_PREFIX = '(?:(?:updated|published|posted|last updated|date|dated)\\s*(?:on)?\\s*:?\\s*)?'
const TIME_SUFFIX = '(?:[,\\s]+(?:at\\s+)?\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s*[A-Z]{2,4})?)?'
const DATE_MDY = new RegExp(`^${DATE_PREFIX}(?:[a-z]+,\\s*)?${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME_SUFFIX}$`, 'i')
const DATE_DMY = new RegExp(`^${DATE_PREFIX}(?:[a-z]+,\\s*)?(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})${TIME_SUFFIX}$`, 'i')
const DATE_ISO = new RegExp(`^${DATE_PREFIX}(\\d{4})-(\\d{2})-(\\d{2})(?:[T\\s][\\d:.Z+-]*)?$`, 'i')
const DATE_EMPTY = /^date\s*:\s*$/i
const CREDIT = /^(?:photo|photograph|image|picture|video|graphic|illustration|credit)s?(?:\s+(?:by|credit|courtesy(?:\s+of)?))?\s*:\s*\S.{0,118}$/i
const SOURCE_PREFIX = /^(?:source|sources|via|reporting by)\s*:\s*(.+)$/i
const BYLINE = /^[Bb]y\s+([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,4}(?:\s*(?:,|and)\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,4})*)$/
const MD_HEADING = /^#{1,6}\s+(.+?)\s*#*$/
const TERMINAL = /[.!?:;,"”’')\]]$/

function isoFrom(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 || y > 9999) return null
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCMonth() !== m - 1) return null
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/** Reads a date line ("Updated Nov 15, 2016", "Date: 2015-09-12") into an ISO date; null when the line is not one. */
export function parseDateLine(line: string): { iso: string | null } | null {
  const text = line.trim()
  if (DATE_EMPTY.test(text)) return { iso: null }
  let m = DATE_ISO.exec(text)
  if (m) return wrap(isoFrom(Number(m[1]), Number(m[2]), Number(m[3])))
  m = DATE_MDY.exec(text)
  if (m) return wrap(isoFrom(Number(m[3]), MONTHS[m[1]!.slice(0, 3).toLowerCase()] ?? 0, Number(m[2])))
  m = DATE_DMY.exec(text)
  if (m) return wrap(isoFrom(Number(m[3]), MONTHS[m[2]!.slice(0, 3).toLowerCase()] ?? 0, Number(m[1])))
  return null
}

function wrap(iso: string | null): { iso: string | null } | null {
  return iso ? { iso } : null
}

/** True for text that is not human-readable: NUL bytes, many control characters or undecodable bytes. */
export function looksBinary(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text
  if (sample.includes('\u0000')) return true
  let bad = 0
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i)
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) bad++
  }
  return bad > 8 && bad / sample.length > 0.01
}

const wordsIn = (s: string): number => s.split(/\s+/).filter(Boolean).length

function collapse(s: string): string {
  return s.replace(/[\t\f\v \u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ').trim()
}

/** A line that can stand alone as a section heading: short, capitalised, no sentence punctuation at the end. */
function isHeadingLike(line: string): boolean {
  if (line.length > 80 || wordsIn(line) > 10) return false
  if (TERMINAL.test(line)) return false
  return /^[\p{Lu}\p{N}"“‘']/u.test(line)
}

function fail(code: ArticleError['code'], message: string): ParseResult {
  return { ok: false, error: { code, message } }
}

/**
 * Parses an article from text: the app's JSON content format, or plain text laid out like a news page
 * (title line, date line, credit lines, short heading lines, paragraphs separated by blank lines, a trailing
 * source line), including `#` Markdown headings. Never throws; returns a clear error for text with no article.
 */
export function parseArticle(input: string, options: ParseOptions = {}): ParseResult {
  try {
    return parseUnsafe(input, options)
  } catch (e) {
    // Parsing is plain string work; this guard only keeps a promise that no input ever throws.
    return fail('no-article', `This text could not be read as an article (${e instanceof Error ? e.message : String(e)}).`)
  }
}

function parseUnsafe(input: string, options: ParseOptions): ParseResult {
  if (typeof input !== 'string') return fail('no-article', 'No text was given.')
  if (input.length > MAX_ARTICLE_CHARS) {
    return fail('too-large', `This article is too long (${Math.round(input.length / 1e6)} million characters; the limit is ${MAX_ARTICLE_CHARS / 1e6} million).`)
  }
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  if (text.trim() === '') return fail('empty', 'The text is empty: there is no article to read.')
  if (looksBinary(text)) return fail('binary', 'This looks like a binary file, not text: there is no article to read.')

  const trimmed = text.trim()
  if (trimmed.startsWith('{') && trimmed.includes(CONTENT_FORMAT)) return parseContentJson(trimmed, options)
  return parsePlain(text, options)
}

function parseContentJson(text: string, options: ParseOptions): ParseResult {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return fail('invalid-format', 'This article file is damaged: it is not valid JSON.')
  }
  const read = readContentFile(json)
  if (!read.ok) return fail('invalid-format', `This article file is not valid: ${read.message}.`)
  const article = fromContentFile(read.file)
  return { ok: true, article: options.id ? { ...article, id: options.id } : article }
}

type Block = { lines: string[] }

function parsePlain(text: string, options: ParseOptions): ParseResult {
  let blocks: Block[] = text
    .split(/\n[ \t\u00a0]*\n/)
    .map((b) => ({ lines: b.split('\n').map(collapse).filter(Boolean) }))
    .filter((b) => b.lines.length > 0)

  // Text with no blank lines at all: each line is its own paragraph.
  if (blocks.length === 1 && blocks[0]!.lines.length > 2) blocks = blocks[0]!.lines.map((l) => ({ lines: [l] }))

  let title: string | null = null
  let date: string | null = null
  let dateLabel: string | null = null
  let byline: string | null = null
  let source: string | null = null
  const credits: string[] = []
  const paragraphs: string[] = []
  const headings: Article['headings'] = []
  const seen = new Set<string>()

  // The trailing source line ("TRTWorld and agencies", "Source: AP"): a last short block that is not a sentence.
  const last = blocks[blocks.length - 1]
  if (blocks.length > 2 && last && last.lines.length === 1) {
    const line = last.lines[0]!
    const prefixed = SOURCE_PREFIX.exec(line)
    if (prefixed) source = prefixed[1]!.trim()
    else if (isHeadingLike(line) && wordsIn(line) <= 6 && !MD_HEADING.test(line)) source = line
    if (source !== null) blocks = blocks.slice(0, -1)
  }

  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!
    const body: string[] = []
    const flush = (): void => {
      if (body.length === 0) return
      const paragraph = body.join(' ')
      body.length = 0
      // Feeds sometimes repeat a paragraph verbatim; a reader and a quiz want it once.
      if (seen.has(paragraph)) return
      seen.add(paragraph)
      paragraphs.push(paragraph)
    }
    for (let i = 0; i < block.lines.length; i++) {
      const line = block.lines[i]!
      if (title === null) {
        const md = MD_HEADING.exec(line)
        title = md ? md[1]! : line
        continue
      }
      const dated: { iso: string | null } | null = date === null && dateLabel === null ? parseDateLine(line) : null
      if (dated) {
        flush()
        date = dated.iso
        // A bare ISO date is no label worth printing: the reader formats the date itself.
        const label = line.replace(/^date\s*:\s*/i, '')
        dateLabel = dated.iso && !/^\d{4}-\d{2}-\d{2}$/.test(label) ? label : null
        continue
      }
      if (CREDIT.test(line)) {
        flush()
        credits.push(line)
        continue
      }
      if (byline === null && paragraphs.length === 0 && BYLINE.test(line)) {
        flush()
        byline = line.replace(/^by\s+/i, '')
        continue
      }
      const md = MD_HEADING.exec(line)
      const alone = block.lines.length === 1
      const nextIsBody = b + 1 < blocks.length
      if (md || (alone && nextIsBody && paragraphs.length > 0 && isHeadingLike(line) && !startsSentenceOfNext(blocks[b + 1]!))) {
        flush()
        const heading = md ? md[1]! : line
        if (headings.at(-1)?.before === paragraphs.length) headings.at(-1)!.text += ` — ${heading}`
        else headings.push({ before: paragraphs.length, text: heading })
        continue
      }
      body.push(line)
    }
    flush()
  }

  if (title !== null && title.length > 300) {
    // A first line this long is a paragraph, not a title.
    paragraphs.unshift(title)
    title = title.split(/\s+/).slice(0, 10).join(' ') + '…'
  }
  if (title === null || paragraphs.length === 0) {
    return fail('no-article', 'There is no article in this text: it needs a title and at least one paragraph.')
  }
  const article: Article = {
    id: options.id ?? `a${stableHash(`${title}\n${paragraphs.join('\n')}`)}`,
    title,
    date,
    dateLabel,
    source,
    byline,
    credits,
    paragraphs,
    headings: headings.filter((h) => h.before < paragraphs.length),
    licence: null
  }
  return { ok: true, article }
}

/** A heading is never the start of a sentence that continues in the next block (a line broken by a blank line). */
function startsSentenceOfNext(next: Block): boolean {
  return /^[\p{Ll}]/u.test(next.lines[0] ?? '')
}
