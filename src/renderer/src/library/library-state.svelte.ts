import { MAX_IMPORT_BYTES, type ImportOutcome, type IpcResult, type OpenOutcome } from '@shared/ipc/contract'
import type { AppState } from '../app/app-state.svelte'
import { formatBytes, importMessage } from './lib'

/**
 * Imports and deletions, with the busy state the library shows while main parses an article and
 * generates its quiz. Every failure becomes a notice; nothing is changed on failure.
 */
/** An import in progress, as the library shows it: what is being read, and the id that cancels it. */
export interface RunningImport {
  id: string
  label: string
}

export class LibraryState {
  #running = $state<RunningImport[]>([])
  #nextJob = 1

  constructor(
    private readonly app: AppState,
    private readonly api: Window['api'],
    /** Called when an import has opened its article (the window then shows it). */
    private readonly onOpened: () => void = () => undefined
  ) {}

  /** What is being done now ("Importing story.html…"), or null when idle. */
  get busy(): string | null {
    return this.#running[0]?.label ?? null
  }

  /** Every import in progress, oldest first. Several can run at once: a slow file never holds up the next. */
  get running(): readonly RunningImport[] {
    return this.#running
  }

  /** Asks main to stop an import; it then fails with "cancelled" and stores nothing. */
  async cancel(id: string): Promise<void> {
    this.app.unwrap(await this.api.cancelImport(id))
  }

  async #run(label: string, work: (job: string) => Promise<IpcResult<ImportOutcome | OpenOutcome[]>>): Promise<boolean> {
    const job = `import-${this.#nextJob++}`
    this.#running = [...this.#running, { id: job, label }]
    try {
      const result = await work(job)
      // A cancelled import was the user's own choice: say so quietly, not as an error.
      if (!result.ok && result.error.code === 'cancelled') {
        this.app.notify({ kind: 'info', text: result.error.message })
        return false
      }
      const value = this.app.unwrap(result)
      if (!value) return false
      const all = Array.isArray(value) ? value : [value]
      const failures = all.filter((o) => o.status === 'failed')
      const outcomes = all.filter((o): o is ImportOutcome => o.status !== 'failed')
      if (outcomes.length === 0) {
        if (failures.length > 0) this.app.notify({ kind: 'error', text: failureText(failures) })
        return false
      }
      await this.app.reloadList()
      // Open what the user just added: the last new article, or the one already there when nothing was new.
      const added = outcomes.filter((o) => o.status === 'added')
      const shown = added.at(-1) ?? outcomes.at(-1)!
      if (await this.app.open(shown.summary.id)) this.onOpened()
      const text = importMessage(added, outcomes.filter((o) => o.status === 'exists'))
      if (failures.length > 0) this.app.notify({ kind: 'error', text: `${failureText(failures)} ${text}` })
      else this.app.notify({ kind: 'info', text })
      return true
    } finally {
      this.#running = this.#running.filter((r) => r.id !== job)
    }
  }

  /** File → Open: main shows the dialog and imports each chosen file. */
  openFiles(): Promise<boolean> {
    return this.#run('Importing…', (job) => this.api.openArticles(job))
  }

  /** Pasted text. */
  importText(text: string): Promise<boolean> {
    if (!text.trim()) {
      this.app.notify({ kind: 'error', text: 'There is no text to import: paste an article first.' })
      return Promise.resolve(false)
    }
    return this.#run('Importing pasted text…', (job) => this.api.importText({ text, name: 'Pasted text', job }))
  }

  /** Files dropped on the window, one after another. */
  async importDropped(files: readonly File[]): Promise<void> {
    for (const file of files) {
      if (file.size > MAX_IMPORT_BYTES) {
        this.app.notify({ kind: 'error', text: `“${file.name}” is ${formatBytes(file.size)}; the limit is ${formatBytes(MAX_IMPORT_BYTES)}. Nothing was imported.` })
        continue
      }
      let bytes: Uint8Array<ArrayBuffer>
      try {
        bytes = new Uint8Array(await file.arrayBuffer())
      } catch {
        this.app.notify({ kind: 'error', text: `“${file.name}” could not be read. Nothing was imported.` })
        continue
      }
      await this.#run(`Importing ${file.name}…`, (job) => this.api.importFile({ name: file.name, bytes, job }))
    }
  }

  /** Deletes an imported article for good (the undo time is over); the list is reloaded, nothing is opened. */
  async delete(id: string): Promise<boolean> {
    const result = this.app.unwrap(await this.api.deleteArticle(id))
    await this.app.reloadList()
    return result !== null
  }
}

function failureText(failures: readonly { name: string; error: { message: string } }[]): string {
  return failures.map((f) => `“${f.name}”: ${f.error.message}`).join(' ')
}

