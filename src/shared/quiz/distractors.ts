import type { QuizContext } from './context'
import { activeInYear, type WorldEntity } from './world'
import { stableHash } from '../hash'
import words from './data/reference-words.json'

/** Lower-cases and strips punctuation and a leading "the", for comparing names and answers. */
export function normalise(s: string): string {
  return s.toLowerCase().replace(/[“”"‘’'.,!?;:()]/g, '').replace(/^the\s+/, '').replace(/\s+/g, ' ').trim()
}

function related(a: WorldEntity, b: WorldEntity): boolean {
  // A place and what contains it are both true ("Scotland" and "UK"): never offer one against the other.
  return a.key === b.key || a.relatedTo.includes(b.name) || b.relatedTo.includes(a.name) || a.partOf === b.name || b.partOf === a.name || (a.type === 'city' && a.country === b.name) || (b.type === 'city' && b.country === a.name)
}

// Families of organisation kinds: an aerospace firm stands against aerospace firms, never a retailer or an alliance.
const ORG_FAMILY: Record<string, string> = {
  'tech-company': 'tech-company', 'aerospace-company': 'aerospace-company', company: 'company', retailer: 'retailer', studio: 'studio',
  alliance: 'alliance', intergovernmental: 'intergovernmental', executive: 'executive', ministry: 'ministry', agency: 'agency', legislature: 'legislature', court: 'court', military: 'military',
  charity: 'charity', 'trade-body': 'charity', 'armed-group': 'armed-group', movement: 'armed-group', religious: 'religious',
  party: 'party', 'sports-body': 'sports-body', university: 'university', unknown: 'unknown'
}

const HEADS: Record<string, string> = words.organisationHeads

/**
 * An organisation's family: from the data's kind, or, for one only the article names, from the word that ends
 * its name ("Howard University" is a university, never an option for the company that owns a network).
 */
export function orgFamily(e: WorldEntity): string {
  if (e.group !== 'unknown') return ORG_FAMILY[e.group] ?? e.group
  const head = e.name.replace(/[.,]+$/, '').split(/\s+/).pop() ?? ''
  return HEADS[head] ?? 'unknown'
}

// NAME: ONE_OF_A_KIND. Each body of these kinds does a job no other does (the WHO blacklists a chemical, UNHCR
// shelters refugees): another of the same kind is ruled out by what the sentence says was done, so none stands
// against it, and a question on one is asked another way or not at all.
const ONE_OF_A_KIND: ReadonlySet<string> = new Set(words.oneOfAKindOrganisations)

function sameKind(answer: WorldEntity, cand: WorldEntity): boolean {
  if (answer.type !== cand.type) return false
  switch (answer.type) {
    case 'person':
      // Someone the data knows stands against people of the same field; someone only this article names, against
      // others only it names (a Brazilian minister against the article's other officials, never China's president).
      return answer.curated === cand.curated && answer.group === cand.group
    case 'organisation':
      return orgFamily(answer) === orgFamily(cand) && !ONE_OF_A_KIND.has(orgFamily(answer))
    case 'outlet':
      // The question names the kind ("which newspaper"), so every option must be one.
      return answer.group === cand.group
    case 'region':
      return answer.group === cand.group
    default:
      return true
  }
}

// Parties and armed groups act in one country: another country's ("Hezbollah" in a war in Yemen, a foreign party in a
// local election) is ruled out by anyone who knows where it is from.
const NATIONAL = new Set(['party', 'armed-group'])
function abroad(answer: WorldEntity, c: WorldEntity): boolean {
  return answer.type === 'organisation' && NATIONAL.has(orgFamily(answer)) && answer.country !== null && c.country !== null && c.country !== answer.country
}

/**
 * Picks up to `count` distractors for a named answer, deterministically: first entities of the same type
 * and kind named in this article (a person for a person, a newspaper for a newspaper), then curated ones
 * that fit the answer's context (same field and country for people, same region for countries, same
 * country for cities). Never the answer, an alias of it, a place that contains it or lies in it, or
 * anything in `exclude` (what the prompt itself names).
 */
export function entityDistractors(ctx: QuizContext, answer: WorldEntity, exclude: Set<string>, count = 3): WorldEntity[] {
  const picked: WorldEntity[] = []
  // People from the data must have been in public life when the story was written: no minister of another decade.
  // One the article names may be a year out (a minister named the year before taking office); one only the data
  // offers must be in office that very year (raters ruled out a Home Secretary appointed the year after the story).
  const year = ctx.article.date ? Number(ctx.article.date.slice(0, 4)) : null
  const ok = (c: WorldEntity): boolean =>
    !exclude.has(c.key) && sameKind(answer, c) && !related(answer, c) && !picked.some((p) => related(p, c)) && !abroad(answer, c) &&
    normalise(c.name) !== normalise(answer.name) && (year === null || !c.curated || inStoryYear(c))
  // An organisation the data offers must have existed under its name that year: no Department of Homeland Security
  // in a 1987 story.
  const inStoryYear = (c: WorldEntity): boolean =>
    c.type === 'person' ? activeInYear(c, year!, ctx.entities.byKey.has(c.key) ? 1 : 0) : ctx.entities.byKey.has(c.key) || activeInYear(c, year!, 0)
  // Places from the answer's own region come first, from the article and then the data, before places elsewhere:
  // "Scotland", "Ireland", "France" for "UK", never "Eritrea" just because the story names it.
  const regional = answer.type === 'country' || answer.type === 'city'
  const near = (c: WorldEntity): boolean => !regional || (c.region !== null && c.region === answer.region)
  const articleEntities = [...ctx.entities.byKey.values()].filter(near)
  for (const c of articleEntities) {
    if (picked.length >= count) break
    if (ok(c)) picked.push(c)
  }
  if (picked.length < count && answer.curated) {
    const countries = new Set([...ctx.entities.byKey.values()].filter((e) => e.type === 'country').map((e) => e.name))
    const pool = ctx.world.entities.filter((c) => ok(c) && fits(answer, c, countries))
    const seed = answer.key
    pool.sort((a, b) => (stableHash(seed + a.key) < stableHash(seed + b.key) ? -1 : 1))
    for (const c of pool) {
      if (picked.length >= count) break
      if (!ctx.entities.byKey.has(c.key) && ok(c)) picked.push(c)
    }
    if (regional) {
      for (const c of ctx.entities.byKey.values()) {
        if (picked.length >= count) break
        if (!near(c) && ok(c)) picked.push(c)
      }
    }
    // Seats of government stand for their country in the news ("the Kremlin said"): any other one is a fair guess.
    if (picked.length < count && answer.type === 'organisation' && answer.group === 'executive') {
      const seats = ctx.world.entities.filter((c) => ok(c) && c.group === 'executive' && !ctx.entities.byKey.has(c.key))
      seats.sort((a, b) => (stableHash(seed + a.key) < stableHash(seed + b.key) ? -1 : 1))
      for (const c of seats) if (picked.length < count) picked.push(c)
    }
  }
  return picked
}

// Curated candidates must fit the story, not just the type: a Brazilian minister for a Brazilian minister.
function fits(answer: WorldEntity, c: WorldEntity, articleCountries: Set<string>): boolean {
  switch (answer.type) {
    case 'person':
      return answer.group === c.group && answer.country !== null && answer.country === c.country
    case 'country':
      return answer.region === c.region && c.partOf === null
    case 'city':
      return answer.country === c.country
    case 'outlet':
      return answer.country === c.country
    case 'organisation':
      // A national body stands against another body of a country the story is about ("Kremlin" / "White House");
      // a regional alliance against one of the same region ("EU" / "OSCE", never "Mercosur").
      if (answer.group !== c.group) return false
      if (answer.country !== null) return c.country !== null && (c.country === answer.country || articleCountries.has(c.country))
      // An armed group of no one country (ISIS) stands against those of its area, national or not ("the Taliban").
      if (c.country !== null) return answer.group === 'armed-group' && answer.region === c.region
      return answer.region === c.region
    case 'region':
      return answer.group === c.group && answer.country !== null && answer.country === c.country
  }
}

/** Orders options deterministically by a hash of the question's seed and each option. */
export function arrange(options: string[], seed: string): string[] {
  return [...options].sort((a, b) => {
    const ha = stableHash(`${seed}|${a}`)
    const hb = stableHash(`${seed}|${b}`)
    return ha < hb ? -1 : ha > hb ? 1 : 0
  })
}
