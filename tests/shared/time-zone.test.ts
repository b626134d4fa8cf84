import { describe, expect, it } from 'vitest'

// The unit project runs in several zones (vitest.config.mts); this shows each run is really in its own.
describe('the time zone the unit tests run in', () => {
  it('is the one the project sets, so local-day code meets a non-UTC day where it should', () => {
    const zone = process.env.TZ
    expect(zone).toBeTruthy()
    // Midnight UTC on a winter day, seen locally: 16:00 the day before in Los Angeles, 05:30 in Kolkata.
    const local = new Date(Date.UTC(2024, 0, 15))
    const expected: Record<string, [number, number, number]> = { UTC: [15, 0, 0], 'America/Los_Angeles': [14, 16, 0], 'Asia/Kolkata': [15, 5, 30] }
    expect([local.getDate(), local.getHours(), local.getMinutes()]).toEqual(expected[zone!])
  })
})
