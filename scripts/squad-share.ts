import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArticle } from '../src/shared/article/parse'
import { generateQuiz } from '../src/shared/quiz/generate'
import { SHARED } from '../tests/support/corpus'

// Prints the share of SQuAD answers (what people chose to ask about) that the generator also asks about:
// an answer counts when it matches, after normalising case and punctuation, a generated question's answer (or
// that answer without its hedge) or, for a false statement, the fact it swapped.
interface SquadItem { id: string; title: string; passage: string; questions: Array<{ q: string; answer: string; all_answers: string[] }> }

const file = resolve(SHARED, 'corpus/qa/squad-dev.jsonl')
if (!existsSync(file)) {
  console.error(`The SQuAD sample is not at ${file}: put the shared corpus beside the repo or set NEWSQUIZ_SHARED.`)
  process.exit(1)
}
const norm = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' ').replace(/\b(?:a|an|the)\b/g, ' ').replace(/\s+/g, ' ').trim()
const HEDGE = /^(?:about|almost|nearly|around|roughly|approximately|some|over|more than|less than|fewer than|at least|up to|just over|just under|close to|as many as|as few as|an estimated|an additional|above|below|under)\s+/i
let asked = 0
let matched = 0
let generated = 0
for (const line of readFileSync(file, 'utf8').split('\n')) {
  if (!line.trim()) continue
  const item = JSON.parse(line) as SquadItem
  const parsed = parseArticle(`${item.title}\n\n${item.passage}`)
  if (!parsed.ok) continue
  const questions = generateQuiz(parsed.article)
  generated += questions.length
  const keys = new Set(questions.filter((q) => q.kind !== 'true-false').map((q) => norm(q.answer)))
  // An amount asks about its figure whatever the hedge: "approximately 51,300 pounds" asks about "51,300 pounds".
  for (const q of questions) if (q.kind !== 'true-false') keys.add(norm(q.answer.replace(HEDGE, '')))
  // A false statement asks about the fact it swapped, which its explanation quotes ("the article gives “1960”").
  for (const q of questions) {
    const swapped = q.kind === 'true-false' && q.answer === 'False' ? /gives “([^”]+)”/.exec(q.explanation) : null
    if (swapped) keys.add(norm(swapped[1]!))
  }
  for (const q of item.questions) {
    asked++
    const answers = [q.answer, ...q.all_answers].map(norm)
    if (answers.some((a) => keys.has(a))) matched++
  }
}
console.log(`SQuAD answers asked about by people: ${asked}; also asked by the generator: ${matched} (${((100 * matched) / asked).toFixed(1)}%); questions generated: ${generated}`)
