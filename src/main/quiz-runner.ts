import { Worker, type WorkerOptions } from 'node:worker_threads'
import type { Article } from '@shared/article/model'
import type { Imported } from '@shared/import/errors'
import type { Question } from '@shared/quiz/model'
import type { ImportedArticle, ReadInput } from './import/importer'
import type { WorkerJob, WorkerReply, WorkerResults } from './quiz-protocol'

/**
 * Where the CPU-bound work of the library runs: generating quizzes and reading imported files. The app uses
 * `createWorkerQuizRunner` (a worker thread); `createInProcessQuizRunner` runs the same code on the calling
 * thread and exists only for places that cannot start the built worker: unit tests of the library's bookkeeping
 * and the end-to-end harness, which runs main's TypeScript sources in the test process (there, a slow job stalls
 * the test process, never Chromium's window).
 */
export interface QuizRunner {
  /** The quiz of `article`. Rejects with an Error when generation fails (the caller decides what the user sees). */
  generate(article: Article): Promise<Question[]>
  /** Reads an article from a file's bytes or pasted text; a refusal is a value, only a crash rejects. */
  readArticle(input: ReadInput): Promise<Imported<ImportedArticle>>
  /** Stops any worker; later calls start a new one. */
  close(): Promise<void>
}

/**
 * Runs the work on the calling thread; `generate` defaults to the quiz generator. See QuizRunner for where that is
 * acceptable. The generator and importers are imported on first use, so the app's main bundle does not load the
 * NLP and DOM libraries at startup just to hold this fallback.
 */
export function createInProcessQuizRunner(generate?: (article: Article) => Question[]): QuizRunner {
  return {
    generate: async (article) => (generate ?? (await import('@shared/quiz/generate')).generateQuiz)(article),
    readArticle: async (input) => (await import('./import/importer')).readArticle(input),
    close: async () => undefined
  }
}

interface Pending {
  resolve(value: WorkerResults[keyof WorkerResults]): void
  reject(error: Error): void
}

/** A job without its id: the runner numbers jobs itself. */
type JobBody = WorkerJob extends infer J ? (J extends WorkerJob ? Omit<J, 'id'> : never) : never

/**
 * Runs jobs in one long-lived worker thread started from `entry` (the built `quiz-worker.js`), on first use.
 * Jobs queue in the worker and run one at a time, so a long article delays later jobs but never the main event
 * loop. If the worker crashes or cannot start, its pending jobs reject and the next job starts a fresh one.
 * The worker is unref'd while idle, so it never keeps the process alive on its own.
 */
export function createWorkerQuizRunner(entry: string | URL, options: WorkerOptions = {}): QuizRunner {
  let worker: Worker | null = null
  let nextId = 1
  const pending = new Map<number, Pending>()

  const failAll = (error: Error): void => {
    for (const p of pending.values()) p.reject(error)
    pending.clear()
  }

  const start = (): Worker => {
    const w = new Worker(entry, options)
    w.on('message', (reply: WorkerReply) => {
      const p = pending.get(reply.id)
      if (!p) return
      pending.delete(reply.id)
      if (reply.ok) p.resolve(reply.value)
      else p.reject(new Error(`Worker job failed: ${reply.message}`))
      if (pending.size === 0) w.unref()
    })
    w.on('error', (e) => {
      if (worker === w) worker = null
      failAll(new Error(`The worker failed: ${e.message}`))
    })
    w.on('exit', (code) => {
      if (worker === w) worker = null
      if (pending.size > 0) failAll(new Error(`The worker stopped (exit code ${code}).`))
    })
    return w
  }

  const run = <K extends keyof WorkerResults>(job: JobBody & { kind: K }): Promise<WorkerResults[K]> => {
    worker ??= start()
    const w = worker
    const id = nextId++
    return new Promise<WorkerResults[K]>((resolve, reject) => {
      // The worker answers a job of kind K with WorkerResults[K] (see runWorkerJob); the reply type cannot carry that link.
      pending.set(id, { resolve: resolve as (value: WorkerResults[keyof WorkerResults]) => void, reject })
      w.ref()
      w.postMessage({ ...job, id } satisfies WorkerJob)
    })
  }

  return {
    generate: (article) => run({ kind: 'quiz', article }),
    readArticle: (input) => run({ kind: 'read', input }),
    async close() {
      const w = worker
      worker = null
      if (w) await w.terminate()
      failAll(new Error('The worker was closed.'))
    }
  }
}
