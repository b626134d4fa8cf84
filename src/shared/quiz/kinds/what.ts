import { stableHash } from '../../hash'
import { capitalise, evidenceOf, makeQuestion, quoteEvidence } from '../build'
import { resolveLeadingPronoun, resolveParagraphOpening, within, type QuizContext } from '../context'
import actions from '../data/actions.json'
import { entityDistractors, normalise } from '../distractors'
import type { Mention } from '../entities'
import type { Question } from '../model'
import type { Token } from '../nlp'
import type { Sentence } from '../sentences'
import type { WorldEntity } from '../world'
import { shown, whPhrase } from './shared'

/** How a verb takes what it says: the shapes of actions.json. */
export type Complement = 'to-vp' | 'np' | 'prep-np' | 'obj-np' | 'obj-of' | 'obj-to-vp' | 'wh'

/** One verb frame: the verb's lemma, how its complement follows it, and the words it needs on the way. */
export interface Frame {
  lemma: string
  complement: Complement
  prep?: string
  object?: string[]
}

/**
 * What kind of phrase an answer is: options are only ever of the same kind, so no option can be ruled out by
 * its grammar ("abandon Washington's allies" against "a new defence plan") or by what it could be said of
 * ("the founders of Daesh" is what someone is called, never a plan).
 */
export type Shape = 'vp' | 'np' | 'role' | 'ger' | 'wh'

/** The verb-frame data as shipped; the data test checks its shape. */
export const ACTIONS = actions as {
  frames: Frame[]
  reporting: string[]
  modals: string[]
  quoteGerund: string[]
  statementNouns: string[]
  aliasCues: string[]
  vagueHeads: string[]
  femaleFirstNames: string[]
}

const FRAMES = new Map<string, Frame[]>()
for (const f of ACTIONS.frames) FRAMES.set(f.lemma, [...(FRAMES.get(f.lemma) ?? []), f])
const REPORTING = new Set(ACTIONS.reporting)
const MODALS = new Set(ACTIONS.modals)
const FEMALE = new Set(ACTIONS.femaleFirstNames)

// Adverbs a verb group may carry that a question drops ("has already displayed" → "What has X displayed?").
const DROPPED_ADVERBS = new Set(['also', 'already', 'earlier', 'previously', 'openly', 'now', 'then', 'repeatedly', 'publicly', 'recently', 'once', 'again', 'reportedly', 'initially', 'formally', 'officially', 'subsequently', 'later', 'first'])
const NEGATION = new Set(['not', "n't", 'n’t', 'never'])
const PERSONAL_WORD = /^(?:he|she|him|her|his|hers|they|them|their|theirs|it|its|i|me|my|we|us|our|you|your)$/i
/** A personal pronoun, not the acronym it may spell ("US"). */
const PERSONAL = { test: (w: string): boolean => PERSONAL_WORD.test(w) && (w === 'I' || w !== w.toUpperCase()) }
const WH_WORDS = new Set(['who', 'what', 'where', 'when', 'why', 'how', 'which', 'whom', 'whether'])
// Prepositions a noun phrase may keep to say which thing it is ("a softer approach towards contentious issues").
const NP_PREPS = new Set(['of', 'towards', 'toward', 'between', 'with', 'for', 'on', 'against', 'than', 'about', 'to', 'in'])
const TIME_WORD = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|\d{4}|\d{4}s|today|yesterday|tomorrow|week|weekend|month|year|morning|evening|night|time)$/
const MIN_WORDS = 2
const MAX_WORDS = 8

/** A phrase the article states of someone: an answer, or a distractor for another question of its shape. */
interface Phrase {
  shape: Shape
  text: string
  /** Entity keys of whom the phrase is said: who did or will do it, or who is called it. */
  of: Set<string>
  /** Entity keys of who says it or does it to another: the one reporting, calling, accusing. */
  by: Set<string>
  paragraph: number
  /** Head word, so two phrases about the same thing ("a Putin puppet" / "a puppet of Putin") are not both offered. */
  head: string
  /** The verb it is the complement of, when known ("win"), and whether a frame of the data read it. */
  verb: string
  framed: boolean
}

/** Who a clause is about: entities named (or resolved from a pronoun) and the words a prompt uses for them. */
interface Party {
  entities: WorldEntity[]
  words: string
  /** "He" resolved to the person it names, for the explanation. */
  resolvedFrom?: string
  female?: boolean
  /** For one reporting a clause: "does" when the article says "says", "did" when "said". */
  reportDo?: string
}

interface Candidate {
  phrase: Phrase
  prompt: string
  sentence: Sentence
  /** The sentence before, when it is needed to know who "he" is and lies in the same paragraph. */
  previous?: Sentence
  note: string
}

/**
 * "What" questions on the main action of a sentence: what someone did, agreed to, threatened, called someone,
 * accused someone of, said they or another would do, or spoke of in a statement; and "X is another name for
 * which group?" where the article says two names are one. The verbs and the way each takes its complement are
 * data (actions.json). Answers are phrases as the article writes them, trimmed to their head and the words
 * that say which thing it is; options are phrases of the same shape from the same article, never one the
 * article states of anyone the prompt names.
 */
export function whatQuestions(ctx: QuizContext): Question[] {
  const reader = new ClauseReader(ctx)
  const { candidates, pool } = reader.read()
  const out: Question[] = []
  const answered = new Set<string>()
  // One defensible answer: a prompt the article answers twice ("agreed to a budget", later "agreed to a road plan") is not asked.
  const answersOf = new Map<string, Set<string>>()
  for (const c of candidates) answersOf.set(c.prompt, (answersOf.get(c.prompt) ?? new Set()).add(normalise(c.phrase.text)))
  for (const c of candidates) {
    if (answersOf.get(c.prompt)!.size > 1) continue
    // The same phrase said of several people ("won the Man of the Match award") is asked once, of the first.
    if (answered.has(normalise(c.phrase.text))) continue
    const distractors = pickDistractors(c.phrase, pool, c.prompt, ctx)
    if (distractors.length < 2) distractors.push(...swapped(ctx, c, pool, 3 - distractors.length))
    if (distractors.length < 2) continue
    const ev = c.previous ? evidenceOf(ctx, c.sentence.paragraph, c.previous.start, c.sentence.end) : evidenceOf(ctx, c.sentence.paragraph, c.sentence.start, c.sentence.end)
    const q = makeQuestion('what', c.prompt, c.phrase.text, distractors, ev, `${capitalise(c.phrase.text)}: ${quoteEvidence(ev.text)}${c.note}`)
    if (q) {
      answered.add(normalise(c.phrase.text))
      out.push(q)
    }
  }
  out.push(...aliasQuestions(ctx))
  return out
}

/** Reads every sentence once: the questions it can carry, and the phrases of every shape other questions may offer. */
class ClauseReader {
  private readonly pool: Phrase[] = []
  private readonly candidates: Candidate[] = []
  /** The person the last sentence was about, for a "He" that opens the next one. */
  private focus: Party | null = null

  /** Mentions by paragraph, so a sentence looks only at its own. */
  private readonly byParagraph: Mention[][]

  constructor(private readonly ctx: QuizContext) {
    this.byParagraph = ctx.article.paragraphs.map(() => [])
    for (const m of ctx.entities.mentions) this.byParagraph[m.paragraph]?.push(m)
  }

  private mentionsOf(paragraph: number): Mention[] {
    return this.byParagraph[paragraph] ?? []
  }

  read(): { candidates: Candidate[]; pool: Phrase[] } {
    for (const para of this.ctx.sentences) {
      for (const s of para) {
        const before = this.focus
        this.focus = null
        this.sentence(s, before)
      }
    }
    return { candidates: this.candidates, pool: this.pool }
  }

  private mentionAt(s: Sentence, t: Token): Mention | undefined {
    return this.mentionsOf(s.paragraph).find((m) => m.start <= t.start && t.end <= m.end)
  }

  private sentence(s: Sentence, before: Party | null): void {
    const toks = s.tokens
    let i = 0
    if (toks[0]?.pos === 'CCONJ') i = 1
    // An opening phrase ("During his election campaign,", "As NATO continues ...,") is not the subject.
    let subject: ReturnType<ClauseReader['subject']> = null
    if (toks[i] && (['ADP', 'SCONJ'].includes(toks[i]!.pos) || /ing$/.test(toks[i]!.text))) {
      // The subject follows one of the first few commas ("On a new website, “...”, Microsoft has launched ...").
      for (let k = i + 1, tries = 0; k < toks.length && tries < 3 && !subject; k++) {
        if (toks[k]!.text !== ',') continue
        tries++
        subject = this.subject(s, k + 1, before)
      }
    } else subject = this.subject(s, i, before)
    if (!subject) return this.freePhrases(s, 0, new Set(), before)
    if (subject.party.entities.length === 1 && subject.party.entities[0]!.type === 'person') this.focus = subject.party
    const about = new Set(subject.party.entities.map((e) => e.key))
    this.clause(s, subject.next, subject.party, null, before)
    this.freePhrases(s, subject.next, about, subject.party)
  }

  /** The subject starting at token `i`: one or two named entities, or a leading "He"/"His rival X" resolved. */
  private subject(s: Sentence, i: number, before: Party | null): { party: Party; next: number; previous?: Sentence } | null {
    const toks = s.tokens
    const first = toks[i]
    if (!first) return null
    // "He", "She": the person the sentence before was about.
    if (/^(?:he|she)$/i.test(first.text)) {
      const she = first.text.toLowerCase() === 'she'
      // "As Trump prepares to take office ..., he appears ...": the one person the opening phrase names.
      if (i > 0) {
        const named = this.mentionsOf(s.paragraph).filter((m) => m.start >= s.start && m.end <= first.start && m.entity.type === 'person')
        const keys = new Set(named.map((m) => m.entity.key))
        if (keys.size > 1) return null
        if (keys.size === 1) {
          const e = named[0]!.entity
          if (this.isFemale(e) !== she) return null
          return { party: { entities: [e], words: shown(this.ctx, e), female: she }, next: i + 1 }
        }
      }
      const party = this.resolveHe(s, she, before)
      return party ? { party, next: i + 1 } : null
    }
    // "His rival Clinton": the name is the subject, the possessive only links it to the sentence before.
    let j = i
    if (/^(?:his|her)$/i.test(first.text)) j++
    const entities: WorldEntity[] = []
    const words: string[] = []
    let k = j
    while (k < toks.length) {
      const t = toks[k]!
      // "President-elect": a verb joined by a hyphen is part of a title, not the sentence's verb.
      const hyphened = toks[k - 1]?.text === '-' && toks[k - 1]!.end === t.start
      if (['VERB', 'AUX'].includes(t.pos) && !this.mentionAt(s, t) && !hyphened) break
      const m = this.mentionAt(s, t)
      if (m) {
        let end = k
        while (end + 1 < toks.length && toks[end + 1]!.start < m.end) end++
        const possessive = /^['’]s?$/.test(toks[end + 1]?.text ?? '')
        // "Republican President-elect", "Democrat rival": a name before a noun only qualifies it.
        const modifier = ['NOUN', 'PROPN'].includes(toks[end + 1]?.pos ?? '') && !this.mentionAt(s, toks[end + 1]!)
        if (!possessive && !modifier && ['person', 'organisation', 'country', 'outlet'].includes(m.entity.type)) {
          entities.push(m.entity)
          const the = /^the$/i.test(toks[k - 1]?.text ?? '') && m.entity.type !== 'person' ? 'the ' : ''
          words.push(m.entity.type === 'person' ? shown(this.ctx, m.entity) : the + m.text.replace(/^the\s+/i, ''))
        }
        k = end + 1
        continue
      }
      if (t.text === ',') {
        // ", who previously criticised ...,": a relative clause between the subject and its verb.
        if (/^(?:who|which)$/i.test(toks[k + 1]?.text ?? '')) {
          const close = toks.findIndex((x, n) => n > k + 1 && x.text === ',')
          if (close < 0) return null
          k = close + 1
          continue
        }
        return null
      }
      if (!['PROPN', 'NOUN', 'ADJ', 'DET', 'CCONJ', 'PUNCT', 'NUM'].includes(t.pos) || PERSONAL.test(t.text)) return null
      k++
    }
    if (entities.length === 0 || entities.length > 2 || k - j > 8) return null
    const party: Party = { entities, words: words.join(' and '), female: entities.length === 1 && this.isFemale(entities[0]!) }
    return { party, next: k }
  }

  private isFemale(e: WorldEntity): boolean {
    return e.type === 'person' && FEMALE.has(e.name.split(' ')[0]!)
  }

  /**
   * A leading "He"/"She": the person the sentence before was about when that sentence's subject was one person
   * of the right sex, else the one person the sentence before names (resolveLeadingPronoun's rule).
   */
  private resolveHe(s: Sentence, she: boolean, before: Party | null): Party | null {
    const fits = (p: Party | null): p is Party => !!p && p.entities.length === 1 && p.entities[0]!.type === 'person' && !!p.female === she
    let party: Party | null = null
    if (s.index === 0 && s.paragraph > 0) {
      if (fits(before)) party = before
      else {
        const r = resolveParagraphOpening(this.ctx, s)
        if (r) party = { entities: [r.person.entity], words: shown(this.ctx, r.person.entity), female: this.isFemale(r.person.entity) }
      }
    } else if (s.index > 0) {
      if (fits(before)) party = before
      else {
        const r = resolveLeadingPronoun(this.ctx, s)
        if (r && r.person.entity.type === 'person') party = { entities: [r.person.entity], words: shown(this.ctx, r.person.entity), female: this.isFemale(r.person.entity) }
      }
    }
    if (!fits(party)) return null
    // Someone else of the same sex named before the verb would make "he" ambiguous.
    return { ...party, resolvedFrom: she ? 'She' : 'He' }
  }

  /**
   * The verb group from token `i` (auxiliaries, dropped adverbs, the verb) and what follows it. `reporter` is
   * who says the clause ("Trump said that the US has ...").
   */
  private clause(s: Sentence, i: number, subject: Party, reporter: Party | null, before: Party | null): void {
    const toks = s.tokens
    const aux: Token[] = []
    let k = i
    for (; k < toks.length; k++) {
      const t = toks[k]!
      if (NEGATION.has(t.text.toLowerCase())) return
      if (t.pos === 'AUX' && t.lemma !== 'be' && helpsVerb(toks, k)) aux.push(t)
      else if (DROPPED_ADVERBS.has(t.text.toLowerCase())) continue
      // "had in turn called"
      else if (t.text === 'in' && toks[k + 1]?.text === 'turn') k++
      else break
    }
    const verb = toks[k]
    if (!verb) return
    if (verb.pos === 'AUX' && verb.lemma === 'be') return
    const isModal = aux.some((a) => MODALS.has(a.text.toLowerCase()))
    // "he would reassure US allies": what someone says they will do.
    // "The government will scrap the interview step": what someone is to do.
    const future = aux.length === 1 && aux[0]!.text.toLowerCase() === 'will'
    if ((reporter ? isModal : future) && verb.pos === 'VERB' && !FRAMES.has(verb.lemma) && !REPORTING.has(verb.lemma) && verb.lemma !== 'have') {
      const vp = verbPhrase(toks, k)
      if (vp) this.add(s, 'vp', vp, subject, reporter, null, aux, null, 'do')
      return
    }
    if (!reporter && REPORTING.has(verb.lemma) && (verb.pos === 'VERB' || verb.pos === 'AUX')) {
      // "said that ...", "told the Wall Street Journal that ...": a clause someone reports.
      let n = k + 1
      // "announced Wednesday morning it will ...", "said on Friday that ...": when it was said.
      while (toks[n] && (TIME_WORD.test(toks[n]!.text) || (toks[n]!.text === 'on' && TIME_WORD.test(toks[n + 1]?.text ?? '')))) n++
      if (verb.lemma === 'tell') {
        while (n < toks.length && toks[n]!.text !== 'that' && n - k < 6) n++
        if (toks[n]?.text !== 'that') return
      }
      if (toks[n]?.text === 'that') n++
      this.reported(s, n, { ...subject, reportDo: /s$/.test(verb.text) ? 'does' : 'did' }, before)
      return
    }
    for (const frame of FRAMES.get(verb.lemma) ?? []) {
      if (verb.pos !== 'VERB' && !(verb.pos === 'AUX' && verb.lemma === 'have')) continue
      if (this.frame(s, k, frame, subject, reporter, aux, verb, before)) break
    }
    // ", saying that he sought to ...": a clause the subject reports after the main one.
    if (!reporter) {
      const saying = toks.findIndex((t, n) => n > k && t.text === 'saying' && toks[n - 1]?.text === ',')
      if (saying > 0) this.reported(s, saying + (toks[saying + 1]?.text === 'that' ? 2 : 1), subject, before)
    }
  }

  private reported(s: Sentence, n: number, reporter: Party, before: Party | null): void {
    const toks = s.tokens
    const first = toks[n]
    if (!first) return
    let inner: { party: Party; next: number } | null
    if (/^it$/i.test(first.text)) {
      // "Kmart Corp announced it will buy ...": "it" is the organisation or country reporting.
      const e = reporter.entities[0]
      if (reporter.entities.length !== 1 || e!.type === 'person') return
      inner = { party: { ...reporter, words: 'it', resolvedFrom: undefined }, next: n + 1 }
    } else if (/^(?:he|she)$/i.test(first.text)) {
      const she = first.text.toLowerCase() === 'she'
      // "Obama said he would ...": the one reporting, when of the right sex; "Clinton ..., saying that he sought":
      // the one person of the right sex the sentence or the one before is about.
      const fits = (p: Party | null): p is Party => !!p && p.entities.length === 1 && p.entities[0]!.type === 'person' && !!p.female === she
      const cands = fits(reporter) ? [reporter] : fits(before) ? [before] : []
      const keys = new Set(cands.map((p) => p.entities[0]!.key))
      // Anyone else of the same sex named before the pronoun could be meant; a name used as a modifier ("a Putin puppet") is not.
      const named = this.mentionsOf(s.paragraph).filter((m) => m.start >= s.start && m.end <= first.start && m.entity.type === 'person' && this.isFemale(m.entity) === she)
      for (const m of named) if (toks.find((t) => t.start >= m.end)?.pos !== 'NOUN') keys.add(m.entity.key)
      if (keys.size !== 1 || cands.length === 0) return
      // "What did Barack Obama say he would do?": the prompt keeps "he" for the one reporting.
      const self = cands[0] === reporter
      inner = { party: { ...cands[0]!, words: self ? first.text.toLowerCase() : cands[0]!.words, resolvedFrom: self ? undefined : first.text.toLowerCase() }, next: n + 1 }
    } else {
      inner = this.subject(s, n, before)
    }
    if (!inner) return
    this.clause(s, inner.next, inner.party, reporter, before)
  }

  private frame(s: Sentence, k: number, frame: Frame, subject: Party, reporter: Party | null, aux: Token[], verb: Token, before: Party | null): boolean {
    const toks = s.tokens
    const next = toks[k + 1]
    switch (frame.complement) {
      case 'to-vp': {
        if (next?.text !== 'to' || toks[k + 2]?.pos !== 'VERB' || toks[k + 2]!.text.toLowerCase() !== toks[k + 2]!.lemma) return false
        const vp = verbPhrase(toks, k + 2)
        if (!vp) return false
        this.add(s, 'vp', vp, subject, reporter, null, aux, verb, 'to do')
        return true
      }
      case 'prep-np': {
        if (next?.text.toLowerCase() !== frame.prep) return false
        const np = nounPhrase(toks, k + 2, true)
        if (!np) return false
        this.add(s, 'np', np, subject, reporter, null, aux, verb, frame.prep!)
        return true
      }
      case 'np': {
        const np = nounPhrase(toks, k + 1, true)
        if (!np) return false
        this.add(s, 'np', np, subject, reporter, null, aux, verb, '')
        return true
      }
      case 'wh': {
        const words = frame.object ?? []
        for (const w of words) {
          const parts = w.split(' ')
          let n = k + 1
          const quoted = /^[“"]$/.test(toks[n]?.text ?? '')
          if (quoted) n++
          if (!parts.every((p, x) => toks[n + x]?.text.toLowerCase() === p)) continue
          n += parts.length
          if (quoted && /^[”"]$/.test(toks[n]?.text ?? '')) n++
          if (!WH_WORDS.has(toks[n]?.text.toLowerCase() ?? '')) continue
          const end = clauseEnd(toks, n)
          if (end - n < 2 || end - n > MAX_WORDS) continue
          const objectText = s.text.slice(toks[k + 1]!.start - s.start, toks[n - 1]!.end - s.start)
          this.add(s, 'wh', { from: n, to: end }, subject, reporter, null, aux, verb, `${objectText} about`)
          return true
        }
        return false
      }
      case 'obj-np':
      case 'obj-of':
      case 'obj-to-vp': {
        const obj = this.object(s, k + 1, subject, before)
        if (!obj) return false
        const n = obj.next
        if (frame.complement === 'obj-np') {
          if (!['DET', 'ADJ'].includes(toks[n]?.pos ?? '')) return false
          const np = nounPhrase(toks, n, true)
          if (!np) return false
          this.add(s, 'role', np, subject, reporter, obj.party, aux, verb, obj.party.words)
          return true
        }
        if (frame.complement === 'obj-to-vp') {
          if (toks[n]?.text !== 'to' || toks[n + 1]?.pos !== 'VERB') return false
          const vp = verbPhrase(toks, n + 1)
          if (!vp) return false
          this.add(s, 'vp', vp, subject, reporter, obj.party, aux, verb, `${obj.party.words} to do`)
          return true
        }
        if (toks[n]?.text !== 'of') return false
        if (toks[n + 1]?.text === 'being') {
          const np = nounPhrase(toks, n + 2, true)
          if (!np) return false
          this.add(s, 'role', np, subject, reporter, obj.party, aux, verb, `${obj.party.words} of being`)
          return true
        }
        if (toks[n + 1]?.pos === 'VERB' && /ing$/.test(toks[n + 1]!.text)) {
          const vp = verbPhrase(toks, n + 1)
          if (!vp) return false
          this.add(s, 'ger', vp, subject, reporter, obj.party, aux, verb, `${obj.party.words} of`)
          return true
        }
        return false
      }
    }
  }

  /** The object of a verb: a named entity, "him"/"her" for the one other person in reach, or a short "the two Democrats". */
  private object(s: Sentence, n: number, subject: Party, before: Party | null): { party: Party; next: number } | null {
    const toks = s.tokens
    const t = toks[n]
    if (!t) return null
    if (/^(?:him|her)$/i.test(t.text)) {
      const female = t.text.toLowerCase() === 'her'
      const subjectKey = subject.entities[0]?.key
      if (!before || before.entities.length !== 1 || before.entities[0]!.key === subjectKey || !!before.female !== female) return null
      return { party: { ...before, resolvedFrom: t.text.toLowerCase() }, next: n + 1 }
    }
    const m = this.mentionAt(s, t)
    if (m && ['person', 'organisation', 'country'].includes(m.entity.type)) {
      let end = n
      while (end + 1 < toks.length && toks[end + 1]!.start < m.end) end++
      if (/^['’]s?$/.test(toks[end + 1]?.text ?? '')) return null
      const words = m.entity.type === 'person' ? shown(this.ctx, m.entity) : (/^the$/i.test(toks[n - 1]?.text ?? '') ? 'the ' : '') + m.text
      return { party: { entities: [m.entity], words }, next: end + 1 }
    }
    // "the two Democrats": a plural noun phrase the prompt can carry as written.
    if (/^the$/i.test(t.text)) {
      let e = n + 1
      while (e < toks.length && ['NUM', 'ADJ', 'PROPN', 'NOUN'].includes(toks[e]!.pos) && e - n < 4) e++
      const words = s.text.slice(t.start - s.start, toks[e - 1]!.end - s.start)
      if (e - n >= 3 && toks[n + 1]!.pos === 'NUM' && /s$/.test(toks[e - 1]!.text)) return { party: { entities: [], words }, next: e }
    }
    return null
  }

  /** Records a phrase and, when its clause can be asked cleanly, a question on it. */
  private add(s: Sentence, shape: Shape, span: { from: number; to: number }, subject: Party, reporter: Party | null, object: Party | null, aux: Token[], verb: Token | null, tail: string): void {
    const toks = s.tokens
    const text = s.text.slice(toks[span.from]!.start - s.start, toks[span.to - 1]!.end - s.start)
    const keys = (...ps: Array<Party | null>): Set<string> => new Set(ps.flatMap((p) => p?.entities ?? []).map((e) => e.key))
    // "called him a Putin puppet": the phrase is said of the object, by the subject; "threatened to abandon ...": of the subject.
    const phrase: Phrase = object
      ? { shape, text, of: keys(object), by: keys(subject, reporter), paragraph: s.paragraph, head: headOf(toks, span), verb: verb?.lemma ?? '', framed: true }
      : { shape, text, of: keys(subject), by: keys(reporter), paragraph: s.paragraph, head: headOf(toks, span), verb: verb?.lemma ?? '', framed: true }
    // "who it is backing in Syria": a wh-clause's pronoun points at the subject the prompt names.
    if (!cleanPhrase(shape === 'wh' ? text.replace(/\b(?:it|they|he|she)\b/g, 'x') : text)) return
    this.pool.push(phrase)
    // The subject must be someone the question can name: a resolved pronoun or a named entity.
    if (subject.entities.length === 0) return
    const condition = conditionAfter(s, span.to)
    let prompt: string
    if (reporter) {
      // Reports in news are past tense: "What did Obama say he would do?"
      prompt = `What ${reporter.reportDo ?? 'did'} ${reporter.words} say ${subject.words} ${[...aux.map((a) => a.text), verb?.text ?? ''].join(' ')} ${tail}${condition}?`
    } else if (verb) {
      const [first, rest] = questionVerb(aux, verb)
      prompt = `What ${first} ${subject.words} ${[rest, tail].filter(Boolean).join(' ')}${condition}?`
    } else prompt = `What ${aux.map((a) => a.text.toLowerCase()).join(' ')} ${subject.words} ${tail}${condition}?`
    prompt = prompt.replace(/\s+/g, ' ').replace(/ \?$/, '?')
    if (inQuoteMarks(this.ctx, s, toks[span.from]!.start)) return
    const resolved = [subject, reporter, object].filter((p): p is Party => !!p?.resolvedFrom)
    const previous = resolved.length > 0 && s.index > 0 ? this.ctx.sentences[s.paragraph]![s.index - 1] : undefined
    const note = resolved.map((p) => ` “${p.resolvedFrom}” is ${p.words}.`).join('')
    this.candidates.push({ phrase, prompt, sentence: s, previous: previous && previous.end - previous.start < 400 ? previous : undefined, note })
  }

  /**
   * Phrases no frame asks about but that other questions may offer: "to VERB ..." after a named doer ("NATO
   * efforts to maintain the post-Cold War status quo"), and objects of verbs. Each is said of the entities named
   * in its clause, so it is never offered against a question about them.
   */
  private freePhrases(s: Sentence, from: number, about: Set<string>, focus: Party | null): void {
    const toks = s.tokens
    let clauseStart = 0
    for (let k = Math.max(1, from); k < toks.length; k++) {
      const t = toks[k]!
      if (t.text === ',' || t.text === ';' || /^(?:that|who|which)$/i.test(t.text)) clauseStart = k
      if (t.pos !== 'VERB' || inQuoteMarks(this.ctx, s, t.start)) continue
      const inClause = this.mentionsOf(s.paragraph).filter((m) => m.start >= toks[clauseStart]!.start && m.end <= t.start).map((m) => m.entity.key)
      const keys = new Set([...inClause, ...(clauseStart === 0 ? about : [])])
      // "it", "they" as the doer may be anyone the story is about: the sentence's named subject, or the one before's.
      const pronounDoer = toks.slice(clauseStart, k).some((x) => /^(?:it|its|they|their|he|his|she|her)$/i.test(x.text))
      // With no doer named in its clause (", indicating a possible change"), a phrase is the sentence subject's.
      if (keys.size === 0 && pronounDoer && !focus && about.size === 0) continue
      if (keys.size === 0) for (const key of [...about, ...(focus?.entities.map((e) => e.key) ?? [])]) keys.add(key)
      // Only a verb with a direct object: "going to war with Russia" is no action of anyone's.
      const direct = npCore(toks, k + 1) !== null
      if (!direct) continue
      if (toks[k - 1]?.text === 'to') {
        if (t.text.toLowerCase() !== t.lemma) continue
        const vp = verbPhrase(toks, k)
        if (vp) this.pushFree(s, 'vp', vp, keys)
      } else if (!FRAMES.has(t.lemma) && !REPORTING.has(t.lemma)) {
        const np = nounPhrase(toks, k + 1, true)
        // "the conversation" fits any question: a distractor needs words that say which thing it is, and a thing
        // ("the Belgians in the lead" is no thing anyone wins).
        const head = np ? toks[npCore(toks, np.from)! - 1] : undefined
        if (np && toks[np.from]!.pos === 'DET' && np.to - np.from >= 3 && head?.pos === 'NOUN') this.pushFree(s, 'np', np, keys)
      }
    }
    // "by developing the trade-economic component," in a statement: what it spoke of.
    this.quoteGerunds(s)
  }

  private pushFree(s: Sentence, shape: Shape, span: { from: number; to: number }, about: Set<string>): void {
    const toks = s.tokens
    const text = s.text.slice(toks[span.from]!.start - s.start, toks[span.to - 1]!.end - s.start)
    if (!cleanPhrase(text)) return
    if (this.pool.some((p) => p.paragraph === s.paragraph && p.text === text)) return
    this.pool.push({ shape, text, of: about, by: new Set(), paragraph: s.paragraph, head: headOf(toks, span), verb: toks[span.from - 1]?.lemma ?? '', framed: false })
  }

  /**
   * "“... by developing the trade-economic component,” the statement added": a quoted statement whose owner the
   * sentence before names ("the Kremlin said in its statement") spoke of developing a thing.
   */
  private quoteGerunds(s: Sentence): void {
    const toks = s.tokens
    for (const q of this.ctx.quotes) {
      if (q.paragraph !== s.paragraph || q.start < s.start || q.end > s.end) continue
      const statement = q.speaker ? null : this.statementOwner(s, q.end)
      const owner = q.speaker?.entity ?? statement
      if (!owner || owner.type === 'person') continue
      for (let k = 1; k < toks.length - 1; k++) {
        const t = toks[k]!
        if (t.start < q.start || t.end > q.end) continue
        if (!ACTIONS.quoteGerund.includes(toks[k - 1]!.text.toLowerCase()) || t.pos !== 'VERB' || !/ing$/.test(t.text)) continue
        const np = nounPhrase(toks, k + 1, true)
        if (!np || toks[np.to - 1]!.end > q.end) continue
        const party: Party = { entities: [owner], words: ownerWords(this.ctx, owner) }
        this.addSpoke(s, np, party, t.text, statement ? ` The statement is ${possessive(party.words)}.` : '')
      }
    }
  }

  private addSpoke(s: Sentence, np: { from: number; to: number }, party: Party, gerund: string, note: string): void {
    const toks = s.tokens
    const text = s.text.slice(toks[np.from]!.start - s.start, toks[np.to - 1]!.end - s.start)
    if (!cleanPhrase(text)) return
    const phrase: Phrase = { shape: 'np', text, of: new Set(party.entities.map((e) => e.key)), by: new Set(), paragraph: s.paragraph, head: headOf(toks, np), verb: toks[np.from - 1]?.lemma ?? '', framed: true }
    this.pool.push(phrase)
    this.candidates.push({ phrase, prompt: `What did ${party.words} speak of ${gerund}?`, sentence: s, note })
  }

  /** "the statement added": the organisation the sentence before says made a statement. */
  private statementOwner(s: Sentence, quoteEnd: number): WorldEntity | null {
    const after = s.text.slice(quoteEnd - s.start)
    if (!new RegExp(`^\\s*,?\\s*the\\s+(?:${ACTIONS.statementNouns.join('|')})\\s+(?:added|said|continued|read|stated)\\b`).test(after)) return null
    const prev = s.index > 0 ? this.ctx.sentences[s.paragraph]![s.index - 1] : this.ctx.sentences[s.paragraph - 1]?.at(-1)
    if (!prev || !/\b(?:its|a|the)\s+statement\b/.test(prev.text)) return null
    const orgs = this.mentionsOf(prev.paragraph).filter((m) => m.start >= prev.start && m.end <= prev.end && m.entity.type === 'organisation')
    const keys = new Set(orgs.map((m) => m.entity.key))
    return keys.size === 1 ? orgs[0]!.entity : null
  }
}

/** True when the auxiliary at `k` helps a verb after it ("has threatened"), not when it is the verb ("has “no idea”"). */
function helpsVerb(toks: Token[], k: number): boolean {
  let n = k + 1
  while (n < toks.length && (DROPPED_ADVERBS.has(toks[n]!.text.toLowerCase()) || NEGATION.has(toks[n]!.text.toLowerCase()) || (toks[n]!.text === 'in' && toks[n + 1]?.text === 'turn'))) n += toks[n]!.text === 'in' ? 2 : 1
  return ['VERB', 'AUX'].includes(toks[n]?.pos ?? '')
}

/**
 * True when a phrase may not stand against the answer: it is said of someone the answer is said of or by (what
 * someone is called: by the same caller or of the same one called), so the article may make it true as well.
 */
function conflicts(ctx: QuizContext, answer: Phrase, p: Phrase): boolean {
  const meet = (a: Set<string>, b: Set<string>): boolean => [...a].some((x) => [...b].some((y) => sameSide(ctx, x, y)))
  if (answer.shape === 'role' || answer.shape === 'ger') return meet(answer.of, p.of) || meet(answer.by, p.by)
  const all = (x: Phrase): Set<string> => new Set([...x.of, ...x.by])
  return meet(all(answer), all(p))
}

function possessive(words: string): string {
  return /s$/.test(words) ? `${words}’` : `${words}’s`
}

function ownerWords(ctx: QuizContext, e: WorldEntity): string {
  const form = ctx.entities.mentions.find((m) => m.entity.key === e.key)
  const name = shown(ctx, e)
  // "the Kremlin", "the European Union": a body takes "the" when the article gives it one.
  if (form && new RegExp(`\\bthe\\s+${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'i').test(ctx.article.paragraphs[form.paragraph]!.slice(Math.max(0, form.start - 4), form.end))) return `the ${name}`
  return name
}

/**
 * The inverted verb of a question: "has threatened" → ["has", "threatened"], "had called" → ["did", "call"],
 * "threatened" → ["did", "threaten"], "threatens" → ["does", "threaten"].
 */
function questionVerb(aux: Token[], verb: Token): [string, string] {
  const base = baseForm(verb)
  if (aux.length > 0) {
    const a = aux[0]!.text.toLowerCase()
    if (a === 'had' && aux.length === 1) return ['did', base]
    return [a, [...aux.slice(1).map((x) => x.text), verb.text].join(' ')]
  }
  const t = verb.text.toLowerCase()
  if (t === verb.lemma) return ['do', base]
  if (t === `${verb.lemma}s` || t === `${verb.lemma}es` || (/ies$/.test(t) && verb.lemma.endsWith('y'))) return ['does', base]
  return ['did', base]
}

/** The verb's base form, in the article's spelling ("criticised" → "criticise", not the lemma's "criticize"). */
function baseForm(verb: Token): string {
  const l = verb.lemma
  const t = verb.text.toLowerCase()
  if (l.endsWith('ize') && /ised$/.test(t)) return l.replace(/ize$/, 'ise')
  return l
}

/** Extends a phrase ending at `end` by one prepositional phrase that says which thing it is ("towards contentious issues"). */
function wordsIn(toks: Token[], from: number, to: number): number {
  return toks.slice(from, to).filter((t) => t.pos !== 'PUNCT' && t.pos !== 'PART').length
}

function withQualifier(toks: Token[], from: number, end: number): number {
  const p = toks[end]
  if (!p || p.pos !== 'ADP' || !NP_PREPS.has(p.text.toLowerCase())) return end
  const more = npCore(toks, end + 1)
  // "on Monday", "in 2014": when it happened is no part of what it was.
  if (more === null || toks.slice(end + 1, more).some((t) => TIME_WORD.test(t.text))) return end
  return wordsIn(toks, from, more) <= MAX_WORDS ? more : end
}

/** The end (exclusive) of a noun phrase starting at `i`, with one "of"/"towards" phrase that says which thing it is; null when none. */
function nounPhrase(toks: Token[], i: number, withPrep: boolean): { from: number; to: number } | null {
  const end = npCore(toks, i)
  if (end === null) return null
  const to = withPrep ? withQualifier(toks, i, end) : end
  const words = toks.slice(i, to).filter((t) => t.pos !== 'PUNCT' && t.pos !== 'PART').length
  if (words < MIN_WORDS || words > MAX_WORDS) return null
  return { from: i, to }
}

function npCore(toks: Token[], i: number): number | null {
  const end = npCoreRaw(toks, i)
  // "retirees' initial benefits" cut before its apostrophe would name the wrong thing.
  if (end !== null && /^['’]/.test(toks[end]?.text ?? '')) return null
  return end
}

// Words the tagger may read as nouns that never end a noun phrase ("the government's record whilst ...").
const NEVER_NOUN = /^(?:whilst|while|whereas|although|though|because|unless|since|until|after|before)$/i

function npCoreRaw(toks: Token[], i: number): number | null {
  let k = i
  if (toks[k]?.pos === 'DET' && !/^(?:that|this|these|those|which|what|each|every|any|some|all|both)$/i.test(toks[k]!.text)) k++
  let head = -1
  while (k < toks.length) {
    const t = toks[k]!
    if (PERSONAL.test(t.text)) return null
    // "the Channel last year": when is no part of what.
    if (TIME_WORD.test(t.text) && k > i) return null
    if (NEVER_NOUN.test(t.text)) break
    if (['NOUN', 'PROPN', 'NUM'].includes(t.pos)) head = k
    else if (t.pos === 'ADJ' || (t.pos === 'ADV' && toks[k + 1]?.pos === 'ADJ')) {
      /* modifier */
    } else if (t.pos === 'PART' && /^['’]s?$/.test(t.text) && head === k - 1) {
      /* possessive inside the phrase: "Russia's President Vladimir Putin" */
    } else if (t.text === '-' && toks[k - 1]?.end === t.start && toks[k + 1]?.start === t.end) {
      /* hyphenated word: "trade-economic" */
    } else break
    k++
  }
  return head >= 0 ? head + 1 : null
}

/** A verb with its object or one prepositional phrase: "abandon Washington's allies", "break-up the NATO military bloc". */
function verbPhrase(toks: Token[], i: number): { from: number; to: number } | null {
  let k = i + 1
  // "break-up", "set up": a particle stays with its verb.
  if (toks[k]?.text === '-' && toks[k + 1]?.pos === 'ADP' && toks[k]!.start === toks[i]!.end) k += 2
  else if (toks[k]?.pos === 'ADP' && /^(?:up|out|off|down|away|back)$/i.test(toks[k]!.text)) k++
  let end = npCore(toks, k)
  if (end === null && toks[k]?.pos === 'ADP') {
    const inner = npCore(toks, k + 1)
    if (inner !== null) end = inner
  }
  if (end === null) return null
  // "of"-phrase or another that says which thing ("cut gas supplies to Ukraine"), kept when short.
  end = withQualifier(toks, i, end)
  const words = toks.slice(i, end).filter((t) => t.pos !== 'PUNCT' && t.pos !== 'PART').length
  if (words < MIN_WORDS || words > MAX_WORDS) return null
  return { from: i, to: end }
}

/** The end of a short wh-clause: up to a comma, a quote or the sentence end. */
function clauseEnd(toks: Token[], n: number): number {
  let k = n
  while (k < toks.length && !/^[,;:.!?“”"]$/.test(toks[k]!.text)) k++
  return k
}

function headOf(toks: Token[], span: { from: number; to: number }): string {
  const slice = toks.slice(span.from, span.to)
  const ofAt = slice.findIndex((t) => t.text === 'of' || t.pos === 'ADP')
  const core = ofAt > 0 ? slice.slice(0, ofAt) : slice
  const nouns = core.filter((t) => t.pos === 'NOUN' || t.pos === 'PROPN')
  return (nouns.at(-1) ?? core.at(-1)!).lemma.toLowerCase()
}

const VAGUE = new Set(ACTIONS.vagueHeads)

/** An answer must read alone: no pronoun, no quote mark cut in two, no dangling comma, no "the move" that points back. */
function cleanPhrase(text: string): boolean {
  const words = text.split(/\s+/)
  if (words.length <= 2 && VAGUE.has(words.at(-1)!.toLowerCase())) return false
  if (/\b(?:he|she|him|her|his|hers|they|them|their|it|its|this|that|these|those)\b/i.test(text)) return false
  if (/[“”"‘]/.test(text)) return false
  return !/[,;:]$/.test(text)
}

/** An "if" clause after the complement, kept when it names what it needs ("if allies do not spend more"). */
function conditionAfter(s: Sentence, to: number): string {
  const toks = s.tokens
  if (toks[to]?.text !== 'if') return ''
  const end = clauseEnd(toks, to)
  const text = s.text.slice(toks[to]!.start - s.start, toks[end - 1]!.end - s.start)
  if (PERSONAL_ANYWHERE.test(text) || end - to > 12) return ''
  return ` ${text}`
}
const PERSONAL_ANYWHERE = /\b(?:he|she|him|her|his|hers|they|them|their|it|its|we|our|i|you)\b/i

function inQuoteMarks(ctx: QuizContext, s: Sentence, at: number): boolean {
  return ctx.quotes.some((q) => q.paragraph === s.paragraph && q.start <= at && at < q.end)
}

/** Two entities on the same side: the same one, or a country's seat of government and someone of that country. */
function sameSide(ctx: QuizContext, a: string, b: string): boolean {
  if (a === b) return true
  const ea = ctx.entities.byKey.get(a)
  const eb = ctx.entities.byKey.get(b)
  if (!ea || !eb) return false
  const exec = (e: WorldEntity): boolean => e.type === 'organisation' && e.group === 'executive'
  return (exec(ea) || exec(eb)) && ea.country !== null && ea.country === eb.country
}

/**
 * Up to three phrases of the answer's shape from elsewhere in the article, nearest in length first: never one
 * said of anyone the answer is said of, never one naming someone the prompt names, never two on the same head.
 */
function pickDistractors(answer: Phrase, pool: Phrase[], prompt: string, ctx: QuizContext): string[] {
  const promptWords = new Set(prompt.toLowerCase().match(/[\p{L}]{4,}/gu) ?? [])
  const answerNames = new Set(answer.text.match(/[\p{Lu}][\p{L}]{3,}/gu) ?? [])
  const heads = new Set([answer.head])
  const seen = new Set([normalise(answer.text)])
  const len = (t: string): number => t.split(/\s+/).length
  const candidates = pool
    .filter((p) => p.shape === answer.shape && p !== answer)
    .filter((p) => !conflicts(ctx, answer, p))
    // A name of the prompt or of the key in an option ("a boon for Sears" beside "... operator Sears") points at or away from the key.
    .filter((p) => !(p.text.match(/[\p{Lu}][\p{L}]{3,}/gu) ?? []).some((w) => promptWords.has(w.toLowerCase()) || answerNames.has(w)))
    // Objects of the same verb first ("won a penalty" for "won the award"), then phrases a frame read, then the rest;
    // within each, nearest in length, so the key does not stand out as the longest.
    // NAME: FRAMED_THINGS. A thing read off any other verb ("the wounded in hospital" for what an inquiry "found",
    // "the central bank's gold" for what the World Bank "suspended") is ruled out by what the verb can take: over
    // the readings of unseen news raters passed 3 of 20 "what" questions, most failing on such options. An action
    // ("reassure US allies" for "abandon Washington's allies") fits any verb that takes one.
    .filter((p) => p.verb === answer.verb || p.framed || p.shape !== 'np')
    .map((p) => ({ p, rank: p.verb === answer.verb ? 0 : p.framed ? 1 : 2, gap: Math.abs(len(p.text) - len(answer.text)), tie: stableHash(answer.text + p.text) }))
    .sort((a, b) => a.rank - b.rank || a.gap - b.gap || (a.tie < b.tie ? -1 : 1))
    .map((x) => x.p)
  const out: string[] = []
  for (const p of candidates) {
    const n = normalise(p.text)
    if (seen.has(n) || heads.has(p.head) || normalise(answer.text).includes(n) || n.includes(normalise(answer.text))) continue
    seen.add(n)
    heads.add(p.head)
    out.push(p.text)
    if (out.length === 3) break
  }
  return out
}

/**
 * The answer with the one name it holds swapped for another of the same kind ("who it is backing in Syria" →
 * "who it is backing in Iraq"), when the article has too few phrases of its shape; never a phrase the article states.
 */
function swapped(ctx: QuizContext, c: Candidate, pool: Phrase[], count: number): string[] {
  const s = c.sentence
  const at = s.text.indexOf(c.phrase.text)
  if (at < 0) return []
  const start = s.start + at
  const end = start + c.phrase.text.length
  const inside = within(ctx.entities.mentions, { paragraph: s.paragraph, start, end })
  if (inside.length !== 1) return []
  const m = inside[0]!
  // "Washington’s allies": a place in the possessive stands for its government; another city's allies mean nothing.
  if (/^['’]/.test(s.text.slice(m.end - s.start))) return []
  const exclude = new Set([...c.phrase.of, ...c.phrase.by, ...within(ctx.entities.mentions, s).map((x) => x.entity.key)])
  const stated = new Set(pool.map((p) => normalise(p.text)))
  const out: string[] = []
  for (const e of entityDistractors(ctx, m.entity, exclude, count + 2)) {
    // People from the data may be from another decade; only the article's own people fit its story.
    if (e.type === 'person' && !ctx.entities.byKey.has(e.key)) continue
    // "the Taliban": a name the data gives with "the" keeps it.
    const name = e.aliases.find((a) => /^the\s/.test(a) && a.slice(4) === e.name) ?? shown(ctx, e)
    const text = c.phrase.text.slice(0, m.start - start) + name + c.phrase.text.slice(m.end - start)
    if (stated.has(normalise(text)) || ctx.article.paragraphs.some((p) => p.includes(text))) continue
    out.push(text)
    if (out.length === count) break
  }
  return out
}

/**
 * "Daesh is another name for which group?" where a sentence gives one entity two names and says so ("referring to
 * the Daesh terrorist group with an alternative acronym", "X, also known as Y"). Options are entities of the same kind.
 */
function aliasQuestions(ctx: QuizContext): Question[] {
  const out: Question[] = []
  for (const para of ctx.sentences) {
    for (const s of para) {
      const lower = s.text.toLowerCase()
      const cue = ACTIONS.aliasCues.map((c) => ({ c, at: lower.indexOf(c) })).find((x) => x.at >= 0)
      if (!cue) continue
      const mentions = within(ctx.entities.mentions, s)
      const cueAt = s.start + cue.at
      for (const a of mentions) {
        const b = mentions.find((o) => o.entity.key === a.entity.key && normalise(o.text) !== normalise(a.text))
        if (!b) continue
        // The name nearest the cue is the one the sentence explains; the other is its other name.
        const near = Math.abs(a.start - cueAt) <= Math.abs(b.start - cueAt) ? a : b
        if (near !== a) continue
        const other = mentions.filter((o) => o.entity.key === a.entity.key && normalise(o.text) !== normalise(a.text))[0]!
        const answer = other.text.replace(/^the\s+/i, '')
        const name = a.text.replace(/^the\s+/i, '')
        const distractors = entityDistractors(ctx, a.entity, new Set([a.entity.key])).map((e) => shown(ctx, e))
        // A sentence that goes on a quote begun in the sentence before shows the whole quote.
        const open = ctx.quotes.find((q) => q.paragraph === s.paragraph && q.start < s.start && q.end > s.start)
        const ev = evidenceOf(ctx, s.paragraph, open ? Math.min(open.evidenceStart, s.start) : s.start, s.end)
        const q = makeQuestion('what', `${capitalise(name)} is another name for ${whPhrase(a.entity, false)}?`, answer, distractors, ev, `${answer} and ${name} are one: ${quoteEvidence(ev.text)}`)
        if (q) out.push(q)
        break
      }
    }
  }
  return out
}
