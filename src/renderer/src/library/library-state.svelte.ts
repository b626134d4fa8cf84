import { MAX_IMPORT_BYTES, type ImportOutcome, type IpcResult, type OpenOutcome } from '@shared/ipc/contract'
import type { AppState } from '../app/app-state.svelte'
import { formatBytes } from './lib'

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
      if (failures.length > 0) {
        // Each failed file says why; files that did import are still reported below.
        const text = failures.map((f) => `“${f.name}”: ${f.error.message}`).join(' ')
        this.app.notify({ kind: 'error', text: outcomes.length > 0 ? `${text} The other files were imported.` : text })
      }
      if (outcomes.length === 0) return false
      await this.app.refreshLibrary()
      const last = outcomes.at(-1)!
      await this.app.open(last.summary.id)
      const added = outcomes.filter((o) => o.status === 'added').length
      const existing = outcomes.length - added
      if (failures.length > 0) return true
      this.app.notify({
        kind: 'info',
        text:
          outcomes.length === 1
            ? last.status === 'added'
              ? `Imported “${last.summary.title}” with ${last.summary.questionCount} questions.`
              : `“${last.summary.title}” is already in your library; it is open now.`
            : `Imported ${added} article${added === 1 ? '' : 's'}${existing ? `; ${existing} already in your library` : ''}.`
      })
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

  /** Deletes an imported article after the user confirmed. */
  async delete(id: string): Promise<boolean> {
    const result = this.app.unwrap(await this.api.deleteArticle(id))
    if (!result) return false
    await this.app.refreshLibrary()
    return true
  }
}
