/**
 * Start-up of main (issue #10, "How it scales"): the article open last is answered without reading the whole
 * library first, and the quiz worker starts loading before the first quiz is asked for.
 */
import { rmSync, writeFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { loadBundledArticles } from '../../src/main/bundled'
import { articleFromBytes } from '../../src/main/import/importer'
import { LibraryStore } from '../../src/main/import/store'
import { Library } from '../../src/main/library'
import { createWorkerQuizRunner, type QuizRunner } from '../../src/main/quiz-runner'
import type { Article } from '../../src/shared/article/model'
import type { ArticleSummary } from '../../src/shared/ipc/contract'
import { buildQuizWorker, countingRunner, FakeMain, fixtureBytes, tempDir } from './import/support'

const bundled = loadBundledArticles()

// Each fake quiz has one question.
const runner = countingRunner(1)

function imported(name: string) {
  const read = articleFromBytes(name, fixtureBytes(name))
  if (!read.ok) throw new Error(read.error.message)
  return read.value
}

/** A library folder holding two imported articles, written by one library and read by a fresh store. */
async function libraryFolder(): Promise<{ dir: string; ids: string[] }> {
  const dir = tempDir()
  const writer = new Library(bundled, { store: new LibraryStore(dir), quizzes: runner })
  const ids: string[] = []
  for (const name of ['night-trains.md', 'harbour-strike.txt']) {
    const outcome = await writer.import(imported(name), name)
    if (outcome.status !== 'added') throw new Error(`not added: ${name}`)
    ids.push(outcome.summary.id)
  }
  return { dir, ids }
}

describe('the article open last, at start', () => {
  it('is answered before the whole library has been read', async () => {
    const { dir, ids } = await libraryFolder()
    const store = new LibraryStore(dir)
    // The full load is held back until the test lets it go: `get` must not wait for it.
    let release: () => void = () => undefined
    const held = new Promise<void>((resolve) => (release = resolve))
    const load = store.load.bind(store)
    vi.spyOn(store, 'load').mockImplementation(async () => {
      await held
      return load()
    })
    const library = new Library(bundled, { store, quizzes: runner })
    const study = await library.get(ids[1]!)
    expect(study.article.id).toBe(ids[1])
    expect(study.questions.map((q) => q.id)).toEqual([`${ids[1]}-q0`])
    // The list does wait for the load: it needs every article.
    let listed = false
    const list = library.list().then(() => (listed = true))
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(listed).toBe(false)
    release()
    await list
    expect((await library.list()).filter((a) => !a.bundled).map((a) => a.id)).toEqual(ids)
    // The opening was recorded once the load let it.
    expect((await library.list()).find((a) => a.id === ids[1])?.lastOpenedAt).not.toBeNull()
  })

  it('is "not found" when its file is gone, with no warning, and a damaged file still says why', async () => {
    const { dir, ids } = await libraryFolder()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    try {
      rmSync(`${dir}/articles/${ids[0]}.json`)
      const store = new LibraryStore(dir)
      expect(await store.article(ids[0]!)).toBeNull()
      expect(warn).not.toHaveBeenCalled()
      await expect(new Library(bundled, { store, quizzes: runner }).get(ids[0]!)).rejects.toMatchObject({ code: 'not-found' })
      writeFileSync(`${dir}/articles/${ids[1]}.json`, '{ "id": ')
      expect(await new LibraryStore(dir).article(ids[1]!)).toBeNull()
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('could not be read as JSON'))
    } finally {
      warn.mockRestore()
    }
  })

  it('reads the same article from its file as the loaded library holds, and from memory once loaded', async () => {
    const { dir, ids } = await libraryFolder()
    const early = await new LibraryStore(dir).article(ids[0]!)
    const loaded = new LibraryStore(dir)
    await loaded.load()
    expect(early).toEqual(loaded.get(ids[0]!)?.article)
    // Once loaded, the file is not read again: a file removed behind the store's back does not change the answer.
    rmSync(`${dir}/articles/${ids[0]}.json`)
    expect(await loaded.article(ids[0]!)).toEqual(early)
  })
})

describe('the article alone (article:peek), shown while its quiz is made', () => {
  it('is the article, with no quiz made and no opening recorded; an unknown or malformed id is refused', async () => {
    const counting = countingRunner(1)
    const calls = counting.calls
    const dir = tempDir()
    const main = new FakeMain(dir, { quizzes: counting })
    const added = await main.value<{ summary: ArticleSummary }>('library:import-text', { text: new TextDecoder().decode(fixtureBytes('harbour-strike.txt')) })
    const id = added.summary.id
    calls.length = 0
    const fresh = new FakeMain(dir, { quizzes: counting })
    const article = await fresh.value<Article>('article:peek', id)
    expect(article.id).toBe(id)
    expect(article.paragraphs.length).toBeGreaterThan(0)
    expect(calls).toEqual([])
    expect((await fresh.value<ArticleSummary[]>('library:list')).find((a) => a.id === id)?.lastOpenedAt).toBeNull()
    expect(await fresh.call('article:peek', 'no-such-article')).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(await fresh.call('article:peek', '../index')).toMatchObject({ ok: false, error: { code: 'bad-request' } })
  })
})

describe('the quiz worker started ahead of the first quiz', () => {
  let entry: string
  beforeAll(async () => {
    entry = await buildQuizWorker()
  }, 60_000)
  afterAll(() => {
    if (entry) rmSync(entry, { force: true })
  })

  it('runs the first job on the worker started ahead (started once, however often asked)', async () => {
    const quizzes = createWorkerQuizRunner(entry)
    try {
      quizzes.prestart?.()
      quizzes.prestart?.()
      const article = bundled[0]!
      expect((await quizzes.generate(article)).length).toBeGreaterThan(0)
    } finally {
      await quizzes.close()
    }
  }, 60_000)

  it('a worker that cannot start while idle is dropped with a warning, not a crash; the next job says it failed', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const quizzes = createWorkerQuizRunner(`${entry}.missing.js`)
    try {
      quizzes.prestart?.()
      await vi.waitFor(() => expect(warn).toHaveBeenCalledWith(expect.stringContaining('an idle worker failed'), expect.any(String)), { timeout: 10_000 })
      await expect(quizzes.generate(bundled[0]!)).rejects.toThrow(/worker/i)
    } finally {
      await quizzes.close()
      warn.mockRestore()
    }
  }, 30_000)
})

describe('the bundled articles in the list at start', () => {
  it('are listed with the quiz size remembered from an earlier run, without making their quizzes', async () => {
    const dir = tempDir()
    const counting = countingRunner(1)
    const calls = counting.calls
    const first = await new Library(bundled, { store: new LibraryStore(dir), quizzes: counting }).list()
    expect(calls.sort()).toEqual(bundled.map((a) => a.id).sort())
    calls.length = 0
    // Recorded as bookkeeping, after the list answered.
    const recorded = async (id: string, count: number): Promise<void> => {
      await vi.waitFor(async () => {
        const store = new LibraryStore(dir)
        await store.load()
        expect(store.bundledCount(id)).toBe(count)
      })
    }
    for (const a of bundled) await recorded(a.id, 1)
    // The next start lists them at once, with the same sizes (each fake quiz has one question).
    const next = new Library(bundled, { store: new LibraryStore(dir), quizzes: counting })
    const listed = await next.list()
    expect(calls).toEqual([])
    expect(listed.filter((a) => a.bundled).map((a) => [a.id, a.questionCount])).toEqual(first.filter((a) => a.bundled).map((a) => [a.id, 1]))
    // Opening one makes its quiz, and a changed size (a newer generator, say) is what the list says from then on.
    const bigger = countingRunner(2)
    const updated = new Library(bundled, { store: new LibraryStore(dir), quizzes: bigger })
    await updated.get(bundled[0]!.id)
    await recorded(bundled[0]!.id, 2)
    const after = await new Library(bundled, { store: new LibraryStore(dir), quizzes: counting }).list()
    expect(after.find((a) => a.id === bundled[0]!.id)?.questionCount).toBe(2)
    expect(calls).toEqual([])
  })

  it('a quiz that could not be made is listed as 0 and not remembered', async () => {
    const dir = tempDir()
    const failing: QuizRunner = { ...runner, generate: async () => Promise.reject(new Error('worker gone')) }
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const listed = await new Library(bundled, { store: new LibraryStore(dir), quizzes: failing }).list().finally(() => logged.mockRestore())
    expect(listed.filter((a) => a.bundled).every((a) => a.questionCount === 0)).toBe(true)
    const counting = countingRunner(1)
    const calls = counting.calls
    await new Library(bundled, { store: new LibraryStore(dir), quizzes: counting }).list()
    expect(calls.sort()).toEqual(bundled.map((a) => a.id).sort())
  })
})
