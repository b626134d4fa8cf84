import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { articleFromBytes } from '../../../src/main/import/importer'
import { LibraryStore, type StoredArticle } from '../../../src/main/import/store'
import { fixtureBytes, tempDir } from './support'

function entry(name: string, addedAt: string, links?: string[]): StoredArticle {
  const read = articleFromBytes(name, fixtureBytes(name))
  if (!read.ok) throw new Error(read.error.message)
  return { article: read.value.article, addedAt, origin: name, format: read.value.format, questionCount: 7, ...(links ? { links } : {}) }
}

const html = entry('news-page.html', '2026-11-28T10:00:00.000Z', ['news.example/story', 'news.example/s/1'])
const text = entry('harbour-strike.txt', '2026-11-28T11:00:00.000Z')

async function opened(dir: string): Promise<LibraryStore> {
  const store = new LibraryStore(dir)
  await store.load()
  return store
}

const indexOf = (dir: string): { imported: Record<string, { questionCount: number | null; links: string[] }> } =>
  JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'))

describe('library store bookkeeping', () => {
  afterEach(() => vi.restoreAllMocks())

  it('finds an article by any of its link keys, across a restart, and never one without links', async () => {
    const dir = join(tempDir(), 'library')
    const store = await opened(dir)
    await store.add(html)
    await store.add(text)
    expect(store.findByLink('news.example/s/1')?.article.id).toBe(html.article.id)
    const again = await opened(dir)
    expect(again.findByLink('news.example/story')).toEqual(html)
    expect(again.findByLink('news.example/other')).toBeNull()
    // An article saved from a file has no links, and its stored form says none rather than an empty list.
    expect(again.get(text.article.id)).not.toHaveProperty('links')
    await again.remove(html.article.id)
    expect(again.findByLink('news.example/story')).toBeNull()
  })

  it('remembers new link keys once, keeps the old ones, and ignores an article it does not store', async () => {
    const dir = join(tempDir(), 'library')
    const store = await opened(dir)
    await store.add(html)
    await store.addLinks(html.article.id, ['news.example/s/1', 'amp.news.example/story'])
    await store.addLinks('a0000000000000000', ['elsewhere.example/x'])
    const again = await opened(dir)
    expect(again.get(html.article.id)?.links).toEqual(['news.example/story', 'news.example/s/1', 'amp.news.example/story'])
    expect(again.findByLink('amp.news.example/story')?.article.id).toBe(html.article.id)
    expect(again.findByLink('elsewhere.example/x')).toBeNull()
    expect(Object.keys(indexOf(dir).imported)).toEqual([html.article.id])
  })

  it('records a changed quiz size, and nothing for an article it does not store', async () => {
    const dir = join(tempDir(), 'library')
    const store = await opened(dir)
    await store.add(html)
    await store.setQuestionCount(html.article.id, 12)
    await store.setQuestionCount('a0000000000000000', 3)
    expect(store.get(html.article.id)?.questionCount).toBe(12)
    expect((await opened(dir)).get(html.article.id)?.questionCount).toBe(12)
    expect(Object.keys(indexOf(dir).imported)).toEqual([html.article.id])
  })

  it('takes back an article file the index does not know, as of now, with nothing else known about it', async () => {
    const dir = join(tempDir(), 'library')
    const store = await opened(dir)
    await store.add(html)
    await store.add(text)
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'))
    delete index.imported[text.article.id]
    writeFileSync(join(dir, 'index.json'), JSON.stringify(index))
    const before = Date.now()
    const again = await opened(dir)
    const recovered = again.get(text.article.id)
    expect(recovered).toMatchObject({ article: text.article, origin: null, format: 'json', questionCount: null })
    expect(recovered).not.toHaveProperty('links')
    expect(Date.parse(recovered!.addedAt)).toBeGreaterThanOrEqual(before - 1000)
    // Written back, so the next start does not recover it again with a new time.
    expect(indexOf(dir).imported[text.article.id]).toMatchObject({ questionCount: null, links: [] })
    expect(again.get(html.article.id)).toEqual(html)
  })

  it('lists articles added at the same moment in a stable order, by id', async () => {
    const dir = join(tempDir(), 'library')
    const store = await opened(dir)
    const same = '2026-11-28T10:00:00.000Z'
    await store.add({ ...text, addedAt: same })
    await store.add({ ...html, addedAt: same })
    const ids = [html.article.id, text.article.id].sort()
    expect(store.list().map((s) => s.article.id)).toEqual(ids)
    expect((await opened(dir)).list().map((s) => s.article.id)).toEqual(ids)
  })

  it('removes only its own leftover index temporary files at start-up, and ignores stray files among the articles', async () => {
    const dir = join(tempDir(), 'library')
    const store = await opened(dir)
    await store.add(html)
    const leftover = join(dir, 'index.json.4242-0badcafe.tmp')
    const notOurs = join(dir, 'index.json.bak')
    const notOursEither = join(dir, 'index.json.4242-notahex.tmp')
    writeFileSync(leftover, '{')
    writeFileSync(notOurs, 'keep me')
    writeFileSync(notOursEither, 'keep me too')
    writeFileSync(join(dir, 'articles', 'notes.txt'), 'not an article')
    const again = await opened(dir)
    expect(existsSync(leftover)).toBe(false)
    expect(existsSync(notOurs)).toBe(true)
    expect(existsSync(notOursEither)).toBe(true)
    expect(again.list().map((s) => s.article.id)).toEqual([html.article.id])
  })

  it('still forgets a removed article when the index cannot be written afterwards', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const dir = join(tempDir(), 'library')
    const store = await opened(dir)
    await store.add(html)
    await store.setLastOpened(html.article.id, '2026-11-28T13:00:00.000Z')
    // A folder where the index should be: the next index write fails.
    rmSync(join(dir, 'index.json'))
    mkdirSync(join(dir, 'index.json'))
    expect(await store.remove(html.article.id)).toBe(true)
    expect(store.get(html.article.id)).toBeNull()
    expect(store.lastOpened(html.article.id)).toBeNull()
    expect(existsSync(join(dir, 'articles', `${html.article.id}.json`))).toBe(false)
    expect(warn.mock.calls.some((c) => String(c[0]).includes(html.article.id))).toBe(true)
  })
})
