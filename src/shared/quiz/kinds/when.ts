import { evidenceOf, makeQuestion, quoteEvidence } from '../build'
import { inQuote, standsAlone, within, type QuizContext } from '../context'
import { formatDate, shiftDate, type DateMention } from '../dates'
import type { Question } from '../model'
import type { Sentence } from '../sentences'

const PLAN = /^(?:As|When|While|Before|After)\s+(.+?)\s+(prepares|plans|intends|hopes|aims|is set|is due|is scheduled|is expected|are set|are due|are scheduled|are expected)\s+to\s+(.+)$/
const WILL = /^(.+?)\s+will\s+(.+)$/

/**
 * "When ...?" questions on dates the article resolves ("Monday" in a story of Nov 15, 2016 is Nov 14).
 * The prompt is rebuilt as a direct question from simple clause shapes: "X VERBed ... on DATE" → "When did
 * X VERB ...?", "As X prepares to VERB ... on DATE" → "When does X VERB ...?", "X will VERB ... on DATE" →
 * "When will X VERB ...?". Other shapes are left to the cloze and true/false builders.
 */
export function whenQuestions(ctx: QuizContext): Question[] {
  const out: Question[] = []
  for (const d of ctx.dates) {
    if (!['on', 'in'].includes(d.preposition)) continue
    if (inQuote(ctx, d.paragraph, d.start, d.end)) continue
    const s = ctx.sentences[d.paragraph]![d.sentence]!
    if (within(ctx.dates, s).length > 1) continue
    const prompt = rephrase(s, d)
    if (!prompt) continue
    if (!standsAlone({ ...s, text: prompt.replace(/\?$/, '.') }, [])) {
      // The rebuilt prompt may drop the leading clause that made a pronoun safe; standsAlone on the sentence decides.
      if (!standsAlone(s, ctx.entities.mentions)) continue
    }
    const answer = formatDate(d.time, d.granularity, d.weekday)
    const distractors = dateDistractors(ctx, d).map((t) => formatDate(t, d.granularity, d.weekday))
    const ev = evidenceOf(ctx, s.paragraph, s.start, s.end)
    const resolved = answer !== d.text ? ` “${d.text}” here means ${answer}.` : ''
    const q = makeQuestion('when', prompt, answer, distractors, ev, `The article says: ${quoteEvidence(ev.text)}${resolved}`)
    if (q) out.push(q)
  }
  return out
}

/** Other dates of the same granularity: the article's own first, then near shifts. */
export function dateDistractors(ctx: QuizContext, d: DateMention): number[] {
  const picked: number[] = []
  for (const o of ctx.dates) {
    if (o.granularity === d.granularity && o.time !== d.time && !picked.includes(o.time) && o.weekday === d.weekday) picked.push(o.time)
    if (picked.length >= 1) break
  }
  const steps = d.granularity === 'day' ? (d.weekday ? [-1, -2, 1, -3] : [-1, 1, 7, -7]) : [-1, 1, 2, -2]
  for (const k of steps) {
    const t = shiftDate(d.time, d.granularity, k)
    if (picked.length >= 3) break
    if (t !== d.time && !picked.includes(t)) picked.push(t)
  }
  return picked
}

function rephrase(s: Sentence, d: DateMention): string | null {
  const rel = d.start - s.start
  const before = s.text.slice(0, rel).replace(/\s*(?:on|in)\s*$/, '')
  let rest = s.text.slice(d.end - s.start)
  // Keep the main clause: what follows a comma after the date is an aside ("..., the Kremlin announced").
  const comma = rest.indexOf(',')
  const tail = comma >= 0 ? rest.slice(0, comma) : rest.replace(/[.!]["”’']?$/, '')
  rest = tail
  const clause = `${before}${rest}`.trim()
  if (/[,;:“”"]/.test(clause)) return null
  const plan = PLAN.exec(clause)
  if (plan) {
    const [, subj, verb, pred] = plan
    if (verb!.startsWith('is') || verb!.startsWith('are')) {
      const [aux, part] = verb!.split(' ')
      return `When ${aux} ${subj} ${part} to ${pred}?`
    }
    return `When does ${subj} ${pred}?`
  }
  const tokens = s.tokens.filter((t) => t.end <= d.start)
  if (tokens.length < 3) return null
  // "X VERBed ...": a proper-noun subject, then a past-tense verb whose lemma differs from the form.
  const vi = tokens.findIndex((t) => t.pos === 'VERB' || t.pos === 'AUX')
  if (vi < 1) return null
  const subjToks = tokens.slice(0, vi)
  if (!subjToks.some((t) => t.pos === 'PROPN') || subjToks.some((t) => t.pos === 'PUNCT' || t.pos === 'ADP' && t.text !== 'of')) return null
  const v = tokens[vi]!
  if (v.pos === 'AUX') {
    if (/^(?:will)$/i.test(v.text)) {
      const m = WILL.exec(clause)
      return m ? `When will ${m[1]} ${m[2]}?` : null
    }
    if (/^(?:was|were)$/.test(v.text) && tokens[vi + 1]?.pos === 'VERB') {
      const subj = s.text.slice(0, v.start - s.start).trim()
      const restOf = clause.slice(v.end - s.start).trim()
      return `When ${v.text} ${subj} ${restOf}?`
    }
    return null
  }
  if (v.lemma === v.text.toLowerCase() || !/(?:ed|[^s])$/.test(v.text) || /s$/.test(v.text)) return null
  const subj = s.text.slice(0, v.start - s.start).trim()
  const restOf = clause.slice(v.end - s.start).trim()
  return `When did ${subj} ${v.lemma} ${restOf}`.trim().replace(/\s+/g, ' ') + '?'
}
