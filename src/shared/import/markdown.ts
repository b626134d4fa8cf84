import { Lexer, type Token, type Tokens } from 'marked'

/**
 * Turns Markdown into the plain news layout `parseArticle` reads: the first heading (or first line) as the
 * title line, `## ` heading lines, and one paragraph per block separated by blank lines, with inline
 * formatting stripped (emphasis and links keep their text; images, raw HTML and code blocks are dropped: they
 * are not the article's prose and raw HTML must never reach the reader). Pure; never throws on any string.
 */
export function markdownToArticleText(markdown: string): string {
  const tokens = new Lexer({ gfm: true }).lex(markdown.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'))
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
