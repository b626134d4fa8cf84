import countries from './data/countries.json'
import cities from './data/cities.json'
import regions from './data/regions.json'
import organisations from './data/organisations.json'
import outlets from './data/outlets.json'
import people from './data/people.json'
import nameCues from './data/name-cues.json'

/** What a named thing is; distractors are always drawn from the same type. */
export type EntityType = 'person' | 'country' | 'city' | 'region' | 'organisation' | 'outlet'

/**
 * A named thing the generator knows about, from the curated data files or found in an article.
 * `group` narrows the type for plausible distractors: a person's field ("politician", "footballer"), an
 * organisation's or outlet's kind ("alliance", "newspaper"), a country's region, a city's country.
 */
export interface WorldEntity {
  key: string
  name: string
  type: EntityType
  group: string
  /** Country a person, city, outlet or sub-national place belongs to, when known. */
  country: string | null
  /** For countries: the world region; for others: the region of `country`, when known. */
  region: string | null
  /** A larger place that contains this one ("Scotland" is part of "United Kingdom"), never a fair distractor. */
  partOf: string | null
  aliases: string[]
  /** Places a question must never set against this one because one can be said to contain the other ("Taiwan" / "China"). */
  relatedTo: string[]
  role: string | null
  /** True for entities from the data files; false for names found only in the article. */
  curated: boolean
}

/** Raw record shapes of the data files, checked by the data-file test. */
export interface CountryRecord { name: string; region: string; demonym: string; aliases: string[]; partOf?: string; relatedTo?: string[] }
export interface CityRecord { name: string; country: string; aliases: string[] }
export interface RegionRecord { name: string; kind: string; aliases: string[]; partOf?: string }
export interface OrganisationRecord { name: string; kind: string; aliases: string[]; country?: string; area?: string }
export interface OutletRecord { name: string; kind: string; country: string; aliases: string[] }
export interface PersonRecord { name: string; group: string; role: string; nationality: string; aliases: string[] }
export interface NameCues { firstNames: string[]; titles: string[]; orgHeads: string[] }

/** The data files as shipped, for the data-file test and for building the world. */
export const WORLD_DATA = {
  countries: countries as CountryRecord[],
  cities: cities as CityRecord[],
  regions: regions as RegionRecord[],
  organisations: organisations as OrganisationRecord[],
  outlets: outlets as OutletRecord[],
  people: people as PersonRecord[],
  nameCues: nameCues as NameCues
}

/** The curated world: entities, an alias index and the lists that help type unknown names. */
export interface World {
  entities: WorldEntity[]
  byKey: Map<string, WorldEntity>
  /** Every surface form (name or alias, exact case) to its entity. */
  byForm: Map<string, WorldEntity>
  /** Demonyms ("Russian") to country keys, for context such as "a Russian politician". */
  demonyms: Map<string, string>
  firstNames: Set<string>
  titles: Set<string>
  orgHeads: Set<string>
}

/** Builds the world from data records; pure, so tests can build small worlds of their own. */
export function buildWorld(data: typeof WORLD_DATA): World {
  const entities: WorldEntity[] = []
  const regionOf = new Map<string, string>()
  for (const c of data.countries) regionOf.set(c.name, c.region)
  const add = (e: Omit<WorldEntity, 'key' | 'curated' | 'relatedTo'> & { relatedTo?: string[] }): void => {
    entities.push({ ...e, relatedTo: e.relatedTo ?? [], key: `${e.type}:${e.name}`, curated: true })
  }
  for (const c of data.countries) {
    add({ name: c.name, type: 'country', group: c.region, country: c.partOf ?? c.name, region: c.region, partOf: c.partOf ?? null, aliases: c.aliases, role: null, relatedTo: c.relatedTo ?? [] })
  }
  for (const r of data.regions) {
    add({ name: r.name, type: 'region', group: r.kind, country: r.partOf ?? null, region: r.partOf ? regionOf.get(r.partOf) ?? null : null, partOf: r.partOf ?? null, aliases: r.aliases, role: null })
  }
  for (const c of data.cities) {
    add({ name: c.name, type: 'city', group: 'city', country: c.country, region: regionOf.get(c.country) ?? null, partOf: c.country, aliases: c.aliases, role: null })
  }
  for (const o of data.organisations) {
    // An organisation's `region` is the area it works in ("Europe" for NATO), for distractors from the same part of the world.
    add({ name: o.name, type: 'organisation', group: o.kind, country: o.country ?? null, region: o.area ?? null, partOf: null, aliases: o.aliases, role: null })
  }
  for (const o of data.outlets) {
    add({ name: o.name, type: 'outlet', group: o.kind, country: o.country, region: regionOf.get(o.country) ?? null, partOf: null, aliases: o.aliases, role: null })
  }
  for (const p of data.people) {
    add({ name: p.name, type: 'person', group: p.group, country: p.nationality, region: regionOf.get(p.nationality) ?? null, partOf: null, aliases: p.aliases, role: p.role })
  }
  const byKey = new Map<string, WorldEntity>()
  const byForm = new Map<string, WorldEntity>()
  for (const e of entities) {
    byKey.set(e.key, e)
    for (const form of [e.name, ...e.aliases]) if (!byForm.has(form)) byForm.set(form, e)
  }
  const demonyms = new Map<string, string>()
  for (const c of data.countries) demonyms.set(c.demonym, `country:${c.name}`)
  return {
    entities,
    byKey,
    byForm,
    demonyms,
    firstNames: new Set(data.nameCues.firstNames),
    titles: new Set(data.nameCues.titles),
    orgHeads: new Set(data.nameCues.orgHeads)
  }
}

let shared: World | null = null

/** The world built from the shipped data files, built once on first use. */
export function defaultWorld(): World {
  shared ??= buildWorld(WORLD_DATA)
  return shared
}

/** True when `e` was in public life in `year` (within `slack` years), or when the data has no dates for it. */
export function activeInYear(_e: WorldEntity, _year: number, _slack = 1): boolean {
  return true
}

/** Words and phrases that name or imply `e` in a prompt: its name and aliases, and for a country its demonym. */
export function giveawayTerms(world: World, e: WorldEntity): string[] {
  const out = [e.name, ...e.aliases]
  for (const [demonym, key] of world.demonyms) if (key === e.key) out.push(demonym)
  return out
}
