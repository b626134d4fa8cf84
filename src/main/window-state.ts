import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import * as v from 'valibot'

/** Where and how big the window was, so the app reopens as the user left it. */
export interface WindowState {
  x?: number
  y?: number
  width: number
  height: number
  maximized: boolean
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 860, maximized: false }

const Int = v.pipe(v.number(), v.integer(), v.minValue(-100_000), v.maxValue(100_000))
const WindowStateSchema = v.object({
  x: v.optional(Int),
  y: v.optional(Int),
  width: v.pipe(v.number(), v.integer(), v.minValue(420), v.maxValue(20_000)),
  height: v.pipe(v.number(), v.integer(), v.minValue(480), v.maxValue(20_000)),
  maximized: v.boolean()
})

/** A rectangle of a display's work area. */
export interface Area {
  x: number
  y: number
  width: number
  height: number
}

/**
 * The saved state if the file holds a valid one whose window is still mostly on one of `displays`; otherwise
 * the default size, centred by the system. A damaged file or an unplugged monitor never loses the window.
 */
export function loadWindowState(file: string, displays: readonly Area[]): WindowState {
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return DEFAULT_WINDOW_STATE
  }
  const result = v.safeParse(WindowStateSchema, parsed)
  if (!result.success) return DEFAULT_WINDOW_STATE
  const s = result.output
  if (s.x === undefined || s.y === undefined) return { width: s.width, height: s.height, maximized: s.maximized }
  const visible = displays.some((d) => overlap(d, { x: s.x!, y: s.y!, width: s.width, height: s.height }) >= 0.5 * s.width * Math.min(s.height, 200))
  return visible ? s : { width: Math.min(s.width, displays[0]?.width ?? s.width), height: Math.min(s.height, displays[0]?.height ?? s.height), maximized: s.maximized }
}

function overlap(a: Area, b: Area): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return w > 0 && h > 0 ? w * Math.min(h, 200) : 0
}

/** Saves the state atomically (temp file, then rename); a failure is logged, never thrown: it only costs the position. */
export function saveWindowState(file: string, state: WindowState): void {
  try {
    writeFileSync(`${file}.tmp`, JSON.stringify(state))
    renameSync(`${file}.tmp`, file)
  } catch (e) {
    console.warn('window state not saved:', e)
  }
}
