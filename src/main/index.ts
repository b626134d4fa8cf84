import { join } from 'node:path'
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, net, protocol, screen, session, shell } from 'electron'
import { MENU_CHANNEL, type MenuCommand } from '@shared/ipc/contract'
import { ARTICLE_EXTENSIONS } from '@shared/import/format'
import { MIN_WINDOW_SIZE } from '@shared/window-size'
import { setupHandlers } from './handlers'
import { electronPageFetch } from './import/electron-fetch'
import { setTrustedOrigins, type IpcRegistrar } from './ipc'
import { menuTemplate } from './menu'
import { createWorkerQuizRunner } from './quiz-runner'
import { serveBundle } from './protocol'
import { loadWindowState, saveWindowState } from './window-state'
import { APP_ORIGIN, APP_SCHEME, blockRemoteRequests, denyAllPermissions, guardWebContents, secureWebPreferences } from './security'

const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }
])

// One window, one database: a second launch focuses the running app instead of opening a rival copy.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0]
    if (win) {
      if (win.isMinimized()) win.restore()
      win.focus()
    }
  })
  app.whenReady().then(start).catch((e: unknown) => {
    console.error('Startup failed:', e)
    dialog.showErrorBox('News Quiz could not start', e instanceof Error ? e.message : String(e))
    app.quit()
  })
}

app.on('web-contents-created', (_event, contents) => {
  guardWebContents(contents, (url) => void shell.openExternal(url), devServerUrl)
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

function start(): void {
  const rendererRoot = join(__dirname, '../renderer')
  protocol.handle(APP_SCHEME, (request) => serveBundle(rendererRoot, request.url))
  denyAllPermissions(session.defaultSession)
  blockRemoteRequests(session.defaultSession, devServerUrl)
  setTrustedOrigins(devServerUrl ? [APP_ORIGIN, new URL(devServerUrl).origin] : [APP_ORIGIN])

  const send = (channel: string, payload: unknown): void => {
    const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]
    win?.webContents.send(channel, payload)
  }
  // Links are downloaded in a session of their own, in memory only: it has no cookies to send and keeps none,
  // and the window's session goes on blocking every remote request.
  const linkSession = session.fromPartition('newsquiz-links', { cache: false })
  denyAllPermissions(linkSession)

  setupHandlers({
    registrar: ipcMain as unknown as IpcRegistrar,
    dialogs: {
      async save({ title, defaultName }) {
        const win = BrowserWindow.getFocusedWindow()
        const options = { title, defaultPath: defaultName, filters: [{ name: 'Progress', extensions: ['json'] }] }
        const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
        return r.canceled || !r.filePath ? null : r.filePath
      },
      async open({ title }) {
        const win = BrowserWindow.getFocusedWindow()
        const options = { title, properties: ['openFile' as const], filters: [{ name: 'Progress', extensions: ['json'] }] }
        const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
        return r.canceled ? null : (r.filePaths[0] ?? null)
      }
    },
    articleDialog: {
      async openArticles() {
        const win = BrowserWindow.getFocusedWindow()
        const options = {
          title: 'Open articles',
          properties: ['openFile' as const, 'multiSelections' as const],
          filters: [{ name: 'Articles', extensions: [...ARTICLE_EXTENSIONS] }]
        }
        const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
        return r.canceled ? [] : r.filePaths
      }
    },
    // Quizzes are generated in a worker thread (built beside this file) so a long article never blocks main.
    quizzes: createWorkerQuizRunner(join(__dirname, 'quiz-worker.js')),
    exportDialog: {
      async save({ title, defaultName, format }) {
        const win = BrowserWindow.getFocusedWindow()
        const filters = [format === 'apkg' ? { name: 'Anki deck package', extensions: ['apkg'] } : { name: 'Tab-separated text', extensions: ['tsv', 'txt'] }]
        const options = { title, defaultPath: defaultName, filters }
        const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
        return r.canceled || !r.filePath ? null : r.filePath
      }
    },
    pageFetch: electronPageFetch(net, linkSession),
    isOnline: () => net.isOnline(),
    send,
    openExternal: (url) => shell.openExternal(url),
    dataDir: app.getPath('userData'),
    today: () => new Date().toISOString().slice(0, 10)
  })

  const sendCommand = (command: MenuCommand): void => send(MENU_CHANNEL, command)
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(sendCommand, process.platform === 'darwin')))
  createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow()
  })
}

function createWindow(): BrowserWindow {
  const stateFile = join(app.getPath('userData'), 'window.json')
  const state = loadWindowState(stateFile, screen.getAllDisplays().map((d) => d.workArea))
  const win = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    // The layout is made and tested for this size and up (tests/e2e/layout-fixes.test.ts).
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    title: 'News Quiz',
    // Matches the page background of the current theme, so the window never flashes white or black.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#16171a' : '#f7f5f0',
    autoHideMenuBar: false,
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.js'))
  })
  if (state.maximized) win.maximize()
  win.once('ready-to-show', () => win.show())
  win.on('close', () => saveWindowState(stateFile, { ...win.getNormalBounds(), maximized: win.isMaximized() }))
  void win.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`)
  return win
}
