import type { Article } from '../article/model'
import { buildContext } from './context'
import { cloze } from './kinds/cloze'
import { howMany } from './kinds/how-many'
import { trueFalse } from './kinds/true-false'
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
    cloze: cloze(ctx)
  }
  const perEvidence = new Map<string, number>()
  const perAnswer = new Map<string, number>()
  const ids = new Set<string>()
  const chosen: Question[] = []
  for (const kind of PRIORITY) {
    for (const q of byKind[kind]) {
      if (ids.has(q.id)) continue
      const ek = `${q.evidence.paragraph}:${q.evidence.start}`
      if ((perEvidence.get(ek) ?? 0) >= MAX_PER_EVIDENCE) continue
      // The same person or place as the key again and again makes a dull quiz; true/false keys are exempt.
      const ak = q.kind === 'true-false' ? null : q.answer.toLowerCase()
      if (ak && (perAnswer.get(ak) ?? 0) >= 3) continue
      ids.add(q.id)
      perEvidence.set(ek, (perEvidence.get(ek) ?? 0) + 1)
      if (ak) perAnswer.set(ak, (perAnswer.get(ak) ?? 0) + 1)
      chosen.push(q)
    }
  }
  return chosen.sort((a, b) => a.evidence.paragraph - b.evidence.paragraph || a.evidence.start - b.evidence.start || PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind))
}
