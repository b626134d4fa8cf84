import { evidenceOf, makeQuestion, quoteEvidence } from '../build'
import { inQuote, standsAlone, withoutLeadingConjunction, within, type QuizContext } from '../context'
import { formatDate } from '../dates'
import { entityDistractors } from '../distractors'
import type { Question } from '../model'
import { dateDistractors } from './when'
import { numberDistractors } from './how-many'
import { boundInPlace, echoedElsewhere, shown, soleAnswer } from './shared'

/** The blank shown in cloze prompts. */
export const BLANK = '_____'

/**
 * Fill-the-gap questions on a sentence's key terms only: a name, an amount or a date, with options of the
 * same type, so grammar never gives the answer away. Every name, amount or date in a sentence may be a gap; the
 * generator keeps one per sentence, and a second only to top up a short quiz.
 */
export function cloze(ctx: QuizContext): Question[] {
  const out: Question[] = []
  for (const para of ctx.sentences) {
    for (const s of para) {
      if (!standsAlone(s, ctx.entities.mentions)) continue
      if (s.text.split(/\s+/).length > 40) continue
      const ev = evidenceOf(ctx, s.paragraph, s.start, s.end)
      const gap = (start: number, end: number): string =>
        `Fill the gap: ${withoutLeadingConjunction(`${s.text.slice(0, start - s.start)}${BLANK}${s.text.slice(end - s.start)}`)}`
      const made: Question[] = []
      const ms = within(ctx.entities.mentions, s)
      for (const m of [...ms].reverse()) {
        if (inQuote(ctx, m.paragraph, m.start, m.end) || !soleAnswer(s.text, s.start, m, ms)) continue
        if (boundInPlace(m, s.text, s.start, s.tokens) || echoedElsewhere(s.text, s.start, m, ctx.world.demonyms)) continue
        // "like the _____" fits "U.S." but not "Japan": a place after a kept "the" is given away by grammar.
        if (['country', 'city', 'region'].includes(m.entity.type) && /\bthe\s$/i.test(s.text.slice(0, m.start - s.start))) continue
        if (m.entity.type === 'person' && !m.text.includes(' ') && m.start !== s.start) continue
        const answer = m.text.replace(/^the\s+/i, '')
        const start = m.end - answer.length
        const distractors = entityDistractors(ctx, m.entity, new Set(ms.map((o) => o.entity.key))).map((e) => (m.text.includes(' ') || m.entity.type !== 'person' ? shown(ctx, e) : shown(ctx, e).split(' ').pop()!))
        const q = makeQuestion('cloze', gap(start, m.end), answer, distractors, ev, `The article says: ${quoteEvidence(ev.text)}`)
        if (q) made.push(q)
      }
      for (const n of within(ctx.numbers, s)) {
        if (inQuote(ctx, n.paragraph, n.start, n.end)) continue
        // "the two leaders": the article already fixed the number, so the gap is guessable from the story's cast.
        if (/\b(?:the|these|those|both|all|a|an)\s$/i.test(s.text.slice(0, n.start - s.start))) continue
        const q = makeQuestion('cloze', gap(n.start, n.end), n.text, numberDistractors(ctx, n), ev, `The article says: ${quoteEvidence(ev.text)}`)
        if (q) made.push(q)
      }
      for (const d of within(ctx.dates, s)) {
        if (d.weekday || inQuote(ctx, d.paragraph, d.start, d.end)) continue
        // A dateline's date ("November 17, Brisbane, Australia - ...") is when the report was filed, not a fact of the story.
        if (d.start === s.start && /^,\s[^–—.]{0,40}?\s[-–—]\s/.test(s.text.slice(d.end - s.start))) continue
        const withYear = /\d{4}/.test(d.text) || d.granularity !== 'day'
        const fmt = (t: number): string => (withYear ? formatDate(t, d.granularity, false) : formatDate(t, 'day', false).replace(/, \d{4}$/, ''))
        if (fmt(d.time) !== d.text) continue
        const q = makeQuestion('cloze', gap(d.start, d.end), d.text, dateDistractors(ctx, d).map(fmt), ev, `The article says: ${quoteEvidence(ev.text)}`)
        if (q) made.push(q)
      }
      for (const k of within(ctx.keyTerms, s)) {
        // Only compound terms ("iodine intake", "brain damage"): a single common noun is too often guessed by meaning.
        if (made.length || !k.text.includes(' ') || inQuote(ctx, k.paragraph, k.start, k.end)) continue
        const lead = s.text.slice(0, k.start - s.start)
        // After "a"/"an" the article's sound gives the answer away; a term twice in the sentence fills its own gap.
        if (/\b(?:a|an)\s$/i.test(lead) || s.text.toLowerCase().split(k.text.toLowerCase()).length > 2) continue
        const seen = new Set([k.head])
        const distractors: string[] = []
        for (const o of ctx.keyTerms) {
          if (seen.has(o.head) || o.plural !== k.plural || s.text.toLowerCase().includes(o.head)) continue
          if (o.text.split(' ').length !== k.text.split(' ').length) continue
          // A sibling term ("iodine intake" for "iodine deficiency") fits the gap as well as the answer does
          // grammatically, so only reading tells them apart; unrelated terms are guessed by meaning.
          const words = new Set(k.text.toLowerCase().split(' '))
          if (!o.text.toLowerCase().split(' ').some((w) => words.has(w))) continue
          seen.add(o.head)
          distractors.push(o.text.toLowerCase())
        }
        if (distractors.length < 2) continue
        const q = makeQuestion('cloze', gap(k.start, k.end), k.text, distractors.slice(0, 3), ev, `The article says: ${quoteEvidence(ev.text)}`)
        if (q) made.push(q)
      }
      out.push(...made)
    }
  }
  return out
}
