import { wordCount, type Article } from '../article/model'
import { buildContext } from './context'
import { cloze } from './kinds/cloze'
import { howMany } from './kinds/how-many'
import { trueFalse } from './kinds/true-false'
import { whatQuestions } from './kinds/what'
import { whenQuestions } from './kinds/when'
import { whoDidWhat } from './kinds/who-did-what'
import { whoSaid } from './kinds/who-said'
import { whoWhatWhere } from './kinds/who-what-where'
import type { Question, QuestionKind } from './model'
import { defaultWorld, type World } from './world'

// Kinds in order of preference when a sentence could carry more questions than a learner wants to answer.
const PRIORITY: QuestionKind[] = ['who-did-what', 'when', 'who-said', 'how-many', 'who-what-where', 'true-false', 'cloze']
/** Most questions any one stretch of evidence may carry, so the quiz covers the story rather than one sentence. */
export const MAX_PER_EVIDENCE = 2
/** A quiz short of one question per this many words takes second questions on sentences already asked about. */
export const TOP_UP_WORDS = 50
/** Unbalanced plain true statements fill a quiz only up to one question per this many words: a shorter quiz beats a key of "True". */
export const FLOOR_WORDS = 60

/**
 * Generates the quiz for an article: pure, synchronous and deterministic. Every question is tied to the
 * sentence (or two) of the article that proves it; ids depend only on the kind, the evidence and the answer.
 * Questions come in reading order. `world` defaults to the curated data shipped with the app.
 */
export function generateQuiz(article: Article, world: World = defaultWorld()): Question[] {
  if (article.paragraphs.length === 0) return []
  const ctx = buildContext(article, world)
  const byKind: Record<QuestionKind, Question[]> = {
    'who-did-what': whoDidWhat(ctx),
    when: whenQuestions(ctx),
    'who-said': whoSaid(ctx),
    'how-many': howMany(ctx),
    'who-what-where': whoWhatWhere(ctx),
    'true-false': trueFalse(ctx),
    cloze: cloze(ctx),
    what: whatQuestions(ctx)
  }
  // Gaps on names, amounts and dates ask more than a true statement does; gaps on key noun phrases ask less.
  const namedGap = (q: Question): boolean => /[\p{Lu}\p{N}]/u.test(q.answer)
  // False statements come before gaps and plain true statements so the true/false key is not nearly always
  // "True"; an amount or a name is better asked with four options than as a swapped fact with two.
  const all = [
    ...(['who-did-what', 'when', 'who-said', 'how-many', 'who-what-where'] as const).flatMap((kind) => byKind[kind]),
    ...byKind['true-false'].filter((q) => q.answer === 'False'),
    ...byKind.cloze.filter(namedGap),
    ...byKind['true-false'].filter((q) => q.answer === 'True'),
    ...byKind.cloze.filter((q) => !namedGap(q))
  ]
  const perEvidence = new Map<string, Question[]>()
  const perAnswer = new Map<string, number>()
  const ids = new Set<string>()
  const chosen: Question[] = []
  const take = (q: Question): void => {
    const ek = `${q.evidence.paragraph}:${q.evidence.end}`
    ids.add(q.id)
    perEvidence.set(ek, [...(perEvidence.get(ek) ?? []), q])
    if (q.kind !== 'true-false') perAnswer.set(q.answer.toLowerCase(), (perAnswer.get(q.answer.toLowerCase()) ?? 0) + 1)
    chosen.push(q)
  }
  // Questions are grouped by the last sentence of their evidence: the sentence they ask about (the one before it,
  // when present, only names who "he" is).
  // The same person or place as the key again and again makes a dull quiz; true/false keys are exempt.
  const answerOk = (q: Question, cap = 3): boolean => q.kind === 'true-false' || (perAnswer.get(q.answer.toLowerCase()) ?? 0) < cap
  // Plain true statements and gaps on common nouns test least; they only fill a quiz that is otherwise short.
  const filler = (q: Question): boolean => (q.kind === 'true-false' && q.answer === 'True') || (q.kind === 'cloze' && !namedGap(q))
  // First pass: one question per sentence, the best kind first, so no question gives away another's answer.
  for (const q of all) {
    if (ids.has(q.id) || !answerOk(q) || filler(q)) continue
    if ((perEvidence.get(`${q.evidence.paragraph}:${q.evidence.end}`) ?? []).length === 0) take(q)
  }
  // Then, only for articles short of about one question per 50 words: fillers on sentences not yet asked about,
  // then a second question on a sentence, never beside a true/false statement (which would show the other's
  // answer) nor on the same answer.
  const target = Math.ceil(wordCount(article) / TOP_UP_WORDS)
  const count = (answer: string): number => chosen.filter((c) => c.kind === 'true-false' && c.answer === answer).length
  // A key of mostly "True" is guessed rather than read: plain true statements top up only while they do not
  // outnumber the false ones by more than one; then second questions on a name, amount or date; and only if the
  // quiz is still short of one question per FLOOR_WORDS words, the rest of the fillers.
  const fillers = (balanced: boolean, upTo: number): void => {
    for (const q of all) {
      if (chosen.length >= upTo) break
      if (balanced && ((q.kind === 'true-false' && q.answer === 'True' && count('True') > count('False')) || (q.kind === 'cloze' && filler(q)))) continue
      const ek = `${q.evidence.paragraph}:${q.evidence.end}`
      if (!ids.has(q.id) && answerOk(q, 5) && (perEvidence.get(ek) ?? []).length === 0) take(q)
    }
  }
  fillers(true, target)
  for (const q of all) {
    if (chosen.length >= target) break
    if (ids.has(q.id) || !answerOk(q, 5) || q.kind === 'true-false' || filler(q)) continue
    const there = perEvidence.get(`${q.evidence.paragraph}:${q.evidence.end}`) ?? []
    if (there.length >= MAX_PER_EVIDENCE || there.some((o) => o.kind === 'true-false' || o.answer === q.answer)) continue
    take(q)
  }
  fillers(false, Math.ceil(wordCount(article) / FLOOR_WORDS))
  chosen.forEach((q, i) => (q.rank = i + 1))
  return chosen.sort((a, b) => a.evidence.paragraph - b.evidence.paragraph || a.evidence.start - b.evidence.start || PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind))
}
