import * as v from 'valibot'
import { S_MIN } from 'ts-fsrs'
import { describe, expect, it } from 'vitest'
import { issuePath, StoredCardSchema } from '@shared/progress/model'
import { newCard, scheduleAnswer } from '@shared/progress/review'
import { T0 } from './fixtures'

describe('stored review cards', () => {
  it('accepts a card never reviewed, whose stability and difficulty are still 0', () => {
    const card = newCard(T0)
    expect(card).toMatchObject({ state: 0, stability: 0, difficulty: 0 })
    expect(v.is(StoredCardSchema, card)).toBe(true)
  })

  it('accepts a reviewed card at the lowest stability and difficulty FSRS gives, and refuses one below', () => {
    const reviewed = { ...scheduleAnswer(null, true, T0), state: 2 as const }
    expect(v.is(StoredCardSchema, { ...reviewed, stability: S_MIN, difficulty: 1 })).toBe(true)
    const lowStability = v.safeParse(StoredCardSchema, { ...reviewed, stability: S_MIN / 2 })
    expect(lowStability.success).toBe(false)
    expect(issuePath(lowStability.issues!)).toBe('stability')
    const lowDifficulty = v.safeParse(StoredCardSchema, { ...reviewed, difficulty: 0.5 })
    expect(lowDifficulty.success).toBe(false)
    expect(issuePath(lowDifficulty.issues!)).toBe('difficulty')
  })
})

describe('issuePath', () => {
  it('is the dotted path of the first problem, and empty when there is none or it is the value itself', () => {
    const parsed = v.safeParse(v.object({ a: v.array(v.object({ b: v.number() })) }), { a: [{ b: 1 }, { b: 'x' }] })
    expect(issuePath(parsed.issues!)).toBe('a.1.b')
    expect(issuePath([])).toBe('')
    expect(issuePath(v.safeParse(v.string(), 5).issues!)).toBe('')
  })
})
