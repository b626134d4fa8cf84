import { describe, expect, it, vi } from 'vitest'
import {
  APP_ORIGIN,
  blockRemoteRequests,
  CONTENT_SECURITY_POLICY,
  denyAllPermissions,
  guardWebContents,
  isAppUrl,
  isExternalLink,
  secureWebPreferences
} from '../../src/main/security'
import { FakeWebContents } from '../support/electron-mock'

type PermissionRequest = (contents: unknown, permission: string, callback: (granted: boolean) => void, details?: unknown) => void
type PermissionCheck = (contents: unknown, permission: string, origin?: string, details?: unknown) => boolean
type RequestFilter = (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void

// What a page may ask for (Electron's permission names): a reader needs none of them.
const PERMISSIONS = ['media', 'geolocation', 'notifications', 'midi', 'midiSysex', 'pointerLock', 'fullscreen', 'openExternal', 'clipboard-read', 'clipboard-sanitized-write', 'display-capture', 'hid', 'serial', 'usb', 'idle-detection', 'window-management', 'unknown']

function guarded(devServerUrl?: string): { contents: FakeWebContents; openExternal: ReturnType<typeof vi.fn> } {
  const contents = new FakeWebContents()
  const openExternal = vi.fn()
  guardWebContents(contents as never, openExternal, devServerUrl)
  return { contents, openExternal }
}

describe('window settings', () => {
  it('follows the Electron security checklist, with drag-and-drop navigation off', () => {
    expect(secureWebPreferences('/app/preload.js')).toEqual({
      preload: '/app/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // A file dropped outside the drop zone would otherwise replace the app with the file's page.
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false
    })
  })
})

describe('which links leave the app', () => {
  it('sends only http(s) links to the system browser', () => {
    expect(isExternalLink('https://en.wikinews.org/wiki/X')).toBe(true)
    expect(isExternalLink('http://example.org/')).toBe(true)
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'app://bundle/index.html', 'smb://host/share', 'mailto:a@b.c', 'not a url', '']) {
      expect(isExternalLink(url), url).toBe(false)
    }
  })

  it('counts as the app only its own origin, exactly, or the dev server origin', () => {
    expect(isAppUrl(`${APP_ORIGIN}/index.html`, undefined)).toBe(true)
    expect(isAppUrl('app://bundle/assets/x.js', undefined)).toBe(true)
    // A prefix is not the origin: another host that starts with the same letters is foreign.
    for (const url of ['app://bundle.evil.example/index.html', 'app://bundleevil/x', 'app://bundle', 'https://bundle/', 'http://127.0.0.1:5173/']) {
      expect(isAppUrl(url, undefined), url).toBe(false)
    }
    expect(isAppUrl('http://127.0.0.1:5173/src/main.ts', 'http://127.0.0.1:5173/')).toBe(true)
    expect(isAppUrl('http://127.0.0.1:51730/', 'http://127.0.0.1:5173/')).toBe(false)
    expect(isAppUrl('http://localhost:5173/', 'http://127.0.0.1:5173/')).toBe(false)
    expect(isAppUrl('not a url', 'http://127.0.0.1:5173/')).toBe(false)
    expect(isAppUrl('http://127.0.0.1:5173/', 'not a url')).toBe(false)
  })
})

describe('guardWebContents', () => {
  it('keeps navigation inside the app and hands http(s) links to the system browser', () => {
    const { contents, openExternal } = guarded()
    expect(contents.emit('will-navigate', 'app://bundle/index.html')).toBe(false)
    expect(contents.emit('will-navigate', 'https://evil.example/')).toBe(true)
    expect(openExternal).toHaveBeenCalledWith('https://evil.example/')
    expect(contents.emit('will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(openExternal).toHaveBeenCalledTimes(1)
  })

  it('stops a redirect that would leave the app, and lets one inside it through', () => {
    const { contents, openExternal } = guarded()
    expect(contents.listeners.get('will-redirect')).toHaveLength(1)
    expect(contents.emit('will-redirect', 'https://evil.example/landing')).toBe(true)
    expect(contents.emit('will-redirect', 'file:///etc/passwd')).toBe(true)
    expect(contents.emit('will-redirect', 'app://bundle/index.html')).toBe(false)
    // A redirect is never a click: nothing opens in the browser.
    expect(openExternal).not.toHaveBeenCalled()
  })

  it('lets the dev server navigate and redirect during development only', () => {
    const dev = guarded('http://localhost:5173')
    expect(dev.contents.emit('will-navigate', 'http://localhost:5173/')).toBe(false)
    expect(dev.contents.emit('will-redirect', 'http://localhost:5173/index.html')).toBe(false)
    expect(guarded().contents.emit('will-redirect', 'http://localhost:5173/index.html')).toBe(true)
  })

  it('refuses <webview> and every new window', () => {
    const { contents, openExternal } = guarded()
    expect(contents.emit('will-attach-webview')).toBe(true)
    expect(contents.windowOpenHandler?.({ url: 'https://en.wikinews.org/wiki/X' })).toEqual({ action: 'deny' })
    expect(openExternal).toHaveBeenCalledWith('https://en.wikinews.org/wiki/X')
    expect(contents.windowOpenHandler?.({ url: 'app://bundle/index.html' })).toEqual({ action: 'deny' })
    expect(contents.windowOpenHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' })
    expect(openExternal).toHaveBeenCalledTimes(1)
  })
})

describe('denyAllPermissions', () => {
  it('installs handlers that deny every request and every check', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() }
    denyAllPermissions(session as never)
    expect(session.setPermissionRequestHandler).toHaveBeenCalledTimes(1)
    expect(session.setPermissionCheckHandler).toHaveBeenCalledTimes(1)
    const request = session.setPermissionRequestHandler.mock.calls[0]![0] as PermissionRequest
    const check = session.setPermissionCheckHandler.mock.calls[0]![0] as PermissionCheck
    for (const permission of PERMISSIONS) {
      const callback = vi.fn()
      request({}, permission, callback, { requestingUrl: 'app://bundle/index.html' })
      expect(callback, permission).toHaveBeenCalledExactlyOnceWith(false)
      expect(check({}, permission, 'app://bundle', {}), permission).toBe(false)
    }
  })
})

describe('blockRemoteRequests', () => {
  function filterOf(devServerUrl?: string): (url: string) => boolean {
    const session = { webRequest: { onBeforeRequest: vi.fn() } }
    blockRemoteRequests(session as never, devServerUrl)
    const filter = session.webRequest.onBeforeRequest.mock.calls[0]![0] as RequestFilter
    return (url) => {
      let cancel: boolean | undefined
      filter({ url }, (r) => (cancel = r.cancel))
      expect(cancel, `no verdict for ${url}`).toBeTypeOf('boolean')
      return cancel!
    }
  }

  it('cancels every request that leaves the app, and lets the app, devtools and data: through', () => {
    const cancelled = filterOf()
    for (const url of ['https://tracker.example/pixel.gif', 'http://127.0.0.1:5173/', 'ws://example.org/', 'file:///etc/passwd', 'app://other/x.js', 'app://bundle.evil/x.js']) {
      expect(cancelled(url), url).toBe(true)
    }
    for (const url of ['app://bundle/assets/index.js', 'devtools://devtools/bundled/inspector.html', 'data:image/png;base64,AAAA']) {
      expect(cancelled(url), url).toBe(false)
    }
  })

  it('lets the dev server through only when there is one', () => {
    expect(filterOf('http://127.0.0.1:5173')('http://127.0.0.1:5173/src/main.ts')).toBe(false)
    expect(filterOf()('http://127.0.0.1:5173/src/main.ts')).toBe(true)
  })
})

describe('the Content-Security-Policy', () => {
  it('allows only the app’s own scripts and styles, no inline code, no plugins, no framing', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/)
      return [name!, values.join(' ')] as const
    }))
    expect(Object.fromEntries(directives)).toEqual({
      'default-src': "'none'",
      'script-src': "'self'",
      'style-src': "'self'",
      'img-src': "'self' data:",
      'font-src': "'self'",
      'connect-src': "'self'",
      'base-uri': "'none'",
      'form-action': "'none'",
      'frame-ancestors': "'none'",
      'object-src': "'none'"
    })
  })
})
