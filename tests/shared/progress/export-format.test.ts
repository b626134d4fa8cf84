import { describe, expect, it } from 'vitest'
import { parseProgressExport, PROGRESS_FORMAT, serializeProgressExport } from '@shared/progress/export-format'
import { planMerge } from '@shared/progress/merge'
import type { ProgressData } from '@shared/progress/model'
import { applyAttemptToReview } from '@shared/progress/review'
import { article, question, T0 } from './fixtures'

function sample(): ProgressData {
  const q = question('alpha', 1)
  const attempt = { id: 'a1', questionId: q.id, articleId: 'alpha', runId: 'r1', chosen: 'Option B1', correct: false, at: T0 }
  return {
    attempts: [attempt],
    reviews: [applyAttemptToReview(undefined, article('alpha'), q, attempt)],
    runs: [{ id: 'r1', scope: 'alpha', mode: 'full', questionIds: [q.id], startedAt: T0 - 1, finishedAt: T0, score: { correct: 0, total: 1 } }]
  }
}

function message(text: string): string {
  const r = parseProgressExport(text)
  if (r.ok) throw new Error('expected a failure')
  return r.message
}

describe('progress export format', () => {
  it('round-trips data exactly', () => {
    const data = sample()
    const parsed = parseProgressExport(serializeProgressExport(data, T0))
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.value).toEqual({ format: PROGRESS_FORMAT, version: 1, exportedAt: '2026-11-28T10:00:00.000Z', ...data })
  })

  it('explains malformed JSON', () => {
    expect(message('{"format": "newsquiz-progress", "vers')).toMatch(/not valid JSON.*Nothing was changed\.$/)
    expect(message('')).toMatch(/not valid JSON/)
  })

  it('explains a foreign file', () => {
    expect(message('{"name": "my-package", "version": "1.0.0"}')).toMatch(/not a News Quiz progress file.*another program/)
    expect(message('[1, 2, 3]')).toMatch(/another program/)
    expect(message('null')).toMatch(/another program/)
  })

  it('explains a file from a newer version', () => {
    const text = serializeProgressExport(sample(), T0).replace('"version": 1', '"version": 2')
    expect(message(text)).toMatch(/newer version of News Quiz \(format 2/)
  })

  it('rejects a missing or odd version', () => {
    const file = JSON.parse(serializeProgressExport(sample(), T0)) as Record<string, unknown>
    delete file['version']
    expect(message(JSON.stringify(file))).toMatch(/no valid format version/)
    expect(message(JSON.stringify({ ...file, version: '1' }))).toMatch(/no valid format version/)
  })

  it('names the first bad record', () => {
    const file = JSON.parse(serializeProgressExport(sample(), T0)) as { attempts: Record<string, unknown>[]; reviews: Record<string, unknown>[] }
    file.attempts[0]!['correct'] = 'yes'
    expect(message(JSON.stringify(file))).toMatch(/damaged: answer 1 \(correct\) is invalid/)
    const file2 = JSON.parse(serializeProgressExport(sample(), T0)) as { reviews: { card: Record<string, unknown> }[] }
    file2.reviews[0]!.card['due'] = -5
    expect(message(JSON.stringify(file2))).toMatch(/review record 1 \(card\.due\)/)
    const file3 = JSON.parse(serializeProgressExport(sample(), T0)) as { reviews: { question: Record<string, unknown> }[] }
    file3.reviews[0]!.question['id'] = 'other'
    expect(message(JSON.stringify(file3))).toMatch(/review record 1/)
  })
})

describe('import merge plan', () => {
  it('adds new records, skips known attempts and keeps the review with the later answer', () => {
    const data = sample()
    const older = data.reviews[0]!
    const newer = { ...older, lastAt: older.lastAt + 10, missed: 0 as const }
    const plan = planMerge(
      { attemptIds: new Set(['a1']), reviews: new Map([[older.questionId, older]]), runs: new Map() },
      { attempts: [...data.attempts, { ...data.attempts[0]!, id: 'a2' }], reviews: [newer], runs: data.runs }
    )
    expect(plan.attempts.map((a) => a.id)).toEqual(['a2'])
    expect(plan.reviews).toEqual([newer])
    expect(plan.runs).toEqual(data.runs)
    // The stored review is newer: it stays.
    const keep = planMerge({ attemptIds: new Set(), reviews: new Map([[newer.questionId, newer]]), runs: new Map() }, { ...data, reviews: [older] })
    expect(keep.reviews).toEqual([])
  })

  it('replaces a stored unfinished run with the finished one, never the other way round', () => {
    const finished = sample().runs[0]!
    const open = { ...finished, finishedAt: null, score: null }
    expect(planMerge({ attemptIds: new Set(), reviews: new Map(), runs: new Map([[open.id, open]]) }, { attempts: [], reviews: [], runs: [finished] }).runs).toEqual([finished])
    expect(planMerge({ attemptIds: new Set(), reviews: new Map(), runs: new Map([[finished.id, finished]]) }, { attempts: [], reviews: [], runs: [open] }).runs).toEqual([])
  })
})

describe('progress files checked to the last field', () => {
  // Each crafted file differs from a valid export in one field; the whole file is refused, naming that field.
  const cases: [string, (d: ProgressData) => void, RegExp][] = [
    ['stability 0 on a reviewed card', (d) => void (d.reviews[0]!.card = { ...d.reviews[0]!.card, state: 2, stability: 0 }), /review record 1 \(card\.stability\)/],
    ['negative stability', (d) => void (d.reviews[0]!.card.stability = -1), /review record 1 \(card\.stability\)/],
    ['stability past ts-fsrs’s maximum', (d) => void (d.reviews[0]!.card.stability = 1e9), /card\.stability/],
    ['difficulty 1e308', (d) => void (d.reviews[0]!.card.difficulty = 1e308), /review record 1 \(card\.difficulty\)/],
    ['difficulty 0 on a reviewed card', (d) => void (d.reviews[0]!.card = { ...d.reviews[0]!.card, state: 2, difficulty: 0 }), /card\.difficulty/],
    ['a last review in the year 275,000', (d) => void (d.reviews[0]!.card.last_review = 1e300), /review record 1 \(card\.last_review\)/],
    ['a due date of 0', (d) => void (d.reviews[0]!.card.due = 0), /card\.due/],
    ['lastAt in the year 275,000', (d) => void (d.reviews[0]!.lastAt = Date.UTC(275000, 0, 1)), /review record 1 \(lastAt\)/],
    ['lastAt next year', (d) => void (d.reviews[0]!.lastAt = T0 + 365 * 86_400_000), /review record 1 \(lastAt\).*after today/],
    ['an answer dated next year', (d) => void (d.attempts[0]!.at = T0 + 365 * 86_400_000), /answer 1 \(at\)/],
    ['negative elapsed days', (d) => void (d.reviews[0]!.card.elapsed_days = -3), /card\.elapsed_days/],
    ['a fractional answer count', (d) => void (d.reviews[0]!.answers = 1.5), /review record 1 \(answers\)/],
    ['a negative lapse count', (d) => void (d.reviews[0]!.card.lapses = -1), /card\.lapses/],
    ['a score over its total', (d) => void (d.runs[0]!.score = { correct: 3, total: 1 }), /quiz run 1 \(score\.correct\)/],
    ['a run finished in the year 3000', (d) => void (d.runs[0]!.finishedAt = Date.UTC(3000, 0, 1)), /quiz run 1 \(finishedAt\)/],
    ['evidence ending before it starts', (d) => void (d.reviews[0]!.question.evidence = { ...d.reviews[0]!.question.evidence, start: 9, end: 2 }), /question\.evidence\.end/]
  ]
  it.each(cases)('refuses %s, naming the field', (_label, damage, where) => {
    const data = structuredClone(sample())
    damage(data)
    const r = parseProgressExport(serializeProgressExport(data, T0), T0)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.message).toMatch(where)
      expect(r.message).toMatch(/Nothing was changed\.$/)
    }
  })

  it('accepts a real export, whose times are all in the past', () => {
    expect(parseProgressExport(serializeProgressExport(sample(), T0), T0 + 1000).ok).toBe(true)
  })
})

describe('progress file messages, to the record and the day', () => {
  function many(n: number): ProgressData {
    const one = sample()
    const attempts = Array.from({ length: n }, (_, i) => ({ ...one.attempts[0]!, id: `a${i}` }))
    return { ...one, attempts }
  }

  it('counts records past the ninth correctly', () => {
    const data = many(12)
    ;(data.attempts[11] as unknown as Record<string, unknown>)['correct'] = 'yes'
    expect(message(serializeProgressExport(data, T0))).toMatch(/^This progress file is damaged: answer 12 \(correct\) is invalid \(/)
  })

  it('names a record that is wrong as a whole, and a top-level field', () => {
    const file = JSON.parse(serializeProgressExport(sample(), T0)) as Record<string, unknown>
    expect(message(JSON.stringify({ ...file, attempts: ['not a record'] }))).toMatch(/^This progress file is damaged: answer 1 is invalid \(/)
    expect(message(JSON.stringify({ ...file, exportedAt: 'yesterday' }))).toMatch(/^This progress file is damaged: field "exportedAt" is invalid \(/)
  })

  it('says which day counts as today when refusing a time after it', () => {
    const data = sample()
    data.runs[0]!.startedAt = T0 + 2 * 86_400_000
    const r = parseProgressExport(serializeProgressExport(data, T0), T0)
    expect(r).toEqual({ ok: false, message: 'This progress file is damaged: quiz run 1 (startedAt) is invalid (a time after today, 2026-11-28). Nothing was changed.' })
  })
})
