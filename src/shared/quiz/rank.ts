import { stableHash } from '../hash'
import { storyCast, within, type QuizContext } from './context'
export { storyCast } from './context'
import { contentWords, evidenceSentences, HAS_FIGURE, type GateContext } from './gates'
import type { Question, QuestionKind } from './model'

/**
 * Importance: how central a question's fact is to the story. Each part is named so `--explain` can show why a
 * question ranks where it does. The lead and the headline, the people and places the story is about, quoted
 * claims, and the dates and figures of the main event rank above asides and background.
 */
export interface Importance {
  score: number
  parts: Record<string, number>
}

// What a kind asks: an act and its actors first, a bare true statement last (it tests recognition more than reading).
const KIND_WEIGHT: Record<QuestionKind, number> = {
  'who-did-what': 2,
  what: 1.5,
  'who-said': 1.6,
  when: 1,
  'how-many': 1,
  'who-what-where': 0.6,
  cloze: 0.2,
  'true-false': 0.3
}

/** Scores one question; pure, deterministic. `cast` and `title` are computed once per article. */
export function importance(q: Question, g: GateContext, cast: Set<string>, title: Set<string>): Importance {
  const parts: Record<string, number> = {}
  const p = q.evidence.paragraph
  parts.lead = p === 0 ? 3 : p === 1 ? 2 : Math.max(0, 1.6 - 0.2 * (p - 2))
  const ev = contentWords(q.evidence.text)
  parts.headline = Math.min(3, 0.6 * ev.filter((w) => title.has(w)).length)
  const named = within(g.ctx.entities.mentions, q.evidence)
  const castNamed = new Set(named.filter((m) => cast.has(m.entity.key)).map((m) => m.entity.key))
  parts.cast = Math.min(2, castNamed.size)
  parts.kind = KIND_WEIGHT[q.kind]
  // A sentence that can be stated true or false is stated one way or the other by a hash of its text, so about half
  // the keys are "True" and neither version is systematically preferred.
  if (q.kind === 'true-false') parts.kind += (stableHash(q.evidence.text).charCodeAt(0) % 2 === 0) === (q.answer === 'True') ? 0.05 : 0
  if (g.year !== null && g.ctx.article.date) {
    const at = Date.parse(`${g.ctx.article.date}T00:00:00Z`)
    const near = g.ctx.dates.some((d) => d.paragraph === p && d.start >= q.evidence.start && d.end <= q.evidence.end && Math.abs(d.time - at) <= 21 * 86_400_000)
    if (near) parts.eventDate = 1
  }
  const sentences = evidenceSentences(q, g.ctx)
  // A long sentence packs asides around its fact; a short one is usually the fact itself.
  const length = sentences.reduce((n, s) => n + s.text.split(/\s+/).length, 0)
  if (length > 35) parts.length = -0.5
  const score = Object.values(parts).reduce((a, b) => a + b, 0)
  return { score: Math.round(score * 100) / 100, parts }
}

/** From this paragraph on (0-based: the third), a figure is a detail (DEEP_DETAIL). */
export const DEEP_PARAGRAPH = 2

/** Below this centrality (the score without its kind part) a figure or a gap asks about background. */
export const MIN_FIGURE_CENTRALITY = 2

/**
 * NAME: WORTH_ASKING. A gap or a "how many" whose sentence is far from the lead, shares little with the headline and
 * names none of the story's cast asks about background: a firm's revenue of the year before in a takeover story,
 * the spread of an earlier bond issue. Over five readings of unseen newswire (200 questions), both raters passed 7
 * of 29 such questions below the line, 10 of 26 between 2 and 3, and 25 of 51 from 3 up.
 */
export function background(q: Question, imp: Importance): string | null {
  const deep = deepDetail(q)
  if (deep) return deep
  if (q.kind !== 'cloze' && q.kind !== 'how-many') return null
  const centrality = imp.score - (imp.parts.kind ?? 0)
  return centrality < MIN_FIGURE_CENTRALITY ? `background: centrality ${Math.round(centrality * 100) / 100} (lead, headline, cast, event date) is below ${MIN_FIGURE_CENTRALITY}` : null
}

/**
 * NAME: DEEP_DETAIL. News puts its facts first. Over eleven readings of unseen newswire (440 questions), both raters
 * passed figures (a "how many", or a gap whose key is a figure) from the lead 21 of 30 times, from the second
 * paragraph 13 of 25, and from further down 54 of 149. Past the second paragraph a figure is a detail, never asked:
 * the twelfth reading failed both such figures that a quiz below its floor had kept (a 1986 limit on a holding, a
 * firm's head count in its twelfth paragraph), so an empty place in a quiz is better than a guess at trivia.
 */
export function deepDetail(q: Question): string | null {
  const figure = q.kind === 'how-many' || (q.kind === 'cloze' && HAS_FIGURE.test(q.answer))
  return figure && q.evidence.paragraph >= DEEP_PARAGRAPH ? `background: a figure from paragraph ${q.evidence.paragraph + 1}, past the story's opening` : null
}

/** The title's content words, for the headline part of the score. */
export function titleWords(ctx: QuizContext): Set<string> {
  return new Set(contentWords(ctx.article.title))
}
