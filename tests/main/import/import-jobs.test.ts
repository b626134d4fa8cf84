import { describe, expect, it, vi } from 'vitest'
import { UserError } from '../../../src/main/ipc'
import { ImportJobs, importFile, importText } from '../../../src/main/import/import-handlers'
import type { Library } from '../../../src/main/library'
import { CANCELLED_MESSAGE } from '../../../src/main/library'
import { MAX_IMPORT_BYTES } from '../../../src/shared/ipc/contract'

/*
 * The import handlers over a stand-in library: what name a dropped file is reported under, which refusals get it,
 * and the job table that lets Cancel find a running import.
 */

const IMPORTED = { status: 'added', summary: { id: 'some-id' } } as const

function library(read: Library['read']): Library & { imported: unknown[][] } {
  const imported: unknown[][] = []
  return {
    read,
    import: vi.fn(async (...args: unknown[]) => {
      imported.push(args)
      return IMPORTED
    }),
    imported
  } as unknown as Library & { imported: unknown[][] }
}

const readOk = async () => ({ ok: true as const, value: { article: { id: 'a' }, format: 'text' } as never })

async function userError(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p
  } catch (e) {
    if (e instanceof UserError) return { code: e.code, message: e.message }
    throw e
  }
  throw new Error('expected a UserError')
}

describe('importFile: the name a dropped file is known by', () => {
  it('uses the file name without its folder, from a Windows or a POSIX path, and "file" when there is none', async () => {
    const names: (string | undefined)[] = []
    const lib = library(async (input) => {
      names.push(input.name)
      return readOk()
    })
    await importFile(lib, { name: 'C:\\Users\\ana\\story.txt', bytes: new Uint8Array(1) })
    await importFile(lib, { name: '/home/ana/news/story.md', bytes: new Uint8Array(1) })
    await importFile(lib, { name: '', bytes: new Uint8Array(1) })
    expect(names).toEqual(['story.txt', 'story.md', 'file'])
    expect(lib.imported.map((args) => args[1])).toEqual(['story.txt', 'story.md', 'file'])
  })

  it('puts the name before a refusal, a time-out and a cancel, and lets other errors through unchanged', async () => {
    const refused = library(async () => ({ ok: false, error: { code: 'empty', message: 'There is no text here.' } }))
    expect(await userError(importFile(refused, { name: 'a.txt', bytes: new Uint8Array(1) }))).toEqual({ code: 'empty', message: '“a.txt”: There is no text here.' })
    for (const code of ['timed-out', 'cancelled'] as const) {
      const slow = library(async () => {
        throw new UserError(code, 'It stopped.')
      })
      expect(await userError(importFile(slow, { name: 'b.txt', bytes: new Uint8Array(1) }))).toEqual({ code, message: '“b.txt”: It stopped.' })
    }
    const other = library(async () => {
      throw new UserError('io', 'Disk error.')
    })
    expect(await userError(importFile(other, { name: 'c.txt', bytes: new Uint8Array(1) }))).toEqual({ code: 'io', message: 'Disk error.' })
    const bug = new TypeError('bug')
    await expect(importFile(library(async () => Promise.reject(bug)), { name: 'd.txt', bytes: new Uint8Array(1) })).rejects.toBe(bug)
  })

  it('stores nothing when Cancel came while the file was read', async () => {
    const controller = new AbortController()
    const lib = library(async () => {
      controller.abort()
      return readOk()
    })
    expect(await userError(importFile(lib, { name: 'a.txt', bytes: new Uint8Array(1) }, controller.signal))).toEqual({ code: 'cancelled', message: CANCELLED_MESSAGE })
    expect(lib.imported).toEqual([])
  })
})

describe('importText', () => {
  it('refuses text over the limit in UTF-8 bytes before reading it, and imports it under its label', async () => {
    const read = vi.fn(readOk)
    const lib = library(read)
    // Under the limit in characters, over it in bytes: "é" is two bytes.
    const text = 'é'.repeat(MAX_IMPORT_BYTES / 2 + 1)
    const e = await userError(importText(lib, { text }))
    expect(e.code).toBe('too-large')
    expect(e.message).toMatch(/^This text is over 5 MB/)
    expect(read).not.toHaveBeenCalled()
    expect(await importText(lib, { text: 'x'.repeat(10), name: 'Pasted text' })).toBe(IMPORTED)
    expect(await importText(lib, { text: 'y' })).toBe(IMPORTED)
    expect(lib.imported.map((args) => args[1])).toEqual(['Pasted text', null])
  })

  it('reads text of exactly the limit, as a file of that size is read', async () => {
    const read = vi.fn(readOk)
    const lib = library(read)
    expect(await importText(lib, { text: 'é'.repeat(MAX_IMPORT_BYTES / 2) })).toBe(IMPORTED)
    expect(read).toHaveBeenCalledTimes(1)
  })
})

describe('ImportJobs', () => {
  it('lets Cancel stop the import running under a job id, once, and frees the id when it ends', async () => {
    const jobs = new ImportJobs()
    let signal: AbortSignal | undefined
    let finish = (): void => undefined
    const running = jobs.run('job-1', (s) => {
      signal = s
      return new Promise<string>((ok) => (finish = () => ok('done')))
    })
    expect(signal!.aborted).toBe(false)
    expect(jobs.cancel('job-2')).toBe(false)
    expect(jobs.cancel('job-1')).toBe(true)
    expect(signal!.aborted).toBe(true)
    finish()
    expect(await running).toBe('done')
    expect(jobs.cancel('job-1')).toBe(false)
    // The id is free again, even after a failure.
    await expect(jobs.run('job-1', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    expect(await jobs.run('job-1', async () => 'again')).toBe('again')
  })

  it('refuses a second import under a job id that is running', async () => {
    const jobs = new ImportJobs()
    let finish = (): void => undefined
    const first = jobs.run('job-1', () => new Promise<void>((ok) => (finish = ok)))
    expect(await userError(jobs.run('job-1', async () => 'second'))).toEqual({ code: 'bad-request', message: 'An import with this job id is already running.' })
    // The refused second run did not take the first one's place.
    expect(jobs.cancel('job-1')).toBe(true)
    finish()
    await first
  })

  it('runs an import without an id with a signal of its own that nothing can cancel', async () => {
    const jobs = new ImportJobs()
    const signals: AbortSignal[] = []
    await Promise.all([jobs.run(undefined, async (s) => signals.push(s)), jobs.run(undefined, async (s) => signals.push(s))])
    expect(signals).toHaveLength(2)
    expect(signals[0]).not.toBe(signals[1])
    expect(signals.every((s) => !s.aborted)).toBe(true)
  })
})
