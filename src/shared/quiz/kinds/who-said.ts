import { evidenceOf, makeQuestion, quoteEvidence } from '../build'
import type { QuizContext } from '../context'
import { entityDistractors } from '../distractors'
import type { Question } from '../model'
import { answerForm, shown, whPhrase } from './shared'
import { capitalise } from '../build'
import words from '../data/reference-words.json'

/**
 * "Who said ...?" questions on quotes whose speaker the article names in the same paragraph ("he said"
 * resolved to the person named just before). Only whole quoted statements of 5 to 30 words are asked about.
 */
export function whoSaid(ctx: QuizContext): Question[] {
  const out: Question[] = []
  const employers = employersOf(ctx)
  for (const q of ctx.quotes) {
    if (!q.speaker) continue
    let words = q.words.replace(/[,;:.]$/, '').trim()
    // A long quote is asked by its first sentence, when that sentence is whole and says something.
    const firstEnd = /^(.{25,}?[.!?])\s+[“"‘]?[A-Z]/.exec(words)
    if (words.split(/\s+/).length > 30 && firstEnd) words = firstEnd[1]!.replace(/\.$/, '')
    const n = words.split(/\s+/).length
    if (n < 5 || n > 40) continue
    // A quote that names or signs off as its speaker ("... Jim") answers itself.
    const nameParts = q.speaker.entity.name.split(' ').concat(q.speaker.text.split(' '))
    if (/(?:^|[.!?]\s+)[A-Z][a-z]+$/.test(words) || nameParts.some((p) => p.length > 2 && words.includes(p))) continue
    // "I'll [call a national emergency] if I want": an editor's bracket says what the speaker meant, and often who.
    if (/\[[^\]]*\p{L}/u.test(words)) continue
    // A quote starting in lower case is a fragment unless it is a whole reported clause ("... that “there is ...”").
    const lead = ctx.article.paragraphs[q.paragraph]!.slice(Math.max(0, q.start - 6), q.start)
    if (!/^[\p{Lu}]/u.test(words) && !(n >= 8 && /\bthat\s$/.test(lead))) continue
    if (q.evidenceEnd - q.evidenceStart > 700) continue
    const prompt = `${capitalise(whPhrase(q.speaker.entity, true))} said “${words.replace(/[“”]/g, '‘').replace(/"/g, '’')}”?`
    const exclude = new Set<string>()
    for (const m of ctx.entities.mentions) if (m.paragraph === q.paragraph && m.start >= q.start && m.end <= q.end) exclude.add(m.entity.key)
    const answer = answerForm(ctx, q.speaker)
    const distractors = entityDistractors(ctx, q.speaker.entity, new Set([...exclude, ...employers])).map((e) => shown(ctx, e))
    const ev = evidenceOf(ctx, q.paragraph, q.evidenceStart, q.evidenceEnd)
    const made = makeQuestion('who-said', prompt, answer, distractors, ev, `The article gives these words to ${answer}: ${quoteEvidence(ev.text)}`)
    if (made) out.push(made)
  }
  return out
}

// Titles of people, in lower case as they follow a firm's name ("the Dean Witter economist").
const JOBS: ReadonlySet<string> = new Set(words.personTitles.map((t) => t.toLowerCase()))

/**
 * NAME: EMPLOYER_NOT_SPEAKER. Names the story only ever writes after "of", "at" or "from" ("Tom Murtha of James
 * Capel said", "the Dean Witter economist"): where someone works, not someone who speaks, whatever its first word
 * looks like. Raters saw the brokerages James Capel and Dean Witter offered as speakers.
 */

function employersOf(ctx: QuizContext): Set<string> {
  const seen = new Map<string, boolean>()
  for (const m of ctx.entities.mentions) {
    if (m.entity.type !== 'person') continue
    const text = ctx.article.paragraphs[m.paragraph]!
    const before = text.slice(Math.max(0, m.start - 6), m.start)
    // "the Dean Witter economist": a name before a job title is where that person works.
    const job = /^\s+([a-z]+)/.exec(text.slice(m.end))?.[1]
    const employer = /\b(?:of|at|from)\s+(?:the\s+)?$/i.test(before) || (/\bthe\s+$/i.test(before) && !!job && JOBS.has(job))
    seen.set(m.entity.key, (seen.get(m.entity.key) ?? true) && employer)
  }
  return new Set([...seen].filter(([, employer]) => employer).map(([key]) => key))
}
