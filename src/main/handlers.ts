import { contract } from '@shared/ipc/contract'
import { loadBundledArticles } from './bundled'
import { handle, type IpcRegistrar } from './ipc'
import { Library, setupLibrary } from './library'
import { setupProgressFiles, type FileDialogs } from './progress-files'
import { isExternalLink } from './security'

/** What the handlers need from the outside world; Electron provides it in the app, tests provide stand-ins. */
export interface MainDeps {
  registrar: IpcRegistrar
  dialogs: FileDialogs
  openExternal: (url: string) => Promise<void>
  /** The app's data folder (Electron's `userData`). */
  dataDir: string
  today: () => string
}

/** Registers every IPC handler of the app. The end-to-end tests call this too, so they run the real handlers. */
export function setupHandlers(deps: MainDeps): { library: Library } {
  const library = new Library(loadBundledArticles())
  setupLibrary(deps.registrar, library)
  setupProgressFiles(deps.registrar, deps.dialogs, deps.today)
  handle(deps.registrar, contract.openExternal, async (url) => {
    if (!isExternalLink(url)) return { opened: false }
    await deps.openExternal(url)
    return { opened: true }
  })
  return { library }
}
