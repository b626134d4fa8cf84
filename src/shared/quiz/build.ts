import { stableHash } from '../hash'
import type { QuizContext } from './context'
import { arrange, normalise } from './distractors'
import type { Evidence, Question, QuestionKind } from './model'

/** Evidence for a span of a paragraph: the text is sliced from the article, so it always matches. */
export function evidenceOf(ctx: QuizContext, paragraph: number, start: number, end: number): Evidence {
  const text = ctx.article.paragraphs[paragraph]!.slice(start, end)
  return { paragraph, start, end, text }
}

/**
 * Assembles a question: options arranged deterministically, answer kept exactly once, and an id derived
 * from the kind, the evidence text and the answer only, so it survives reordering and generator changes
 * elsewhere in the article. Returns null when fewer than `min` distinct options remain.
 */
export function makeQuestion(
  kind: QuestionKind,
  prompt: string,
  answer: string,
  distractors: string[],
  evidence: Evidence,
  explanation: string,
  min = 3
): Question | null {
  const seen = new Set([normalise(answer)])
  const others: string[] = []
  for (const d of distractors) {
    const n = normalise(d)
    if (!n || seen.has(n)) continue
    seen.add(n)
    others.push(d)
    if (others.length === 3) break
  }
  const options = kind === 'true-false' ? ['True', 'False'] : arrange([answer, ...others], `${kind}|${evidence.text}|${answer}`)
  if (options.length < min) return null
  return {
    id: `q-${stableHash(`${kind}|${evidence.text}|${answer}`)}`,
    kind,
    prompt,
    options,
    answer,
    evidence,
    explanation,
    // Set by the ranking once every candidate is known.
    rank: 0
  }
}

/** Turns a statement ending in "." (or `."`) into a question ending in "?". */
export function asQuestion(text: string): string {
  // A leading "But"/"And" only linked to the sentence before; a question stands alone without it.
  const t = text.trim().replace(/^(?:But|And|Yet|So),?\s+(\S)/, (_m, c: string) => c.toUpperCase())
  if (/[.!]["”’']$/.test(t)) return `${t.slice(0, -2)}${t.slice(-1)}?`
  return t.replace(/[.!]$/, '') + '?'
}

/** Quotes the evidence for an explanation, in curly quotes, with inner double quotes made single. */
export function quoteEvidence(text: string): string {
  return `“${text.replace(/[“”]/g, '‘').replace(/"/g, '’')}”`.replace(/‘([^‘]*)‘/g, '‘$1’')
}

/** Upper-cases the first letter. */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}
