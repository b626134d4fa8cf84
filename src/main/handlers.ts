import { join } from 'node:path'
import { contract } from '@shared/ipc/contract'
import { loadBundledArticles } from './bundled'
import { setupImport, type ArticleDialog } from './import/import-handlers'
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
}

/** Registers every IPC handler of the app. The end-to-end tests call this too, so they run the real handlers. */
export function setupHandlers(deps: MainDeps): { library: Library } {
  const store = new LibraryStore(join(deps.dataDir, 'library'))
  const library = new Library(loadBundledArticles(), { store, quizzes: deps.quizzes, now: deps.now })
  setupLibrary(deps.registrar, library)
  setupImport(deps.registrar, library, deps.articleDialog)
  setupProgressFiles(deps.registrar, deps.dialogs, deps.today)
  handle(deps.registrar, contract.openExternal, async (url) => {
    if (!isExternalLink(url)) return { opened: false }
    await deps.openExternal(url)
    return { opened: true }
  })
  return { library }
}
