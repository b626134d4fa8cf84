import { describe, expect, it } from 'vitest'
import { parseArticle } from '@shared/article/parse'
import type { Article } from '@shared/article/model'
import type { Question } from '@shared/quiz/model'
import { checkQuestion, entityOf, holdsAnswer } from '@shared/quiz/invariants'
import { defaultWorld } from '@shared/quiz/world'

// The invariants are the last check on every generated question (the corpus and property tests call them on what
// the generator keeps). The generator never breaks them, so those tests never reach a failing branch: here each rule
// is broken on purpose, one at a time, on a question that otherwise keeps them all.
const world = defaultWorld()

function article(): Article {
  const r = parseArticle('Leaders speak by phone\nDate: 2016-11-15\n\nVladimir Putin called Donald Trump on Monday. They spoke about Syria.\n\nThe call lasted an hour.')
  if (!r.ok) throw new Error(r.error.message)
  return r.article
}
const a = article()
const sentence = 'Vladimir Putin called Donald Trump on Monday.'

function question(over: Partial<Question> = {}): Question {
  return {
    id: 'q1',
    kind: 'who-what-where',
    prompt: 'Who called Donald Trump on Monday?',
    options: ['Vladimir Putin', 'Barack Obama', 'Angela Merkel'],
    answer: 'Vladimir Putin',
    evidence: { paragraph: 0, start: 0, end: sentence.length, text: sentence },
    explanation: 'The article says: “Vladimir Putin called Donald Trump on Monday.”',
    rank: 1,
    ...over
  }
}

const tf = (over: Partial<Question> = {}): Question =>
  question({ kind: 'true-false', prompt: 'Vladimir Putin called Donald Trump on Monday.', options: ['True', 'False'], answer: 'True', ...over })

describe('checkQuestion', () => {
  it('passes a question that keeps every rule, of each shape', () => {
    expect(a.paragraphs[0]!.startsWith(sentence)).toBe(true)
    expect(checkQuestion(question(), a, world)).toEqual([])
    expect(checkQuestion(tf(), a, world)).toEqual([])
    expect(checkQuestion(tf({ prompt: '“We spoke,” Putin said.' }), a, world)).toEqual([])
    expect(checkQuestion(question({ kind: 'cloze', prompt: 'Fill the gap: _____ called Donald Trump on Monday.' }), a, world)).toEqual([])
    expect(checkQuestion(question({ options: ['Vladimir Putin', 'Barack Obama', 'Angela Merkel', 'Theresa May'] }), a, world)).toEqual([])
    expect(checkQuestion(question({ prompt: '2016 saw whom call Donald Trump?' }), a, world)).toEqual([])
  })

  it('names an empty id, an unknown kind and an empty explanation', () => {
    expect(checkQuestion(question({ id: '' }), a, world)).toEqual(['empty id'])
    expect(checkQuestion(question({ kind: 'riddle' as Question['kind'] }), a, world)).toEqual(['unknown kind riddle'])
    expect(checkQuestion(question({ explanation: '  ' }), a, world)).toEqual(['no explanation'])
  })

  it('wants a capitalised prompt that does not start with a pronoun', () => {
    expect(checkQuestion(question({ prompt: 'who called Donald Trump on Monday?' }), a, world)).toEqual(['prompt not capitalised'])
    expect(checkQuestion(question({ prompt: 'He called whom on Monday?' }), a, world)).toEqual(['prompt starts with a pronoun'])
    expect(checkQuestion(question({ kind: 'cloze', prompt: 'Fill the gap: They called _____ on Monday.' }), a, world)).toEqual(['prompt starts with a pronoun'])
    // A name that only begins like a pronoun is not one.
    expect(checkQuestion(question({ prompt: 'Hermann called whom on Monday?' }), a, world)).toEqual([])
  })

  it('wants each kind to end as its kind does', () => {
    expect(checkQuestion(question({ prompt: 'Who called Donald Trump on Monday.' }), a, world)).toEqual(['prompt badly ended'])
    expect(checkQuestion(question({ kind: 'cloze', prompt: 'Fill the gap: Putin called Donald Trump on Monday.' }), a, world)).toEqual(['prompt badly ended'])
    expect(checkQuestion(tf({ prompt: 'Did Vladimir Putin call Donald Trump?' }), a, world)).toEqual(['prompt badly ended'])
  })

  it('counts the options: two for true/false, three or four otherwise', () => {
    expect(checkQuestion(tf({ options: ['True', 'False', 'Unknown'] }), a, world)).toEqual(['3 options'])
    expect(checkQuestion(question({ options: ['Vladimir Putin', 'Barack Obama'] }), a, world)).toEqual(['2 options'])
    expect(checkQuestion(question({ options: ['Vladimir Putin', 'Barack Obama', 'Angela Merkel', 'Theresa May', 'Xi Jinping'] }), a, world)).toEqual(['5 options'])
  })

  it('wants the answer among the options exactly once, and options distinct ignoring case', () => {
    expect(checkQuestion(question({ options: ['Barack Obama', 'Angela Merkel', 'Theresa May'] }), a, world)).toEqual(['answer not exactly once in options'])
    expect(checkQuestion(question({ options: ['Vladimir Putin', 'Vladimir Putin', 'Angela Merkel'] }), a, world)).toEqual([
      'answer not exactly once in options',
      'options not distinct',
      'options name the same thing: Vladimir Putin / Vladimir Putin'
    ])
    expect(checkQuestion(question({ options: ['Vladimir Putin', 'Barack Obama', 'barack obama'] }), a, world)).toEqual(['options not distinct'])
  })

  it('wants evidence that is the article at its offsets, not blank, and holding the answer', () => {
    const ev = question().evidence
    expect(checkQuestion(question({ evidence: { ...ev, start: 1 } }), a, world)).toEqual(['evidence does not match the article'])
    expect(checkQuestion(question({ evidence: { ...ev, paragraph: 9 } }), a, world)).toEqual(['evidence does not match the article'])
    const space = { paragraph: 0, start: sentence.length, end: sentence.length + 1, text: ' ' }
    expect(a.paragraphs[0]!.slice(space.start, space.end)).toBe(' ')
    expect(checkQuestion(tf({ evidence: space }), a, world)).toEqual(['empty evidence'])
    expect(checkQuestion(question({ evidence: space }), a, world)).toEqual(['empty evidence', 'evidence does not hold the answer'])
    const other = { paragraph: 1, start: 0, end: a.paragraphs[1]!.length, text: a.paragraphs[1]! }
    expect(checkQuestion(question({ evidence: other }), a, world)).toEqual(['evidence does not hold the answer'])
    // A true/false statement may be false, so its evidence need not hold its words.
    expect(checkQuestion(tf({ evidence: other, answer: 'False' }), a, world)).toEqual([])
  })

  it('never offers one thing twice: by alias, or a place beside a place it contains', () => {
    expect(checkQuestion(question({ options: ['Vladimir Putin', 'United States', 'US'] }), a, world)).toEqual(['options name the same thing: United States / US'])
    expect(checkQuestion(question({ options: ['Vladimir Putin', 'Scotland', 'United Kingdom'] }), a, world)).toEqual(['options name the same thing: Scotland / United Kingdom'])
    expect(checkQuestion(question({ options: ['Vladimir Putin', 'United Kingdom', 'Scotland'] }), a, world)).toEqual(['options name the same thing: United Kingdom / Scotland'])
    expect(checkQuestion(question({ options: ['Vladimir Putin', 'France', 'Germany', 'the United States'] }), a, world)).toEqual([])
    expect(checkQuestion(question({ options: ['Vladimir Putin', 'the United States', 'France', 'America'] }), a, world)).toEqual(['options name the same thing: the United States / America'])
  })
})

describe('entityOf', () => {
  it('finds a curated entity by name or alias, with or without a leading "the"', () => {
    expect(entityOf(world, 'United States')?.name).toBe('United States')
    expect(entityOf(world, 'USA')?.name).toBe('United States')
    expect(entityOf(world, 'the United States')?.name).toBe('United States')
    expect(entityOf(world, 'The United States')?.name).toBe('United States')
    expect(entityOf(world, 'the Moon over Parma')).toBeUndefined()
  })
})

describe('holdsAnswer', () => {
  it('finds the answer as written, ignoring case and punctuation', () => {
    expect(holdsAnswer('About 300 people were there.', '300 people')).toBe(true)
    expect(holdsAnswer('About 300 people were there.', '400 people')).toBe(false)
  })

  it('finds a resolved date by its first part or its month and day as written', () => {
    expect(holdsAnswer('They spoke on Monday.', 'Monday, November 14, 2016')).toBe(true)
    expect(holdsAnswer('They spoke on Tuesday.', 'Monday, November 14, 2016')).toBe(false)
    expect(holdsAnswer('He takes office on January 20.', 'January 20, 2017')).toBe(true)
    expect(holdsAnswer('He takes office on 20 January.', 'January 20, 2017')).toBe(true)
    expect(holdsAnswer('He takes office on Jan. 20.', 'January 20, 2017')).toBe(true)
    expect(holdsAnswer('He takes office on February 20.', 'January 20, 2017')).toBe(false)
  })

  it('finds a name by the last word of each capitalised run, as a whole word', () => {
    expect(holdsAnswer('Putin said the talks went well.', 'Vladimir Putin')).toBe(true)
    expect(holdsAnswer('Putinism is a word.', 'Vladimir Putin')).toBe(false)
    expect(holdsAnswer('Putin called Trump.', 'Vladimir Putin called Donald Trump')).toBe(true)
    expect(holdsAnswer('Putin called Obama.', 'Vladimir Putin called Donald Trump')).toBe(false)
    expect(holdsAnswer('Mr. O.K. spoke.', 'Mr. O.K.')).toBe(true)
    // Nothing capitalised to look for: only the whole answer counts.
    expect(holdsAnswer('The call lasted an hour.', 'two hours')).toBe(false)
    // A month or weekday is not a name: "May" alone must not stand for "Theresa May"'s run ending in a month.
    expect(holdsAnswer('It happened in June.', 'Theresa June')).toBe(false)
  })
})
