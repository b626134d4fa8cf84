import { evidenceOf, makeQuestion, quoteEvidence } from '../build'
import { inQuote, resolveLeadingPronoun, standsAlone, withoutLeadingConjunction, within, type QuizContext } from '../context'
import { formatDate, shiftDate, storyDay } from '../dates'
import { entityDistractors } from '../distractors'
import type { Question } from '../model'
import type { Sentence } from '../sentences'
import { numberDistractors } from './how-many'
import { endsInAside } from '../text'

const PERSON_SWAPS = false

interface Swap {
  statement: string
  what: string
}

/**
 * True-or-false statements: a sentence the article states, or the same sentence with one fact swapped
 * for another of the same kind that the article contradicts: an amount (same unit and hedge), a date
 * (same granularity), the person who acts (another person of the article in the same field), or where it
 * happened (a sibling place the article names: never one containing or inside the other, which can still be true).
 */
export function trueFalse(ctx: QuizContext): Question[] {
  const out: Question[] = []
  for (const para of ctx.sentences) {
    for (const s of para) {
      const resolved = resolveLeadingPronoun(ctx, s)
      // The resolved name is itself a checkable fact: the statement says who did it.
      if (resolved && s.text.split(/\s+/).length >= 7) {
        // "He has already displayed ..." is judged as "Trump has already displayed ...", proved by both sentences.
        const name = resolved.person.text.includes(' ') ? resolved.person.text : resolved.person.text
        const ev = evidenceOf(ctx, s.paragraph, resolved.previous.start, s.end)
        const q = makeQuestion('true-false', `${name}${resolved.rest}`, 'True', [], ev, `True: the article says ${quoteEvidence(ev.text)}`, 2)
        if (q) out.push(q)
        continue
      }
      if (!standsAlone(s, ctx.entities.mentions)) continue
      if (s.text.split(/\s+/).length > 55) continue
      // Quoted words are the speaker's, not the article's claims.
      if (inQuote(ctx, s.paragraph, s.start, s.start + 1)) continue
      // A dateline ("CAPE CANAVERAL, Florida - ...", "November 17, Brisbane, Australia - ...") is where and when the report was filed: judged word for word, it is noise.
      if (/^(?:[\p{Lu}][\p{Lu} .'’-]+|[A-Z][a-z]+ \d{1,2}),\s[^–—]{0,40}?\s[-–—]\s/u.test(s.text)) continue
      // An instruction ("Wait until the fourth day ...") is advice, not a claim that can be true or false.
      const first = s.tokens[0]
      if (first && first.pos === 'VERB' && first.lemma === first.text.toLowerCase()) continue
      // Checkable facts: names, amounts, dates, any figure, a proper name the data does not know ("Shandao Station"),
      // or the story's key terms ("iodised salt" in a story about iodine).
      const facts = within(ctx.entities.mentions, s).length + within(ctx.numbers, s).length + within(ctx.dates, s).length +
        (/\d/.test(s.text) ? 1 : 0) + (/\s[A-Z][\p{L}]+\s[A-Z][\p{L}]+/u.test(blankMentions(s.text, s.start, within(ctx.entities.mentions, s))) ? 1 : 0) + within(ctx.keyTerms, s).length
      if (facts === 0) continue
      const ev = evidenceOf(ctx, s.paragraph, s.start, s.end)
      // Every sentence that allows a clean swap becomes a false statement: clean swaps are rare enough that
      // "True" would otherwise be a safe guess.
      const swap = swapFact(ctx, s)
      if (swap) {
        const q = makeQuestion('true-false', swap.statement, 'False', [], ev, `False: the article gives ${swap.what}: ${quoteEvidence(ev.text)}`, 2)
        if (q) out.push(q)
        // The same sentence, same transformation, with the article's own value: the selection keeps one of the two,
        // so true and false statements come from the same kind of sentence and the wording does not tell them apart.
        const t = makeQuestion('true-false', withoutLeadingConjunction(s.text), 'True', [], ev, `True: the article says ${quoteEvidence(ev.text)}`, 2)
        if (t) out.push(t)
      } else if (s.text.split(/\s+/).length >= 9 && (facts >= 2 || /\d/.test(s.text) || within(ctx.numbers, s).length + within(ctx.dates, s).length > 0 || within(ctx.entities.mentions, s).some((m) => ['person', 'organisation', 'outlet'].includes(m.entity.type)))) {
        // A true statement is worth judging only when it carries a checkable fact: who, how many, when, or two names.
        const q = makeQuestion('true-false', withoutLeadingConjunction(s.text), 'True', [], ev, `True: the article says ${quoteEvidence(ev.text)}`, 2)
        if (q) out.push(q)
      }
    }
  }
  return out
}

function replaceSpan(s: Sentence, start: number, end: number, text: string): string {
  let before = s.text.slice(0, start - s.start)
  // Keep "a"/"an" agreeing with the new word, so the grammar does not show the edit.
  before = withoutLeadingConjunction(before + '\u0000').slice(0, -1)
  // Only when the first letter changes: "a USD$23" stays "a USD$17", not "an USD$17".
  const was = s.text.slice(start - s.start, end - s.start)
  if (was.charAt(0).toLowerCase() !== text.charAt(0).toLowerCase()) before = before.replace(/\b([Aa])n?\s$/, (_m, a: string) => `${/^[aeiou8]|^11\b|^18\b/i.test(text) ? `${a}n` : a} `)
  return before + text + s.text.slice(end - s.start)
}

function swapFact(ctx: QuizContext, s: Sentence): Swap | null {
  const nums = within(ctx.numbers, s).filter((n) => !inQuote(ctx, n.paragraph, n.start, n.end))
  // "one or two points", "from 2004 to 2009": a number paired with another is read as a range, not swapped.
  // Singular units ("a 12 year cycle", "70 meter hall") are compound adjectives, often fixed facts a swap makes absurd.
  // NAME: DEFINITE_COUNT. "before the two countries open trade talks" (U.S.-Japanese relations): a count after "the",
  // "both" or "all" counts what the sentence already named, so "the four countries" contradicts the sentence itself.
  const swappable = (x: (typeof nums)[number]): boolean =>
    !/\b(?:the|these|those|both|all)\s*$/i.test(s.text.slice(0, x.start - s.start)) &&
    !/^[a-z]+[^s]$/.test(x.unit) && !inParentheses(s, x.start) && !inRelativeAside(s, x.start) && !/\b(?:or|to|and|from|-|–)\s*$/.test(s.text.slice(0, x.start - s.start)) && !/^\s*(?:or|to|from|-|–)\s/.test(s.text.slice(x.end - s.start))
  // NAME: ONE_OF_ITS_MEASURE. In a sentence of several figures ("an offer of 12 million dollars for 300 homes"), the
  // first figure whose measure (currency, scale and unit) no other figure shares may move: a figure beside another of
  // its measure ("rose 5 percent after 3 percent") is part of a change or a sum that a swap would make inconsistent.
  const measure = (x: (typeof nums)[number]): string => `${x.currency}|${x.scale}|${x.unit}`
  const n = nums.find((x) => swappable(x) && nums.every((o) => o === x || measure(o) !== measure(x)))
  if (n) {
    // "more than 1,000" stays true for any smaller figure: move a bound only where it becomes false.
    const up = /^(?:over|more than|at least|just over|above|as many as)$/i.test(n.hedge)
    const down = /^(?:less than|fewer than|up to|just under|below|under|as few as)$/i.test(n.hedge)
    // NAME: SWAP_ECHO. "an offering of two million shares, including two million to be sold by shareholders": a
    // value the sentence already gives elsewhere makes the false statement contradict itself, which shows it; a
    // value the article gives elsewhere ("repayments of 1.5 billion dollars" for 14 billion, when the deal's
    // repayments do come to 1.5 billion) may make it true of something else, so the article does not settle it.
    const para = ctx.article.paragraphs[s.paragraph] ?? ''
    const rest = [...ctx.article.paragraphs.slice(0, s.paragraph), para.slice(0, n.start) + ' ' + para.slice(n.end), ...ctx.article.paragraphs.slice(s.paragraph + 1)].join('\n')
    const alt = numberDistractors(ctx, n).find((t) => {
      const figure = /\d[\d,.]*(?:\s+(?:thousand|million|billion|trillion))?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)\b(?:\s+(?:thousand|million|billion|trillion))?/i.exec(t)?.[0]
      if (figure && new RegExp(`(?<![\\w.,])${figure.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w])`, 'i').test(rest)) return false
      const v = Number((/[\d,.]+/.exec(t)?.[0] ?? '').replace(/,/g, ''))
      if (up) return v > n.value
      if (down) return v < n.value
      return true
    })
    if (alt) return { statement: replaceSpan(s, n.start, n.end, alt), what: `“${n.text}”` }
  }
  const dates = within(ctx.dates, s)
  // A year that opens a name ("the 2018 FIFA World Cup") is part of the name, not a date to move.
  const opensName = dates.length === 1 && /^\s+[\p{Lu}]/u.test(s.text.slice(dates[0]!.end - s.start))
  // NAME: DATE_PAIR. "a strike set for March 9 and 10": a day paired with the next is a span, and moving one end
  // ("March 16 and 10") shows the edit.
  const paired = dates.length === 1 && (/^\s*(?:and|or|to|through|-|–)\s*\d/.test(s.text.slice(dates[0]!.end - s.start)) || /\d\s*(?:and|or|to|through|-|–)\s*$/.test(s.text.slice(0, dates[0]!.start - s.start)))
  if (dates.length === 1 && !paired && !dates[0]!.weekday && !inParentheses(s, dates[0]!.start) && !inRelativeAside(s, dates[0]!.start) && !opensName) {
    const d = dates[0]!
    // A near shift, never another date of the story ("By 2000" for "By 2050" would be absurd, not false).
    // A round year ("by 2050") moves by ten, any other year by three: raters called a one-year swap (1973 for
    // 1974) a quibble, not a fact the article contradicts.
    const roundYear = d.granularity === 'year' && new Date(d.time).getUTCFullYear() % 10 === 0
    const step = d.granularity === 'day' ? 7 : roundYear ? 10 : d.granularity === 'year' ? 3 : 1
    // A day stays on its side of the story's date: "the week ended May 29" in a story of June 2 is never moved to
    // June 5, a day the story has not reached (raters ruled it out by period).
    const story = storyDay(ctx.article.date)
    const sameSide = (x: number): boolean => d.granularity !== 'day' || story === null || (x <= story) === (d.time <= story)
    const t = [1, -1, 2, -2].map((k) => shiftDate(d.time, d.granularity, k * step)).find((x) => (new Date(x).getUTCFullYear() === new Date(d.time).getUTCFullYear() || d.granularity !== 'day') && sameSide(x))
    if (t !== undefined) {
      const written = d.granularity === 'day' && !/\d{4}/.test(d.text) ? formatDate(t, 'day', false).replace(/, \d{4}$/, '') : formatDate(t, d.granularity, false)
      if (!/^\d/.test(d.text) && /^[A-Z]/.test(written)) return { statement: replaceSpan(s, d.start, d.end, written), what: `“${d.text}”` }
      if (d.granularity === 'year' || d.granularity === 'decade') return { statement: replaceSpan(s, d.start, d.end, written), what: `“${d.text}”` }
    }
  }
  // Who did it: the person a sentence opens with, acting (a verb follows at once), swapped for another person
  // of the same standing the article names, so the article visibly gives the act to someone else. Never a
  // person in apposition ("Co-founder of Google, Sergey Brin, ...") or after a title, where the swap reads as
  // absurd rather than false; never an organisation, outlet or place, whose swap is merely unsupported.
  const ms = within(ctx.entities.mentions, s)
  const subject = ms[0]
  // A "his" or "her" after the swapped person may not fit the other one ("Atwood was making his final ..."), and
  // grammar would then give the swap away.
  const gendered = subject !== undefined && /\b(?:his|her|he|she|him|himself|herself)\b/i.test(s.text.slice(subject.end - s.start))
  // Person swaps are off: raters found the article often says nothing of the other person's part, so the false
  // statement was not contradicted by reading (only amounts, dates and places are swapped).
  if (PERSON_SWAPS && subject && !gendered && subject.start === s.start && subject.entity.type === 'person' && ms.filter((o) => o.entity.key === subject.entity.key).length === 1) {
    const next = s.tokens.find((t) => t.start >= subject.end)
    if (next && next.start === subject.end + 1 && (next.pos === 'VERB' || next.pos === 'AUX')) {
      const other = entityDistractors(ctx, subject.entity, new Set(ms.map((o) => o.entity.key)), 3).filter((e) => ctx.entities.byKey.has(e.key))[0]
      if (other) {
        const shownOther = ctx.entities.displayName.get(other.key) ?? other.name
        const name = subject.text.includes(' ') ? shownOther : shownOther.split(' ').pop()!
        return { statement: replaceSpan(s, subject.start, subject.end, name), what: `“${subject.text}”` }
      }
    }
  }
  // Where it happened: the one place of its kind a sentence sets something "in" or "at", swapped for a sibling place
  // of the same kind and group that the article itself names elsewhere, so the article visibly puts the event
  // somewhere else. Never a place containing or inside the other, nor one the sentence also names.
  const places = ms.filter((m) => ['city', 'country', 'region'].includes(m.entity.type))
  const place = places.length === 1 ? places[0]! : null
  if (place && !inQuote(ctx, place.paragraph, place.start, place.end) && !inParentheses(s, place.start) && /\b(?:in|at)\s$/.test(s.text.slice(0, place.start - s.start))) {
    const after = s.text.slice(place.end - s.start)
    const next = s.tokens.find((t) => t.start >= place.end)
    const modifier = next !== undefined && next.start === place.end + 1 && ['NOUN', 'PROPN', 'ADJ'].includes(next.pos)
    if (!modifier && !/^(?:-|,\s+[A-Z]|['’])/.test(after)) {
      const e = place.entity
      const related = (o: typeof e): boolean =>
        o.partOf === e.name || e.partOf === o.name || o.country === e.name || e.country === o.name || e.relatedTo.includes(o.name) || o.relatedTo.includes(e.name) || (e.type === 'city' && o.country !== e.country)
      const sibling = [...ctx.entities.byKey.values()].find((o) => o.key !== e.key && o.type === e.type && o.group === e.group && !related(o) && !ms.some((m) => m.entity.key === o.key))
      if (sibling) return { statement: replaceSpan(s, place.start, place.end, ctx.entities.displayName.get(sibling.key) ?? sibling.name), what: `“${place.text}”` }
    }
  }
  return null
}

// The sentence with its known names blanked, so a known place inside a longer name ("Malaysia Tourism") is not counted twice.
function blankMentions(text: string, offset: number, mentions: Array<{ start: number; end: number }>): string {
  let out = text
  for (const m of mentions) out = out.slice(0, m.start - offset) + '_'.repeat(m.end - m.start) + out.slice(m.end - offset)
  return out
}

// A fact in brackets ("(1999 dollars)") is a detail of another fact, not one worth a question of its own.
function inParentheses(s: Sentence, at: number): boolean {
  const before = s.text.slice(0, at - s.start)
  return before.lastIndexOf('(') > before.lastIndexOf(')')
}

/**
 * NAME: FALSE_IN_ASIDE. "TransAmerican …, which has been operating under Chapter 11 since February 1983, said it filed
 * …": a value in a relative clause set off by commas is background to the sentence's news, and a statement made
 * false only there tests a detail the story is not about.
 */
export function inRelativeAside(s: Sentence, at: number): boolean {
  return endsInAside(s.text.slice(0, at - s.start))
}
