import { describe, expect, it } from 'vitest'
import type { QuizRun } from '@shared/progress/model'
import { articleScores, mergeDaily, seriesFromDaily, statsFromDaily, streakFromDays, type DailyTotals } from '@shared/progress/stats'
import { DAY, T0 } from './fixtures'

function run(id: string, correct: number, total: number, finishedAt: number, scope = 'alpha'): QuizRun {
  return { id, scope, mode: 'full', questionIds: [], startedAt: finishedAt - 1000, finishedAt, score: { correct, total } }
}

describe('best score of an article', () => {
  it('compares scores as fractions: 1 of 1 beats 2 of 4, and 1 of 2 beats 0 of 4', () => {
    expect(articleScores([run('a', 1, 1, T0), run('b', 2, 4, T0 + DAY)]).get('alpha')!.best).toEqual({ correct: 1, total: 1, finishedAt: T0 })
    expect(articleScores([run('a', 1, 2, T0), run('b', 0, 4, T0 + DAY)]).get('alpha')!.best).toEqual({ correct: 1, total: 2, finishedAt: T0 })
  })

  it('ranks a run of no questions as 0%, below any run with a right answer', () => {
    expect(articleScores([run('a', 0, 0, T0), run('b', 1, 2, T0 + DAY)]).get('alpha')!.best).toEqual({ correct: 1, total: 2, finishedAt: T0 + DAY })
  })

  it('keeps a better run read first over an earlier, worse one read after it', () => {
    const best = articleScores([run('good', 4, 4, T0 + DAY), run('bad', 1, 4, T0)]).get('alpha')!
    expect(best.best).toEqual({ correct: 4, total: 4, finishedAt: T0 + DAY })
    expect(best.latest).toEqual({ correct: 4, total: 4, finishedAt: T0 + DAY })
  })

  it('prefers the run with more questions when the fractions are equal, whichever is read first', () => {
    for (const runs of [
      [run('small', 1, 2, T0), run('large', 2, 4, T0 + DAY)],
      [run('large', 2, 4, T0 + DAY), run('small', 1, 2, T0)]
    ]) {
      expect(articleScores(runs).get('alpha')!.best).toEqual({ correct: 2, total: 4, finishedAt: T0 + DAY })
    }
  })
})

describe('daily totals', () => {
  it('adds up the totals of several parts day by day, without changing the parts', () => {
    const a = new Map([['2026-11-28', { correct: 2, total: 3 }]])
    const b = new Map([
      ['2026-11-28', { correct: 1, total: 4 }],
      ['2026-11-29', { correct: 0, total: 1 }]
    ])
    expect(mergeDaily([a, b])).toEqual(
      new Map([
        ['2026-11-28', { correct: 3, total: 7 }],
        ['2026-11-29', { correct: 0, total: 1 }]
      ])
    )
    expect(a.get('2026-11-28')).toEqual({ correct: 2, total: 3 })
  })

  it('lists days oldest first, whatever order they were added in, leaving out days with no answers left', () => {
    const daily: DailyTotals = new Map(['2026-11-05', '2026-11-01', '2026-11-09', '2026-11-03', '2026-11-02', '2026-11-08'].map((day) => [day, { correct: 1, total: 2 }]))
    daily.set('2026-11-04', { correct: 0, total: 0 })
    expect(seriesFromDaily(daily).map((d) => d.day)).toEqual(['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-05', '2026-11-08', '2026-11-09'])
  })
})

describe('streak from a set of days', () => {
  it('finds the best run of days whatever order the set holds them in', () => {
    const days = new Set(['2026-11-10', '2026-11-03', '2026-11-11', '2026-11-02', '2026-11-12', '2026-11-01', '2026-11-20'])
    expect(streakFromDays(days, '2026-11-28')).toEqual({ current: 0, best: 3, studiedToday: false })
    expect(streakFromDays(days, '2026-11-21')).toEqual({ current: 1, best: 3, studiedToday: false })
    expect(streakFromDays(new Set(), '2026-11-28')).toEqual({ current: 0, best: 0, studiedToday: false })
  })
})

describe('statistics of several articles', () => {
  it('lists articles by id whatever order their runs come in', () => {
    const runs = ['delta', 'alpha', 'echo', 'charlie', 'bravo'].map((scope, i) => run(`r${i}`, 1, 1, T0 + i, scope))
    expect(statsFromDaily(new Map(), runs, '2026-11-28').articles.map((a) => a.articleId)).toEqual(['alpha', 'bravo', 'charlie', 'delta', 'echo'])
  })
})
