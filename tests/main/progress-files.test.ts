import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportProgress, importProgress } from '../../src/main/progress-files'
import { UserError } from '../../src/main/ipc'

const dir = mkdtempSync(join(tmpdir(), 'newsquiz-progress-'))
const dialogs = (save: string | null, open: string | null) => ({ save: async () => save, open: async () => open })

describe('progress files', () => {
  it('writes the export where the user chose, and reports a cancelled dialog', async () => {
    const path = join(dir, 'out.json')
    await expect(exportProgress(dialogs(path, null), '{"a":1}', '2026-11-28')).resolves.toEqual({ saved: true, path })
    expect(readFileSync(path, 'utf8')).toBe('{"a":1}')
    await expect(exportProgress(dialogs(null, null), '{}', '2026-11-28')).resolves.toEqual({ saved: false, path: null })
  })

  it('reads the chosen file, and explains a missing or unwritable one', async () => {
    const path = join(dir, 'in.json')
    writeFileSync(path, '{"b":2}')
    await expect(importProgress(dialogs(null, path))).resolves.toEqual({ text: '{"b":2}', path })
    await expect(importProgress(dialogs(null, null))).resolves.toEqual({ text: null, path: null })
    const missing = importProgress(dialogs(null, join(dir, 'gone.json')))
    await expect(missing).rejects.toBeInstanceOf(UserError)
    await expect(missing).rejects.toThrow(/could not be read.*Nothing was changed/)
    await expect(exportProgress(dialogs(join(dir, 'no/such/dir/x.json'), null), '{}', 'd')).rejects.toThrow(/could not be saved/)
  })
})
