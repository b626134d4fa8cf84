import * as v from 'valibot'
import type { Article } from '../article/model'
import type { Question } from '../quiz/model'

/**
 * The one place that names every IPC channel (`feature:verb`), its argument schema and its result type.
 * Main validates arguments against these schemas; the preload builds its methods from this table, and the
 * renderer's `window.api` type is derived from the preload, so no signature is written twice.
 */

/** An error a handler returns instead of throwing; `message` is written for the user. */
export interface IpcError {
  code: 'bad-request' | 'forbidden' | 'not-found' | 'invalid-input' | 'too-large' | 'io' | 'cancelled' | 'internal' | ImportErrorCode
  message: string
}

/**
 * Why an import was refused (besides `too-large`, `io` and `invalid-input`): the file or text is empty, is
 * not text, is in an encoding the app will not guess, or holds no article. Nothing is stored on any of them.
 */
export type ImportErrorCode = 'empty' | 'binary' | 'unknown-encoding' | 'no-article'

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError }

/** One request/response channel: its name, the schema of its argument list, and (as a phantom) its result. */
export interface Channel<A extends v.GenericSchema<unknown[]>, R> {
  readonly name: string
  readonly args: A
  /** Type-only: never set at runtime. */
  readonly result?: R
}

function channel<R>() {
  return <A extends v.GenericSchema<unknown[]>>(name: string, args: A): Channel<A, R> => ({ name, args })
}

export const ArticleId = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{2,80}$/, 'not an article id'))

/** What the library shows of an article without loading it. */
export interface ArticleSummary {
  id: string
  title: string
  date: string | null
  dateLabel: string | null
  source: string | null
  /** First words of the body, for the library list and search. */
  excerpt: string
  wordCount: number
  questionCount: number
  /** Shipped with the app (cannot be deleted) or imported by the user. */
  bundled: boolean
  /** ISO time the user imported it; null for bundled articles. */
  addedAt: string | null
  /** ISO time the user last opened it; null when never opened. */
  lastOpenedAt: string | null
  licenceCredit: string | null
}

/** An article with its generated quiz. */
export interface StudyArticle {
  article: Article
  questions: Question[]
}

/** What an import did: added a new article, or found the same text already in the library. */
export interface ImportOutcome {
  status: 'added' | 'exists'
  summary: ArticleSummary
}

/**
 * One file of a File → Open selection that could not be imported: its file name and a typed, user-facing error
 * (the code `importFile` would give; the message does not repeat the file name, so show `“name”: message`).
 * Nothing was stored for it; the other files are unaffected.
 */
export interface ImportFailure {
  status: 'failed'
  /** The file's name (no folder), to show beside the message. */
  name: string
  error: IpcError
}

/** What File → Open did with each chosen file, in the order the dialog returned them. */
export type OpenOutcome = ImportOutcome | ImportFailure

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024

export const ImportFile = v.strictObject({
  name: v.pipe(v.string(), v.maxLength(1024)),
  bytes: v.pipe(v.instance(Uint8Array), v.maxLength(MAX_IMPORT_BYTES + 1))
})

export const ImportText = v.strictObject({
  text: v.pipe(v.string(), v.maxLength(MAX_IMPORT_BYTES + 1)),
  name: v.optional(v.pipe(v.string(), v.maxLength(1024)))
})

export const contract = {
  /** Every article in the library, bundled first, then imported ones. */
  listArticles: channel<ArticleSummary[]>()('library:list', v.strictTuple([])),
  /**
   * Ids of the articles whose title, source, byline, headings or full text contain every word of the query
   * (ignoring case, accents and punctuation), in library order; every id for a blank query. Searching in main
   * spares the renderer from loading every article's text (and from marking them all as opened).
   */
  searchArticles: channel<string[]>()('library:search', v.strictTuple([v.pipe(v.string(), v.maxLength(500))])),
  /** One article with its quiz. Counts as opening it: its `lastOpenedAt` becomes now. */
  getArticle: channel<StudyArticle>()('article:get', v.strictTuple([ArticleId])),
  /**
   * File → Open: a dialog in main (several files allowed), then each chosen file is imported in turn. One entry per
   * file; a file that fails is a `failed` entry rather than an error, so the files before and after it still count.
   * An empty array means the user cancelled the dialog.
   */
  openArticles: channel<OpenOutcome[]>()('library:open', v.strictTuple([])),
  /** A file dropped on the window: its name and bytes. */
  importFile: channel<ImportOutcome>()('library:import-file', v.strictTuple([ImportFile])),
  /** Pasted text. */
  importText: channel<ImportOutcome>()('library:import-text', v.strictTuple([ImportText])),
  /** Deletes an imported article (bundled ones cannot be deleted). */
  deleteArticle: channel<{ deleted: true }>()('library:delete', v.strictTuple([ArticleId])),
  /** Saves an export of the user's progress through a save dialog; `saved: false` when the user cancels. */
  exportProgress: channel<{ saved: boolean; path: string | null }>()(
    'progress:export',
    v.strictTuple([v.pipe(v.string(), v.maxLength(200 * 1024 * 1024))])
  ),
  /** Reads a progress file chosen in an open dialog; `text: null` when the user cancels. */
  importProgress: channel<{ text: string | null; path: string | null }>()('progress:import', v.strictTuple([])),
  /** Opens an http(s) link in the system browser. */
  openExternal: channel<{ opened: boolean }>()('shell:open-external', v.strictTuple([v.pipe(v.string(), v.url(), v.maxLength(2048))]))
} as const

export type Contract = typeof contract
export type ChannelName = Contract[keyof Contract]['name']

/** Commands the application menu sends to the window (main → renderer, channel `menu:command`). */
export type MenuCommand =
  | 'open-article'
  | 'paste-article'
  | 'show-library'
  | 'show-reader'
  | 'show-review'
  | 'show-stats'
  | 'export-progress'
  | 'import-progress'
  | 'show-shortcuts'
  | 'show-settings'
  | 'undo'

export const MENU_CHANNEL = 'menu:command'
export const MenuCommandSchema = v.picklist([
  'open-article',
  'paste-article',
  'show-library',
  'show-reader',
  'show-review',
  'show-stats',
  'export-progress',
  'import-progress',
  'show-shortcuts',
  'show-settings',
  'undo'
] as const satisfies readonly MenuCommand[])
