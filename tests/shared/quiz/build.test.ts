import { describe, expect, it } from 'vitest'
import { asQuestion, capitalise, makeQuestion, quoteEvidence } from '@shared/quiz/build'

const evidence = { paragraph: 2, start: 10, end: 40, text: 'Rome hosted the summit on Monday.' }

describe('makeQuestion', () => {
  it('keeps the answer once and at most three distractors, none equal to another or to the answer when normalised', () => {
    const q = makeQuestion('who-what-where', 'Which city hosted the summit?', 'Rome', ['rome', 'The Rome', 'Paris', '...', 'paris.', 'Berlin', 'Madrid', 'Vienna'], evidence, 'Why.')
    expect(q).not.toBeNull()
    expect([...q!.options].sort()).toEqual(['Berlin', 'Madrid', 'Paris', 'Rome'])
    expect(q!.answer).toBe('Rome')
    expect(q).toMatchObject({ kind: 'who-what-where', prompt: 'Which city hosted the summit?', evidence, explanation: 'Why.', rank: 0 })
  })
  it('returns null when too few distinct options remain', () => {
    expect(makeQuestion('who-what-where', 'Which city?', 'Rome', ['ROME', 'Paris'], evidence, 'Why.')).toBeNull()
    expect(makeQuestion('who-what-where', 'Which city?', 'Rome', ['Paris'], evidence, 'Why.', 2)?.options).toHaveLength(2)
  })
  it('gives a true/false question exactly the options True and False', () => {
    const q = makeQuestion('true-false', 'Rome hosted the summit.', 'True', ['anything'], evidence, 'Why.', 2)
    expect(q?.options).toEqual(['True', 'False'])
  })
  it('orders options and names the question the same way every time, by kind, evidence and answer only', () => {
    const a = makeQuestion('who-what-where', 'Which city?', 'Rome', ['Paris', 'Berlin', 'Madrid'], evidence, 'Why.')!
    const b = makeQuestion('who-what-where', 'Where was it?', 'Rome', ['Madrid', 'Berlin', 'Paris'], evidence, 'Other.')!
    expect(b.options).toEqual(a.options)
    expect(b.id).toBe(a.id)
    expect(a.id).toMatch(/^q-/)
    expect(makeQuestion('who-what-where', 'Which city?', 'Paris', ['Rome', 'Berlin', 'Madrid'], evidence, 'Why.')!.id).not.toBe(a.id)
    expect(makeQuestion('who-what-where', 'Which city?', 'Rome', ['Paris', 'Berlin', 'Madrid'], { ...evidence, text: 'Rome hosted it.' }, 'Why.')!.id).not.toBe(a.id)
    expect(makeQuestion('cloze', 'Which city?', 'Rome', ['Paris', 'Berlin', 'Madrid'], evidence, 'Why.')!.id).not.toBe(a.id)
  })
})

describe('asQuestion', () => {
  it('turns a statement into a question that stands alone', () => {
    expect(asQuestion('But he said it was over.')).toBe('He said it was over?')
    expect(asQuestion('And, the talks ended!')).toBe('The talks ended?')
    expect(asQuestion('  It rained  ')).toBe('It rained?')
    // Only a linking word goes, not a word that starts with one.
    expect(asQuestion('Sober views prevailed.')).toBe('Sober views prevailed?')
    expect(asQuestion('Andrea won.')).toBe('Andrea won?')
  })
  it('puts the question mark after a closing quote in place of the full stop inside it', () => {
    expect(asQuestion('He said "it is over."')).toBe('He said "it is over"?')
    expect(asQuestion('She called it “a disgrace!”')).toBe('She called it “a disgrace”?')
  })
})

describe('quoteEvidence and capitalise', () => {
  it('quotes evidence in curly quotes, with its own double quotes made single', () => {
    expect(quoteEvidence('Rome hosted the summit.')).toBe('“Rome hosted the summit.”')
    expect(quoteEvidence('He called it “a disgrace”.')).toBe('“He called it ‘a disgrace’.”')
  })
  it('upper-cases only the first letter', () => {
    expect(capitalise('élan vital')).toBe('Élan vital')
    expect(capitalise('')).toBe('')
  })
})
