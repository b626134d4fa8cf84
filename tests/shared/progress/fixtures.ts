import type { Question } from '@shared/quiz/model'
import type { ArticleRef } from '@shared/progress/model'

/** A fixed instant: 2026-11-28T10:00:00Z. */
export const T0 = Date.parse('2026-11-28T10:00:00Z')
export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

/** A question built in the test (the generator returns none yet); `n` makes ids and texts distinct. */
export function question(articleId: string, n: number, kind: Question['kind'] = 'who-said'): Question {
  const options = kind === 'true-false' ? ['True', 'False'] : [`Option A${n}`, `Option B${n}`, `Option C${n}`, `Option D${n}`]
  const text = `Sentence ${n} of ${articleId}.`
  return {
    id: `${articleId}-q${n}`,
    kind,
    prompt: `Question ${n} about ${articleId}?`,
    options,
    answer: options[0]!,
    evidence: { paragraph: n, start: 0, end: text.length, text },
    explanation: `Because of sentence ${n}.`,
    rank: n
  }
}

export function quiz(articleId: string, count: number): Question[] {
  return Array.from({ length: count }, (_, i) => question(articleId, i + 1))
}

export function article(id: string): ArticleRef {
  return { id, title: `Title of ${id}` }
}

/** A wrong option of `q`. */
export function wrong(q: Question): string {
  return q.options.find((o) => o !== q.answer)!
}

/** Deterministic ids: `prefix-1`, `prefix-2`, ... */
export function counterIds(prefix = 'id'): () => string {
  let n = 0
  return () => `${prefix}-${++n}`
}
