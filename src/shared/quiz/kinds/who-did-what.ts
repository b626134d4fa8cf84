import { evidenceOf, makeQuestion, quoteEvidence } from '../build'
import { inQuote, within, type QuizContext } from '../context'
import { entityDistractors } from '../distractors'
import type { Mention } from '../entities'
import type { Question } from '../model'
import { shown } from './shared'

// Actions done by one person to another, past tense; "called" is read as a phone call only without an object noun after it.
const ACTIONS = ['called', 'phoned', 'met', 'defeated', 'beat', 'accused', 'criticised', 'criticized', 'praised', 'thanked', 'congratulated', 'endorsed', 'sued', 'invited', 'fired', 'appointed', 'replaced', 'succeeded', 'interviewed', 'visited', 'hosted', 'telephoned']

/**
 * "Who called whom?" questions: a person doing one of a few actions to another person. Besides "A called B",
 * "A had called to offer congratulations" counts as A calling B when B is the one other person the sentence
 * names. Options are the pair both ways round and with another person of the article.
 */
export function whoDidWhat(ctx: QuizContext): Question[] {
  const out: Question[] = []
  const usedVerbs = new Set<string>()
  for (const para of ctx.sentences) {
    for (const s of para) {
      const people = within(ctx.entities.mentions, s).filter((m) => m.entity.type === 'person' && !inQuote(ctx, m.paragraph, m.start, m.end))
      if (people.length < 2) continue
      for (const a of people) {
        const after = s.text.slice(a.end - s.start)
        const m = new RegExp(`^\\s+(?:had |has |have )?(?:also |already |earlier |previously )?(${ACTIONS.join('|')})\\b(\\s+to\\s+\\w+)?`).exec(after)
        if (!m) continue
        const verb = m[1]!
        let b: Mention | undefined
        if (m[2]) {
          if (verb !== 'called' && verb !== 'phoned' && verb !== 'telephoned') continue
          const others = [...new Set(people.filter((p) => p.entity.key !== a.entity.key).map((p) => p.entity.key))]
          if (others.length !== 1) continue
          b = people.find((p) => p.entity.key === others[0])
        } else {
          const objStart = a.end + m[0].length
          b = people.find((p) => p.start >= objStart && p.start <= objStart + 1)
          // "Donald Trump's rival Hillary Clinton accused him": "him" is the one other person named before the actor.
          if (!b && /^\s+(?:him|her)\b/.test(s.text.slice(objStart - s.start))) {
            const before = [...new Set(people.filter((p) => p.end <= a.start && p.entity.key !== a.entity.key).map((p) => p.entity.key))]
            const otherAfter = people.some((p) => p.start > a.end && p.entity.key !== a.entity.key && p.start < objStart)
            if (before.length === 1 && !otherAfter && ['accused', 'criticised', 'criticized', 'praised', 'thanked', 'congratulated', 'endorsed', 'sued', 'defeated', 'beat'].includes(verb)) b = people.find((p) => p.entity.key === before[0])
          }
          if (!b) continue
          const afterB = s.text.slice(b.end - s.start)
          // "called Putin a better leader" names, not phones.
          if (verb === 'called' && /^\s+(?:a|an|the|[a-z]+)\b/.test(afterB) && !/^\s+(?:on|to|at|in|from|after|before|and|,|\.)/.test(afterB)) continue
        }
        if (!b || b.entity.key === a.entity.key || usedVerbs.has(verb)) continue
        usedVerbs.add(verb)
        const an = shown(ctx, a.entity).split(' ').pop()!
        const bn = shown(ctx, b.entity).split(' ').pop()!
        const others = entityDistractors(ctx, a.entity, new Set(people.map((p) => p.entity.key)), 2).map((e) => shown(ctx, e).split(' ').pop()!)
        const answer = `${an} ${verb} ${bn}`
        const distractors = [`${bn} ${verb} ${an}`, ...others.map((c, i) => (i === 0 ? `${an} ${verb} ${c}` : `${c} ${verb} ${bn}`))]
        const ev = evidenceOf(ctx, s.paragraph, s.start, s.end)
        // "accused him of being a puppet of ...": what the act was about makes the question say what it asks.
        const objectEnd = b.start > a.end ? b.end : a.end + m[0].length + (/^\s+(?:him|her)/.exec(s.text.slice(a.end + m[0].length - s.start))?.[0].length ?? 0)
        const about = /^\s+((?:of|for)\s+[^,;.“”"]+)[,;.]/.exec(s.text.slice(objectEnd - s.start))
        const what = about && !/\b(?:he|she|him|her|his|hers|they|them|their|it|its)\b/i.test(about[1]!) && about[1]!.split(' ').length <= 12 ? ` ${about[1]}` : ''
        const q = makeQuestion('who-did-what', `Who ${verb} whom${what}?`, answer, distractors, ev, `${answer}: ${quoteEvidence(ev.text)}`)
        if (q) out.push(q)
      }
    }
  }
  return out
}
