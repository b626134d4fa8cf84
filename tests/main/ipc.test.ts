import * as v from 'valibot'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { handle, isTrustedSender, setTrustedOrigins, UserError, type IpcRegistrar, type IpcSenderEvent } from '../../src/main/ipc'
import { contract, type Channel } from '../../src/shared/ipc/contract'

type Listener = (event: IpcSenderEvent, ...args: unknown[]) => unknown

function registrar(): IpcRegistrar & { call(channel: string, url: string | null, ...args: unknown[]): Promise<unknown> } {
  const table = new Map<string, Listener>()
  return {
    handle: (channel, listener) => void table.set(channel, listener),
    call: async (channel, url, ...args) => table.get(channel)!({ senderFrame: url === null ? null : { url } }, ...args)
  }
}

const APP = 'app://bundle/index.html'

describe('the IPC handler helper', () => {
  setTrustedOrigins(['app://bundle'])
  afterEach(() => setTrustedOrigins(['app://bundle']))

  it('answers the app window with the handler result', async () => {
    const r = registrar()
    handle(r, contract.getArticle, (id) => ({ article: { id } }) as never)
    await expect(r.call('article:get', APP, 'some-id')).resolves.toEqual({ ok: true, value: { article: { id: 'some-id' } } })
  })

  it('refuses messages from any other frame, without running the handler', async () => {
    const r = registrar()
    const handler = vi.fn()
    handle(r, contract.listArticles, handler)
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', 'app://other/index.html', 'not a url', null]) {
      await expect(r.call('library:list', url)).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
    expect(handler).not.toHaveBeenCalled()
  })

  it('rejects malformed arguments with a typed error naming the argument', async () => {
    const r = registrar()
    const handler = vi.fn()
    handle(r, contract.getArticle, handler)
    for (const args of [[], [42], ['../../etc/passwd'], [{ id: 'x' }], ['ok-id', 'extra']]) {
      const result = (await r.call('article:get', APP, ...args)) as { ok: boolean; error: { code: string; message: string } }
      expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } })
      expect(result.error.message).toContain('article:get')
    }
    expect(handler).not.toHaveBeenCalled()
  })

  it('turns a UserError into its code and message, and anything else into a generic internal error', async () => {
    const r = registrar()
    handle(r, contract.getArticle, () => {
      throw new UserError('not-found', 'That article is not in the library any more.')
    })
    await expect(r.call('article:get', APP, 'gone-id')).resolves.toEqual({
      ok: false,
      error: { code: 'not-found', message: 'That article is not in the library any more.' }
    })
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const r2 = registrar()
    handle(r2, contract.listArticles, () => {
      throw new TypeError('cannot read properties of undefined (reading "x") at Library.list (library.ts:42)')
    })
    const result = (await r2.call('library:list', APP)) as { ok: false; error: { code: string; message: string } }
    expect(result.error.code).toBe('internal')
    expect(result.error.message).not.toMatch(/library\.ts|TypeError|undefined/)
    expect(spy).toHaveBeenCalled()
    spy.mockRestore()
  })

  it('validates with the channel schema, so a new channel gets the same protection', async () => {
    const r = registrar()
    const ch: Channel<v.StrictTupleSchema<[v.NumberSchema<undefined>], undefined>, number> = { name: 'test:double', args: v.strictTuple([v.number()]) }
    handle(r, ch, (n) => n * 2)
    await expect(r.call('test:double', APP, 21)).resolves.toEqual({ ok: true, value: 42 })
    await expect(r.call('test:double', APP, '21')).resolves.toMatchObject({ ok: false, error: { code: 'bad-request' } })
  })

  it('trusts only the configured origins', () => {
    setTrustedOrigins(['http://127.0.0.1:5173'])
    expect(isTrustedSender({ senderFrame: { url: 'http://127.0.0.1:5173/index.html' } })).toBe(true)
    expect(isTrustedSender({ senderFrame: { url: 'http://127.0.0.1:5174/index.html' } })).toBe(false)
    expect(isTrustedSender({ senderFrame: { url: APP } })).toBe(false)
  })

  it('says what went wrong in words a user can act on, for each refusal', async () => {
    const r = registrar()
    handle(r, contract.getArticle, () => {
      throw new Error('disk on fire')
    })
    await expect(r.call('article:get', 'https://evil.example/', 'good-id')).resolves.toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'This request did not come from the app window.' }
    })
    await expect(r.call('article:get', APP, '../x')).resolves.toEqual({
      ok: false,
      error: { code: 'bad-request', message: 'Invalid request to article:get (argument 0): not an article id.' }
    })
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    await expect(r.call('article:get', APP, 'good-id')).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'Something went wrong in the app. Nothing was changed; please try again.' }
    })
    expect(spy).toHaveBeenCalledWith('[ipc] article:get failed:', expect.any(Error))
    spy.mockRestore()
    expect(new UserError('not-found', 'gone').name).toBe('UserError')
  })

  it('compares the origin exactly, never by prefix', () => {
    setTrustedOrigins(['app://bundle', 'http://127.0.0.1:5173'])
    expect(isTrustedSender({ senderFrame: { url: 'app://bundle/index.html' } })).toBe(true)
    expect(isTrustedSender({ senderFrame: { url: 'app://bundle' } })).toBe(true)
    expect(isTrustedSender({ senderFrame: { url: 'http://127.0.0.1:5173/' } })).toBe(true)
    for (const url of [
      'app://bundle.evil.example/index.html',
      'app://bundleevil/index.html',
      'app://bundle:8080/index.html',
      'app://evil/app://bundle/index.html',
      'http://127.0.0.1:51730/index.html',
      'http://127.0.0.1:5173.evil.example/',
      'https://127.0.0.1:5173/',
      'APP://BUNDLE.evil/'
    ]) {
      expect(isTrustedSender({ senderFrame: { url } }), url).toBe(false)
    }
    expect(isTrustedSender({ senderFrame: null })).toBe(false)
    expect(isTrustedSender({ senderFrame: { url: '' } })).toBe(false)
  })

  it('compares origins, not spellings: a trusted http origin is trusted however its URL is written', () => {
    // The URL API normalises scheme and host case and drops a default port; only the opaque `app://` origin is
    // compared on its text. Spelling the same origin differently must not lock the app window out.
    setTrustedOrigins(['http://localhost', 'http://127.0.0.1:5173'])
    expect(isTrustedSender({ senderFrame: { url: 'http://localhost:80/index.html' } })).toBe(true)
    expect(isTrustedSender({ senderFrame: { url: 'HTTP://LOCALHOST/index.html' } })).toBe(true)
    expect(isTrustedSender({ senderFrame: { url: 'http://user@127.0.0.1:5173/index.html' } })).toBe(true)
    expect(isTrustedSender({ senderFrame: { url: 'http://localhost:8080/index.html' } })).toBe(false)
  })
})

describe('the contract', () => {
  it('names every channel feature:verb, once', () => {
    const names = Object.values(contract).map((c) => c.name)
    expect(new Set(names).size).toBe(names.length)
    for (const n of names) expect(n).toMatch(/^[a-z]+:[a-z-]+$/)
  })
})
