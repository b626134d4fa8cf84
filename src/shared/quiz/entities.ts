import type { Sentence } from './sentences'
import type { EntityType, World, WorldEntity } from './world'

/** One place where an article names an entity. Offsets are into the paragraph. */
export interface Mention {
  paragraph: number
  sentence: number
  start: number
  end: number
  text: string
  entity: WorldEntity
}

/** The entities an article names, with every mention in reading order. */
export interface ArticleEntities {
  mentions: Mention[]
  /** Entities by key, including names found only in this article. */
  byKey: Map<string, WorldEntity>
  /** The fullest form the article uses for each entity key ("Donald Trump" rather than "Trump"). */
  displayName: Map<string, string>
}

const CAP_WORD = /^[\p{Lu}][\p{L}'’.-]*$/u
const PARTICLES = new Set(['de', 'da', 'do', 'dos', 'del', 'della', 'di', 'al', 'bin', 'van', 'von', 'la', 'le', 'el'])
// Capitalised words that start sentences or headlines but never start a name.
const NOT_NAME_START = new Set([
  'The', 'A', 'An', 'This', 'That', 'These', 'Those', 'In', 'On', 'At', 'As', 'After', 'Before', 'During', 'But', 'And', 'Or',
  'If', 'When', 'While', 'Although', 'Despite', 'According', 'For', 'From', 'With', 'Without', 'By', 'To', 'Of', 'He', 'She',
  'It', 'They', 'We', 'I', 'You', 'His', 'Her', 'Its', 'Their', 'Our', 'My', 'Your', 'Some', 'Many', 'Most', 'All', 'Every',
  'Each', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March', 'April',
  'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Speaking', 'Since', 'Until', 'Also', 'However',
  'Meanwhile', 'Yesterday', 'Today', 'Tomorrow', 'Last', 'Next', 'Earlier', 'Later', 'Now', 'Then', 'There', 'Here', 'Such',
  'Other', 'Another', 'Both', 'Neither', 'Either', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten',
  'Citing', 'Even', 'Only', 'Not', 'No', 'Yes', 'So', 'Because', 'Though', 'Where', 'Why', 'How', 'What', 'Who', 'Which'
])

interface FormIndex {
  regex: RegExp
}
const indexCache = new WeakMap<World, FormIndex>()

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

// One alternation over every known form, longest first, so "Washington Post" wins over "Washington".
function formIndex(world: World): FormIndex {
  let idx = indexCache.get(world)
  if (!idx) {
    const forms = [...world.byForm.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    const regex = new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.map(escapeRegex).join('|')})(?![\\p{L}\\p{N}]|\\.[\\p{L}])`, 'gu')
    idx = { regex }
    indexCache.set(world, idx)
  }
  return idx
}

function isTitle(world: World, word: string): boolean {
  return world.titles.has(word) || world.titles.has(word.replace(/\.$/, ''))
}

/**
 * Finds the people, places, organisations and news outlets an article names. Known names come from the
 * curated world data; unknown names are typed as people when they start with a known first name or follow a
 * title ("Professor Cres Eastman"), and as organisations when they end in an organisation word ("Council").
 * A bare surname ("Trump", "Eastman") counts only when the article also gives the full name.
 */
export function findEntities(sentences: Sentence[][], world: World, title = ''): ArticleEntities {
  const { regex } = formIndex(world)
  const raw: Mention[] = []
  for (const para of sentences) {
    for (const s of para) {
      regex.lastIndex = 0
      for (let m = regex.exec(s.text); m; m = regex.exec(s.text)) {
        const entity = world.byForm.get(m[0])
        if (!entity) continue
        // After a first name the form is a surname ("Michael Sears" is a person, not the retailer).
        const before = /([A-Z][a-z]+)\s+$/.exec(s.text.slice(Math.max(0, m.index - 20), m.index))
        if (before && world.firstNames.has(before[1]!) && entity.type !== 'person') continue
        raw.push({ paragraph: s.paragraph, sentence: s.index, start: s.start + m.index, end: s.start + m.index + m[0].length, text: m[0], entity })
      }
    }
  }

  // Single-word person aliases ("Trump", "Kane") only count when the full name is also in the article.
  const fullNamed = new Set(raw.filter((m) => m.entity.type !== 'person' || m.text.includes(' ')).map((m) => m.entity.key))
  const known = raw.filter((m) => m.entity.type !== 'person' || fullNamed.has(m.entity.key))

  const found = findUnknownNames(sentences, world, known, title)
  const all = [...known, ...found].sort((a, b) => a.paragraph - b.paragraph || a.start - b.start || b.end - a.end)
  const mentions: Mention[] = []
  for (const m of all) {
    const prev = mentions[mentions.length - 1]
    if (prev && prev.paragraph === m.paragraph && m.start < prev.end) continue
    mentions.push(m)
  }

  const byKey = new Map<string, WorldEntity>()
  const displayName = new Map<string, string>()
  for (const m of mentions) {
    byKey.set(m.entity.key, m.entity)
    const cur = displayName.get(m.entity.key)
    // Everyone shows by the fullest form the article itself uses, minus titles ("Barack Obama", never
    // "President Obama"), so the evidence spells the option as the learner sees it.
    const words = m.text.replace(/^the\s+/i, '').split(' ')
    while (words.length > 1 && isTitle(world, words[0]!)) words.shift()
    const form = words.join(' ')
    if (!cur || form.length > cur.length) displayName.set(m.entity.key, form)
  }
  return { mentions, byKey, displayName }
}

function findUnknownNames(sentences: Sentence[][], world: World, known: Mention[], title: string): Mention[] {
  const covered = (p: number, start: number, end: number): boolean =>
    known.some((k) => k.paragraph === p && k.start < end && start < k.end)
  const people = new Map<string, WorldEntity>()
  const out: Mention[] = []
  const splitNameWords = new Set<string>()

  for (const para of sentences) {
    for (const s of para) {
      const toks = s.tokens
      let i = 0
      while (i < toks.length) {
        if (!CAP_WORD.test(toks[i]!.text) || NOT_NAME_START.has(toks[i]!.text) || isTitle(world, toks[i]!.text)) {
          i++
          continue
        }
        let j = i
        while (j + 1 < toks.length && (CAP_WORD.test(toks[j + 1]!.text) || (PARTICLES.has(toks[j + 1]!.text) && toks[j + 2] && CAP_WORD.test(toks[j + 2]!.text)))) j++
        const first = toks[i]!
        const last = toks[j]!
        const text = s.text.slice(first.start - s.start, last.end - s.start)
        const prevTok = toks[i - 1]
        const afterTitle = prevTok !== undefined && isTitle(world, prevTok.text)
        // "Mohamed El-Hassan Mohamed": the tokeniser splits at the hyphen, and either half alone is no one's name;
        // its words still make a bare "Mohamed" ambiguous.
        const hyphened = s.text.charAt(last.end - s.start) === '-' || s.text.charAt(first.start - s.start - 1) === '-'
        if (hyphened) for (const w of text.split(' ')) splitNameWords.add(w)
        if (!covered(s.paragraph, first.start, last.end) && !/[.’']s?$/.test(last.text) && !hyphened) {
          const words = text.split(' ')
          const lastWord = words[words.length - 1]!
          let type: EntityType | null = null
          // NAME: AND_FRAGMENT. "for Rural Banking and Finance Corp of New Zealand": after "Name and", the run may be
          // the end of one longer name, and "Finance Corp" offered alone is a fragment no reader has seen.
          const beforeAnd = (prevTok?.text === 'and' || prevTok?.text === '&') && toks[i - 2] !== undefined && CAP_WORD.test(toks[i - 2]!.text)
          if (words.length >= 2 && world.orgHeads.has(lastWord) && !beforeAnd) type = 'organisation'
          else if (words.length >= 2 && words.length <= 4 && (world.firstNames.has(words[0]!) || afterTitle)) type = 'person'
          if (type) {
            const key = `${type}:${text}`
            let entity = people.get(key)
            if (!entity) {
              entity = { key, name: text, type, group: 'unknown', country: null, region: null, partOf: null, aliases: [], relatedTo: [], role: null, activeFrom: null, activeTo: null, curated: false }
              people.set(key, entity)
            }
            out.push({ paragraph: s.paragraph, sentence: s.index, start: first.start, end: last.end, text, entity })
          }
        }
        i = j + 1
      }
    }
  }

  // NAME: NAME_OF_A_FIRM. "Scott Paper" beside "Scott Paper Co": a first name opening a firm's name is the firm
  // written short, not a person (offered as a speaker, it is ruled out by type).
  const firms = [...out, ...known].filter((m) => m.entity.type === 'organisation').map((m) => m.entity.name)
  for (let k = out.length - 1; k >= 0; k--) {
    const m = out[k]!
    if (m.entity.type === 'person' && firms.some((f) => f.startsWith(`${m.text} `))) {
      people.delete(m.entity.key)
      out.splice(k, 1)
    }
  }

  // The title may give the full name the body only shortens ("Texas student Ahmed Mohamed" ... "Mohamed").
  for (const m of title.matchAll(/\b([A-Z][a-z]+) ([A-Z][a-z]+)\b/g)) {
    if (!world.firstNames.has(m[1]!) || world.byForm.has(m[0])) continue
    const key = `person:${m[0]}`
    if (!people.has(key)) people.set(key, { key, name: m[0], type: 'person', group: 'unknown', country: null, region: null, partOf: null, aliases: [], relatedTo: [], role: null, activeFrom: null, activeTo: null, curated: false })
  }
  // Link bare surnames ("Eastman", "Mohib") to the one full name that ends with them.
  const bySurname = new Map<string, WorldEntity | null>()
  for (const e of people.values()) {
    if (e.type !== 'person') continue
    const surname = e.name.split(' ').pop()!
    bySurname.set(surname, bySurname.has(surname) ? null : e)
  }
  for (const w of splitNameWords) if (bySurname.has(w)) bySurname.set(w, null)
  for (const k of known) {
    if (k.entity.type !== 'person') continue
    const surname = k.entity.name.split(' ').pop()!
    if (!bySurname.has(surname)) bySurname.set(surname, k.entity)
  }
  for (const para of sentences) {
    for (const s of para) {
      for (const t of s.tokens) {
        const e = bySurname.get(t.text)
        if (!e) continue
        if (covered(s.paragraph, t.start, t.end) || out.some((o) => o.paragraph === s.paragraph && o.start <= t.start && t.end <= o.end)) continue
        out.push({ paragraph: s.paragraph, sentence: s.index, start: t.start, end: t.end, text: t.text, entity: e })
      }
    }
  }
  return out
}

/** Mentions inside one sentence, in order. */
export function mentionsIn(ents: ArticleEntities, s: Sentence): Mention[] {
  return ents.mentions.filter((m) => m.paragraph === s.paragraph && m.start >= s.start && m.end <= s.end)
}
