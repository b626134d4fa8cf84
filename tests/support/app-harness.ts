/**
 * End-to-end harness: serves the built renderer on 127.0.0.1, runs the real main-process handlers in this
 * test process, and binds `window.api` in real Chromium to them. Only Electron's transport is replaced: the
 * page's `window.api` is built by the preload's own `createApi`, and each call crosses into Node through a
 * Playwright binding, carrying the calling frame's URL so the sender check runs as in the app.
 */
import { createServer, type Server } from 'node:http'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { MENU_CHANNEL, type IpcResult, type MenuCommand, type StudyArticle } from '../../src/shared/ipc/contract'
import type { Question } from '../../src/shared/quiz/model'
import { setupHandlers } from '../../src/main/handlers'
import { setTrustedOrigins, type IpcRegistrar, type IpcSenderEvent } from '../../src/main/ipc'
import type { FileDialogs } from '../../src/main/progress-files'
import { serveBundle } from '../../src/main/protocol'
import { createWorkerQuizRunner, type QuizRunner } from '../../src/main/quiz-runner'

export const ROOT = resolve(import.meta.dirname, '../..')
export const RENDERER_DIR = join(ROOT, 'out/renderer')
export const ARTIFACTS = join(ROOT, 'artifacts')
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

type Listener = (event: IpcSenderEvent, ...args: unknown[]) => unknown

/** Values crossing the binding are JSON; byte arrays are tagged so they arrive as Uint8Array, as over real IPC. */
function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive)
  if (value && typeof value === 'object') {
    const rec = value as Record<string, unknown>
    if (typeof rec['__bytes'] === 'string' && Object.keys(rec).length === 1) return new Uint8Array(Buffer.from(rec['__bytes'], 'base64'))
    return Object.fromEntries(Object.entries(rec).map(([k, v]) => [k, revive(v)]))
  }
  return value
}

async function bridgeScript(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `
        import { createApi } from './src/preload/api'
        const encode = (v) => {
          if (v instanceof Uint8Array) { let s = ''; for (let i = 0; i < v.length; i += 0x8000) s += String.fromCharCode.apply(null, v.subarray(i, i + 0x8000)); return { __bytes: btoa(s) } }
          if (Array.isArray(v)) return v.map(encode)
          if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, encode(x)]))
          return v
        }
        const listeners = new Map()
        Object.defineProperty(window, '__e2eEmit', { value: (channel, payload) => { for (const l of listeners.get(channel) ?? []) l(payload) } })
        const api = createApi(
          (channel, ...args) => window.__e2eInvoke(channel, JSON.stringify(encode(args))).then((r) => JSON.parse(r)),
          (channel, listener) => {
            const set = listeners.get(channel) ?? new Set(); set.add(listener); listeners.set(channel, set)
            return () => set.delete(listener)
          },
          window.localStorage
        )
        Object.defineProperty(window, 'api', { value: api, enumerable: true })
      `,
      resolveDir: ROOT,
      loader: 'ts'
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'silent'
  })
  return result.outputFiles[0]!.text
}

export interface AppOptions {
  /** Answers for the main process's file dialogs (null = cancelled). */
  dialogs?: Partial<FileDialogs>
  /** Where the main process keeps the user's data; a fresh temp folder by default. */
  dataDir?: string
  /** The time limit of a link download (20 s by default, as in the app). */
  linkTimeoutMs?: number
  /** Where imports and quizzes run; the built worker by default. */
  quizzes?: QuizRunner
}

/** A running app: server + handlers. Open browsers on it with `launch()`; call `close()` at the end. */
export class TestApp {
  readonly listeners = new Map<string, Listener>()
  readonly dataDir: string
  readonly externalOpened: string[] = []
  #server: Server | null = null
  #bridge = ''
  #browsers: (Browser | BrowserContext)[] = []
  #ownsDataDir: boolean
  // The built worker, as the app runs it: quizzes and imports are made off the main thread here too.
  readonly #quizzes: QuizRunner
  origin = ''
  dialogAnswers: { save: string | null; open: string | null } = { save: null, open: null }
  /** Paths the File → Open dialog for articles "chooses" next; `[]` (the default) is a cancelled dialog. */
  articleDialogAnswer: string[] = []
  /** The path "Export questions" saves to next; null (the default) is a cancelled dialog. */
  exportAnswer: string | null = null
  readonly #pages: Page[] = []

  constructor(options: AppOptions = {}) {
    this.#quizzes = options.quizzes ?? createWorkerQuizRunner(join(ROOT, 'out/main/quiz-worker.js'))
    this.#ownsDataDir = !options.dataDir
    this.dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'newsquiz-e2e-data-'))
    const registrar: IpcRegistrar = { handle: (channel, listener) => void this.listeners.set(channel, listener) }
    setupHandlers({
      registrar,
      dialogs: {
        save: options.dialogs?.save ?? (async () => this.dialogAnswers.save),
        open: options.dialogs?.open ?? (async () => this.dialogAnswers.open)
      },
      articleDialog: { openArticles: async () => this.articleDialogAnswer },
      openExternal: async (url) => void this.externalOpened.push(url),
      exportDialog: { save: async () => this.exportAnswer },
      // Main → renderer messages (link download progress) reach every open page, as webContents.send does.
      send: (channel, payload) => {
        for (const page of this.#pages) {
          void page
            .evaluate(([c, p]) => (globalThis as unknown as { __e2eEmit(c: string, p: unknown): void }).__e2eEmit(c, p), [channel, payload] as const)
            .catch(() => undefined)
        }
      },
      dataDir: this.dataDir,
      ...(options.linkTimeoutMs ? { linkTimeoutMs: options.linkTimeoutMs } : {}),
      quizzes: this.#quizzes,
      today: () => '2026-11-28'
    })
  }

  /** Serves the app; `port` reuses an earlier run's port, so a restarted app keeps the browser's storage origin. */
  async start(port = 0): Promise<this> {
    if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
      throw new Error(`No built renderer at ${RENDERER_DIR}: run "npm run build" first (npm test does).`)
    }
    if (!existsSync(CHROMIUM_PATH)) {
      throw new Error(`No Chromium at ${CHROMIUM_PATH}: install it ("apt-get install chromium") or set CHROMIUM_PATH.`)
    }
    this.#bridge = await bridgeScript()
    this.#server = createServer((req, res) => {
      void serveBundle(RENDERER_DIR, `http://127.0.0.1${req.url ?? '/'}`).then(async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers.entries()))
        res.end(Buffer.from(await response.arrayBuffer()))
      })
    })
    await new Promise<void>((ok) => this.#server!.listen(port, '127.0.0.1', ok))
    const address = this.#server.address()
    if (!address || typeof address === 'string') throw new Error('server has no port')
    this.origin = `http://127.0.0.1:${address.port}`
    setTrustedOrigins([this.origin])
    return this
  }

  /** Opens the app in a fresh Chromium. With `profileDir`, the browser keeps its storage there (for restarts). */
  async launch(options: { profileDir?: string; width?: number; height?: number; colorScheme?: 'light' | 'dark'; initScript?: string } = {}): Promise<AppPage> {
    const viewport = { width: options.width ?? 1280, height: options.height ?? 860 }
    const colorScheme = options.colorScheme ?? 'light'
    let context: BrowserContext
    if (options.profileDir) {
      context = await chromium.launchPersistentContext(options.profileDir, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, viewport, colorScheme })
      this.#browsers.push(context)
    } else {
      const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
      this.#browsers.push(browser)
      context = await browser.newContext({ viewport, colorScheme })
    }
    await context.exposeBinding('__e2eInvoke', async (source, channel: string, json: string) => {
      const listener = this.listeners.get(channel)
      if (!listener) return JSON.stringify({ ok: false, error: { code: 'bad-request', message: `No handler for ${channel}` } })
      const args = revive(JSON.parse(json)) as unknown[]
      return JSON.stringify(await listener({ senderFrame: { url: source.frame.url() } }, ...args))
    })
    await context.addInitScript({ content: this.#bridge })
    // Runs in every page before the app's own code, from the first load on (the startup benchmark's watchers).
    if (options.initScript) await context.addInitScript({ content: options.initScript })
    const page = context.pages()[0] ?? (await context.newPage())
    this.#pages.push(page)
    const app = new AppPage(page, context, this)
    await app.goto()
    return app
  }

  /** An article's title and quiz, as the app's own handler gives them to a window (the quiz the window shows). */
  async questionsOf(id: string): Promise<{ title: string; questions: Question[] }> {
    const study = (await this.listeners.get('article:get')!({ senderFrame: { url: `${this.origin}/index.html` } }, id)) as IpcResult<StudyArticle>
    if (!study.ok) throw new Error(study.error.message)
    return { title: study.value.article.title, questions: study.value.questions }
  }

  async close(): Promise<void> {
    for (const b of this.#browsers.splice(0)) await b.close().catch(() => undefined)
    await new Promise<void>((ok) => (this.#server ? this.#server.close(() => ok()) : ok()))
    await this.#quizzes.close()
    if (this.#ownsDataDir) rmSync(this.dataDir, { recursive: true, force: true })
  }
}

/** One app window in Chromium, recording console errors and page errors as a person would notice them. */
export class AppPage {
  readonly errors: string[] = []

  constructor(
    readonly page: Page,
    readonly context: BrowserContext,
    readonly app: TestApp
  ) {
    page.on('console', (m) => {
      if (m.type() === 'error') this.errors.push(m.text())
    })
    page.on('pageerror', (e) => this.errors.push(`pageerror: ${e.message}`))
  }

  async goto(): Promise<void> {
    await this.page.goto(`${this.app.origin}/index.html`)
  }

  /** Sends an application-menu command, as the main process does. */
  async menu(command: MenuCommand): Promise<void> {
    await this.page.evaluate(
      ([c, p]) => (globalThis as unknown as { __e2eEmit(c: string, p: string): void }).__e2eEmit(c, p),
      [MENU_CHANNEL, command] as const
    )
  }

  async screenshot(name: string, fullPage = false): Promise<string> {
    const path = join(ARTIFACTS, `${name}.png`)
    await this.page.screenshot({ path, fullPage })
    return path
  }

  async close(): Promise<void> {
    await this.context.close()
  }
}

/** Reads a text fixture from the repo. */
export function fixture(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8')
}
