/**
 * The worker: a `worker_threads` entry that runs the app's CPU-bound work off the main process's event loop, so
 * a 1 MB article keeps IPC, menus and window events responsive: reading an imported file (decoding, Readability,
 * parsing) and generating quizzes, both synchronous. Built by electron-vite to `out/main/quiz-worker.js` beside
 * `index.js`; started by `createWorkerQuizRunner`. It holds no state between jobs and answers each `WorkerJob`
 * with exactly one `WorkerReply`.
 */
import { parentPort } from 'node:worker_threads'
import { generateQuiz } from '@shared/quiz/generate'
import { readArticle } from './import/importer'
import type { WorkerJob, WorkerReply } from './quiz-protocol'

/** Runs one job; an exception becomes an error reply so one bad article cannot kill the worker. */
export function runWorkerJob(job: WorkerJob, generate: typeof generateQuiz = generateQuiz): WorkerReply {
  try {
    return { id: job.id, ok: true, value: job.kind === 'quiz' ? generate(job.article) : readArticle(job.input) }
  } catch (e) {
    return { id: job.id, ok: false, message: e instanceof Error ? e.message : String(e) }
  }
}

const port = parentPort
if (port) port.on('message', (job: WorkerJob) => port.postMessage(runWorkerJob(job)))
