import { afterEach, describe, expect, it, vi } from 'vitest'
import type { PageFetch } from '../../../src/main/import/fetch-page'
import type { ReadInput } from '../../../src/main/import/importer'
import type { BackupArticle } from '../../../src/shared/progress/backup'
import { LINK_PROGRESS_CHANNEL, type ArticleSummary, type ImportOutcome, type LinkProgress, type StudyArticle } from '../../../src/shared/ipc/contract'
import { countingRunner, FakeMain, PIER_HEADLINE, PIER_PROSE, tempDir } from './support'

/*
 * "Add from link" over a stand-in transport that serves pages from a table (and redirects), so the link import's
 * own rules can be checked one by one: how often progress is sent, a download started twice or cancelled while the
 * page is being read, a page whose text changed since it was saved, which importer reads the page, its charset.
 */

const PROSE = PIER_PROSE
const HEADLINE = PIER_HEADLINE

function article({ head = '', extra = '' } = {}): string {
  return `<!doctype html><html><head><title>${HEADLINE}</title>${head}</head><body><article><h1>${HEADLINE}</h1>${PROSE.map((p) => `<p>${p}</p>`).join('')}${extra}</article></body></html>`
}

type Route = () => Response
const html = (body: string | Uint8Array, type = 'text/html; charset=utf-8'): Route => () => new Response(body, { status: 200, headers: { 'content-type': type } })
const redirect = (to: string): Route => () => new Response(null, { status: 302, headers: { location: to } })

/** A transport serving `routes` by address (a route may change between requests); counts the requests. */
function site(routes: Record<string, Route>): { fetch: PageFetch; requests: string[] } {
  const requests: string[] = []
  const fetch: PageFetch = async (url) => {
    requests.push(url)
    const route = routes[url]
    return route ? route() : new Response(null, { status: 404 })
  }
  return { fetch, requests }
}

const imported = async (main: FakeMain): Promise<ArticleSummary[]> => (await main.value<ArticleSummary[]>('library:list')).filter((a) => !a.bundled)

afterEach(() => {
  vi.restoreAllMocks()
})

describe('add from link: progress', () => {
  /**
   * A 1000-byte page sent in ten chunks, the clock moving `stepMs` before each; the sizes progress reported.
   * The stream hands out a chunk only when it is read, so each chunk's time is set before it is counted.
   */
  async function progressOf(stepMs: number, announceSize: boolean): Promise<number[]> {
    let clock = 1_000_000
    vi.spyOn(Date, 'now').mockImplementation(() => clock)
    const page = new TextEncoder().encode(article().padEnd(1000, ' ').slice(0, 1000))
    let sent = 0
    const body = (): ReadableStream<Uint8Array> =>
      new ReadableStream<Uint8Array>(
        {
          pull(controller) {
            if (sent >= 1000) return controller.close()
            clock += stepMs
            controller.enqueue(page.slice(sent, sent + 100))
            sent += 100
          }
        },
        { highWaterMark: 0 }
      )
    const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8', ...(announceSize ? { 'content-length': '1000' } : {}) }
    const progress: LinkProgress[] = []
    const main = new FakeMain(tempDir(), {
      quizzes: countingRunner(),
      pageFetch: async () => new Response(body(), { status: 200, headers }),
      send: (channel, payload) => channel === LINK_PROGRESS_CHANNEL && progress.push(payload as LinkProgress)
    })
    await main.call('library:add-link', { url: 'https://news.example/pier', requestId: 'progress' })
    expect(progress.every((p) => p.requestId === 'progress' && p.total === (announceSize ? 1000 : null))).toBe(true)
    return progress.map((p) => p.received)
  }

  it('reports at most every 100 ms, and always the last chunk of a page whose size is known', async () => {
    expect(await progressOf(30, true)).toEqual([100, 500, 900, 1000])
    expect(await progressOf(50, true)).toEqual([100, 300, 500, 700, 900, 1000])
  })

  it('reports at most every 100 ms when the size is not known', async () => {
    expect(await progressOf(30, false)).toEqual([100, 500, 900])
  })
})

describe('add from link: the request', () => {
  it('says what a web link looks like when given something else, before any request', async () => {
    const { fetch, requests } = site({})
    const main = new FakeMain(tempDir(), { quizzes: countingRunner(), pageFetch: fetch })
    expect(await main.call('library:add-link', { url: 'ftp://news.example/pier', requestId: 'ftp' })).toEqual({
      ok: false,
      error: { code: 'bad-link', message: 'This is not a web link: paste an address that starts with http:// or https://.' }
    })
    expect(requests).toEqual([])
  })

  it('refuses to start a download whose id is already running, and lets the first one finish', async () => {
    let open!: () => void
    const gate = new Promise<void>((resolve) => (open = resolve))
    let requested!: () => void
    const downloading = new Promise<void>((resolve) => (requested = resolve))
    const main = new FakeMain(tempDir(), {
      quizzes: countingRunner(),
      pageFetch: async () => {
        requested()
        await gate
        return html(article())()
      }
    })
    const first = main.call<ImportOutcome>('library:add-link', { url: 'https://news.example/pier', requestId: 'same' })
    await downloading
    const second = main.call('library:add-link', { url: 'https://news.example/other', requestId: 'same' })
    open()
    expect(await second).toEqual({ ok: false, error: { code: 'bad-request', message: 'This download is already running.' } })
    expect(await first).toMatchObject({ ok: true, value: { status: 'added', summary: { title: HEADLINE } } })
  })

  it('stops when cancelled while the page is being read, importing nothing', async () => {
    let reading!: () => void
    const started = new Promise<void>((resolve) => (reading = resolve))
    let finish!: () => void
    const gate = new Promise<void>((resolve) => (finish = resolve))
    const runner = countingRunner()
    const readArticle = runner.readArticle.bind(runner)
    runner.readArticle = async (input: ReadInput) => {
      reading()
      await gate
      return readArticle(input)
    }
    const main = new FakeMain(tempDir(), { quizzes: runner, pageFetch: site({ 'https://news.example/pier': html(article()) }).fetch })
    const pending = main.call('library:add-link', { url: 'https://news.example/pier', requestId: 'cancel-me' })
    await started
    expect(await main.value('library:cancel-link', 'cancel-me')).toEqual({ cancelled: true })
    finish()
    expect(await pending).toEqual({ ok: false, error: { code: 'cancelled', message: 'The download was cancelled. Nothing was imported.' } })
    expect(await imported(main)).toEqual([])
  })

  it('keeps the link an article was saved from, up to 1024 characters', async () => {
    const exact = `https://news.example/pier?q=${'x'.repeat(1024 - 'https://news.example/pier?q='.length)}`
    const over = `${exact}y`
    expect(exact).toHaveLength(1024)
    const { fetch } = site({ [exact]: html(article()), [over]: html(article({ extra: '<p>A second story at a longer link, with words of its own.</p>' })) })
    const main = new FakeMain(tempDir(), { quizzes: countingRunner(), pageFetch: fetch })
    await main.value('library:add-link', { url: exact, requestId: 'exact' })
    await main.value('library:add-link', { url: over, requestId: 'over' })
    expect((await main.value<BackupArticle[]>('library:export')).map((e) => e.origin)).toEqual([exact, null])
  })
})

describe('add from link: a page whose text changed since it was saved', () => {
  const first = article()
  const changed = article({ extra: '<p>This story was updated on Wednesday with the board’s timetable for the work.</p>' })

  it('is the saved article when reached again through a redirect to its address', async () => {
    let version = first
    const { fetch } = site({ 'https://news.example/pier': () => html(version)(), 'https://news.example/go': redirect('https://news.example/pier') })
    const main = new FakeMain(tempDir(), { quizzes: countingRunner(), pageFetch: fetch })
    const saved = await main.value<ImportOutcome>('library:add-link', { url: 'https://news.example/pier', requestId: 'a' })
    version = changed
    expect(await main.value<ImportOutcome>('library:add-link', { url: 'https://news.example/go', requestId: 'b' })).toEqual({ status: 'exists', summary: saved.summary })
    expect(await imported(main)).toHaveLength(1)
  })

  it('is the saved article when another address names its address as canonical, and that address finds it from then on', async () => {
    const canonical = '<link rel="canonical" href="https://news.example/pier">'
    const { fetch, requests } = site({ 'https://news.example/pier': html(first), 'https://mirror.example/pier': html(article({ head: canonical, extra: '<p>Republished with permission.</p>' })) })
    const main = new FakeMain(tempDir(), { quizzes: countingRunner(), pageFetch: fetch })
    const saved = await main.value<ImportOutcome>('library:add-link', { url: 'https://news.example/pier', requestId: 'a' })
    expect(await main.value<ImportOutcome>('library:add-link', { url: 'https://mirror.example/pier', requestId: 'b' })).toEqual({ status: 'exists', summary: saved.summary })
    requests.length = 0
    expect(await main.value<ImportOutcome>('library:add-link', { url: 'https://mirror.example/pier', requestId: 'c' })).toEqual({ status: 'exists', summary: saved.summary })
    expect(requests).toEqual([])
    expect(await imported(main)).toHaveLength(1)
  })
})

describe('add from link: which importer reads the page', () => {
  it('reads a plain-text page as text, whatever marks it contains, and never looks in it for a canonical link', async () => {
    const text = `${HEADLINE}\n\n**Note:** ${PROSE[0]}\n\n- ${PROSE[1]}\n\n<link rel="canonical" href="https://elsewhere.example/">\n\n${PROSE[2]} ${PROSE[3]}`
    const url = 'https://news.example/pier.txt'
    const main = new FakeMain(tempDir(), { quizzes: countingRunner(), pageFetch: site({ [url]: html(text, 'text/plain; charset=utf-8') }).fetch })
    const added = await main.value<ImportOutcome>('library:add-link', { url, requestId: 'txt' })
    const study = await main.value<StudyArticle>('article:get', added.summary.id)
    expect(study.article.paragraphs.slice(0, 2)).toEqual([`**Note:** ${PROSE[0]}`, `- ${PROSE[1]}`])
    expect(study.article.licence?.url).toBe(url)
    expect((await main.value<BackupArticle[]>('library:export'))[0]!.format).toBe('text')
  })

  it('reads an HTML page as HTML even when it does not start with <!doctype html>', async () => {
    const url = 'https://news.example/pier'
    const main = new FakeMain(tempDir(), { quizzes: countingRunner(), pageFetch: site({ [url]: html(`<!-- cached 2026-03-14 -->\n${article()}`) }).fetch })
    const added = await main.value<ImportOutcome>('library:add-link', { url, requestId: 'comment' })
    expect(added.summary.title).toBe(HEADLINE)
    const study = await main.value<StudyArticle>('article:get', added.summary.id)
    expect(study.article.paragraphs).toEqual(PROSE)
  })

  it('looks at a page sent without a type to tell HTML from text', async () => {
    const url = 'https://news.example/pier'
    // Bytes, not a string: a string body would get a text/plain type.
    const untyped: Route = () => new Response(new TextEncoder().encode(article()), { status: 200 })
    const main = new FakeMain(tempDir(), { quizzes: countingRunner(), pageFetch: site({ [url]: untyped }).fetch })
    const added = await main.value<ImportOutcome>('library:add-link', { url, requestId: 'untyped' })
    const study = await main.value<StudyArticle>('article:get', added.summary.id)
    expect(study.article.paragraphs).toEqual(PROSE)
    expect((await main.value<BackupArticle[]>('library:export'))[0]!.format).toBe('html')
  })
})

describe('add from link: the charset', () => {
  // windows-1252 bytes: "’" is 0x92, which is not valid UTF-8.
  const latin = (text: string): Uint8Array => Uint8Array.from([...text].map((c) => (c === '’' ? 0x92 : c.charCodeAt(0))))
  const page = article({ head: '<meta charset="windows-1252">', extra: '<p>The board’s chair said work would start in May.</p>' })

  it.each(['utf-8', 'UTF8'])('reads a page the server wrongly calls %s by the charset the page itself names', async (charset) => {
    const url = 'https://news.example/pier'
    const main = new FakeMain(tempDir(), { quizzes: countingRunner(), pageFetch: site({ [url]: html(latin(page), `text/html; charset=${charset}`) }).fetch })
    const added = await main.value<ImportOutcome>('library:add-link', { url, requestId: `cs-${charset}` })
    const study = await main.value<StudyArticle>('article:get', added.summary.id)
    expect(study.article.paragraphs.at(-1)).toBe('The board’s chair said work would start in May.')
  })

  it('names the charset it cannot read', async () => {
    const url = 'https://news.example/pier'
    const main = new FakeMain(tempDir(), { quizzes: countingRunner(), pageFetch: site({ [url]: html(article(), 'text/html; charset=x-martian') }).fetch })
    expect(await main.call('library:add-link', { url, requestId: 'martian' })).toEqual({
      ok: false,
      error: { code: 'unknown-encoding', message: expect.stringContaining('this page is in the "x-martian" encoding') }
    })
  })
})
