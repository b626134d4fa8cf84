import { describe, expect, it } from 'vitest'
import { REVIEW_SCOPE, type Attempt, type QuizRun } from '@shared/progress/model'
import { accuracyByDay, accuracyChart, articleScores, computeStats, daysBetween, durationParts, fixedOffsetDayKey, formatDuration, streakOfDays } from '@shared/progress/stats'
import { DAY, HOUR, T0 } from './fixtures'

const utc = fixedOffsetDayKey(0)

function attemptAt(at: number, correct = true, id = String(at)): Attempt {
  return { id, questionId: 'q', articleId: 'alpha', runId: null, chosen: 'x', correct, at }
}

function finishedRun(id: string, scope: string, correct: number, total: number, finishedAt: number, mode: QuizRun['mode'] = 'full'): QuizRun {
  return { id, scope, mode, questionIds: [], startedAt: finishedAt - 1000, finishedAt, score: { correct, total } }
}

describe('day keys', () => {
  it('uses the given offset for day boundaries', () => {
    const lateEvening = Date.parse('2026-11-28T23:30:00Z')
    expect(fixedOffsetDayKey(0)(lateEvening)).toBe('2026-11-28')
    expect(fixedOffsetDayKey(60)(lateEvening)).toBe('2026-11-29')
    expect(fixedOffsetDayKey(-300)(Date.parse('2026-11-29T03:00:00Z'))).toBe('2026-11-28')
    expect(daysBetween('2026-11-28', '2026-12-01')).toBe(3)
    expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2)
  })
})

describe('article scores', () => {
  it('gives the latest finished full run and the best one, ignoring unfinished, retry and review runs', () => {
    const runs: QuizRun[] = [
      finishedRun('r1', 'alpha', 3, 4, T0),
      finishedRun('r2', 'alpha', 2, 4, T0 + DAY),
      finishedRun('r3', 'alpha', 2, 2, T0 + 2 * DAY, 'retry'),
      { id: 'r4', scope: 'alpha', mode: 'full', questionIds: ['q'], startedAt: T0 + 3 * DAY, finishedAt: null, score: null },
      finishedRun('r5', 'beta', 1, 5, T0),
      finishedRun('r6', REVIEW_SCOPE, 5, 5, T0)
    ]
    const scores = articleScores(runs)
    expect([...scores.keys()].sort()).toEqual(['alpha', 'beta'])
    expect(scores.get('alpha')).toEqual({
      articleId: 'alpha',
      latest: { correct: 2, total: 4, finishedAt: T0 + DAY },
      best: { correct: 3, total: 4, finishedAt: T0 },
      runs: 2
    })
    expect(scores.get('beta')!.best).toEqual(scores.get('beta')!.latest)
  })
})

describe('accuracy over time', () => {
  it('groups answers by calendar day, oldest first', () => {
    const attempts = [attemptAt(T0 + DAY, false), attemptAt(T0, true), attemptAt(T0 + HOUR, false), attemptAt(T0 + DAY + 1, true)]
    expect(accuracyByDay(attempts, utc)).toEqual([
      { day: '2026-11-28', correct: 1, total: 2, accuracy: 0.5 },
      { day: '2026-11-29', correct: 1, total: 2, accuracy: 0.5 }
    ])
  })

  it('lays the series out as SVG points: time left to right, 100% at the top, gaps for days without answers', () => {
    const chart = accuracyChart(
      [
        { day: '2026-11-01', correct: 1, total: 1, accuracy: 1 },
        { day: '2026-11-02', correct: 0, total: 2, accuracy: 0 },
        { day: '2026-11-05', correct: 1, total: 2, accuracy: 0.5 }
      ],
      { width: 108, height: 58, padding: 4 }
    )
    expect(chart.viewBox).toBe('0 0 108 58')
    expect(chart.points.map((p) => [p.x, p.y])).toEqual([
      [4, 4],
      [29, 54],
      [104, 29]
    ])
    expect(chart.path).toBe('M4 4 L29 54 L104 29')
    expect(chart.points[2]!.label).toBe('2026-11-05: 50% (1/2)')
  })

  it('centres a single day and draws nothing for no days', () => {
    expect(accuracyChart([{ day: '2026-11-01', correct: 1, total: 1, accuracy: 1 }], { width: 100, height: 50 }).points[0]).toMatchObject({ x: 50, y: 4 })
    expect(accuracyChart([], { width: 100, height: 50 }).path).toBe('')
  })
})

describe('streak of days', () => {
  it('counts consecutive days ending today', () => {
    const attempts = [attemptAt(T0 - 2 * DAY), attemptAt(T0 - DAY), attemptAt(T0 - DAY + HOUR), attemptAt(T0)]
    expect(streakOfDays(attempts, T0, utc)).toEqual({ current: 3, best: 3, studiedToday: true })
  })

  it('keeps a streak alive through today until the day is over, and breaks it after a day off', () => {
    const attempts = [attemptAt(T0 - 2 * DAY), attemptAt(T0 - DAY)]
    expect(streakOfDays(attempts, T0, utc)).toEqual({ current: 2, best: 2, studiedToday: false })
    expect(streakOfDays(attempts, T0 + DAY, utc)).toEqual({ current: 0, best: 2, studiedToday: false })
  })

  it('remembers the best streak and follows the time zone for day boundaries', () => {
    const attempts = [T0 - 10 * DAY, T0 - 9 * DAY, T0 - 8 * DAY, T0 - 7 * DAY, T0].map((t) => attemptAt(t))
    expect(streakOfDays(attempts, T0, utc)).toEqual({ current: 1, best: 4, studiedToday: true })
    // 23:30 and 00:30 UTC: the same local day at UTC-5, two days in UTC.
    const night = [attemptAt(Date.parse('2026-11-27T23:30:00Z')), attemptAt(Date.parse('2026-11-28T00:30:00Z'))]
    const now = Date.parse('2026-11-28T01:00:00Z')
    expect(streakOfDays(night, now, utc).current).toBe(2)
    expect(streakOfDays(night, now, fixedOffsetDayKey(-300)).current).toBe(1)
  })
})

describe('computeStats', () => {
  it('puts it all together', () => {
    const stats = computeStats({ attempts: [attemptAt(T0, true), attemptAt(T0 + 1, false)], runs: [finishedRun('r', 'alpha', 1, 2, T0 + 1)] }, T0 + 2, utc)
    expect(stats.totalAnswers).toBe(2)
    expect(stats.totalCorrect).toBe(1)
    expect(stats.articles.map((a) => a.articleId)).toEqual(['alpha'])
    expect(stats.streak.current).toBe(1)
    expect(stats.accuracy).toHaveLength(1)
  })
})

describe('study time in a statistics tile', () => {
  const MIN = 60_000
  it('is short: under a minute reads "< 1 min", not a phrase that breaks over lines', () => {
    expect(formatDuration(0)).toBe('0 min')
    expect(formatDuration(1)).toBe('< 1 min')
    expect(formatDuration(29_999)).toBe('< 1 min')
    expect(formatDuration(30_000)).toBe('1 min')
    expect(formatDuration(12 * MIN)).toBe('12 min')
    expect(formatDuration(59 * MIN)).toBe('59 min')
  })

  it('gives hours and minutes up to 10 hours, whole hours from there', () => {
    expect(formatDuration(60 * MIN)).toBe('1 h')
    expect(formatDuration(65 * MIN)).toBe('1 h 5 min')
    expect(formatDuration(9 * 60 * MIN + 59 * MIN)).toBe('9 h 59 min')
    expect(formatDuration(10 * 60 * MIN)).toBe('10 h')
    expect(formatDuration(12 * 60 * MIN + 40 * MIN)).toBe('13 h')
    expect(formatDuration(250 * 60 * MIN)).toBe('250 h')
  })

  it('splits into numbers and units for the tile, which shows the units smaller', () => {
    expect(durationParts(65 * MIN)).toEqual([
      { value: '1', unit: 'h' },
      { value: '5', unit: 'min' }
    ])
    expect(durationParts(20_000)).toEqual([{ value: '< 1', unit: 'min' }])
    // Every value stays short enough for one line of the narrowest tile.
    for (let m = 0; m < 200 * 60; m += 7) expect(formatDuration(m * MIN).length).toBeLessThanOrEqual('10 h 59 min'.length)
  })
})
