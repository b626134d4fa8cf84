import type { Question } from './model'

/** Words per question in a first quiz: about one question per this many words of article. */
export const WORDS_PER_QUESTION = 50
/** The default most questions one round of a quiz asks (a setting: see the renderer's settings). */
export const DEFAULT_ROUND_SIZE = 20

/**
 * How many questions one round of an article's quiz asks: about one per `WORDS_PER_QUESTION` words, at least
 * one, at most `limit` (the user's setting).
 */
export function roundSize(words: number, limit: number = DEFAULT_ROUND_SIZE): number {
  return Math.max(1, Math.min(Math.max(1, Math.floor(limit)), Math.ceil(words / WORDS_PER_QUESTION)))
}

/** Reading order: by paragraph, then by where the evidence starts. */
export function inReadingOrder(questions: readonly Question[]): Question[] {
  return [...questions].sort((a, b) => a.evidence.paragraph - b.evidence.paragraph || a.evidence.start - b.evidence.start || a.rank - b.rank)
}

/**
 * Splits an article's questions into rounds: round 0 holds the `size` best-ranked questions, round 1 the next
 * `size`, and so on; each round is shown in reading order. Every question is in exactly one round, so a long
 * article is studied in rounds and nothing is lost.
 */
export function quizRounds(questions: readonly Question[], size: number): Question[][] {
  const ranked = [...questions].sort((a, b) => a.rank - b.rank)
  const step = Math.max(1, Math.floor(size))
  const rounds: Question[][] = []
  for (let i = 0; i < ranked.length; i += step) rounds.push(inReadingOrder(ranked.slice(i, i + step)))
  return rounds
}
