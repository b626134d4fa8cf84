import winkNLP, { type ItemSentence } from 'wink-nlp'
import model from 'wink-eng-lite-web-model'

/** A word or punctuation token with its offsets in the paragraph it came from. */
export interface Token {
  text: string
  start: number
  end: number
  /** Universal POS tag from wink-nlp ("PROPN", "VERB", "NOUN", ...). */
  pos: string
  lemma: string
}

/** A paragraph read by wink-nlp: its tokens and its sentences as token index ranges (end exclusive). */
export interface ParagraphAnalysis {
  tokens: Token[]
  sentences: Array<{ first: number; last: number }>
}

type Wink = ReturnType<typeof winkNLP>
let nlp: Wink | null = null

// The model takes about 0.3 s to load: load it once, on first use, never per article.
function instance(): Wink {
  nlp ??= winkNLP(model)
  return nlp
}

/** Tokenises, tags and sentence-splits one paragraph; offsets are JavaScript string indices into `text`. */
export function analyseParagraph(text: string): ParagraphAnalysis {
  const w = instance()
  const its = w.its
  const doc = w.readDoc(text)
  const values = doc.tokens().out(its.value) as string[]
  const pos = doc.tokens().out(its.pos) as string[]
  // wink-nlp types lemma as an add-on function that `out` does not accept in its typings; at run time it is a plain its-function.
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value) as string[]
  const tokens: Token[] = []
  let cursor = 0
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!
    let at = text.indexOf(v, cursor)
    // wink normalises a few characters (quotes, ellipses); fall back to a zero-width token at the cursor.
    if (at < 0 || at - cursor > 40) at = cursor
    const end = at === cursor && text.slice(at, at + v.length) !== v ? at : at + v.length
    tokens.push({ text: text.slice(at, end), start: at, end, pos: pos[i] ?? 'X', lemma: lemmas[i] ?? v.toLowerCase() })
    cursor = end
  }
  const sentences: Array<{ first: number; last: number }> = []
  doc.sentences().each((s: ItemSentence) => {
    const toks = s.tokens()
    const n = toks.length()
    if (n === 0) return
    const first = toks.itemAt(0).index()
    const last = toks.itemAt(n - 1).index()
    sentences.push({ first, last })
  })
  return { tokens, sentences }
}
