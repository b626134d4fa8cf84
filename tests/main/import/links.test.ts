import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { LINK_TIMEOUT_MS, MAX_REDIRECTS, OFFLINE_MESSAGE } from '../../../src/main/import/fetch-page'
import { LINK_PROGRESS_CHANNEL, MAX_IMPORT_BYTES, type ArticleSummary, type ImportOutcome, type LinkProgress, type StudyArticle } from '../../../src/shared/ipc/contract'
import { FakeMain, FIXTURES, tempDir } from './support'

/*
 * "Add from link" against a real HTTP server on 127.0.0.1, started here: every request the app makes is seen
 * (and counted) by the server, so "nothing else is fetched" and "no cookies" are checked on the wire.
 */

interface Seen {
  path: string
  cookie: string | undefined
  accept: string | undefined
}

const seen: Seen[] = []
/** Bytes the endless route managed to write before the app hung up. */
let endlessWritten = 0
let endlessClosed: Promise<void> = Promise.resolve()
let server: Server
let origin = ''

const page = (): string =>
  readFileSync(join(FIXTURES, 'news-page.html'), 'utf8')
    // Every tracker, script, image and frame of the page points at this server, so a fetch of any would be seen.
    .replaceAll('https://tracker.invalid/', `${origin}/tracker/`)
    .replace('<head>', `<head>\n  <link rel="canonical" href="/news/tidal-ferry">`)

const PLAIN = `Harbour lights switched to solar power in Skarport

The harbour of Skarport switched its forty navigation lights to solar power on Tuesday, the port authority said, ending a century of lamps fed by the town's grid.

Harbour master Ines Varga said the change would save about 30,000 euros a year and that the new lights had passed a week of winter trials without a fault.

The authority plans to fit the same panels to the lighthouse on the northern breakwater next spring, once the storm season is over.`

// A page whose only charset is in the header: windows-1252 curly quotes and an é that UTF-8 cannot read.
const LATIN_TITLE = 'Café owners in Brennick win fight over “terrace tax”'
const LATIN_PAGE =
  `<!doctype html><html><head><title>${LATIN_TITLE}</title></head><body><article><h1>${LATIN_TITLE}</h1>` +
  `<p>The café owners of Brennick won their appeal against the town’s “terrace tax” on Thursday, when the regional court ruled that the council had set the fee without consulting the traders it would charge.</p>` +
  `<p>The fee of 45 euros a table would have cost the largest café on the square more than 2,000 euros a year, its owner said after the hearing, adding that the traders would now ask the council to meet them.</p>` +
  `</article></body></html>`

function windows1252(text: string): Buffer {
  const map: Record<string, number> = { '“': 0x93, '”': 0x94, '’': 0x92, '‘': 0x91 }
  return Buffer.from([...text].map((c) => map[c] ?? c.charCodeAt(0)))
}

function route(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', origin)
  seen.push({ path: url.pathname + url.search, cookie: req.headers.cookie, accept: req.headers.accept })
  const html = (body: string | Buffer, type = 'text/html; charset=utf-8'): void => {
    res.writeHead(200, { 'content-type': type, 'set-cookie': 'session=tracked; Path=/' })
    res.end(body)
  }
  switch (url.pathname) {
    case '/news/tidal-ferry':
    case '/mirror/tidal-ferry':
      return html(page())
    case '/plain':
      return html(PLAIN, 'text/plain; charset=utf-8')
    case '/untyped':
      // No Content-Type at all: the importer looks at the text itself.
      res.writeHead(200)
      return void res.end(PLAIN.replace('Skarport', 'Vellby'))
    case '/latin':
      return html(windows1252(LATIN_PAGE), 'text/html; charset=windows-1252')
    case '/hop': {
      // /hop?n=3 redirects to /hop?n=2 … /hop?n=0, which redirects to the article; every hop sets a cookie.
      const n = Number(url.searchParams.get('n') ?? '0')
      res.writeHead(302, { location: n > 0 ? `/hop?n=${n - 1}` : '/news/tidal-ferry', 'set-cookie': `hop${n}=1; Path=/` })
      return void res.end()
    }
    case '/loop-a':
      res.writeHead(301, { location: '/loop-b' })
      return void res.end()
    case '/loop-b':
      res.writeHead(301, { location: `${origin}/loop-a` })
      return void res.end()
    case '/to-file':
      res.writeHead(302, { location: 'file:///etc/passwd' })
      return void res.end()
    case '/missing':
      res.writeHead(404, { 'content-type': 'text/html' })
      return void res.end('<h1>Not found</h1>')
    case '/broken':
      res.writeHead(500, { 'content-type': 'text/html' })
      return void res.end('<h1>Server error</h1>')
    case '/report.pdf':
      res.writeHead(200, { 'content-type': 'application/pdf' })
      return void res.end('%PDF-1.7 not really')
    case '/photo':
      res.writeHead(200, { 'content-type': 'image/jpeg' })
      return void res.end(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))
    case '/slow':
      // Headers at once, then nothing: the body never comes.
      res.writeHead(200, { 'content-type': 'text/html' })
      res.write('<!doctype html><html><head><title>Slow</title>')
      return
    case '/endless': {
      // An HTML body that never ends, written as fast as the app reads it, until the app hangs up.
      res.writeHead(200, { 'content-type': 'text/html' })
      const chunk = Buffer.alloc(64 * 1024, '<p>more and more text without end</p>\n')
      endlessWritten = 0
      endlessClosed = new Promise((done) => res.on('close', done))
      const pump = (): void => {
        while (!res.destroyed && endlessWritten < 100 * MAX_IMPORT_BYTES) {
          endlessWritten += chunk.length
          if (!res.write(chunk)) return void res.once('drain', pump)
        }
      }
      return pump()
    }
    default:
      res.writeHead(404)
      return void res.end()
  }
}

beforeAll(async () => {
  server = createServer(route)
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('no port')
  origin = `http://127.0.0.1:${address.port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise<void>((ok) => server.close(() => ok()))
})
beforeEach(() => {
  seen.length = 0
})

let nextId = 0
const rid = (): string => `req-${++nextId}`

/** Calls `library:add-link`; returns the IPC result. */
function addLink(main: FakeMain, url: string, requestId = rid()) {
  return main.call<ImportOutcome>('library:add-link', { url, requestId })
}

async function refusal(main: FakeMain, url: string): Promise<{ code: string; message: string }> {
  const result = await addLink(main, url)
  if (result.ok) throw new Error(`expected ${url} to be refused, got ${result.value.status}`)
  return result.error
}

describe('add from link: a real page from a local server', () => {
  it('stores the article with its site, author, date and link; fetches the page and nothing else, without cookies; nothing runs', async () => {
    const progress: LinkProgress[] = []
    const main = new FakeMain(tempDir(), { send: (channel, payload) => channel === LINK_PROGRESS_CHANNEL && progress.push(payload as LinkProgress) })
    const added = await main.value<ImportOutcome>('library:add-link', { url: `${origin}/news/tidal-ferry?utm_source=feed#comments`, requestId: 'first' })
    expect(added).toMatchObject({ status: 'added', summary: { title: 'Tidal ferry opens in Port Arvel after six-year wait', source: 'The Coastal Ledger', date: '2026-03-14', bundled: false } })

    // One request: the page. No tracker, script, image, frame or stylesheet of it was fetched.
    expect(seen.map((s) => s.path)).toEqual(['/news/tidal-ferry?utm_source=feed'])
    expect(seen[0]!.cookie).toBeUndefined()
    expect(seen[0]!.accept).toMatch(/^text\/html/)
    expect(Object.keys(globalThis).filter((k) => k.startsWith('__fixture'))).toEqual([])

    const study = await main.value<StudyArticle>('article:get', added.summary.id)
    expect(study.article.byline).toBe('Mara Lindqvist')
    expect(study.article.licence).toEqual({ credit: 'The Coastal Ledger', name: null, url: `${origin}/news/tidal-ferry` })
    expect(study.article.paragraphs.join(' ')).not.toMatch(/HACKED|INJECTED|WIPED|tracker/)
    expect(study.questions.length).toBeGreaterThan(0)

    // Progress came while downloading, ending at the full size.
    expect(progress.length).toBeGreaterThan(0)
    expect(progress.every((p) => p.requestId === 'first')).toBe(true)
    expect(progress.at(-1)!.received).toBe(Buffer.byteLength(page()))
  }, 60_000)

  it('opens the stored article for the same link again (even decorated), for its canonical link, and for a copy at another address', async () => {
    const main = new FakeMain(tempDir())
    const first = await main.value<ImportOutcome>('library:add-link', { url: `${origin}/news/tidal-ferry`, requestId: rid() })
    seen.length = 0
    // The same link, with tracking parameters, a fragment and a trailing slash: found without downloading.
    const again = await main.value<ImportOutcome>('library:add-link', { url: `${origin.replace('127.0.0.1', '127.0.0.1')}/news/tidal-ferry/?fbclid=x#top`, requestId: rid() })
    expect(again).toEqual({ status: 'exists', summary: first.summary })
    expect(seen).toEqual([])
    // A redirect chain that ends at the article: downloaded once, then known by its final address.
    const viaRedirect = await main.value<ImportOutcome>('library:add-link', { url: `${origin}/hop?n=1`, requestId: rid() })
    expect(viaRedirect).toEqual({ status: 'exists', summary: first.summary })
    // The same text at another address (its canonical link names the first): the same article, not a copy.
    const mirror = await main.value<ImportOutcome>('library:add-link', { url: `${origin}/mirror/tidal-ferry`, requestId: rid() })
    expect(mirror).toEqual({ status: 'exists', summary: first.summary })
    seen.length = 0
    expect(await main.value<ImportOutcome>('library:add-link', { url: `${origin}/mirror/tidal-ferry`, requestId: rid() })).toEqual({ status: 'exists', summary: first.summary })
    expect(seen).toEqual([])
    expect((await main.value<ArticleSummary[]>('library:list')).filter((a) => !a.bundled)).toHaveLength(1)
  }, 60_000)

  it('reads a plain-text page, a page sent without a type, and a page whose charset is named only by the header', async () => {
    const main = new FakeMain(tempDir())
    const plain = await main.value<ImportOutcome>('library:add-link', { url: `${origin}/plain`, requestId: rid() })
    expect(plain.summary.title).toBe('Harbour lights switched to solar power in Skarport')
    const untyped = await main.value<ImportOutcome>('library:add-link', { url: `${origin}/untyped`, requestId: rid() })
    expect(untyped).toMatchObject({ status: 'added', summary: { title: 'Harbour lights switched to solar power in Vellby' } })
    const latin = await main.value<ImportOutcome>('library:add-link', { url: `${origin}/latin`, requestId: rid() })
    expect(latin.summary.title).toBe(LATIN_TITLE)
    const study = await main.value<StudyArticle>('article:get', latin.summary.id)
    expect(study.article.paragraphs[0]).toContain('town’s “terrace tax”')
    expect(study.article.licence?.url).toBe(`${origin}/latin`)
    expect(study.article.licence?.credit).toBe('127.0.0.1')
  }, 60_000)
})

describe('add from link: redirects', () => {
  it(`follows up to ${MAX_REDIRECTS} redirects itself, sending no cookie the server set on the way`, async () => {
    const main = new FakeMain(tempDir())
    const added = await main.value<ImportOutcome>('library:add-link', { url: `${origin}/hop?n=${MAX_REDIRECTS - 1}`, requestId: rid() })
    expect(added.status).toBe('added')
    expect(seen).toHaveLength(MAX_REDIRECTS + 1)
    expect(seen.map((s) => s.cookie)).toEqual(seen.map(() => undefined))
  }, 60_000)

  it('refuses a sixth redirect, a redirect loop and a redirect away from http(s)', async () => {
    const main = new FakeMain(tempDir())
    const tooMany = await refusal(main, `${origin}/hop?n=${MAX_REDIRECTS}`)
    expect(tooMany).toEqual({ code: 'redirects', message: `The site redirected more than ${MAX_REDIRECTS} times. Nothing was imported.` })
    expect(seen).toHaveLength(MAX_REDIRECTS + 1)
    seen.length = 0
    expect(await refusal(main, `${origin}/loop-a`)).toMatchObject({ code: 'redirects', message: expect.stringMatching(/redirects in a loop/) })
    expect(seen.map((s) => s.path)).toEqual(['/loop-a', '/loop-b'])
    expect(await refusal(main, `${origin}/to-file`)).toMatchObject({ code: 'bad-link', message: expect.stringMatching(/not a web page/) })
    expect((await main.value<ArticleSummary[]>('library:list')).filter((a) => !a.bundled)).toEqual([])
  })
})

describe('add from link: what goes wrong says so', () => {
  it('explains 404 and 500', async () => {
    const main = new FakeMain(tempDir())
    expect(await refusal(main, `${origin}/missing`)).toEqual({ code: 'http', message: 'The site says this page does not exist (404). Check the link. Nothing was imported.' })
    expect(await refusal(main, `${origin}/broken`)).toEqual({ code: 'http', message: 'The site had a problem and could not send the page (500). Try again later. Nothing was imported.' })
  })

  it('refuses a PDF and an image by their type, without reading them', async () => {
    const main = new FakeMain(tempDir())
    expect(await refusal(main, `${origin}/report.pdf`)).toEqual({
      code: 'not-a-page',
      message: 'This link leads to a PDF document, not an article page: the app reads HTML pages and plain text. Nothing was imported.'
    })
    expect(await refusal(main, `${origin}/photo`)).toMatchObject({ code: 'not-a-page', message: expect.stringMatching(/^This link leads to an image/) })
  })

  it(`stops a slow server at the time limit (${LINK_TIMEOUT_MS / 1000} s in the app)`, async () => {
    expect(LINK_TIMEOUT_MS).toBe(20_000)
    const main = new FakeMain(tempDir(), { linkTimeoutMs: 1000 })
    const started = Date.now()
    expect(await refusal(main, `${origin}/slow`)).toEqual({
      code: 'timeout',
      message: 'The site took longer than 1 second to send the page, so the download was stopped. Nothing was imported; try again later.'
    })
    expect(Date.now() - started).toBeLessThan(10_000)
  })

  it('stops an endless body at the size limit while it streams, and hangs up', async () => {
    const main = new FakeMain(tempDir())
    expect(await refusal(main, `${origin}/endless`)).toMatchObject({ code: 'too-large', message: expect.stringMatching(/^This page is over 5 MB/) })
    await endlessClosed
    // The server could write only what fits in the socket buffers past the limit before the app hung up.
    expect(endlessWritten).toBeLessThan(MAX_IMPORT_BYTES + 8 * 1024 * 1024)
  }, 30_000)

  it('says when the machine is offline, and when nothing answers', async () => {
    const offline = new FakeMain(tempDir(), { isOnline: () => false })
    expect(await refusal(offline, `${origin}/news/tidal-ferry`)).toEqual({ code: 'offline', message: OFFLINE_MESSAGE })
    expect(OFFLINE_MESSAGE).toBe('You are offline: save the page as a file, or try again when connected.')
    expect(seen).toEqual([])
    // A port nobody listens on (the server's own, once closed).
    const closed = createServer()
    await new Promise<void>((ok) => closed.listen(0, '127.0.0.1', ok))
    const port = (closed.address() as { port: number }).port
    await new Promise<void>((ok) => closed.close(() => ok()))
    const main = new FakeMain(tempDir())
    expect(await refusal(main, `http://127.0.0.1:${port}/story`)).toMatchObject({ code: 'network', message: expect.stringMatching(/could not be reached/) })
  })

  it('cancels a download in progress', async () => {
    const main = new FakeMain(tempDir())
    const pending = addLink(main, `${origin}/slow`, 'to-cancel')
    while (!seen.some((s) => s.path === '/slow')) await new Promise((r) => setTimeout(r, 10))
    expect(await main.value('library:cancel-link', 'to-cancel')).toEqual({ cancelled: true })
    const result = await pending
    expect(result).toEqual({ ok: false, error: { code: 'cancelled', message: 'The download was cancelled. Nothing was imported.' } })
    expect(await main.value('library:cancel-link', 'to-cancel')).toEqual({ cancelled: false })
  })

  it('accepts only http(s) links, and validates the request like every channel', async () => {
    const main = new FakeMain(tempDir())
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'ftp://example.org/a', 'not a link', 'http://user:pw@127.0.0.1/']) {
      expect((await refusal(main, url)).code).toBe('bad-link')
    }
    expect(seen).toEqual([])
    expect(await main.call('library:add-link', { url: `${origin}/plain` })).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(await main.call('library:add-link', { url: 'x'.repeat(3000), requestId: 'a' })).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(await main.call('library:cancel-link', '../../etc')).toMatchObject({ ok: false, error: { code: 'bad-request' } })
  })
})
