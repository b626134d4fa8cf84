import { describe, expect, it } from 'vitest'
import type { Article } from '@shared/article/model'
import type { ArticleSummary, IpcResult, StudyArticle } from '@shared/ipc/contract'
import { AppState } from '../../../src/renderer/src/app/app-state.svelte'
import { lastScopeHint, rememberLastScope } from '../../../src/renderer/src/app/last-scope'

function summary(id: string): ArticleSummary {
  return { id, title: `Title ${id}`, date: null, dateLabel: null, source: null, excerpt: '', wordCount: 10, questionCount: 1, bundled: false, addedAt: null, lastOpenedAt: null, licenceCredit: null }
}

function study(id: string): StudyArticle {
  return { article: { id, title: `Title ${id}`, date: null, dateLabel: null, source: null, byline: null, credits: [], paragraphs: ['Text.'], headings: [], licence: null }, questions: [] }
}

/** A stand-in for `window.api` whose list answers only when the test says so. */
function fakeApi(ids: string[]) {
  let releaseList: () => void = () => undefined
  const listed = new Promise<void>((resolve) => (releaseList = resolve))
  const asked: string[] = []
  const api = {
    listArticles: async (): Promise<IpcResult<ArticleSummary[]>> => {
      await listed
      return { ok: true, value: ids.map(summary) }
    },
    getArticle: async (id: string): Promise<IpcResult<StudyArticle>> => {
      asked.push(id)
      return ids.includes(id) ? { ok: true, value: study(id) } : { ok: false, error: { code: 'not-found', message: 'That article is not in the library any more.' } }
    },
    peekArticle: async (id: string): Promise<IpcResult<Article>> =>
      ids.includes(id) ? { ok: true, value: study(id).article } : { ok: false, error: { code: 'not-found', message: 'That article is not in the library any more.' } }
  }
  return { api: api as unknown as Window['api'], releaseList, asked }
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

describe('opening the app (issue #10)', () => {
  it('shows the article open last without waiting for the library list', async () => {
    const { api, releaseList } = fakeApi(['a', 'b', 'c'])
    const app = new AppState(api)
    const refreshed = app.refreshLibrary('b')
    await settle()
    expect(app.study?.article.id).toBe('b')
    expect(app.articles).toEqual([])
    expect(app.listed).toBe(false)
    releaseList()
    expect(await refreshed).toBe(true)
    expect(app.articles.map((a) => a.id)).toEqual(['a', 'b', 'c'])
    expect(app.listed).toBe(true)
    // The list read while it opened still says it was opened just now.
    expect(app.articles.find((a) => a.id === 'b')?.lastOpenedAt).not.toBeNull()
    expect(app.loading).toBe(false)
  })

  it('opens the first article, without an error, when the one open last is gone', async () => {
    const { api, releaseList, asked } = fakeApi(['a', 'b'])
    const app = new AppState(api)
    const refreshed = app.refreshLibrary('deleted')
    releaseList()
    await refreshed
    expect(asked).toEqual(['deleted', 'a'])
    expect(app.study?.article.id).toBe('a')
    expect(app.notice).toBeNull()
  })
})

describe('the article open last, asked for while the app mounts (issue #10)', () => {
  it('is asked for once: the start-up load takes the answer already on its way', async () => {
    const { api, releaseList, asked } = fakeApi(['a', 'b'])
    const app = new AppState(api)
    app.prefetch('b')
    expect(asked).toEqual(['b'])
    const refreshed = app.refreshLibrary('b')
    releaseList()
    expect(await refreshed).toBe(true)
    expect(asked).toEqual(['b'])
    expect(app.study?.article.id).toBe('b')
  })

  it('is shown on its own while its quiz is being made, then with its quiz; never when the load failed', async () => {
    const { api, releaseList } = fakeApi(['a', 'b'])
    let releaseQuiz: () => void = () => undefined
    const quizMade = new Promise<void>((resolve) => (releaseQuiz = resolve))
    const slow = {
      ...api,
      getArticle: async (id: string) => {
        await quizMade
        return api.getArticle(id)
      },
      peekArticle: async (id: string) => (id === 'b' ? { ok: true, value: study(id).article } : { ok: false, error: { code: 'not-found', message: 'gone' } })
    } as unknown as Window['api']
    const app = new AppState(slow)
    app.prefetch('b')
    const refreshed = app.refreshLibrary('b')
    await settle()
    expect(app.article?.id).toBe('b')
    expect(app.study).toBeNull()
    releaseQuiz()
    releaseList()
    await refreshed
    expect(app.study?.article.id).toBe('b')
    expect(app.article).toBe(app.study?.article)

    // An article that is gone is never shown, not even for a moment: its peek fails, and the first one opens.
    const other = new AppState(slow)
    other.prefetch('gone')
    await settle()
    expect(other.article).toBeNull()
  })

  it('is not used for another article, and a failed one nobody takes is no unhandled error', async () => {
    const { api, releaseList, asked } = fakeApi(['a', 'b'])
    const failing = { ...api, getArticle: (id: string) => (id === 'x' ? Promise.reject(new Error('gone')) : api.getArticle(id)) } as Window['api']
    const unhandled: unknown[] = []
    const onUnhandled = (e: unknown): void => void unhandled.push(e)
    // Node's process (the component tests run in Node): the renderer's types do not include it.
    type Events = { on(event: string, f: (e: unknown) => void): void; off(event: string, f: (e: unknown) => void): void }
    const process = (globalThis as unknown as { process: Events }).process
    process.on('unhandledRejection', onUnhandled)
    try {
      const app = new AppState(failing)
      app.prefetch('x')
      const refreshed = app.refreshLibrary('b')
      releaseList()
      await refreshed
      await settle()
      expect(asked).toEqual(['b'])
      expect(app.study?.article.id).toBe('b')
      expect(unhandled).toEqual([])
    } finally {
      process.off('unhandledRejection', onUnhandled)
    }
  })
})

describe('the copy of the last scope read before the database opens', () => {
  class MemoryStorage {
    data = new Map<string, string>()
    failWrites = false
    getItem(k: string): string | null {
      return this.data.get(k) ?? null
    }
    setItem(k: string, v: string): void {
      if (this.failWrites) throw new Error('QuotaExceededError')
      this.data.set(k, v)
    }
    removeItem(k: string): void {
      this.data.delete(k)
    }
  }

  it('keeps the article open last, forgets it when nothing is open, and never keeps a stale one', () => {
    const storage = new MemoryStorage()
    expect(lastScopeHint(storage)).toBeNull()
    rememberLastScope('alpha', storage)
    expect(lastScopeHint(storage)).toBe('alpha')
    rememberLastScope(null, storage)
    expect(lastScopeHint(storage)).toBeNull()
    rememberLastScope('alpha', storage)
    storage.failWrites = true
    rememberLastScope('beta', storage)
    // The write failed: no copy at all (the app then reads the database), rather than the old "alpha".
    expect(lastScopeHint(storage)).toBeNull()
  })
})
