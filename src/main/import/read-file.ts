import { constants } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import { tooLargeMessage } from '@shared/import/decode'
import { refuse, type ImportError, type Imported } from '@shared/import/errors'
import { MAX_IMPORT_BYTES, type IpcError } from '@shared/ipc/contract'

// Kept apart from importer.ts so the main bundle reads files without loading the DOM and Markdown libraries,
// which only the worker needs.

/**
 * Reads a file chosen in the open dialog, refusing (never throwing) a file that vanished or cannot be read
 * between the dialog and the read, a folder, and a file over MAX_IMPORT_BYTES (checked before reading, and
 * again on the bytes, in case the file grows while it is read).
 */
export async function readImportFile(path: string): Promise<Imported<Uint8Array>> {
  let handle: Awaited<ReturnType<typeof open>> | null = null
  try {
    // Checked before opening: opening a FIFO waits for a writer forever, and a device can be read without end.
    const before = await stat(path)
    if (before.isDirectory()) return refuse(...fileError(Object.assign(new Error('directory'), { code: 'EISDIR' })))
    if (!before.isFile()) return refuse('invalid-input', notRegular)
    // Non-blocking, in case the path was swapped for a FIFO since: the open returns at once, and the check below refuses it.
    handle = await open(path, process.platform === 'win32' ? constants.O_RDONLY : constants.O_RDONLY | constants.O_NONBLOCK)
    const info = await handle.stat()
    if (info.isDirectory()) return refuse(...fileError(Object.assign(new Error('directory'), { code: 'EISDIR' })))
    if (!info.isFile()) return refuse('invalid-input', notRegular)
    if (info.size > MAX_IMPORT_BYTES) return refuse('too-large', tooLargeMessage(info.size))
    // Read at most one byte past the limit: enough to tell the file grew over it, never the whole of a huge file.
    const buffer = new Uint8Array(MAX_IMPORT_BYTES + 1)
    let length = 0
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null)
      if (bytesRead === 0) break
      length += bytesRead
      if (length === buffer.length) return refuse('too-large', tooLargeMessage(length))
    }
    return { ok: true, value: buffer.slice(0, length) }
  } catch (e) {
    return refuse(...fileError(e))
  } finally {
    await handle?.close().catch(() => undefined)
  }
}

const notRegular = 'This is not a regular file (it is a device, a pipe or a socket), so it was not read. Choose a text, Markdown or HTML file.'

/** Explains a file-system error for the person who chose the file (the message does not name it; callers may). */
export function fileError(e: unknown): [IpcError['code'], string] {
  const code = (e as NodeJS.ErrnoException | null)?.code
  switch (code) {
    case 'ENOENT':
      return ['io', 'This file could not be read: it was moved or deleted before the app could open it. Nothing was imported.']
    case 'EACCES':
    case 'EPERM':
      return ['io', 'This file could not be read: the app is not allowed to open it. Nothing was imported.']
    case 'EISDIR':
      return ['invalid-input', 'This is a folder, not a file. Choose the article file inside it.']
    default:
      return ['io', `This file could not be read (${code ?? 'read error'}). Nothing was imported.`]
  }
}

/** Prefixes a refusal's message with the file's name, for a single result that has no separate name field. */
export function named(name: string, error: ImportError): ImportError {
  return { code: error.code, message: `“${name}”: ${error.message}` }
}
