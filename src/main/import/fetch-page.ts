import { formatMegabytes } from '@shared/import/decode'
import { refuse, type Imported } from '@shared/import/errors'
import { MAX_IMPORT_BYTES } from '@shared/ipc/contract'

/**
 * The one request a link import makes. The app passes an adapter over Electron's network stack (see
 * electron-fetch.ts), tests pass Node's `fetch`: both go through `fetchPage` below, so the checks are the same.
 * Redirects must come back as 3xx responses with their `Location` (never followed by the transport), so every
 * hop is checked here.
 */
export type PageFetch = (url: string, init: PageRequestInit) => Promise<Response>

/** What `fetchPage` asks of the transport: a plain GET, no cookies, no redirect following. */
export interface PageRequestInit {
  method: 'GET'
  redirect: 'manual'
  credentials: 'omit'
  headers: Record<string, string>
  signal: AbortSignal
}

export interface FetchPageOptions {
  fetch: PageFetch
  /** Cancels the download (the user pressed Cancel). */
  signal?: AbortSignal | undefined
  /** Bytes received so far and the size the server announced (null when it did not). */
  onProgress?: ((received: number, total: number | null) => void) | undefined
  /** False when the system knows it has no network (Electron's `net.isOnline()`); checked before any request. */
  isOnline?: (() => boolean) | undefined
  /** Whole-download time limit; 20 s by default. */
  timeoutMs?: number | undefined
  /** Largest body accepted; the import's limit by default. */
  maxBytes?: number | undefined
  /** Most redirects followed; 5 by default. */
  maxRedirects?: number | undefined
}

/** A downloaded page: its bytes and what the server said about them. */
export interface FetchedPage {
  /** The address the user gave. */
  requestedUrl: string
  /** The address the page was finally read from, after redirects. */
  finalUrl: string
  /** Every address visited, the requested one first. */
  chain: string[]
  /** From the `Content-Type` header; `unknown` when the server sent none (the importer then looks at the text). */
  kind: 'html' | 'text' | 'unknown'
  /** The charset of the `Content-Type` header, lowercased; null when the header names none. */
  charset: string | null
  bytes: Uint8Array
}

export const LINK_TIMEOUT_MS = 20_000
export const MAX_REDIRECTS = 5

export const OFFLINE_MESSAGE = 'You are offline: save the page as a file, or try again when connected.'

// A plain desktop browser's Accept: HTML first, text as a fallback, nothing else wanted.
const ACCEPT = 'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8'

/** True for an absolute http(s) URL without user name or password. */
export function isWebLink(value: string): boolean {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return false
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === ''
}

/**
 * Downloads one web page, and nothing else: no images, scripts or styles (the HTML is only read as data later),
 * no cookies sent or kept. Follows at most `maxRedirects` redirects itself, checking each target is http(s);
 * stops at the time limit, at the size limit (counted while the body streams in, so an endless body costs at
 * most the limit), on Cancel, and on any type but HTML or plain text. Refusals are values with a message for
 * the user; never throws.
 */
export async function fetchPage(url: string, options: FetchPageOptions): Promise<Imported<FetchedPage>> {
  const maxBytes = options.maxBytes ?? MAX_IMPORT_BYTES
  const maxRedirects = options.maxRedirects ?? MAX_REDIRECTS
  if (!isWebLink(url)) return refuse('bad-link', 'This is not a web link: the app reads pages from http:// and https:// addresses only.')
  if (options.isOnline && !options.isOnline()) return refuse('offline', OFFLINE_MESSAGE)
  if (options.signal?.aborted) return refuse('cancelled', cancelledMessage)

  // One controller for the whole download: the time limit and Cancel both stop whatever is in flight.
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, options.timeoutMs ?? LINK_TIMEOUT_MS)
  const onCancel = (): void => controller.abort()
  options.signal?.addEventListener('abort', onCancel, { once: true })
  const stopped = (): Imported<FetchedPage> | null =>
    timedOut ? refuse('timeout', timeoutMessage(options.timeoutMs ?? LINK_TIMEOUT_MS)) : options.signal?.aborted ? refuse('cancelled', cancelledMessage) : null

  const chain = [url]
  try {
    let current = url
    for (;;) {
      let response: Response
      try {
        response = await options.fetch(current, {
          method: 'GET',
          redirect: 'manual',
          credentials: 'omit',
          headers: { accept: ACCEPT },
          signal: controller.signal
        })
      } catch (e) {
        return stopped() ?? networkFailure(e, options.isOnline)
      }
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        await response.body?.cancel().catch(() => undefined)
        const location = response.headers.get('location')
        if (!location) return refuse('http', `The site answered with a redirect (${response.status}) but did not say where to. Nothing was imported.`)
        let next: string
        try {
          next = new URL(location, current).href
        } catch {
          return refuse('http', 'The site redirected to an address that is not valid. Nothing was imported.')
        }
        if (!isWebLink(next)) return refuse('bad-link', 'The site redirected to an address that is not a web page (not http or https). Nothing was imported.')
        if (chain.includes(next)) return refuse('redirects', 'The site redirects in a loop, so the page never arrives. Nothing was imported.')
        if (chain.length > maxRedirects) return refuse('redirects', `The site redirected more than ${maxRedirects} times. Nothing was imported.`)
        chain.push(next)
        current = next
        continue
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined)
        return refuse('http', statusMessage(response.status))
      }
      const type = parseContentType(response.headers.get('content-type'))
      const kind = type.mime === null ? 'unknown' : pageKind(type.mime)
      if (!kind) {
        await response.body?.cancel().catch(() => undefined)
        return refuse('not-a-page', notAPageMessage(type.mime ?? 'unknown'))
      }
      const declared = Number(response.headers.get('content-length'))
      const total = Number.isSafeInteger(declared) && declared > 0 ? declared : null
      if (total !== null && total > maxBytes) {
        await response.body?.cancel().catch(() => undefined)
        return refuse('too-large', tooLarge(maxBytes))
      }
      const body = await readBody(response, maxBytes, total, options.onProgress)
      if (body === 'too-large') return refuse('too-large', tooLarge(maxBytes))
      if (body === 'failed') return stopped() ?? refuse('network', 'The connection broke while the page was downloading. Nothing was imported; try again.')
      return { ok: true, value: { requestedUrl: url, finalUrl: current, chain, kind, charset: type.charset, bytes: body } }
    }
  } finally {
    clearTimeout(timer)
    options.signal?.removeEventListener('abort', onCancel)
  }
}

const cancelledMessage = 'The download was cancelled. Nothing was imported.'

function timeoutMessage(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000))
  return `The site took longer than ${seconds} second${seconds === 1 ? '' : 's'} to send the page, so the download was stopped. Nothing was imported; try again later.`
}

function tooLarge(maxBytes: number): string {
  return `This page is over ${formatMegabytes(maxBytes)}; the app imports articles up to ${formatMegabytes(maxBytes)}, so the download was stopped. Nothing was imported.`
}

function statusMessage(status: number): string {
  if (status === 404 || status === 410) return `The site says this page does not exist (${status}). Check the link. Nothing was imported.`
  if (status === 401 || status === 403) return `The site would not let the app read this page (${status}): it may need a login or a subscription. Save the page from your browser as a file and import that.`
  if (status === 429) return 'The site says too many requests were made (429). Try again later. Nothing was imported.'
  if (status >= 500) return `The site had a problem and could not send the page (${status}). Try again later. Nothing was imported.`
  return `The site could not send this page (HTTP ${status}). Nothing was imported.`
}

function notAPageMessage(mime: string): string {
  const what =
    mime === 'application/pdf'
      ? 'a PDF document'
      : mime.startsWith('image/')
        ? 'an image'
        : mime.startsWith('video/') || mime.startsWith('audio/')
          ? 'a video or sound file'
          : `not a web page (${mime})`
  return `This link leads to ${what}, not an article page: the app reads HTML pages and plain text. Nothing was imported.`
}

/** The media type and charset of a `Content-Type` header, lowercased; nulls when absent. */
export function parseContentType(header: string | null): { mime: string | null; charset: string | null } {
  if (!header) return { mime: null, charset: null }
  const [head, ...params] = header.split(';')
  const mime = head!.trim().toLowerCase() || null
  let charset: string | null = null
  for (const p of params) {
    const eq = p.indexOf('=')
    if (eq < 0 || p.slice(0, eq).trim().toLowerCase() !== 'charset') continue
    charset = p.slice(eq + 1).trim().replace(/^"|"$/g, '').toLowerCase() || null
  }
  return { mime, charset }
}

function pageKind(mime: string): 'html' | 'text' | null {
  if (mime === 'text/html' || mime === 'application/xhtml+xml') return 'html'
  if (mime === 'text/plain') return 'text'
  return null
}

/** Reads the body chunk by chunk, stopping as soon as it passes `maxBytes`. */
async function readBody(
  response: Response,
  maxBytes: number,
  total: number | null,
  onProgress: FetchPageOptions['onProgress']
): Promise<Uint8Array | 'too-large' | 'failed'> {
  if (!response.body) return new Uint8Array(0)
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let received = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      received += value.byteLength
      if (received > maxBytes) {
        await reader.cancel().catch(() => undefined)
        return 'too-large'
      }
      chunks.push(value)
      onProgress?.(received, total)
    }
  } catch {
    return 'failed'
  }
  const bytes = new Uint8Array(received)
  let at = 0
  for (const c of chunks) {
    bytes.set(c, at)
    at += c.byteLength
  }
  return bytes
}

// Error codes of a request that never reached a server: Node's (on `cause`) and Chromium's (`net::ERR_...`).
const OFFLINE_CODES = ['ENETUNREACH', 'ENETDOWN', 'EAI_AGAIN', 'ERR_INTERNET_DISCONNECTED', 'ERR_NETWORK_CHANGED', 'ERR_ADDRESS_UNREACHABLE']
const NOT_FOUND_CODES = ['ENOTFOUND', 'ERR_NAME_NOT_RESOLVED']

function errorText(e: unknown): string {
  const parts: string[] = []
  let cur: unknown = e
  for (let depth = 0; cur && depth < 4; depth++) {
    const rec = cur as { code?: unknown; message?: unknown; cause?: unknown }
    if (typeof rec.code === 'string') parts.push(rec.code)
    if (typeof rec.message === 'string') parts.push(rec.message)
    cur = rec.cause
  }
  return parts.join(' ')
}

function networkFailure(e: unknown, isOnline: FetchPageOptions['isOnline']): Imported<FetchedPage> {
  const text = errorText(e)
  if (OFFLINE_CODES.some((c) => text.includes(c)) || (isOnline && !isOnline())) return refuse('offline', OFFLINE_MESSAGE)
  if (NOT_FOUND_CODES.some((c) => text.includes(c))) {
    return refuse('network', 'The site could not be found: check the link, or your connection. Nothing was imported.')
  }
  return refuse('network', 'The site could not be reached (it refused the connection or did not answer). Check the link, or try again later. Nothing was imported.')
}
