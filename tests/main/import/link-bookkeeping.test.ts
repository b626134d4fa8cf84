import { describe, expect, it } from 'vitest'
import type { PageFetch } from '../../../src/main/import/fetch-page'
import type { ArticleSummary, ImportOutcome, StudyArticle } from '../../../src/shared/ipc/contract'
import { FakeMain, fixtureBytes, tempDir } from './support'

/*
 * What "Add from link" leaves in the library, over a stand-in transport that serves the news page fixture at any
 * address and counts the requests: the next start must still know the article and the link it came from.
 */

const PLAIN = `Harbour lights switched to solar power in Skarport

The harbour of Skarport switched its forty navigation lights to solar power on Tuesday, the port authority said, ending a century of lamps fed by the town's grid.

Harbour master Ines Varga said the change would save about 30,000 euros a year and that the new lights had passed a week of winter trials without a fault.`

function server(body: Uint8Array | string = fixtureBytes('news-page.html'), type = 'text/html; charset=utf-8'): { fetch: PageFetch; requests: string[] } {
  const requests: string[] = []
  const fetch: PageFetch = async (url) => {
    requests.push(url)
    return new Response(body, { status: 200, headers: { 'content-type': type } })
  }
  return { fetch, requests }
}

describe('add from link: what the library keeps', () => {
  it('keeps an article saved from a very long link (over 1024 characters) and its link across a restart', async () => {
    const dir = tempDir()
    // Long, but within what the channel accepts (2048): a link with a long query, as search and shop pages have.
    const url = `https://news.example/story?q=${'harbour-ferry-'.repeat(80)}`
    expect(url.length).toBeGreaterThan(1024)
    expect(url.length).toBeLessThanOrEqual(2048)
    const first = server()
    const main = new FakeMain(dir, { pageFetch: first.fetch })
    const added = await main.value<ImportOutcome>('library:add-link', { url, requestId: 'long-1' })
    expect(added).toMatchObject({ status: 'added', summary: { title: 'Tidal ferry opens in Port Arvel after six-year wait', addedAt: expect.any(String) } })

    // After a restart the article keeps its import time, and the same link finds it without downloading again.
    const later = server()
    const again = new FakeMain(dir, { pageFetch: later.fetch })
    const listed = (await again.value<ArticleSummary[]>('library:list')).filter((a) => !a.bundled)
    expect(listed).toEqual([expect.objectContaining({ id: added.summary.id, addedAt: added.summary.addedAt })])
    expect(await again.value<ImportOutcome>('library:add-link', { url, requestId: 'long-2' })).toMatchObject({ status: 'exists', summary: { id: added.summary.id } })
    expect(later.requests).toEqual([])
  }, 60_000)

  it('credits a page that names no source to its site, without the "www."', async () => {
    const main = new FakeMain(tempDir(), { pageFetch: server(PLAIN, 'text/plain; charset=utf-8').fetch })
    const url = 'https://www.skarport-news.example/lights'
    const added = await main.value<ImportOutcome>('library:add-link', { url, requestId: 'www-1' })
    const study = await main.value<StudyArticle>('article:get', added.summary.id)
    expect(study.article.licence).toEqual({ credit: 'skarport-news.example', name: null, url })
  }, 60_000)
})
