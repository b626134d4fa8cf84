import { describe, expect, it } from 'vitest'
import { BACKUP_VERSION, parseBackup, serializeBackup, type BackupArticle } from '@shared/progress/backup'
import { firstFutureEvent, serializeProgressExport } from '@shared/progress/export-format'
import type { ProgressData, QuestionReport } from '@shared/progress/model'
import { applyAttemptToReview } from '@shared/progress/review'
import { article, DAY, question, T0 } from './fixtures'

type Contents = ProgressData & { reports: QuestionReport[]; articles: BackupArticle[] }

function sample(): Contents {
  const q = question('alpha', 1)
  const attempt = { id: 'a1', questionId: q.id, articleId: 'alpha', runId: 'r1', chosen: 'Option B1', correct: false, at: T0 }
  return {
    attempts: [attempt],
    reviews: [applyAttemptToReview(undefined, article('alpha'), q, attempt)],
    runs: [{ id: 'r1', scope: 'alpha', mode: 'full', questionIds: [q.id], startedAt: T0 - 1, finishedAt: T0, score: { correct: 0, total: 1 } }],
    reports: [{ questionId: q.id, articleId: 'alpha', articleTitle: 'Title of alpha', prompt: q.prompt, reason: 'Two answers fit.', at: T0 }],
    articles: [
      {
        file: { format: 'newsquiz-article@1', id: 'alpha', title: 'Alpha', date: null, dateLabel: null, source: null, byline: null, credits: [], body: [{ paragraph: 'Text.' }], licence: null },
        addedAt: new Date(T0).toISOString(),
        origin: 'alpha.txt',
        format: 'text'
      }
    ]
  }
}

function failure(text: string, now?: number): string {
  const r = parseBackup(text, now)
  if (r.ok) throw new Error('expected the backup to be refused')
  return r.message
}

function damaged(damage: (file: Record<string, unknown> & Contents) => void): string {
  const file = JSON.parse(serializeBackup(sample(), T0)) as Record<string, unknown> & Contents
  damage(file)
  return JSON.stringify(file)
}

describe('the backup file (format 2)', () => {
  it('round-trips everything it carries, with the time it was made', () => {
    const data = sample()
    const r = parseBackup(serializeBackup(data, T0), T0)
    expect(r).toEqual({ ok: true, value: { version: 2, exportedAt: '2026-11-28T10:00:00.000Z', ...data } })
    expect(BACKUP_VERSION).toBe(2)
  })

  it('refuses a backup from a newer release, saying which format it is and which ones this app reads', () => {
    expect(failure(JSON.stringify({ format: 'newsquiz-progress', version: 3 }))).toBe(
      'This backup was made by a newer version of News Quiz (format 3; this app reads formats 1 and 2). Update the app to import it. Nothing was changed.'
    )
  })

  it('leaves anything that is not a format-2 News Quiz file to the format-1 reader and its words', () => {
    expect(failure('{"format": "newsquiz-progress", "vers')).toBe(
      'This file is not a News Quiz progress file: it is not valid JSON (it may be damaged or cut short). Nothing was changed.'
    )
    expect(failure(JSON.stringify({ format: 'other-app', version: 2 }))).toMatch(/^This file is not a News Quiz progress file \(it looks like data from another program\)/)
    expect(failure(JSON.stringify({ format: 'other-app', version: 9 }))).toMatch(/another program/)
    expect(failure('null')).toMatch(/another program/)
    expect(failure(JSON.stringify({ format: 'newsquiz-progress', version: 2.5 }))).toMatch(/no valid format version/)
  })

  it('reads a format-1 file as progress without articles or reports', () => {
    const { reports: _r, articles: _a, ...progress } = sample()
    void [_r, _a]
    const r = parseBackup(serializeProgressExport(progress, T0), T0)
    expect(r).toEqual({ ok: true, value: { format: 'newsquiz-progress', version: 1, exportedAt: '2026-11-28T10:00:00.000Z', ...progress, reports: [], articles: [] } })
  })

  it('names the first damaged record the way people count, one-based, with its field', () => {
    expect(failure(damaged((f) => void (f.reports[0]!.reason = 'x'.repeat(2001))))).toMatch(/^This backup file is damaged: report 1 \(reason\) is invalid \(.+\)\. Nothing was changed\.$/)
    expect(failure(damaged((f) => void (f.articles[0]!.addedAt = 'yesterday')))).toMatch(/^This backup file is damaged: article 1 \(addedAt\) is invalid/)
    expect(failure(damaged((f) => void (f.attempts[0]!.correct = 'yes' as never)))).toMatch(/: answer 1 \(correct\) is invalid/)
    expect(failure(damaged((f) => void (f.runs[0]!.mode = 'sprint' as never)))).toMatch(/: quiz run 1 \(mode\) is invalid/)
    expect(failure(damaged((f) => void (f.reviews[0]!.missed = 2 as never)))).toMatch(/: review record 1 \(missed\) is invalid/)
    expect(failure(damaged((f) => void (f['exportedAt'] = 'now')))).toMatch(/: field "exportedAt" is invalid/)
    expect(failure(damaged((f) => void (f.reports = {} as never)))).toMatch(/: field "reports" is invalid/)
    expect(failure(damaged((f) => void f.articles.push({ ...f.articles[0]!, format: 'pdf' as never })))).toMatch(/: article 2 \(format\) is invalid/)
    expect(failure(damaged((f) => void (f.reports[0] = 'not a report' as never)))).toMatch(/^This backup file is damaged: report 1 is invalid \(/)
    const reports = Array.from({ length: 12 }, () => sample().reports[0]!)
    reports[10] = { ...reports[10]!, at: -1 }
    expect(failure(damaged((f) => void (f.reports = reports)))).toMatch(/: report 11 \(at\) is invalid/)
  })

  it('refuses times of past events later than a day after now, naming the record and today', () => {
    const later = T0 + DAY + 1
    const cases: [string, (f: Contents) => void, string][] = [
      ['an answer', (f) => void (f.attempts[0]!.at = later), 'answer 1 (at)'],
      ['a review', (f) => void (f.reviews[0]!.lastAt = later), 'review record 1 (lastAt)'],
      ['a card review', (f) => void (f.reviews[0]!.card.last_review = later), 'review record 1 (card.last_review)'],
      ['a run start', (f) => void (f.runs[0]!.startedAt = later), 'quiz run 1 (startedAt)'],
      ['a run end', (f) => void (f.runs[0]!.finishedAt = later), 'quiz run 1 (finishedAt)']
    ]
    for (const [label, damage, where] of cases) {
      expect(failure(damaged(damage), T0), label).toBe(`This backup file is damaged: ${where} is invalid (a time after today, 2026-11-28). Nothing was changed.`)
      // Without a clock to compare with, the same file is read.
      expect(parseBackup(damaged(damage)).ok, label).toBe(true)
    }
  })

  it('allows a day of clock difference between machines, to the millisecond', () => {
    const limit = T0 + DAY
    const data = sample()
    data.attempts[0]!.at = limit
    data.reviews[0]!.lastAt = limit
    data.reviews[0]!.card.last_review = limit
    data.runs[0]!.startedAt = limit
    data.runs[0]!.finishedAt = limit
    expect(firstFutureEvent(data, T0)).toBeNull()
    expect(parseBackup(serializeBackup(data, T0), T0).ok).toBe(true)
    data.runs[0]!.finishedAt = limit + 1
    expect(firstFutureEvent(data, T0)).toBe('runs.0.finishedAt')
    data.runs[0]!.finishedAt = null
    data.reviews[0]!.card.last_review = null
    expect(firstFutureEvent(data, T0)).toBeNull()
  })
})
