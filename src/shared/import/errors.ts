import type { IpcError } from '../ipc/contract'

/** A refused import: a typed code and a message written for the person importing (never a stack trace). */
export interface ImportError {
  code: IpcError['code']
  message: string
}

/** The result of an import step: its value, or why the input was refused. */
export type Imported<T> = { ok: true; value: T } | { ok: false; error: ImportError }

/** Shorthand for a refused import. */
export function refuse<T>(code: IpcError['code'], message: string): Imported<T> {
  return { ok: false, error: { code, message } }
}
