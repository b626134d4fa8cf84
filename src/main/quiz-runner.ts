import { Worker, type WorkerOptions } from 'node:worker_threads'
import type { Article } from '@shared/article/model'
import type { Question } from '@shared/quiz/model'
import type { QuizJob, QuizReply } from './quiz-protocol'

/**
 * Where quizzes are generated. The app uses `createWorkerQuizRunner` (a worker thread); `createInProcessQuizRunner`
 * runs the generator on the calling thread and exists only for places that cannot start the built worker:
 * unit tests of the library's bookkeeping and the end-to-end harness, which runs main's TypeScript sources
 * in the test process (there, a slow generation would stall the test process, never Chromium's window).
 */
export interface QuizRunner {
  /** The quiz of `article`. Rejects with an Error when generation fails (the caller decides what the user sees). */
  generate(article: Article): Promise<Question[]>
  /** Stops any worker; later calls start a new one. */
  close(): Promise<void>
}

/**
 * Runs `generate` (by default the quiz generator) on the calling thread; see QuizRunner for where that is
 * acceptable. The generator is imported on first use, so the app's main bundle does not load the NLP libraries
 * at startup just to hold this fallback.
 */
export function createInProcessQuizRunner(generate?: (article: Article) => Question[]): QuizRunner {
  return {
    generate: async (article) => (generate ?? (await import('@shared/quiz/generate')).generateQuiz)(article),
    close: async () => undefined
  }
}

interface Pending {
  resolve(questions: Question[]): void
  reject(error: Error): void
}

/**
 * Generates quizzes in one long-lived worker thread started from `entry` (the built `quiz-worker.js`), on first
 * use. Jobs queue in the worker and run one at a time, so a long article delays later quizzes but never the main
 * event loop. If the worker crashes or cannot start, its pending jobs reject and the next job starts a fresh one.
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
    w.on('message', (reply: QuizReply) => {
      const p = pending.get(reply.id)
      if (!p) return
      pending.delete(reply.id)
      if (reply.ok) p.resolve(reply.questions)
      else p.reject(new Error(`Quiz generation failed: ${reply.message}`))
      if (pending.size === 0) w.unref()
    })
    w.on('error', (e) => {
      if (worker === w) worker = null
      failAll(new Error(`The quiz worker failed: ${e.message}`))
    })
    w.on('exit', (code) => {
      if (worker === w) worker = null
      if (pending.size > 0) failAll(new Error(`The quiz worker stopped (exit code ${code}).`))
    })
    return w
  }

  return {
    generate(article) {
      worker ??= start()
      const w = worker
      const id = nextId++
      return new Promise<Question[]>((resolve, reject) => {
        pending.set(id, { resolve, reject })
        w.ref()
        w.postMessage({ id, article } satisfies QuizJob)
      })
    },
    async close() {
      const w = worker
      worker = null
      if (w) await w.terminate()
      failAll(new Error('The quiz worker was closed.'))
    }
  }
}
