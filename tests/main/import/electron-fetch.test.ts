import { EventEmitter } from 'node:events'
import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import type { ClientRequest, ClientRequestConstructorOptions, Session } from 'electron'
import { electronPageFetch } from '../../../src/main/import/electron-fetch'
import { fetchPage } from '../../../src/main/import/fetch-page'

/**
 * A stand-in for Electron's `net.request`: each request is answered by `script`, as Chromium's network stack would
 * (a redirect event in manual mode, or a response with a body).
 */
class FakeRequest extends EventEmitter {
  readonly headers: Record<string, string> = {}
  aborted = false
  constructor(readonly options: ClientRequestConstructorOptions) {
    super()
  }
  setHeader(name: string, value: string): void {
    this.headers[name] = value
  }
  abort(): void {
    this.aborted = true
  }
  end(): void {}
}

type Script = (request: FakeRequest) => void

function fakeNet(script: Script) {
  const made: FakeRequest[] = []
  return {
    made,
    net: {
      request(options: ClientRequestConstructorOptions): ClientRequest {
        const request = new FakeRequest(options)
        made.push(request)
        queueMicrotask(() => script(request))
        return request as unknown as ClientRequest
      }
    }
  }
}

function respond(request: FakeRequest, status: number, headers: Record<string, string>, body: string): void {
  const message = Object.assign(Readable.from([Buffer.from(body)]), { statusCode: status, headers })
  request.emit('response', message)
}

const session = { name: 'links' } as unknown as Session

const ARTICLE = `<!doctype html><html><head><title>Harbour lights go solar</title></head><body><article><h1>Harbour lights go solar</h1>${'<p>The harbour switched its forty navigation lights to solar power on Tuesday, the port authority said, ending a century of lamps fed by the grid.</p>'.repeat(3)}</article></body></html>`

describe('electronPageFetch (the app transport, over a stand-in for net.request)', () => {
  it('asks for no cookies and no redirect following, on the session it is given, and hands each redirect to fetchPage', async () => {
    const { net, made } = fakeNet((request) => {
      if (request.options.url === 'https://news.example/short') request.emit('redirect', 301, 'GET', 'https://news.example/story', {})
      else respond(request, 200, { 'content-type': 'text/html; charset=utf-8', 'content-length': String(Buffer.byteLength(ARTICLE)) }, ARTICLE)
    })
    const result = await fetchPage('https://news.example/short', { fetch: electronPageFetch(net, session) })
    expect(result).toMatchObject({ ok: true, value: { finalUrl: 'https://news.example/story', chain: ['https://news.example/short', 'https://news.example/story'], kind: 'html' } })
    if (result.ok) expect(new TextDecoder().decode(result.value.bytes)).toBe(ARTICLE)
    expect(made.map((r) => r.options)).toEqual([
      expect.objectContaining({ url: 'https://news.example/short', method: 'GET', session, redirect: 'manual', credentials: 'omit', useSessionCookies: false, cache: 'no-store' }),
      expect.objectContaining({ url: 'https://news.example/story', method: 'GET', session, redirect: 'manual', credentials: 'omit', useSessionCookies: false, cache: 'no-store' })
    ])
    // The redirected request is ended there, not followed.
    expect(made[0]!.aborted).toBe(true)
    expect(made[0]!.headers['accept']).toMatch(/^text\/html/)
  })

  it('passes on the status and type the site answered with, so an error page or a PDF is refused as such', async () => {
    const missing = fakeNet((request) => respond(request, 404, { 'content-type': 'text/html' }, '<h1>Not found</h1>'))
    expect(await fetchPage('https://news.example/gone', { fetch: electronPageFetch(missing.net, session) })).toMatchObject({
      ok: false,
      error: { code: 'http', message: expect.stringMatching(/does not exist \(404\)/) }
    })
    const pdf = fakeNet((request) => respond(request, 200, { 'content-type': 'application/pdf' }, '%PDF-1.7'))
    expect(await fetchPage('https://news.example/report', { fetch: electronPageFetch(pdf.net, session) })).toMatchObject({ ok: false, error: { code: 'not-a-page' } })
  })

  it('refuses a redirect to a file: URL before any request is made for it', async () => {
    const { net, made } = fakeNet((request) => request.emit('redirect', 302, 'GET', 'file:///etc/passwd', {}))
    expect(await fetchPage('https://news.example/a', { fetch: electronPageFetch(net, session) })).toMatchObject({ ok: false, error: { code: 'bad-link' } })
    expect(made).toHaveLength(1)
  })

  it('reports Chromium network errors as offline or unreachable, and aborts on Cancel', async () => {
    const offline = fakeNet((request) => request.emit('error', new Error('net::ERR_INTERNET_DISCONNECTED')))
    expect(await fetchPage('https://news.example/a', { fetch: electronPageFetch(offline.net, session) })).toMatchObject({ ok: false, error: { code: 'offline' } })
    const refused = fakeNet((request) => request.emit('error', new Error('net::ERR_CONNECTION_REFUSED')))
    expect(await fetchPage('https://news.example/a', { fetch: electronPageFetch(refused.net, session) })).toMatchObject({ ok: false, error: { code: 'network' } })
    const silent = fakeNet(() => undefined)
    const cancel = new AbortController()
    const pending = fetchPage('https://news.example/a', { fetch: electronPageFetch(silent.net, session), signal: cancel.signal })
    await new Promise((r) => setTimeout(r, 10))
    cancel.abort()
    expect(await pending).toMatchObject({ ok: false, error: { code: 'cancelled' } })
    expect(silent.made[0]!.aborted).toBe(true)
  })
})
