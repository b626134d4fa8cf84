import { decodeWithCharset } from '@shared/import/decode'
import { canonicalLink, linkKey } from '@shared/import/links'
import { contract, LINK_PROGRESS_CHANNEL, type ImportOutcome, type LinkProgress } from '@shared/ipc/contract'
import { handle, UserError, type IpcRegistrar } from '../ipc'
import type { Library } from '../library'
import { fetchPage, isWebLink, type FetchedPage, type PageFetch } from './fetch-page'
import type { ReadInput } from './importer'

/** What saving links needs from the outside: the transport, and where progress goes. */
export interface LinkDeps {
  /** Electron's network stack in the app (electron-fetch.ts), Node's `fetch` in tests. */
  fetch: PageFetch
  /** Electron's `net.isOnline()`; without it, offline shows as a failed connection. */
  isOnline?: (() => boolean) | undefined
  /** Sends a main → renderer message to the app window. */
  send?: ((channel: string, payload: unknown) => void) | undefined
  /** Overrides the 20 s limit (tests). */
  timeoutMs?: number | undefined
}

// Progress messages at most this often: enough for a smooth bar, few enough not to flood IPC on a fast link.
const PROGRESS_EVERY_MS = 100

/**
 * Saves web pages for offline study: checks the link, finds a page already saved from it, downloads the page
 * (`fetchPage`: bounded, cancellable), reads the article on the library's runner, and stores it with its link
 * (as the article's source link, shown as "Original article") and the keys of every address that led to it.
 */
export class LinkImports {
  readonly #running = new Map<string, AbortController>()

  constructor(
    private readonly library: Library,
    private readonly deps: LinkDeps
  ) {}

  /** Downloads and imports the page at `url`; refusals are `UserError`s with a message for the user. */
  async add(url: string, requestId: string): Promise<ImportOutcome> {
    if (!isWebLink(url)) throw new UserError('bad-link', 'This is not a web link: paste an address that starts with http:// or https://.')
    if (this.#running.has(requestId)) throw new UserError('bad-request', 'This download is already running.')
    const requested = linkKey(url)
    const known = requested ? await this.library.findByLink([requested]) : null
    if (known) return known

    const controller = new AbortController()
    this.#running.set(requestId, controller)
    try {
      let last = 0
      const fetched = await fetchPage(url, {
        fetch: this.deps.fetch,
        signal: controller.signal,
        isOnline: this.deps.isOnline,
        timeoutMs: this.deps.timeoutMs,
        onProgress: (received, total) => {
          const now = Date.now()
          if (now - last < PROGRESS_EVERY_MS && received !== total) return
          last = now
          this.deps.send?.(LINK_PROGRESS_CHANNEL, { requestId, received, total } satisfies LinkProgress)
        }
      })
      if (!fetched.ok) throw new UserError(fetched.error.code, fetched.error.message)
      const page = fetched.value
      const read = await this.library.read(readInput(page))
      if (!read.ok) throw new UserError(read.error.code, read.error.message)
      if (controller.signal.aborted) throw new UserError('cancelled', 'The download was cancelled. Nothing was imported.')

      const canonical = page.kind !== 'text' ? canonicalLink(headText(page.bytes), page.finalUrl) : null
      const original = canonical ?? page.finalUrl
      const keys = [...new Set([url, page.finalUrl, ...(canonical ? [canonical] : [])].map(linkKey).filter((k): k is string => k !== null))]
      const again = await this.library.findByLink(keys)
      if (again) {
        // Found by its final or canonical address: the link given finds it at once next time.
        await this.library.rememberLinks(again.summary.id, keys)
        return again
      }
      const { article } = read.value
      // The article keeps where it came from: the reader links to it as the original.
      const withLink = { ...article, licence: article.licence ?? { credit: article.source ?? siteName(original), name: null, url: original } }
      return await this.library.import({ ...read.value, article: withLink }, url.length <= 1024 ? url : null, keys)
    } finally {
      this.#running.delete(requestId)
    }
  }

  /** Stops the download `requestId`; false when there is none (it finished, or never started). */
  cancel(requestId: string): { cancelled: boolean } {
    const controller = this.#running.get(requestId)
    if (!controller) return { cancelled: false }
    controller.abort()
    return { cancelled: true }
  }
}

function readInput(page: FetchedPage): ReadInput {
  // The name picks the importer; without a type, none: the importer tells HTML from text by looking.
  const name = page.kind === 'html' ? 'page.html' : page.kind === 'text' ? 'page.txt' : 'page'
  const charset = page.charset
  if (!charset || charset === 'utf-8' || charset === 'utf8') return { name, bytes: page.bytes }
  // The header's charset outranks the page's own <meta>: decode here, so the importer never guesses.
  const text = decodeWithCharset(page.bytes, charset)
  if (text === null) {
    throw new UserError(
      'unknown-encoding',
      `The site says this page is in the "${charset}" encoding, which the app cannot read, or the page is not valid in it. Save the page from your browser as a file and import that.`
    )
  }
  return { name, text }
}

function headText(bytes: Uint8Array): string {
  // The <head> is ASCII in any charset a page may use; URLs in it are read, never shown.
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 256 * 1024))
}

function siteName(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '')
}

/** Registers the link handlers: save a link, cancel a download. */
export function setupLinks(registrar: IpcRegistrar, links: LinkImports): void {
  handle(registrar, contract.addFromLink, (request) => links.add(request.url, request.requestId))
  handle(registrar, contract.cancelLink, (requestId) => links.cancel(requestId))
}
