import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { Worker } from 'node:worker_threads'
import { build } from 'esbuild'

const ROOT = resolve(import.meta.dirname, '../..')

/**
 * Bundles a TypeScript worker entry (npm packages left to `require`) under node_modules/.cache, so a test can run
 * the app's own code in a worker thread it may terminate: a synchronous stall cannot be interrupted in the
 * test's own thread, and a test that hangs tells nobody which input hung.
 */
export async function bundleWorker(entry: string): Promise<string> {
  const dir = join(ROOT, 'node_modules/.cache/newsquiz-tests')
  mkdirSync(dir, { recursive: true })
  const outfile = join(dir, `timed-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.cjs`)
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    tsconfig: join(ROOT, 'tsconfig.node.json'),
    outfile,
    logLevel: 'silent'
  })
  return outfile
}

/** What a timed worker answers: the milliseconds its slowest input took, or that it ran over the limit. */
export type Timed = { ok: true; maxMs: number; totalMs: number; slowest: number } | { ok: false; overMs: number }

/**
 * Starts `file` (a worker script, or code with `eval`) with `data`, waits for its one message (`{maxMs, totalMs,
 * slowest}`), and terminates it after `limitMs`.
 */
export function runTimed(file: string, data: unknown, limitMs: number, evalCode = false): Promise<Timed> {
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(file, { workerData: data, eval: evalCode })
    const timer = setTimeout(() => {
      void worker.terminate()
      resolvePromise({ ok: false, overMs: limitMs })
    }, limitMs)
    worker.once('message', (m: { maxMs: number; totalMs: number; slowest: number }) => {
      clearTimeout(timer)
      void worker.terminate()
      resolvePromise({ ok: true, ...m })
    })
    worker.once('error', (e) => {
      clearTimeout(timer)
      reject(e)
    })
  })
}
