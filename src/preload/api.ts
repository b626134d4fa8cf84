import * as v from 'valibot'
import type { Article } from '../shared/article/model'
import { ArticleId, contract, LINK_PROGRESS_CHANNEL, MENU_CHANNEL, type Channel, type IpcResult, type LinkProgress, type MenuCommand, type StudyArticle } from '../shared/ipc/contract'
import { LAST_SCOPE_KEY, PENDING_DELETE_KEY } from '../shared/storage-keys'

/** The page's localStorage, as much of it as the preload reads (its types have no DOM). */
export type StartupStorage = { getItem(key: string): string | null }

/** Sends one request over IPC; the preload passes `ipcRenderer.invoke`, the end-to-end harness its own transport. */
export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>
/** Subscribes to a main → renderer channel; returns the unsubscribe function. */
export type Subscribe = (channel: string, listener: (payload: unknown) => void) => () => void

type Method<C> = C extends Channel<infer A, infer R> ? (...args: v.InferInput<A>) => Promise<IpcResult<R>> : never
type Methods = { [K in keyof typeof contract]: Method<(typeof contract)[K]> }

/**
 * Builds the one object the renderer sees as `window.api`: a named method per contract channel, plus the
 * menu subscription. Nothing else from Electron reaches the page.
 */
export function createApi(invoke: Invoke, subscribe: Subscribe, storage: StartupStorage | null = null) {
  const methods = Object.fromEntries(
    Object.entries(contract).map(([key, c]) => [key, (...args: unknown[]) => invoke(c.name, ...args)])
  ) as Methods
  const startup = startupRequests(methods, storage)
  return Object.freeze({
    ...methods,
    /**
     * The article open last, asked for (alone, and with its quiz) as the page started, before the app's code was
     * even read: the answer for `id`, once; null for another id, or when it was not asked for.
     */
    startupPeek(id: string): Promise<IpcResult<Article>> | null {
      return startup?.id === id ? startup.take('peek') : null
    },
    /** As `startupPeek`, for the article with its quiz (`getArticle`). */
    startupGet(id: string): Promise<IpcResult<StudyArticle>> | null {
      return startup?.id === id ? startup.take('get') : null
    },
    /** Calls `listener` for each application-menu command; returns the unsubscribe function. */
    onMenuCommand(listener: (command: MenuCommand) => void): () => void {
      return subscribe(MENU_CHANNEL, (payload) => listener(payload as MenuCommand))
    },
    /** Calls `listener` as a link downloads ("Add from link"); returns the unsubscribe function. */
    onLinkProgress(listener: (progress: LinkProgress) => void): () => void {
      return subscribe(LINK_PROGRESS_CHANNEL, (payload) => listener(payload as LinkProgress))
    }
  })
}

export type Api = ReturnType<typeof createApi>

/**
 * Asks for the article open last (the copy of the last scope the renderer keeps in `storage`) as soon as the page
 * starts; not one whose delete the last run left unfinished (the app finishes that delete first), and nothing
 * when storage cannot be read. Each answer can be taken once.
 */
function startupRequests(methods: Methods, storage: StartupStorage | null) {
  let id: string | null = null
  try {
    id = storage?.getItem(LAST_SCOPE_KEY) ?? null
    if (id !== null && (!v.is(ArticleId, id) || id === storage?.getItem(PENDING_DELETE_KEY))) id = null
  } catch {
    id = null
  }
  if (id === null) return null
  const asked = { peek: methods.peekArticle(id) as Promise<unknown> | null, get: methods.getArticle(id) as Promise<unknown> | null }
  // An answer nobody takes must not surface as an unhandled rejection.
  for (const p of Object.values(asked)) p?.catch(() => undefined)
  return {
    id,
    take<K extends 'peek' | 'get'>(part: K): Promise<IpcResult<K extends 'peek' ? Article : StudyArticle>> | null {
      const p = asked[part]
      asked[part] = null
      return p as Promise<IpcResult<K extends 'peek' ? Article : StudyArticle>> | null
    }
  }
}
