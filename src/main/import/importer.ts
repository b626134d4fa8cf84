import { CONTENT_FORMAT } from '@shared/article/content-format'
import type { Article, ArticleError } from '@shared/article/model'
import { parseArticle } from '@shared/article/parse'
import { contentId } from '@shared/import/content-id'
import { decodeText } from '@shared/import/decode'
import { refuse, type Imported } from '@shared/import/errors'
import { detectFormat, type ImportFormat } from '@shared/import/format'
import { markdownToArticleText } from '@shared/import/markdown'
import type { IpcError } from '@shared/ipc/contract'
import { extractHtmlArticle } from './html'

/** An article read from the user's input, with where it came from (kept in the library index). */
export interface ImportedArticle {
  article: Article
  format: ImportFormat
}

const PARSE_CODES: Record<ArticleError['code'], IpcError['code']> = {
  empty: 'empty',
  binary: 'binary',
  'too-large': 'too-large',
  'no-article': 'no-article',
  'invalid-format': 'invalid-input'
}

/**
 * Reads an article from decoded text in any supported format (`name` picks the format by extension, otherwise
 * the text is sniffed). The article's id is its content hash, whatever the format, so the same story imported
 * twice has one id. Refusals carry a user-facing message; never throws.
 */
export function articleFromText(text: string, name?: string): Imported<ImportedArticle> {
  if (text.trim() === '') return refuse('empty', 'There is no text here: there is no article to import.')
  const format = detectFormat(name, text)
  let article: Article
  if (format === 'html') {
    const extracted = extractHtmlArticle(text)
    if (!extracted.ok) return extracted
    article = { id: '', ...extracted.value }
  } else {
    if (format === 'json' && !text.includes(CONTENT_FORMAT)) {
      return refuse('invalid-input', `This JSON file is not a News Quiz article file (format "${CONTENT_FORMAT}"). Import the article as text, Markdown or HTML instead.`)
    }
    const parsed = parseArticle(format === 'markdown' ? markdownToArticleText(text) : text)
    if (!parsed.ok) return refuse(PARSE_CODES[parsed.error.code], parsed.error.message)
    // Imported articles have no licence of their own to show; a content file may name one, so keep it.
    article = parsed.article
  }
  return { ok: true, value: { article: { ...article, id: contentId(article) }, format } }
}

/** Imports a file's bytes (a dropped file, or one read from disk): decodes them, then reads the article. */
export function articleFromBytes(name: string, bytes: Uint8Array): Imported<ImportedArticle> {
  const decoded = decodeText(bytes)
  if (!decoded.ok) return decoded
  return articleFromText(decoded.value.text, name)
}

/** What to read an article from: a file's bytes (decoded here) or text that is already a string (a paste). */
export type ReadInput = { name?: string | undefined; bytes: Uint8Array } | { name?: string | undefined; text: string }

/** Reads an article from either kind of input; the worker runs this for every import. Never throws. */
export function readArticle(input: ReadInput): Imported<ImportedArticle> {
  return 'bytes' in input ? articleFromBytes(input.name ?? '', input.bytes) : articleFromText(input.text, input.name)
}
