import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { writeFileAtomic } from '../../../src/main/import/store'
import { tempDir } from './support'

// A crash in the middle of a write: every way of writing file contents through node:fs/promises writes the
// first half and then fails, as a full disk or a killed process would leave it.
const crash = vi.hoisted(() => ({ on: false }))

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>()
  const half = (data: unknown): string => String(data).slice(0, Math.floor(String(data).length / 2))
  const open: typeof fs.open = async (...args) => {
    const handle = await fs.open(...args)
    const writeFile = handle.writeFile.bind(handle)
    handle.writeFile = (async (data: unknown) => {
      if (!crash.on) return writeFile(data as string, 'utf8')
      await writeFile(half(data), 'utf8')
      throw new Error('ENOSPC: no space left on device')
    }) as typeof handle.writeFile
    return handle
  }
  const writeFile = (async (path: Parameters<typeof fs.writeFile>[0], data: unknown, options?: Parameters<typeof fs.writeFile>[2]) => {
    if (!crash.on) return fs.writeFile(path, data as string, options)
    await fs.writeFile(path, half(data), options)
    throw new Error('ENOSPC: no space left on device')
  }) as typeof fs.writeFile
  const mocked = { ...fs, open, writeFile }
  return { ...mocked, default: mocked }
})

afterEach(() => {
  crash.on = false
})

describe('writeFileAtomic', () => {
  it('leaves the old file whole when the write fails half-way, and no temporary file behind', async () => {
    const dir = tempDir()
    const target = join(dir, 'index.json')
    writeFileSync(target, '{"old": "content that must survive"}')
    crash.on = true
    await expect(writeFileAtomic(target, `{"new": "${'x'.repeat(200)}"}`)).rejects.toThrow(/ENOSPC/)
    crash.on = false
    expect(readFileSync(target, 'utf8')).toBe('{"old": "content that must survive"}')
    expect(readdirSync(dir)).toEqual(['index.json'])
  })

  it('replaces the file by renaming a new one over it, never by rewriting it in place', async () => {
    const dir = tempDir()
    const target = join(dir, 'index.json')
    await writeFileAtomic(target, 'one')
    const before = statSync(target).ino
    await writeFileAtomic(target, 'two')
    expect(readFileSync(target, 'utf8')).toBe('two')
    // A rename puts a new file (a new inode) under the name; an in-place write keeps the old one.
    expect(statSync(target).ino).not.toBe(before)
    expect(readdirSync(dir)).toEqual(['index.json'])
  })
})
