import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { readImportFile } from '../../../src/main/import/read-file'
import { LibraryStore, syncFolder, writeFileAtomic } from '../../../src/main/import/store'
import { MAX_IMPORT_BYTES } from '../../../src/shared/ipc/contract'
import { tempDir } from './support'

/*
 * What the disk can do between two steps, staged through node:fs/promises: a chosen file swapped for a pipe or grown
 * past the limit after it was checked, and a folder that cannot be flushed (network shares, some FUSE file systems)
 * or fails to.
 */

const fsState = vi.hoisted(() => ({
  /** Paths whose stat() answers as a small regular file, whatever they are (the check before a swap). */
  looksLikeFile: new Set<string>(),
  /** Paths whose open handle's stat() answers as a small regular file (a file that grew while it was read). */
  handleLooksSmall: new Set<string>(),
  /** The error code a folder's sync() fails with; null: it succeeds. */
  folderSyncFails: null as string | null,
  /** Folders opened for syncing, and whether each was synced and closed. */
  folderSyncs: [] as { path: string; synced: boolean; closed: boolean }[]
}))

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>()
  const small = async (path: Parameters<typeof fs.stat>[0]) => {
    const real = await fs.stat(join(String(path), '..'))
    return Object.assign(Object.create(Object.getPrototypeOf(real)), real, { size: 100, isFile: () => true, isDirectory: () => false })
  }
  const stat = (async (path: Parameters<typeof fs.stat>[0], ...rest: unknown[]) =>
    fsState.looksLikeFile.has(String(path)) ? small(path) : (fs.stat as (...a: unknown[]) => unknown)(path, ...rest)) as typeof fs.stat
  const open = (async (path: Parameters<typeof fs.open>[0], ...rest: unknown[]) => {
    const handle = await (fs.open as (...a: unknown[]) => Promise<Awaited<ReturnType<typeof fs.open>>>)(path, ...rest)
    const name = String(path)
    if (fsState.handleLooksSmall.has(name)) {
      handle.stat = (async () => small(name)) as typeof handle.stat
    }
    if (rest[0] === 'r' && (await fs.stat(name)).isDirectory()) {
      const record = { path: name, synced: false, closed: false }
      fsState.folderSyncs.push(record)
      const sync = handle.sync.bind(handle)
      const close = handle.close.bind(handle)
      handle.sync = async () => {
        if (fsState.folderSyncFails) throw Object.assign(new Error(`${fsState.folderSyncFails}: sync failed`), { code: fsState.folderSyncFails })
        await sync()
        record.synced = true
      }
      handle.close = async () => {
        record.closed = true
        await close()
      }
    }
    return handle
  }) as typeof fs.open
  const mocked = { ...fs, stat, open }
  return { ...mocked, default: mocked }
})

afterEach(() => {
  fsState.looksLikeFile.clear()
  fsState.handleLooksSmall.clear()
  fsState.folderSyncFails = null
  fsState.folderSyncs.length = 0
})

describe('a chosen file that changes after it was checked', () => {
  it.skipIf(process.platform === 'win32')('refuses a file swapped for a pipe, without waiting for a writer', async () => {
    const fifo = join(tempDir(), 'story.txt')
    execFileSync('mkfifo', [fifo])
    fsState.looksLikeFile.add(fifo)
    expect(await readImportFile(fifo)).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'This is not a regular file (it is a device, a pipe or a socket), so it was not read. Choose a text, Markdown or HTML file.' }
    })
  })

  it('stops a file that grew past the limit while it was read, reading one byte more than the limit at most', async () => {
    const path = join(tempDir(), 'growing.txt')
    writeFileSync(path, Buffer.alloc(MAX_IMPORT_BYTES + 4096, 0x61))
    fsState.handleLooksSmall.add(path)
    expect(await readImportFile(path)).toMatchObject({ ok: false, error: { code: 'too-large', message: expect.stringMatching(/^This file is over 5 MB/) } })
  })
})

describe('flushing the folder after a write', () => {
  it.skipIf(process.platform === 'win32')('syncs and closes the folder a file was written into', async () => {
    const dir = tempDir()
    await writeFileAtomic(join(dir, 'index.json'), '{}')
    expect(fsState.folderSyncs).toEqual([{ path: dir, synced: true, closed: true }])
  })

  it.each(['EINVAL', 'ENOTSUP', 'EISDIR', 'EPERM', 'EBADF'])('writes on a file system that cannot sync a folder (%s)', async (code) => {
    const dir = tempDir()
    fsState.folderSyncFails = code
    await expect(syncFolder(dir)).resolves.toBeUndefined()
    const store = new LibraryStore(join(dir, 'library'))
    await store.load()
    await store.setLastOpened('a0000000000000000', '2026-11-28T10:00:00.000Z')
    expect(store.lastOpened('a0000000000000000')).toBe('2026-11-28T10:00:00.000Z')
    expect(fsState.folderSyncs.every((s) => s.closed)).toBe(true)
  })

  it('reports a folder sync that fails for another reason (an I/O error), and still closes the folder', async () => {
    const dir = tempDir()
    fsState.folderSyncFails = 'EIO'
    await expect(syncFolder(dir)).rejects.toMatchObject({ code: 'EIO' })
    expect(fsState.folderSyncs).toEqual([{ path: dir, synced: false, closed: true }])
  })
})

describe("the library folder's leftovers", () => {
  it("removes only the index's own interrupted temporary files", async () => {
    const dir = join(tempDir(), 'library')
    mkdirSync(dir, { recursive: true })
    const names = ['index.json.4242-0a1b2c3d.tmp', 'old-index.json.4242-0a1b2c3d.tmp', 'index.json.4242-0a1b2c3d.tmp.bak', 'notes.tmp']
    for (const name of names) writeFileSync(join(dir, name), 'x')
    await new LibraryStore(dir).load()
    expect(readdirSync(dir).sort()).toEqual(names.slice(1).sort())
  })
})
