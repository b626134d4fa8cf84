/**
 * One shared stand-in for the `electron` module, for main-process tests in plain Node:
 * `vi.mock('electron', async () => (await import('../support/electron-mock')).electronMock)`.
 * It records what main asked of Electron so tests can check the settings.
 */
import { vi } from 'vitest'

type Handler = (...args: unknown[]) => unknown

export class FakeWebContents {
  readonly listeners = new Map<string, Handler[]>()
  windowOpenHandler: Handler | null = null
  readonly sent: [string, unknown][] = []
  on(event: string, listener: Handler): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
    return this
  }
  setWindowOpenHandler(handler: Handler): void {
    this.windowOpenHandler = handler
  }
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload])
  }
  /** Fires `event` like Chromium would; returns whether a listener called preventDefault. */
  emit(event: string, ...args: unknown[]): boolean {
    let prevented = false
    for (const l of this.listeners.get(event) ?? []) l({ preventDefault: () => (prevented = true) }, ...args)
    return prevented
  }
}

export class FakeBrowserWindow {
  static instances: FakeBrowserWindow[] = []
  static getAllWindows = (): FakeBrowserWindow[] => FakeBrowserWindow.instances
  static getFocusedWindow = (): FakeBrowserWindow | null => FakeBrowserWindow.instances[0] ?? null
  readonly webContents = new FakeWebContents()
  loadedUrl: string | null = null
  constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
    FakeBrowserWindow.instances.push(this)
  }
  once(): void {}
  on(): this {
    return this
  }
  maximize(): void {}
  isMaximized(): boolean {
    return false
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return { x: 0, y: 0, width: 1280, height: 860 }
  }
  show(): void {}
  isMinimized(): boolean {
    return false
  }
  restore(): void {}
  focus(): void {}
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url
    return Promise.resolve()
  }
}

const appListeners = new Map<string, Handler[]>()

export const fakeSession = {
  setPermissionRequestHandler: vi.fn(),
  setPermissionCheckHandler: vi.fn(),
  webRequest: { onBeforeRequest: vi.fn() }
}

/** The in-memory session links are downloaded in (`session.fromPartition`). */
export const fakeLinkSession = {
  setPermissionRequestHandler: vi.fn(),
  setPermissionCheckHandler: vi.fn(),
  webRequest: { onBeforeRequest: vi.fn() }
}

export const electronMock = {
  app: {
    isPackaged: true,
    singleInstanceLock: true,
    requestSingleInstanceLock: vi.fn(() => electronMock.app.singleInstanceLock),
    quit: vi.fn(),
    whenReady: vi.fn(() => Promise.resolve()),
    getPath: vi.fn(() => '/tmp/newsquiz-test-user-data'),
    on: vi.fn((event: string, listener: Handler) => {
      appListeners.set(event, [...(appListeners.get(event) ?? []), listener])
    }),
    emit(event: string, ...args: unknown[]): void {
      for (const l of appListeners.get(event) ?? []) l(...args)
    }
  },
  BrowserWindow: FakeBrowserWindow,
  ipcMain: { handle: vi.fn() },
  nativeTheme: { shouldUseDarkColors: false },
  screen: { getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }]) },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  session: { defaultSession: fakeSession, fromPartition: vi.fn(() => fakeLinkSession) },
  net: { request: vi.fn(), isOnline: vi.fn(() => true) },
  shell: { openExternal: vi.fn(() => Promise.resolve()) },
  dialog: { showErrorBox: vi.fn(), showSaveDialog: vi.fn(), showOpenDialog: vi.fn() },
  Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((t: unknown) => t) },
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() }
}

export default electronMock
