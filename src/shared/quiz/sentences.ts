import type { Article } from '../article/model'
import { analyseParagraph, type Token } from './nlp'

/** One sentence of an article, with its place in its paragraph and its tokens. */
export interface Sentence {
  paragraph: number
  /** Position among the paragraph's sentences. */
  index: number
  start: number
  end: number
  text: string
  tokens: Token[]
}

// Abbreviations after which wink-nlp or a period may end a "sentence" that really goes on.
const NO_BREAK_AFTER = /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Sen|Rep|Gen|Gov|Lt|Col|Capt|Jr|Sr|Inc|Corp|Ltd|Co|No|vs|etc|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.|\b(?:[A-Z]\.){1,3}|\bPh\.D\.|\bPh\.)$/

/**
 * Splits every paragraph into sentences with exact offsets. Uses wink-nlp's splitter, then joins pieces
 * that a bad split cut off: a piece starting in lower case, one glued to the stop before it, or one following an
 * abbreviation such as "Ph.D." or "U.S." when the next piece does not start a new sentence.
 */
export function splitSentences(article: Pick<Article, 'paragraphs'>): Sentence[][] {
  return article.paragraphs.map((text, paragraph) => splitParagraph(text, paragraph))
}

function splitParagraph(text: string, paragraph: number): Sentence[] {
  const { tokens, sentences } = analyseParagraph(text)
  const spans: Array<{ first: number; last: number }> = []
  for (const s of sentences) {
    const prev = spans[spans.length - 1]
    const firstTok = tokens[s.first]
    if (prev && firstTok) {
      const prevText = text.slice(tokens[prev.first]!.start, tokens[prev.last]!.end)
      const startsLower = /^[a-z]/.test(firstTok.text)
      const closesQuote = /^[”’"')\]]/.test(firstTok.text) && s.last - s.first < 3
      // "the U.S. District Court": an abbreviation after a determiner or preposition is inside a noun phrase.
      const inPhrase = /\b(?:the|in|of|for|to|by|from|a|an)\s+(?:[A-Z]\.){2,3}$/.test(prevText)
      const abbrev = NO_BREAK_AFTER.test(prevText) && (inPhrase || !/^[A-Z][a-z]+$/.test(firstTok.text) || /\bPh\.$/.test(prevText))
      // NAME: NO_SPACE_NO_BREAK. "<WOIA.S> said", "<BP.L> may": with no space after the stop and no word starting
      // there, the split cut a ticker or a code in two ("He left.She came" is two sentences typed without a space).
      const glued = firstTok.start === tokens[prev.last]!.end && /[.!?]$/.test(tokens[prev.last]!.text) && !/^[A-Z][a-z]/.test(firstTok.text)
      if (startsLower || closesQuote || abbrev || glued) {
        prev.last = s.last
        continue
      }
    }
    spans.push({ ...s })
  }
  return spans.map((s, index) => {
    const start = tokens[s.first]!.start
    const end = tokens[s.last]!.end
    return { paragraph, index, start, end, text: text.slice(start, end), tokens: tokens.slice(s.first, s.last + 1) }
  })
}
