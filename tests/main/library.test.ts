import { describe, expect, it } from 'vitest'
import { loadBundledArticles } from '../../src/main/bundled'
import { articleFromBytes, readArticle } from '../../src/main/import/importer'
import { LibraryStore } from '../../src/main/import/store'
import { UserError } from '../../src/main/ipc'
import { Library, summarize } from '../../src/main/library'
import type { QuizRunner } from '../../src/main/quiz-runner'
import { countingRunner, fixtureBytes, snapshot, tempDir } from './import/support'

const bundled = loadBundledArticles()
const SEED = bundled[0]!

function imported(name: string) {
  const read = articleFromBytes(name, fixtureBytes(name))
  if (!read.ok) throw new Error(read.error.message)
  return read.value
}

describe('Library', () => {
  it('keeps the bundled seed first, then imported articles in the order they were added', async () => {
    const library = new Library(bundled, { store: new LibraryStore(tempDir()), quizzes: countingRunner(), now: () => new Date('2026-11-28T10:00:00Z') })
    await library.import(imported('night-trains.md'), 'night-trains.md')
    await library.import(imported('harbour-strike.txt'), null)
    const list = await library.list()
    expect(list[0]).toMatchObject({ id: SEED.id, bundled: true, addedAt: null })
    expect(list.slice(bundled.length).map((a) => a.title)).toEqual(['Night trains return to the northern line', 'Dock workers end three-day strike at Skarport harbour'])
    expect(list.slice(bundled.length).every((a) => a.addedAt === '2026-11-28T10:00:00.000Z' && a.questionCount === 2)).toBe(true)
    expect(list[0]?.licenceCredit).toBe(SEED.licence?.credit ?? null)
  })

  it('generates each quiz once per run, and lists imported articles after a restart without regenerating them', async () => {
    const dir = tempDir()
    const runner = countingRunner(3)
    const library = new Library(bundled, { store: new LibraryStore(dir), quizzes: runner })
    const { summary } = await library.import(imported('harbour-strike.txt'), 'harbour-strike.txt')
    await library.get(summary.id)
    await library.get(summary.id)
    await library.list()
    expect(runner.calls.filter((id) => id === summary.id)).toHaveLength(1)

    const restartedRunner = countingRunner(3)
    const restarted = new Library(bundled, { store: new LibraryStore(dir), quizzes: restartedRunner })
    const list = await restarted.list()
    expect(list.find((a) => a.id === summary.id)?.questionCount).toBe(3)
    expect(restartedRunner.calls).not.toContain(summary.id)
  })

  it('generates the quiz before storing, so a failed generation stores nothing', async () => {
    const dir = tempDir()
    const failing: QuizRunner = { generate: async () => Promise.reject(new Error('worker gone')), readArticle: async (input) => readArticle(input), close: async () => undefined }
    const original = console.error
    console.error = () => undefined
    try {
      const library = new Library(bundled, { store: new LibraryStore(dir), quizzes: failing })
      await expect(library.import(imported('harbour-strike.txt'), null)).rejects.toMatchObject({ code: 'internal' })
      expect((await library.list()).filter((a) => !a.bundled)).toEqual([])
      expect((await library.list())[0]?.questionCount).toBe(0)
      expect(snapshot(dir)).toEqual({})
    } finally {
      console.error = original
    }
  })

  it('serves bundled articles without a store, and refuses imports and deletes there', async () => {
    const library = new Library(bundled, { quizzes: countingRunner() })
    expect((await library.get(SEED.id)).article).toBe(SEED)
    await expect(library.get('no-such-article')).rejects.toBeInstanceOf(UserError)
    await expect(library.import(imported('harbour-strike.txt'), null)).rejects.toMatchObject({ code: 'internal' })
    await expect(library.delete(SEED.id)).rejects.toMatchObject({ code: 'invalid-input' })
    await expect(library.delete('a00000000000000')).rejects.toMatchObject({ code: 'not-found' })
  })

  it('summarizes an article with a short excerpt and its last-opened time', () => {
    const s = summarize(SEED, 5, true, null, '2026-11-28T10:00:00.000Z')
    expect(s.excerpt.length).toBeLessThanOrEqual(241)
    expect(s).toMatchObject({ id: SEED.id, questionCount: 5, bundled: true, lastOpenedAt: '2026-11-28T10:00:00.000Z' })
  })
})
