import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { openedStore, storedEntry, tempDir } from './support'

/*
 * The library folder after something outside the app touched it: an article file deleted by hand, an index that is
 * valid JSON of the wrong shape, an articles folder that is not a folder. The store carries on, and says in the log
 * what it found (a missing folder on a first start is normal and not worth a word).
 */

const entry = storedEntry

const html = entry('news-page.html', '2026-11-28T10:00:00.000Z')
const text = entry('harbour-strike.txt', '2026-11-28T11:00:00.000Z')

const opened = openedStore

const indexOf = (dir: string): { imported: Record<string, unknown> } => JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'))
const warnings = (spy: { mock: { calls: unknown[][] } }): string[] => spy.mock.calls.map((c) => String(c[0]))

afterEach(() => {
  vi.restoreAllMocks()
})

describe('library store: after the folder was changed by hand', () => {
  it('deletes an article whose file is already gone', async () => {
    const dir = join(tempDir(), 'library')
    const store = await opened(dir)
    await store.add(html)
    rmSync(join(dir, 'articles', `${html.article.id}.json`))
    expect(await store.remove(html.article.id)).toBe(true)
    expect(store.get(html.article.id)).toBeNull()
    expect(indexOf(dir).imported).toEqual({})
  })

  it('forgets the index entry of an article whose file was deleted, and writes that back with the next change', async () => {
    const dir = join(tempDir(), 'library')
    const first = await opened(dir)
    await first.add(html)
    await first.add(text)
    rmSync(join(dir, 'articles', `${text.article.id}.json`))
    const again = await opened(dir)
    expect(again.list().map((s) => s.article.id)).toEqual([html.article.id])
    await again.setLastOpened(html.article.id, '2026-11-28T12:00:00.000Z')
    expect(Object.keys(indexOf(dir).imported)).toEqual([html.article.id])
  })

  it('rebuilds an index of the wrong shape from the article files, saying what was wrong', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const dir = join(tempDir(), 'library')
    const first = await opened(dir)
    await first.add(html)
    writeFileSync(join(dir, 'index.json'), JSON.stringify({ format: 'newsquiz-library@1', imported: 'nothing' }))
    const again = await opened(dir)
    expect(again.list().map((s) => s.article.id)).toEqual([html.article.id])
    const said = warnings(warn).find((w) => w.includes('the library index is not valid'))
    expect(said).toMatch(/^\[library\] the library index is not valid \((?!bad shape).+\); rebuilding it from the article files\.$/)
  })

  it('says nothing on a first start, when there is no folder yet', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const store = await opened(join(tempDir(), 'library'))
    expect(store.list()).toEqual([])
    expect(warnings(warn)).toEqual([])
  })

  it('says so when the articles folder or the index cannot be read, and starts empty', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const dir = join(tempDir(), 'library')
    mkdirSync(dir, { recursive: true })
    // A file where the articles folder should be, and a folder where the index should be.
    writeFileSync(join(dir, 'articles'), 'not a folder')
    mkdirSync(join(dir, 'index.json'))
    const store = await opened(dir)
    expect(store.list()).toEqual([])
    expect(warnings(warn)).toEqual([
      '[library] the library index could not be read; rebuilding it:',
      '[library] the library folder could not be read:'
    ])
  })
})
