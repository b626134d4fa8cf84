/**
 * Reader logic kept out of components: splitting a paragraph into plain and marked runs so evidence
 * sentences can be highlighted without touching the article text itself.
 */

/** A range of a paragraph to mark, e.g. a question's evidence. */
export interface MarkRange {
  start: number
  end: number
  /** Identifies the mark to the caller (e.g. an evidence key). */
  key: string
}

/** A marked range in a given paragraph of the article. */
export interface ParagraphMark extends MarkRange {
  paragraph: number
}

/** A run of paragraph text: plain, or covered by one or more marks. */
export interface Segment {
  text: string
  start: number
  /** Keys of the marks covering this run, in the order given; empty for plain text. */
  keys: string[]
}

/**
 * Splits `text` at every mark boundary. Overlapping marks produce runs that carry all their keys; ranges
 * outside the text are clipped; concatenating the runs always gives back `text` exactly.
 */
export function segmentParagraph(text: string, marks: readonly MarkRange[]): Segment[] {
  const valid = marks
    .map((m) => ({ ...m, start: Math.max(0, Math.min(text.length, m.start)), end: Math.max(0, Math.min(text.length, m.end)) }))
    .filter((m) => m.end > m.start)
  if (valid.length === 0) return text ? [{ text, start: 0, keys: [] }] : []
  const cuts = new Set<number>([0, text.length])
  for (const m of valid) {
    cuts.add(m.start)
    cuts.add(m.end)
  }
  const points = [...cuts].sort((a, b) => a - b)
  const segments: Segment[] = []
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!
    const end = points[i + 1]!
    const keys = valid.filter((m) => m.start <= start && m.end >= end).map((m) => m.key)
    const last = segments.at(-1)
    // Neighbouring runs with the same marks read as one; merging keeps the DOM small.
    if (last && last.keys.join('\u0000') === keys.join('\u0000')) last.text += text.slice(start, end)
    else segments.push({ text: text.slice(start, end), start, keys })
  }
  return segments
}

/** Minutes a typical reader (230 words a minute) needs for `words` words; at least one. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / 230))
}

// Made once: building an Intl formatter costs far more than using one, and the library formats a date per article.
const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })

/** Formats an ISO date (YYYY-MM-DD) as "15 November 2016" in UTC, so the date never shifts with the time zone. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number)
  if (!y || !m || !d) return iso
  return DATE_FORMAT.format(Date.UTC(y, m - 1, d))
}

/** Groups repeated credits ("Photo by: Reuters" twice) into one line with a count ("Photo by: Reuters (×2)"), in first-seen order. */
export function groupCredits(credits: readonly string[]): string[] {
  const counts = new Map<string, number>()
  for (const c of credits) counts.set(c, (counts.get(c) ?? 0) + 1)
  return [...counts].map(([c, n]) => (n > 1 ? `${c} (×${n})` : c))
}

/**
 * How to show an article's licence link: a link only for an absolute http(s) URL; anything else an imported file
 * may carry (`javascript:`, `file:`, a custom scheme, a relative path) is shown as plain text, never as a link.
 */
export function licenceLink(url: string | null): { href: string } | { text: string } | null {
  if (!url) return null
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return { text: url }
  }
  return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? { href: parsed.href } : { text: url }
}
