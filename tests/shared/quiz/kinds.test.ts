import { describe, expect, it } from 'vitest'
import { parseArticle } from '@shared/article/parse'
import { explainQuiz, generateQuiz } from '@shared/quiz/generate'
import type { Question, QuestionKind } from '@shared/quiz/model'
import { BLANK } from '@shared/quiz/kinds/cloze'
import { defaultWorld } from '@shared/quiz/world'
import { SEED_FILE, corpus, hasCorpus, load, NO_CORPUS } from './support'

const seed = generateQuiz(load(SEED_FILE))
// A story written here whose lead has an amount to move, so false statements occur on the repo alone too: the
// repo's few Wikinews articles have none since false statements stopped moving years and spans of time.
const written = parseArticle('Port Arvel to spend 12 million dollars on harbour wall\n\nUpdated March 2, 2026\n\nThe council of Port Arvel voted on Monday to spend 12 million dollars on a new harbour wall, after storms flooded the old quay twice last winter.\n\nMayor Anna Berg said work would begin in May.')
if (!written.ok) throw new Error(written.error.message)
// What a quiz asks, and the figures past a story's opening it keeps for a quiz below its floor (DEEP_DETAIL): those
// are asked too, so they are made to the same standard.
const repaired = new Set<Question>()
const asked = (article: Parameters<typeof explainQuiz>[0]): Question[] => {
  const x = explainQuiz(article)
  const decisions = x.decisions.filter((d) => x.kept.includes(d.question) || d.droppedBy === 'background')
  for (const d of decisions) if (d.repairedFrom) repaired.add(d.question)
  return decisions.map((d) => d.question)
}
const all: Question[] = [...asked(load(SEED_FILE)), ...asked(written.article), ...corpus().flatMap(({ article }) => asked(article))]
const ofKind = (k: QuestionKind, qs: Question[] = all): Question[] => qs.filter((q) => q.kind === k)
// Counts are set for the whole shared corpus; over the repo's few articles (no corpus beside it) one must do.
const atLeast = (n: number): number => (hasCorpus ? n : 1)

describe('each question kind', () => {
  it('who-said: the seed asks who spoke Obama’s words, and the named speaker is in the evidence', () => {
    const q = ofKind('who-said', seed).find((q) => /no weakening of resolve/.test(q.prompt))
    expect(q?.answer).toBe('Barack Obama')
    const said = ofKind('who-said')
    expect(said.length).toBeGreaterThan(0)
    for (const q of said) {
      expect(q.prompt).toMatch(/^(?:Who|Which [a-z ]+) said “.+”\?$/)
      expect(q.evidence.text).toContain(q.answer.split(' ').pop()!)
    }
  })

  it('when: options are dates of one granularity, and a bare weekday shows the day it resolves to', () => {
    const qs = ofKind('when')
    expect(qs.length).toBeGreaterThanOrEqual(atLeast(3))
    const shape = (o: string): string => o.replace(/[A-Z][a-z]+/g, 'W').replace(/\d+/g, '9')
    for (const q of qs) {
      expect(new Set(q.options.map(shape)).size).toBe(1)
      expect(q.prompt).toMatch(/^When (?:did|does|was|were|is|are|will) /)
    }
    const monday = ofKind('when', seed).find((q) => /telephone conversation/.test(q.prompt))
    expect(monday?.answer).toBe('Monday, November 14, 2016')
  })

  it('how-many: options keep the answer’s hedge and unit, and no two are equal', () => {
    const qs = ofKind('how-many')
    expect(qs.length).toBeGreaterThanOrEqual(atLeast(11))
    for (const q of qs) {
      const frame = (o: string): string => o.replace(/[\d,.]+|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b/gi, '#')
      expect(new Set(q.options.map(frame)).size, q.options.join(' | ')).toBe(1)
      expect(q.prompt).toMatch(/\b(?:how many|how much|what percentage)\b/i)
    }
  })

  it('true-false: both keys occur, and a false statement is the evidence with one fact changed', () => {
    const qs = ofKind('true-false')
    const falses = qs.filter((q) => q.answer === 'False')
    // Statements come from the lead alone, where a sentence with a date or a figure is usually asked another way:
    // false statements (which need such a slot) are fewer than true ones, but both occur.
    expect(falses.length).toBeGreaterThanOrEqual(atLeast(2))
    expect(qs.filter((q) => q.answer === 'True').length).toBeGreaterThanOrEqual(atLeast(6))
    for (const q of falses) {
      expect(q.options).toEqual(['True', 'False'])
      expect(q.prompt).not.toBe(q.evidence.text)
      expect(q.explanation).toMatch(/^False/)
    }
  })

  it('cloze: the answer put back into the gap gives the article’s sentence (unless a repair named what it pointed to)', () => {
    const qs = ofKind('cloze').filter((q) => !repaired.has(q))
    expect(qs.length).toBeGreaterThanOrEqual(atLeast(11))
    for (const q of qs) {
      expect(q.prompt.startsWith('Fill the gap: ')).toBe(true)
      const filled = q.prompt.slice('Fill the gap: '.length).replace(BLANK, q.answer)
      expect(q.evidence.text.endsWith(filled.slice(filled.indexOf(q.answer))), `${q.prompt} | ${q.evidence.text}`).toBe(true)
    }
  })

  it('who-what-where: the question word matches the answer’s type', () => {
    const qs = ofKind('who-what-where')
    expect(qs.length).toBeGreaterThan(0)
    for (const q of qs) {
      expect(q.prompt).toMatch(/\b(?:[Ww]ho|[Ww]hom|[Ww]hich [a-z ]+)\b/)
      expect(q.prompt).not.toMatch(/\bthe which\b/i)
    }
  })

  it('who-did-what: options are the pair both ways and other people, one of them the article’s', () => {
    const q = ofKind('who-did-what', seed).find((q) => q.prompt === 'Who called whom?')!
    expect(q.options.length).toBe(4)
    for (const o of q.options) expect(o).toMatch(/^\S+ called \S+$/)
    const pairs = ofKind('who-did-what')
    expect(pairs.length).toBeGreaterThan(0)
    for (const w of pairs) {
      const verb = w.answer.split(' ')[1]!
      expect(w.options.every((o) => o.split(' ')[1] === verb)).toBe(true)
    }
    expect(q.options).toContain('Trump called Putin')
  })

  it('every prompt is a finished question or statement, never a fragment', () => {
    expect(all.length).toBeGreaterThan(0)
    for (const q of all) {
      if (q.kind === 'true-false') expect(q.prompt).toMatch(/^[\p{Lu}\p{N}“"].*[.!]["”’']?$/u)
      else if (q.kind !== 'cloze') expect(q.prompt).toMatch(/^[\p{Lu}].*\?$/u)
      expect(q.prompt).not.toMatch(/^(?:Fill the gap: )?[a-z]/)
    }
  })

  it.skipIf(!hasCorpus)(`true-false: where it happened may be swapped for a sibling place the article names elsewhere${hasCorpus ? '' : ` ${NO_CORPUS}`}`, () => {
    // The candidate is made whether or not the gates keep it (it is off the lead): this checks the swap itself.
    const candidates = corpus().flatMap(({ article }) => explainQuiz(article).decisions.map((d) => d.question))
    const moved = candidates.filter((q) => q.kind === 'true-false' && q.answer === 'False' && /the article gives “[^”]+”/.test(q.explanation))
    const scientology = moved.find((q) => /management building/.test(q.prompt))
    expect(scientology?.prompt).toContain('for the organization in Florida')
    expect(scientology?.evidence.text).toContain('for the organization in California')
  })

  // The repo's few articles hold no bounded amount: this needs the whole corpus.
  it.skipIf(!hasCorpus)(`how-many: a bound ("more than 11,000") has options only on its far side, so none is also true${hasCorpus ? '' : ` ${NO_CORPUS}`}`, () => {
    const num = (o: string): number => Number((/\d[\d,.]*/.exec(o)?.[0] ?? 'NaN').replace(/,/g, ''))
    // Every candidate, not only the kept ones: the options are made before the gates, and a gate that drops a
    // question for another reason must not hide a bound with options on both sides.
    const candidates = corpus().flatMap(({ article }) => explainQuiz(article).decisions.map((d) => d.question))
    const bounded = candidates.filter((q) => q.kind !== 'true-false' && /^(?:more than|over|at least|just over|above) \d/i.test(q.answer))
    expect(bounded.length).toBeGreaterThanOrEqual(atLeast(4))

    for (const q of bounded) expect(q.options.every((o) => num(o) >= num(q.answer)), q.options.join(' | ')).toBe(true)
  })
  it('true-false: never swaps a person (the article rarely says what the other person did), only amounts, dates and places', () => {
    const falses = ofKind('true-false').filter((q) => q.answer === 'False')
    expect(falses.length).toBeGreaterThan(0)
    const world = defaultWorld()
    for (const q of falses) {
      const swapped = /the article gives “([^”]+)”/.exec(q.explanation)?.[1] ?? ''
      expect(world.byForm.get(swapped)?.type, q.prompt).not.toBe('person')
      expect(/^[\p{Lu}][\p{Ll}]+ [\p{Lu}][\p{Ll}]+$/u.test(swapped) && !world.byForm.has(swapped), q.prompt).toBe(false)
    }
  })
})

describe('date options and the story\'s own year', () => {
  it('offers a year ahead of the story beside other years ahead of it, never one the story has already passed', async () => {
    const { parseArticle } = await import('@shared/article/parse')
    const { buildContext } = await import('@shared/quiz/context')
    const { dateDistractors } = await import('@shared/quiz/kinds/when')
    const parsed = parseArticle('Drug maker plans filing\n\nUpdated June 2, 1987\n\nThe company first sold the drug in 1979.\n\nThe new drug is expected to be filed for approval in 1988, the company said.')
    if (!parsed.ok) throw new Error(parsed.error.message)
    const ctx = buildContext(parsed.article, defaultWorld())
    const d = ctx.dates.find((x) => x.text === '1988')!
    const years = dateDistractors(ctx, d).map((t) => new Date(t).getUTCFullYear())
    expect(years).toHaveLength(3)
    for (const y of years) expect(y).toBeGreaterThan(1987)
    // A year before the story keeps to years before it.
    const past = dateDistractors(ctx, ctx.dates.find((x) => x.text === '1979')!).map((t) => new Date(t).getUTCFullYear())
    for (const y of past) expect(y).toBeLessThan(1987)
  })
  it('offers a shown weekday only beside days of its kind: no Sunday beside a Tuesday trading day (WEEKEND_CLASS)', async () => {
    const { parseArticle } = await import('@shared/article/parse')
    const { buildContext } = await import('@shared/quiz/context')
    const { dateDistractors } = await import('@shared/quiz/kinds/when')
    const parsed = parseArticle('Thai stocks plunge\n\nUpdated October 21, 1987\n\nThai stock prices plunged on Tuesday as nervous investors unloaded shares.')
    if (!parsed.ok) throw new Error(parsed.error.message)
    const ctx = buildContext(parsed.article, defaultWorld())
    const d = ctx.dates.find((x) => x.weekday)!
    expect(new Date(d.time).getUTCDay()).toBe(2)
    const days = dateDistractors(ctx, d).map((t) => new Date(t).getUTCDay())
    expect(days).toHaveLength(3)
    for (const day of days) expect([0, 6]).not.toContain(day)
  })
})
