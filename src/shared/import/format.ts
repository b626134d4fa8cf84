import { CONTENT_FORMAT } from '../article/content-format'

/** The kinds of input the importers read. */
export type ImportFormat = 'text' | 'markdown' | 'html' | 'json'

const BY_EXTENSION: Record<string, ImportFormat> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  json: 'json'
}

/** The file extensions File → Open offers (the dialog's "Articles" filter). */
export const ARTICLE_EXTENSIONS = ['txt', 'md', 'markdown', 'html', 'htm', 'json'] as const

/**
 * Picks the importer for a file: by its extension when it is one the app knows, otherwise (pasted text, a
 * dropped file named `story` or `story.article`) by what the text looks like. A file's extension wins because
 * a `.txt` file that mentions `<p>` is still prose, and a Markdown file is valid plain text anyway.
 */
export function detectFormat(name: string | undefined, text: string): ImportFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(name ?? '')?.[1]?.toLowerCase()
  const known = ext ? BY_EXTENSION[ext] : undefined
  if (known) return known
  return sniffFormat(text)
}

/** Guesses the format of text with no (known) extension from its first kilobytes. */
export function sniffFormat(text: string): ImportFormat {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '').trimStart()
  if (head.startsWith('{') && head.includes(CONTENT_FORMAT)) return 'json'
  if (/^<!doctype\s+html|^<html[\s>]|^<\?xml[^>]*>\s*<html/i.test(head)) return 'html'
  // A fragment copied from a page: several block tags, and tags make up a good part of the text.
  const tags = head.match(/<\/?(?:p|div|h[1-6]|article|section|body|head|br|span|a|li|ul)\b[^>]*>/gi)?.length ?? 0
  if (tags >= 3 && /<(?:p|div|article|h[1-6])\b/i.test(head)) return 'html'
  const md = [
    /^#{1,6}\s+\S/m, // ATX heading
    /^\S.*\n(?:=+|-+)\s*$/m, // Setext heading
    /\*\*[^*\n]+\*\*|__[^_\n]+__/, // strong
    /\[[^\]\n]+\]\([^)\s]+\)/, // link
    /^\s{0,3}[-*+]\s+\S/m, // bullet list
    /^>\s/m // quote
  ].filter((re) => re.test(head)).length
  return md >= 1 ? 'markdown' : 'text'
}
