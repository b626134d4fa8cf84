import type { Article } from '../article/model'
import type { ArticleEntities, Mention } from './entities'
import type { Sentence } from './sentences'

/** Quoted speech with the person the article says spoke it. Offsets are into the paragraph. */
export interface Quote {
  paragraph: number
  /** Span of the quote marks and what they hold. */
  start: number
  end: number
  /** The words inside the quote marks. */
  words: string
  speaker: Mention | null
  /** Span of the sentence or two sentences holding both the quote and the named speaker. */
  evidenceStart: number
  evidenceEnd: number
}

// Curly and straight quotes pair in any combination: articles mix them ("“building ... Washington\"").
const QUOTE = /[“"]([^“”"]+)[”"]/g
const SAY = '(?:said|says|saying|added|adds|told|tells|explained|stated|stating|noted|wrote|warned|argued|claimed|insisted|asked|replied|continued|commented)'

/**
 * Finds quotes and their speakers: a name or "he"/"she" next to a verb of saying after the quote
 * (", he said"), or a name before it ("Obama said ... “...”"). "He" and "she" resolve to the last person
 * named earlier in the same paragraph, so the evidence can show the name; otherwise the speaker is unknown.
 */
export function findQuotes(article: Article, sentences: Sentence[][], ents: ArticleEntities): Quote[] {
  const out: Quote[] = []
  article.paragraphs.forEach((text, paragraph) => {
    const sents = sentences[paragraph] ?? []
    const people = ents.mentions.filter((m) => m.paragraph === paragraph && m.entity.type === 'person')
    // A platform is where words were posted, not who said them: "Trump wrote on Twitter: “…”" is Trump's.
    const medium = (m: Mention): boolean => m.entity.group === 'social-media-company' || /\b(?:on|via|through)\s+(?:the\s+|his\s+|her\s+|its\s+|their\s+)?$/i.test(text.slice(Math.max(0, m.start - 14), m.start))
    const speakers = ents.mentions.filter((m) => m.paragraph === paragraph && (m.entity.type === 'person' || m.entity.type === 'organisation') && !medium(m))
    QUOTE.lastIndex = 0
    for (let m = QUOTE.exec(text); m; m = QUOTE.exec(text)) {
      const start = m.index
      const end = m.index + m[0].length
      const words = m[1]!.trim()
      let speaker: Mention | null = null
      const after = text.slice(end, end + 80)
      let afterSay = new RegExp(`^\\s*,?\\s*(?:(he|she)\\s+${SAY}|${SAY}\\s+([^,.]+)|([^,.;“"]{2,60}?)\\s+${SAY})`).exec(after)
      // "Ouellet said, “…?” Vatican archbishop Scicluna said, “…”": after a quote that ends its sentence, "X said"
      // opening the next quote is the next speaker's. (“…,” X said, “…” with a comma is one speaker, interrupted.)
      if (afterSay?.[3] && /[.?!]$/.test(words) && /^\s*[,:]?\s*[“"]/.test(after.slice(afterSay[0].length))) afterSay = null
      if (afterSay) {
        if (afterSay[1]) {
          speaker = onlyPersonBefore(people, start)
        } else {
          const from = end + afterSay.index
          const to = end + afterSay[0].length
          speaker = speakers.find((p) => p.start >= from && p.end <= to) ?? null
        }
      }
      if (!speaker) {
        // "Obama said he would reassure US allies ... that “...”": the one who says it earlier in the sentence.
        const sentence = sents.find((s) => s.start <= start && start < s.end)
        const from = sentence ? sentence.start : start
        const sayers = speakers.filter((p) => p.start >= from && p.end <= start && new RegExp(`^\\s+(?:also\\s+)?${SAY}\\b`).test(text.slice(p.end, p.end + 30)))
        // "talks to Sambur about Boeing, saying ...": whoever follows "to", "with" or "by" is not the one speaking.
        speaker = sayers.filter((p) => notObjectOf(text, p)).at(-1) ?? null
      }
      if (!speaker) {
        // "Secretary of the Air Force James Roche: “Oy. I agree.”": the name right before the colon.
        const colon = speakers.filter((p) => p.end <= start && /^\s*:\s*$/.test(text.slice(p.end, start)))
        speaker = colon[colon.length - 1] ?? null
      }
      if (!speaker && /\b(?:He|She|he|she)\s+(?:also\s+)?(?:said|added|continued|told \w+(?: \w+)?)\s*[:,]?\s*$/.test(text.slice(Math.max(0, start - 40), start))) {
        // "She continued: “...”": the person named before, in this paragraph.
        speaker = onlyPersonBefore(people, start)
      }
      if (!speaker && !afterSay) {
        const lead = text.slice(Math.max(0, start - 120), start)
        const leadSay = new RegExp(`${SAY}(?:\\s+\\w+)?(?:,|:| that)?\\s*$`).exec(lead)
        if (leadSay) {
          const sentence = sents.find((s) => s.start <= start && start < s.end)
          const from = sentence ? sentence.start : start - 120
          const cands = people.filter((p) => p.start >= from && p.end <= start && notObjectOf(text, p))
          speaker = cands[cands.length - 1] ?? null
        }
      }
      const quoteSentences = sents.filter((s) => s.end > start && s.start < end + (afterSay ? afterSay[0].length : 0))
      let evidenceStart = quoteSentences[0]?.start ?? start
      let evidenceEnd = quoteSentences[quoteSentences.length - 1]?.end ?? end
      if (speaker) {
        const sp = sents.find((s) => s.start <= speaker!.start && speaker!.end <= s.end)
        if (sp) {
          evidenceStart = Math.min(evidenceStart, sp.start)
          evidenceEnd = Math.max(evidenceEnd, sp.end)
        }
      }
      out.push({ paragraph, start, end, words, speaker, evidenceStart, evidenceEnd })
    }
  })
  return out
}

/**
 * "He said" or "she continued" gives the words to the one person named before them in the paragraph. With two
 * people named there ("Pope Francis named Cardinal Ouellet …, ” he said"), "he" could be either, and a quiz that
 * guesses marks the reader wrong: no speaker.
 */
function onlyPersonBefore(people: Mention[], start: number): Mention | null {
  const before = people.filter((p) => p.end <= start)
  const last = before[before.length - 1]
  if (!last || before.some((p) => p.entity.key !== last.entity.key)) return null
  return last
}

function notObjectOf(text: string, p: Mention): boolean {
  return !/\b[a-z]+\s+(?:to|with|by|about|for|from|at|of|and)\s+(?:(?:[A-Z][\p{L}.]*|of|the|for)\s+){0,10}$/u.test(text.slice(Math.max(0, p.start - 80), p.start))
}
