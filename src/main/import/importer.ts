import { open } from 'node:fs/promises'
import { basename } from 'node:path'
import { CONTENT_FORMAT } from '@shared/article/content-format'
import type { Article, ArticleError } from '@shared/article/model'
import { parseArticle } from '@shared/article/parse'
import { contentId } from '@shared/import/content-id'
import { decodeText, tooLargeMessage } from '@shared/import/decode'
import { refuse, type ImportError, type Imported } from '@shared/import/errors'
import { detectFormat, type ImportFormat } from '@shared/import/format'
import { markdownToArticleText } from '@shared/import/markdown'
import { MAX_IMPORT_BYTES, type IpcError } from '@shared/ipc/contract'
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

/**
 * Reads a file chosen in the open dialog, refusing (never throwing) a file that vanished or cannot be read
 * between the dialog and the read, a folder, and a file over MAX_IMPORT_BYTES (checked before reading, and
 * again on the bytes, in case the file grows while it is read).
 */
export async function readImportFile(path: string): Promise<Imported<Uint8Array>> {
  let handle: Awaited<ReturnType<typeof open>> | null = null
  try {
    handle = await open(path, 'r')
    const info = await handle.stat()
    if (info.isDirectory()) return refuse(...fileError(Object.assign(new Error('directory'), { code: 'EISDIR' })))
    if (!info.isFile()) return refuse('invalid-input', 'This is not a regular file. Choose a text, Markdown or HTML file.')
    if (info.size > MAX_IMPORT_BYTES) return refuse('too-large', tooLargeMessage(info.size))
    // Read at most one byte past the limit: enough to tell the file grew over it, never the whole of a huge file.
    const buffer = new Uint8Array(MAX_IMPORT_BYTES + 1)
    let length = 0
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null)
      if (bytesRead === 0) break
      length += bytesRead
      if (length === buffer.length) return refuse('too-large', tooLargeMessage(length))
    }
    return { ok: true, value: buffer.slice(0, length) }
  } catch (e) {
    return refuse(...fileError(e))
  } finally {
    await handle?.close().catch(() => undefined)
  }
}

/** Explains a file-system error for the person who chose the file (the message does not name it; callers may). */
export function fileError(e: unknown): [IpcError['code'], string] {
  const code = (e as NodeJS.ErrnoException | null)?.code
  switch (code) {
    case 'ENOENT':
      return ['io', 'This file could not be read: it was moved or deleted before the app could open it. Nothing was imported.']
    case 'EACCES':
    case 'EPERM':
      return ['io', 'This file could not be read: the app is not allowed to open it. Nothing was imported.']
    case 'EISDIR':
      return ['invalid-input', 'This is a folder, not a file. Choose the article file inside it.']
    default:
      return ['io', `This file could not be read (${code ?? 'read error'}). Nothing was imported.`]
  }
}

/** Prefixes a refusal's message with the file's name, for a single result that has no separate name field. */
export function named(name: string, error: ImportError): ImportError {
  return { code: error.code, message: `“${name}”: ${error.message}` }
}
