import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { build } from 'esbuild'
import { articleFromBytes } from '../../../src/main/import/importer'
import { LibraryStore, type StoredArticle } from '../../../src/main/import/store'

export const ROOT = resolve(import.meta.dirname, '../../..')
export const FIXTURES = join(ROOT, 'tests/fixtures/import')

/** A fixture file's bytes. */
export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)))
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'newsquiz-import-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

/** Every file under `dir` with its size and modification time: equal snapshots mean nothing on disk changed. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (d: string): void => {
    let names: string[] = []
    try {
      names = readdirSync(d)
    } catch {
      return
    }
    for (const name of names) {
      const path = join(d, name)
      const info = statSync(path)
      if (info.isDirectory()) walk(path)
      else out[relative(dir, path)] = `${info.size}:${readFileSync(path, 'utf8').length}:${info.mtimeMs}`
    }
  }
  walk(dir)
  return out
}

/**
 * Bundles src/main/quiz-worker.ts the way electron-vite bundles it for the app (one CommonJS file, npm packages
 * left to `require`), so tests start the real worker source in a real worker thread. The file goes under
 * node_modules/.cache so its `require`s resolve against the project's packages.
 */
export async function buildQuizWorker(): Promise<string> {
  const dir = join(ROOT, 'node_modules/.cache/newsquiz-tests')
  mkdirSync(dir, { recursive: true })
  const outfile = join(dir, `quiz-worker-${process.pid}-${Date.now()}.cjs`)
  await build({
    entryPoints: [join(ROOT, 'src/main/quiz-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    tsconfig: join(ROOT, 'tsconfig.node.json'),
    outfile,
    logLevel: 'silent'
  })
  return outfile
}

import { setupHandlers, type MainDeps } from '../../../src/main/handlers'
import { setTrustedOrigins, type IpcRegistrar, type IpcSenderEvent } from '../../../src/main/ipc'
import type { IpcResult } from '../../../src/shared/ipc/contract'
import { readArticle } from '../../../src/main/import/importer'
import type { QuizRunner } from '../../../src/main/quiz-runner'
import type { Article } from '../../../src/shared/article/model'
import type { Question } from '../../../src/shared/quiz/model'

type Listener = (event: IpcSenderEvent, ...args: unknown[]) => unknown

export const APP_URL = 'app://bundle/index.html'

/** The real handlers behind a fake registrar, called as the app window would call them. */
export class FakeMain {
  readonly table = new Map<string, Listener>()
  /** Paths the article open dialog returns next (or a function, to act between the dialog and the read). */
  dialogAnswer: string[] | (() => string[]) = []
  readonly library: ReturnType<typeof setupHandlers>['library']

  constructor(
    readonly dataDir: string,
    extra: Partial<Pick<MainDeps, 'quizzes' | 'now' | 'pageFetch' | 'isOnline' | 'send' | 'linkTimeoutMs' | 'exportDialog'>> = {}
  ) {
    setTrustedOrigins(['app://bundle'])
    const registrar: IpcRegistrar = { handle: (channel, listener) => void this.table.set(channel, listener) }
    this.library = setupHandlers({
      registrar,
      dialogs: { save: async () => null, open: async () => null },
      articleDialog: { openArticles: async () => (typeof this.dialogAnswer === 'function' ? this.dialogAnswer() : this.dialogAnswer) },
      openExternal: async () => undefined,
      dataDir,
      today: () => '2026-11-28',
      ...extra
    }).library
  }

  /** Calls a channel from the app's window; returns the IPC result. */
  async call<T = unknown>(channel: string, ...args: unknown[]): Promise<IpcResult<T>> {
    const listener = this.table.get(channel)
    if (!listener) throw new Error(`no handler for ${channel}`)
    return (await listener({ senderFrame: { url: APP_URL } }, ...args)) as IpcResult<T>
  }

  /** Calls a channel and returns its value, failing the test on an error result. */
  async value<T = unknown>(channel: string, ...args: unknown[]): Promise<T> {
    const result = await this.call<T>(channel, ...args)
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`)
    return result.value
  }
}

/** A runner that records which articles it generated, giving each a fixed number of fake questions. */
export function countingRunner(questions = 2): QuizRunner & { calls: string[] } {
  const calls: string[] = []
  return {
    calls,
    generate: async (article: Article) => {
      calls.push(article.id)
      return Array.from({ length: questions }, (_, i) => ({ id: `${article.id}-q${i}` }) as Question)
    },
    readArticle: async (input) => readArticle(input),
    close: async () => undefined
  }
}

/** A stored library entry made from a fixture file, as the store writes it. */
export function storedEntry(name: string, addedAt: string): StoredArticle {
  const read = articleFromBytes(name, fixtureBytes(name))
  if (!read.ok) throw new Error(read.error.message)
  return { article: read.value.article, addedAt, origin: name, format: read.value.format, questionCount: 7 }
}

/** A library store on `dir`, loaded. */
export async function openedStore(dir: string): Promise<LibraryStore> {
  const store = new LibraryStore(dir)
  await store.load()
  return store
}

/** Four sentences of plain news prose and their headline, for pages written in a test. */
export const PIER_PROSE = [
  'The harbour board voted on Tuesday to rebuild the old north pier, which storms damaged twice last winter.',
  'Engineers said the new pier would stand on steel piles driven deep into the rock below the silt of the bay.',
  'Fishing crews, who lost weeks of work while the pier was closed, welcomed the vote but asked for a faster timetable.',
  'Work is due to begin in the spring and to take about eighteen months, the board said in a statement.'
]
export const PIER_HEADLINE = 'Harbour board votes to rebuild north pier'
