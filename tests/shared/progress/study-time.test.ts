import { describe, expect, it } from 'vitest'
import { addStudyTime, FIRST_ANSWER_MS, fixedOffsetDayKey, formatDuration, newStudyClock, STUDY_GAP_MS, studyClockOf } from '@shared/progress/stats'
import { MINUTE, T0 } from './fixtures'

const utc = fixedOffsetDayKey(0)
const SECOND = 1000

describe('study time from answer times', () => {
  it('counts a sitting as its first answer plus the gaps between answers, up to five minutes each', () => {
    expect(STUDY_GAP_MS).toBe(5 * MINUTE)
    expect(FIRST_ANSWER_MS).toBe(20 * SECOND)
    const clock = studyClockOf([T0, T0 + 30 * SECOND, T0 + 90 * SECOND], utc)
    expect(clock.byDay).toEqual(new Map([['2026-11-28', 20 * SECOND + 30 * SECOND + 60 * SECOND]]))
    expect(clock.lastAt).toBe(T0 + 90 * SECOND)
  })

  it('counts a gap of exactly five minutes, and a longer one as the start of a new sitting', () => {
    const exact = newStudyClock()
    addStudyTime(exact, T0, utc)
    addStudyTime(exact, T0 + STUDY_GAP_MS, utc)
    expect(exact.byDay.get('2026-11-28')).toBe(FIRST_ANSWER_MS + STUDY_GAP_MS)

    const longer = newStudyClock()
    addStudyTime(longer, T0, utc)
    addStudyTime(longer, T0 + STUDY_GAP_MS + 1, utc)
    expect(longer.byDay.get('2026-11-28')).toBe(2 * FIRST_ANSWER_MS)
  })

  it('adds nothing for a second answer at the same instant, and a sitting for one that arrives out of order', () => {
    const same = newStudyClock()
    addStudyTime(same, T0, utc)
    addStudyTime(same, T0, utc)
    expect(same.byDay.get('2026-11-28')).toBe(FIRST_ANSWER_MS)

    // An answer older than the last one (a history not sorted) must not subtract time or move the clock back.
    const late = newStudyClock()
    addStudyTime(late, T0, utc)
    addStudyTime(late, T0 - MINUTE, utc)
    expect(late.byDay.get('2026-11-28')).toBe(2 * FIRST_ANSWER_MS)
    expect(late.lastAt).toBe(T0)
  })

  it('puts the time on the day of the answer that ends the gap, and sorts a history given in any order', () => {
    const beforeMidnight = Date.parse('2026-11-28T23:59:00Z')
    const clock = studyClockOf([beforeMidnight + 2 * MINUTE, beforeMidnight], utc)
    expect(clock.byDay).toEqual(
      new Map([
        ['2026-11-28', FIRST_ANSWER_MS],
        ['2026-11-29', 2 * MINUTE]
      ])
    )
    expect(clock.lastAt).toBe(beforeMidnight + 2 * MINUTE)
  })

  it('starts empty', () => {
    const clock = newStudyClock()
    expect(clock.lastAt).toBeNull()
    expect(clock.byDay.size).toBe(0)
    expect(studyClockOf([], utc).byDay.size).toBe(0)
  })
})

describe('study time as words', () => {
  it('says "0 min" for no time and "< 1 min" for less than half a minute', () => {
    expect(formatDuration(0)).toBe('0 min')
    expect(formatDuration(1)).toBe('< 1 min')
    expect(formatDuration(29_999)).toBe('< 1 min')
  })

  it('rounds to whole minutes and names hours when there are any', () => {
    expect(formatDuration(30_000)).toBe('1 min')
    expect(formatDuration(12 * MINUTE)).toBe('12 min')
    expect(formatDuration(59 * MINUTE)).toBe('59 min')
    expect(formatDuration(59.5 * MINUTE)).toBe('1 h')
    expect(formatDuration(60 * MINUTE)).toBe('1 h')
    expect(formatDuration(65 * MINUTE)).toBe('1 h 5 min')
    expect(formatDuration(3 * 60 * MINUTE + 59 * MINUTE)).toBe('3 h 59 min')
  })
})
