import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fileError, named, readImportFile } from '../../../src/main/import/read-file'
import { MAX_IMPORT_BYTES } from '../../../src/shared/ipc/contract'
import { tempDir } from './support'

describe('reading a chosen file at the size limit', () => {
  it('reads a file of exactly the limit in full, and refuses one byte more', async () => {
    const dir = tempDir()
    const exact = join(dir, 'exact.txt')
    writeFileSync(exact, Buffer.alloc(MAX_IMPORT_BYTES, 0x61))
    const read = await readImportFile(exact)
    expect(read.ok && read.value.length).toBe(MAX_IMPORT_BYTES)
    expect(read.ok && read.value.every((b) => b === 0x61)).toBe(true)
    const over = join(dir, 'over.txt')
    writeFileSync(over, Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x61))
    expect(await readImportFile(over)).toEqual({ ok: false, error: { code: 'too-large', message: 'This file is over 5 MB (5.0 MB); the app imports articles up to 5 MB. Nothing was imported.' } })
  })

  it('reads an empty file as no bytes', async () => {
    const path = join(tempDir(), 'empty.txt')
    writeFileSync(path, '')
    expect(await readImportFile(path)).toEqual({ ok: true, value: new Uint8Array(0) })
  })
})

describe('file errors in words', () => {
  it('says "read error" when the system gives no code, and names a refused file in front of its message', () => {
    expect(fileError(new Error('odd'))).toEqual(['io', 'This file could not be read (read error). Nothing was imported.'])
    expect(fileError(null)).toEqual(['io', 'This file could not be read (read error). Nothing was imported.'])
    expect(fileError(Object.assign(new Error('x'), { code: 'ENOENT' }))).toEqual(['io', 'This file could not be read: it was moved or deleted before the app could open it. Nothing was imported.'])
    expect(fileError(Object.assign(new Error('x'), { code: 'EISDIR' }))).toEqual(['invalid-input', 'This is a folder, not a file. Choose the article file inside it.'])
    expect(named('story.txt', { code: 'empty', message: 'There is no text here.' })).toEqual({ code: 'empty', message: '“story.txt”: There is no text here.' })
  })
})
