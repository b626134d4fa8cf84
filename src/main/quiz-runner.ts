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
  /**
   * The quiz of `article`. Rejects with an Error when generation fails (the caller decides what the user sees), and
   * with a `JobStopped` when it ran over the time limit or `signal` aborted it.
   */
  generate(article: Article, options?: JobOptions): Promise<Question[]>
  /** Reads an article from a file's bytes or pasted text; a refusal is a value, only a crash or a stop rejects. */
  readArticle(input: ReadInput, options?: JobOptions): Promise<Imported<ImportedArticle>>
  /** Stops any worker; later calls start a new one. */
  close(): Promise<void>
  /**
   * Starts a worker now, before any job, so the first quiz does not also wait for the worker to load its language
   * model. Optional: a runner without workers has nothing to start.
   */
  prestart?(): void
}

/** Per job: a signal that cancels it (the user's Cancel button). */
export interface JobOptions {
  signal?: AbortSignal | undefined
}

/** Why a job was stopped before it finished: it ran over the runner's time limit, or it was cancelled. */
export class JobStopped extends Error {
  constructor(readonly reason: 'timed-out' | 'cancelled') {
    super(reason === 'timed-out' ? 'The job ran over its time limit.' : 'The job was cancelled.')
    this.name = 'JobStopped'
  }
}

/**
 * How long one job may run before its worker is ended; a job past it is stuck on input nothing else caught. Reading
 * any case of the stall benchmark (scripts/bench-stall.ts) takes under 2 s, but the current generator needs minutes
 * for a multi-megabyte article (about a minute for 1 MB on a busy 2-core machine), so the limit stays generous until
 * generation is capped; then it can come down to about 20 s.
 */
export const JOB_TIME_LIMIT_MS = 60_000

/**
 * Runs the work on the calling thread; `generate` defaults to the quiz generator. See QuizRunner for where that is
 * acceptable. The generator and importers are imported on first use, so the app's main bundle does not load the
 * NLP and DOM libraries at startup just to hold this fallback.
 */
export function createInProcessQuizRunner(generate?: (article: Article) => Question[]): QuizRunner {
  return {
    // Synchronous work cannot be interrupted here: only a signal aborted before the job starts stops it.
    generate: async (article, options) => {
      if (options?.signal?.aborted) throw new JobStopped('cancelled')
      return (generate ?? (await import('@shared/quiz/generate')).generateQuiz)(article)
    },
    readArticle: async (input, options) => {
      if (options?.signal?.aborted) throw new JobStopped('cancelled')
      return (await import('./import/importer')).readArticle(input)
    },
    close: async () => undefined
  }
}

/** A job without its id: the runner numbers jobs itself. */
type JobBody = WorkerJob extends infer J ? (J extends WorkerJob ? Omit<J, 'id'> : never) : never

interface Job {
  body: JobBody
  resolve(value: WorkerResults[keyof WorkerResults]): void
  reject(error: Error): void
  signal: AbortSignal | undefined
}

/** What the worker runner can be told besides the worker's options. */
export interface WorkerRunnerOptions extends WorkerOptions {
  /** How long one job may run before its worker is ended (JOB_TIME_LIMIT_MS by default). */
  timeLimitMs?: number
  /** Most jobs running at once, each in a worker of its own (2 by default). */
  maxWorkers?: number
}

/**
 * Runs jobs in worker threads started from `entry` (the built `quiz-worker.js`), each worker running one job at a
 * time, at most `maxWorkers` at once; further jobs wait their turn here. A job that runs over `timeLimitMs` or is
 * cancelled ends its worker (synchronous parsing cannot be interrupted any other way) and rejects with `JobStopped`;
 * jobs on other workers go on, and the next job starts a fresh worker. If a worker crashes or cannot start, its job
 * rejects. Idle workers are kept for the next job, unref'd so they never keep the process alive on their own.
 */
export function createWorkerQuizRunner(entry: string | URL, options: WorkerRunnerOptions = {}): QuizRunner {
  const { timeLimitMs = JOB_TIME_LIMIT_MS, maxWorkers = 2, ...workerOptions } = options
  const idle: Worker[] = []
  const busy = new Set<Worker>()
  const waiting: Job[] = []
  let nextId = 1

  // A worker that fails or ends while idle (a prestarted one that cannot load, say) is dropped from the idle list;
  // without a listener its 'error' event would end the process.
  const spawn = (): Worker => {
    const worker = new Worker(entry, workerOptions)
    const drop = (): void => {
      const at = idle.indexOf(worker)
      if (at >= 0) idle.splice(at, 1)
    }
    worker.on('error', (e) => {
      if (idle.includes(worker)) console.warn('[quiz-runner] an idle worker failed:', e.message)
      drop()
    })
    worker.on('exit', drop)
    return worker
  }

  const dispatch = (): void => {
    while (waiting.length > 0 && (idle.length > 0 || busy.size < maxWorkers)) {
      const job = waiting.shift()!
      if (job.signal?.aborted) {
        job.reject(new JobStopped('cancelled'))
        continue
      }
      const worker = idle.pop() ?? spawn()
      busy.add(worker)
      runOn(worker, job)
    }
  }

  const runOn = (w: Worker, job: Job): void => {
    const id = nextId++
    let settled = false
    const finish = (keep: boolean): void => {
      settled = true
      clearTimeout(timer)
      job.signal?.removeEventListener('abort', onAbort)
      w.off('message', onMessage)
      w.off('error', onError)
      w.off('exit', onExit)
      busy.delete(w)
      if (keep) {
        w.unref()
        idle.push(w)
      } else void w.terminate()
      dispatch()
    }
    const stop = (reason: 'timed-out' | 'cancelled'): void => {
      if (settled) return
      finish(false)
      job.reject(new JobStopped(reason))
    }
    const onAbort = (): void => stop('cancelled')
    const onMessage = (reply: WorkerReply): void => {
      if (reply.id !== id || settled) return
      finish(true)
      if (reply.ok) job.resolve(reply.value)
      else job.reject(new Error(`Worker job failed: ${reply.message}`))
    }
    const onError = (e: Error): void => {
      if (settled) return
      finish(false)
      job.reject(new Error(`The worker failed: ${e.message}`))
    }
    const onExit = (code: number): void => {
      if (settled) return
      finish(false)
      job.reject(new Error(`The worker stopped (exit code ${code}).`))
    }
    const timer = setTimeout(() => stop('timed-out'), timeLimitMs)
    job.signal?.addEventListener('abort', onAbort, { once: true })
    w.on('message', onMessage)
    w.on('error', onError)
    w.on('exit', onExit)
    w.ref()
    w.postMessage({ ...job.body, id } satisfies WorkerJob)
  }

  const run = <K extends keyof WorkerResults>(body: JobBody & { kind: K }, jobOptions: JobOptions = {}): Promise<WorkerResults[K]> =>
    new Promise<WorkerResults[K]>((resolve, reject) => {
      if (jobOptions.signal?.aborted) return reject(new JobStopped('cancelled'))
      // The worker answers a job of kind K with WorkerResults[K] (see runWorkerJob); the reply type cannot carry that link.
      waiting.push({ body, resolve: resolve as (value: WorkerResults[keyof WorkerResults]) => void, reject, signal: jobOptions.signal })
      dispatch()
    })

  return {
    generate: (article, jobOptions) => run({ kind: 'quiz', article }, jobOptions),
    readArticle: (input, jobOptions) => run({ kind: 'read', input }, jobOptions),
    prestart() {
      if (idle.length + busy.size > 0) return
      const worker = spawn()
      // Idle workers never keep the process alive (see finish above).
      worker.unref()
      idle.push(worker)
    },
    /** Ends every worker and rejects every job; a later job starts a fresh worker. */
    async close() {
      for (const job of waiting.splice(0)) job.reject(new Error('The worker was closed.'))
      const all = [...idle.splice(0), ...busy]
      // Terminating fires each busy job's exit handler, which rejects it.
      await Promise.all(all.map((w) => w.terminate()))
    }
  }
}
