import type { Article } from '../article/model'
import { normalise } from './distractors'
import type { Question } from './model'
import type { World, WorldEntity } from './world'

const KINDS = new Set(['who-did-what', 'when', 'who-what-where', 'how-many', 'who-said', 'true-false', 'cloze', 'what'])
const LEADING_PRONOUN = /^(?:He|She|It|They|His|Her|Its|Their|This|That|These|Those)\b/
const MONTH_OR_DAY = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/

/**
 * Checks the rules every question must keep and returns what it breaks (empty when it keeps them all):
 * a known kind and a non-empty id; a well-formed prompt; 2 options for true/false and 3–4 otherwise,
 * distinct ignoring case, with the answer among them exactly once; evidence that is exactly the article's
 * text at its offsets and, except for true/false, holds the answer; no two options naming the same
 * thing by any alias, nor a place and a place inside it.
 */
export function checkQuestion(q: Question, article: Article, world: World): string[] {
  const bad: string[] = []
  if (!q.id) bad.push('empty id')
  if (!KINDS.has(q.kind)) bad.push(`unknown kind ${q.kind}`)
  if (!/^[\p{Lu}\p{N}“"‘]/u.test(q.prompt)) bad.push('prompt not capitalised')
  if (LEADING_PRONOUN.test(q.prompt.replace(/^Fill the gap: /, ''))) bad.push('prompt starts with a pronoun')
  if (q.kind === 'cloze' ? !q.prompt.includes('_____') : q.kind === 'true-false' ? !/[.!]["”’']?$/.test(q.prompt) : !q.prompt.endsWith('?')) bad.push('prompt badly ended')
  const n = q.options.length
  if (q.kind === 'true-false' ? n !== 2 : n < 3 || n > 4) bad.push(`${n} options`)
  if (q.options.filter((o) => o === q.answer).length !== 1) bad.push('answer not exactly once in options')
  if (new Set(q.options.map((o) => o.toLowerCase())).size !== n) bad.push('options not distinct')
  const para = article.paragraphs[q.evidence.paragraph]
  if (para === undefined || para.slice(q.evidence.start, q.evidence.end) !== q.evidence.text) bad.push('evidence does not match the article')
  if (!q.evidence.text.trim()) bad.push('empty evidence')
  if (q.kind !== 'true-false' && !holdsAnswer(q.evidence.text, q.answer)) bad.push('evidence does not hold the answer')
  const keys = q.options.map((o) => entityOf(world, o))
  for (let i = 0; i < keys.length; i++) {
    for (let j = i + 1; j < keys.length; j++) {
      const a = keys[i]
      const b = keys[j]
      if (a && b && (a.key === b.key || a.partOf === b.name || b.partOf === a.name)) bad.push(`options name the same thing: ${q.options[i]} / ${q.options[j]}`)
    }
  }
  if (!q.explanation.trim()) bad.push('no explanation')
  return bad
}

/** The curated entity an option names, by name or alias, if any. */
export function entityOf(world: World, option: string): WorldEntity | undefined {
  return world.byForm.get(option) ?? world.byForm.get(option.replace(/^the\s+/i, ''))
}

/**
 * True when the evidence holds the answer as the article writes it: the answer itself, or for a resolved
 * date its first part as written ("Monday" for "Monday, November 14, 2016"), or for names the last word of
 * each name (a surname stands for the full name), or for "A called B" both names.
 */
export function holdsAnswer(evidence: string, answer: string): boolean {
  const ev = normalise(evidence)
  if (ev.includes(normalise(answer))) return true
  const first = answer.split(',')[0]!.trim()
  if (first !== answer && normalise(first) && ev.includes(normalise(first))) return true
  const month = /^([A-Z][a-z]+) (\d{1,2}), \d{4}$/.exec(answer)
  if (month && (ev.includes(normalise(`${month[1]} ${month[2]}`)) || ev.includes(normalise(`${month[2]} ${month[1]}`)) || ev.includes(normalise(`${month[1]!.slice(0, 3)} ${month[2]}`)))) return true
  // Names: every run of capitalised words must be present by its last word.
  const runs = answer.match(/(?:[\p{Lu}][\p{L}'’.-]*\s?)+/gu) ?? []
  if (runs.length === 0) return false
  return runs.every((r) => {
    const last = r.trim().split(/\s+/).pop()!
    return !MONTH_OR_DAY.test(last) && new RegExp(`(?<![\\p{L}])${last.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(evidence)
  })
}
