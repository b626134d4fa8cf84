import countries from './data/countries.json'
import cities from './data/cities.json'
import regions from './data/regions.json'
import organisations from './data/organisations.json'
import outlets from './data/outlets.json'
import people from './data/people.json'
import nameCues from './data/name-cues.json'
import placeTerms from './data/place-terms.json'

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
  /**
   * First and last year of a person's public life in their role (a president's term, a player's international
   * career), or of an organisation under its name; `activeTo` is null while it goes on. Both null when unknown.
   */
  activeFrom: number | null
  activeTo: number | null
  /** The year a person died, when the data says: no slack after it (the dead give no interviews). */
  died?: number
  /** A politician's party, as the organisations data names it, when the data says. */
  party?: string
  /** True for entities from the data files; false for names found only in the article. */
  curated: boolean
}

/** Raw record shapes of the data files, checked by the data-file test. */
export interface CountryRecord { name: string; region: string; demonym: string; aliases: string[]; partOf?: string; relatedTo?: string[] }
export interface CityRecord { name: string; country: string; aliases: string[] }
export interface RegionRecord { name: string; kind: string; aliases: string[]; partOf?: string }
export interface OrganisationRecord {
  name: string
  kind: string
  aliases: string[]
  country?: string
  area?: string
  /** The years it has existed under this name (founded, and ended or `null`): never an option in a story before. */
  active?: [number, number | null]
}
export interface OutletRecord { name: string; kind: string; country: string; aliases: string[] }
export interface PersonRecord {
  name: string
  group: string
  role: string
  nationality: string
  aliases: string[]
  /** Years of the public life that makes them quiz-worthy in `role`; `null` as the end: still active. */
  active?: [number, number | null]
  died?: number
  /** A politician's party: the name of a `party` in the organisations data. */
  party?: string
}
/**
 * Words that name or imply a curated entity in a prompt beyond its name and aliases: a country's demonym
 * forms, capital, legislature, landmarks, districts, agencies and events; a city's landmarks and districts;
 * an organisation's products. `shares` names entries that may list the same term ("Brexit": the United
 * Kingdom and the European Union).
 */
export interface PlaceTermsRecord { name: string; type: EntityType; terms: string[]; shares?: string[] }
export interface NameCues { firstNames: string[]; titles: string[]; orgHeads: string[] }

/** The data files as shipped, for the data-file test and for building the world. */
export const WORLD_DATA = {
  countries: countries as CountryRecord[],
  cities: cities as CityRecord[],
  regions: regions as RegionRecord[],
  organisations: organisations as OrganisationRecord[],
  outlets: outlets as OutletRecord[],
  people: people as PersonRecord[],
  nameCues: nameCues as NameCues,
  placeTerms: placeTerms as PlaceTermsRecord[]
}

/** The curated world: entities, an alias index and the lists that help type unknown names. */
export interface World {
  entities: WorldEntity[]
  byKey: Map<string, WorldEntity>
  /** Every surface form (name or alias, exact case) to its entity. */
  byForm: Map<string, WorldEntity>
  /** Demonyms ("Russian") to country keys, for context such as "a Russian politician". */
  demonyms: Map<string, string>
  /** Entity key to the giveaway terms its data lists (see `PlaceTermsRecord`). */
  terms: Map<string, string[]>
  firstNames: Set<string>
  titles: Set<string>
  orgHeads: Set<string>
}

/** Builds the world from data records; pure, so tests can build small worlds of their own. */
export function buildWorld(data: typeof WORLD_DATA): World {
  const entities: WorldEntity[] = []
  const regionOf = new Map<string, string>()
  for (const c of data.countries) regionOf.set(c.name, c.region)
  const add = (e: Omit<WorldEntity, 'key' | 'curated' | 'relatedTo' | 'activeFrom' | 'activeTo'> & { relatedTo?: string[]; active?: [number, number | null] }): void => {
    const { active, ...rest } = e
    entities.push({ ...rest, relatedTo: e.relatedTo ?? [], activeFrom: active?.[0] ?? null, activeTo: active?.[1] ?? null, key: `${e.type}:${e.name}`, curated: true })
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
    add({ name: o.name, type: 'organisation', group: o.kind, country: o.country ?? null, region: o.area ?? null, partOf: null, aliases: o.aliases, role: null, ...(o.active ? { active: o.active } : {}) })
  }
  for (const o of data.outlets) {
    add({ name: o.name, type: 'outlet', group: o.kind, country: o.country, region: regionOf.get(o.country) ?? null, partOf: null, aliases: o.aliases, role: null })
  }
  for (const p of data.people) {
    add({ name: p.name, type: 'person', group: p.group, country: p.nationality, region: regionOf.get(p.nationality) ?? null, partOf: null, aliases: p.aliases, role: p.role, ...(p.active ? { active: p.active } : {}), ...(p.died !== undefined ? { died: p.died } : {}), ...(p.party ? { party: p.party } : {}) })
  }
  const byKey = new Map<string, WorldEntity>()
  const byForm = new Map<string, WorldEntity>()
  for (const e of entities) {
    byKey.set(e.key, e)
    for (const form of [e.name, ...e.aliases]) if (!byForm.has(form)) byForm.set(form, e)
  }
  const demonyms = new Map<string, string>()
  for (const c of data.countries) demonyms.set(c.demonym, `country:${c.name}`)
  const terms = new Map<string, string[]>()
  for (const t of data.placeTerms) terms.set(`${t.type}:${t.name}`, [...(terms.get(`${t.type}:${t.name}`) ?? []), ...t.terms])
  return {
    entities,
    byKey,
    byForm,
    demonyms,
    terms,
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

/**
 * True when `e` was in public life in `year`, give or take `slack` years (a minister named the year before
 * taking office, a player in the year after retiring), or when the data has no dates for it.
 */
export function activeInYear(e: WorldEntity, year: number, slack = 1): boolean {
  if (e.activeFrom !== null && year < e.activeFrom - slack) return false
  if (e.activeTo !== null && year > e.activeTo + slack) return false
  if (e.died !== undefined && year > e.died) return false
  return true
}

// Government bodies name their country ("the Kremlin", "the Bundestag"); parties do not always ("Labour Party").
const STATE_BODIES = new Set(['executive', 'ministry', 'legislature', 'court', 'military', 'agency', 'security-agency', 'science-agency', 'regulator', 'central-bank'])

/**
 * The words and phrases that name or imply `e` in a prompt, so a question whose key is `e` can be dropped when
 * its prompt holds one: its name and aliases, the terms the data lists for it, and for a country also its
 * demonyms, its parts (states, cities, constituent countries) with their own terms, its state bodies, and the
 * names of the people, organisations and outlets the data gives that country.
 * Exact case, longest first; the caller decides how to match (whole words).
 */
export function giveawayTerms(world: World, e: WorldEntity): string[] {
  const out = new Set<string>()
  const addEntity = (x: WorldEntity): void => {
    for (const t of [x.name, ...x.aliases, ...(world.terms.get(x.key) ?? [])]) out.add(t)
  }
  addEntity(e)
  if (e.type === 'country') {
    for (const [demonym, key] of world.demonyms) if (key === e.key) out.add(demonym)
    for (const x of world.entities) {
      if (x.key === e.key) continue
      const inside = x.partOf === e.name || (x.type === 'city' && x.country === e.name)
      const body = x.type === 'organisation' && x.country === e.name && STATE_BODIES.has(x.group)
      // The data lists people, companies and outlets famous enough that their country is general knowledge
      // ("Lula said which country ...?", "the BBC" for the United Kingdom).
      // Parties are left out: "Labour Party" or "Green Party" is the name of a party in many countries.
      const known = (x.type === 'person' || x.type === 'outlet' || (x.type === 'organisation' && x.group !== 'party')) && x.country === e.name
      if (inside || body) addEntity(x)
      else if (known) for (const t of [x.name, ...x.aliases]) out.add(t)
    }
  }
  return [...out].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0))
}
