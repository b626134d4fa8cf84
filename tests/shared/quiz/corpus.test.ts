import { describe, expect, it } from 'vitest'
import { wordCount } from '@shared/article/model'
import { explainQuiz } from '@shared/quiz/generate'
import { checkQuestion, entityOf } from '@shared/quiz/invariants'
import type { Question } from '@shared/quiz/model'
import { defaultWorld } from '@shared/quiz/world'
import { SEED_FILE, corpus, hasCorpus, load } from './support'

const world = defaultWorld()
const articles = [...corpus(), { name: 'seed', article: load(SEED_FILE) }]
const explained = articles.map(({ name, article }) => ({ name, article, ...explainQuiz(article) }))
const quizzes = explained.map(({ name, article, kept }) => ({ name, article, questions: kept }))
const all: Array<{ name: string; q: Question }> = quizzes.flatMap(({ name, questions }) => questions.map((q) => ({ name, q })))

describe('the whole corpus', () => {
  it.each(quizzes.map((z) => [z.name, z] as const))('%s: every question keeps the invariants', (_name, z) => {
    const broken = z.questions.map((q) => ({ prompt: q.prompt, bad: checkQuestion(q, z.article, world) })).filter((b) => b.bad.length)
    expect(broken).toEqual([])
  })

  // The gates drop what a strict editor would not ship, so some articles get fewer questions than the one per 50
  // words a first round aims for (a story about Boeing asks little about Boeing: the headline gives it away).
  // These floors guard against a gate that silently empties quizzes: one question per 400 words at least, and the
  // corpus as a whole one per 250. A short story may have none fit to ship (the Kmart-Sears brief: its headline
  // gives away the purchase, and every other sentence leans on "the deal"); the quiz panel then says so.
  // A story left with nothing fit to ship, named with the reason, and checked to be still empty for that reason
  // (so a change that gives it questions, or empties it another way, shows here).
  const EMPTY: Record<string, { why: string; droppedBy: string; reason: RegExp }> = {
    'wikinews-gum_lanterns.txt': {
      why: 'a visitor’s diary: its only figure is past the opening (a 2 km circumference), its other sentences lean on “the festival” or “this year”',
      droppedBy: 'background',
      reason: /past the story's opening/
    }
  }
  it.each(quizzes.map((z) => [z.name, z] as const))('%s: at least one question per 400 words', (name, z) => {
    const empty = EMPTY[name]
    if (empty) {
      expect(z.questions, empty.why).toEqual([])
      const full = explained.find((x) => x.name === name)!
      expect(full.decisions.some((d) => d.droppedBy === empty.droppedBy && empty.reason.test(d.reason ?? ''))).toBe(true)
      return
    }
    expect(z.questions.length).toBeGreaterThanOrEqual(Math.floor(wordCount(z.article) / 400))
  })

  it('asks at least one question per 250 words over all the articles', () => {
    const words = quizzes.reduce((n, z) => n + wordCount(z.article), 0)
    const questions = quizzes.reduce((n, z) => n + z.questions.length, 0)
    expect(questions).toBeGreaterThanOrEqual(Math.floor(words / 250))
  })

  it.each(quizzes.map((z) => [z.name, z] as const))('%s: ranks are 1..n, one per question', (_name, z) => {
    expect(z.questions.map((q) => q.rank).sort((a, b) => a - b)).toEqual(z.questions.map((_q, i) => i + 1))
  })

  it('never asks two questions with the same answer to the same predicate', () => {
    for (const z of quizzes) {
      const seen = new Map<string, string>()
      for (const q of z.questions.filter((x) => x.kind !== 'true-false')) {
        const key = `${q.answer.toLowerCase()}|${q.prompt.toLowerCase().replace(/[^a-z ]/g, '').split(' ').filter((w) => w.length > 3).sort().join(' ')}`
        expect(seen.get(key), `${z.name}: ${q.prompt}`).toBeUndefined()
        seen.set(key, q.prompt)
      }
    }
  })

  it('never repeats an option under another spelling, nor opens a prompt on a dateline or a connective', () => {
    const bad = all.filter(({ q }) => {
      const names = q.options.filter((o) => /^[\p{Lu}]/u.test(o) && !/\d/.test(o) && o.split(' ').length <= 4)
      const twice = names.some((a, i) => names.some((b, j) => i < j && a.split(' ').length > 1 && b.split(' ').length > 1 && a.split(' ').at(-1) === b.split(' ').at(-1) && a.split(' ')[0] === b.split(' ')[0]))
      const opener = /^(?:Fill the gap: )?(?:Indeed|But|And|However|Meanwhile|Moreover|Also)\b/.test(q.prompt) || /^(?:Fill the gap: )?\p{Lu}{3,}[\p{Lu} ,.]*\s[-–—]\s/u.test(q.prompt)
      return twice || opener
    })
    expect(bad.map((b) => `${b.name}: ${b.q.prompt} ${b.q.options.join(' / ')}`)).toEqual([])
  })

  it.each(quizzes.map((z) => [z.name, z] as const))('%s: true/false keys are "True" between 40% and 60% of the time (5 or more statements), never all "True" beyond two', (_name, z) => {
    const tf = z.questions.filter((q) => q.kind === 'true-false')
    const t = tf.filter((q) => q.answer === 'True').length
    if (tf.length >= 5) {
      expect(t / tf.length).toBeGreaterThanOrEqual(0.4)
      expect(t / tf.length).toBeLessThanOrEqual(0.6)
    } else {
      expect(t).toBeLessThanOrEqual(Math.max(2, Math.floor((tf.length - t) * 1.5)))
    }
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
    expect([...kinds].sort()).toEqual(['cloze', 'how-many', 'true-false', 'what', 'when', 'who-did-what', 'who-said', 'who-what-where'])
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

  it('keeps a "False" key in every quiz where a false statement passed the gates, so "True" is never the only key', () => {
    let checked = 0
    for (const { name, decisions, kept } of explained) {
      // Passed every gate: kept, or dropped only by the selection that follows the gates.
      const selection = new Set(['same-sentence', 'same-fact', 'shows-another-answer', 'true-false-balance', 'quiz-full', 'same-answer-too-often'])
      const candidate = decisions.some((d) => d.question.kind === 'true-false' && d.question.answer === 'False' && (!d.droppedBy || selection.has(d.droppedBy)))
      if (!candidate) continue
      checked++
      expect(kept.some((q) => q.kind === 'true-false' && q.answer === 'False'), name).toBe(true)
    }
    // The repo's few articles have no false statement that passes the gates; the shared corpus has several.
    expect(checked).toBeGreaterThanOrEqual(hasCorpus ? 1 : 0)
  })
  it('makes a false statement and the true one of the same sentence by the same transformation, differing by one swapped fact', () => {
    let compared = 0
    for (const { decisions } of explained) {
      // Every false candidate, kept or not: how a statement is made does not depend on which paragraph keeps it.
      const falses = decisions.filter((d) => d.question.kind === 'true-false' && d.question.answer === 'False')
      for (const f of falses) {
        const twin = decisions.find((d) => d.question.kind === 'true-false' && d.question.answer === 'True' && d.question.evidence.text === f.question.evidence.text)
        expect(twin, f.question.prompt).toBeDefined()
        const a = f.question.prompt.split(/\s+/)
        const b = twin!.question.prompt.split(/\s+/)
        // One fact replaced: the words before and after it are the same in both statements.
        let head = 0
        while (head < a.length && a[head] === b[head]) head++
        let tail = 0
        while (tail < a.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++
        expect(a.length - head - tail, f.question.prompt).toBeLessThanOrEqual(4)
        expect(a.length - head - tail).toBeGreaterThan(0)
        compared++
      }
    }
    expect(compared).toBeGreaterThanOrEqual(hasCorpus ? 6 : 1)
  })

  it('keeps true statements to the article\'s words: only a connective, a dateline or "also" dropped, a name written in full or put for "the party"', () => {
    const trues = all.filter(({ q }) => q.kind === 'true-false' && q.answer === 'True')
    expect(trues.length).toBeGreaterThanOrEqual(hasCorpus ? 11 : 1)
    const addedTo = (prompt: string, evidence: string): number => {
      const ev = evidence.split(/\s+/)
      let i = 0
      let added = 0
      for (const w of prompt.split(/\s+/)) {
        const at = ev.indexOf(w, i)
        if (at < 0 || at - i > 8) added++
        else i = at + 1
      }
      return added
    }
    for (const { q } of trues) {
      // Evidence of two sentences ("… Daniel Montalvo … He was released …"): the statement is the second one with
      // "He" written as the name, so it is compared with that sentence too.
      const last = q.evidence.text.split(/(?<=[.!?]["”’]?)\s+(?=[A-Z“"])/).at(-1)!
      expect(Math.min(addedTo(q.prompt, q.evidence.text), addedTo(q.prompt, last)), q.prompt).toBeLessThanOrEqual(6)
    }
  })
})
