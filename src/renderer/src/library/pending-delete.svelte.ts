/** How long a deleted article can be brought back from the toast (or with Ctrl+Z) before it is gone. */
export const UNDO_DELETE_MS = 10_000

import { PENDING_DELETE_KEY as KEY } from '@shared/storage-keys'

/** An article the user deleted, still recoverable. */
export interface PendingItem {
  id: string
  title: string
  /** Whether it was open in the reader, so undo can open it again. */
  wasOpen: boolean
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

/**
 * A delete that waits a few seconds before it happens, so it can be undone: the article is hidden at once and
 * deleted (with its progress, by `commit`) when the time is up, when another delete starts, or on the next
 * start if the app closed first (its id is kept in `storage` until the delete is done).
 */
export class PendingDelete {
  #item = $state<PendingItem | null>(null)
  #timer: ReturnType<typeof setTimeout> | null = null

  constructor(
    private readonly commit: (id: string) => Promise<void>,
    private readonly storage: Store | null = globalThis.localStorage ?? null,
    private readonly delayMs: number = UNDO_DELETE_MS
  ) {}

  /** The delete waiting to happen, or null. */
  get item(): PendingItem | null {
    return this.#item
  }

  /** The id of a delete an earlier run could not finish before it closed, or null. */
  static leftOver(storage: Store | null = globalThis.localStorage ?? null): string | null {
    try {
      return storage?.getItem(KEY) ?? null
    } catch {
      return null
    }
  }

  /** Forgets a left-over delete once it is done. */
  static clearLeftOver(storage: Store | null = globalThis.localStorage ?? null): void {
    try {
      storage?.removeItem(KEY)
    } catch {
      // Nothing kept, nothing to clear.
    }
  }

  /** Starts the countdown for `item`; a delete already waiting is done first. */
  async start(item: PendingItem): Promise<void> {
    await this.flush()
    this.#item = item
    try {
      this.storage?.setItem(KEY, item.id)
    } catch {
      // Without storage the delete still happens when the time is up; only a close before then would lose it.
    }
    this.#timer = setTimeout(() => void this.flush(), this.delayMs)
  }

  /**
   * Stops the time while the user is on the toast (pointer or keyboard focus), so reaching "Undo" never races
   * the clock; when they leave, the full time starts again.
   */
  hold(held: boolean): void {
    if (!this.#item) return
    if (this.#timer !== null) clearTimeout(this.#timer)
    this.#timer = held ? null : setTimeout(() => void this.flush(), this.delayMs)
  }

  /** Cancels the waiting delete and returns it, or null when there is none. */
  undo(): PendingItem | null {
    const item = this.#item
    this.#stop()
    PendingDelete.clearLeftOver(this.storage)
    return item
  }

  /** Does the waiting delete now. */
  async flush(): Promise<void> {
    const item = this.#item
    if (!item) return
    this.#stop()
    try {
      await this.commit(item.id)
    } finally {
      // Kept until done, so a close in the middle finishes it on the next start.
      if (PendingDelete.leftOver(this.storage) === item.id) PendingDelete.clearLeftOver(this.storage)
    }
  }

  #stop(): void {
    if (this.#timer !== null) clearTimeout(this.#timer)
    this.#timer = null
    this.#item = null
  }
}
