/**
 * A copy of the progress database's "last scope" (the article open when the window closed) in localStorage,
 * which reads synchronously: at start the app asks main for that article at once, without first waiting for
 * IndexedDB to open. The database keeps the real value; without a copy (first start of this version, storage
 * off) the app reads it from there.
 */
import { LAST_SCOPE_KEY as KEY } from '@shared/storage-keys'

/** The scope copied last, or null when there is none (or storage cannot be read). */
export function lastScopeHint(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): string | null {
  try {
    const value = storage?.getItem(KEY) ?? null
    return value ? value : null
  } catch {
    return null
  }
}

/** Copies `scope` (null: nothing open); a failed write removes the copy, so a stale one is never read. */
export function rememberLastScope(scope: string | null, storage: Pick<Storage, 'setItem' | 'removeItem'> | undefined = globalThis.localStorage): void {
  try {
    if (scope === null) storage?.removeItem(KEY)
    else storage?.setItem(KEY, scope)
  } catch {
    try {
      storage?.removeItem(KEY)
    } catch {
      // Storage is off entirely: the database's value is used.
    }
  }
}
