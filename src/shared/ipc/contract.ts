import * as v from 'valibot'
import type { Article } from '../article/model'
import { QuestionSnapshotSchema } from '../progress/model'
import type { Question } from '../quiz/model'
import { BackupArticlesSchema, type BackupArticle } from '../progress/backup'

/**
 * The one place that names every IPC channel (`feature:verb`), its argument schema and its result type.
 * Main validates arguments against these schemas; the preload builds its methods from this table, and the
 * renderer's `window.api` type is derived from the preload, so no signature is written twice.
 */

/** An error a handler returns instead of throwing; `message` is written for the user. */
export interface IpcError {
  code: 'bad-request' | 'forbidden' | 'not-found' | 'invalid-input' | 'too-large' | 'io' | 'cancelled' | 'timed-out' | 'internal' | ImportErrorCode | LinkErrorCode
  message: string
}

/**
 * Why a page could not be saved from a link: not an http(s) link, no network, the site unreachable, too slow,
 * an error status, too many redirects (or a loop), or something other than a page (a PDF, an image).
 */
export type LinkErrorCode = 'bad-link' | 'offline' | 'network' | 'timeout' | 'http' | 'redirects' | 'not-a-page'

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

/** An import's name for `cancelImport`, chosen by the renderer when it starts the import. */
export const ImportJobId = v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,64}$/, 'not an import job id'))

export const ImportFile = v.strictObject({
  name: v.pipe(v.string(), v.maxLength(1024)),
  bytes: v.pipe(v.instance(Uint8Array), v.maxLength(MAX_IMPORT_BYTES + 1)),
  job: v.optional(ImportJobId)
})

export const ImportText = v.strictObject({
  text: v.pipe(v.string(), v.maxLength(MAX_IMPORT_BYTES + 1)),
  name: v.optional(v.pipe(v.string(), v.maxLength(1024))),
  job: v.optional(ImportJobId)
})

/** Names one link download, so the renderer can follow its progress and cancel it. */
export const LinkRequestId = v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,64}$/i, 'not a request id'))

export const LinkRequest = v.strictObject({
  url: v.pipe(v.string(), v.trim(), v.minLength(1, 'the link is empty'), v.maxLength(2048, 'the link is too long')),
  requestId: LinkRequestId
})

/** Main → renderer while a link downloads (channel `LINK_PROGRESS_CHANNEL`): bytes so far, and the announced size. */
export interface LinkProgress {
  requestId: string
  received: number
  total: number | null
}

export const LINK_PROGRESS_CHANNEL = 'link:progress'

/** Most questions one export request may carry (the missed questions the renderer sends). */
export const MAX_EXPORT_QUESTIONS = 20_000

/** Questions the renderer holds (the missed ones live in its database): each with its article. */
export const ExportItem = v.strictObject({
  articleId: ArticleId,
  articleTitle: v.pipe(v.string(), v.maxLength(2000)),
  question: QuestionSnapshotSchema
})

/**
 * What to export: one article's quiz or every article's (main has them), or questions the renderer passes (the
 * missed ones); as an Anki package or tab-separated text.
 */
export const ExportRequest = v.strictObject({
  format: v.picklist(['apkg', 'tsv'] as const),
  scope: v.variant('kind', [
    v.strictObject({ kind: v.literal('article'), id: ArticleId }),
    v.strictObject({ kind: v.literal('all') }),
    v.strictObject({
      kind: v.literal('questions'),
      /** Names the selection in the file name ("missed"). */
      label: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,40}$/, 'not a label')),
      items: v.pipe(v.array(ExportItem), v.minLength(1, 'there are no questions to export'), v.maxLength(MAX_EXPORT_QUESTIONS))
    })
  ])
})

export type ExportRequestInput = v.InferInput<typeof ExportRequest>

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
   * One article without its quiz, at once: no quiz is made and the opening is not recorded. At start the reader
   * shows it while `getArticle` makes the quiz (on a first start the quiz worker is still loading).
   */
  peekArticle: channel<Article>()('article:peek', v.strictTuple([ArticleId])),
  /**
   * File → Open: a dialog in main (several files allowed), then each chosen file is imported in turn. One entry per
   * file; a file that fails is a `failed` entry rather than an error, so the files before and after it still count.
   * An empty array means the user cancelled the dialog. With a job id, `cancelImport` can stop it.
   */
  openArticles: channel<OpenOutcome[]>()('library:open', v.strictTuple([v.optional(ImportJobId)])),
  /** A file dropped on the window: its name and bytes. */
  importFile: channel<ImportOutcome>()('library:import-file', v.strictTuple([ImportFile])),
  /** Pasted text. */
  importText: channel<ImportOutcome>()('library:import-text', v.strictTuple([ImportText])),
  /**
   * Cancels the running import started with this job id (a file, a paste, or the rest of a File → Open selection):
   * its work is ended and it fails with `cancelled`, storing nothing. `cancelled: false` when no such import runs.
   */
  cancelImport: channel<{ cancelled: boolean }>()('library:cancel-import', v.strictTuple([ImportJobId])),
  /** Deletes an imported article (bundled ones cannot be deleted). */
  deleteArticle: channel<{ deleted: true }>()('library:delete', v.strictTuple([ArticleId])),
  /** Saves an export of the user's progress through a save dialog; `saved: false` when the user cancels. */
  exportProgress: channel<{ saved: boolean; path: string | null }>()(
    'progress:export',
    v.strictTuple([v.pipe(v.string(), v.maxLength(200 * 1024 * 1024))])
  ),
  /** Reads a progress file chosen in an open dialog; `text: null` when the user cancels. */
  importProgress: channel<{ text: string | null; path: string | null }>()('progress:import', v.strictTuple([])),
  /**
   * Saves a web page for offline study: main downloads it (progress on `LINK_PROGRESS_CHANNEL`), reads the article
   * and stores it with its link. A link already saved, or a page whose text is already stored, gives `exists`.
   */
  addFromLink: channel<ImportOutcome>()('library:add-link', v.strictTuple([LinkRequest])),
  /** Stops a link download; `cancelled: false` when it had already finished. */
  cancelLink: channel<{ cancelled: boolean }>()('library:cancel-link', v.strictTuple([LinkRequestId])),
  /** Exports questions through a save dialog; `saved: false` when the user cancels. */
  exportQuestions: channel<{ saved: boolean; path: string | null; count: number }>()('questions:export', v.strictTuple([ExportRequest])),
  /** The user's imported articles with their library bookkeeping, for a backup (bundled ones come with the app). */
  exportArticles: channel<BackupArticle[]>()('library:export', v.strictTuple([])),
  /**
   * Restores articles from a backup: each one not in the library yet is added with its original import time,
   * file name and format; `existing` counts those already there (nothing is overwritten).
   */
  restoreArticles: channel<{ added: number; existing: number }>()('library:restore', v.strictTuple([BackupArticlesSchema])),
  /** Opens an http(s) link in the system browser. */
  openExternal: channel<{ opened: boolean }>()('shell:open-external', v.strictTuple([v.pipe(v.string(), v.url(), v.maxLength(2048))]))
} as const

export type Contract = typeof contract
export type ChannelName = Contract[keyof Contract]['name']

/** Commands the application menu sends to the window (main → renderer, channel `menu:command`). */
export type MenuCommand =
  | 'open-article'
  | 'paste-article'
  | 'add-link'
  | 'export-questions'
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
  'add-link',
  'export-questions',
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
