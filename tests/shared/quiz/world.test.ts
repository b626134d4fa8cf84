import { describe, expect, it } from 'vitest'
import { WORLD_DATA, activeInYear, buildWorld, defaultWorld, giveawayTerms, type WorldEntity } from '@shared/quiz/world'
import { buildContext } from '@shared/quiz/context'
import { entityDistractors, orgFamily } from '@shared/quiz/distractors'
import type { Article } from '@shared/article/model'

const world = defaultWorld()
const get = (key: string): WorldEntity => {
  const e = world.byKey.get(key)
  if (!e) throw new Error(`no ${key} in the world data`)
  return e
}

describe('activeInYear', () => {
  it('keeps a leader to the years of their public life, a year either side', () => {
    const merkel = get('person:Angela Merkel')
    expect([merkel.activeFrom, merkel.activeTo]).toEqual([2000, 2021])
    expect(activeInYear(merkel, 2010)).toBe(true)
    expect(activeInYear(merkel, 1999)).toBe(true)
    expect(activeInYear(merkel, 2022)).toBe(true)
    expect(activeInYear(merkel, 1998)).toBe(false)
    expect(activeInYear(merkel, 2023)).toBe(false)
  })

  it('gives no slack after a death: a senator who died in 2018 is not offered for a 2019 quote', () => {
    const mccain = get('person:John McCain')
    expect(mccain.died).toBe(2018)
    expect(activeInYear(mccain, 2018)).toBe(true)
    expect(activeInYear(mccain, 2019)).toBe(false)
    expect(activeInYear(get('person:Angela Merkel'), 2022)).toBe(true)
  })

  it('takes the slack it is given', () => {
    const merkel = get('person:Angela Merkel')
    expect(activeInYear(merkel, 2022, 0)).toBe(false)
    expect(activeInYear(merkel, 2021, 0)).toBe(true)
    expect(activeInYear(merkel, 2024, 3)).toBe(true)
  })

  it('treats an open end as still active, and nobody as active before they entered public life', () => {
    const zelensky = get('person:Volodymyr Zelensky')
    expect(zelensky.activeTo).toBeNull()
    expect(activeInYear(zelensky, 2026)).toBe(true)
    expect(activeInYear(zelensky, 2017)).toBe(false)
  })

  it('lets through what the data has no dates for: places, undated organisations, names only the article knows', () => {
    expect(activeInYear(get('country:France'), 1850)).toBe(true)
    expect(activeInYear(get('organisation:Kremlin'), 1900)).toBe(true)
    // A dated organisation is not there before it was founded.
    expect(activeInYear(get('organisation:NATO'), 1900)).toBe(false)
    expect(activeInYear(get('organisation:NATO'), 1987)).toBe(true)
    const unknown: WorldEntity = { ...get('person:Angela Merkel'), key: 'person:Jane Doe', name: 'Jane Doe', activeFrom: null, activeTo: null, curated: false }
    expect(activeInYear(unknown, 1950)).toBe(true)
  })

  it('ends the public life of someone who died', () => {
    const abe = get('person:Shinzo Abe')
    expect(activeInYear(abe, 2020)).toBe(true)
    expect(activeInYear(abe, 2024)).toBe(false)
  })
})

describe('giveawayTerms', () => {
  it("gives away a country through its demonyms and capital (\"Philippine officials\" → Philippines)", () => {
    const terms = giveawayTerms(world, get('country:Philippines'))
    for (const t of ['Philippines', 'The Philippines', 'Philippine', 'Filipino', 'Filipinos', 'Manila']) expect(terms).toContain(t)
  })

  it('gives away the United Kingdom and the European Union through Brexit', () => {
    expect(giveawayTerms(world, get('country:United Kingdom'))).toContain('Brexit')
    expect(giveawayTerms(world, get('organisation:European Union'))).toContain('Brexit')
  })

  it("gives away a country through its legislature, seat of government, agencies, cities and their landmarks", () => {
    const uk = giveawayTerms(world, get('country:United Kingdom'))
    for (const t of ['House of Commons', 'Westminster', 'Downing Street', 'Home Office', 'London', 'Big Ben', 'Scottish', 'Edinburgh', 'Holyrood']) expect(uk).toContain(t)
    const russia = giveawayTerms(world, get('country:Russia'))
    for (const t of ['Russian', 'Russians', 'Kremlin', 'the Kremlin', 'State Duma', 'Moscow', 'Muscovites', 'Red Square', 'FSB']) expect(russia).toContain(t)
  })

  it("gives away a city through its landmarks and districts, and not through its country's other cities", () => {
    const paris = giveawayTerms(world, get('city:Paris'))
    for (const t of ['Paris', 'Eiffel Tower', 'Élysée', 'Parisians']) expect(paris).toContain(t)
    expect(paris).not.toContain('Marseille')
    expect(paris).not.toContain('French')
  })

  it('gives away an organisation through its products and a person through their names', () => {
    expect(giveawayTerms(world, get('organisation:Twitter'))).toEqual(expect.arrayContaining(['Twitter', 'tweet', 'tweeted']))
    expect(giveawayTerms(world, get('organisation:Apple'))).toContain('iPhone')
    expect(giveawayTerms(world, get('person:Donald Trump'))).toEqual(expect.arrayContaining(['Donald Trump', 'Trump', 'President Trump']))
  })

  it("does not give away a country through another country's words, nor through party names other countries share", () => {
    const france = giveawayTerms(world, get('country:France'))
    expect(france).not.toContain('Berlin')
    expect(france).not.toContain('German')
    // "Labour Party" is British in the data, but Australia and others have one: a party is no giveaway.
    expect(giveawayTerms(world, get('country:United Kingdom'))).not.toContain('Labour Party')
  })

  it('knows one body by each of its names: "Defense Department" and "the Pentagon" are never two options', () => {
    expect(world.byForm.get('Defense Department')?.name).toBe('Pentagon')
    expect(world.byForm.get('U.S. Defense Department')?.name).toBe('Pentagon')
  })

  it('lists longer terms first, each once', () => {
    const terms = giveawayTerms(world, get('country:United States'))
    expect(new Set(terms).size).toBe(terms.length)
    for (let i = 1; i < terms.length; i++) expect(terms[i - 1]!.length).toBeGreaterThanOrEqual(terms[i]!.length)
  })

  it('reads its terms from the data, so a small world has only what it is given', () => {
    const small = buildWorld({ ...WORLD_DATA, placeTerms: [{ name: 'France', type: 'country', terms: ['Hexagone'] }] })
    const france = giveawayTerms(small, small.byKey.get('country:France')!)
    expect(france).toContain('Hexagone')
    expect(france).toContain('French')
    expect(france).not.toContain('Eiffel Tower')
  })
})

describe('organisation kinds', () => {
  it('set a social network against social networks, never a chip maker or a retailer', () => {
    const twitter = get('organisation:Twitter')
    const peers = world.entities.filter((e) => e.type === 'organisation' && e.group === twitter.group).map((e) => e.name)
    expect(peers).toEqual(expect.arrayContaining(['Facebook', 'Instagram', 'TikTok']))
    expect(peers).not.toContain('Intel')
    expect(peers).not.toContain('Amazon')
    expect(get('organisation:Intel').group).toBe(get('organisation:Nvidia').group)
  })

  it('give every party its country, so a local election gets local parties', () => {
    const parties = world.entities.filter((e) => e.type === 'organisation' && e.group === 'party')
    expect(parties.every((p) => p.country !== null)).toBe(true)
    const german = parties.filter((p) => p.country === 'Germany').map((p) => p.name)
    expect(german).toEqual(expect.arrayContaining(['Christian Democratic Union', 'Social Democratic Party of Germany', 'Alternative for Germany']))
  })
})

describe('distractors from the data, by the story\'s year', () => {
  const ctxFor = (date: string) =>
    buildContext({ id: 't', title: 'A story', date, source: null, paragraphs: ['Boris Johnson spoke to reporters in London on Monday about the court case.'] } satisfies Partial<Article> as Article, world)
  const offered = (date: string): string[] => {
    const ctx = ctxFor(date)
    return entityDistractors(ctx, get('person:Boris Johnson'), new Set(), 12).map((e) => e.name)
  }
  it('offers only people in office that very year when the article does not name them', () => {
    // Suella Braverman's public life starts in 2020: a 2019 story never offers her, a 2021 one may.
    expect(offered('2019-10-07')).not.toContain('Suella Braverman')
    expect(offered('2021-10-07')).toContain('Suella Braverman')
    // David Cameron left office in 2016: a 2019 story never offers him.
    expect(offered('2019-10-07')).not.toContain('David Cameron')
  })
})

describe('organisations only the article names', () => {
  it('stand against organisations of the same family, read from the word that ends the name', () => {
    const ctx = buildContext({ id: 't', title: 'A story', date: '2020-06-12', source: null, paragraphs: ['The Walt Disney Company bought the studio on Monday, and Howard University and the Acme Corporation praised the deal.'] } satisfies Partial<Article> as Article, world)
    const byName = (n: string): WorldEntity => [...ctx.entities.byKey.values()].find((e) => e.name === n)!
    expect(orgFamily(byName('Walt Disney Company'))).toBe('company')
    expect(orgFamily(byName('Howard University'))).toBe('university')
    const offered = entityDistractors(ctx, byName('Walt Disney Company'), new Set()).map((e) => e.name)
    expect(offered).toContain('Acme Corporation')
    expect(offered).not.toContain('Howard University')
  })
})

describe('parties and armed groups act in one country', () => {
  it('never offers another country\'s armed group for one the data places in a country (Hezbollah for the Houthis)', () => {
    const ctx = buildContext({ id: 't', title: 'A story', date: '2019-09-14', source: null, paragraphs: ['The Houthis claimed the attack in Yemen on Saturday, and Hezbollah praised it from Beirut.'] } satisfies Partial<Article> as Article, world)
    const offered = entityDistractors(ctx, get('organisation:Houthis'), new Set()).map((e) => e.name)
    expect(offered).not.toContain('Hezbollah')
    expect(offered).not.toContain('Taliban')
  })
  it('still offers national groups of its area for a group of no one country (ISIS)', () => {
    const ctx = buildContext({ id: 't', title: 'A story', date: '2016-11-15', source: null, paragraphs: ['Trump called them the founders of ISIS on Monday.'] } satisfies Partial<Article> as Article, world)
    const offered = entityDistractors(ctx, get('organisation:ISIS'), new Set()).map((e) => e.name)
    expect(offered.length).toBe(3)
    expect(offered.some((n) => ['Taliban', 'Hezbollah', 'Houthis'].includes(n))).toBe(true)
  })
})
