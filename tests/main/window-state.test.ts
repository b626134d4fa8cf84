import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_WINDOW_STATE, loadWindowState, saveWindowState } from '../../src/main/window-state'

const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }]

describe('window state', () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsquiz-window-'))
  const file = join(dir, 'window.json')

  it('reopens where the window was', () => {
    saveWindowState(file, { x: 100, y: 50, width: 1000, height: 700, maximized: false })
    expect(loadWindowState(file, screen)).toEqual({ x: 100, y: 50, width: 1000, height: 700, maximized: false })
  })

  it('falls back to the default for a missing, damaged or foreign file', () => {
    expect(loadWindowState(join(dir, 'none.json'), screen)).toEqual(DEFAULT_WINDOW_STATE)
    writeFileSync(file, '{"x": 1, "y"')
    expect(loadWindowState(file, screen)).toEqual(DEFAULT_WINDOW_STATE)
    writeFileSync(file, JSON.stringify({ width: 10, height: 10, maximized: 'yes' }))
    expect(loadWindowState(file, screen)).toEqual(DEFAULT_WINDOW_STATE)
  })

  it('brings back a window left on a display that is gone', () => {
    saveWindowState(file, { x: 3000, y: 100, width: 1200, height: 800, maximized: true })
    expect(loadWindowState(file, screen)).toEqual({ width: 1200, height: 800, maximized: true })
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ x: 3000 })
  })
})
