import { basename } from 'node:path'
import { tooLargeMessage } from '@shared/import/decode'
import type { Imported } from '@shared/import/errors'
import { contract, MAX_IMPORT_BYTES, type ImportOutcome, type OpenOutcome } from '@shared/ipc/contract'
import { handle, UserError, type IpcRegistrar } from '../ipc'
import { CANCELLED_MESSAGE, type Library } from '../library'
import { named, readImportFile } from './read-file'

/** The File → Open dialog for articles: Electron's `dialog` in the app, a stand-in in tests. */
export interface ArticleDialog {
  /** Asks for article files (several allowed); the chosen paths, or `[]` when the user cancels. */
  openArticles(): Promise<string[]>
}

function orThrow<T>(result: Imported<T>): T {
  if (!result.ok) throw new UserError(result.error.code, result.error.message)
  return result.value
}

/**
 * The imports running now, by the job id the renderer gave them, so `cancelImport` can stop one. An import without
 * an id cannot be cancelled (it still has the runner's time limit).
 */
export class ImportJobs {
  readonly #running = new Map<string, AbortController>()

  /** Runs `work` under `job`'s cancel signal (a fresh one without an id). */
  async run<T>(job: string | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController()
    if (job !== undefined) {
      if (this.#running.has(job)) throw new UserError('bad-request', 'An import with this job id is already running.')
      this.#running.set(job, controller)
    }
    try {
      return await work(controller.signal)
    } finally {
      if (job !== undefined) this.#running.delete(job)
    }
  }

  /** Cancels the import running under `job`; false when none is. */
  cancel(job: string): boolean {
    const controller = this.#running.get(job)
    if (!controller) return false
    controller.abort()
    return true
  }
}

function ensureRunning(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new UserError('cancelled', CANCELLED_MESSAGE)
}

/** Imports a dropped file's bytes; refusals are `UserError`s with the file's name in the message. */
export async function importFile(library: Library, file: { name: string; bytes: Uint8Array }, signal?: AbortSignal): Promise<ImportOutcome> {
  const name = basename(file.name.replace(/\\/g, '/')) || 'file'
  let read: Awaited<ReturnType<Library['read']>>
  try {
    read = await library.read({ name, bytes: file.bytes }, signal)
  } catch (e) {
    if (e instanceof UserError && (e.code === 'timed-out' || e.code === 'cancelled')) throw new UserError(e.code, `“${name}”: ${e.message}`)
    throw e
  }
  if (!read.ok) throw new UserError(read.error.code, named(name, read.error).message)
  ensureRunning(signal)
  return library.import(read.value, name, [], signal)
}

/** Imports pasted text (`name` is a label such as "Pasted text"; an extension in it picks the format). */
export async function importText(library: Library, input: { text: string; name?: string | undefined }, signal?: AbortSignal): Promise<ImportOutcome> {
  const bytes = Buffer.byteLength(input.text, 'utf8')
  if (bytes > MAX_IMPORT_BYTES) throw new UserError('too-large', tooLargeMessage(bytes, 'This text'))
  const read = orThrow(await library.read({ text: input.text, name: input.name }, signal))
  ensureRunning(signal)
  return library.import(read, input.name ?? null, [], signal)
}

/**
 * Imports one file from disk (a path from the open dialog). Refusals are `UserError`s whose message does not
 * name the file: File → Open reports the name beside it.
 */
export async function importPath(library: Library, path: string, signal?: AbortSignal): Promise<ImportOutcome> {
  const bytes = orThrow(await readImportFile(path))
  ensureRunning(signal)
  const read = orThrow(await library.read({ name: basename(path), bytes }, signal))
  ensureRunning(signal)
  return library.import(read, basename(path), [], signal)
}

/**
 * File → Open: shows the dialog, then imports each chosen file in turn. Each file gets an entry: its outcome, or a
 * `failed` entry with the file's `name` and the typed error (its message does not repeat the name, so the UI can
 * show `“name”: message`), so one bad file neither hides nor undoes the others. `[]` when the user cancels.
 * Only unexpected errors (bugs) become an `internal` error for the whole call.
 */
export async function openArticles(library: Library, dialog: ArticleDialog, signal?: AbortSignal): Promise<OpenOutcome[]> {
  const paths = await dialog.openArticles()
  const outcomes: OpenOutcome[] = []
  for (const path of paths) {
    // Cancel stops the selection: the files already imported stay, the rest are not started.
    if (signal?.aborted) break
    try {
      outcomes.push(await importPath(library, path, signal))
    } catch (e) {
      if (!(e instanceof UserError)) throw e
      outcomes.push({ status: 'failed', name: basename(path), error: { code: e.code, message: e.message } })
    }
  }
  return outcomes
}

/** Registers the import handlers: File → Open, a dropped file, pasted text. */
export function setupImport(registrar: IpcRegistrar, library: Library, dialog: ArticleDialog): ImportJobs {
  const jobs = new ImportJobs()
  handle(registrar, contract.openArticles, (job) => jobs.run(job, (signal) => openArticles(library, dialog, signal)))
  handle(registrar, contract.importFile, (file) => jobs.run(file.job, (signal) => importFile(library, file, signal)))
  handle(registrar, contract.importText, (input) => jobs.run(input.job, (signal) => importText(library, input, signal)))
  handle(registrar, contract.cancelImport, async (job) => ({ cancelled: jobs.cancel(job) }))
  return jobs
}
