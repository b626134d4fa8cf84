import type { Article } from '@shared/article/model'
import type { Imported } from '@shared/import/errors'
import type { Question } from '@shared/quiz/model'
import type { ImportedArticle, ReadInput } from './import/importer'

/**
 * A request to the worker; `id` pairs the reply with its request. Both kinds are CPU-bound work that must not run
 * on the main thread's event loop: `quiz` generates an article's quiz; `read` decodes an imported file or text and
 * extracts its article (Readability over a DOM takes about a second for a 1 MB page).
 */
export type WorkerJob = { id: number; kind: 'quiz'; article: Article } | { id: number; kind: 'read'; input: ReadInput }

/** What each kind of job resolves to. */
export interface WorkerResults {
  quiz: Question[]
  read: Imported<ImportedArticle>
}

/** The worker's reply to a job. An exception travels back as a message, never as a crashed worker. */
export type WorkerReply = { id: number; ok: true; value: WorkerResults[keyof WorkerResults] } | { id: number; ok: false; message: string }
