import { asQuestion, capitalise, evidenceOf, makeQuestion, quoteEvidence } from '../build'
import { inQuote, resolveLeadingPronoun, resolveParagraphOpening, standsAlone, within, type QuizContext } from '../context'
import { entityDistractors } from '../distractors'
import type { Question } from '../model'
import type { Sentence } from '../sentences'
import { answerForm, boundInPlace, echoedElsewhere, shown, soleAnswer, whPhrase } from './shared'

/**
 * "Who / which organisation / which country ...?" questions: a person, organisation, outlet or place in a
 * sentence that stands alone is replaced by a question word. At the start of the sentence it makes a subject
 * question ("Who defeated ...?"); elsewhere an in-place question ("Trump told which newspaper that ...?").
 */
export function whoWhatWhere(ctx: QuizContext): Question[] {
  const out: Question[] = []
  for (const para of ctx.sentences) {
    for (const s of para) {
      const resolved = resolveLeadingPronoun(ctx, s)
      if (resolved && /^\s+(?:also\s+|then\s+|later\s+)?(?:[a-z]+ed|said|told|made|took|gave|met|won|lost|left|went|came|became|began|wrote|sent|brought|held|has|had|was|is|will|would|could)\b/.test(resolved.rest)) {
        // "He also told the Washington Post ..." → "Who also told the Washington Post ...?", proved by both sentences.
        const answer = answerForm(ctx, resolved.person)
        const exclude = new Set(within(ctx.entities.mentions, s).map((o) => o.entity.key))
        const distractors = entityDistractors(ctx, resolved.person.entity, exclude).map((e) => shown(ctx, e))
        const ev = evidenceOf(ctx, s.paragraph, resolved.previous.start, s.end)
        const q = makeQuestion('who-what-where', asQuestion(`${capitalise(whPhrase(resolved.person.entity, true))}${resolved.rest}`), answer, distractors, ev, `The article says: ${quoteEvidence(ev.text)}`)
        if (q) out.push(q)
      }
      out.push(...afterOpeningPronoun(ctx, s))
      if (!standsAlone(s, ctx.entities.mentions)) continue
      const ms = within(ctx.entities.mentions, s)
      for (const m of ms) {
        if (inQuote(ctx, m.paragraph, m.start, m.end)) continue
        if (!soleAnswer(s.text, s.start, m, ms) || echoedElsewhere(s.text, s.start, m, ctx.world.demonyms)) continue
        const rel = m.start - s.start
        const lead = s.text.slice(0, rel)
        const subject = lead === '' || /^the $/i.test(lead)
        const nextTok = s.tokens.find((t) => t.start >= m.end)
        if (subject && (!nextTok || !['VERB', 'AUX', 'ADV'].includes(nextTok.pos))) continue
        // A name used as a modifier ("US allies", "NATO efforts") or as the source of a closing attribution
        // (", the Kremlin announced") cannot take a question word in place.
        if (!subject && boundInPlace(m, s.text, s.start, s.tokens)) continue
        if (!subject && /^\s+(?:also\s+)?(?:said|says|announced|added|told|reported|stated|confirmed)\b/.test(s.text.slice(m.end - s.start))) continue
        if (!subject && s.text.split(/\s+/).length > 50) continue
        // "Chile will additionally join; it has, however, been cautious": after the question word, "it" would dangle.
        if (/;\s+(?:it|he|she|they|this)\b/i.test(s.text.slice(m.end - s.start))) continue
        // In place, the question word must follow a plain word ("told the", "with"), not a bracket or a list.
        if (!subject && (!/\b[a-z]+\s(?:the\s)?$/.test(lead) || /\bthat\s/.test(lead))) continue
        // Titles and descriptors right before a name ("Republican frontman Trump") would survive the swap and give it away.
        const embeddedSubject = !!nextTok && nextTok.start === m.end + 1 && ['VERB', 'AUX'].includes(nextTok.pos)
        const wh = whPhrase(m.entity, subject || embeddedSubject)
        const cut = /\bthe $/i.test(lead) ? rel - 4 : rel
        const body = subject ? capitalise(wh) + s.text.slice(m.end - s.start) : s.text.slice(0, cut) + wh + s.text.slice(m.end - s.start)
        const exclude = new Set(ms.map((o) => o.entity.key))
        const answer = answerForm(ctx, m)
        const distractors = entityDistractors(ctx, m.entity, exclude).map((e) => shown(ctx, e))
        const ev = evidenceOf(ctx, s.paragraph, s.start, s.end)
        const q = makeQuestion('who-what-where', asQuestion(body), answer, distractors, ev, `The article says: ${quoteEvidence(ev.text)}`)
        if (q) out.push(q)
      }
    }
  }
  // Subject questions read best; in-place ones come after them, so the per-sentence limit keeps the better.
  return out.sort((a, b) => Number(/^Who |^Which /.test(b.prompt)) - Number(/^Who |^Which /.test(a.prompt)))
}

/**
 * "He also told the Washington Post that ..." opening a paragraph, with "he" the one person the paragraph before
 * ends on: an in-place question on a name this sentence holds ("Donald Trump also told which newspaper ...?"),
 * proved by this sentence alone; the explanation says whom "he" means and where the article names him.
 */
function afterOpeningPronoun(ctx: QuizContext, s: Sentence): Question[] {
  const resolved = resolveParagraphOpening(ctx, s)
  if (!resolved) return []
  const out: Question[] = []
  const ms = within(ctx.entities.mentions, s)
  const name = answerForm(ctx, resolved.person)
  for (const m of ms) {
    if (!soleAnswer(s.text, s.start, m, ms) || echoedElsewhere(s.text, s.start, m, ctx.world.demonyms) || boundInPlace(m, s.text, s.start, s.tokens)) continue
    const rel = m.start - s.start
    const lead = s.text.slice(0, rel)
    if (!/\b[a-z]+\s(?:the\s)?$/.test(lead) || /\bthat\s/.test(lead)) continue
    const nextTok = s.tokens.find((t) => t.start >= m.end)
    const embeddedSubject = !!nextTok && nextTok.start === m.end + 1 && ['VERB', 'AUX'].includes(nextTok.pos)
    const cut = /\bthe $/i.test(lead) ? rel - 4 : rel
    const body = name + s.text.slice(resolved.pronoun.length, cut) + whPhrase(m.entity, embeddedSubject) + s.text.slice(m.end - s.start)
    const distractors = entityDistractors(ctx, m.entity, new Set(ms.map((o) => o.entity.key))).map((e) => shown(ctx, e))
    const ev = evidenceOf(ctx, s.paragraph, s.start, s.end)
    const explanation = `The article says: ${quoteEvidence(ev.text)} “${resolved.pronoun}” is ${name}, named just before: ${quoteEvidence(resolved.previous.text)}`
    const q = makeQuestion('who-what-where', asQuestion(body), answerForm(ctx, m), distractors, ev, explanation)
    if (q) out.push(q)
  }
  return out
}
