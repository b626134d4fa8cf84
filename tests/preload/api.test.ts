import { describe, expect, it, vi } from 'vitest'
import { createApi } from '../../src/preload/api'
import { contract, MENU_CHANNEL } from '../../src/shared/ipc/contract'
import { electronMock } from '../support/electron-mock'

vi.mock('electron', async () => (await import('../support/electron-mock')).electronMock)

describe('preload API', () => {
  it('has one named method per contract channel, each invoking its channel with its arguments', async () => {
    const invoke = vi.fn(async () => ({ ok: true, value: null }))
    const api = createApi(invoke, () => () => undefined)
    for (const [key, c] of Object.entries(contract)) {
      const method = (api as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[key]
      expect(method, key).toBeTypeOf('function')
      await method!('arg')
      expect(invoke).toHaveBeenLastCalledWith(c.name, 'arg')
    }
    expect(Object.isFrozen(api)).toBe(true)
  })

  it('subscribes to menu commands and unsubscribes', () => {
    const off = vi.fn()
    const subscribe = vi.fn((_c: string, _l: (p: unknown) => void) => off)
    const api = createApi(vi.fn(), subscribe)
    const listener = vi.fn()
    const unsubscribe = api.onMenuCommand(listener)
    expect(subscribe).toHaveBeenCalledWith(MENU_CHANNEL, expect.any(Function))
    subscribe.mock.calls[0]![1]('show-review')
    expect(listener).toHaveBeenCalledWith('show-review')
    unsubscribe()
    expect(off).toHaveBeenCalled()
  })

  it('asks for the article open last as the page starts; each answer is taken once, for that id only', async () => {
    const invoke = vi.fn(async (channel: string, id: unknown) => ({ ok: true, value: `${channel} ${String(id)}` }))
    const storage = new Map([['newsquiz-last-scope@1', 'night-trains-abc']])
    const api = createApi(invoke, () => () => undefined, { getItem: (k) => storage.get(k) ?? null })
    expect(invoke.mock.calls).toEqual([
      ['article:peek', 'night-trains-abc'],
      ['article:get', 'night-trains-abc']
    ])
    expect(api.startupPeek('other-article')).toBeNull()
    await expect(api.startupPeek('night-trains-abc')).resolves.toEqual({ ok: true, value: 'article:peek night-trains-abc' })
    await expect(api.startupGet('night-trains-abc')).resolves.toEqual({ ok: true, value: 'article:get night-trains-abc' })
    expect(api.startupPeek('night-trains-abc')).toBeNull()
    expect(api.startupGet('night-trains-abc')).toBeNull()
  })

  it('asks for nothing at start without a valid last scope, for one whose delete is unfinished, or when storage fails', () => {
    const cases: Array<Record<string, string>> = [
      {},
      { 'newsquiz-last-scope@1': '*review' },
      { 'newsquiz-last-scope@1': '../index' },
      { 'newsquiz-last-scope@1': 'night-trains-abc', 'newsquiz-pending-delete@1': 'night-trains-abc' }
    ]
    for (const stored of cases) {
      const invoke = vi.fn(async () => ({ ok: true, value: null }))
      const api = createApi(invoke, () => () => undefined, { getItem: (k) => stored[k] ?? null })
      expect(invoke, JSON.stringify(stored)).not.toHaveBeenCalled()
      expect(api.startupGet(stored['newsquiz-last-scope@1'] ?? 'x')).toBeNull()
    }
    const invoke = vi.fn(async () => ({ ok: true, value: null }))
    createApi(invoke, () => () => undefined, {
      getItem: () => {
        throw new Error('SecurityError')
      }
    })
    expect(invoke).not.toHaveBeenCalled()
  })

  it('exposes only the api object to the page, never ipcRenderer', async () => {
    await import('../../src/preload/index')
    expect(electronMock.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1)
    const [name, value] = electronMock.contextBridge.exposeInMainWorld.mock.calls[0]! as [string, Record<string, unknown>]
    expect(name).toBe('api')
    expect(Object.values(value)).not.toContain(electronMock.ipcRenderer)
    expect(Object.keys(value)).not.toContain('ipcRenderer')
    expect(Object.values(value).every((x) => typeof x === 'function')).toBe(true)
  })
})
