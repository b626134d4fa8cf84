import { beforeAll, describe, expect, it, vi } from 'vitest'
import { electronMock } from '../../support/electron-mock'
import { tempDir } from './support'

vi.mock('electron', async () => (await import('../../support/electron-mock')).electronMock)

type Listener = (event: { senderFrame: { url: string } }, ...args: unknown[]) => Promise<unknown>

describe('File → Open for articles in the Electron app (electron mocked)', () => {
  let open: Listener

  beforeAll(async () => {
    electronMock.app.getPath.mockReturnValue(tempDir())
    await import('../../../src/main/index')
    await new Promise((r) => setTimeout(r, 0))
    const call = electronMock.ipcMain.handle.mock.calls.find((c) => c[0] === 'library:open')
    if (!call) throw new Error('library:open is not registered')
    open = call[1] as Listener
  })

  it('registers the import and delete channels on ipcMain', () => {
    const channels = electronMock.ipcMain.handle.mock.calls.map((c) => c[0])
    expect(channels).toEqual(expect.arrayContaining(['library:open', 'library:import-file', 'library:import-text', 'library:delete']))
  })

  it('shows a multi-file open dialog filtered to article formats, and returns [] when it is cancelled', async () => {
    electronMock.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] } as never)
    await expect(open({ senderFrame: { url: 'app://bundle/index.html' } })).resolves.toEqual({ ok: true, value: [] })
    const options = electronMock.dialog.showOpenDialog.mock.calls.at(-1)?.at(-1) as { properties: string[]; filters: { name: string; extensions: string[] }[] }
    expect(options.properties).toEqual(expect.arrayContaining(['openFile', 'multiSelections']))
    expect(options.filters).toEqual([{ name: 'Articles', extensions: ['txt', 'md', 'markdown', 'html', 'htm', 'json'] }])
  })
})
