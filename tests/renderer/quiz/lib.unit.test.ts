import { describe, expect, it } from 'vitest'
import { evidenceKey, isTypingTarget, positionLabel, questionsByEvidence, quizKeyAction, scoreLabel } from '../../../src/renderer/src/quiz/lib'
import type { Question } from '../../../src/shared/quiz/model'

const mc: Pick<Question, 'kind' | 'options'> = { kind: 'who-did-what', options: ['A', 'B', 'C', 'D'] }
const three: Pick<Question, 'kind' | 'options'> = { kind: 'when', options: ['A', 'B', 'C'] }
const tf: Pick<Question, 'kind' | 'options'> = { kind: 'true-false', options: ['True', 'False'] }
const none = { ctrl: false, alt: false, meta: false }

describe('quiz keys', () => {
  it('picks options with 1–4, only those that exist', () => {
    expect(quizKeyAction('1', none, mc, false)).toEqual({ type: 'choose', index: 0 })
    expect(quizKeyAction('4', none, mc, false)).toEqual({ type: 'choose', index: 3 })
    expect(quizKeyAction('4', none, three, false)).toBeNull()
    expect(quizKeyAction('0', none, mc, false)).toBeNull()
  })

  it('picks True/False with T and F on true-or-false questions only', () => {
    expect(quizKeyAction('t', none, tf, false)).toEqual({ type: 'choose', index: 0 })
    expect(quizKeyAction('F', none, tf, false)).toEqual({ type: 'choose', index: 1 })
    expect(quizKeyAction('t', none, mc, false)).toBeNull()
  })

  it('moves on with Enter and shows evidence with E only after answering; no second answer', () => {
    expect(quizKeyAction('Enter', none, mc, false)).toBeNull()
    expect(quizKeyAction('Enter', none, mc, true)).toEqual({ type: 'next' })
    expect(quizKeyAction('e', none, mc, true)).toEqual({ type: 'evidence' })
    expect(quizKeyAction('2', none, mc, true)).toBeNull()
  })

  it('leaves modified keys and the end screen to the app', () => {
    expect(quizKeyAction('1', { ...none, ctrl: true }, mc, false)).toBeNull()
    expect(quizKeyAction('1', none, null, false)).toBeNull()
  })

  it('treats text fields as typing', () => {
    expect(isTypingTarget({ tagName: 'INPUT' } as unknown as EventTarget)).toBe(true)
    expect(isTypingTarget({ tagName: 'TEXTAREA' } as unknown as EventTarget)).toBe(true)
    expect(isTypingTarget({ tagName: 'BUTTON', isContentEditable: false } as unknown as EventTarget)).toBe(false)
    expect(isTypingTarget(null)).toBe(false)
  })
})

describe('quiz labels and evidence keys', () => {
  it('groups questions that share evidence', () => {
    const q = (id: string, paragraph: number, start: number, end: number): Question =>
      ({ id, evidence: { paragraph, start, end, text: '' } }) as Question
    const map = questionsByEvidence([q('a', 1, 0, 10), q('b', 1, 0, 10), q('c', 2, 0, 10)])
    expect(map.get(evidenceKey({ paragraph: 1, start: 0, end: 10 }))).toEqual(['a', 'b'])
    expect(map.size).toBe(2)
  })
  it('formats positions and scores', () => {
    expect(positionLabel(0, 12)).toBe('1 of 12')
    expect(positionLabel(12, 12)).toBe('12 of 12')
    expect(scoreLabel(7, 9)).toBe('7 of 9 (78%)')
    expect(scoreLabel(0, 0)).toBe('0 of 0 (0%)')
  })
})
