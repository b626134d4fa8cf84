import { describe, expect, it } from 'vitest'
import { findNumbers, nearbyValues, numberValue, rewriteNumber, writeNumber, type NumberMention } from '@shared/quiz/numbers'
import { splitSentences } from '@shared/quiz/sentences'

const numbers = (...paragraphs: string[]): NumberMention[] => findNumbers(splitSentences({ paragraphs }))
const only = (p: string): NumberMention => {
  const found = numbers(p)
  expect(found).toHaveLength(1)
  return found[0]!
}

describe('numberValue and writeNumber', () => {
  it('reads digits, grouped digits and number words, and nothing else', () => {
    expect(numberValue('Seventy')).toBe(70)
    expect(numberValue('1,709')).toBe(1709)
    expect(numberValue('2.5')).toBe(2.5)
    expect(numberValue('many')).toBeNaN()
  })
  it('writes a value as the original was written', () => {
    expect(writeNumber(3, 'words')).toBe('three')
    expect(writeNumber(3, 'words', true)).toBe('Three')
    // A value with no word of its own falls back to digits.
    expect(writeNumber(17, 'words')).toBe('seventeen')
    expect(writeNumber(23, 'words')).toBe('23')
    expect(writeNumber(45756, 'grouped')).toBe('45,756')
    expect(writeNumber(1234.5, 'grouped', false, 1)).toBe('1,234.5')
    expect(writeNumber(45756, 'digits')).toBe('45756')
    expect(writeNumber(2.5, 'digits', false, 2)).toBe('2.50')
  })
})

describe('findNumbers', () => {
  it('reads currency with its scale, percentages both ways, and exact offsets', () => {
    const p = 'The deal was worth US$11 billion. Turnout was 45% and 45 per cent.'
    const found = numbers(p)
    expect(found.map(({ text, currency, value, scale, unit, style, sentence }) => ({ text, currency, value, scale, unit, style, sentence }))).toEqual([
      { text: 'US$11 billion', currency: 'US$', value: 11, scale: 'billion', unit: '', style: 'digits', sentence: 0 },
      { text: '45%', currency: '', value: 45, scale: '', unit: '%', style: 'digits', sentence: 1 },
      { text: '45 per cent', currency: '', value: 45, scale: '', unit: 'per cent', style: 'digits', sentence: 1 }
    ])
    for (const n of found) expect(p.slice(n.start, n.end)).toBe(n.text)
  })
  it('keeps a hedge and reads the style of the number', () => {
    const found = numbers('About 2.5 million people fled. More than 1,200 soldiers died. Nearly two thousand homes burned.')
    expect(found.map(({ hedge, value, style, scale, unit }) => ({ hedge, value, style, scale, unit }))).toEqual([
      { hedge: 'About', value: 2.5, style: 'digits', scale: 'million', unit: 'people' },
      { hedge: 'More than', value: 1200, style: 'grouped', scale: '', unit: 'soldiers' },
      { hedge: 'Nearly', value: 2, style: 'words', scale: 'thousand', unit: 'homes' }
    ])
  })
  it('leaves out what cannot be asked as an amount', () => {
    // Not what is counted, a single one, a glued unit, an ordinal, clock times, ends of a range.
    expect(numbers('He tried three times. Only 1 person and 0.5 km. It cost $11.5bn. The 5th team won. At 10 am and 10:30 they met.')).toEqual([])
    expect(numbers('Between 40 to 50 questions were asked. From 20 to 30 people came.')).toEqual([])
    // A four-digit number without a currency is a year; with one, an amount.
    expect(numbers('In 1995 cars were sold. 1995 cars were sold. It cost $2000 in fees.').map((n) => n.text)).toEqual(['$2000'])
  })
  it('reads units written singular after a number ("12 km", "3 metre")', () => {
    expect(numbers('It was 12 km long, with 3 metre walls.').map((n) => [n.text, n.unit])).toEqual([
      ['12 km', 'km'],
      ['3 metre', 'metre']
    ])
  })
  it('reads "basis points" and "percentage points" as one unit, never "basis" alone', () => {
    expect(numbers('It yields 112 basis points over Treasuries, up 2 percentage points.').map((n) => [n.text, n.unit])).toEqual([
      ['112 basis points', 'basis points'],
      ['2 percentage points', 'percentage points']
    ])
  })
  it('gives each paragraph its own index', () => {
    expect(numbers('There were 12 teams.', 'There were 30 teams.').map((n) => [n.paragraph, n.value])).toEqual([
      [0, 12],
      [1, 30]
    ])
  })
})

describe('rewriteNumber', () => {
  it('keeps hedge, currency, scale and unit as written', () => {
    expect(rewriteNumber(only('The deal was worth US$11 billion.'), 12)).toBe('US$12 billion')
    expect(rewriteNumber(only('Turnout was 45% in the city.'), 40)).toBe('40%')
    expect(rewriteNumber(only('Turnout was 45 per cent in the city.'), 40)).toBe('40 per cent')
    expect(rewriteNumber(only('More than 1,200 soldiers died.'), 2200)).toBe('More than 2,200 soldiers')
  })
  it('keeps the capital and the decimals of the original', () => {
    expect(rewriteNumber(only('About 2.5 million people fled.'), 3)).toBe('About 3.0 million people')
    expect(rewriteNumber(only('Nearly two thousand homes burned.'), 3)).toBe('Nearly three thousand homes')
    expect(rewriteNumber(only('Seven people came.'), 8)).toBe('Eight people')
    expect(rewriteNumber(only('They saw seven people.'), 8)).toBe('eight people')
  })
})

describe('nearbyValues', () => {
  // The key's place among its options is chosen per value (see numbers.ts), so these pin the moves as sets.
  const sorted = (xs: number[]): number[] => [...xs].sort((x, y) => x - y)
  it('moves a share by fives in the middle and by twos near the ends, never past 0 or 100', () => {
    expect(sorted(nearbyValues(50, 'digits', true))).toEqual([35, 40, 45, 55, 60, 65, 70])
    expect(sorted(nearbyValues(95, 'digits', true))).toEqual([89, 91, 93, 97, 99])
    expect(sorted(nearbyValues(5, 'digits', true))).toEqual([1, 3, 7, 9, 11, 13])
    expect(sorted(nearbyValues(88.93, 'digits', true))).toEqual([73.93, 78.93, 83.93, 93.93, 98.93])
  })
  it('moves small counts and number words by ones, keeping words that exist', () => {
    expect(sorted(nearbyValues(3, 'words'))).toEqual([2, 4, 5, 6, 7])
    expect(sorted(nearbyValues(2, 'digits'))).toEqual([3, 4, 5, 6])
    expect(sorted(nearbyValues(20, 'words'))).toEqual([17, 18, 19])
    expect(sorted(nearbyValues(12, 'digits'))).toEqual([9, 10, 11, 13, 14, 15, 16])
  })
  it('keeps the decimals of a fractional value, and moves a two-decimal measurement by a few percent', () => {
    expect(sorted(nearbyValues(2.5, 'digits'))).toEqual([1.5, 3.5, 4.5, 5.5, 6.5])
    for (const v of nearbyValues(14.5, 'digits')) expect(String(v)).toMatch(/^\d+(?:\.\d)?$/)
    for (const v of nearbyValues(47.42, 'digits')) expect(Math.abs(v - 47.42) / 47.42).toBeLessThanOrEqual(0.2)
  })
  it('moves a round figure by its own rounding step', () => {
    expect(nearbyValues(80000, 'grouped').every((v) => v % 10000 === 0)).toBe(true)
    expect(nearbyValues(1500, 'grouped').every((v) => v % 100 === 0 && v !== 1500)).toBe(true)
    expect(nearbyValues(70, 'digits').slice(0, 3).every((v) => [40, 50, 60, 80, 90, 100].includes(v))).toBe(true)
  })
  it('keeps an exact count exact, so no option looks rounded, and never offers the answer', () => {
    expect(nearbyValues(45756, 'grouped').slice(0, 3).every((v) => Math.abs(v - 45756) / 45756 <= 0.5 && v % 10 !== 0)).toBe(true)
    for (const v of [13, 17, 45756, 116382]) {
      const near = nearbyValues(v, 'digits')
      expect(near).not.toContain(v)
      expect(near.every((x) => x % 10 !== 0)).toBe(true)
    }
  })
})

describe('number words that begin with another', () => {
  it('reads "Seventy people", "Sixty teams" and "Eighteen months" whole, not as "seven", "six", "eight"', () => {
    expect(numbers('Seventy people came to the hall.').map((n) => n.value)).toEqual([70])
    expect(numbers('Sixty teams played in the league.').map((n) => n.value)).toEqual([60])
    expect(numbers('Eighteen months passed before the trial.').map((n) => n.value)).toEqual([18])
  })
})

describe('findNumbers: fractions and scores', () => {
  it('never reads part of a written fraction or score ("6-1/2 percent", "3-1") as an amount', () => {
    const found = numbers('Banks want the prime rate at 6-1/2 percent after the 3-1 win, and 40 percent of loans.').map((n) => n.text)
    expect(found).toEqual(['40 percent'])
  })
})
