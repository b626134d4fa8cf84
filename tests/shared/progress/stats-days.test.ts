import { describe, expect, it } from 'vitest'
import type { QuizRun } from '@shared/progress/model'
import { articleScores, localDayKey, statsFromDaily } from '@shared/progress/stats'
import { DAY, T0 } from './fixtures'

// The unit tests run in UTC, Los Angeles and Kolkata (vitest.config.mts): what the app shows as "today" must
// be the user's local calendar day in each.

describe('localDayKey: the app’s calendar day', () => {
  it('labels a local time with its own local date, month counted from 1', () => {
    // Built from local fields, so the expected key holds in any zone.
    expect(localDayKey(new Date(2026, 0, 31, 23, 59, 59).getTime())).toBe('2026-01-31')
    expect(localDayKey(new Date(2026, 1, 1, 0, 0, 0).getTime())).toBe('2026-02-01')
    expect(localDayKey(new Date(2026, 11, 31, 12).getTime())).toBe('2026-12-31')
    expect(localDayKey(new Date(2027, 0, 1, 0, 30).getTime())).toBe('2027-01-01')
    expect(localDayKey(new Date(999, 4, 6, 12).getTime())).toBe('0999-05-06')
  })

  it('follows the zone the app runs in, not UTC', () => {
    const instant = Date.parse('2026-11-28T23:30:00Z')
    const byZone: Record<string, string> = { UTC: '2026-11-28', 'America/Los_Angeles': '2026-11-28', 'Asia/Kolkata': '2026-11-29' }
    const early = Date.parse('2026-11-29T03:00:00Z')
    const earlyByZone: Record<string, string> = { UTC: '2026-11-29', 'America/Los_Angeles': '2026-11-28', 'Asia/Kolkata': '2026-11-29' }
    const zone = process.env.TZ ?? 'UTC'
    expect(Object.keys(byZone)).toContain(zone)
    expect(localDayKey(instant)).toBe(byZone[zone])
    expect(localDayKey(early)).toBe(earlyByZone[zone])
  })

  it('keeps one key for a whole local day across a daylight-saving change', () => {
    // 8 March 2026: clocks go forward in Los Angeles; the day is 23 hours long there.
    const start = new Date(2026, 2, 8, 0, 0).getTime()
    const end = new Date(2026, 2, 8, 23, 59).getTime()
    expect(localDayKey(start)).toBe('2026-03-08')
    expect(localDayKey(end)).toBe('2026-03-08')
    expect(localDayKey(new Date(2026, 2, 9, 0, 0).getTime())).toBe('2026-03-09')
  })
})

function run(id: string, correct: number, total: number, finishedAt: number): QuizRun {
  return { id, scope: 'alpha', mode: 'full', questionIds: [], startedAt: finishedAt - 1000, finishedAt, score: { correct, total } }
}

describe('articleScores whatever order runs load in', () => {
  it('takes the latest score from the run finished last, not the one read last', () => {
    // Run ids do not follow time (ids are random): the database returns them in id order.
    const runs = [run('a-late', 1, 4, T0 + 2 * DAY), run('b-early', 4, 4, T0), run('c-middle', 2, 4, T0 + DAY)]
    for (const order of [runs, [...runs].reverse(), [runs[1]!, runs[0]!, runs[2]!]]) {
      const score = articleScores(order).get('alpha')!
      expect(score.latest).toEqual({ correct: 1, total: 4, finishedAt: T0 + 2 * DAY })
      expect(score.best).toEqual({ correct: 4, total: 4, finishedAt: T0 })
      expect(score.runs).toBe(3)
    }
  })

  it('breaks a tie in ratio by more questions, then by the earlier run', () => {
    const runs = [run('x', 2, 4, T0 + DAY), run('y', 1, 2, T0), run('z', 2, 4, T0 + 2 * DAY)]
    for (const order of [runs, [...runs].reverse()]) expect(articleScores(order).get('alpha')!.best).toEqual({ correct: 2, total: 4, finishedAt: T0 + DAY })
  })

  it('sorts articles by id and adds up the totals', () => {
    const stats = statsFromDaily(
      new Map([
        ['2026-11-28', { correct: 1, total: 2 }],
        ['2026-11-27', { correct: 3, total: 3 }]
      ]),
      [{ ...run('r2', 1, 1, T0), scope: 'beta' }, run('r1', 1, 1, T0)],
      '2026-11-28'
    )
    expect(stats.articles.map((a) => a.articleId)).toEqual(['alpha', 'beta'])
    expect(stats.accuracy.map((d) => d.day)).toEqual(['2026-11-27', '2026-11-28'])
    expect([stats.totalAnswers, stats.totalCorrect]).toEqual([5, 4])
    expect(stats.streak).toEqual({ current: 2, best: 2, studiedToday: true })
  })
})
