import { describe, expect, it } from 'vitest'
import type { Attempt } from '@shared/progress/model'
import {
  advance,
  applyAnswer,
  currentQuestionId,
  isCurrentAnswered,
  isFinished,
  missedQuestionIds,
  newRun,
  reconcileSession,
  resumeSession,
  retryRun,
  sessionScore,
  startSession
} from '@shared/progress/session'
import { MINUTE, T0 } from './fixtures'

const ids = ['q1', 'q2', 'q3', 'q4']
const run = newRun({ id: 'run-1', scope: 'alpha', mode: 'full', questionIds: ids }, T0)

describe('quiz session', () => {
  it('walks through the questions: answer shows feedback, advance moves on, the last answer finishes the run', () => {
    let s = startSession(run)
    expect(currentQuestionId(s)).toBe('q1')
    s = applyAnswer(s, 'q1', 'A', true, T0 + 1)
    expect(isCurrentAnswered(s)).toBe(true)
    expect(currentQuestionId(s)).toBe('q1') // feedback stays on the answered question
    s = advance(s)
    expect(currentQuestionId(s)).toBe('q2')
    s = advance(applyAnswer(s, 'q2', 'B', false, T0 + 2))
    s = advance(applyAnswer(s, 'q3', 'C', true, T0 + 3))
    expect(isFinished(s)).toBe(false)
    expect(s.run.finishedAt).toBeNull()
    s = applyAnswer(s, 'q4', 'D', false, T0 + 4)
    expect(isFinished(s)).toBe(true)
    expect(s.run.finishedAt).toBe(T0 + 4)
    expect(s.run.score).toEqual({ correct: 2, total: 4 })
    expect(sessionScore(s)).toEqual({ correct: 2, total: 4 })
    expect(missedQuestionIds(s)).toEqual(['q2', 'q4'])
    s = advance(s)
    expect(currentQuestionId(s)).toBeNull()
    expect(s.position).toBe(4)
  })

  it('keeps the first answer when a question is answered twice, and ignores questions not in the run', () => {
    const s = applyAnswer(startSession(run), 'q1', 'A', true, T0)
    expect(applyAnswer(s, 'q1', 'B', false, T0 + 1)).toBe(s)
    expect(applyAnswer(s, 'zz', 'B', false, T0 + 1)).toBe(s)
  })

  it('drops duplicate question ids when creating a run', () => {
    expect(newRun({ id: 'r', scope: 'a', mode: 'full', questionIds: ['a', 'b', 'a'] }, T0).questionIds).toEqual(['a', 'b'])
  })

  it('builds a retry run from the missed questions, and none when all were right', () => {
    let s = startSession(run)
    for (const [i, id] of ids.entries()) s = advance(applyAnswer(s, id, 'x', i % 2 === 0, T0 + i))
    const retry = retryRun(s, 'run-2', T0 + MINUTE)
    expect(retry).toMatchObject({ id: 'run-2', scope: 'alpha', mode: 'retry', questionIds: ['q2', 'q4'], startedAt: T0 + MINUTE, finishedAt: null })
    let r = startSession(retry!)
    r = applyAnswer(r, 'q2', 'x', true, T0 + 2 * MINUTE)
    r = applyAnswer(advance(r), 'q4', 'x', true, T0 + 3 * MINUTE)
    expect(retryRun(r, 'run-3', T0)).toBeNull()
  })

  it('resumes at the first unanswered question with every stored answer of that run', () => {
    const attempts: Attempt[] = [
      { id: 'a1', questionId: 'q1', articleId: 'alpha', runId: 'run-1', chosen: 'A', correct: true, at: T0 + 1 },
      { id: 'a2', questionId: 'q2', articleId: 'alpha', runId: 'run-1', chosen: 'B', correct: false, at: T0 + 2 },
      // Another run's answer to q3 must not count in this run.
      { id: 'a3', questionId: 'q3', articleId: 'alpha', runId: 'run-0', chosen: 'C', correct: true, at: T0 - 5 }
    ]
    const s = resumeSession(run, attempts)
    expect(currentQuestionId(s)).toBe('q3')
    expect(Object.keys(s.answers).sort()).toEqual(['q1', 'q2'])
    expect(s.answers['q2']).toEqual({ chosen: 'B', correct: false, at: T0 + 2 })
    expect(isFinished(s)).toBe(false)
  })

  it('resumes a fully answered run at its end', () => {
    const attempts: Attempt[] = ids.map((q, i) => ({ id: `a${i}`, questionId: q, articleId: 'alpha', runId: 'run-1', chosen: 'x', correct: true, at: T0 + i }))
    const s = resumeSession(run, attempts)
    expect(s.position).toBe(4)
    expect(isFinished(s)).toBe(true)
  })

  it('after a release removes questions, drops the unanswered missing ones but keeps answered ones', () => {
    let s = advance(applyAnswer(startSession(run), 'q1', 'x', false, T0))
    // q1 (answered) and q3 (unanswered) no longer exist.
    s = reconcileSession(s, new Set(['q2', 'q4']), T0 + 1)
    expect(s.run.questionIds).toEqual(['q1', 'q2', 'q4'])
    expect(currentQuestionId(s)).toBe('q2')
    expect(reconcileSession(s, new Set(['q2', 'q4']), T0 + 2)).toBe(s)
  })

  it('finishes a run when reconciling removes its last open questions', () => {
    const s = applyAnswer(startSession(run), 'q1', 'x', true, T0)
    const r = reconcileSession(s, new Set(), T0 + 9)
    expect(r.run.questionIds).toEqual(['q1'])
    expect(r.run.finishedAt).toBe(T0 + 9)
    expect(r.run.score).toEqual({ correct: 1, total: 1 })
  })
})

describe('quiz session edge cases', () => {
  it('moves past questions already answered, and brings a skipped one back before the end', () => {
    // q3 answered out of turn (a resumed run): advancing from q2 goes straight to q4.
    let s = applyAnswer(applyAnswer(startSession(run), 'q1', 'x', true, T0), 'q3', 'x', true, T0 + 1)
    s = advance(s)
    expect(currentQuestionId(s)).toBe('q2')
    s = advance(applyAnswer(s, 'q2', 'x', true, T0 + 2))
    expect(currentQuestionId(s)).toBe('q4')
    // Advancing past q4 without answering it: the only open question, q4, comes back rather than the end.
    s = advance(s)
    expect(currentQuestionId(s)).toBe('q4')
    expect(isCurrentAnswered(s)).toBe(false)
    // Skipping q2 from q1 leaves it open: after the last question it comes back first.
    let t = advance(startSession(run))
    for (const id of ['q2', 'q3', 'q4']) t = advance(applyAnswer(t, id, 'x', true, T0))
    expect(currentQuestionId(t)).toBe('q1')
    expect(isFinished(t)).toBe(false)
  })

  it('reconciles a session shown past its end: it stays at the end of what is left', () => {
    let s = startSession(run)
    for (const id of ['q1', 'q2', 'q3']) s = applyAnswer(s, id, 'x', true, T0)
    s = { ...s, position: ids.length }
    const r = reconcileSession(s, new Set(), T0 + 1)
    expect(r.run.questionIds).toEqual(['q1', 'q2', 'q3'])
    expect(r.position).toBe(3)
    expect(r.run.finishedAt).toBe(T0 + 1)
  })

  it('reports nothing answered once past the end, and counts unanswered questions as not correct', () => {
    const s = { ...startSession(run), position: ids.length }
    expect(currentQuestionId(s)).toBeNull()
    expect(isCurrentAnswered(s)).toBe(false)
    const partial = applyAnswer(applyAnswer(startSession(run), 'q1', 'x', true, T0), 'q2', 'y', false, T0)
    expect(sessionScore(partial)).toEqual({ correct: 1, total: 4 })
    expect(missedQuestionIds(partial)).toEqual(['q2'])
    expect(partial.run.finishedAt).toBeNull()
    expect(partial.run.score).toBeNull()
  })

  it('resumes with the earliest stored answer of each question, whatever order the attempts come in', () => {
    const at = (id: string, q: string, chosen: string, correct: boolean, t: number, runId = 'run-1'): Attempt => ({ id, questionId: q, articleId: 'alpha', runId, chosen, correct, at: t })
    const s = resumeSession(run, [
      at('a2', 'q1', 'second', true, T0 + 5),
      at('a1', 'q1', 'first', false, T0 + 1),
      at('a3', 'zz', 'not in the run', true, T0),
      at('a4', 'q2', 'outside any run', true, T0, null as never)
    ])
    expect(s.answers).toEqual({ q1: { chosen: 'first', correct: false, at: T0 + 1 } })
    expect(currentQuestionId(s)).toBe('q2')
  })

  it('when the question on screen vanishes, goes to the first open question that is left', () => {
    let s = advance(applyAnswer(startSession(run), 'q1', 'x', true, T0))
    expect(currentQuestionId(s)).toBe('q2')
    s = reconcileSession(s, new Set(['q3', 'q4']), T0 + 1)
    expect(s.run.questionIds).toEqual(['q1', 'q3', 'q4'])
    expect(currentQuestionId(s)).toBe('q3')
    // The question on screen survives: it stays on screen, at its new index.
    let t = advance(advance(applyAnswer(startSession(run), 'q1', 'x', true, T0)))
    expect(currentQuestionId(t)).toBe('q3')
    t = reconcileSession(t, new Set(['q3', 'q4']), T0 + 1)
    expect(t.position).toBe(1)
    expect(currentQuestionId(t)).toBe('q3')
    // Nothing open is left: the session is at its end, and the run is finished.
    let u = advance(applyAnswer(startSession(run), 'q1', 'x', true, T0))
    u = reconcileSession(u, new Set(), T0 + 1)
    expect(u.run.questionIds).toEqual(['q1'])
    expect(u.position).toBe(1)
    expect(currentQuestionId(u)).toBeNull()
    expect(u.run.finishedAt).toBe(T0 + 1)
  })

  it('does not finish a run again, or one that still has open questions, when reconciling', () => {
    let done = startSession(run)
    for (const id of ids) done = applyAnswer(done, id, 'x', true, T0 + 5)
    expect(done.run.finishedAt).toBe(T0 + 5)
    // A finished run that still lists a vanished, never-asked question keeps its own finish time.
    const withExtra = { ...done, run: { ...done.run, questionIds: [...ids, 'q5'] } }
    const r = reconcileSession(withExtra, new Set(), T0 + 9)
    expect(r.run.questionIds).toEqual(ids)
    expect(r.run.finishedAt).toBe(T0 + 5)
    expect(r.position).toBe(0)

    const open = reconcileSession(startSession(run), new Set(['q1', 'q2']), T0 + 9)
    expect(open.run.questionIds).toEqual(['q1', 'q2'])
    expect(open.run.finishedAt).toBeNull()
    expect(open.run.score).toBeNull()
    expect(open.position).toBe(0)
  })
})
