import { describe, expect, it } from 'vitest'
import { WORLD_DATA, buildWorld, type PlaceTermsRecord, type WorldEntity } from '@shared/quiz/world'

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

  it('dates every person: active from <= to, in plausible years, and never active after death', () => {
    const bad: string[] = []
    for (const p of data.people) {
      const a = p.active
      if (a === undefined) { bad.push(`${p.name}: no active years`); continue }
      const [from, to] = a
      if (!Number.isInteger(from) || from < 1900 || from > DATA_YEAR) bad.push(`${p.name}: from ${from}`)
      if (to !== null && (!Number.isInteger(to) || to < from || to > DATA_YEAR)) bad.push(`${p.name}: to ${to}`)
      if (p.died !== undefined) {
        if (!Number.isInteger(p.died) || p.died > DATA_YEAR || p.died < from) bad.push(`${p.name}: died ${p.died}`)
        // Someone who died is no longer active: the end of their public life is known.
        if (to === null) bad.push(`${p.name}: died ${p.died} but still active`)
        else if (p.died < to) bad.push(`${p.name}: died ${p.died} before leaving public life in ${to}`)
      }
    }
    expect(bad).toEqual([])
  })

  it('dates organisations by the years they existed under their name: founded <= ended, in plausible years', () => {
    const bad: string[] = []
    for (const o of data.organisations) {
      if (o.active === undefined) continue
      const [from, to] = o.active
      if (!Number.isInteger(from) || from < 1000 || from > DATA_YEAR) bad.push(`${o.name}: from ${from}`)
      if (to !== null && (!Number.isInteger(to) || to < from || to > DATA_YEAR)) bad.push(`${o.name}: to ${to}`)
    }
    expect(bad).toEqual([])
    // Most of them are dated, so a story of 1987 is not offered one founded later.
    expect(data.organisations.filter((o) => o.active).length).toBeGreaterThan(data.organisations.length * 0.9)
  })

  it('gives a politician only a party the organisations data has, of the politician\'s own country', () => {
    const parties = new Map(data.organisations.filter((o) => o.kind === 'party').map((o) => [o.name, o.country]))
    const withParty = data.people.filter((p) => p.party !== undefined)
    expect(withParty.length).toBeGreaterThan(20)
    for (const p of withParty) {
      expect(p.group, p.name).toBe('politician')
      expect(parties.get(p.party!), `${p.name}: ${p.party}`).toBe(p.nationality)
    }
  })

  it('gives every party a country, and no organisation the catch-all tech kind', () => {
    for (const o of data.organisations) {
      expect(o.kind, o.name).toMatch(/^[a-z]+(-[a-z]+)*$/)
      if (o.kind === 'party') expect(o.country !== undefined && countryNames.has(o.country), o.name).toBe(true)
      if (o.country !== undefined) expect(countryNames.has(o.country), o.name).toBe(true)
    }
    // A social network must never stand against a chip maker: "tech" is too coarse to be a distractor group.
    expect(data.organisations.filter((o) => o.kind === 'tech-company').map((o) => o.name)).toEqual([])
  })

  it('has giveaway terms for entities that exist, none empty or repeated in an entry', () => {
    const world = buildWorld(data)
    const names = new Set(data.placeTerms.map((t) => t.name))
    for (const t of data.placeTerms) {
      expect(world.byKey.has(`${t.type}:${t.name}`), `${t.type}:${t.name}`).toBe(true)
      expect(t.terms.length, t.name).toBeGreaterThan(0)
      expect(new Set(t.terms).size, t.name).toBe(t.terms.length)
      for (const term of t.terms) {
        expect(term.trim(), t.name).toBe(term)
        expect(term.length, t.name).toBeGreaterThan(1)
        expect(term, t.name).not.toBe(t.name)
      }
      for (const s of t.shares ?? []) expect(names.has(s), `${t.name} shares with ${s}`).toBe(true)
    }
  })

  it('never lists one term for two unrelated places, unless the data says they share it', () => {
    const world = buildWorld(data)
    const entity = (t: PlaceTermsRecord): WorldEntity => world.byKey.get(`${t.type}:${t.name}`)!
    const owners = new Map<string, PlaceTermsRecord[]>()
    for (const t of data.placeTerms) for (const term of t.terms) owners.set(term, [...(owners.get(term) ?? []), t])
    const clashes: string[] = []
    for (const [term, list] of owners) {
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          const a = list[i]!
          const b = list[j]!
          const shared = (a.shares ?? []).includes(b.name) || (b.shares ?? []).includes(a.name)
          if (!shared && !samePlace(entity(a), entity(b))) clashes.push(`${term}: ${a.name} / ${b.name}`)
        }
      }
    }
    expect(clashes).toEqual([])
  })

  it('covers every country with its demonym and capital, and the G20 with their institutions and landmarks', () => {
    const byName = new Map(data.placeTerms.filter((t) => t.type === 'country').map((t) => [t.name, t.terms]))
    for (const c of data.countries) {
      const terms = byName.get(c.name)
      expect(terms, c.name).toBeDefined()
      expect(terms, c.name).toContain(c.demonym)
    }
    for (const name of G20) expect(byName.get(name)!.length, name).toBeGreaterThanOrEqual(8)
    const cityNames = new Set(data.cities.map((c) => c.name))
    const capitals = ['Washington', 'London', 'Paris', 'Berlin', 'Rome', 'Moscow', 'Beijing', 'Tokyo', 'New Delhi', 'Brasília', 'Ottawa', 'Canberra', 'Mexico City', 'Buenos Aires', 'Seoul', 'Ankara', 'Riyadh', 'Pretoria', 'Jakarta']
    for (const city of capitals) {
      expect(cityNames.has(city), city).toBe(true)
      expect(data.placeTerms.some((t) => t.type === 'city' && t.name === city), city).toBe(true)
    }
  })
})

// The year the people data is current to: nobody's public life can start or end after it.
const DATA_YEAR = 2026

// The G20's member countries; the European Union and the African Union are its other members.
const G20 = ['Argentina', 'Australia', 'Brazil', 'Canada', 'China', 'France', 'Germany', 'India', 'Indonesia', 'Italy', 'Japan', 'Mexico', 'Russia', 'Saudi Arabia', 'South Africa', 'South Korea', 'Turkey', 'United Kingdom', 'United States']

/** True when two places are one inside the other, in one country, or set against each other by `relatedTo`. */
function samePlace(a: WorldEntity, b: WorldEntity): boolean {
  if (a.country !== null && a.country === b.country) return true
  if (a.name === b.country || b.name === a.country || a.partOf === b.name || b.partOf === a.name) return true
  return a.relatedTo.includes(b.name) || b.relatedTo.includes(a.name)
}
