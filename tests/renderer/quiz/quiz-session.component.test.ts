import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { QuizSession, type QuizSource } from '../../../src/renderer/src/quiz/quiz-session.svelte'
import { ProgressStore } from '../../../src/renderer/src/progress/progress-store'
import type { Question } from '../../../src/shared/quiz/model'

function question(id: string, answer: string, options: string[]): Question {
  return {
    id,
    kind: 'who-what-where',
    prompt: `Question ${id}?`,
    options,
    answer,
    evidence: { paragraph: 0, start: 0, end: 5, text: 'Text.' },
    explanation: 'Because the article says so.',
    rank: 1
  }
}

const questions = [question('q1', 'A', ['A', 'B', 'C']), question('q2', 'B', ['A', 'B', 'C']), question('q3', 'C', ['A', 'B', 'C'])]
const source: QuizSource = { scope: 'article-one', questions, articleOf: () => ({ id: 'article-one', title: 'Article one' }) }

let n = 0
const stores: ProgressStore[] = []
function freshStore(name = `quiz-session-${n++}`): ProgressStore {
  const s = ProgressStore.open(name)
  stores.push(s)
  return s
}
afterEach(() => {
  for (const s of stores.splice(0)) s.close()
})

describe('QuizSession', () => {
  it('runs a quiz: answer, feedback after save, next, end with score and missed questions', async () => {
    let answered = 0
    const store = freshStore()
    const s = await QuizSession.open(store, source, () => answered++)
    expect(s.count).toBe(3)
    expect(s.current?.id).toBe('q1')
    await s.choose('A')
    expect(s.answer).toMatchObject({ chosen: 'A', correct: true })
    // The answer is in the database by the time feedback shows.
    expect((await store.history('q1')).map((a) => a.chosen)).toEqual(['A'])
    await s.choose('B') // a second answer to the same question is ignored
    expect((await store.history('q1')).length).toBe(1)
    s.next()
    await s.choose('A')
    s.next()
    await s.choose('C')
    s.next()
    expect(s.finished).toBe(true)
    expect(s.score).toEqual({ correct: 2, total: 3 })
    expect(s.missed.map((m) => [m.question.id, m.chosen])).toEqual([['q2', 'A']])
    expect(answered).toBe(3)
  })

  it('resumes where the user left off after reopening the database, answers kept', async () => {
    const name = `quiz-session-resume-${n++}`
    const first = freshStore(name)
    const s1 = await QuizSession.open(first, source, () => undefined)
    await s1.choose('B') // wrong
    s1.next()
    await s1.choose('B') // right
    first.close()

    const second = freshStore(name)
    const s2 = await QuizSession.open(second, source, () => undefined)
    expect(s2.current?.id).toBe('q3')
    expect(s2.answeredCount).toBe(2)
    expect(s2.answers['q1']).toMatchObject({ chosen: 'B', correct: false })
  })

  it('retries the missed questions until each is answered right', async () => {
    const s = await QuizSession.open(freshStore(), source, () => undefined)
    for (const pick of ['B', 'A', 'C']) {
      await s.choose(pick)
      s.next()
    }
    expect(s.missed.map((m) => m.question.id)).toEqual(['q1', 'q2'])
    expect(await s.retryMissed()).toBe(true)
    expect(s.mode).toBe('retry')
    expect(s.count).toBe(2)
    await s.choose('A') // q1 right now
    s.next()
    await s.choose('C') // q2 wrong again
    s.next()
    expect(s.missed.map((m) => m.question.id)).toEqual(['q2'])
    await s.retryMissed()
    await s.choose('B')
    s.next()
    expect(s.finished).toBe(true)
    expect(s.missed).toEqual([])
    expect(await s.retryMissed()).toBe(false)
  })

  it('says so and keeps the question open when an answer cannot be saved', async () => {
    const store = freshStore()
    const s = await QuizSession.open(store, source, () => undefined)
    store.close() // the database goes away under the app
    await s.choose('A')
    expect(s.answer).toBeNull()
    expect(s.error).toMatch(/could not be saved/)
  })
})
