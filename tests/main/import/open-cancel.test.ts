import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { openArticles } from '../../../src/main/import/import-handlers'
import type { Library } from '../../../src/main/library'
import { tempDir } from './support'

const IMPORTED = { status: 'added', summary: { id: 'some-id' } } as const

describe('File → Open: Cancel', () => {
  it('stops the selection after the file being imported: the rest are neither read nor reported', async () => {
    const dir = tempDir()
    const paths = ['a.txt', 'b.txt', 'c.txt'].map((name) => {
      const path = join(dir, name)
      writeFileSync(path, `Story ${name}\n\nSome text.`)
      return path
    })
    const controller = new AbortController()
    const read = vi.fn(async () => ({ ok: true as const, value: { article: { id: 'a' }, format: 'text' } as never }))
    const lib = {
      read,
      // The user presses Cancel while the first file is being stored.
      import: vi.fn(async () => {
        controller.abort()
        return IMPORTED
      })
    } as unknown as Library
    const outcomes = await openArticles(lib, { openArticles: async () => paths }, controller.signal)
    expect(outcomes).toEqual([IMPORTED])
    expect(read).toHaveBeenCalledTimes(1)
  })
})
