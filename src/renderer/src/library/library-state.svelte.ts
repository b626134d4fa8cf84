import { MAX_IMPORT_BYTES, type ImportOutcome, type IpcResult, type OpenOutcome } from '@shared/ipc/contract'
import type { AppState } from '../app/app-state.svelte'
import { formatBytes, importMessage } from './lib'

/**
 * Imports and deletions, with the busy state the library shows while main parses an article and
 * generates its quiz. Every failure becomes a notice; nothing is changed on failure.
 */
export class LibraryState {
  #busy = $state<string | null>(null)

  constructor(
    private readonly app: AppState,
    private readonly api: Window['api']
  ) {}

  /** What is being done now ("Importing story.html…"), or null when idle. */
  get busy(): string | null {
    return this.#busy
  }

  async #run(label: string, work: () => Promise<IpcResult<ImportOutcome | OpenOutcome[]>>): Promise<boolean> {
    if (this.#busy) return false
    this.#busy = label
    try {
      const value = this.app.unwrap(await work())
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
      await this.app.open(shown.summary.id)
      const text = importMessage(added, outcomes.filter((o) => o.status === 'exists'))
      if (failures.length > 0) this.app.notify({ kind: 'error', text: `${failureText(failures)} ${text}` })
      else this.app.notify({ kind: 'info', text })
      return true
    } finally {
      this.#busy = null
    }
  }

  /** File → Open: main shows the dialog and imports each chosen file. */
  openFiles(): Promise<boolean> {
    return this.#run('Importing…', () => this.api.openArticles())
  }

  /** Pasted text. */
  importText(text: string): Promise<boolean> {
    if (!text.trim()) {
      this.app.notify({ kind: 'error', text: 'There is no text to import: paste an article first.' })
      return Promise.resolve(false)
    }
    return this.#run('Importing pasted text…', () => this.api.importText({ text, name: 'Pasted text' }))
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
      await this.#run(`Importing ${file.name}…`, () => this.api.importFile({ name: file.name, bytes }))
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

