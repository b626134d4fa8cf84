import { join } from 'node:path'
import { contract } from '@shared/ipc/contract'
import { loadBundledArticles } from './bundled'
import { setupExport, type ExportDialog } from './export/export-handlers'
import type { PageFetch } from './import/fetch-page'
import { setupImport, type ArticleDialog } from './import/import-handlers'
import { LinkImports, setupLinks } from './import/link-import'
import { LibraryStore } from './import/store'
import { handle, type IpcRegistrar } from './ipc'
import { Library, setupLibrary } from './library'
import { setupProgressFiles, type FileDialogs } from './progress-files'
import type { QuizRunner } from './quiz-runner'
import { isExternalLink } from './security'

/** What the handlers need from the outside world; Electron provides it in the app, tests provide stand-ins. */
export interface MainDeps {
  registrar: IpcRegistrar
  dialogs: FileDialogs
  /** File → Open for articles (several files, filtered to the article formats). */
  articleDialog: ArticleDialog
  openExternal: (url: string) => Promise<void>
  /** The app's data folder (Electron's `userData`); imported articles live in `<dataDir>/library/`. */
  dataDir: string
  today: () => string
  /** Where quizzes are generated: the app passes a worker runner; by default they run in-process (tests, harness). */
  quizzes?: QuizRunner
  /** The clock for import and last-opened times; `new Date()` by default. */
  now?: () => Date
  /** How pages are downloaded for "Add from link": Electron's network stack in the app, Node's `fetch` by default. */
  pageFetch?: PageFetch
  /** Electron's `net.isOnline()`. */
  isOnline?: () => boolean
  /** Sends a main → renderer message (link download progress) to the app window. */
  send?: (channel: string, payload: unknown) => void
  /** Overrides the 20 s time limit of a link download (tests). */
  linkTimeoutMs?: number
  /** The save dialog of "Export questions"; no dialog means every export is "cancelled". */
  exportDialog?: ExportDialog
}

/** Registers every IPC handler of the app. The end-to-end tests call this too, so they run the real handlers. */
export function setupHandlers(deps: MainDeps): { library: Library } {
  const store = new LibraryStore(join(deps.dataDir, 'library'))
  const library = new Library(loadBundledArticles(), { store, quizzes: deps.quizzes, now: deps.now })
  // The window asks for the article open last (and its quiz) as soon as it loads: the worker loads meanwhile.
  deps.quizzes?.prestart?.()
  setupLibrary(deps.registrar, library)
  setupImport(deps.registrar, library, deps.articleDialog)
  setupProgressFiles(deps.registrar, deps.dialogs, deps.today)
  setupLinks(
    deps.registrar,
    new LinkImports(library, { fetch: deps.pageFetch ?? ((url, init) => fetch(url, init)), isOnline: deps.isOnline, send: deps.send, timeoutMs: deps.linkTimeoutMs })
  )
  setupExport(deps.registrar, library, deps.exportDialog ?? { save: async () => null }, deps.now ?? (() => new Date()))
  handle(deps.registrar, contract.openExternal, async (url) => {
    if (!isExternalLink(url)) return { opened: false }
    await deps.openExternal(url)
    return { opened: true }
  })
  return { library }
}
