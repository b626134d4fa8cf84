import type { Article } from '../article/model'
import { findDates, type DateMention } from './dates'
import { findEntities, type ArticleEntities, type Mention } from './entities'
import { findNumbers, type NumberMention } from './numbers'
import { findKeyTerms, type KeyTerm } from './key-terms'
import { findQuotes, type Quote } from './quotes'
import { splitSentences, type Sentence } from './sentences'
import type { World } from './world'

/** Everything the question builders read about one article, computed once per generation. */
export interface QuizContext {
  article: Article
  world: World
  sentences: Sentence[][]
  entities: ArticleEntities
  dates: DateMention[]
  numbers: NumberMention[]
  quotes: Quote[]
  keyTerms: KeyTerm[]
}

/** Reads an article once: sentences, named entities, dates, amounts, quotes with their speakers, and key terms. */
export function buildContext(article: Article, world: World): QuizContext {
  const sentences = splitSentences(article)
  const entities = findEntities(sentences, world, article.title)
  const dates = findDates(sentences, article.date)
  const numbers = findNumbers(sentences).filter((n) => !dates.some((d) => d.paragraph === n.paragraph && d.start < n.end && n.start < d.end))
  const quotes = findQuotes(article, sentences, entities)
  const keyTerms = findKeyTerms(article, sentences).filter((k) => !entities.mentions.some((m) => m.paragraph === k.paragraph && m.start < k.end && k.start < m.end))
  return { article, world, sentences, entities, dates, numbers, quotes, keyTerms }
}

/** Items (mentions, dates, amounts) that fall inside a sentence. */
export function within<T extends { paragraph: number; start: number; end: number }>(items: T[], s: Pick<Sentence, 'paragraph' | 'start' | 'end'>): T[] {
  return (byParagraph(items).get(s.paragraph) ?? []).filter((m) => m.start >= s.start && m.end <= s.end)
}

const paragraphIndex = new WeakMap<object, Map<number, unknown[]>>()

// Items grouped by paragraph, built once per list: a long article has thousands of sentences and mentions, and
// scanning every mention for every sentence made generation quadratic.
function byParagraph<T extends { paragraph: number }>(items: T[]): Map<number, T[]> {
  let index = paragraphIndex.get(items) as Map<number, T[]> | undefined
  if (!index) {
    index = new Map()
    for (const m of items) {
      const list = index.get(m.paragraph)
      if (list) list.push(m)
      else index.set(m.paragraph, [m])
    }
    paragraphIndex.set(items, index as Map<number, unknown[]>)
  }
  return index
}

const LEADING_REFERENCE = /^(?:[“"‘']\s*)?(?:He|She|It|They|We|I|You|This|That|These|Those|His|Her|Its|Their|Our|Such|Both|Another|Other|The latter|The former|The same|But|And|Or|So|Yet|However|Meanwhile|Instead|Still|Then|There|Here)\b/
const PRONOUN = /\b(?:he|she|him|her|his|hers|they|them|their|it|its)\b/i

/**
 * True when a sentence can stand alone in a quiz: a whole statement (capitalised, ends like a sentence,
 * quotes balanced), of a readable length, that does not lean on an earlier sentence through a leading
 * pronoun or demonstrative, and that names someone or something before any pronoun it uses.
 */
export function standsAlone(s: Sentence, mentions: Mention[]): boolean {
  const t = withoutLeadingConjunction(s.text)
  const words = t.split(/\s+/).length
  if (words < 5 || words > 55) return false
  if (!/^[\p{Lu}\p{N}]/u.test(t)) return false
  if (!/[.!]["”’']?$/.test(t)) return false
  if (LEADING_REFERENCE.test(t)) return false
  // "Sears, Roebuck & Co.. The deal ...": two sentences the splitter could not part make no single statement.
  if (/[^.]\.\.\s+[A-Z]/.test(t)) return false
  // "this film", "these girls": a demonstrative points back to a sentence the learner is not shown.
  // Only near the start, where it is what the sentence is about; "in this ongoing crisis" later is the story itself.
  const opening = t.replace(/“[^”]*”|"[^"]*"/g, '').split(/\s+/).slice(0, 8).join(' ')
  if (/\b(?:this|these|those)\s+(?!year|week|month|weekend|morning|afternoon|evening|season|time|summer|winter|spring|autumn|fall|christmas|decade|century)[a-z]+/i.test(opening)) return false
  // A piece with no verb is a heading or a bad split, not a statement (the tagger misses some verbs, so only short ones).
  if (words < 10 && !s.tokens.some((k) => k.pos === 'VERB' || k.pos === 'AUX')) return false
  // Quotes pair in any combination, as findQuotes pairs them (“building ... Washington"); any mark left over is unbalanced.
  if (/[“”"]/.test(t.replace(/[“"][^“”"]*[”"]/g, ''))) return false
  // "making it easier", "it is clear": an "it" that points at nothing is no dangling reference.
  const p = PRONOUN.exec(t.replace(/\b(?:mak(?:e|es|ing)|made|found|find|finds)\s+it\s+\w+|\bit\s+(?:is|was)\s+(?:clear|likely|possible|unclear|unlikely|important|time|hard|difficult|easy)\b/gi, (m) => '_'.repeat(m.length)))
  if (p) {
    const firstMention = mentions.find((m) => m.paragraph === s.paragraph && m.start >= s.start && m.end <= s.end)
    // "In his first interview, Trump told ..." points forward to the person the sentence names; that is safe.
    const forward = /^(?:his|her|their)$/i.test(p[0]) && firstMention?.entity.type === 'person'
    // A name the data does not know ("Jamukha ... by his own men") is as good an antecedent for "he" or "his" as a
    // known one; an object ("to oppose him") more often points back to someone else.
    const named = s.tokens.some((k) => k.pos === 'PROPN' && /^[\p{Lu}]/u.test(k.text) && k.end - s.start <= p.index)
    const unknownNamed = named && !/^(?:him|them)$/i.test(p[0])
    if (!(firstMention && (firstMention.start - s.start <= p.index || forward)) && !unknownNamed) return false
  }
  return true
}

/** True when an offset falls inside quoted speech: quoted words are the speaker's, not the article's claims. */
export function inQuote(ctx: QuizContext, paragraph: number, start: number, end: number): boolean {
  return ctx.quotes.some((q) => q.paragraph === paragraph && q.start <= start && end <= q.end)
}

/** A sentence led by "He"/"She"/"It", with the one person (or organisation) the sentence before it names. */
export interface ResolvedSubject {
  sentence: Sentence
  previous: Sentence
  person: Mention
  /** The sentence's text after the pronoun (" also told the Washington Post ..."). */
  rest: string
}

/**
 * Resolves a leading "He" or "She" to a person when the sentence before it, in the same paragraph, names
 * exactly one person: "Trump ... . He also told the Washington Post ..." gives Trump. Otherwise null, because
 * a guess would put words in the wrong mouth. The two sentences together are the evidence.
 */
export function resolveLeadingPronoun(ctx: QuizContext, s: Sentence): ResolvedSubject | null {
  const m = /^(?:He|She|It)\b/.exec(s.text)
  if (!m || s.index === 0 || inQuote(ctx, s.paragraph, s.start, s.start + 1)) return null
  const previous = ctx.sentences[s.paragraph]![s.index - 1]!
  // "He"/"She" is a person; "It" an organisation or news outlet, and only when the sentence before names no person.
  const it = m[0] === 'It'
  const named = within(ctx.entities.mentions, previous)
  if (it && named.some((x) => x.entity.type === 'person')) return null
  // "It" must be the organisation the sentence before was about (its subject), not one named in passing
  // ("The Boeing Delta IV Heavy ... . It is now scheduled" is the rocket, not Boeing).
  const people = named.filter((x) =>
    it
      ? (x.entity.type === 'organisation' || x.entity.type === 'outlet') && /^(?:The\s+)?$/.test(previous.text.slice(0, x.start - previous.start)) &&
        ['VERB', 'AUX'].includes(previous.tokens.find((t) => t.start > x.end)?.pos ?? '')
      : x.entity.type === 'person'
  )
  const keys = new Set(people.map((x) => x.entity.key))
  if (keys.size !== 1) return null
  // Another person named in this sentence would make "he" ambiguous; keep it simple.
  if (!it && within(ctx.entities.mentions, s).some((x) => x.entity.type === 'person')) return null
  const rest = s.text.slice(m[0].length)
  const words = s.text.split(/\s+/).length
  if (words < 5 || words > 45 || !/[.!]["”’']?$/.test(s.text)) return null
  // A quote the paragraph leaves open ('He said, "In the first half ...') would make a prompt with a stray mark.
  if (/[“”"]/.test(s.text.replace(/[“"][^“”"]*[”"]/g, ''))) return null
  return { sentence: s, previous, person: people[0]!, rest }
}

/**
 * Resolves a leading "He" or "She" that opens a paragraph to the one person the paragraph before names in its
 * last sentence ("... Trump has threatened ... ." / "He also told the Washington Post ..."), when this sentence
 * names no person and uses no other pronoun. Evidence cannot span paragraphs, so a caller may only ask about
 * what this sentence itself says, and must name the person in the prompt and say in the explanation who "he" is.
 */
export function resolveParagraphOpening(ctx: QuizContext, s: Sentence): { person: Mention; previous: Sentence; pronoun: string } | null {
  const m = /^(?:He|She)\b/.exec(s.text)
  if (!m || s.index !== 0 || s.paragraph === 0) return null
  const previous = ctx.sentences[s.paragraph - 1]?.at(-1)
  if (!previous) return null
  const people = within(ctx.entities.mentions, previous).filter((x) => x.entity.type === 'person')
  if (new Set(people.map((x) => x.entity.key)).size !== 1) return null
  if (within(ctx.entities.mentions, s).some((x) => x.entity.type === 'person')) return null
  const rest = s.text.slice(m[0].length)
  const words = s.text.split(/\s+/).length
  if (PRONOUN.test(rest) || /[“”"]/.test(rest) || words < 5 || words > 45 || !/[.!]$/.test(s.text)) return null
  return { person: people[0]!, previous, pronoun: m[0] }
}

/** Drops a leading "But"/"And"/"Yet"/"So" that only links to the sentence before: "But media have said" → "Media have said". */
export function withoutLeadingConjunction(text: string): string {
  const m = /^(?:But|And|Yet|So),?\s+(\S)/.exec(text)
  return m ? m[1]!.toUpperCase() + text.slice(m[0].length) : text
}

/**
 * The story's cast: entities named at least twice, most-named first (at most `limit`), of the given types only
 * when `types` is set (the gates count actors apart from places, so a story told across three countries still
 * has room for its people).
 */
export function storyCast(ctx: QuizContext, limit = 5, types?: ReadonlySet<string>): Set<string> {
  const counts = new Map<string, number>()
  for (const m of ctx.entities.mentions) if (!types || types.has(m.entity.type)) counts.set(m.entity.key, (counts.get(m.entity.key) ?? 0) + 1)
  return new Set([...counts].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1]).slice(0, limit).map(([k]) => k))
}
