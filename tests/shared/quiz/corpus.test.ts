import { describe, expect, it } from 'vitest'
import { wordCount } from '@shared/article/model'
import { generateQuiz } from '@shared/quiz/generate'
import { checkQuestion, entityOf } from '@shared/quiz/invariants'
import type { Question } from '@shared/quiz/model'
import { defaultWorld } from '@shared/quiz/world'
import { SEED_FILE, corpus, load } from './support'

const world = defaultWorld()
const articles = [...corpus(), { name: 'seed', article: load(SEED_FILE) }]
const quizzes = articles.map(({ name, article }) => ({ name, article, questions: generateQuiz(article) }))
const all: Array<{ name: string; q: Question }> = quizzes.flatMap(({ name, questions }) => questions.map((q) => ({ name, q })))

describe('the whole corpus', () => {
  it.each(quizzes.map((z) => [z.name, z] as const))('%s: every question keeps the invariants', (_name, z) => {
    const broken = z.questions.map((q) => ({ prompt: q.prompt, bad: checkQuestion(q, z.article, world) })).filter((b) => b.bad.length)
    expect(broken).toEqual([])
  })

  it.each(quizzes.map((z) => [z.name, z] as const))('%s: at least one question per 60 words', (_name, z) => {
    expect(z.questions.length).toBeGreaterThanOrEqual(Math.ceil(wordCount(z.article) / 60))
  })

  it('keeps the true/false key from being a safe guess: at least 28% of statements are false', () => {
    const tf = all.filter(({ q }) => q.kind === 'true-false')
    expect(tf.filter(({ q }) => q.answer === 'False').length / tf.length).toBeGreaterThanOrEqual(0.28)
  })

  it('never asks a learner to judge or fill a dateline ("CAPE CANAVERAL, Florida - ...", "November 17, Brisbane, Australia - ...")', () => {
    const bad = all.filter(({ q }) => ['true-false', 'cloze'].includes(q.kind) && /^(?:Fill the gap: )?(?:\p{Lu}{2,}[\p{Lu} .'’-]*|[A-Z][a-z]+ \d{1,2}|_____),\s[^–—]{0,40}?\s[-–—]\s/u.test(q.prompt))
    expect(bad.map((b) => b.q.prompt)).toEqual([])
  })

  it('never leaves a quote mark unpaired in a prompt', () => {
    const bad = all.filter(({ q }) => /[“”"]/.test(q.prompt.replace(/[“"][^“”"]*[”"]/g, '')))
    expect(bad.map((b) => b.q.prompt)).toEqual([])
  })

  it('never lets the prompt name the answer by its people ("English captain") or by the city before it ("Brasília, _____")', () => {
    const bad = all.filter(({ q }) => {
      if (!['who-what-where', 'cloze'].includes(q.kind)) return false
      const e = entityOf(world, q.answer)
      if (!e || (e.type !== 'country' && e.type !== 'region')) return false
      const adjectives = [...world.demonyms].filter(([, key]) => key === e.key).map(([d]) => d)
      return adjectives.some((d) => new RegExp(`(?<![\\p{L}])${d}(?![\\p{L}])`, 'u').test(q.prompt)) || /[\p{Lu}][\p{L}]+, (?:_____|which (?:country|state|region|territory|continent)\b)/u.test(q.prompt)
    })
    expect(bad.map((b) => `${b.q.prompt} → ${b.q.answer}`)).toEqual([])
  })

  it('never asks for what something is not ("a ban which does not cover which country")', () => {
    const bad = all.filter(({ q }) => /\b(?:not|never|n't)\s+(?:[a-z]+\s+){1,2}(?:which|whom|_____)/.test(q.prompt))
    expect(bad.map((b) => b.q.prompt)).toEqual([])
  })

  it('uses every question kind somewhere', () => {
    const kinds = new Set(all.map((a) => a.q.kind))
    expect([...kinds].sort()).toEqual(['cloze', 'how-many', 'true-false', 'when', 'who-did-what', 'who-said', 'who-what-where'])
  })

  it('never leads a prompt with an unresolved pronoun', () => {
    const bad = all.filter(({ q }) => /^(?:Fill the gap: )?(?:He|She|It|They|This|That|These|Those|His|Her|Its|Their)\b/.test(q.prompt))
    expect(bad.map((b) => b.q.prompt)).toEqual([])
  })

  it('never offers two aliases of one thing, nor a place beside a place inside it', () => {
    const bad = all.filter(({ q }) => {
      const es = q.options.map((o) => entityOf(world, o)).filter((e) => e !== undefined)
      return es.some((a, i) => es.some((b, j) => i < j && (a.key === b.key || a.partOf === b.name || b.partOf === a.name)))
    })
    expect(bad.map((b) => b.q.options)).toEqual([])
  })

  it('never lets the prompt give the answer away by naming it', () => {
    const bad = all.filter(({ q }) => {
      if (!['who-what-where', 'who-said', 'cloze'].includes(q.kind)) return false
      const last = q.answer.split(' ').pop()!
      return /^[\p{Lu}][\p{L}]{3,}$/u.test(last) && new RegExp(`(?<![\\p{L}])${last}(?![\\p{L}])`, 'u').test(q.prompt)
    })
    expect(bad.map((b) => `${b.q.prompt} → ${b.q.answer}`)).toEqual([])
  })

  it('puts cloze gaps only on names, amounts, dates and key noun phrases, never on filler words', () => {
    const FILLER = /^(?:the|a|an|of|in|on|at|to|and|or|but|is|was|were|are|be|been|has|have|had|it|he|she|they|that|this|which|who|with|for|by|as|from)$/
    const KEY = /[\p{Lu}\p{N}]|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)\b/u
    // A key noun phrase is a compound of content words ("iodine intake"): several words, none of them filler.
    const phrase = (a: string): boolean => a.split(' ').length >= 2 && a.split(' ').every((w) => /^[a-z-]{3,}$/.test(w) && !FILLER.test(w))
    const bad = all.filter(({ q }) => q.kind === 'cloze' && (FILLER.test(q.answer) || (!KEY.test(q.answer) && !phrase(q.answer))))
    expect(bad.map((b) => b.q.answer)).toEqual([])
  })

  it('makes false statements differ from the evidence by one swapped fact, never by a changed word of grammar', () => {
    const falses = all.filter(({ q }) => q.kind === 'true-false' && q.answer === 'False')
    expect(falses.length).toBeGreaterThan(0)
    for (const { q } of falses) {
      expect(q.prompt).not.toBe(q.evidence.text)
      const a = q.prompt.split(/\s+/)
      const b = q.evidence.text.split(/\s+/)
      // One fact replaced: the words before and after it are the article's own.
      let head = 0
      while (head < a.length && a[head] === b[head]) head++
      let tail = 0
      while (tail < a.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++
      expect(a.length - head - tail).toBeLessThanOrEqual(4)
    }
  })

  it('keeps true statements word for word (a leading "But" or "And" aside, and "he" named)', () => {
    const trues = all.filter(({ q }) => q.kind === 'true-false' && q.answer === 'True')
    expect(trues.length).toBeGreaterThan(0)
    for (const { q } of trues) {
      // The name put for "he" may be one to three words; everything after it is the article's own.
      const words = q.prompt.split(/\s+/)
      expect([1, 2, 3].some((k) => q.evidence.text.includes(words.slice(k).join(' '))), q.prompt).toBe(true)
    }
  })
})
