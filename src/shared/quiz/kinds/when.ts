import { evidenceOf, makeQuestion, quoteEvidence } from '../build'
import { inQuote, standsAlone, within, type QuizContext } from '../context'
import { formatDate, shiftDate, type DateMention } from '../dates'
import type { Question } from '../model'
import type { Sentence } from '../sentences'

const PLAN = /^(?:As|When|While|Before|After)\s+(.+?)\s+(prepares|plans|intends|hopes|aims|is set|is due|is scheduled|is expected|are set|are due|are scheduled|are expected)\s+to\s+(.+)$/

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
  const fits = storySide(ctx, d)
  for (const o of ctx.dates) {
    if (!fits(o.time)) continue
    // Another date of the same sentence ("between July 2003 and December 2004") is part of the same fact.
    if (ctx.dates.some((x) => x.paragraph === d.paragraph && x.sentence === d.sentence && x.time === o.time)) continue
    if (o.granularity === d.granularity && o.time !== d.time && !picked.includes(o.time) && o.weekday === d.weekday) picked.push(o.time)
    if (picked.length >= 1) break
  }
  const steps = d.granularity === 'day' ? (d.weekday ? [-1, -2, 1, -3, 2, -4, 3, -5, 4] : [-1, 1, 7, -7]) : [-1, 1, 2, -2, 3, -3, 4]
  // NAME: WEEKEND_CLASS. "Thai stock prices plunged on Tuesday": with weekdays shown, a Sunday beside a trading day
  // is ruled out by the calendar, so a shown weekday is offered only beside days of its kind (weekday or weekend).
  const weekend = (t: number): boolean => [0, 6].includes(new Date(t).getUTCDay())
  for (const k of steps) {
    const t = shiftDate(d.time, d.granularity, k)
    if (picked.length >= 3) break
    if (d.weekday && weekend(t) !== weekend(d.time)) continue
    if (t !== d.time && fits(t) && !picked.includes(t) && !ctx.dates.some((o) => o.paragraph === d.paragraph && o.sentence === d.sentence && o.time === t && o.granularity === d.granularity)) picked.push(t)
  }
  return picked
}

/**
 * NAME: STORY_SIDE. A year ahead of the story's own year (a plan: "expected in 1988") is offered beside other years
 * ahead of it, and a year before it beside other years before it: a year on the other side of the story's date is
 * ruled out by period (a 1987 story cannot expect something in 1977). Other granularities, and articles without a
 * date, are not limited.
 */
export function storySide(ctx: QuizContext, d: DateMention): (time: number) => boolean {
  if (d.granularity !== 'year' || !ctx.article.date) return () => true
  const story = Number(ctx.article.date.slice(0, 4))
  const key = new Date(d.time).getUTCFullYear()
  if (key === story) return () => true
  return (t) => Math.sign(new Date(t).getUTCFullYear() - story) === Math.sign(key - story)
}

const SAY_VERB = /^(?:said|stated|told|reported|announced|claimed|added|wrote|says|tells)$/
const ASIDE = /^,\s+(?:with\b|saying\b|according\b|and\b|but\b|while\b|whilst\b|(?:the\s+)?[A-Z][\p{L}]*(?:\s+[A-Z][\p{L}]*)*\s+(?:said|announced|reported|added)\b)/u

function rephrase(s: Sentence, d: DateMention): string | null {
  const prepStart = s.text.slice(0, d.start - s.start).search(/\s*(?:on|in)\s*$/)
  if (prepStart < 0) return null
  const atStart = prepStart === 0
  const cutFrom = s.start + prepStart
  let post = s.text.slice(d.end - s.start)
  let postOffset = d.end
  if (atStart) {
    const m = /^,?\s*/.exec(post)!
    post = post.slice(m[0].length)
    postOffset += m[0].length
  }
  // Keep the main clause: what follows a comma after the date may only be an aside ("..., the Kremlin announced").
  const pre = atStart ? '' : s.text.slice(0, prepStart)
  const comma = post.indexOf(',')
  const leadingClause = PLAN.test(`${pre}${comma >= 0 ? post.slice(0, comma) : ''}`.trim())
  if (comma >= 0 && !leadingClause && !ASIDE.test(post.slice(comma))) return null
  let tail = comma >= 0 ? post.slice(0, comma) : post.replace(/[.!]["”’']?$/, '')
  // "told reporters on Monday that ...": the reported words are not part of when it happened.
  if (/^\s+that\b/.test(tail)) tail = ''
  const clause = `${pre}${atStart ? '' : ''}${tail}`.trim()
  if (/[,;:]/.test(clause) || !clause) return null
  const plan = PLAN.exec(clause)
  if (plan) {
    const [, subj, verb, pred] = plan
    if (verb!.startsWith('is') || verb!.startsWith('are')) {
      const [aux, part] = verb!.split(' ')
      return `When ${aux} ${subj} ${part} to ${pred}?`
    }
    return `When does ${subj} ${pred}?`
  }
  // Tokens of the clause, in order, without the date and its preposition.
  const clauseEnd = postOffset + tail.length
  let tokens = s.tokens.filter((t) => (t.end <= cutFrom || (t.start >= postOffset && t.start < clauseEnd)) && !(atStart && t.end <= postOffset))
  while (tokens.length && tokens[tokens.length - 1]!.pos === 'PUNCT') tokens = tokens.slice(0, -1)
  let skip = 0
  while (tokens[skip] && ['CCONJ', 'ADV'].includes(tokens[skip]!.pos)) skip++
  tokens = tokens.slice(skip)
  if (tokens.length < 3) return null
  const textOf = (from: number, to: number): string => tokens.slice(from, to).map((t, i, a) => (i > 0 && a[i - 1]!.end === t.start ? '' : ' ') + t.text).join('').trim()
  // "President-elect" is a noun here, not the verb "elect".
  const vi = tokens.findIndex((t, i) => (t.pos === 'VERB' || t.pos === 'AUX') && tokens[i - 1]?.text !== '-' && !/ing$/.test(t.text))
  if (vi < 1 || vi > 8) return null
  const subjToks = tokens.slice(0, vi)
  if (!subjToks.some((t) => t.pos === 'PROPN' || t.pos === 'NOUN') || subjToks.some((t) => ['PRON', 'NUM'].includes(t.pos) || (t.pos === 'PUNCT' && t.text !== '-') || (t.pos === 'ADP' && t.text !== 'of'))) return null
  if (subjToks[0]!.pos === 'DET' && !/^(?:The|A|An)$/.test(subjToks[0]!.text)) return null
  const subj = lowerFirst(textOf(0, vi))
  const v = tokens[vi]!
  // The date must belong to the main verb: another verb before it ("stated Montalvo left ... on") means it does not.
  const beforeDate = tokens.slice(vi + 1).filter((t) => t.end <= cutFrom)
  if (beforeDate.some((t) => t.pos === 'VERB' && /ed$/.test(t.text) && tokens.indexOf(t) > vi + 1)) return null
  if (SAY_VERB.test(v.text) && beforeDate.length === 0) return null
  if (v.pos === 'AUX') {
    if (v.text === 'will') return `When will ${subj} ${textOf(vi + 1, tokens.length)}?`
    const next = tokens[vi + 1]
    if (/^(?:was|were)$/.test(v.text) && next && next.pos === 'VERB' && /(?:ed|en|wn|lt|nt|ne)$/.test(next.text)) return `When ${v.text} ${subj} ${textOf(vi + 1, tokens.length)}?`
    return null
  }
  if (v.lemma === v.text.toLowerCase() || /s$/.test(v.text)) return null
  if (tokens.length - vi - 1 < 1) return `When did ${subj} ${v.lemma}?`
  return `When did ${subj} ${v.lemma} ${textOf(vi + 1, tokens.length)}?`
}

// "The team" inside a question becomes "the team"; names keep their capitals.
function lowerFirst(subj: string): string {
  return /^(?:The|A|An)\s/.test(subj) ? subj.charAt(0).toLowerCase() + subj.slice(1) : subj
}
