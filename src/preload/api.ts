import type * as v from 'valibot'
import { contract, LINK_PROGRESS_CHANNEL, MENU_CHANNEL, type Channel, type IpcResult, type LinkProgress, type MenuCommand } from '../shared/ipc/contract'

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
export function createApi(invoke: Invoke, subscribe: Subscribe) {
  const methods = Object.fromEntries(
    Object.entries(contract).map(([key, c]) => [key, (...args: unknown[]) => invoke(c.name, ...args)])
  ) as Methods
  return Object.freeze({
    ...methods,
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
