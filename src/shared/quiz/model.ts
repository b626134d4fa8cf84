/**
 * The quiz model: what the generator produces and what the quiz, the review and the progress store use.
 * A question's `id` is stable for the same article text across runs and releases, because progress is keyed by it.
 */
export type QuestionKind =
  | 'who-did-what' // "Who called whom?"
  | 'when' // dates resolved against the article's date
  | 'who-what-where' // people, organisations, outlets, countries, cities
  | 'how-many' // numbers with their hedges
  | 'who-said' // quote attribution
  | 'true-false'
  | 'cloze' // fill the gap on a key term
  | 'what' // what someone did, agreed to, announced, said they would do

export interface Evidence {
  /** Index into `Article.paragraphs`. */
  paragraph: number
  /** Offsets in JavaScript string indices: `text === paragraphs[paragraph].slice(start, end)`. */
  start: number
  end: number
  text: string
}

export interface Question {
  id: string
  kind: QuestionKind
  /** A well-formed question, or for true/false a statement to judge. */
  prompt: string
  /** 2 for true/false, 3–4 otherwise; `answer` is exactly one of them. */
  options: string[]
  answer: string
  evidence: Evidence
  /** One or two sentences a learner reads after answering, quoting or pointing at the evidence. */
  explanation: string
  /**
   * Importance in the article's quiz: 1 is the most central fact. The first round of a quiz asks the best-ranked
   * questions (shown in reading order); "More questions" continues down the ranking.
   */
  rank: number
}
