import { describe, expect, it } from 'vitest'
import { findDates, formatDate, shiftDate, type DateMention } from '@shared/quiz/dates'
import { splitSentences } from '@shared/quiz/sentences'

// Tuesday, November 15, 2016: the article's date unless a test says otherwise.
const dates = (paragraphs: string[], date: string | null = '2016-11-15'): DateMention[] => findDates(splitSentences({ paragraphs }), date)
const shown = (m: DateMention): string => formatDate(m.time, m.granularity, m.weekday)

describe('formatDate', () => {
  const t = Date.UTC(2016, 10, 14)
  it('writes each granularity the way an option shows it', () => {
    expect(formatDate(t, 'day', true)).toBe('Monday, November 14, 2016')
    expect(formatDate(t, 'day', false)).toBe('November 14, 2016')
    expect(formatDate(Date.UTC(2016, 10, 1), 'month', false)).toBe('November 2016')
    expect(formatDate(Date.UTC(2016, 0, 1), 'year', false)).toBe('2016')
    expect(formatDate(Date.UTC(1990, 0, 1), 'decade', false)).toBe('1990s')
  })
  it('reads the UTC day, so the last day of a year is not shown as the next one', () => {
    expect(formatDate(Date.UTC(2016, 11, 31), 'day', true)).toBe('Saturday, December 31, 2016')
    expect(formatDate(Date.UTC(2017, 0, 1), 'month', false)).toBe('January 2017')
  })
})

describe('shiftDate', () => {
  it('moves by the unit of the granularity, either way', () => {
    expect(shiftDate(Date.UTC(2016, 10, 14), 'day', 3)).toBe(Date.UTC(2016, 10, 17))
    expect(shiftDate(Date.UTC(2016, 10, 14), 'day', -14)).toBe(Date.UTC(2016, 9, 31))
    expect(shiftDate(Date.UTC(2016, 10, 1), 'month', 2)).toBe(Date.UTC(2017, 0, 1))
    expect(shiftDate(Date.UTC(2016, 0, 1), 'month', -1)).toBe(Date.UTC(2015, 11, 1))
    expect(shiftDate(Date.UTC(2014, 0, 1), 'year', 3)).toBe(Date.UTC(2017, 0, 1))
    expect(shiftDate(Date.UTC(2014, 0, 1), 'year', -2)).toBe(Date.UTC(2012, 0, 1))
    expect(shiftDate(Date.UTC(1990, 0, 1), 'decade', 1)).toBe(Date.UTC(2000, 0, 1))
    expect(shiftDate(Date.UTC(1990, 0, 1), 'decade', -2)).toBe(Date.UTC(1970, 0, 1))
  })
})

describe('findDates', () => {
  it('reads a bare weekday in a story about the future as the next such day, never the article date itself', () => {
    const [next, due, past] = dates(['Talks will resume on Tuesday.', 'The vote is due on Monday.', 'He left on Tuesday.'])
    expect(shown(next!)).toBe('Tuesday, November 22, 2016')
    expect(shown(due!)).toBe('Monday, November 21, 2016')
    // A past weekday that is the article's own weekday is the article's day.
    expect(shown(past!)).toBe('Tuesday, November 15, 2016')
    expect([next, due, past].every((d) => d!.weekday && d!.granularity === 'day')).toBe(true)
  })
  it('takes the tense of the weekday\'s own clause, not of another clause in the sentence', () => {
    const [told, opening, later] = dates([
      'Indonesia told the oil industry on Tuesday it will extend contracts on producing blocks.',
      'On Tuesday, the board will meet again.',
      'The minister said on Monday that talks will resume.'
    ])
    // Told on the Tuesday of the story's date (Tuesday, November 15, 2016), not the Tuesday after.
    expect(shown(told!)).toBe('Tuesday, November 15, 2016')
    expect(shown(opening!)).toBe('Tuesday, November 22, 2016')
    expect(shown(later!)).toBe('Monday, November 14, 2016')
  })
  it('reads a month with a year as a month, and a day-month-year as a day', () => {
    const found = dates(['The company was founded in March 2015. It closed on 4 July 2016.'])
    expect(found.map((d) => [d.text, d.granularity, shown(d)])).toEqual([
      ['March 2015', 'month', 'March 2015'],
      ['4 July 2016', 'day', 'July 4, 2016']
    ])
    expect(found.every((d) => !d.weekday)).toBe(true)
  })
  it('keeps dates that carry their own year when the article has no date', () => {
    expect(dates(['The treaty was signed on January 20, 2015.'], null).map(shown)).toEqual(['January 20, 2015'])
    expect(dates(['The treaty was signed in March 2015.'], null).map(shown)).toEqual(['March 2015'])
    expect(dates(['The treaty was signed on January 20.'], null)).toEqual([])
  })
  it('gives exact offsets into the paragraph, the sentence index and the word before', () => {
    const p = 'Officials met for hours. On Monday, they signed the deal in March 2015 terms.'
    const found = dates([p])
    expect(found.map((d) => [d.text, p.slice(d.start, d.end), d.sentence, d.preposition])).toEqual([
      ['Monday', 'Monday', 1, 'on'],
      ['March 2015', 'March 2015', 1, 'in']
    ])
    expect(found.every((d) => d.paragraph === 0)).toBe(true)
  })
  it('leaves out ranges, which make poor single answers', () => {
    expect(dates(['Prices rose from May to June.'])).toEqual([])
  })
  it('reads an abbreviated month ("Nov. 3") in the article\'s year', () => {
    expect(dates(['The report, published Nov. 3, found faults.']).map(shown)).toEqual(['November 3, 2016'])
  })
  it('keeps only decades that start a decade, and early years only as years of an event', () => {
    const found = dates(['Since 1066 the crown has passed on. Since 1066 ships sailed.', 'During the 1980s and the 1995s it grew.'])
    expect(found.map((d) => [d.paragraph, d.text, d.granularity, d.preposition])).toEqual([
      [0, '1066', 'year', 'since'],
      [1, '1980s', 'decade', 'the']
    ])
    expect(shown(found[0]!)).toBe('1066')
    expect(shown(found[1]!)).toBe('1980s')
  })
  it('lists mentions in reading order across paragraphs and within one', () => {
    const found = dates(['In 2012 and in 2010 it grew.', 'By 2014 it shrank, on Monday.'])
    expect(found.map((d) => `${d.paragraph}:${d.text}`)).toEqual(['0:2012', '0:2010', '1:2014', '1:Monday'])
  })
  it('never reads the year inside a full date a second time', () => {
    expect(dates(['It closed on 4 July 2016.']).map((d) => d.text)).toEqual(['4 July 2016'])
    expect(dates(['It closed in 1500.']).map((d) => d.text)).toEqual(['1500'])
  })
})
