import { describe, expect, it } from 'vitest'
import { optionKeysHint, questionsAfterRound, questionsLabel, roundOf } from '../../../src/renderer/src/quiz/lib'

describe('quiz rounds on screen', () => {
  const rounds = [[{ id: 'a' }, { id: 'b' }, { id: 'c' }], [{ id: 'd' }, { id: 'e' }], [{ id: 'f' }]]
  it('finds the round a run belongs to by most questions in common (earlier on a tie, 0 when none)', () => {
    expect(roundOf(rounds, ['d', 'e'])).toBe(1)
    expect(roundOf(rounds, ['e', 'f', 'c'])).toBe(0)
    expect(roundOf(rounds, ['f'])).toBe(2)
    expect(roundOf(rounds, ['x'])).toBe(0)
  })
  it('counts what is left after a round', () => {
    expect(questionsAfterRound(rounds, 0)).toBe(3)
    expect(questionsAfterRound(rounds, 2)).toBe(0)
  })
  it('words counts and key hints to fit the question', () => {
    expect(questionsLabel(1)).toBe('1 question')
    expect(questionsLabel(3)).toBe('3 questions')
    expect(optionKeysHint({ kind: 'true-false', options: ['True', 'False'] })).toBe('T/F')
    expect(optionKeysHint({ kind: 'when', options: ['a', 'b', 'c'] })).toBe('1–3')
    expect(optionKeysHint({ kind: 'when', options: ['a', 'b', 'c', 'd'] })).toBe('1–4')
  })
})
