import { normalizeForSearch } from '@shared/search'
import { wordCount, type Article } from '@shared/article/model'
import { fromContentFile } from '@shared/article/content-format'
import type { BackupArticle } from '@shared/progress/backup'
import { contentId } from '@shared/import/content-id'
import { contract, type ArticleSummary, type ImportOutcome, type StudyArticle } from '@shared/ipc/contract'
import type { Question } from '@shared/quiz/model'
import type { Imported } from '@shared/import/errors'
import type { ImportedArticle, ReadInput } from './import/importer'
import { toContentFile, type LibraryStore } from './import/store'
import { handle, UserError, type IpcRegistrar } from './ipc'
import { createInProcessQuizRunner, JobStopped, type QuizRunner } from './quiz-runner'

/** What the user reads when an import's work ran over the time limit. */
export const TIMED_OUT_MESSAGE = 'This file took too long to read; nothing was changed.'
/** What the user reads when they cancelled an import. */
export const CANCELLED_MESSAGE = 'The import was cancelled; nothing was changed.'

/** The user's error for a job the runner stopped. */
function stoppedError(e: JobStopped): UserError {
  return e.reason === 'timed-out' ? new UserError('timed-out', TIMED_OUT_MESSAGE) : new UserError('cancelled', CANCELLED_MESSAGE)
}

// Articles are never changed once loaded: their excerpt and word count are worked out once, not on every listing.
const textFigures = new WeakMap<Article, { excerpt: string; words: number }>()

/** Builds the library's summary of an article. */
export function summarize(
  article: Article,
  questionCount: number,
  bundled: boolean,
  addedAt: string | null,
  lastOpenedAt: string | null = null
): ArticleSummary {
  let text = textFigures.get(article)
  if (!text) {
    const body = article.paragraphs.join(' ')
    text = { excerpt: body.length > 240 ? `${body.slice(0, 240).replace(/\s+\S*$/, '')}…` : body, words: wordCount(article) }
    textFigures.set(article, text)
  }
  return {
    id: article.id,
    title: article.title,
    date: article.date,
    dateLabel: article.dateLabel,
    source: article.source,
    excerpt: text.excerpt,
    wordCount: text.words,
    questionCount,
    bundled,
    addedAt,
    lastOpenedAt,
    licenceCredit: article.licence?.credit ?? null
  }
}

/** What a Library needs besides its bundled articles; all optional so a bundled-only library stays one line. */
export interface LibraryOptions {
  /** Where imported articles live; without one the library holds the bundled articles only. */
  store?: LibraryStore | null
  /** Where quizzes are generated; the app passes the worker runner (see quiz-runner.ts). */
  quizzes?: QuizRunner
  /** The clock, for `addedAt` and `lastOpenedAt`. */
  now?: () => Date
}

/**
 * The articles the app knows: the bundled ones first (in file order), then the user's imported ones (in the
 * order they were added). Quizzes are generated through a QuizRunner, at most once per article per run, and
 * kept in memory; generation is deterministic, so a cached quiz can never be stale.
 */
export class Library {
  readonly #bundled: Article[]
  /** Content hash → bundled article, so importing a copy of a bundled article finds it. */
  readonly #bundledByContent: Map<string, Article>
  readonly #store: LibraryStore | null
  readonly #runner: QuizRunner
  readonly #now: () => Date
  readonly #quizzes = new Map<string, Promise<Question[]>>()
  /** Normalized text per article id, built on first search. */
  readonly #searchText = new Map<string, string>()
  #changes: Promise<unknown> = Promise.resolve()
  // Last-opened times and quiz sizes being written after `get` answered; never rejects.
  #bookkeeping: Promise<void> = Promise.resolve()

  constructor(bundled: Article[], options: LibraryOptions = {}) {
    this.#bundled = bundled
    this.#bundledByContent = new Map(bundled.map((a) => [contentId(a), a]))
    this.#store = options.store ?? null
    this.#runner = options.quizzes ?? createInProcessQuizRunner()
    this.#now = options.now ?? (() => new Date())
  }

  /** Every article's summary: bundled first, then imported ones in the order they were added. */
  async list(): Promise<ArticleSummary[]> {
    await this.#store?.load()
    await this.#bookkeeping
    const recording: Promise<void>[] = []
    const bundled = await Promise.all(
      this.#bundled.map(async (a) => {
        // Remembered like an imported article's: the list at start does not wait for the quiz worker to load.
        const known = this.#quizzes.has(a.id) ? null : (this.#store?.bundledCount(a.id) ?? null)
        const count = known ?? (await this.#countOrZero(a, (n) => recording.push(this.#recordBundledCount(a.id, n))))
        return summarize(a, count, true, null, this.#store?.lastOpened(a.id) ?? null)
      })
    )
    // Written before the list answers (rarely: a first start, or a changed quiz size), so the folder is settled
    // when it does.
    await Promise.all(recording)
    const imported = await Promise.all(
      (this.#store?.list() ?? []).map(async (s) => {
        // An imported article's count is remembered in the index, so listing never waits for its (maybe long) generation.
        const count = this.#quizzes.has(s.article.id) || s.questionCount === null ? await this.#countOrZero(s.article) : s.questionCount
        return summarize(s.article, count, false, s.addedAt, this.#store?.lastOpened(s.article.id) ?? null)
      })
    )
    return [...bundled, ...imported]
  }

  /** Ids of the articles matching every word of `query` (see `contract.searchArticles`), in library order. */
  async search(query: string): Promise<string[]> {
    await this.#store?.load()
    const articles = [...this.#bundled, ...(this.#store?.list().map((s) => s.article) ?? [])]
    const words = normalizeForSearch(query).split(' ').filter(Boolean)
    if (words.length === 0) return articles.map((a) => a.id)
    return articles
      .filter((a) => {
        let hay = this.#searchText.get(a.id)
        if (hay === undefined) {
          hay = ` ${normalizeForSearch([a.title, a.source ?? '', a.byline ?? '', ...a.headings.map((h) => h.text), ...a.paragraphs].join(' '))} `
          this.#searchText.set(a.id, hay)
        }
        return words.every((w) => hay.includes(w))
      })
      .map((a) => a.id)
  }

  /** One article with its quiz; records that it was opened now. Unknown id → `not-found`; failed generation → `internal`. */
  async get(id: string): Promise<StudyArticle> {
    // Not `load()` first: the article open last is on screen without waiting for a long library to be read.
    const bundled = this.#bundled.find((a) => a.id === id)
    const article = bundled ?? (await this.#store?.article(id)) ?? null
    if (!article) throw new UserError('not-found', 'That article is not in the library any more.')
    const questions = await this.#quizFor(article)
    if (this.#store) {
      const store = this.#store
      // Bookkeeping only: a full disk must not stop the user from reading, and the article need not wait for
      // the index to be written and flushed (hundreds of milliseconds on a busy disk). What reads the times
      // (the list) waits for it instead.
      const at = this.#now().toISOString()
      this.#bookkeeping = this.#bookkeeping.then(async () => {
        await store.setLastOpened(id, at).catch((e: unknown) => console.warn(`[library] could not record opening ${id}:`, e))
        const recorded = bundled ? store.setBundledCount(id, questions.length) : store.setQuestionCount(id, questions.length)
        await recorded.catch((e: unknown) => console.warn(`[library] could not record the quiz size of ${id}:`, e))
      })
    }
    return { article, questions }
  }

  /**
   * Reads an article from a file's bytes or pasted text on the runner (the worker in the app), so extracting a
   * large page never blocks the main thread. Refusals are returned as values; a crashed worker → `internal`.
   */
  async read(input: ReadInput, signal?: AbortSignal): Promise<Imported<ImportedArticle>> {
    try {
      return await this.#runner.readArticle(input, { signal })
    } catch (e) {
      if (e instanceof JobStopped) throw stoppedError(e)
      console.error('[library] reading an imported article failed:', e)
      throw new UserError('internal', 'The article could not be read because of a problem in the app. Nothing was imported; please try again.')
    }
  }

  /**
   * Adds an imported article: generates its quiz first, then stores it, so a failure at any step leaves the
   * library as it was. The same text again (or a copy of a bundled article) gives `exists` and stores nothing.
   */
  async import(imported: ImportedArticle, origin: string | null, links: readonly string[] = [], signal?: AbortSignal): Promise<ImportOutcome> {
    const found = await this.#existing(imported.article, links)
    if (found) return found
    // The quiz is generated outside the one-at-a-time section, so a long or stuck article never holds up others.
    const questions = await this.#quizFor(imported.article, signal)
    // One store change at a time: two drops of the same file must not both find it missing and both add it.
    return this.#serial(async () => {
      const store = this.#store
      if (!store) throw new UserError('internal', 'This library cannot store imported articles.')
      const again = await this.#existing(imported.article, links)
      if (again) return again
      const { article } = imported
      const addedAt = this.#now().toISOString()
      try {
        await store.add({ article, addedAt, origin, format: imported.format, questionCount: questions.length, links: [...links] })
      } catch (e) {
        console.error('[library] storing an imported article failed:', e)
        throw new UserError('io', `The article could not be saved in the library (${(e as NodeJS.ErrnoException).code ?? 'write error'}). Nothing was imported.`)
      }
      return { status: 'added', summary: summarize(article, questions.length, false, addedAt, null) }
    })
  }

  /** An article of the library without opening it (its last-opened time stays); null when unknown. */
  async peekArticle(id: string): Promise<Article | null> {
    return this.#bundled.find((a) => a.id === id) ?? (await this.#store?.article(id)) ?? null
  }

  /** An article with its quiz, without opening it (for exports); null when unknown. */
  async peekStudy(id: string): Promise<StudyArticle | null> {
    const article = await this.peekArticle(id)
    return article ? { article, questions: await this.#quizFor(article) } : null
  }

  /** Remembers more link keys for a stored article; bookkeeping only, so a failure is logged, not thrown. */
  async rememberLinks(id: string, keys: readonly string[]): Promise<void> {
    await this.#store?.addLinks(id, keys).catch((e: unknown) => console.warn(`[library] could not record the links of ${id}:`, e))
  }

  /** The stored article saved from any of these link keys (`linkKey`), as an `exists` outcome; null when none is. */
  async findByLink(keys: readonly string[]): Promise<ImportOutcome | null> {
    const store = this.#store
    if (!store) return null
    await store.load()
    await this.#bookkeeping
    for (const key of keys) {
      const found = store.findByLink(key)
      if (found) {
        const count = await this.#countOrZero(found.article)
        return { status: 'exists', summary: summarize(found.article, count, false, found.addedAt, store.lastOpened(found.article.id)) }
      }
    }
    return null
  }

  /** The `exists` outcome when `article` (by content) is already bundled or stored, else null. */
  async #existing(article: Article, links: readonly string[] = []): Promise<ImportOutcome | null> {
    const store = this.#store
    if (!store) throw new UserError('internal', 'This library cannot store imported articles.')
    await store.load()
    await this.#bookkeeping
    const bundled = this.#bundledByContent.get(article.id)
    if (bundled) return { status: 'exists', summary: summarize(bundled, await this.#countOrZero(bundled), true, null, store.lastOpened(bundled.id)) }
    const existing = store.get(article.id)
    if (!existing) return null
    // The same story from another link: that link finds it too from now on.
    if (links.length > 0) await store.addLinks(article.id, links).catch((e: unknown) => console.warn(`[library] could not record the links of ${article.id}:`, e))
    const count = await this.#countOrZero(existing.article)
    return { status: 'exists', summary: summarize(existing.article, count, false, existing.addedAt, store.lastOpened(article.id)) }
  }

  /**
   * Deletes an imported article: its file, its index entry and its cached quiz. The user's progress lives in
   * the renderer's database, which decides whether to keep it. Bundled → `invalid-input`; unknown → `not-found`.
   */
  delete(id: string): Promise<{ deleted: true }> {
    return this.#serial(async () => {
      if (this.#bundled.some((a) => a.id === id)) throw new UserError('invalid-input', 'Articles that come with the app cannot be deleted.')
      await this.#store?.load()
      let removed: boolean
      try {
        removed = (await this.#store?.remove(id)) ?? false
      } catch (e) {
        console.error('[library] deleting an article failed:', e)
        throw new UserError('io', `The article could not be deleted (${(e as NodeJS.ErrnoException).code ?? 'write error'}). Nothing was changed.`)
      }
      if (!removed) throw new UserError('not-found', 'That article is not in the library any more.')
      this.#quizzes.delete(id)
      this.#searchText.delete(id)
      return { deleted: true }
    })
  }

  /** The imported articles in the order they were added, as a backup carries them. */
  async exportArticles(): Promise<BackupArticle[]> {
    await this.#store?.load()
    return (this.#store?.list() ?? []).map((s) => ({ file: toContentFile(s.article), addedAt: s.addedAt, origin: s.origin, format: s.format }))
  }

  /**
   * Adds the backup's articles that the library does not have (by id; bundled ones are always there), keeping
   * their import time, origin and format. Their quizzes are generated when first needed, so a restore of a large
   * library is quick. A write failure → `io`, with the articles restored before it kept (a retry adds the rest).
   */
  restore(entries: readonly BackupArticle[]): Promise<{ added: number; existing: number }> {
    return this.#serial(async () => {
      const store = this.#store
      if (!store) throw new UserError('internal', 'This library cannot store imported articles.')
      await store.load()
      let added = 0
      let existing = 0
      for (const entry of entries) {
        const id = entry.file.id
        if (this.#bundled.some((a) => a.id === id) || store.get(id)) {
          existing++
          continue
        }
        try {
          await store.add({ article: fromContentFile(entry.file), addedAt: entry.addedAt, origin: entry.origin, format: entry.format, questionCount: null })
        } catch (e) {
          console.error('[library] restoring an article failed:', e)
          throw new UserError('io', `The articles could not be restored (${(e as NodeJS.ErrnoException).code ?? 'write error'}); ${added} were added. Nothing else was changed.`)
        }
        added++
      }
      return { added, existing }
    })
  }

  #quizFor(article: Article, signal?: AbortSignal): Promise<Question[]> {
    let quiz = this.#quizzes.get(article.id)
    if (!quiz) {
      quiz = this.#runner.generate(article, { signal }).catch((e: unknown) => {
        // Forget the failure so the next attempt tries again (a crashed worker restarts).
        this.#quizzes.delete(article.id)
        if (e instanceof JobStopped) {
          console.warn(`[library] generating the quiz of ${article.id} was stopped: ${e.reason}`)
          throw stoppedError(e)
        }
        console.error(`[library] generating the quiz of ${article.id} failed:`, e)
        throw new UserError('internal', 'The quiz for this article could not be generated. Nothing was changed; please try again.')
      })
      this.#quizzes.set(article.id, quiz)
    }
    return quiz
  }

  // Remembers a bundled article's quiz size for the next start's list; bookkeeping only, so a failure is a warning.
  #recordBundledCount(id: string, count: number): Promise<void> {
    const store = this.#store
    if (!store || store.bundledCount(id) === count) return Promise.resolve()
    return store.setBundledCount(id, count).catch((e: unknown) => console.warn(`[library] could not record the quiz size of ${id}:`, e))
  }

  // `made` hears the size of a quiz that could be made (not the 0 that stands for a failure).
  async #countOrZero(article: Article, made?: (count: number) => void): Promise<number> {
    try {
      const count = (await this.#quizFor(article)).length
      made?.(count)
      return count
    } catch {
      // The list still shows the article; opening it reports the failure.
      return 0
    }
  }

  #serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#changes.then(work)
    this.#changes = run.catch(() => undefined)
    return run
  }
}

/** Registers the library's IPC handlers: list, search, get, peek and delete (imports are registered by `setupImport`). */
export function setupLibrary(registrar: IpcRegistrar, library: Library): void {
  handle(registrar, contract.listArticles, () => library.list())
  handle(registrar, contract.searchArticles, (query) => library.search(query))
  handle(registrar, contract.getArticle, (id) => library.get(id))
  handle(registrar, contract.peekArticle, async (id) => {
    const article = await library.peekArticle(id)
    if (!article) throw new UserError('not-found', 'That article is not in the library any more.')
    return article
  })
  handle(registrar, contract.deleteArticle, (id) => library.delete(id))
  handle(registrar, contract.exportArticles, () => library.exportArticles())
  handle(registrar, contract.restoreArticles, (entries) => library.restore(entries))
}
