import { DEFAULT_ROUND_SIZE } from '@shared/quiz/rounds'
import { storedObject } from '../app/stored'

/** The user's preferences, kept on this machine (localStorage of the app's origin). */
export interface SettingsValues {
  /** Most questions one round of a quiz asks ("More questions" continues with the next round). */
  quizRoundSize: number
  /** Most review cards offered in one day, so a long absence does not bury the user. */
  dailyReviewLimit: number
}

export const DEFAULT_SETTINGS: SettingsValues = { quizRoundSize: DEFAULT_ROUND_SIZE, dailyReviewLimit: 100 }
/** Allowed range of each setting; a stored value outside it falls back to the default. */
export const SETTING_BOUNDS: Record<keyof SettingsValues, { min: number; max: number }> = {
  quizRoundSize: { min: 5, max: 100 },
  dailyReviewLimit: { min: 10, max: 9999 }
}
const KEY = 'newsquiz-settings@1'

/** Reads stored settings, keeping each valid value and the default for anything missing or out of range. */
export function parseSettings(raw: string | null): SettingsValues {
  const stored = storedObject(raw)
  const out = { ...DEFAULT_SETTINGS }
  if (stored) {
    for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof SettingsValues)[]) {
      const value = stored[key]
      const { min, max } = SETTING_BOUNDS[key]
      if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) out[key] = value
    }
  }
  return out
}

/** The settings as reactive state; `set` validates and persists. */
export class Settings {
  #values = $state<SettingsValues>({ ...DEFAULT_SETTINGS })

  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null = globalThis.localStorage ?? null) {
    this.#values = parseSettings(storage?.getItem(KEY) ?? null)
  }

  get values(): SettingsValues {
    return this.#values
  }

  /** Sets one value, clamped to its bounds; returns the value kept. */
  set<K extends keyof SettingsValues>(key: K, value: number): number {
    const { min, max } = SETTING_BOUNDS[key]
    const kept = Math.min(max, Math.max(min, Math.round(Number.isFinite(value) ? value : DEFAULT_SETTINGS[key])))
    this.#values = { ...this.#values, [key]: kept }
    try {
      this.storage?.setItem(KEY, JSON.stringify(this.#values))
    } catch {
      // Storage full or unavailable: the setting still applies for this session.
    }
    return kept
  }
}
