/**
 * The article model shared by every part of the app: the parser produces it, the generator reads it,
 * the reader shows it. Paragraph texts are the coordinates of evidence: a question's evidence points at
 * `paragraphs[i].slice(start, end)`, so paragraphs are never re-split or re-trimmed after parsing.
 */
export interface Article {
  /** Stable identifier: the content file's id for bundled articles, a content hash for imported ones. */
  id: string
  title: string
  /** ISO calendar date (YYYY-MM-DD) of publication or last update, when the article states one. */
  date: string | null
  /** The date as the article prints it ("Updated Nov 15, 2016"), for display. */
  dateLabel: string | null
  /** Who published it ("TRTWorld and agencies"), when stated. */
  source: string | null
  byline: string | null
  /** Photo and image credits as printed ("Photo by: Reuters"), in order. */
  credits: string[]
  /** Body paragraphs in reading order; headings are kept apart so paragraph indexes stay stable. */
  paragraphs: string[]
  /** Section headings, each shown just before the paragraph at index `before`. */
  headings: Heading[]
  licence: Licence | null
}

export interface Heading {
  /** Index of the paragraph this heading precedes. */
  before: number
  text: string
}

export interface Licence {
  /** Who to credit, as it must be shown ("Wikinews", "TRTWorld and agencies"). */
  credit: string
  /** Licence name ("CC BY 2.5"), when the text is under an open licence. */
  name: string | null
  /** Where the original can be found. */
  url: string | null
}

/** Why a text could not be read as an article; `message` is written for the person who gave it. */
export interface ArticleError {
  code: 'empty' | 'binary' | 'too-large' | 'no-article' | 'invalid-format'
  message: string
}

export type ParseResult = { ok: true; article: Article } | { ok: false; error: ArticleError }

/**
 * Largest article text the app accepts, in UTF-16 code units: as many as the import limit has bytes (5 MiB), so a
 * file the size check lets through is never refused again by this one with a different figure.
 */
export const MAX_ARTICLE_CHARS = 5 * 1024 * 1024

/** Number of words in the article body, for sizing quizzes and showing reading time. */
export function wordCount(article: Pick<Article, 'paragraphs'>): number {
  let n = 0
  for (const p of article.paragraphs) n += p.split(/\s+/).filter(Boolean).length
  return n
}
