import { stableHash } from '../hash'
import { CONTENT_FORMAT, fromContentFile, readContentFile } from './content-format'
import { MAX_ARTICLE_CHARS, type Article, type ArticleError, type ParseResult } from './model'
import { patternGroup } from '../text/patterns'
import { dropOverlongWords } from './bounds'

export interface ParseOptions {
  /** Id to give the article; by default a hash of its title and body, so the same text always gets the same id. */
  id?: string
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12
}
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?'
// "Updated on: ", "Published ", "Date:". Each run of spaces has one place to go: the old `\s*(?:on)?\s*:?\s*` split a long
// run of spaces between its three `\s*` in every possible way before failing (cubic time).
const DATE_PREFIX = '(?:(?:updated|published|posted|last updated|date|dated)(?:\\s+on)?\\s*(?::\\s*)?)?'
const TIME_SUFFIX = '(?:[,\\s]+(?:at\\s+)?\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s*[A-Z]{2,4})?)?'
const P = patternGroup('parse')
const DATE_MDY = P.define('date-mdy', new RegExp(`^${DATE_PREFIX}(?:[a-z]+,\\s*)?${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME_SUFFIX}$`, 'i'), {
  matches: 'Updated Nov 15, 2016 at 10:45 GMT',
  rejects: 'Updated on the 15th of every month'
})
const DATE_DMY = P.define('date-dmy', new RegExp(`^${DATE_PREFIX}(?:[a-z]+,\\s*)?(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})${TIME_SUFFIX}$`, 'i'), {
  matches: 'Published: Monday, 14 November 2016',
  rejects: 'Published 14 novels in 2016'
})
const DATE_ISO = P.define('date-iso', new RegExp(`^${DATE_PREFIX}(\\d{4})-(\\d{2})-(\\d{2})(?:[T\\s][\\d:.Z+-]*)?$`, 'i'), {
  matches: 'Date: 2015-09-12T10:00Z',
  rejects: 'Date: 2015-09-12 and later'
})
const DATE_EMPTY = P.define('date-empty', /^date\s*:\s*$/i, { matches: 'Date:', rejects: 'Date: today' })
const CREDIT = P.define('credit', /^(?:photo|photograph|image|picture|video|graphic|illustration|credit)s?(?:\s+(?:by|credit|courtesy(?:\s+of)?))?\s*:\s*\S.{0,118}$/i, {
  matches: 'Photo courtesy of: Reuters',
  rejects: 'Photographs show the flooded streets.'
})
const SOURCE_PREFIX = P.define('source-prefix', /^(?:source|sources|via|reporting by)\s*:\s*(.+)$/i, { matches: 'Source: AP', rejects: 'Sources say the talks failed.' })
// A byline: "By" and capitalised names joined by spaces, commas or "and". Names and separators share no character
// ("and" alone is lowercase), so there is one way to read a line: the old form, which allowed "and" with no space
// around it, read "By AandAand…A!" in exponentially many ways before failing.
const BYLINE = P.define('byline', /^[Bb]y\s+([A-Z][\w.'-]*(?:(?:\s*,\s*|\s+and\s+|\s+)[A-Z][\w.'-]*)*)$/, {
  matches: 'By Mara Lindqvist, Tom Ek and Li Wei',
  rejects: 'By Monday, the strike had ended.'
}, (size) => [`By ${'Aand'.repeat(size / 4)}A!`, `By ${'A '.repeat(size / 2)}a`, `By ${'A , '.repeat(size / 4)}!`])
/** Longest line read as a byline (the old expression allowed five names of five words). */
const MAX_BYLINE_CHARS = 200
// An ATX heading line: "## Section". Its closing run of "#" is stripped by `markdownHeading`, in code: the old
// `(.+?)\s*#*$` tried every end for the text against every split of the "#" run (quadratic on "# x###…y").
const MD_HEADING = P.define('md-heading', /^#{1,6}\s+(\S.*)$/, { matches: '## Section two ##', rejects: '#hashtag' })
const TERMINAL = P.define('terminal', /[.!?:;,"”’')\]]$/, { matches: 'It ended.', rejects: 'A heading' })

/** The parser's named expressions, for the linear-time test. */
export const PARSE_PATTERNS = P.list

/** The text of a Markdown heading line ("## Section ##" → "Section"), or null when the line is not one. */
export function markdownHeading(line: string): string | null {
  const m = MD_HEADING.exec(line)
  if (!m) return null
  const text = m[1]!
  let end = text.length
  while (end > 0 && text[end - 1] === '#') end--
  while (end > 0 && /\s/.test(text[end - 1]!)) end--
  return end > 0 ? text.slice(0, end) : text
}

function isoFrom(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 || y > 9999) return null
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCMonth() !== m - 1) return null
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/** Reads a date line ("Updated Nov 15, 2016", "Date: 2015-09-12") into an ISO date; null when the line is not one. */
export function parseDateLine(line: string): { iso: string | null } | null {
  const text = line.trim()
  // A date line is short; a long line is prose, whatever it starts with.
  if (text.length > MAX_DATE_LINE_CHARS) return null
  if (DATE_EMPTY.test(text)) return { iso: null }
  let m = DATE_ISO.exec(text)
  if (m) return wrap(isoFrom(Number(m[1]), Number(m[2]), Number(m[3])))
  m = DATE_MDY.exec(text)
  if (m) return wrap(isoFrom(Number(m[3]), MONTHS[m[1]!.slice(0, 3).toLowerCase()] ?? 0, Number(m[2])))
  m = DATE_DMY.exec(text)
  if (m) return wrap(isoFrom(Number(m[3]), MONTHS[m[2]!.slice(0, 3).toLowerCase()] ?? 0, Number(m[1])))
  return null
}

/** Longest line read as a date line: "Last updated: Wednesday, September 14th, 2016 at 10:45 a.m. EST" is 66. */
const MAX_DATE_LINE_CHARS = 120

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
    return fail('too-large', `This article is too long (${(input.length / 1e6).toFixed(1)} million characters; the limit is ${(MAX_ARTICLE_CHARS / 1e6).toFixed(1)} million). Nothing was imported.`)
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
  const file = fromContentFile(read.file)
  // An article file can come from anywhere: its text gets the same word limit as any other import.
  const paragraphs = file.paragraphs.map(dropOverlongWords)
  if (paragraphs.some((p, i) => p !== file.paragraphs[i])) {
    if (paragraphs.some((p) => p === '')) return fail('invalid-format', 'This article file is not valid: a paragraph holds no words, only runs of characters too long to be words.')
  }
  const article = { ...file, title: dropOverlongWords(file.title) || file.title.slice(0, 100), paragraphs, headings: file.headings.map((h) => ({ ...h, text: dropOverlongWords(h.text) })) }
  return { ok: true, article: options.id ? { ...article, id: options.id } : article }
}

type Block = { lines: string[] }

function parsePlain(text: string, options: ParseOptions): ParseResult {
  let blocks: Block[] = text
    .split(/\n[ \t\u00a0]*\n/)
    .map((b) => ({ lines: b.split('\n').map((line) => collapse(dropOverlongWords(line))).filter(Boolean) }))
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
    else if (isHeadingLike(line) && wordsIn(line) <= 6 && markdownHeading(line) === null) source = line
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
        title = markdownHeading(line) ?? line
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
      if (byline === null && paragraphs.length === 0 && line.length <= MAX_BYLINE_CHARS && BYLINE.test(line)) {
        flush()
        byline = line.replace(/^by\s+/i, '')
        continue
      }
      const md = markdownHeading(line)
      const alone = block.lines.length === 1
      const nextIsBody = b + 1 < blocks.length
      if (md || (alone && nextIsBody && paragraphs.length > 0 && isHeadingLike(line) && !startsSentenceOfNext(blocks[b + 1]!))) {
        flush()
        const heading = md ?? line
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
