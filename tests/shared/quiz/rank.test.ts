import { describe, expect, it } from 'vitest'
import { buildContext, type QuizContext } from '@shared/quiz/context'
import { gateContext } from '@shared/quiz/gates'
import type { Question } from '@shared/quiz/model'
import { background, DEEP_PARAGRAPH, importance, MIN_FIGURE_CENTRALITY, storyCast, titleWords } from '@shared/quiz/rank'
import { explainQuiz } from '@shared/quiz/generate'
import { defaultWorld } from '@shared/quiz/world'
import { load, SEED_FILE } from './support'

/*
 * The importance score on the seed article (Trump and Putin's first phone call, dated 2016-11-15), part by part.
 * Questions are built here around whole paragraphs or sentences, so each part's input is known.
 */

const article = load(SEED_FILE)
const ctx = buildContext(article, defaultWorld())
const g = gateContext(ctx)
const TRUMP = 'person:Donald Trump'
const PUTIN = 'person:Vladimir Putin'

function ask(paragraph: number, kind: Question['kind'] = 'who-did-what', span?: [number, number], answer = 'x'): Question {
  const text = article.paragraphs[paragraph]!
  const [start, end] = span ?? [0, text.length]
  return { id: `q-${paragraph}`, kind, prompt: '?', options: [answer, 'y'], answer, evidence: { paragraph, start, end, text: text.slice(start, end) }, explanation: '', rank: 0 }
}

describe('importance', () => {
  it('adds up the lead, the headline, the cast, the kind and the event date of the call itself', () => {
    // Paragraph 2: "US President-elect Donald Trump held his first telephone conversation with ... Vladimir Putin on Monday, ..."
    const r = importance(ask(2), g, new Set([TRUMP, PUTIN]), new Set(['trump', 'putin', 'phone']))
    expect(r.parts).toEqual({ lead: 1.6, headline: 1.2, cast: 2, kind: 2, eventDate: 1 })
    expect(r.score).toBe(7.8)
  })

  it('ranks the lead paragraph first, then the second, then less with each paragraph down to nothing', () => {
    const lead = (p: number) => importance(ask(p), g, new Set(), new Set()).parts.lead!
    expect(lead(0)).toBe(3)
    expect(lead(1)).toBe(2)
    expect(lead(2)).toBeCloseTo(1.6)
    expect(lead(3)).toBeCloseTo(1.4)
    expect(lead(7)).toBeCloseTo(0.6)
    expect(lead(10)).toBeCloseTo(0)
    expect(lead(15)).toBe(0)
  })

  it('counts title words in the evidence at 0.6 each, at most 3', () => {
    const title = (words: string[]) => importance(ask(2), g, new Set(), new Set(words)).parts.headline
    expect(title([])).toBe(0)
    expect(title(['putin'])).toBe(0.6)
    expect(title(['trump', 'putin', 'telephone', 'conversation', 'kremlin', 'monday'])).toBe(3)
    expect(importance(ask(2), g, new Set(), titleWords(ctx)).parts.headline).toBeGreaterThan(0)
  })

  it('counts each member of the cast named in the evidence once, at most two', () => {
    const cast = (keys: string[]) => importance(ask(2), g, new Set(keys), new Set()).parts.cast
    expect(cast([])).toBe(0)
    expect(cast([TRUMP])).toBe(1)
    expect(cast([TRUMP, PUTIN, 'country:United States'])).toBe(2)
    // Trump is named in paragraph 2 but not in this part of it.
    expect(importance(ask(2, 'who-did-what', [70, 130]), g, new Set([TRUMP]), new Set()).parts.cast).toBe(0)
  })

  it('weighs the kinds of question: an act and its actors first, a bare statement last', () => {
    const kind = (k: Question['kind']) => importance(ask(5, k), g, new Set(), new Set()).parts.kind!
    expect(kind('who-did-what')).toBe(2)
    expect(kind('who-said')).toBe(1.6)
    expect(kind('what')).toBe(1.5)
    expect(kind('when')).toBe(1)
    expect(kind('how-many')).toBe(1)
    expect(kind('who-what-where')).toBe(0.6)
    expect(kind('cloze')).toBe(0.2)
    expect([0.3, 0.35]).toContain(kind('true-false'))
  })

  it('prefers neither version of a true/false statement: exactly one of True and False gets the small bonus, each for some sentences', () => {
    const preferred = new Set<string>()
    for (let p = 0; p < article.paragraphs.length; p++) {
      const t = importance(ask(p, 'true-false', undefined, 'True'), g, new Set(), new Set()).parts.kind!
      const f = importance(ask(p, 'true-false', undefined, 'False'), g, new Set(), new Set()).parts.kind!
      expect([t, f].sort()).toEqual([0.3, 0.35])
      preferred.add(t > f ? 'True' : 'False')
    }
    expect([...preferred].sort()).toEqual(['False', 'True'])
  })

  it('credits a date of the main event (within three weeks of the article) only when the evidence holds it', () => {
    const eventDate = (q: Question, gc = g) => importance(q, gc, new Set(), new Set()).parts.eventDate
    expect(eventDate(ask(2))).toBe(1) // "on Monday": 14 November 2016
    expect(eventDate(ask(3))).toBe(1) // the election, a week earlier
    expect(eventDate(ask(9))).toBeUndefined() // 20 January 2017: over two months later
    expect(eventDate(ask(17))).toBeUndefined() // the 1990s
    expect(eventDate(ask(2, 'who-did-what', [0, 100]))).toBeUndefined() // the part before "on Monday"
    expect(eventDate(ask(2), { ...g, year: null })).toBeUndefined()
    // Evidence that is exactly the date's words still holds it.
    expect(article.paragraphs[2]!.slice(117, 123)).toBe('Monday')
    expect(eventDate(ask(2, 'who-did-what', [117, 123]))).toBe(1)
    // Paragraph 4 names no date: dates at the same offsets in other paragraphs do not count.
    expect(ctx.dates.some((d) => d.paragraph === 4)).toBe(false)
    expect(eventDate(ask(4))).toBeUndefined()
  })

  it('counts a date exactly three weeks from the article’s as the main event, and not a millisecond more', () => {
    const at = Date.parse(`${article.date}T00:00:00Z`)
    const monday = ctx.dates.find((d) => d.paragraph === 2)!
    const movedTo = (time: number) => ({ ...g, ctx: { ...ctx, dates: [{ ...monday, time }] } })
    const eventDate = (gc: typeof g) => importance(ask(2), gc, new Set(), new Set()).parts.eventDate
    expect(eventDate(movedTo(at - 21 * 86_400_000))).toBe(1)
    expect(eventDate(movedTo(at + 21 * 86_400_000))).toBe(1)
    expect(eventDate(movedTo(at - 21 * 86_400_000 - 1))).toBeUndefined()
  })

  it('counts words, not spaces, when judging the length of the evidence', () => {
    // Paragraph 18 is one sentence of exactly 35 words; with every space doubled it is still 35 words.
    const spaced = { ...g, ctx: { ...ctx, sentences: ctx.sentences.map((para, i) => (i === 18 ? para.map((s) => ({ ...s, text: s.text.replace(/ /g, '  ') })) : para)) } }
    expect(importance(ask(18), spaced, new Set(), new Set()).parts.length).toBeUndefined()
  })

  it('takes half a point from evidence of more than 35 words', () => {
    const length = (q: Question) => importance(q, g, new Set(), new Set()).parts.length
    expect(length(ask(18))).toBeUndefined() // one sentence of exactly 35 words
    expect(length(ask(3))).toBe(-0.5) // two sentences, 50 words
    expect(length(ask(3, 'who-did-what', [0, 175]))).toBeUndefined() // the first of them, 26 words
  })

  it('rounds the score to hundredths', () => {
    const r = importance(ask(3), g, new Set(), new Set(['trump']))
    expect(r.score).toBe(Math.round(Object.values(r.parts).reduce((a, b) => a + b, 0) * 100) / 100)
    expect(String(r.score)).toMatch(/^-?\d+(\.\d{1,2})?$/)
  })
})

describe('the story’s cast', () => {
  const mention = (key: string) => ({ entity: { key } }) as QuizContext['entities']['mentions'][number]
  const castOf = (keys: string[]) => [...storyCast({ entities: { mentions: keys.map(mention) } } as unknown as QuizContext)]

  it('is the entities named at least twice, most-named first, at most five', () => {
    expect(castOf(['a', 'b', 'a', 'c', 'd', 'd', 'd', 'a', 'b', 'e', 'e', 'f', 'f', 'g', 'g', 'd'])).toEqual(['d', 'a', 'b', 'e', 'f'])
    expect(castOf(['a', 'b', 'c'])).toEqual([])
    expect(castOf([])).toEqual([])
  })

  it('is read from the article: the seed article is about Trump and Putin', () => {
    const cast = storyCast(ctx)
    expect(cast.has(TRUMP)).toBe(true)
    expect(cast.has(PUTIN)).toBe(true)
    expect(cast.size).toBeLessThanOrEqual(5)
  })
})

describe('title words', () => {
  it('are the content words of the title, lower-cased, without function words', () => {
    const words = titleWords({ article: { title: 'The Mayor of Skarport says the harbour’s lights go solar' } } as unknown as QuizContext)
    expect([...words]).toEqual(['mayor', 'skarport', 'harbour', 'lights', 'solar'])
  })
})

describe('background (WORTH_ASKING)', () => {
  const imp = (score: number, kind: number) => ({ score, parts: { lead: score - kind, kind } })
  it('marks a gap or a "how many" whose centrality (the score without its kind part) is below the line', () => {
    expect(background(ask(9, 'cloze'), imp(MIN_FIGURE_CENTRALITY + 0.2 - 0.01, 0.2))).toMatch(/background: centrality 1\.99/)
    expect(background(ask(1, 'how-many'), imp(MIN_FIGURE_CENTRALITY + 1 - 0.5, 1))).toMatch(/below 2/)
    expect(background(ask(1, 'how-many'), imp(MIN_FIGURE_CENTRALITY + 1, 1))).toBeNull()
    expect(background(ask(9, 'cloze'), imp(MIN_FIGURE_CENTRALITY + 0.2, 0.2))).toBeNull()
  })
  it('marks a figure past the second paragraph, however central, and leaves a gap on a name to its centrality (DEEP_DETAIL)', () => {
    expect(background(ask(DEEP_PARAGRAPH, 'how-many'), imp(9, 1))).toMatch(/figure from paragraph 3, past the story's opening/)
    expect(background(ask(DEEP_PARAGRAPH, 'cloze', undefined, 'about 15,000 tonnes'), imp(9, 0.2))).toMatch(/figure from paragraph 3/)
    expect(background(ask(DEEP_PARAGRAPH, 'cloze', undefined, 'four months'), imp(9, 0.2))).toMatch(/figure/)
    expect(background(ask(DEEP_PARAGRAPH - 1, 'how-many'), imp(9, 1))).toBeNull()
    expect(background(ask(9, 'cloze', undefined, 'Frank Spadine'), imp(9, 0.2))).toBeNull()
  })
  it('leaves the other kinds to their own gates, however far from the lead', () => {
    for (const kind of ['true-false', 'who-did-what', 'what', 'when', 'who-said', 'who-what-where'] as const) expect(background(ask(9, kind), imp(0.5, 0.3))).toBeNull()
  })
  it('drops figures past the opening from any story, even one that is left with no question (DEEP_DETAIL)', () => {
    const lead = 'Acme Corp agreed to buy Widget Inc for 20 million dollars on Monday, the companies said.'
    const filler = 'Nothing else happened that week in the valley, and the weather stayed mild for the season.'
    const aside = 'Chicago-based Acme Corp had 1985 revenues of 4.5 billion dollars.'
    const story = { ...article, title: 'Acme buys Widget', date: '2016-11-15', paragraphs: [lead, ...Array<string>(9).fill(filler), aside] }
    const full = explainQuiz(story)
    const dropped = full.decisions.filter((d) => d.droppedBy === 'background')
    expect(dropped.map((d) => d.question.kind).sort()).toEqual(['cloze', 'how-many'])
    expect(dropped.every((d) => d.question.evidence.text === aside && /paragraph 11, past the story's opening/.test(d.reason!))).toBe(true)
    expect(full.kept.length).toBeGreaterThanOrEqual(1)
    expect(full.kept.some((q) => q.evidence.text === aside)).toBe(false)
    // Not even to fill an empty quiz: a figure past the opening is trivia (DEEP_DETAIL), and no question beats it.
    const only = explainQuiz({ ...story, paragraphs: story.paragraphs.slice(1) })
    expect(only.decisions.filter((d) => d.question.evidence.text === aside && d.droppedBy === 'background').length).toBeGreaterThan(0)
    expect(only.kept.some((q) => q.evidence.text === aside)).toBe(false)
  })
})
