import { Lexer, type Token, type Tokens } from 'marked'

/**
 * Turns Markdown into the plain news layout `parseArticle` reads: the first heading (or first line) as the
 * title line, `## ` heading lines, and one paragraph per block separated by blank lines, with inline
 * formatting stripped (emphasis and links keep their text; images, raw HTML and code blocks are dropped: they
 * are not the article's prose and raw HTML must never reach the reader). Pure; never throws on any string.
 */
export function markdownToArticleText(markdown: string): string {
  const tokens = new Lexer({ gfm: true }).lex(boundNesting(markdown.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')))
  const out: string[] = []
  let titled = false
  const push = (line: string): void => {
    const text = collapse(line)
    if (text) out.push(text)
  }
  const walk = (list: Token[]): void => {
    for (const token of list) {
      switch (token.type) {
        case 'heading': {
          const text = collapse(inline((token as Tokens.Heading).tokens))
          if (!text) break
          // The first heading is the headline; later ones are sections (parseArticle reads `#` lines as headings).
          if (!titled && out.length === 0) push(text)
          else push(`## ${text}`)
          titled = true
          break
        }
        case 'paragraph':
          push(inline((token as Tokens.Paragraph).tokens))
          break
        case 'text': {
          const t = token as Tokens.Text
          push(t.tokens ? inline(t.tokens) : t.text)
          break
        }
        case 'blockquote':
          walk((token as Tokens.Blockquote).tokens)
          break
        case 'list':
          for (const item of (token as Tokens.List).items) walk(item.tokens)
          break
        case 'table': {
          const table = token as Tokens.Table
          for (const row of table.rows) push(row.map((cell) => inline(cell.tokens)).join(' · '))
          break
        }
        default:
          // code, html, hr, space, def: not prose.
          break
      }
    }
  }
  walk(tokens)
  return out.join('\n\n')
}

/** Most columns of indentation kept at the start of a line: about twelve levels of nested list. */
export const MAX_MARKDOWN_INDENT = 48
/** Most `>` quote markers kept at the start of a line. */
export const MAX_MARKDOWN_QUOTES = 8

/**
 * `markdown` with every line's indentation and run of `>` markers cut to the limits above, so lists and quotes
 * nest at most a dozen levels: marked re-reads a nested block at every level, so a list nested 1,500 deep took
 * 47 s and 1.45 GB. Deeper items become items of the deepest kept level; no text is lost. Linear.
 */
export function boundNesting(markdown: string): string {
  const lines = markdown.split('\n')
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!
    let i = 0
    let quotes = 0
    let cut = -1
    // The leading run of spaces, tabs and '>' markers.
    for (; i < line.length; i++) {
      const c = line[i]
      if (c === '>') {
        if (++quotes > MAX_MARKDOWN_QUOTES && cut < 0) cut = i
      } else if (c !== ' ' && c !== '\t') break
    }
    if (cut < 0 && i <= MAX_MARKDOWN_INDENT) continue
    const lead = line.slice(0, i)
    const markers = lead.replace(/[^>]/g, '').slice(0, MAX_MARKDOWN_QUOTES)
    const indent = lead.slice(lead.lastIndexOf('>') + 1).slice(0, MAX_MARKDOWN_INDENT)
    lines[n] = (markers ? `${markers} ` : '') + indent + line.slice(i)
  }
  return lines.join('\n').split(/\n(?=[ \t]*\n)/).map(plainIfMarkupHeavy).join('\n')
}

/** Most inline markup characters a block may have before it is read as plain text. */
export const MAX_MARKDOWN_MARKUP = 200

// marked's emphasis and link rules rescan a block for every opening marker: a 100 KB block of "**a" took 6 s, and
// the time grows with the square of the block. A block with more markers than any written paragraph loses them.
function plainIfMarkupHeavy(block: string): string {
  let markup = 0
  for (let i = 0; i < block.length && markup <= MAX_MARKDOWN_MARKUP; i++) if (MARKUP.has(block[i]!)) markup++
  if (markup <= MAX_MARKDOWN_MARKUP) return block
  // Keep each line's leading list or quote marker; drop inline markers after it.
  return block
    .split('\n')
    .map((line) => {
      const lead = LINE_MARKER.exec(line)?.[0] ?? ''
      let rest = ''
      for (let i = lead.length; i < line.length; i++) if (!MARKUP.has(line[i]!)) rest += line[i]
      return lead + rest
    })
    .join('\n')
}

const MARKUP = new Set(['*', '_', '[', ']', '`', '<', '>', '~', '!', '\\', '&'])
// A line's leading indentation, quote markers and list marker ("  > - ", "3. "): one way to read each character.
const LINE_MARKER = /^[ \t>]*(?:[-*+]|\d{1,9}[.)])?[ \t]*/

function inline(tokens: Token[] | undefined): string {
  if (!tokens) return ''
  let s = ''
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
      case 'escape': {
        const t = token as Tokens.Text
        s += t.tokens ? inline(t.tokens) : decodeEntities(t.text)
        break
      }
      case 'strong':
      case 'em':
      case 'del':
      case 'link':
        s += inline((token as Tokens.Strong).tokens)
        break
      case 'codespan':
        s += decodeEntities((token as Tokens.Codespan).text)
        break
      case 'br':
        s += ' '
        break
      default:
        // image, html (inline tags): dropped.
        break
    }
  }
  return s
}

function decodeEntities(text: string): string {
  // marked escapes these in text tokens; the article model holds plain characters.
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? _m)
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim()
}
