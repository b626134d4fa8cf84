import * as chrono from 'chrono-node'
import type { Sentence } from './sentences'

/** How precise a date is; options for a date question always share the answer's granularity. */
export type Granularity = 'day' | 'month' | 'year' | 'decade'

/** A date expression in a sentence, resolved against the article's date. Offsets are into the paragraph. */
export interface DateMention {
  paragraph: number
  sentence: number
  start: number
  end: number
  /** As written ("Monday", "January 20", "2014"). */
  text: string
  granularity: Granularity
  /** UTC midnight of the resolved day, month start, year start or decade start. */
  time: number
  /** True when the text names only a weekday, so the option shows the weekday with the resolved date. */
  weekday: boolean
  /** The word before the expression ("on", "in"), lower-cased, or "". */
  preposition: string
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const MONTH_RE = '(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|March|Mar\\.|April|Apr\\.|May|June|July|Aug(?:ust|\\.)?|Sep(?:tember|t\\.|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)'
// Only plain calendar expressions make fair answers; chrono also reads "now", "Sat" in "sat", "30 days".
const STRICT_DATE = new RegExp(`^(?:${WEEKDAYS.join('|')}|${MONTH_RE} \\d{1,2}(?:st|nd|rd|th)?(?:,? \\d{4})?|\\d{1,2}(?:st|nd|rd|th)? ${MONTH_RE}(?:,? \\d{4})?|${MONTH_RE}(?: of)? \\d{4})$`)
const FUTURE = /\b(?:will|is to|are to|is due|are due|scheduled|plans? to|expected to|is set to|are set to)\b/
// A counted plural right after the number ("1709 schoolchildren") makes it an amount, not a year.
const YEAR = /(?<![\p{L}\p{N}$£€.,-])((?:1[6-9]|20)\d\d)(?:(s)|(?!\s+(?!(?:was|has|its|this|his|thus|plus|years|times|levels)\b)(?:[a-z]+[^s\s]s|[a-z]*children|people)\b))(?![\p{L}\p{N}]|,\d|\.\d|-\d)/gu
// Earlier years ("in 1253") read as plain amounts as often as years, so they count only after a preposition of time
// and when no counted noun follows ("in 1500 ships" is an amount).
const EARLY_YEAR = /(?<=\b(?:[Ii]n|[Bb]y|[Ss]ince|[Aa]fter|[Bb]efore|[Uu]ntil|[Ff]rom|[Oo]f|[Dd]uring|[Cc]irca)\s)(1[0-5]\d\d)(?![\p{L}\p{N}]|,\d|\.\d|-\d|\s+[a-z]+s\b)/gu

/** Formats a resolved date at its granularity: "Monday, November 14, 2016", "January 20, 2017", "2014", "1990s". */
export function formatDate(time: number, granularity: Granularity, weekday: boolean): string {
  const d = new Date(time)
  const y = d.getUTCFullYear()
  if (granularity === 'decade') return `${y}s`
  if (granularity === 'year') return String(y)
  if (granularity === 'month') return `${MONTHS[d.getUTCMonth()]} ${y}`
  const base = `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${y}`
  return weekday ? `${WEEKDAYS[d.getUTCDay()]}, ${base}` : base
}

/**
 * Finds dates in sentences: calendar dates and weekdays through chrono-node, resolved backwards from the
 * article's date (news reports past events: "Monday" in a story of Tuesday Nov 15 is Nov 14), except
 * explicit month-day dates, which chrono places in the article's year; bare years and decades by rule.
 * Without an article date, only expressions that carry their own year are kept.
 */
export function findDates(sentences: Sentence[][], articleDate: string | null): DateMention[] {
  const ref = articleDate ? new Date(`${articleDate}T12:00:00Z`) : null
  const out: DateMention[] = []
  for (const para of sentences) {
    for (const s of para) {
      const taken: Array<[number, number]> = []
      const results = chrono.en.parse(s.text, ref ?? new Date(Date.UTC(2000, 0, 1, 12)), { forwardDate: false })
      for (const r of results) {
        const c = r.start
        const hasDay = c.isCertain('day')
        const hasMonth = c.isCertain('month')
        const hasYear = c.isCertain('year')
        const onlyWeekday = c.isCertain('weekday') && !hasDay
        if (!ref && !hasYear) continue
        if (r.end) continue // ranges ("from May to June") make poor single answers
        let granularity: Granularity | null = null
        if (onlyWeekday) granularity = 'day'
        else if (hasDay && hasMonth) granularity = 'day'
        else if (hasMonth && hasYear) granularity = 'month'
        if (!granularity) continue
        const text = r.text.replace(/^(?:on|in|at|of|the)\s+/i, '').replace(/[\s,.;:]+$/, '')
        if (!STRICT_DATE.test(text)) continue
        const offset = r.index + r.text.indexOf(text)
        const d = c.date()
        // chrono reads the date in local time; with a noon reference its calendar day matches in any zone.
        let time = granularity === 'day' ? Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) : Date.UTC(d.getFullYear(), d.getMonth(), 1)
        if (onlyWeekday && ref) time = resolveWeekday(text, ref, futureAt(s.text, offset, offset + text.length))
        out.push(mk(s, offset, text, granularity, time, onlyWeekday))
        taken.push([offset, offset + text.length])
      }
      YEAR.lastIndex = 0
      for (let m = YEAR.exec(s.text); m; m = YEAR.exec(s.text)) {
        const at = m.index
        if (taken.some(([a, b]) => at < b && a < at + m![0].length)) continue
        if (spanOfYears(s.text, at, at + m[0].length)) continue
        const y = Number(m[1])
        const granularity: Granularity = m[2] ? 'decade' : 'year'
        if (granularity === 'decade' && y % 10 !== 0) continue
        out.push(mk(s, at, m[0], granularity, Date.UTC(y, 0, 1), false))
      }
      EARLY_YEAR.lastIndex = 0
      for (let m = EARLY_YEAR.exec(s.text); m; m = EARLY_YEAR.exec(s.text)) {
        const at = m.index
        if (taken.some(([a, b]) => at < b && a < at + m![0].length)) continue
        out.push(mk(s, at, m[0], 'year', Date.UTC(Number(m[1]), 0, 1), false))
      }
    }
  }
  return out.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start)
}

function mk(s: Sentence, offset: number, text: string, granularity: Granularity, time: number, weekday: boolean): DateMention {
  const before = s.text.slice(0, offset).match(/(\p{L}+)\s*$/u)
  return {
    paragraph: s.paragraph,
    sentence: s.index,
    start: s.start + offset,
    end: s.start + offset + text.length,
    text,
    granularity,
    time,
    weekday,
    preposition: before ? before[1]!.toLowerCase() : ''
  }
}

const DAY = 86_400_000

/**
 * Whether the clause that holds a weekday speaks of the future: "Talks will resume on Tuesday", "On Monday the vote
 * is due". A future in another clause does not count: "Indonesia told the oil industry on Tuesday it will extend
 * contracts" told on the Tuesday just past.
 */
function futureAt(text: string, start: number, end: number): boolean {
  const before = text.slice(0, start).split(/[,;:]\s/).pop()!
  if (FUTURE.test(before)) return true
  // A weekday opening its clause ("On Tuesday, the board will ...") takes the tense of the verb after it.
  if (/^\s*(?:on\s+)?$/i.test(before)) return FUTURE.test(text.slice(end).replace(/^[\s,]+/, '').split(/[,;:]\s/)[0]!)
  return false
}

// News reports past events: a bare weekday is the latest such day on or before the article's date,
// unless the sentence speaks of the future.
function resolveWeekday(text: string, ref: Date, future: boolean): number {
  const want = WEEKDAYS.indexOf(text)
  const base = Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth(), ref.getUTCDate())
  const have = new Date(base).getUTCDay()
  if (future) return base + (((want - have + 7) % 7) || 7) * DAY
  return base - ((have - want + 7) % 7) * DAY
}

/** Shifts a date by `steps` units of its granularity (days for days, months, years, decades). */
/**
 * "2019/20", "2020-21", "1998–2001": a year joined to another figure is one end of a span (a fiscal or
 * season year), not a year to ask or move on its own ("_____/21", "2030/21").
 */
function spanOfYears(text: string, start: number, end: number): boolean {
  return /\d\s?[/–-]\s?$/.test(text.slice(Math.max(0, start - 4), start)) || /^\s?[/–-]\s?\d/.test(text.slice(end, end + 4))
}

export function shiftDate(time: number, granularity: Granularity, steps: number): number {
  const d = new Date(time)
  if (granularity === 'day') return time + steps * DAY
  if (granularity === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + steps, 1)
  if (granularity === 'year') return Date.UTC(d.getUTCFullYear() + steps, 0, 1)
  return Date.UTC(d.getUTCFullYear() + 10 * steps, 0, 1)
}

/** UTC midnight of the story's own day ("2016-11-15"), or null when the article has no full date. */
export function storyDay(date: string | undefined | null): number | null {
  if (!date || !/^\d{4}-\d{2}-\d{2}/.test(date)) return null
  const day = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)))
  return Number.isNaN(day) ? null : day
}
