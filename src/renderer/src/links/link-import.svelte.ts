import { linkFromText } from '@shared/import/links'
import type { ImportOutcome, LinkProgress } from '@shared/ipc/contract'
import type { AppState } from '../app/app-state.svelte'
import { questionCount as countOf } from '../export/lib'

/** Where a link import is: the dialog asks for a link, the page downloads, then main reads it and writes its quiz. */
export type LinkPhase = 'idle' | 'downloading' | 'reading'

function newRequestId(): string {
  const c = globalThis.crypto
  return typeof c?.randomUUID === 'function' ? c.randomUUID() : `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`
}

/**
 * "Add from link": the dialog's state, the download's progress and Cancel, and what happens after (the article
 * opens, a notice says what was done). A refusal is shown in the dialog, which stays open so the link can be fixed;
 * Cancel during a download stops it in main.
 */
export class LinkImport {
  #open = $state(false)
  #url = $state('')
  #phase = $state<LinkPhase>('idle')
  #received = $state(0)
  #total = $state<number | null>(null)
  #error = $state<string | null>(null)
  #requestId: string | null = null

  constructor(
    private readonly app: AppState,
    private readonly api: Window['api']
  ) {}

  get open(): boolean {
    return this.#open
  }
  get url(): string {
    return this.#url
  }
  set url(value: string) {
    this.#url = value
    this.#error = null
  }
  get phase(): LinkPhase {
    return this.#phase
  }
  get busy(): boolean {
    return this.#phase !== 'idle'
  }
  get received(): number {
    return this.#received
  }
  get total(): number | null {
    return this.#total
  }
  get error(): string | null {
    return this.#error
  }

  /** Shows the dialog (with `url` filled in, if given). */
  show(url = ''): void {
    if (!this.busy) {
      this.#url = url
      this.#error = null
    }
    this.#open = true
  }

  /** Closes the dialog; during a download, cancels it first. */
  close(): void {
    if (this.busy) void this.cancel()
    this.#open = false
  }

  /** Main's progress messages; those of another request are ignored. */
  onProgress(progress: LinkProgress): void {
    if (progress.requestId !== this.#requestId) return
    this.#received = progress.received
    this.#total = progress.total
    if (progress.total !== null && progress.received >= progress.total) this.#phase = 'reading'
  }

  /** Saves the page at `url` (or the dialog's link). True when an article was added or found. */
  async start(url = this.#url): Promise<boolean> {
    if (this.busy) return false
    const link = linkFromText(url)
    this.#url = url.trim()
    this.#open = true
    if (!link) {
      this.#error = 'This is not a web link. Paste an address that starts with http:// or https://.'
      return false
    }
    const requestId = newRequestId()
    this.#requestId = requestId
    this.#phase = 'downloading'
    this.#received = 0
    this.#total = null
    this.#error = null
    try {
      const result = await this.api.addFromLink({ url: link, requestId })
      if (!result.ok) {
        if (result.error.code === 'cancelled') {
          this.#open = false
          this.app.notify({ kind: 'info', text: result.error.message })
        } else {
          this.#error = result.error.message
        }
        return false
      }
      this.#open = false
      this.#url = ''
      await this.#show(result.value)
      return true
    } catch {
      this.#error = 'The page could not be saved because of a problem in the app. Nothing was imported; please try again.'
      return false
    } finally {
      this.#phase = 'idle'
      this.#requestId = null
    }
  }

  /** Stops the running download. */
  async cancel(): Promise<void> {
    const id = this.#requestId
    if (id) await this.api.cancelLink(id)
  }

  async #show(outcome: ImportOutcome): Promise<void> {
    await this.app.refreshLibrary()
    await this.app.open(outcome.summary.id)
    const { title, questionCount } = outcome.summary
    this.app.notify({
      kind: 'info',
      text: outcome.status === 'added' ? `Saved “${title}” for offline study, with ${countOf(questionCount)}.` : `“${title}” is already in your library; it is open now.`
    })
  }
}
