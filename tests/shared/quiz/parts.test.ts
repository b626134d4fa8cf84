import { describe, expect, it } from 'vitest'
import { whoSaid } from '@shared/quiz/kinds/who-said'
import { findDates, formatDate } from '@shared/quiz/dates'
import { findEntities } from '@shared/quiz/entities'
import { findNumbers, nearbyValues } from '@shared/quiz/numbers'
import { findQuotes } from '@shared/quiz/quotes'
import { splitSentences } from '@shared/quiz/sentences'
import { defaultWorld } from '@shared/quiz/world'
import { buildContext, standsAlone } from '@shared/quiz/context'
import { howMany } from '@shared/quiz/kinds/how-many'
import { trueFalse } from '@shared/quiz/kinds/true-false'
import type { Article } from '@shared/article/model'

const article = (paragraphs: string[], date: string | null = '2016-11-15', title = 'A story'): Article => ({
  id: 't', title, date, dateLabel: null, source: null, byline: null, credits: [], paragraphs, headings: [], licence: null
})

describe('sentences', () => {
  it('does not split after an abbreviation inside a noun phrase', () => {
    const s = splitSentences(article(['The suit was filed in the U.S. District Court in Texas. It names no one.']))[0]!
    expect(s.map((x) => x.text)).toEqual(['The suit was filed in the U.S. District Court in Texas.', 'It names no one.'])
  })
  it('keeps "Ph.D." inside its sentence and offsets exact', () => {
    const p = 'She earned a Ph.D. in physics from MIT in 2001. Then she left.'
    const s = splitSentences(article([p]))[0]!
    expect(s[0]!.text).toBe('She earned a Ph.D. in physics from MIT in 2001.')
    for (const x of s) expect(p.slice(x.start, x.end)).toBe(x.text)
  })
  it('never ends a sentence inside a ticker ("<WOIA.S> said", "<BP.L> may"): NO_SPACE_NO_BREAK', () => {
    const p = 'Wormald International Ltd <WOIA.S> said Holmes agreed. British Petroleum Plc <BP.L> may close a refinery. He left.She came back.'
    const s = splitSentences(article([p]))[0]!
    expect(s.map((x) => x.text)).toEqual(['Wormald International Ltd <WOIA.S> said Holmes agreed.', 'British Petroleum Plc <BP.L> may close a refinery.', 'He left.', 'She came back.'])
  })
})

describe('dates', () => {
  const dates = (p: string, d: string | null = '2016-11-15') => {
    const a = article([p], d)
    return findDates(splitSentences(a), a.date)
  }
  it('resolves a bare weekday to the latest such day on or before the article date', () => {
    const [d] = dates('Trump spoke with Putin on Monday.')
    expect(formatDate(d!.time, d!.granularity, d!.weekday)).toBe('Monday, November 14, 2016')
  })
  it('puts a month-day date in the coming year when the story looks ahead', () => {
    const [d] = dates('Trump takes office on January 20.')
    expect(formatDate(d!.time, d!.granularity, false)).toBe('January 20, 2017')
  })
  it('reads bare years and decades, and keeps nothing without an article date that lacks a year', () => {
    expect(dates('It was annexed in 2014 after the 1990s wars.').map((d) => d.granularity)).toEqual(['year', 'decade'])
    expect(dates('They met on Monday.', null)).toEqual([])
  })
  it('reads a medieval year only after a preposition of time, never an amount', () => {
    expect(dates('Dali fell in 1253, and 1200 men fled with 1500 horses in 1500 ships.').map((d) => d.text)).toEqual(['1253'])
  })
  it('never reads one end of a span of years ("2019/20", "1998-2001") as a year of its own', () => {
    expect(dates('The budget for 2019/20 and the 2020-21 plan cover 1998–2001 figures, set in 2016.').map((d) => d.text)).toEqual(['2016'])
  })
  it('reads a number before a counted plural as an amount, not a year', () => {
    expect(dates('A survey of 1709 schoolchildren in 2004 and 1800 towns; HMS Dreadnought of 1905 was new.').map((d) => d.text)).toEqual(['2004', '1905'])
  })
})

describe('numbers', () => {
  it('keeps hedge and unit, and skips years, ranges and bare numbers', () => {
    const a = article(['Trump doubted almost 70 years of support. In 2014 there were 632 camps with 116,382 families. Forms run from ten to 32 pages.'])
    expect(findNumbers(splitSentences(a)).map((n) => n.text)).toEqual(['almost 70 years', '632 camps', '116,382 families'])
  })
  it('puts the key at every place among its options across figures, and never as one step of an even ladder', () => {
    const places = new Set<number>()
    for (const v of [611, 76, 1234, 45756, 70, 300, 7, 47.42, 2.5]) {
      const opts = [v, ...nearbyValues(v, 'digits').slice(0, 3)].sort((a, b) => a - b)
      places.add(opts.indexOf(v))
      if (v > 12 && !/0$/.test(String(v))) {
        // Proportional moves: the gaps between neighbouring options are not all equal.
        const gaps = opts.slice(1).map((x, i) => Number((x - opts[i]!).toFixed(2)))
        expect(new Set(gaps).size, `${opts}`).toBeGreaterThan(1)
      }
    }
    expect(places).toEqual(new Set([0, 1, 2, 3]))
  })
  it('moves a measurement to two decimals by a few percent, not by a quarter ("47.42 seconds")', () => {
    const opts = nearbyValues(47.42, 'digits').slice(0, 3)
    expect(opts.every((v) => Math.abs(v - 47.42) / 47.42 <= 0.2)).toBe(true)
  })
  it('offers nearby values of the same precision', () => {
    expect(nearbyValues(70, 'digits').slice(0, 3).every((v) => v % 10 === 0 && v !== 70)).toBe(true)
    expect(nearbyValues(95, 'digits', true).every((v) => v <= 100)).toBe(true)
    expect(nearbyValues(116382, 'digits').every((v) => v % 1000 !== 0)).toBe(true)
  })
})

describe('entities', () => {
  it('reads "Scott Paper" beside "Scott Paper Co" as the firm written short, not a person (NAME_OF_A_FIRM)', () => {
    const a = article(['Scott Paper Co raised its financial objectives. John Chao, an analyst, said Scott Paper was ambitious.'])
    const people = findEntities(splitSentences(a), defaultWorld()).mentions.filter((m) => m.entity.type === 'person').map((m) => m.entity.name)
    expect(people).toContain('John Chao')
    expect(people).not.toContain('Scott Paper')
  })
  it('takes no firm from the end of a longer name after "and" ("Rural Banking and Finance Corp") (AND_FRAGMENT)', () => {
    const a = article(['A bond was launched for Rural Banking and Finance Corp of New Zealand. IBJ International Ltd led it, and Finance Corp was not named.'])
    const names = findEntities(splitSentences(a), defaultWorld()).mentions.map((m) => m.entity.name)
    expect(names).toContain('IBJ International Ltd')
    expect(names.filter((n) => n === 'Finance Corp')).toHaveLength(1)
  })
  it('types curated names, links bare surnames only when the full name is given, and reads "Michael Sears" as a person', () => {
    const a = article(['Donald Trump met Cres Eastman, a professor. Eastman said Trump listened.', 'Boeing officer Michael Sears was charged. Kane scored.'])
    const e = findEntities(splitSentences(a), defaultWorld())
    const seen = e.mentions.map((m) => `${m.text}:${m.entity.type}`)
    expect(seen).toContain('Trump:person')
    expect(seen).toContain('Eastman:person')
    expect(seen).not.toContain('Sears:organisation')
    expect(seen.some((x) => x.startsWith('Kane'))).toBe(false)
  })
})

describe('quotes', () => {
  it('gives "he said" to the person named before it, and never a quote to the person spoken to', () => {
    const a = article([
      'Barack Obama spoke at length. “There is no weakening of resolve,” he said.',
      'Secretary of the Air Force James Roche wrote many emails.',
      'An additional email by Roche provides a contrast to his criticism of Airbus, as he talks to Assistant Secretary of the Air Force for Acquisition Marvin Sambur about Boeing, saying, "I love the plan, big guy."'
    ])
    const s = splitSentences(a)
    const q = findQuotes(a, s, findEntities(s, defaultWorld()))
    expect(q[0]!.speaker?.entity.name).toBe('Barack Obama')
    expect(q[1]!.speaker?.text).not.toBe('Marvin Sambur')
    expect(q).toHaveLength(2)
  })
  it('gives "he said" no speaker when two people are named before it: "he" could be either', () => {
    const a = article(['Pope Francis named Cardinal Marc Ouellet to lead the inquiry. “The church will not hide anything,” he said.', 'Marc Ouellet met bishops on Monday. “We will listen to victims,” he said.'])
    const s = splitSentences(a)
    const q = findQuotes(a, s, findEntities(s, defaultWorld()))
    expect(q).toHaveLength(2)
    expect(q[0]!.speaker).toBeNull()
    expect(q[1]!.speaker?.entity.name).toBe('Marc Ouellet')
  })
  it('gives a quote that ends its sentence to the one who said it before, not to the next speaker ("X said, “…?” Y said, “…”")', () => {
    const a = article(['Cardinal Marc Ouellet of the Holy See said, "Why should the bishops be exempt from these rules?" Vatican archbishop Charles Scicluna said, "People must know that bishops serve the people."', '"We will act on every report," Charles Scicluna said, "and we will do it soon."'])
    const s = splitSentences(a)
    const q = findQuotes(a, s, findEntities(s, defaultWorld()))
    expect(q.map((x) => x.speaker?.entity.name)).toEqual(['Marc Ouellet', 'Charles Scicluna', 'Charles Scicluna', 'Charles Scicluna'])
  })
  it('asks no "who said" of a quote with an editor\'s bracket in it ("I\'ll [call a national emergency]"), but keeps an elision ("[...]")', () => {
    const ctx = buildContext(article(['Donald Trump said, "I will [call a national emergency] if I want, and I will do it soon." Nancy Pelosi said, "We will not pay for the wall [...] under any circumstances at all."']), defaultWorld())
    const asked = whoSaid(ctx).map((q) => q.answer)
    expect(asked).not.toContain('Donald Trump')
    expect(asked).toContain('Nancy Pelosi')
  })
  it('gives words posted on a platform to the one who posted them, never to the platform ("wrote on Twitter:")', () => {
    const a = article(['Donald Trump wrote on Twitter: "The election was a great victory for the whole country."'])
    const s = splitSentences(a)
    const q = findQuotes(a, s, findEntities(s, defaultWorld()))
    expect(q[0]!.speaker?.entity.name).toBe('Donald Trump')
  })
  it('moves a plain year by three in a false statement, never by one (a one-year swap is a quibble)', () => {
    const ctx = buildContext(article(['The festival was first held in 1974 in the old town square.']), defaultWorld())
    const f = trueFalse(ctx).find((q) => q.answer === 'False')
    expect(f?.prompt).toMatch(/\b(?:1977|1971|1980)\b/)
  })
  it('keeps options beyond a bound written in words ("More than two billion people")', () => {
    const ctx = buildContext(article(['More than two billion people around the world live in areas prone to iodine deficiency.']), defaultWorld())
    const q = howMany(ctx)[0]
    expect(q?.answer).toBe('More than two billion people')
    expect(q!.options.filter((o) => o !== q!.answer).every((o) => /^More than (?:three|four|five|six|seven) billion people$/.test(o))).toBe(true)
  })
  it('never takes half of a hyphenated name for a person ("Mohamed El-Hassan Mohamed")', () => {
    const a = article(['Ahmed Mohamed built a clock. His father Mohamed El-Hassan Mohamed said he was proud of Mohamed.'])
    const names = findEntities(splitSentences(a), defaultWorld()).mentions.map((m) => m.entity.name)
    expect(names).not.toContain('Mohamed El')
    expect(names).not.toContain('Hassan Mohamed')
  })
  it('lets "his" follow a name the data does not know, but not an object "him" that points back', () => {
    const a = article(['After several battles, Jamukha was finally turned over to Temüjin by his own men in 1206. Jamukha formed a coalition of tribes to oppose him.'], null)
    const sents = splitSentences(a)
    const mentions = findEntities(sents, defaultWorld()).mentions
    expect(sents[0]!.map((x) => standsAlone(x, mentions))).toEqual([true, false])
  })
  it('never swaps a value into one the sentence already gives elsewhere ("two million shares, including two million ...") (SWAP_ECHO)', () => {
    const ctx = buildContext(article(['Tiffany and Co said it has filed for an initial public offering of four million shares, including two million to be sold by shareholders.']), defaultWorld())
    const swapped = trueFalse(ctx).find((q) => q.answer === 'False')
    expect(swapped?.prompt).toMatch(/offering of [a-z0-9.]+ million shares/)
    expect(swapped?.prompt).not.toMatch(/offering of two million shares/)
  })
  it('never swaps in a value the article gives for something else ("repayments of 1.5 billion" when they do come to that) (SWAP_ECHO)', () => {
    const ctx = buildContext(article(['South Africa and its creditor banks have agreed new terms covering repayments of 14 billion dollars of debt, banking sources said.', 'Repayments under the deal will total about 1.5 billion dollars over three years.']), defaultWorld())
    const swapped = trueFalse(ctx).filter((q) => q.answer === 'False')
    expect(swapped.length).toBeGreaterThan(0)
    for (const q of swapped) expect(q.prompt).not.toMatch(/\b1\.5 billion\b/)
  })
  it('moves one of several figures only when no other figure of the sentence shares its measure (ONE_OF_ITS_MEASURE)', () => {
    const homes = buildContext(article(['The council of Port Arvel agreed to pay 12 million dollars for 300 homes on the harbour front.']), defaultWorld())
    expect(trueFalse(homes).some((q) => q.answer === 'False')).toBe(true)
    const change = buildContext(article(['Beghin-Say is to raise its capital to 703 million francs from 527 million francs, Jean-Marc Vernes said.']), defaultWorld())
    expect(trueFalse(change).filter((q) => q.answer === 'False')).toEqual([])
  })
  it('never moves a count that counts what the sentence named ("the two countries" after "U.S.-Japanese") (DEFINITE_COUNT)', () => {
    const ctx = buildContext(article(['Clayton Yeutter said trade issues straining U.S.-Japanese relations may not be resolved before the two countries open talks.']), defaultWorld())
    expect(trueFalse(ctx).filter((q) => q.answer === 'False')).toEqual([])
    const open = buildContext(article(['Clayton Yeutter said trade issues straining U.S.-Japanese relations may not be resolved before talks on two treaties open.']), defaultWorld())
    expect(trueFalse(open).some((q) => q.answer === 'False')).toBe(true)
  })
  it('never moves one day of a pair ("a strike set for March 9 and 10") (DATE_PAIR)', () => {
    const ctx = buildContext(article(['Bank officers will strike against trading banks on March 9 and 10, the union said.']), defaultWorld())
    expect(trueFalse(ctx).filter((q) => q.answer === 'False')).toEqual([])
    const one = buildContext(article(['Bank officers will strike against trading banks on March 9, the union said.']), defaultWorld())
    expect(trueFalse(one).some((q) => q.answer === 'False')).toBe(true)
  })
  it('never makes a statement false only in a relative clause set off by commas (FALSE_IN_ASIDE)', () => {
    const sentence = 'TransAmerican Natural Gas Corp, which has been operating under Chapter 11 protection since January 1983, said it filed an amended plan of reorganization.'
    const ctx = buildContext(article([sentence]), defaultWorld())
    expect(trueFalse(ctx).filter((q) => q.answer === 'False')).toEqual([])
    const main = buildContext(article(['TransAmerican Natural Gas Corp said it filed an amended plan of reorganization on January 12, 1983.']), defaultWorld())
    expect(trueFalse(main).some((q) => q.answer === 'False')).toBe(true)
  })
  it('keeps the article\'s "a" when a swapped amount starts with the same letter ("a USD$17", never "an USD$17")', () => {
    const ctx = buildContext(article(['Air Force officials discussed a USD$23 billion dollar deal with aircraft manufacturer Boeing.']), defaultWorld())
    const swapped = trueFalse(ctx).find((q) => q.answer === 'False')
    expect(swapped?.prompt).toMatch(/ a USD\$\d+ billion/)
  })
})
