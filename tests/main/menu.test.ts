import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { menuTemplate } from '../../src/main/menu'
import { MenuCommandSchema } from '../../src/shared/ipc/contract'

function items(t: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return t.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? items(i.submenu) : [])])
}

describe('application menu', () => {
  it('reaches every menu command, each with a distinct shortcut', () => {
    const send = vi.fn()
    const all = items(menuTemplate(send, false)).filter((i) => i.click)
    for (const i of all) (i.click as () => void)()
    expect(new Set(send.mock.calls.map((c) => c[0]))).toEqual(new Set(MenuCommandSchema.options))
    const keys = all.map((i) => i.accelerator)
    expect(keys.every(Boolean)).toBe(true)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('has the macOS app menu only on macOS', () => {
    expect(menuTemplate(vi.fn(), true)[0]).toEqual({ role: 'appMenu' })
    expect(menuTemplate(vi.fn(), false)[0]?.role).toBeUndefined()
  })
})
