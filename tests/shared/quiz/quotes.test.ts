import { describe, expect, it } from 'vitest'
import type { Article } from '@shared/article/model'
import { findEntities } from '@shared/quiz/entities'
import { findQuotes, type Quote } from '@shared/quiz/quotes'
import { splitSentences } from '@shared/quiz/sentences'
import { defaultWorld } from '@shared/quiz/world'

// Each way findQuotes finds a speaker, on a sentence written for it: who the words go to, what they are, and the
// span of text shown as evidence (the quote's sentence, widened to the sentence that names the speaker).
const world = defaultWorld()
const article = (paragraphs: string[]): Article => ({ id: 't', title: 'A story', date: '2016-11-15', dateLabel: null, source: null, byline: null, credits: [], paragraphs, headings: [], licence: null })

function quotes(...paragraphs: string[]): Quote[] {
  const a = article(paragraphs)
  const s = splitSentences(a)
  return findQuotes(a, s, findEntities(s, world))
}
const speakerOf = (q: Quote | undefined): string | null | undefined => q?.speaker?.entity.name ?? (q ? null : undefined)
const evidence = (paragraph: string, q: Quote): string => paragraph.slice(q.evidenceStart, q.evidenceEnd)

describe('findQuotes', () => {
  it('finds the words inside straight and curly quote marks, mixed, with their exact span', () => {
    const p = 'Angela Merkel said “we will help\" on Monday. Nobody said "no comment".'
    const q = quotes(p)
    expect(q.map((x) => x.words)).toEqual(['we will help', 'no comment'])
    expect(p.slice(q[0]!.start, q[0]!.end)).toBe('“we will help"')
    expect(p.slice(q[1]!.start, q[1]!.end)).toBe('"no comment"')
    expect(q.every((x) => x.paragraph === 0)).toBe(true)
  })

  it('trims the words and keeps each quote in the paragraph it is in', () => {
    const q = quotes('No one spoke.', 'The sign read “  closed for winter  ” all week.')
    expect(q).toHaveLength(1)
    expect(q[0]!.paragraph).toBe(1)
    expect(q[0]!.words).toBe('closed for winter')
  })

  it('gives “…,” said X to X, and “…,” X said to X', () => {
    const p = '“We will not give up,” said Angela Merkel in Berlin. “The talks were productive,” Vladimir Putin said.'
    const q = quotes(p)
    expect(q.map(speakerOf)).toEqual(['Angela Merkel', 'Vladimir Putin'])
    expect(evidence(p, q[0]!)).toBe('“We will not give up,” said Angela Merkel in Berlin.')
    expect(evidence(p, q[1]!)).toBe('“The talks were productive,” Vladimir Putin said.')
  })

  it('gives “…,” he said to the one person named before it in the paragraph, and shows the sentence that names them', () => {
    const p = 'Barack Obama spoke at length. “There is no weakening of resolve,” he said.'
    const q = quotes(p)
    expect(speakerOf(q[0])).toBe('Barack Obama')
    expect(evidence(p, q[0]!)).toBe(p)
  })

  it('gives “…,” he said no speaker when nobody is named before it', () => {
    const q = quotes('“There is no weakening of resolve,” he said. Barack Obama then left.')
    expect(q).toHaveLength(1)
    expect(speakerOf(q[0])).toBeNull()
  })

  it('gives the words to the one who says them earlier in the sentence ("X said … that “…”", "X also said")', () => {
    const p = 'Barack Obama said he would tell US allies that “there is no weakening of resolve”. Angela Merkel also said the plan was “a good start”.'
    const q = quotes(p)
    expect(q.map(speakerOf)).toEqual(['Barack Obama', 'Angela Merkel'])
  })

  it('never gives the words to someone spoken to, with or about ("talks to X, saying")', () => {
    const q = quotes('Reporters spoke with Angela Merkel about the vote, saying “the result is close”.')
    expect(speakerOf(q[0])).toBeNull()
  })

  it('gives the words after "Name:" to that name', () => {
    const q = quotes('Secretary of the Air Force James Roche: “I agree with the plan.”')
    expect(q[0]!.speaker?.text).toContain('James Roche')
  })

  it('gives the words after "She continued:" to the one person named before', () => {
    const p = 'Angela Merkel spoke in Berlin. She continued: “We will help.”'
    const q = quotes(p)
    expect(speakerOf(q[0])).toBe('Angela Merkel')
    expect(evidence(p, q[0]!)).toBe(p)
  })

  it('gives the words after "told reporters:" to the person who opens that sentence', () => {
    const q = quotes('Angela Merkel, the chancellor, told reporters: “We will help.”')
    expect(speakerOf(q[0])).toBe('Angela Merkel')
  })

  it('does not give a quote that ends its sentence to the speaker of the next one ("…?” X said, “…”)', () => {
    const q = quotes('Angela Merkel asked, "Why should we wait?" Vladimir Putin said, "We should not."')
    expect(q.map(speakerOf)).toEqual(['Angela Merkel', 'Vladimir Putin'])
  })

  it('keeps one speaker for a quote interrupted by "X said," ("“…,” X said, “…”")', () => {
    const q = quotes('"We will act on every report," Vladimir Putin said, "and we will do it soon."')
    expect(q.map(speakerOf)).toEqual(['Vladimir Putin', 'Vladimir Putin'])
  })

  it('never gives words to the platform they were posted on', () => {
    const q = quotes('Donald Trump wrote on Facebook: "The election was a great victory."', 'Barack Obama wrote via Twitter: "Thank you all."', 'Vladimir Putin said through the Kremlin: "We are ready to talk."')
    expect(q.map(speakerOf)).toEqual(['Donald Trump', 'Barack Obama', 'Vladimir Putin'])
  })

  it('leaves a quote with no saying verb near it without a speaker, its evidence the quote\'s own sentence', () => {
    const p = 'The crowd waited. A banner read “Welcome home” near the gate. Angela Merkel arrived later.'
    const q = quotes(p)
    expect(speakerOf(q[0])).toBeNull()
    expect(evidence(p, q[0]!)).toBe('A banner read “Welcome home” near the gate.')
  })
})
