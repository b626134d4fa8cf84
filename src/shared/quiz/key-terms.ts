import type { Article } from '../article/model'
import type { Sentence } from './sentences'

/** A run of nouns that names one of the story's key things ("iodine deficiency", "lanterns"). Offsets are into the paragraph. */
export interface KeyTerm {
  paragraph: number
  sentence: number
  start: number
  end: number
  text: string
  /** Lemma of the head noun, so "lantern" and "lanterns" count as one term. */
  head: string
  plural: boolean
}

// Nouns too general to be what a story is about.
const GENERAL = new Set([
  'people', 'person', 'year', 'time', 'way', 'thing', 'part', 'number', 'percent', 'day', 'week', 'month', 'lot', 'end', 'place',
  'group', 'member', 'case', 'point', 'fact', 'area', 'kind', 'side', 'use', 'result', 'report', 'reports', 'statement', 'official',
  'officials', 'today', 'yesterday', 'weekend', 'morning', 'night', 'news', 'percentage', 'hour', 'minute', 'level', 'levels', 'world', 'country'
])

/**
 * Finds the story's key noun phrases: runs of nouns whose head noun is in the title or is repeated at least
 * three times in the body. These are what a cloze may blank besides names, amounts and dates; function words
 * and one-off common nouns never are.
 */
export function findKeyTerms(article: Pick<Article, 'title'>, sentences: Sentence[][]): KeyTerm[] {
  const counts = new Map<string, number>()
  for (const para of sentences) for (const s of para) for (const t of s.tokens) if (t.pos === 'NOUN') counts.set(t.lemma, (counts.get(t.lemma) ?? 0) + 1)
  const title = new Set(article.title.toLowerCase().split(/[^\p{L}]+/u))
  const key = (lemma: string, text: string): boolean =>
    lemma.length > 3 && !GENERAL.has(lemma) && !GENERAL.has(text.toLowerCase()) && (title.has(lemma) || title.has(text.toLowerCase()) || (counts.get(lemma) ?? 0) >= 3)
  const out: KeyTerm[] = []
  for (const para of sentences) {
    for (const s of para) {
      const toks = s.tokens
      let i = 0
      while (i < toks.length) {
        if (toks[i]!.pos !== 'NOUN' || !/^[a-z]/.test(toks[i]!.text)) {
          i++
          continue
        }
        let j = i
        while (j + 1 < toks.length && toks[j + 1]!.pos === 'NOUN' && /^[a-z]/.test(toks[j + 1]!.text) && toks[j + 1]!.start === toks[j]!.end + 1) j++
        const head = toks[j]!
        if (j - i < 2 && key(head.lemma, head.text)) {
          const text = s.text.slice(toks[i]!.start - s.start, head.end - s.start)
          out.push({ paragraph: s.paragraph, sentence: s.index, start: toks[i]!.start, end: head.end, text, head: head.lemma, plural: head.text.toLowerCase() !== head.lemma && /s$/.test(head.text) })
        }
        i = j + 1
      }
    }
  }
  return out
}
