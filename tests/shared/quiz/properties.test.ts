import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseArticle } from '@shared/article/parse'
import { generateQuiz } from '@shared/quiz/generate'
import { checkQuestion } from '@shared/quiz/invariants'
import { defaultWorld } from '@shared/quiz/world'

// The generator on text it was never tuned for: articles assembled at random from news-like sentence parts.
// Whatever the generator's rules become, it must not throw, and every question it keeps must meet the
// invariants (src/shared/quiz/invariants.ts). Only those are asserted here, so the rules can change freely.
const world = defaultWorld()
// The mutation run (scripts/mutation.mjs) runs the first cases only, for time: the same seed gives the same first
// cases, so its score is a lower bound of what the full 60 would catch.
const RUNS = Number(process.env.NEWSQUIZ_QUIZ_PROPERTY_RUNS ?? 60)

const SUBJECTS = ['Donald Trump', 'The European Union', 'Officials in Brazil', 'He', 'She', 'They', 'About 300 people', 'The Kremlin', 'Angela Merkel', 'Police in Sydney', 'A spokesman for the company', 'Scientists at the University of Toronto', 'NATO', 'The World Health Organization', 'It']
const VERBS = ['said', 'called', 'announced', 'met', 'told the Washington Post', 'accused', 'agreed to', 'denied', 'reported', 'will visit', 'has warned', 'did not confirm']
const OBJECTS = ['Vladimir Putin', 'the new plan', 'more than 11,000 workers', 'up to $500 million', 'almost 70 years of talks', 'Russia', 'the city of Paris', 'a 12% rise', 'three of the five members', 'the first time since 1990', 'Barack Obama', 'the government of India']
const TAILS = ['on Monday', 'on January 20', 'in 2014', 'in the 1990s', 'last week', 'by 2030', 'after the vote', 'in Washington', 'according to Reuters', '']
const QUOTES = ['“We will not give up,” she said.', '"This is a historic day," Trump said.', '“No comment,” a spokesman told reporters.', 'He said the talks were “productive”.']

const sentence = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.constantFrom(...SUBJECTS), fc.constantFrom(...VERBS), fc.constantFrom(...OBJECTS), fc.constantFrom(...TAILS)).map(([s, v, o, t]) => `${s} ${v} ${o}${t ? ` ${t}` : ''}.`) },
  { weight: 1, arbitrary: fc.constantFrom(...QUOTES) }
)
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 5 }).map((s) => s.join(' '))
const articleText = fc
  .tuple(fc.constantFrom('Leaders meet after the vote', 'Storm hits the coast', 'Company reports record year'), fc.option(fc.constantFrom('2016-11-15', '2004-12-29', '2023-02-23'), { nil: null }), fc.array(paragraph, { minLength: 1, maxLength: 8 }))
  .map(([title, date, paras]) => `${title}\n${date ? `Date: ${date}\n` : ''}\n${paras.join('\n\n')}`)

describe('generateQuiz on random news-like text', () => {
  it('never throws, and every question meets the invariants', () => {
    let questions = 0
    fc.assert(
      fc.property(articleText, (text) => {
        const parsed = parseArticle(text)
        expect(parsed.ok).toBe(true)
        if (!parsed.ok) return
        const quiz = generateQuiz(parsed.article, world)
        questions += quiz.length
        const broken = quiz.map((q) => ({ prompt: q.prompt, options: q.options, bad: checkQuestion(q, parsed.article, world) })).filter((b) => b.bad.length)
        expect(broken).toEqual([])
      }),
      { seed: 13, numRuns: RUNS }
    )
    // The texts are real enough to ask about: a generator that returned nothing would pass the loop above.
    expect(questions).toBeGreaterThan(RUNS)
  })
})
