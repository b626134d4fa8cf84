import { asQuestion, capitalise, evidenceOf, makeQuestion, quoteEvidence } from '../build'
import { inQuote, standsAlone, within, type QuizContext } from '../context'
import { nearbyValues, numberValue, rewriteNumber, type NumberMention } from '../numbers'
import type { Question } from '../model'

/**
 * "How many / how much ...?" questions on amounts with what they count ("almost 70 years"). The amount is
 * replaced in place by "how many <unit>" (or "how much" for money, "what percentage" for shares), so the
 * prompt keeps the article's own wording; options keep the answer's hedge, unit and way of writing numbers.
 */
export function howMany(ctx: QuizContext): Question[] {
  const out: Question[] = []
  for (const n of ctx.numbers) {
    if (inQuote(ctx, n.paragraph, n.start, n.end)) continue
    const s = ctx.sentences[n.paragraph]![n.sentence]!
    if (!standsAlone(s, ctx.entities.mentions)) continue
    if (s.text.split(/\s+/).length > 55) continue
    const same = within(ctx.numbers, s).filter((o) => o.unit === n.unit && o.currency === n.currency)
    if (same.length > 1) continue
    const rel = n.start - s.start
    const lead = s.text.slice(0, rel)
    // In place, "how many" must follow a verb or preposition ("passing", "on"), never an adjective ("a record").
    const prevTok = [...s.tokens].reverse().find((t) => t.end <= n.start)
    if (rel > 0 && (!prevTok || !['ADP', 'VERB', 'AUX', 'SCONJ', 'PART'].includes(prevTok.pos))) continue
    if (/\b(?:a|an|the|per|by)\s$/i.test(lead)) continue
    const wh = n.currency ? 'how much' : n.unit === '%' || /^per ?cent$/i.test(n.unit) ? 'what percentage' : `how many ${n.unit}`
    if (n.currency && n.unit) continue
    const body = rel === 0 ? capitalise(wh) + s.text.slice(n.end - s.start) : s.text.slice(0, rel) + wh + s.text.slice(n.end - s.start)
    const answer = n.text.replace(/^./, (c) => (rel === 0 ? c.toUpperCase() : c))
    const distractors = numberDistractors(ctx, n)
    const ev = evidenceOf(ctx, s.paragraph, s.start, s.end)
    const q = makeQuestion('how-many', asQuestion(body), answer, distractors, ev, `The article says: ${quoteEvidence(ev.text)}`)
    if (q) out.push(q)
  }
  return out
}

/** Other amounts of the same kind: the article's own with the same unit, then nearby values. */
export function numberDistractors(ctx: QuizContext, n: NumberMention): string[] {
  const out: string[] = []
  for (const o of ctx.numbers) {
    if (o !== n && o.unit !== '%' && o.unit === n.unit && o.currency === n.currency && o.scale === n.scale && o.value !== n.value && o.style === n.style) out.push(rewriteNumber(n, o.value))
    if (out.length >= 1) break
  }
  for (const v of nearbyValues(n.value, n.style, n.unit === '%' || /^per ?cent$/i.test(n.unit))) out.push(rewriteNumber(n, v))
  // A figure the same sentence gives for something else ("the Titan 4's $400 million") is ruled out by reading it.
  const sentence = ctx.sentences[n.paragraph]![n.sentence]!.text
  const inSentence = (t: string): boolean => {
    const num = (/\d[\d,.]*\d|\d/.exec(t) ?? [''])[0]
    return num !== '' && new RegExp(`(?<![\\d,.])${num.replace(/[.]/g, '\\.')}(?![\\d,]|\\.\\d)${n.scale ? `\\s+${n.scale}` : ''}`).test(sentence)
  }
  // "more than 11,000" is still true of "more than 1,000": a bound only has wrong options on its far side.
  const up = /^(?:over|more than|at least|just over|above)$/i.test(n.hedge)
  const down = /^(?:less than|fewer than|up to|just under|below|under)$/i.test(n.hedge)
  // The figure in an option, in digits or in words ("More than three billion people").
  const value = (t: string): number => {
    const digits = /\d[\d,]*(?:\.\d+)?/.exec(t)
    if (digits) return Number(digits[0].replace(/,/g, ''))
    return t.split(/\s+/).map(numberValue).find((v) => !Number.isNaN(v)) ?? NaN
  }
  const beyond = (t: string): boolean => !(up && value(t) < n.value) && !(down && value(t) > n.value)
  return out.filter((t) => t !== n.text && !inSentence(t) && beyond(t))
}
