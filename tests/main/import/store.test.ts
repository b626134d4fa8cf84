import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { LibraryStore, writeFileAtomic } from '../../../src/main/import/store'
import { openedStore, storedEntry, tempDir } from './support'

const entry = storedEntry

const html = entry('news-page.html', '2026-11-28T10:00:00.000Z')
const text = entry('harbour-strike.txt', '2026-11-28T11:00:00.000Z')
const md = entry('night-trains.md', '2026-11-28T12:00:00.000Z')

const opened = openedStore

describe('library store', () => {
  afterEach(() => vi.restoreAllMocks())

  it('keeps articles with their bookkeeping across restarts, in the order they were added', async () => {
    const dir = join(tempDir(), 'library')
    const store = await opened(dir)
    expect(store.list()).toEqual([])
    await store.add(text)
    await store.add(html)
    await store.setLastOpened(html.article.id, '2026-11-28T13:00:00.000Z')
    await store.setLastOpened('trump-putin-first-phone-call-2016', '2026-11-28T14:00:00.000Z')
    const again = await opened(dir)
    expect(again.list()).toEqual([html, text])
    expect(again.get(text.article.id)).toEqual(text)
    expect(again.lastOpened(html.article.id)).toBe('2026-11-28T13:00:00.000Z')
    expect(again.lastOpened('trump-putin-first-phone-call-2016')).toBe('2026-11-28T14:00:00.000Z')
    expect(readdirSync(join(dir, 'articles')).sort()).toEqual([`${html.article.id}.json`, `${text.article.id}.json`].sort())
    const file = JSON.parse(readFileSync(join(dir, 'articles', `${html.article.id}.json`), 'utf8')) as Record<string, unknown>
    expect(file).toMatchObject({ format: 'newsquiz-article@1', id: html.article.id, title: html.article.title })
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as Record<string, unknown>
    expect(index).toMatchObject({ format: 'newsquiz-library@1', imported: { [html.article.id]: { addedAt: html.addedAt, origin: 'news-page.html', format: 'html', questionCount: 7 } } })
  })

  it('writes atomically: no temporary file is left, and one left by a crash is cleaned up and ignored', async () => {
    const dir = join(tempDir(), 'library')
    const store = await opened(dir)
    await store.add(html)
    expect(readdirSync(join(dir, 'articles')).filter((n) => n.endsWith('.tmp'))).toEqual([])
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([])
    // A crash in the middle of a write leaves only the temporary file; the real one is untouched.
    const half = join(dir, 'articles', `${text.article.id}.json.123-abcd.tmp`)
    writeFileSync(half, '{"format": "newsquiz-article@1", "id": "a')
    const again = await opened(dir)
    expect(again.list().map((s) => s.article.id)).toEqual([html.article.id])
    expect(existsSync(half)).toBe(false)
    const target = join(tempDir(), 'x.json')
    await writeFileAtomic(target, 'one')
    await writeFileAtomic(target, 'two')
    expect(readFileSync(target, 'utf8')).toBe('two')
  })

  it('skips a damaged article file with a warning, and still loads the rest', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const dir = join(tempDir(), 'library')
    const store = await opened(dir)
    await store.add(html)
    await store.add(text)
    await store.add(md)
    writeFileSync(join(dir, 'articles', `${text.article.id}.json`), '{"format": "newsquiz-article@1", "title": ')
    const mdFile = join(dir, 'articles', `${md.article.id}.json`)
    writeFileSync(mdFile, readFileSync(mdFile, 'utf8').replace('"body": [', '"body": 7, "x": ['))
    writeFileSync(join(dir, 'articles', 'a00000000000000.json'), readFileSync(join(dir, 'articles', `${html.article.id}.json`)))
    const again = await opened(dir)
    expect(again.list().map((s) => s.article.id)).toEqual([html.article.id])
    const warnings = warn.mock.calls.map((c) => String(c[0]))
    expect(warnings.some((w) => w.includes(text.article.id) && /could not be read as JSON/.test(w))).toBe(true)
    expect(warnings.some((w) => w.includes(md.article.id) && /not a valid article file/.test(w))).toBe(true)
    expect(warnings.some((w) => w.includes('a00000000000000') && /does not match its file name/.test(w))).toBe(true)
  })

  it('rebuilds a damaged index from the article files, and repairs entries without files and files without entries', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const dir = join(tempDir(), 'library')
    const store = await opened(dir)
    await store.add(html)
    await store.add(text)
    writeFileSync(join(dir, 'index.json'), 'not json at all')
    const rebuilt = await opened(dir)
    expect(rebuilt.list().map((s) => s.article.id).sort()).toEqual([html.article.id, text.article.id].sort())
    expect(warn.mock.calls.some((c) => /index is damaged/.test(String(c[0])))).toBe(true)
    // The repaired index is written back, valid.
    expect(JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'))).toMatchObject({ format: 'newsquiz-library@1' })

    const { rmSync } = await import('node:fs')
    rmSync(join(dir, 'articles', `${text.article.id}.json`))
    const repaired = await opened(dir)
    expect(repaired.list().map((s) => s.article.id)).toEqual([html.article.id])
  })

  it('removes an article and its bookkeeping; an unknown id is reported as not stored', async () => {
    const dir = join(tempDir(), 'library')
    const store = await opened(dir)
    await store.add(html)
    await store.setLastOpened(html.article.id, '2026-11-28T13:00:00.000Z')
    expect(await store.remove(html.article.id)).toBe(true)
    expect(await store.remove(html.article.id)).toBe(false)
    expect(store.lastOpened(html.article.id)).toBeNull()
    expect((await opened(dir)).list()).toEqual([])
    expect(readFileSync(join(dir, 'index.json'), 'utf8')).not.toContain(html.article.id)
  })

  it('serializes changes made at the same moment', async () => {
    const dir = join(tempDir(), 'library')
    const store = new LibraryStore(dir)
    await Promise.all([store.add(html), store.add(text), store.add(md), store.setLastOpened(md.article.id, '2026-11-28T13:00:00.000Z')])
    const again = await opened(dir)
    expect(again.list()).toHaveLength(3)
    expect(again.lastOpened(md.article.id)).toBe('2026-11-28T13:00:00.000Z')
  })

  it('takes the article file back out when the index cannot be written, so nothing changes', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const dir = join(tempDir(), 'library')
    // A folder where the index should be: every index write fails.
    mkdirSync(join(dir, 'index.json'), { recursive: true })
    const store = await opened(dir)
    await expect(store.add(html)).rejects.toThrow()
    expect(store.list()).toEqual([])
    expect(readdirSync(join(dir, 'articles'))).toEqual([])
  })
})
