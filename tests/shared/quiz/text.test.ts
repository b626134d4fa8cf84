import { describe, expect, it } from 'vitest'
import { hasWord } from '@shared/quiz/text'

describe('hasWord', () => {
  it('finds a word only where no letter or digit touches it', () => {
    expect(hasWord('Paris is the capital.', 'Paris')).toBe(true)
    expect(hasWord('the capital, Paris', 'Paris')).toBe(true)
    expect(hasWord('He flew (Paris) home', 'Paris')).toBe(true)
    expect(hasWord('Parisian cafes', 'Paris')).toBe(false)
    expect(hasWord('Trump-Paris talks', 'Paris')).toBe(true)
    expect(hasWord('Paris2024 games', 'Paris')).toBe(false)
    expect(hasWord('in 2Paris', 'Paris')).toBe(false)
  })
  it('treats letters of any script as part of a word ("Iran" is not in "Iranë", "Oman" not in "Ñoman")', () => {
    expect(hasWord('Iranë said', 'Iran')).toBe(false)
    expect(hasWord('Ñoman said', 'Oman')).toBe(false)
  })
  it('looks past an occurrence inside a longer word for a whole one later', () => {
    expect(hasWord('Georgian troops left Georgia', 'Georgia')).toBe(true)
    expect(hasWord('Georgian and Georgians', 'Georgia')).toBe(false)
  })
  it('matches case exactly unless asked to ignore case', () => {
    expect(hasWord('the turkey was roasted', 'Turkey')).toBe(false)
    expect(hasWord('the turkey was roasted', 'Turkey', true)).toBe(true)
    expect(hasWord('THE TURKEY', 'turkey', true)).toBe(true)
  })
  it('never finds an empty word', () => {
    expect(hasWord('anything at all', '')).toBe(false)
    expect(hasWord('', '')).toBe(false)
  })
})
