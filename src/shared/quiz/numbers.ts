import { stableHash } from '../hash'
import type { Sentence } from './sentences'

/** A counted or measured amount in a sentence ("almost 70 years", "US$11 billion"). Offsets are into the paragraph. */
export interface NumberMention {
  paragraph: number
  sentence: number
  start: number
  end: number
  /** The whole phrase as written, hedge and unit included. */
  text: string
  hedge: string
  /** Currency sign as written ("US$", "$"), or "". */
  currency: string
  value: number
  /** How the number was written: digits (with grouping commas or not) or words. */
  style: 'digits' | 'grouped' | 'words'
  scale: string
  unit: string
}

const WORD_VALUES: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100
}
const WORDS_BY_VALUE = new Map(Object.entries(WORD_VALUES).map(([w, v]) => [v, w]))
const HEDGE = '(?:about|almost|nearly|around|roughly|approximately|some|over|more than|less than|fewer than|at least|up to|just over|just under|close to|as many as|as few as|an estimated|an additional|above|below|under)'
// Longest words first, so "seventy" is not read as "seven" followed by "ty".
const NUM = `(?:\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|${Object.keys(WORD_VALUES).sort((a, b) => b.length - a.length).join('|')})`
const SCALE = '(?:thousand|million|billion|trillion)'
// A unit is a plural noun after the number ("years", "teams", "people"); "per cent" and "%" count as units too.
// A figure joined to another by a slash or hyphen ("6-1/2 percent", "3-1") is a fraction or a score, never read in part.
const PHRASE = new RegExp(
  `(?<![\\p{L}\\p{N}$£€.,/-])(?:(${HEDGE}(?:\\s+${HEDGE})?)\\s+)?((?:US|A|C|NZ|USD)?\\$ ?|£|€)?(${NUM})(?![\\d.,]*[/-]\\d)(?:\\s+(${SCALE}))?(?:\\s*(%|per ?cent(?!age))|\\s+((?:[a-z]+-)?(?:square (?:meter|metre|kilometre|kilometer|km|mile|foot|feet)s?|(?:basis|percentage) points?|[a-z]{3,}s|people|children|men|women|staff|police|cattle|sheep|meter|metre|km|kilometre|kilometer|mile|foot|minute|hour|day|week|month|year|kg|ton|tonne|percent|per cent))\\b)?`,
  'giu'
)
// Plural words that follow numbers but are not what is counted.
const NOT_UNITS = new Set(['basis', 'others', 'times', 'ones', 'is', 'was', 'has', 'as', 'its', 'thus', 'this', 'plus', 'has', 'his', 'less'])

/** Parses a number word or digits ("seventy", "1,709", "2.5"); NaN when it is neither. */
export function numberValue(text: string): number {
  const w = WORD_VALUES[text.toLowerCase()]
  if (w !== undefined) return w
  return Number(text.replace(/,/g, ''))
}

/** Writes a value the way the original number was written. */
export function writeNumber(value: number, style: NumberMention['style'], capitalise = false, places = 0): string {
  if (style === 'words') {
    const w = WORDS_BY_VALUE.get(value)
    if (w) return capitalise ? w[0]!.toUpperCase() + w.slice(1) : w
  }
  if (style === 'grouped') return value.toLocaleString('en-US', { minimumFractionDigits: places, maximumFractionDigits: places })
  return places > 0 ? value.toFixed(places) : String(value)
}

/**
 * Finds amounts worth asking about: a number with a unit, a currency or a scale word, with any hedge before it.
 * Years, dates, ordinals, times and bare numbers with nothing counted are left out: a quiz cannot ask
 * "how many?" about them.
 */
export function findNumbers(sentences: Sentence[][]): NumberMention[] {
  const out: NumberMention[] = []
  for (const para of sentences) {
    for (const s of para) {
      PHRASE.lastIndex = 0
      for (let m = PHRASE.exec(s.text); m; m = PHRASE.exec(s.text)) {
        const [whole, hedge = '', currency = '', num = '', scale = '', percent = '', unitRaw = ''] = m
        const unit = percent || unitRaw
        if (!unit && !currency && !scale) continue
        if (unitRaw && NOT_UNITS.has(unitRaw.toLowerCase())) continue
        const value = numberValue(num)
        if (!Number.isFinite(value) || value <= 1) continue
        // Four-digit numbers without a currency are usually years.
        if (/^\d{4}$/.test(num) && !currency && value >= 1600 && value <= 2100) continue
        const after = s.text.slice(m.index + whole.length)
        // "$11.5bn", "3D": a number glued to letters is not one this reader understands.
        if (/^[\p{L}]/u.test(after)) continue
        if (/^(?:st|nd|rd|th)\b|^:\d|^\s*(?:a\.m\.|p\.m\.|am\b|pm\b)/i.test(after)) continue
        // Ends of a range ("from ten to 32 pages", "40 to 50 questions") are not single answers.
        if (/^\s*(?:to|-|–|and)\s+\d|^\s*(?:to|-|–)\s+[a-z]+\b/.test(after.slice(0, 20)) && !unit) continue
        if (/(?:\d|\b(?:ten|twenty|thirty|forty|fifty|hundred))\s*(?:to|-|–)\s*$/i.test(s.text.slice(Math.max(0, m.index - 16), m.index))) continue
        const style: NumberMention['style'] = /^[a-z]+$/i.test(num) ? 'words' : num.includes(',') ? 'grouped' : 'digits'
        out.push({
          paragraph: s.paragraph,
          sentence: s.index,
          start: s.start + m.index,
          end: s.start + m.index + whole.length,
          text: whole,
          hedge: hedge,
          currency,
          value,
          style,
          scale,
          unit
        })
      }
    }
  }
  return out
}

/** Rebuilds a number phrase with another value, keeping hedge, currency, scale and unit as written. */
export function rewriteNumber(n: NumberMention, value: number): string {
  const parts: string[] = []
  if (n.hedge) parts.push(n.hedge)
  const places = (/\.(\d+)/.exec(n.text.replace(/[^\d.]/g, ''))?.[1] ?? '').length
  let num = `${n.currency}${writeNumber(value, n.style, /^[A-Z]/.test(n.text.slice(n.hedge ? n.hedge.length + 1 : 0)), places)}`
  if (n.scale) num += ` ${n.scale}`
  if (n.unit === '%') num += '%'
  else if (n.unit) num += ` ${n.unit}`
  parts.push(num)
  const out = parts.join(' ')
  return /^[A-Z]/.test(n.text) ? out[0]!.toUpperCase() + out.slice(1) : out
}

// Where the key sits among its options, smallest first: chosen per value, so neither "the second smallest" nor
// "the middle one" is a rule a test-taker can learn. Steps (in units of the figure's own step) for each place.
const STEPS = [[1, 2, 3], [-1, 1, 2], [-2, -1, 1], [-3, -2, -1]]
// The same places for figures that move by proportion, unevenly spaced: raters saw "458, 611, 764, 917" (a ladder
// of 153) and called it made up.
const FACTORS = [[1.2, 1.45, 1.8], [0.8, 1.25, 1.55], [0.65, 0.85, 1.3], [0.5, 0.7, 0.85]]
const ALL_STEPS = [-1, 1, -2, 2, 3, -3, 4]
const ALL_FACTORS = [0.8, 1.25, 0.65, 1.45, 0.55, 1.8]

function place(value: number): number {
  return parseInt(stableHash(`options|${value}`).slice(-4), 16) % 4
}

/**
 * Other values of the same kind as `value` for options, deterministic and never equal to the answer: the values
 * for the key's place among them first (see STEPS), then others in case some are ruled out (a bound's near side).
 * Small counts and round figures move by their own step, shares by fives, exact figures by uneven proportions, and
 * a measurement to two decimals ("47.42 seconds") by a few percent, since a quarter off is absurd for a race time.
 */
export function nearbyValues(value: number, style: NumberMention['style'], percent = false): number[] {
  const out: number[] = []
  const at = place(value)
  if (percent) {
    // Shares stay between 0 and 100 and move by fives, or by twos near the ends.
    const step = value >= 90 || value <= 10 ? 2 : 5
    // Same decimals as the answer ("88.93%" against "83.93%"), so precision does not mark the key.
    const places = (String(value).split('.')[1] ?? '').length
    for (const d of [...STEPS[at]!, ...ALL_STEPS]) {
      const v = Number((value + d * step).toFixed(places))
      if (v > 0 && v <= 100 && v !== value && !out.includes(v)) out.push(v)
    }
    return out
  }
  const push = (v: number): void => {
    if (v > 1 && v !== value && !out.includes(v) && (style !== 'words' || WORDS_BY_VALUE.has(v))) out.push(v)
  }
  if (style === 'words' || value <= 12) {
    for (const d of [...STEPS[at]!, ...ALL_STEPS]) push(value + d)
    return out
  }
  const decimals = (String(value).split('.')[1] ?? '').length
  if (decimals > 0) {
    const spread = decimals >= 2 ? 0.2 : 1
    for (const f of [...FACTORS[at]!, ...ALL_FACTORS]) push(Number((value * (1 + (f - 1) * spread)).toFixed(decimals)))
    return out
  }
  const trailingZeros = /0+$/.exec(String(value))?.[0].length ?? 0
  if (trailingZeros > 0) {
    // A round figure ("70 years", "80,000 people") moves by its own rounding step: 60, 80, 50.
    const step = Math.pow(10, trailingZeros)
    const lead = value / step
    const unit = lead >= 10 ? step * Math.pow(10, Math.floor(Math.log10(lead))) : step
    for (const d of [...STEPS[at]!, ...ALL_STEPS]) push(value + d * unit)
    return out
  }
  // An exact count ("45,756 migrants") moves by proportion and stays as exact, so no option looks rounded.
  for (const f of [...FACTORS[at]!, ...ALL_FACTORS]) {
    const v = Math.round(value * f)
    push(v % 10 === 0 ? v + 3 : v)
  }
  return out
}
