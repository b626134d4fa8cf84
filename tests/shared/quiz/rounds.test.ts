import { describe, expect, it } from 'vitest'
import type { Question } from '../../../src/shared/quiz/model'
import { quizRounds, roundSize } from '../../../src/shared/quiz/rounds'

const q = (id: string, paragraph: number, start: number, rank: number): Question => ({
  id,
  kind: 'cloze',
  prompt: '_____',
  options: ['a', 'b', 'c'],
  answer: 'a',
  evidence: { paragraph, start, end: start + 1, text: 'x' },
  explanation: '',
  rank
})

describe('roundSize', () => {
  it('asks about one question per 50 words, capped by the setting', () => {
    expect(roundSize(400)).toBe(8)
    expect(roundSize(401)).toBe(9)
    expect(roundSize(5000)).toBe(20)
    expect(roundSize(5000, 35)).toBe(35)
  })
  it('asks at least one question, even for a tiny article or a zero setting', () => {
    expect(roundSize(3)).toBe(1)
    expect(roundSize(0)).toBe(1)
    expect(roundSize(900, 0)).toBe(1)
  })
})

describe('quizRounds', () => {
  const questions = [q('late-best', 5, 0, 1), q('early-worst', 0, 0, 5), q('mid', 2, 10, 2), q('early', 0, 40, 3), q('last', 9, 0, 4)]
  it('puts the best-ranked questions first, each round in reading order', () => {
    const rounds = quizRounds(questions, 2)
    expect(rounds.map((r) => r.map((x) => x.id))).toEqual([['mid', 'late-best'], ['early', 'last'], ['early-worst']])
  })
  it('never makes an empty round: a quiz that fills its rounds exactly has no round after them', () => {
    expect(quizRounds(questions.slice(0, 4), 2).map((r) => r.length)).toEqual([2, 2])
    expect(quizRounds([], 5)).toEqual([])
  })
  it('loses no question and repeats none', () => {
    const ids = quizRounds(questions, 3).flat().map((x) => x.id)
    expect(ids.sort()).toEqual(questions.map((x) => x.id).sort())
  })
})
