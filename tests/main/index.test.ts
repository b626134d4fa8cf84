import { beforeAll, describe, expect, it, vi } from 'vitest'
import { electronMock, FakeBrowserWindow, fakeLinkSession, fakeSession } from '../support/electron-mock'
import { CONTENT_SECURITY_POLICY } from '../../src/main/security'

vi.mock('electron', async () => (await import('../support/electron-mock')).electronMock)

describe('main process startup (electron mocked)', () => {
  beforeAll(async () => {
    await import('../../src/main/index')
    // Let whenReady().then(start) run.
    await new Promise((r) => setTimeout(r, 0))
  })

  it('takes the single-instance lock and focuses the running window on a second launch', () => {
    expect(electronMock.app.requestSingleInstanceLock).toHaveBeenCalled()
    expect(electronMock.app.on).toHaveBeenCalledWith('second-instance', expect.any(Function))
  })

  it('serves the app from its own privileged scheme, not file://', () => {
    expect(electronMock.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })
    ])
    expect(electronMock.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function))
    expect(FakeBrowserWindow.instances[0]?.loadedUrl).toBe('app://bundle/index.html')
  })

  it('opens the window with the security checklist settings', () => {
    const prefs = FakeBrowserWindow.instances[0]?.options.webPreferences
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false
    })
    expect(String(prefs?.['preload'])).toMatch(/preload[\\/]index\.js$/)
  })

  it('denies every permission and blocks requests that leave the app', () => {
    expect(fakeSession.setPermissionRequestHandler).toHaveBeenCalled()
    const decide = fakeSession.setPermissionRequestHandler.mock.calls[0]![0] as (c: unknown, p: string, cb: (ok: boolean) => void) => void
    const cb = vi.fn()
    decide(null, 'media', cb)
    expect(cb).toHaveBeenCalledWith(false)
    const filter = fakeSession.webRequest.onBeforeRequest.mock.calls[0]![0] as (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void
    const verdict = (url: string): boolean => {
      let cancel = false
      filter({ url }, (r) => (cancel = r.cancel))
      return cancel
    }
    expect(verdict('https://tracker.example/pixel.gif')).toBe(true)
    expect(verdict('file:///etc/passwd')).toBe(true)
    expect(verdict('app://bundle/assets/index.js')).toBe(false)
  })

  it('downloads links in an in-memory session of their own, with every permission denied, leaving the window blocked', () => {
    expect(electronMock.session.fromPartition).toHaveBeenCalledWith(expect.not.stringMatching(/^persist:/), expect.anything())
    expect(fakeLinkSession.setPermissionRequestHandler).toHaveBeenCalled()
    const decide = fakeLinkSession.setPermissionRequestHandler.mock.calls[0]![0] as (c: unknown, p: string, cb: (ok: boolean) => void) => void
    const cb = vi.fn()
    decide(null, 'notifications', cb)
    expect(cb).toHaveBeenCalledWith(false)
    // The window's session keeps its one filter, which blocks remote requests.
    expect(fakeSession.webRequest.onBeforeRequest).toHaveBeenCalledTimes(1)
    expect(electronMock.ipcMain.handle).toHaveBeenCalledWith('library:add-link', expect.any(Function))
    expect(electronMock.ipcMain.handle).toHaveBeenCalledWith('questions:export', expect.any(Function))
  })

  it('blocks navigation and new windows on every web contents, sending http(s) links to the system browser', () => {
    const contents = FakeBrowserWindow.instances[0]!.webContents
    electronMock.app.emit('web-contents-created', {}, contents)
    expect(contents.emit('will-navigate', 'https://evil.example/')).toBe(true)
    expect(contents.emit('will-navigate', 'app://bundle/index.html')).toBe(false)
    expect(contents.emit('will-attach-webview')).toBe(true)
    expect(contents.windowOpenHandler?.({ url: 'https://en.wikinews.org/wiki/X' })).toEqual({ action: 'deny' })
    expect(electronMock.shell.openExternal).toHaveBeenCalledWith('https://en.wikinews.org/wiki/X')
    expect(contents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(electronMock.shell.openExternal).not.toHaveBeenCalledWith('file:///etc/passwd')
  })

  it('serves every page with the strict Content-Security-Policy', async () => {
    const serve = electronMock.protocol.handle.mock.calls[0]![1] as (r: { url: string }) => Promise<Response>
    const response = await serve({ url: 'app://bundle/does-not-exist.js' })
    expect(response.status).toBe(404)
    // The page itself, as the window loads it: the header it is served with is what Chromium enforces.
    const page = await serve({ url: 'app://bundle/index.html' })
    expect(page.status).toBe(200)
    const header = page.headers.get('content-security-policy') ?? ''
    const directives = new Map(header.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(' ')]))
    expect(directives.get('default-src')).toBe("'none'")
    expect(directives.get('script-src')).toBe("'self'")
    expect(directives.get('style-src')).toBe("'self'")
    expect(directives.get('object-src')).toBe("'none'")
    expect(directives.get('frame-ancestors')).toBe("'none'")
    expect(header).not.toMatch(/unsafe-inline|unsafe-eval|\*/)
    expect(header).toBe(CONTENT_SECURITY_POLICY)
  })

  it('registers the IPC handlers on ipcMain and installs the menu', () => {
    const channels = electronMock.ipcMain.handle.mock.calls.map((c) => c[0])
    expect(channels).toEqual(expect.arrayContaining(['library:list', 'article:get', 'progress:export', 'progress:import']))
    expect(electronMock.Menu.setApplicationMenu).toHaveBeenCalled()
  })
})

describe('second launch', () => {
  it('quits at once when another instance holds the lock', async () => {
    vi.resetModules()
    electronMock.app.singleInstanceLock = false
    electronMock.app.quit.mockClear()
    await import('../../src/main/index')
    expect(electronMock.app.quit).toHaveBeenCalled()
    electronMock.app.singleInstanceLock = true
  })
})
