import type { Article } from '@shared/article/model'
import type { ArticleSummary, IpcResult, StudyArticle } from '@shared/ipc/contract'

/** The app's top-level views. */
export type View = 'library' | 'reader' | 'review' | 'stats'

/** A message for the user, shown in the app's notice area. */
export interface Notice {
  kind: 'error' | 'info'
  text: string
}

/**
 * Top-level app state: which view is shown, the library list, the article being read, and notices.
 * Talks to main only through `window.api` (passed in, so tests can give a stand-in).
 */
export class AppState {
  #view = $state<View>('reader')
  #articles = $state.raw<ArticleSummary[]>([])
  // Raw: the article and its questions are read-only data that is stored in IndexedDB, where proxies cannot go.
  #study = $state.raw<StudyArticle | null>(null)
  #loading = $state(true)
  #listed = $state(false)
  #notice = $state<Notice | null>(null)
  // When each article was opened in this run, so a list read while an article was opening gets its time too.
  #openedAt: Record<string, string> = {}
  // An article asked for before anything needed it (see `prefetch`), taken by the next load of that id.
  #early: { id: string; result: Promise<IpcResult<StudyArticle>> } | null = null
  // The article asked for at start, shown on its own until its quiz arrives (or the load fails).
  #peeked = $state.raw<Article | null>(null)
  #awaiting: string | null = null

  constructor(private readonly api: Window['api']) {}

  get view(): View {
    return this.#view
  }
  get articles(): ArticleSummary[] {
    return this.#articles
  }
  get study(): StudyArticle | null {
    return this.#study
  }
  /** The article to show in the reader: the open one, or at start the one whose quiz is still being made. */
  get article(): Article | null {
    return this.#study?.article ?? this.#peeked
  }
  get loading(): boolean {
    return this.#loading
  }
  /** Whether the library list has been read (or failed to be) since start: until then it is not known to be empty. */
  get listed(): boolean {
    return this.#listed
  }
  get notice(): Notice | null {
    return this.#notice
  }

  show(view: View): void {
    this.#view = view
  }

  notify(notice: Notice | null): void {
    this.#notice = notice
  }

  /** Unwraps an IPC result, turning an error into a notice; returns null on error. */
  unwrap<T>(result: IpcResult<T>): T | null {
    if (result.ok) return result.value
    this.#notice = { kind: 'error', text: result.error.message }
    return null
  }

  /**
   * Loads the library list; opens `preferId` (when it is still in the library), or the first article when
   * nothing is open yet. Says whether the list could be read. `preferId` is fetched beside the list, not after
   * it, so the article is on screen without waiting for a long library's list (main answers it from its own file).
   */
  async refreshLibrary(preferId?: string): Promise<boolean> {
    this.#loading = true
    try {
      const opening = preferId && preferId !== this.#study?.article.id ? this.#load(preferId, 'reader', true) : Promise.resolve(false)
      const [loaded, opened] = await Promise.all([this.reloadList(), opening])
      if (opened) this.#markOpened(preferId!)
      const id = this.#study?.article.id ?? this.#articles[0]?.id
      if (id && id !== this.#study?.article.id) await this.#load(id, 'reader', false)
      return loaded
    } finally {
      this.#loading = false
    }
  }

  /** Reloads the library list only (opens nothing); says whether it could be read. */
  async reloadList(): Promise<boolean> {
    const list = this.unwrap(await this.api.listArticles())
    if (list) this.#articles = list
    this.#listed = true
    return list !== null
  }

  /**
   * Asks main for article `id` now, so its quiz is generated while the views mount; the next load of that id
   * (at start, `refreshLibrary(id)`) takes this answer instead of asking again.
   */
  prefetch(id: string): void {
    // The preload asked for it as the page started, when it could; else it is asked for now.
    const result = this.api.startupGet?.(id) ?? this.api.getArticle(id)
    // Handled here too: an answer nobody ends up taking must not surface as an unhandled rejection.
    result.catch(() => undefined)
    this.#early = { id, result }
    // The article alone comes back at once, while its quiz may take a second (on a first start the quiz worker is
    // still loading): it is shown meanwhile, unless a load finished first.
    this.#awaiting = id
    ;(this.api.startupPeek?.(id) ?? this.api.peekArticle(id)).then(
      (r) => {
        if (r.ok && this.#awaiting === id && !this.#study) this.#peeked = r.value
      },
      () => undefined
    )
  }

  /** Closes the article in the reader (it was deleted): the reader then says that nothing is open. */
  close(): void {
    this.#study = null
  }

  /** Opens an article in the reader. */
  async open(id: string, view: View = 'reader'): Promise<boolean> {
    this.#loading = true
    try {
      return await this.#load(id, view, false)
    } finally {
      this.#loading = false
    }
  }

  // Fetches and shows article `id`; `quiet` says nothing when it cannot (at start: the article open last may be gone).
  async #load(id: string, view: View, quiet: boolean): Promise<boolean> {
    const early = this.#early?.id === id ? this.#early.result : null
    this.#early = null
    const result = await (early ?? this.api.getArticle(id))
    this.#awaiting = null
    this.#peeked = null
    const study = quiet ? (result.ok ? result.value : null) : this.unwrap(result)
    if (!study) return false
    this.#study = study
    this.#openedAt[id] = new Date().toISOString()
    this.#markOpened(id)
    this.#view = view
    return true
  }

  // Main recorded the opening; mirror it so the library's "last opened" order is right without a reload.
  #markOpened(id: string): void {
    const openedAt = this.#openedAt[id]
    if (!openedAt) return
    this.#articles = this.#articles.map((a) => (a.id === id ? { ...a, lastOpenedAt: openedAt } : a))
  }
}
