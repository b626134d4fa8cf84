import { readFile, stat, writeFile } from 'node:fs/promises'
import { contract } from '@shared/ipc/contract'
import { handle, UserError, type IpcRegistrar } from './ipc'

/** Largest progress file the app will read: far above any real history, small enough to never hang the app. */
export const MAX_PROGRESS_FILE_BYTES = 200 * 1024 * 1024

/** The dialogs progress files need; Electron's `dialog` in the app, a stand-in in tests. */
export interface FileDialogs {
  save(options: { title: string; defaultName: string }): Promise<string | null>
  open(options: { title: string }): Promise<string | null>
}

/** Writes `text` to a file the user picks. */
export async function exportProgress(dialogs: FileDialogs, text: string, today: string): Promise<{ saved: boolean; path: string | null }> {
  const path = await dialogs.save({ title: 'Export progress', defaultName: `news-quiz-progress-${today}.json` })
  if (!path) return { saved: false, path: null }
  try {
    await writeFile(path, text, 'utf8')
  } catch (e) {
    throw new UserError('io', `The progress file could not be saved (${(e as NodeJS.ErrnoException).code ?? 'write error'}). Nothing was changed.`)
  }
  return { saved: true, path }
}

/** Reads a progress file the user picks; the renderer validates its contents before changing anything. */
export async function importProgress(dialogs: FileDialogs): Promise<{ text: string | null; path: string | null }> {
  const path = await dialogs.open({ title: 'Import progress' })
  if (!path) return { text: null, path: null }
  try {
    const info = await stat(path)
    if (info.size > MAX_PROGRESS_FILE_BYTES) throw new UserError('too-large', 'That file is too large to be a progress file. Nothing was changed.')
    return { text: await readFile(path, 'utf8'), path }
  } catch (e) {
    if (e instanceof UserError) throw e
    throw new UserError('io', `The file could not be read (${(e as NodeJS.ErrnoException).code ?? 'read error'}). Nothing was changed.`)
  }
}

/** Registers the progress export/import handlers. */
export function setupProgressFiles(registrar: IpcRegistrar, dialogs: FileDialogs, today: () => string): void {
  handle(registrar, contract.exportProgress, (text) => exportProgress(dialogs, text, today()))
  handle(registrar, contract.importProgress, () => importProgress(dialogs))
}
