import * as v from 'valibot'
import type { Channel, IpcError, IpcResult } from '@shared/ipc/contract'

/** The part of an IPC event the handlers look at: which frame sent it. */
export interface IpcSenderEvent {
  senderFrame: { url: string } | null
}

/** Where handlers are registered: Electron's `ipcMain` in the app, an in-process table in end-to-end tests. */
export interface IpcRegistrar {
  handle(channel: string, listener: (event: IpcSenderEvent, ...args: unknown[]) => unknown): void
}

/** Thrown inside a handler to return a typed error to the renderer instead of a generic one. */
export class UserError extends Error {
  constructor(
    readonly code: IpcError['code'],
    message: string
  ) {
    super(message)
    this.name = 'UserError'
  }
}

let trustedOrigins: readonly string[] = []

/** Sets the origins whose frames may call handlers: the app's own pages and nothing else. */
export function setTrustedOrigins(origins: readonly string[]): void {
  trustedOrigins = origins
}

/** True when the message comes from a frame of the app's own window. */
export function isTrustedSender(event: IpcSenderEvent): boolean {
  const url = event.senderFrame?.url
  if (!url) return false
  let origin: string
  try {
    origin = new URL(url).origin
  } catch {
    return false
  }
  // `app://bundle` has an opaque "null" origin in the URL API; compare on scheme and host instead.
  const key = origin === 'null' ? url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/]*).*$/i, '$1') : origin
  return trustedOrigins.includes(key)
}

/**
 * Registers `handler` for a contract channel. Messages from any frame but the app's own get `forbidden`;
 * arguments that do not match the schema get `bad-request`; a `UserError` becomes its typed error; anything
 * else is logged and returned as `internal`, so the renderer never sees a stack trace and main never crashes.
 */
export function handle<A extends v.GenericSchema<unknown[]>, R>(
  registrar: IpcRegistrar,
  channel: Channel<A, R>,
  handler: (...args: v.InferOutput<A>) => R | Promise<R>
): void {
  registrar.handle(channel.name, async (event, ...raw): Promise<IpcResult<R>> => {
    if (!isTrustedSender(event)) {
      return { ok: false, error: { code: 'forbidden', message: 'This request did not come from the app window.' } }
    }
    const parsed = v.safeParse(channel.args, raw)
    if (!parsed.success) {
      const issue = parsed.issues[0]
      const where = issue ? v.getDotPath(issue) : null
      return {
        ok: false,
        error: { code: 'bad-request', message: `Invalid request to ${channel.name}${where ? ` (argument ${where})` : ''}: ${issue?.message ?? 'bad arguments'}.` }
      }
    }
    try {
      return { ok: true, value: await handler(...parsed.output) }
    } catch (e) {
      if (e instanceof UserError) return { ok: false, error: { code: e.code, message: e.message } }
      console.error(`[ipc] ${channel.name} failed:`, e)
      return { ok: false, error: { code: 'internal', message: 'Something went wrong in the app. Nothing was changed; please try again.' } }
    }
  })
}
