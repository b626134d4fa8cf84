import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { QuizSession, type QuizSource } from '../../../src/renderer/src/quiz/quiz-session.svelte'
import { ProgressStore } from '../../../src/renderer/src/progress/progress-store'
import type { Question } from '../../../src/shared/quiz/model'

// Seven questions; rank 1 is the most important. In reading order (by paragraph) they are q0..q6.
const questions: Question[] = [3, 1, 6, 2, 7, 4, 5].map((rank, i) => ({
  id: `q${i}`,
  kind: 'who-what-where',
  prompt: `Question ${i}?`,
  options: ['A', 'B'],
  answer: 'A',
  evidence: { paragraph: i, start: 0, end: 5, text: 'Text.' },
  explanation: 'Because.',
  rank
}))

let size = 3
const source: QuizSource = { scope: 'article-r', questions, articleOf: () => ({ id: 'article-r', title: 'R' }), roundSize: () => size }

let n = 0
const stores: ProgressStore[] = []
function store(name = `quiz-rounds-${n++}`): ProgressStore {
  const s = ProgressStore.open(name)
  stores.push(s)
  return s
}
afterEach(() => {
  for (const s of stores.splice(0)) s.close()
  size = 3
})

async function finishRound(s: QuizSession, chosen = 'A'): Promise<string[]> {
  const ids: string[] = []
  while (!s.finished) {
    ids.push(s.current!.id)
    await s.choose(chosen)
    s.next()
  }
  return ids
}

describe('QuizSession rounds', () => {
  it('asks the best-ranked questions first, in reading order, then the next round on "More questions"', async () => {
    const s = await QuizSession.open(store(), source, () => undefined)
    expect(s.round).toEqual({ index: 0, count: 3 })
    expect(s.remaining).toBe(4)
    // Ranks 1, 2, 3 are q1, q3, q0: shown in reading order.
    expect(await finishRound(s)).toEqual(['q0', 'q1', 'q3'])
    expect(await s.moreQuestions()).toBe(true)
    expect(s.round).toEqual({ index: 1, count: 3 })
    expect(s.remaining).toBe(1)
    expect(await finishRound(s)).toEqual(['q2', 'q5', 'q6'])
    expect(await s.moreQuestions()).toBe(true)
    expect(await finishRound(s)).toEqual(['q4'])
    expect(s.remaining).toBe(0)
    expect(await s.moreQuestions()).toBe(false)
  })

  it('resumes in the round it was in, with its answers, after a restart', async () => {
    const name = `quiz-rounds-${n++}`
    const first = await QuizSession.open(store(name), source, () => undefined)
    await finishRound(first)
    await first.moreQuestions()
    await first.choose('B')
    stores.splice(0).forEach((x) => x.close())

    const again = await QuizSession.open(store(name), source, () => undefined)
    expect(again.round.index).toBe(1)
    expect(again.answeredCount).toBe(1)
    expect(again.current?.id).toBe('q5')
    // A retry of the round's misses stays in that round, so "More questions" still goes on from it.
    again.next()
    await finishRound(again)
    expect(await again.retryMissed()).toBe(true)
    expect(again.round.index).toBe(1)
    expect(again.remaining).toBe(1)
  })

  it('a changed round size applies from the next round on', async () => {
    const s = await QuizSession.open(store(), source, () => undefined)
    await finishRound(s)
    size = 5
    // Rounds are now [ranks 1–5], [6–7]: the run just finished is most of round 0, so the next is round 1.
    expect(s.round).toEqual({ index: 0, count: 2 })
    await s.moreQuestions()
    expect(s.count).toBe(2)
  })

  it('undoes the last answer: the question is open again and the run is as before', async () => {
    let refreshed = 0
    const st = store()
    const s = await QuizSession.open(st, source, () => refreshed++)
    await s.choose('B')
    expect(s.canUndo).toBe(true)
    expect(await s.undo()).toBe(true)
    expect(s.answer).toBeNull()
    expect(s.answeredCount).toBe(0)
    expect(s.current?.id).toBe('q0')
    expect(await st.history('q0')).toEqual([])
    expect(await s.undo()).toBe(false)
    expect(refreshed).toBe(2)
    // The last question of a round: undo takes the run back from finished.
    await s.choose('A')
    s.next()
    await s.choose('A')
    s.next()
    await s.choose('A')
    s.next()
    expect(s.finished).toBe(true)
    // Even from the results: the misclick on the round's last question is taken back.
    await s.undo()
    expect(s.finished).toBe(false)
    expect(s.current?.id).toBe('q3')
    expect((await st.readAll()).runs[0]?.finishedAt).toBeNull()
  })
})
