import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS, parseSettings, Settings } from '../../../src/renderer/src/settings/settings.svelte'

class MemoryStorage {
  data = new Map<string, string>()
  getItem(k: string): string | null {
    return this.data.get(k) ?? null
  }
  setItem(k: string, v: string): void {
    this.data.set(k, v)
  }
}

describe('settings', () => {
  it('falls back to the defaults for missing, broken or out-of-range values', () => {
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS)
    expect(parseSettings('{not json')).toEqual(DEFAULT_SETTINGS)
    expect(parseSettings(JSON.stringify({ quizRoundSize: 1e9, dailyReviewLimit: 50 }))).toEqual({ ...DEFAULT_SETTINGS, dailyReviewLimit: 50 })
    expect(parseSettings(JSON.stringify({ quizRoundSize: 12.5 }))).toEqual(DEFAULT_SETTINGS)
  })
  it('keeps a value the user set across a restart, clamped to its bounds', () => {
    const storage = new MemoryStorage()
    const a = new Settings(storage)
    expect(a.set('quizRoundSize', 30)).toBe(30)
    expect(a.set('dailyReviewLimit', 3)).toBe(10)
    const b = new Settings(storage)
    expect(b.values).toEqual({ quizRoundSize: 30, dailyReviewLimit: 10 })
  })
})
