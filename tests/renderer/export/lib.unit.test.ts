import { describe, expect, it } from 'vitest'
import type { ReviewRecord } from '../../../src/shared/progress/model'
import type { Question } from '../../../src/shared/quiz/model'
import { missedItems, questionCount } from '../../../src/renderer/src/export/lib'

const question = (id: string): Question => ({
  id,
  kind: 'who-said',
  prompt: `Who said ${id}?`,
  options: ['A', 'B', 'C'],
  answer: 'A',
  evidence: { paragraph: 0, start: 0, end: 5, text: 'A said' },
  explanation: 'A said it.',
  rank: 1
})

const record = (id: string, articleId: string, articleTitle: string, missed: 0 | 1, lastAt: number): ReviewRecord => ({
  questionId: id,
  articleId,
  articleTitle,
  card: { due: 0, stability: 0, difficulty: 0, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 1, lapses: 0, state: 1, last_review: lastAt },
  missed,
  lastChosen: missed ? 'B' : 'A',
  lastAt,
  answers: 1,
  question: question(id),
  retired: 0
})

describe('missedItems', () => {
  it('keeps the questions last answered wrong, grouped by article and in the order they were missed', () => {
    const items = missedItems([
      record('q1', 'b-article', 'Bridge reopens', 1, 30),
      record('q2', 'a-article', 'Airport strike', 1, 20),
      record('q3', 'b-article', 'Bridge reopens', 0, 10),
      record('q4', 'b-article', 'Bridge reopens', 1, 5)
    ])
    expect(items.map((i) => [i.articleId, i.question.id])).toEqual([
      ['a-article', 'q2'],
      ['b-article', 'q4'],
      ['b-article', 'q1']
    ])
    expect(items[0]).toEqual({ articleId: 'a-article', articleTitle: 'Airport strike', question: question('q2') })
  })

  it('is empty when nothing was missed', () => {
    expect(missedItems([record('q1', 'a-article', 'A', 0, 1)])).toEqual([])
    expect(questionCount(1)).toBe('1 question')
    expect(questionCount(0)).toBe('0 questions')
  })
})
