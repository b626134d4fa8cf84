import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PendingDelete } from '../../../src/renderer/src/library/pending-delete.svelte'

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  const m = new Map<string, string>()
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k) }
}

describe('PendingDelete', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('deletes when the time is up, not before, and remembers the id until then', async () => {
    const done: string[] = []
    const storage = memoryStorage()
    const p = new PendingDelete(async (id) => void done.push(id), storage, 1000)
    await p.start({ id: 'a1', title: 'A', wasOpen: false })
    expect(p.item?.id).toBe('a1')
    expect(PendingDelete.leftOver(storage)).toBe('a1')
    await vi.advanceTimersByTimeAsync(999)
    expect(done).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(done).toEqual(['a1'])
    expect(p.item).toBeNull()
    expect(PendingDelete.leftOver(storage)).toBeNull()
  })

  it('undo cancels it; a second delete does the first at once; holding stops the clock', async () => {
    const done: string[] = []
    const storage = memoryStorage()
    const p = new PendingDelete(async (id) => void done.push(id), storage, 1000)
    await p.start({ id: 'a1', title: 'A', wasOpen: true })
    expect(p.undo()).toEqual({ id: 'a1', title: 'A', wasOpen: true })
    await vi.advanceTimersByTimeAsync(5000)
    expect(done).toEqual([])
    expect(PendingDelete.leftOver(storage)).toBeNull()

    await p.start({ id: 'b2', title: 'B', wasOpen: false })
    await p.start({ id: 'c3', title: 'C', wasOpen: false })
    expect(done).toEqual(['b2'])
    expect(PendingDelete.leftOver(storage)).toBe('c3')
    p.hold(true)
    await vi.advanceTimersByTimeAsync(5000)
    expect(done).toEqual(['b2'])
    p.hold(false)
    await vi.advanceTimersByTimeAsync(1000)
    expect(done).toEqual(['b2', 'c3'])
  })
})
