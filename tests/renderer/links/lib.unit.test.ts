import { describe, expect, it } from 'vitest'
import { progressLabel } from '../../../src/renderer/src/links/lib'

describe('progressLabel', () => {
  it('says how much of the page has come, and of how much when the site said', () => {
    expect(progressLabel(2048, 200 * 1024)).toBe('2.0 KB of 200 KB')
    expect(progressLabel(1536 * 1024, null)).toBe('1.5 MB')
    expect(progressLabel(0, null)).toBe('0 B')
  })
})
