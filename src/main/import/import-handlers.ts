import { basename } from 'node:path'
import { tooLargeMessage } from '@shared/import/decode'
import type { Imported } from '@shared/import/errors'
import { contract, MAX_IMPORT_BYTES, type ImportOutcome, type OpenOutcome } from '@shared/ipc/contract'
import { handle, UserError, type IpcRegistrar } from '../ipc'
import type { Library } from '../library'
import { named, readImportFile } from './read-file'

/** The File → Open dialog for articles: Electron's `dialog` in the app, a stand-in in tests. */
export interface ArticleDialog {
  /** Asks for article files (several allowed); the chosen paths, or `[]` when the user cancels. */
  openArticles(): Promise<string[]>
}

function orThrow<T>(result: Imported<T>): T {
  if (!result.ok) throw new UserError(result.error.code, result.error.message)
  return result.value
}

/** Imports a dropped file's bytes; refusals are `UserError`s with the file's name in the message. */
export async function importFile(library: Library, file: { name: string; bytes: Uint8Array }): Promise<ImportOutcome> {
  const name = basename(file.name.replace(/\\/g, '/')) || 'file'
  const read = await library.read({ name, bytes: file.bytes })
  if (!read.ok) throw new UserError(read.error.code, named(name, read.error).message)
  return library.import(read.value, name)
}

/** Imports pasted text (`name` is a label such as "Pasted text"; an extension in it picks the format). */
export async function importText(library: Library, input: { text: string; name?: string | undefined }): Promise<ImportOutcome> {
  const bytes = Buffer.byteLength(input.text, 'utf8')
  if (bytes > MAX_IMPORT_BYTES) throw new UserError('too-large', tooLargeMessage(bytes, 'This text'))
  const read = orThrow(await library.read({ text: input.text, name: input.name }))
  return library.import(read, input.name ?? null)
}

/**
 * Imports one file from disk (a path from the open dialog). Refusals are `UserError`s whose message does not
 * name the file: File → Open reports the name beside it.
 */
export async function importPath(library: Library, path: string): Promise<ImportOutcome> {
  const bytes = orThrow(await readImportFile(path))
  const read = orThrow(await library.read({ name: basename(path), bytes }))
  return library.import(read, basename(path))
}

/**
 * File → Open: shows the dialog, then imports each chosen file in turn. Each file gets an entry: its outcome, or a
 * `failed` entry with the file's `name` and the typed error (its message does not repeat the name, so the UI can
 * show `“name”: message`), so one bad file neither hides nor undoes the others. `[]` when the user cancels.
 * Only unexpected errors (bugs) become an `internal` error for the whole call.
 */
export async function openArticles(library: Library, dialog: ArticleDialog): Promise<OpenOutcome[]> {
  const paths = await dialog.openArticles()
  const outcomes: OpenOutcome[] = []
  for (const path of paths) {
    try {
      outcomes.push(await importPath(library, path))
    } catch (e) {
      if (!(e instanceof UserError)) throw e
      outcomes.push({ status: 'failed', name: basename(path), error: { code: e.code, message: e.message } })
    }
  }
  return outcomes
}

/** Registers the import handlers: File → Open, a dropped file, pasted text. */
export function setupImport(registrar: IpcRegistrar, library: Library, dialog: ArticleDialog): void {
  handle(registrar, contract.openArticles, () => openArticles(library, dialog))
  handle(registrar, contract.importFile, (file) => importFile(library, file))
  handle(registrar, contract.importText, (input) => importText(library, input))
}
