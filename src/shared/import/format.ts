import { CONTENT_FORMAT } from '../article/content-format'
import { patternGroup } from '../text/patterns'

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
  const ext = EXTENSION.exec(name ?? '')?.[1]?.toLowerCase()
  const known = ext ? BY_EXTENSION[ext] : undefined
  if (known) return known
  return sniffFormat(text)
}

const P = patternGroup('format')
// "story.HTML" → "HTML": the last extension of a file name.
const EXTENSION = P.define('extension', /\.([a-z0-9]+)$/i, { matches: 'story.html', rejects: 'story' })
// A page's start: "<!doctype html", "<html>", or an XML prolog before "<html".
const HTML_START = P.define('html-start', /^<!doctype\s+html|^<html[\s>]|^<\?xml[^>]*>\s*<html/i, { matches: '<!DOCTYPE html><html>', rejects: '<p>a paragraph' })
// A block or inline tag of a fragment; `[^<>]*` stops at the next "<", so "<p<p<p…" costs one pass, not a square.
const FRAGMENT_TAG = P.define('fragment-tag', /<\/?(?:p|div|h[1-6]|article|section|body|head|br|span|a|li|ul)\b[^<>]*>/gi, { matches: '<p class="x">', rejects: '<pre>' })
const BLOCK_TAG = P.define('block-tag', /<(?:p|div|article|h[1-6])\b/i, { matches: '<article>', rejects: '<pre>' })
// Markdown's marks, one expression each: "# Heading", a Setext underline, **strong**, [a link](url), "- item", "> quote".
const MARKDOWN_MARKS = [
  P.define('md-atx', /^#{1,6}\s+\S/m, { matches: '## Section', rejects: '#hashtag' }),
  P.define('md-setext', /^\S.*\n(?:=+|-+)[ \t]*$/m, { matches: 'Title\n=====', rejects: 'Title\n= x' }),
  P.define('md-strong', /\*\*[^*\n]+\*\*|__[^_\n]+__/, { matches: 'a **bold** word', rejects: 'a ** b' }),
  P.define('md-link', /\[[^[\]\n]+\]\([^()\s]+\)/, { matches: '[a link](https://example.org)', rejects: '[a link] (x)' }),
  P.define('md-bullet', /^[ \t]{0,3}[-*+][ \t]+\S/m, { matches: '- item', rejects: '-item' }),
  P.define('md-quote', /^>\s/m, { matches: '> quoted', rejects: '>quoted' })
]

/** The format detector's named expressions, for the linear-time test. */
export const FORMAT_PATTERNS = P.list

/** Guesses the format of text with no (known) extension from its first kilobytes. */
export function sniffFormat(text: string): ImportFormat {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '').trimStart()
  if (head.startsWith('{') && head.includes(CONTENT_FORMAT)) return 'json'
  if (HTML_START.test(head)) return 'html'
  // A fragment copied from a page: several block tags, and tags make up a good part of the text.
  const tags = head.match(new RegExp(FRAGMENT_TAG.source, FRAGMENT_TAG.flags))?.length ?? 0
  if (tags >= 3 && BLOCK_TAG.test(head)) return 'html'
  return MARKDOWN_MARKS.some((re) => re.test(head)) ? 'markdown' : 'text'
}
