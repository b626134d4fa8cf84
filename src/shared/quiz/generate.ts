import type { Article } from '../article/model'
import { buildContext } from './context'
import { normalise } from './distractors'
import { contentWords, gateContext, GATES, hasWord, repairPrompt, type GateName } from './gates'
import { cloze } from './kinds/cloze'
import { howMany } from './kinds/how-many'
import { trueFalse } from './kinds/true-false'
import { whatQuestions } from './kinds/what'
import { whenQuestions } from './kinds/when'
import { whoDidWhat } from './kinds/who-did-what'
import { whoSaid } from './kinds/who-said'
import { whoWhatWhere } from './kinds/who-what-where'
import type { Question, QuestionKind } from './model'
import { background, deepDetail, importance, storyCast, titleWords, type Importance } from './rank'
import { defaultWorld, type World } from './world'

/**
 * The quiz pipeline: candidates → repairs → gates → ranking → selection.
 * - Candidates: every question kind proposes questions on the sentences it can read.
 * - Repairs: small safe rewrites of a prompt (a leading "But" dropped, a surname written in full).
 * - Gates: named checks (gates.ts); a candidate that fails one is dropped with the gate's reason.
 * - Ranking: importance (rank.ts): the lead, the headline, the story's cast, the main event.
 * - Selection: one question per sentence, one per fact, no prompt that shows another's answer, and a true/false
 *   key that is "True" between 40% and 60% of the time.
 * `explainQuiz` returns every decision; `generateQuiz` only the questions.
 */

/** Most words of an article the generator reads; a longer article is quizzed on its first part (bounded time). */
export const MAX_ANALYSED_WORDS = 15_000
/** Most candidates one paragraph may propose, best kinds first, so one huge paragraph cannot flood the pipeline. */
export const MAX_CANDIDATES_PER_PARAGRAPH = 30
/** Most questions an article's quiz holds across all its rounds. */
export const MAX_QUESTIONS = 400
/** The same answer at most this many times in one quiz (true/false keys aside), so the quiz covers the story. */
export const MAX_SAME_ANSWER = 3
/** The share of "True" keys among true/false questions is kept within these bounds (when there are 5 or more). */
export const TRUE_SHARE = { min: 0.4, max: 0.6 } as const

/** Why the selection stage left a question out (after it passed every gate). */
export type SelectionReason = 'background' | 'same-sentence' | 'same-fact' | 'shows-another-answer' | 'same-answer-too-often' | 'true-false-balance' | 'quiz-full'

export interface Decision {
  question: Question
  /** Set for kept questions and for candidates that passed the gates. */
  importance?: Importance
  /** The gate that dropped it, or the selection reason. */
  droppedBy?: GateName | SelectionReason | 'candidate-cap'
  reason?: string
  /** The prompt as the kind wrote it, when a repair changed it. */
  repairedFrom?: string
}

export interface QuizExplanation {
  kept: Question[]
  decisions: Decision[]
  /** Words read when the article was longer than `MAX_ANALYSED_WORDS` (null when all was read). */
  truncatedAt: number | null
}

// Kinds in order of preference when a sentence could carry more questions than a learner wants to answer.
const PRIORITY: QuestionKind[] = ['who-did-what', 'what', 'when', 'who-said', 'how-many', 'who-what-where', 'true-false', 'cloze']

/**
 * Generates the quiz for an article: pure, synchronous and deterministic. Every question is tied to the
 * sentence (or two) of the article that proves it; ids depend only on the kind, the evidence and the answer.
 * Returns every question the article gets, in reading order, each with its rank (1 = most important); a quiz
 * round asks the best-ranked ones (see rounds.ts). `world` defaults to the curated data shipped with the app.
 */
export function generateQuiz(article: Article, world: World = defaultWorld()): Question[] {
  return explainQuiz(article, world).kept
}

/** Runs the pipeline and keeps every decision, for `npm run quiz -- --explain` and for tests. */
export function explainQuiz(article: Article, world: World = defaultWorld()): QuizExplanation {
  if (article.paragraphs.length === 0) return { kept: [], decisions: [], truncatedAt: null }
  const { read, truncatedAt } = boundedArticle(article)
  const ctx = buildContext(read, world)
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
  const decisions: Decision[] = []
  // Candidates per paragraph, best kinds first.
  const perParagraph = new Map<number, number>()
  const candidates: Question[] = []
  for (const kind of PRIORITY) {
    for (const q of byKind[kind]) {
      const n = perParagraph.get(q.evidence.paragraph) ?? 0
      if (n >= MAX_CANDIDATES_PER_PARAGRAPH) {
        decisions.push({ question: q, droppedBy: 'candidate-cap', reason: `more than ${MAX_CANDIDATES_PER_PARAGRAPH} candidates in paragraph ${q.evidence.paragraph + 1}` })
        continue
      }
      perParagraph.set(q.evidence.paragraph, n + 1)
      candidates.push(q)
    }
  }
  const g = gateContext(ctx)
  const cast = storyCast(ctx)
  const title = titleWords(ctx)
  const passed: Decision[] = []
  for (const original of candidates) {
    const prompt = repairPrompt(original, ctx)
    const q = prompt === original.prompt ? original : { ...original, prompt }
    const d: Decision = { question: q, ...(prompt !== original.prompt ? { repairedFrom: original.prompt } : {}) }
    decisions.push(d)
    for (const gate of GATES) {
      const reason = gate.check(q, g)
      if (reason !== null) {
        d.droppedBy = gate.name
        d.reason = reason
        break
      }
    }
    if (!d.droppedBy) {
      d.importance = importance(q, g, cast, title)
      passed.push(d)
    }
  }
  const words = read.paragraphs.reduce((n, p) => n + p.split(/\s+/).filter(Boolean).length, 0)
  const kept = select(passed, Math.max(1, Math.floor(words / WORDS_PER_FLOOR_QUESTION)))
  kept.forEach((d, i) => (d.question.rank = i + 1))
  const questions = kept.map((d) => d.question).sort((a, b) => a.evidence.paragraph - b.evidence.paragraph || a.evidence.start - b.evidence.start || a.rank - b.rank)
  return { kept: questions, decisions, truncatedAt }
}

// A very long article is read up to MAX_ANALYSED_WORDS words (whole paragraphs), so generation stays bounded.
function boundedArticle(article: Article): { read: Article; truncatedAt: number | null } {
  let words = 0
  for (let i = 0; i < article.paragraphs.length; i++) {
    words += article.paragraphs[i]!.split(/\s+/).filter(Boolean).length
    if (words > MAX_ANALYSED_WORDS && i > 0) return { read: { ...article, paragraphs: article.paragraphs.slice(0, i) }, truncatedAt: words }
  }
  return { read: article, truncatedAt: null }
}

/** An article keeps at least one question per this many words: background is asked before a quiz goes empty. */
export const WORDS_PER_FLOOR_QUESTION = 400

/**
 * Selection over gated candidates, best first: one per sentence and per fact, no giveaways between questions, balance.
 * Background figures and gaps (rank.ts `background`) come last, and only while the quiz has fewer than `floor`.
 */
function select(passed: Decision[], floor: number): Decision[] {
  const order = [...passed].sort(
    (a, b) => b.importance!.score - a.importance!.score || PRIORITY.indexOf(a.question.kind) - PRIORITY.indexOf(b.question.kind) || a.question.evidence.paragraph - b.question.evidence.paragraph || a.question.evidence.start - b.question.evidence.start
  )
  const kept: Decision[] = []
  const sentences = new Set<string>()
  const answers = new Map<string, number>()
  const ids = new Set<string>()
  const drop = (d: Decision, by: SelectionReason, reason: string): void => {
    d.droppedBy = by
    d.reason = reason
  }
  // Plain true statements go last: they may only take sentences nothing better asks about, and only as many as
  // keep the true/false key from being a safe "True" (the balance below trims the other side).
  const isTrue = (d: Decision): boolean => d.question.kind === 'true-false' && d.question.answer === 'True'
  const falses = (): number => kept.filter((k) => k.question.kind === 'true-false' && k.question.answer === 'False').length
  const trues = (): number => kept.filter(isTrue).length
  // The best false statement goes first, so a quiz with any true/false question has a "False" key when one can be
  // made: statements come from the lead, where a sentence with a date or a figure is otherwise asked another way,
  // and a quiz whose statements are all "True" teaches a safe guess.
  const firstFalse = order.find((x) => x.question.kind === 'true-false' && x.question.answer === 'False')
  const rest = order.filter((x) => x !== firstFalse)
  const aside = new Map(passed.map((d) => [d, background(d.question, d.importance!)]))
  const main = rest.filter((x) => !aside.get(x))
  for (const d of [...(firstFalse ? [firstFalse] : []), ...main.filter((x) => !isTrue(x)), ...main.filter(isTrue), ...rest.filter((x) => aside.get(x))]) {
    const q = d.question
    const why = aside.get(d)
    // A figure past the story's opening is never asked (DEEP_DETAIL); other background only fills a quiz to its floor.
    if (why && (kept.length >= floor || deepDetail(q))) {
      drop(d, 'background', why)
      continue
    }
    if (isTrue(d) && !d.droppedBy && trues() + 1 > Math.max(2, Math.floor(falses() * TRUE_SHARE.max / (1 - TRUE_SHARE.max)))) {
      const sk = `${q.evidence.paragraph}:${q.evidence.end}`
      if (!sentences.has(sk)) {
        drop(d, 'true-false-balance', 'another “True” key would make “True” a safe guess')
        continue
      }
    }
    if (ids.has(q.id)) {
      drop(d, 'same-fact', 'the same question again')
      continue
    }
    // Evidence that ends on the same sentence asks about the same sentence: a second question there would show
    // the first one's answer (a true/false statement beside a gap on the same fact).
    const sk = `${q.evidence.paragraph}:${q.evidence.end}`
    // A second question may share a sentence only when neither shows the sentence (a short "what" or "who did
    // what" prompt) and neither prompt holds the other's answer.
    if (sentences.has(sk) && !kept.every((k) => `${k.question.evidence.paragraph}:${k.question.evidence.end}` !== sk || canShare(k.question, q))) {
      drop(d, 'same-sentence', 'a better question already asks about this sentence')
      continue
    }
    const key = normalise(q.answer)
    if (q.kind !== 'true-false' && (answers.get(key) ?? 0) >= MAX_SAME_ANSWER) {
      drop(d, 'same-answer-too-often', `“${q.answer}” is already the key ${MAX_SAME_ANSWER} times`)
      continue
    }
    const fact = kept.find((k) => sameFact(k.question, q))
    if (fact) {
      drop(d, 'same-fact', `asks the same fact as “${fact.question.prompt.slice(0, 80)}”`)
      continue
    }
    const shows = kept.find((k) => showsAnswer(k.question, q) || showsAnswer(q, k.question))
    if (shows) {
      drop(d, 'shows-another-answer', `one prompt shows the other's answer: “${shows.question.prompt.slice(0, 80)}”`)
      continue
    }
    if (kept.length >= MAX_QUESTIONS) {
      drop(d, 'quiz-full', `the quiz already holds ${MAX_QUESTIONS} questions`)
      continue
    }
    kept.push(d)
    ids.add(q.id)
    sentences.add(sk)
    if (q.kind !== 'true-false') answers.set(key, (answers.get(key) ?? 0) + 1)
  }
  return balanceTrueFalse(kept).sort((a, b) => b.importance!.score - a.importance!.score)
}

// Two questions on one sentence: both with prompts that do not reprint it, and neither prompt shows the other's key.
function canShare(a: Question, b: Question): boolean {
  const short = (q: Question): boolean => q.kind === 'what' || q.kind === 'who-did-what'
  if (!short(a) || !short(b) || normalise(a.answer) === normalise(b.answer)) return false
  return !normalise(a.prompt).includes(normalise(b.answer)) && !normalise(b.prompt).includes(normalise(a.answer))
}

// The same answer to much the same predicate, asked twice.
function sameFact(a: Question, b: Question): boolean {
  if (a.kind === 'true-false' || b.kind === 'true-false' || normalise(a.answer) !== normalise(b.answer)) return false
  const wa = new Set(contentWords(a.prompt))
  const wb = contentWords(b.prompt)
  if (wb.length === 0) return false
  return wb.filter((w) => wa.has(w)).length >= Math.ceil(Math.min(wa.size, wb.length) * 0.6)
}

// A figure, date or thing asked in one question and printed in another's prompt.
function showsAnswer(asked: Question, other: Question): boolean {
  if (asked.kind === 'true-false' || asked.kind === 'who-said') return false
  if (asked.kind === 'who-did-what' || asked.kind === 'who-what-where') {
    // People and places are the story's cast: naming them elsewhere does not say what they did.
    return false
  }
  let re = answerPatterns.get(asked)
  if (re === undefined) {
    const a = asked.answer.replace(/^(?:about|almost|nearly|around|more than|less than|over|under|up to|at least) /i, '')
    re = a.length < 4 ? null : a
    answerPatterns.set(asked, re)
  }
  return re !== null && hasWord(other.prompt, re, true)
}
// Each question's answer without its hedge, worked out once: selection compares every pair of questions.
const answerPatterns = new WeakMap<Question, string | null>()

// Keeps the share of "True" keys within TRUE_SHARE by dropping the lowest-ranked statements of the larger side.
function balanceTrueFalse(kept: Decision[]): Decision[] {
  const tf = kept.filter((d) => d.question.kind === 'true-false')
  const trues = tf.filter((d) => d.question.answer === 'True')
  const falses = tf.filter((d) => d.question.answer === 'False')
  const out = new Set(kept)
  // Drop from the end (lowest-ranked) of the side that is over its share, until the share fits or too few remain.
  // With few statements the share cannot be exact; still, more than two "True" keys with no "False" beside them
  // would make "True" a safe guess.
  const over = (t: number, f: number): 'True' | 'False' | null =>
    t + f < 5 ? (t > Math.max(2, Math.floor(f * 1.5)) ? 'True' : f > Math.max(2, Math.floor(t * 1.5)) ? 'False' : null) : t / (t + f) > TRUE_SHARE.max ? 'True' : f / (t + f) > 1 - TRUE_SHARE.min ? 'False' : null
  let t = trues.length
  let f = falses.length
  for (let side = over(t, f); side; side = over(t, f)) {
    const pool = side === 'True' ? trues : falses
    const d = pool.pop()
    if (!d) break
    d.droppedBy = 'true-false-balance'
    d.reason = `too many “${side}” keys among the true/false questions`
    out.delete(d)
    if (side === 'True') t--
    else f--
  }
  return kept.filter((d) => out.has(d))
}
