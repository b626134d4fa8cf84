/**
 * Turns a plain-text article into the app's content format, for shipping it in content/articles/.
 *
 *   npx tsx scripts/make-content.ts <article.txt> --id <id> --credit <who> [--licence <name>] [--url <original>] > content/articles/NN-<id>.json
 *
 * The text is read by the app's own parser, so what ships is exactly what an import would show.
 */
import { readFileSync } from 'node:fs'
import { CONTENT_FORMAT, readContentFile } from '../src/shared/article/content-format'
import { parseArticle } from '../src/shared/article/parse'

function flag(args: string[], name: string): string | null {
  const i = args.indexOf(`--${name}`)
  return i === -1 ? null : (args[i + 1] ?? null)
}

function main(): number {
  const args = process.argv.slice(2)
  const file = args[0]
  const id = flag(args, 'id')
  const credit = flag(args, 'credit')
  if (!file || !id || !credit) {
    console.error('usage: make-content <article.txt> --id <id> --credit <who> [--licence <name>] [--url <original>]')
    return 2
  }
  const parsed = parseArticle(readFileSync(file, 'utf8'), { id })
  if (!parsed.ok) {
    console.error(`${file}: ${parsed.error.message}`)
    return 1
  }
  const a = parsed.article
  const body: ({ paragraph: string } | { heading: string })[] = []
  a.paragraphs.forEach((paragraph, i) => {
    for (const h of a.headings) if (h.before === i) body.push({ heading: h.text })
    body.push({ paragraph })
  })
  const content = {
    format: CONTENT_FORMAT,
    id,
    title: a.title,
    date: a.date,
    dateLabel: a.dateLabel,
    source: a.source ?? credit,
    byline: a.byline,
    credits: a.credits,
    body,
    licence: { credit, name: flag(args, 'licence'), url: flag(args, 'url') }
  }
  const check = readContentFile(content)
  if (!check.ok) {
    console.error(`${file}: ${check.message}`)
    return 1
  }
  process.stdout.write(`${JSON.stringify(content, null, 2)}\n`)
  return 0
}

process.exitCode = main()
