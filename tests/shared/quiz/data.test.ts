import { describe, expect, it } from 'vitest'
import { WORLD_DATA, buildWorld } from '@shared/quiz/world'

const data = WORLD_DATA
const countryNames = new Set(data.countries.map((c) => c.name))

describe('the curated world data', () => {
  it('has well-formed records', () => {
    for (const list of [data.countries, data.cities, data.regions, data.organisations, data.outlets, data.people]) {
      for (const r of list) {
        expect(typeof r.name).toBe('string')
        expect(r.name.trim()).toBe(r.name)
        expect(r.name.length).toBeGreaterThan(1)
        expect(Array.isArray(r.aliases)).toBe(true)
        for (const a of r.aliases) expect(a.trim().length).toBeGreaterThan(1)
      }
    }
    for (const p of data.people) {
      expect(p.group).toMatch(/^[a-z-]+$/)
      expect(countryNames.has(p.nationality)).toBe(true)
    }
  })

  it('points at countries that exist', () => {
    for (const c of data.cities) expect(countryNames.has(c.country), c.name).toBe(true)
    for (const o of data.outlets) expect(countryNames.has(o.country), o.name).toBe(true)
    for (const r of data.regions) if (r.partOf) expect(countryNames.has(r.partOf), r.name).toBe(true)
    for (const c of data.countries) if (c.partOf) expect(countryNames.has(c.partOf), c.name).toBe(true)
  })

  it('has no duplicate names, and no name or alias that means two things', () => {
    const seen = new Map<string, string>()
    const clashes: string[] = []
    const all = [...data.countries, ...data.cities, ...data.regions, ...data.organisations, ...data.outlets, ...data.people]
    for (const r of all) {
      for (const form of new Set([r.name, ...r.aliases])) {
        const prev = seen.get(form)
        if (prev !== undefined && prev !== r.name) clashes.push(`${form}: ${prev} / ${r.name}`)
        seen.set(form, r.name)
      }
    }
    expect(clashes).toEqual([])
  })

  it('never lists a name among its own aliases', () => {
    for (const r of [...data.countries, ...data.organisations, ...data.outlets, ...data.people]) expect(r.aliases).not.toContain(r.name)
  })

  it('builds a world where every alias finds its entity', () => {
    const world = buildWorld(data)
    for (const p of data.people) for (const a of p.aliases) expect(world.byForm.get(a)?.name).toBe(p.name)
  })
})
