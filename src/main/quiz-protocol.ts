import type { Article } from '@shared/article/model'
import type { Question } from '@shared/quiz/model'

/** A request to the quiz worker: generate the quiz of one article. `id` pairs the reply with its request. */
export interface QuizJob {
  id: number
  article: Article
}

/** The worker's reply to a job. A generator error travels back as a message, never as a crashed worker. */
export type QuizReply = { id: number; ok: true; questions: Question[] } | { id: number; ok: false; message: string }
