import type { Mention } from '../entities'
import { hasWord } from '../text'
import type { QuizContext } from '../context'
import type { WorldEntity } from '../world'

/** The question word for an entity type: "which newspaper", "which country", "who". */
export function whPhrase(e: WorldEntity, subject: boolean): string {
  switch (e.type) {
    case 'person':
      return subject ? 'who' : 'whom'
    case 'country':
      return 'which country'
    case 'city':
      return 'which city'
    case 'outlet':
      return e.group === 'broadcaster' ? 'which broadcaster' : e.group === 'agency' ? 'which news agency' : e.group === 'journal' ? 'which journal' : e.group === 'magazine' ? 'which magazine' : e.group === 'website' ? 'which news website' : 'which newspaper'
    case 'region':
      return e.group === 'continent' ? 'which continent' : e.group === 'state' ? 'which state' : e.group === 'former-state' ? 'which former state' : e.group === 'territory' ? 'which territory' : 'which region'
    case 'organisation':
      if (/company|retailer|studio/.test(e.group)) return 'which company'
      if (e.group === 'party') return 'which party'
      if (e.group === 'armed-group' || e.group === 'movement') return 'which group'
      if (e.group === 'university') return 'which university'
      if (['executive', 'ministry', 'agency', 'legislature', 'court', 'military'].includes(e.group)) return 'which institution'
      return 'which organisation'
  }
}

/** The name to show for an entity in options: its fullest form in the article, or its curated name. */
export function shown(ctx: QuizContext, e: WorldEntity): string {
  return ctx.entities.displayName.get(e.key) ?? e.name
}

/** The answer as the article writes it at this mention: the full name for people, the mention's own form otherwise ("WHO"). */
export function answerForm(ctx: QuizContext, m: Mention): string {
  return m.entity.type === 'person' ? shown(ctx, m.entity) : m.text.replace(/^the\s+/i, '')
}

/**
 * True when a mention is the only one of its kind in its sentence's reach, so a question about it has
 * one defensible answer: the entity is named once in the sentence and is not one of a list ("Trump and Putin").
 */
export function soleAnswer(sentenceText: string, sentenceStart: number, m: Mention, inSentence: Mention[]): boolean {
  if (inSentence.filter((o) => o.entity.key === m.entity.key).length > 1) return false
  const before = sentenceText.slice(0, m.start - sentenceStart)
  const after = sentenceText.slice(m.end - sentenceStart)
  if (/(?:\band|\bor|,|\/|&)\s*(?:the\s+)?$/.test(before) && inSentence.some((o) => o !== m && o.entity.type === m.entity.type && o.end <= m.start)) return false
  if (/^\s*(?:,|\band\b|\bor\b|\/|&)/.test(after) && inSentence.some((o) => o !== m && o.entity.type === m.entity.type && o.start >= m.end)) return false
  // One of a list whose other members the data does not know ("MIT and Colorado State University").
  if (/^\s+and\s+(?:the\s+)?[\p{Lu}]/u.test(after) || /[\p{Lu}][\p{L}]*\s+and\s+(?:the\s+)?$/u.test(before)) return false
  // Possessives and compound modifiers ("Trump's team", "the Kremlin statement") do not take a wh-word cleanly.
  if (/^['’]s?\b/.test(after) || /^-/.test(after)) return false
  return true
}

/**
 * True when a mention stands where a question word or a gap cannot go without giving the answer away: as a
 * modifier before a noun ("US allies", "NATO efforts"), or after a title or descriptor that only the answer
 * fits ("Russia's President Vladimir Putin", "Republican frontman Trump", "Mr. Yanukovych").
 */
export function boundInPlace(m: Mention, sentenceText: string, sentenceStart: number, tokens: Array<{ start: number; pos: string }>): boolean {
  const next = tokens.find((t) => t.start >= m.end)
  if (next && next.start === m.end + 1 && ['NOUN', 'PROPN', 'ADJ', 'NUM'].includes(next.pos)) return true
  // "Make-A-Wish Foundation": a name joined by a hyphen to the words before it is only part of the name.
  // "a ban which does not cover Afghanistan": what something is not, almost any other option also is not.
  if (/\b(?:not|never|no longer)\s+(?:[a-z]+\s+){1,2}(?:the\s+)?$|n['’]t\s+(?:[a-z]+\s+){1,2}(?:the\s+)?$/.test(sentenceText.slice(0, m.start - sentenceStart))) return true
  // "Brasília, Brazil": the place before the comma gives away the country or region after it.
  if ((m.entity.type === 'country' || m.entity.type === 'region') && /[\p{Lu}][\p{L}]+,\s$/u.test(sentenceText.slice(0, m.start - sentenceStart))) return true
  // "which organisation (Comunidad Andina)": a gloss in brackets right after a name spells out the answer.
  if (/^\s*\(/.test(sentenceText.slice(m.end - sentenceStart))) return true
  if (sentenceText.charAt(m.end - sentenceStart) === '-' || /[\p{L}]-$/u.test(sentenceText.slice(0, m.start - sentenceStart))) return true
  // "from Irving, Texas": the place after the comma narrows the answer to one option.
  if (/^,\s+[A-Z]/.test(sentenceText.slice(m.end - sentenceStart)) && (m.entity.type === 'city' || m.entity.type === 'region')) return true
  // A common noun right before a name is a title or role ("Facebook creator Mark Zuckerberg") that only the answer fits.
  const prev = [...tokens].reverse().find((t) => t.start < m.start)
  if (prev && 'pos' in prev && prev.pos === 'NOUN' && m.start > sentenceStart) return true
  const lead = sentenceText.slice(0, m.start - sentenceStart)
  // A dateline ("November 17, Brisbane, Australia - The ...") places the report, it is not a fact of the story.
  if (/^[^.]{0,60}$/.test(lead) && /^[^.]{0,40}?\s[-–—]\s/.test(sentenceText.slice(m.end - sentenceStart)) && !/\s[-–—]\s/.test(lead)) return true
  // Part of a longer name ("University of Colorado", "Bank of America"): the name, not the place, is the fact.
  if (/\b[A-Z][\p{L}]+\s+of\s+(?:the\s+)?$/u.test(lead)) return true
  if (m.start > sentenceStart && /(?:\b[A-Z][\p{L}-]*\.?|\b(?:frontman|leader|candidate|rival|counterpart|president|minister|star|striker|player|coach|spokesman|spokeswoman|chief|director|head|founder|ambassador|secretary|senator|governor|mayor|chairman|actor|singer|author))\s$/u.test(lead)) return true
  return false
}

/**
 * True when a name's distinctive word shows elsewhere in the sentence ("Universal Pictures' ... also from
 * Universal") or its people's adjective does ("English captain" for England), so a gap or question word on it
 * would be filled by the rest of the prompt.
 */
export function echoedElsewhere(sentenceText: string, sentenceStart: number, m: Mention, demonyms: ReadonlyMap<string, string> = new Map()): boolean {
  const rest = sentenceText.slice(0, m.start - sentenceStart) + ' ' + sentenceText.slice(m.end - sentenceStart)
  // "English captain Harry Kane" names England as surely as "England" does.
  const adjectives = [...demonyms].filter(([, key]) => key === m.entity.key).map(([d]) => d)
  const words = [m.text, m.entity.name, ...m.entity.aliases, ...adjectives].join(' ').split(/[\s,.'’-]+/).filter((w) => w.length >= 4 && /^[\p{Lu}]/u.test(w))
  return words.some((w) => hasWord(rest, w))
}
