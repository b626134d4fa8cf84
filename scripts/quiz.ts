import { explainQuiz } from '../src/shared/quiz/generate'
import { readArticleFile } from './lib/read-article-file'

// Usage: npm run -s quiz -- <file...> [--json] [--explain]
// Prints each file's quiz (readably, or one JSON line per file); errors go to stderr and make the exit code 1.
// --explain also prints each kept question's rank and score parts, and every candidate that was dropped with the
// gate (or selection rule) that dropped it and why.
const args = process.argv.slice(2)
const json = args.includes('--json')
const explain = args.includes('--explain')
// --summary: one line per file (words, questions, the first round's target, true/false keys, drops per gate).
const summary = args.includes('--summary')
const files = args.filter((a) => a !== '--json' && a !== '--explain' && a !== '--summary')
if (files.length === 0) {
  process.stderr.write('usage: npm run -s quiz -- <file...> [--json] [--explain]\n')
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
  const explained = explainQuiz(article)
  const questions = explained.kept
  if (summary) {
    const words = article.paragraphs.join(' ').split(/\s+/).filter(Boolean).length
    const tf = questions.filter((q) => q.kind === 'true-false')
    const gates = new Map<string, number>()
    for (const d of explained.decisions) if (d.droppedBy) gates.set(d.droppedBy, (gates.get(d.droppedBy) ?? 0) + 1)
    const kinds = new Map<string, number>()
    for (const q of questions) kinds.set(q.kind, (kinds.get(q.kind) ?? 0) + 1)
    process.stdout.write(`${file.split('/').pop()}\twords ${words}\tquestions ${questions.length}\tper-50 ${Math.ceil(words / 50)}\tTrue ${tf.filter((q) => q.answer === 'True').length}/${tf.length}\t${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}\t| dropped: ${[...gates].map(([k, n]) => `${k} ${n}`).join(', ')}\n`)
    continue
  }
  if (json) {
    const dropped = explain ? explained.decisions.filter((d) => d.droppedBy).map((d) => ({ kind: d.question.kind, prompt: d.question.prompt, answer: d.question.answer, droppedBy: d.droppedBy, reason: d.reason })) : undefined
    process.stdout.write(JSON.stringify({ article: { title: article.title, date: article.date, paragraphs: article.paragraphs }, questions, ...(dropped ? { dropped } : {}) }) + '\n')
    continue
  }
  process.stdout.write(`# ${article.title}${article.date ? ` (${article.date})` : ''}: ${questions.length} questions\n\n`)
  const scoreOf = new Map(explained.decisions.filter((d) => d.importance && !d.droppedBy).map((d) => [d.question.id, d.importance!]))
  questions.forEach((q, i) => {
    process.stdout.write(`${i + 1}. [${q.kind}] ${q.prompt}\n`)
    if (explain) {
      const imp = scoreOf.get(q.id)
      process.stdout.write(`   rank ${q.rank}, score ${imp?.score ?? '?'} (${Object.entries(imp?.parts ?? {}).map(([k, v]) => `${k} ${v}`).join(', ')})\n`)
    }
    for (const o of q.options) process.stdout.write(`   ${o === q.answer ? '*' : '-'} ${o}\n`)
    process.stdout.write(`   Evidence (paragraph ${q.evidence.paragraph + 1}): ${q.evidence.text}\n   ${q.explanation}\n\n`)
  })
  if (explain) {
    const dropped = explained.decisions.filter((d) => d.droppedBy)
    process.stdout.write(`## Dropped: ${dropped.length} candidates${explained.truncatedAt ? ` (only the first ${explained.truncatedAt} words were read)` : ''}\n\n`)
    for (const d of dropped) {
      process.stdout.write(`- [${d.droppedBy}] [${d.question.kind}] ${d.question.prompt} → ${d.question.answer}\n    why: ${d.reason}\n`)
      if (d.repairedFrom) process.stdout.write(`    repaired from: ${d.repairedFrom}\n`)
    }
    process.stdout.write('\n')
  }
}
process.exit(failed ? 1 : 0)
