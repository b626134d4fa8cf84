import { Readable } from 'node:stream'
import type { ClientRequestConstructorOptions, ClientRequest, IncomingMessage, Session } from 'electron'
import type { PageFetch } from './fetch-page'

/** The part of Electron's `net` module the adapter uses. */
export interface ElectronNet {
  request(options: ClientRequestConstructorOptions): ClientRequest
}

/**
 * `PageFetch` over Electron's network stack (Chromium's: the system's proxy settings and certificates apply).
 * Not `net.fetch` itself: with `redirect: 'manual'` it rejects ("Redirect was cancelled") instead of returning the
 * redirect, and `fetchPage` must see each redirect to check it. So this sends a `net.request` in `manual` mode on
 * `session` (an in-memory session of its own: no cookies are sent, none are kept, nothing reaches the window's
 * session), answers a redirect with a bodiless 3xx `Response` carrying its `Location`, and streams the body of any
 * other response.
 */
export function electronPageFetch(net: ElectronNet, session: Session): PageFetch {
  return (url, init) =>
    new Promise<Response>((resolve, reject) => {
      const request = net.request({
        url,
        method: init.method,
        session,
        redirect: 'manual',
        credentials: 'omit',
        useSessionCookies: false,
        cache: 'no-store'
      })
      for (const [name, value] of Object.entries(init.headers)) request.setHeader(name, value)
      let settled = false
      const fail = (e: Error): void => {
        if (settled) return
        settled = true
        reject(e)
      }
      init.signal.addEventListener('abort', () => {
        request.abort()
        fail(new DOMException('The download was stopped.', 'AbortError'))
      })
      request.on('redirect', (status, _method, location) => {
        settled = true
        // Not calling followRedirect() cancels it; abort so the request ends here.
        request.abort()
        resolve(new Response(null, { status, headers: { location } }))
      })
      request.on('response', (response: IncomingMessage) => {
        if (settled) return
        settled = true
        const headers = new Headers()
        for (const [k, v] of Object.entries(response.headers)) headers.set(k, Array.isArray(v) ? v.join(', ') : v)
        const body = Readable.toWeb(response as unknown as Readable) as ReadableStream<Uint8Array>
        resolve(new Response(body, { status: response.statusCode, headers }))
      })
      request.on('error', (e) => fail(e))
      request.end()
    })
}
