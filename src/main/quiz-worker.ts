/**
 * The quiz worker: a `worker_threads` entry that runs the (synchronous, CPU-bound) quiz generator off the main
 * process's event loop, so a 1 MB article keeps IPC, menus and window events responsive while it is generated.
 * Built by electron-vite to `out/main/quiz-worker.js` beside `index.js`; started by `createWorkerQuizRunner`.
 * It holds no state between jobs and answers each `QuizJob` with exactly one `QuizReply`.
 */
import { parentPort } from 'node:worker_threads'
import { generateQuiz } from '@shared/quiz/generate'
import type { QuizJob, QuizReply } from './quiz-protocol'

/** Runs one job; a generator exception becomes an error reply so one bad article cannot kill the worker. */
export function runQuizJob(job: QuizJob, generate: typeof generateQuiz = generateQuiz): QuizReply {
  try {
    return { id: job.id, ok: true, questions: generate(job.article) }
  } catch (e) {
    return { id: job.id, ok: false, message: e instanceof Error ? e.message : String(e) }
  }
}

const port = parentPort
if (port) port.on('message', (job: QuizJob) => port.postMessage(runQuizJob(job)))
