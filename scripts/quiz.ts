import { generateQuiz } from '../src/shared/quiz/generate'
import { readArticleFile } from './lib/read-article-file'

// Usage: npm run -s quiz -- <file...> [--json]
// Prints each file's quiz (readably, or one JSON line per file); errors go to stderr and make the exit code 1.
const args = process.argv.slice(2)
const json = args.includes('--json')
const files = args.filter((a) => a !== '--json')
if (files.length === 0) {
  process.stderr.write('usage: npm run -s quiz -- <file...> [--json]\n')
  process.exit(2)
}

let failed = false
for (const file of files) {
  const error = (message: string): void => {
    failed = true
    process.stderr.write(`${file}: ${message}\n`)
    if (json) process.stdout.write(JSON.stringify({ file, error: message }) + '\n')
  }
  // Read as the app reads it (see read-article-file.ts): same checks, decoding, importers and a time limit.
  const read = readArticleFile(file)
  if (!read.ok) {
    error(read.error.message)
    continue
  }
  const { article } = read.value
  const questions = generateQuiz(article)
  if (json) {
    process.stdout.write(JSON.stringify({ article: { title: article.title, date: article.date, paragraphs: article.paragraphs }, questions }) + '\n')
    continue
  }
  process.stdout.write(`# ${article.title}${article.date ? ` (${article.date})` : ''}: ${questions.length} questions\n\n`)
  questions.forEach((q, i) => {
    process.stdout.write(`${i + 1}. [${q.kind}] ${q.prompt}\n`)
    for (const o of q.options) process.stdout.write(`   ${o === q.answer ? '*' : '-'} ${o}\n`)
    process.stdout.write(`   Evidence (paragraph ${q.evidence.paragraph + 1}): ${q.evidence.text}\n   ${q.explanation}\n\n`)
  })
}
process.exit(failed ? 1 : 0)
