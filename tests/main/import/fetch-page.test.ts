import { describe, expect, it, vi } from 'vitest'
import { fetchPage, isWebLink, OFFLINE_MESSAGE, parseContentType, type PageFetch, type PageRequestInit } from '../../../src/main/import/fetch-page'

/*
 * fetchPage over a fake transport: each test says what the "server" answers, so every refusal's exact words, the
 * boundaries (redirect count, size, status ranges) and what is asked of the transport are checked without a network.
 */

const URL0 = 'https://news.example/story'

function answer(body: ConstructorParameters<typeof Response>[0], init: ResponseInit & { headers?: Record<string, string> } = {}): Response {
  return new Response(body, { status: 200, ...init, headers: { 'content-type': 'text/html', ...init.headers } })
}

/** A transport that answers each request with the next of `responses`, recording what was asked. */
function transport(...responses: (Response | Error)[]): PageFetch & { calls: [string, PageRequestInit][] } {
  const calls: [string, PageRequestInit][] = []
  const fn = (async (url: string, init: PageRequestInit) => {
    calls.push([url, init])
    const next = responses.shift()
    if (!next) throw new Error('no more responses')
    if (next instanceof Error) throw next
    return next
  }) as PageFetch & { calls: [string, PageRequestInit][] }
  fn.calls = calls
  return fn
}

async function refusal(fetch: PageFetch, options: Partial<Parameters<typeof fetchPage>[1]> = {}, url = URL0) {
  const r = await fetchPage(url, { fetch, ...options })
  if (r.ok) throw new Error('expected a refusal')
  return r.error
}

const redirect = (status: number, location?: string): Response => new Response(null, { status, headers: location === undefined ? {} : { location } })

describe('fetchPage: what it asks and what it returns', () => {
  it('asks for a page once, without cookies or redirect following, and returns its bytes and type', async () => {
    const fetch = transport(answer('<p>hi</p>', { headers: { 'content-type': 'text/html; charset=ISO-8859-1' } }))
    const r = await fetchPage(URL0, { fetch })
    expect(r).toEqual({
      ok: true,
      value: { requestedUrl: URL0, finalUrl: URL0, chain: [URL0], kind: 'html', charset: 'iso-8859-1', bytes: new TextEncoder().encode('<p>hi</p>') }
    })
    expect(fetch.calls).toHaveLength(1)
    const [url, init] = fetch.calls[0]!
    expect(url).toBe(URL0)
    expect(init).toMatchObject({ method: 'GET', redirect: 'manual', credentials: 'omit', headers: { accept: 'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8' } })
    expect(init.signal).toBeInstanceOf(AbortSignal)
  })

  it('tells HTML, XHTML, plain text and an untyped body apart', async () => {
    const kind = async (type: string | null) => {
      const res = new Response('x', { status: 200, headers: type === null ? {} : { 'content-type': type } })
      if (type === null) res.headers.delete('content-type')
      const r = await fetchPage(URL0, { fetch: transport(res) })
      return r.ok ? r.value.kind : r.error.code
    }
    expect(await kind('text/html')).toBe('html')
    expect(await kind('application/xhtml+xml')).toBe('html')
    expect(await kind('TEXT/PLAIN; charset=utf-8')).toBe('text')
    expect(await kind(null)).toBe('unknown')
  })

  it('assembles a body sent in several chunks in order, reporting progress against the announced size', async () => {
    const parts = ['<p>one', ' two', ' three</p>'].map((s) => new TextEncoder().encode(s))
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (const p of parts) c.enqueue(p)
        c.close()
      }
    })
    const progress = vi.fn()
    const r = await fetchPage(URL0, { fetch: transport(answer(body, { headers: { 'content-length': '18' } })), onProgress: progress })
    expect(r.ok && new TextDecoder().decode(r.value.bytes)).toBe('<p>one two three</p>')
    expect(progress.mock.calls).toEqual([
      [6, 18],
      [10, 18],
      [20, 18]
    ])
    const unannounced = vi.fn()
    await fetchPage(URL0, { fetch: transport(answer('abc')), onProgress: unannounced })
    expect(unannounced).toHaveBeenCalledWith(3, null)
  })

  it('returns an empty page for a response without a body', async () => {
    const r = await fetchPage(URL0, { fetch: transport(answer(null)) })
    expect(r.ok && r.value.bytes).toEqual(new Uint8Array(0))
  })
})

describe('fetchPage: redirects', () => {
  it('follows a relative redirect, and records every address on the way', async () => {
    const fetch = transport(redirect(301, '/moved'), redirect(308, 'https://www.news.example/final'), answer('ok'))
    const r = await fetchPage(URL0, { fetch })
    expect(r.ok && r.value.chain).toEqual([URL0, 'https://news.example/moved', 'https://www.news.example/final'])
    expect(r.ok && r.value.finalUrl).toBe('https://www.news.example/final')
    expect(fetch.calls.map(([u]) => u)).toEqual([URL0, 'https://news.example/moved', 'https://www.news.example/final'])
  })

  it('follows exactly as many redirects as allowed, and refuses one more', async () => {
    const hops = (n: number) => Array.from({ length: n }, (_, i) => redirect(302, `/hop${i}`))
    expect((await fetchPage(URL0, { fetch: transport(...hops(2), answer('ok')), maxRedirects: 2 })).ok).toBe(true)
    expect(await refusal(transport(...hops(3), answer('ok')), { maxRedirects: 2 })).toEqual({ code: 'redirects', message: 'The site redirected more than 2 times. Nothing was imported.' })
    expect((await fetchPage(URL0, { fetch: transport(...hops(5), answer('ok')) })).ok).toBe(true)
    expect((await refusal(transport(...hops(6), answer('ok')))).message).toBe('The site redirected more than 5 times. Nothing was imported.')
  })

  it('explains a redirect that goes nowhere, to a bad address, away from the web, or in a loop', async () => {
    expect(await refusal(transport(redirect(302)))).toEqual({ code: 'http', message: 'The site answered with a redirect (302) but did not say where to. Nothing was imported.' })
    expect(await refusal(transport(redirect(302, 'http://[::1')))).toEqual({ code: 'http', message: 'The site redirected to an address that is not valid. Nothing was imported.' })
    expect(await refusal(transport(redirect(302, 'ftp://news.example/x')))).toEqual({
      code: 'bad-link',
      message: 'The site redirected to an address that is not a web page (not http or https). Nothing was imported.'
    })
    expect(await refusal(transport(redirect(302, URL0)))).toEqual({ code: 'redirects', message: 'The site redirects in a loop, so the page never arrives. Nothing was imported.' })
  })

  it('follows every 3xx status with a Location, 300 included', async () => {
    const r = await fetchPage(URL0, { fetch: transport(redirect(300, '/choice'), redirect(399, '/last'), answer('ok')) })
    expect(r.ok && r.value.chain).toEqual([URL0, 'https://news.example/choice', 'https://news.example/last'])
  })

  it('treats 304 and other non-redirect statuses as answers, not as redirects', async () => {
    expect(await refusal(transport(new Response(null, { status: 304, headers: { location: '/x' } })))).toEqual({
      code: 'http',
      message: 'The site could not send this page (HTTP 304). Nothing was imported.'
    })
    expect((await refusal(transport(answer('x', { status: 400, headers: { location: '/x' } })))).message).toBe('The site could not send this page (HTTP 400). Nothing was imported.')
  })
})

describe('fetchPage: refusals in the user’s words', () => {
  it('explains each kind of error status', async () => {
    const say = async (status: number) => (await refusal(transport(answer('x', { status })))).message
    expect(await say(404)).toBe('The site says this page does not exist (404). Check the link. Nothing was imported.')
    expect(await say(410)).toBe('The site says this page does not exist (410). Check the link. Nothing was imported.')
    for (const status of [401, 403]) {
      expect(await say(status)).toBe(
        `The site would not let the app read this page (${status}): it may need a login or a subscription. Save the page from your browser as a file and import that.`
      )
    }
    expect(await say(429)).toBe('The site says too many requests were made (429). Try again later. Nothing was imported.')
    expect(await say(500)).toBe('The site had a problem and could not send the page (500). Try again later. Nothing was imported.')
    expect(await say(503)).toBe('The site had a problem and could not send the page (503). Try again later. Nothing was imported.')
    expect(await say(499)).toBe('The site could not send this page (HTTP 499). Nothing was imported.')
  })

  it('names what a link leads to when it is not a page', async () => {
    const say = async (type: string) => refusal(transport(answer('x', { headers: { 'content-type': type } })))
    const words = (what: string) => `This link leads to ${what}, not an article page: the app reads HTML pages and plain text. Nothing was imported.`
    expect(await say('application/pdf')).toEqual({ code: 'not-a-page', message: words('a PDF document') })
    expect((await say('image/png')).message).toBe(words('an image'))
    expect((await say('video/mp4')).message).toBe(words('a video or sound file'))
    expect((await say('audio/mpeg')).message).toBe(words('a video or sound file'))
    expect((await say('application/json; charset=utf-8')).message).toBe(words('not a web page (application/json)'))
  })

  it('refuses a page announced or found to be over the size limit', async () => {
    const over = 'This page is over 1 MB; the app imports articles up to 1 MB, so the download was stopped. Nothing was imported.'
    const MB = 1024 * 1024
    expect(await refusal(transport(answer('x', { headers: { 'content-length': String(MB + 1) } })), { maxBytes: MB })).toEqual({ code: 'too-large', message: over })
    // Announced at the limit exactly, and sent at the limit exactly: accepted.
    const exact = new Uint8Array(MB)
    expect((await fetchPage(URL0, { fetch: transport(answer(exact, { headers: { 'content-length': String(MB) } })), maxBytes: MB })).ok).toBe(true)
    // Not announced, but one byte too many arrives.
    expect(await refusal(transport(answer(new Uint8Array(MB + 1))), { maxBytes: MB })).toEqual({ code: 'too-large', message: over })
  })

  it('refuses what is not a web link before asking the network', async () => {
    const fetch = transport()
    for (const url of ['ftp://news.example/x', 'https://user:pw@news.example/', 'https://user@news.example/', 'https://:pw@news.example/', 'not a link']) {
      expect(await refusal(fetch, {}, url)).toEqual({ code: 'bad-link', message: 'This is not a web link: the app reads pages from http:// and https:// addresses only.' })
    }
    expect(fetch.calls).toEqual([])
    expect(isWebLink('http://news.example/')).toBe(true)
    expect(isWebLink('https://news.example/')).toBe(true)
  })

  it('says the machine is offline before asking, and a cancel before starting stops at once', async () => {
    const fetch = transport(answer('x'))
    expect(await refusal(fetch, { isOnline: () => false })).toEqual({ code: 'offline', message: OFFLINE_MESSAGE })
    expect((await fetchPage(URL0, { fetch, isOnline: () => true })).ok).toBe(true)
    const controller = new AbortController()
    controller.abort()
    const untouched = transport(answer('x'))
    expect(await refusal(untouched, { signal: controller.signal })).toEqual({ code: 'cancelled', message: 'The download was cancelled. Nothing was imported.' })
    expect(untouched.calls).toEqual([])
  })

  it('tells no network, an unknown site and a refused connection apart, looking into the error’s causes', async () => {
    const failing = (e: Error) => refusal(transport(e))
    const withCause = (code: string) => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('inner'), { code }) })
    const offline = { code: 'offline', message: OFFLINE_MESSAGE }
    expect(await failing(withCause('ENETUNREACH'))).toEqual(offline)
    expect(await failing(withCause('EAI_AGAIN'))).toEqual(offline)
    expect(await failing(new Error('net::ERR_INTERNET_DISCONNECTED'))).toEqual(offline)
    expect(await failing(new Error('net::ERR_NAME_NOT_RESOLVED'))).toEqual({
      code: 'network',
      message: 'The site could not be found: check the link, or your connection. Nothing was imported.'
    })
    expect((await failing(withCause('ENOTFOUND'))).message).toMatch(/^The site could not be found/)
    // Three causes deep is still read; the fifth level is not.
    const deep = new Error('a', { cause: new Error('b', { cause: new Error('c', { cause: Object.assign(new Error('d'), { code: 'ENETDOWN' }) }) }) })
    expect(await failing(deep)).toEqual(offline)
    const tooDeep = new Error('a', { cause: new Error('b', { cause: new Error('c', { cause: new Error('d', { cause: Object.assign(new Error('e'), { code: 'ENETDOWN' }) }) }) }) })
    expect((await failing(tooDeep)).code).toBe('network')
    expect(await failing(withCause('ECONNREFUSED'))).toEqual({
      code: 'network',
      message: 'The site could not be reached (it refused the connection or did not answer). Check the link, or try again later. Nothing was imported.'
    })
    // The system saying it is offline when a request fails outranks the error's own words.
    expect(await refusal(transport(withCause('ECONNREFUSED')), { isOnline: vi.fn().mockReturnValueOnce(true).mockReturnValueOnce(false) })).toEqual(offline)
  })

  it('says the connection broke when the body stops with an error', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new Uint8Array([60, 112]))
        c.error(new Error('socket hang up'))
      }
    })
    expect(await refusal(transport(answer(body)))).toEqual({ code: 'network', message: 'The connection broke while the page was downloading. Nothing was imported; try again.' })
  })

  it('gives the time limit in whole seconds, singular for one', async () => {
    const never: PageFetch = (_url, init) => new Promise((_ok, fail) => init.signal.addEventListener('abort', () => fail(new DOMException('aborted', 'AbortError'))))
    expect(await refusal(never, { timeoutMs: 30 })).toEqual({
      code: 'timeout',
      message: 'The site took longer than 1 second to send the page, so the download was stopped. Nothing was imported; try again later.'
    })
    expect((await refusal(never, { timeoutMs: 1600 })).message).toMatch(/^The site took longer than 2 seconds to send the page/)
  })
})

describe('parseContentType', () => {
  it('reads the media type and charset, lowercased and unquoted', () => {
    expect(parseContentType(null)).toEqual({ mime: null, charset: null })
    expect(parseContentType('')).toEqual({ mime: null, charset: null })
    expect(parseContentType(' Text/HTML ')).toEqual({ mime: 'text/html', charset: null })
    expect(parseContentType('text/html; Charset="Windows-1252"')).toEqual({ mime: 'text/html', charset: 'windows-1252' })
    expect(parseContentType('text/html; boundary=x; charset=UTF-8')).toEqual({ mime: 'text/html', charset: 'utf-8' })
    expect(parseContentType('text/html; nocharset; xcharset=latin1')).toEqual({ mime: 'text/html', charset: null })
    expect(parseContentType('text/html; charset=')).toEqual({ mime: 'text/html', charset: null })
    expect(parseContentType('; charset=utf-8')).toEqual({ mime: null, charset: 'utf-8' })
    expect(parseContentType('text/html; charset= "UTF-8" ')).toEqual({ mime: 'text/html', charset: 'utf-8' })
  })
})
