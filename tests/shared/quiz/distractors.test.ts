import { describe, expect, it } from 'vitest'
import type { Article } from '@shared/article/model'
import { buildContext, type QuizContext } from '@shared/quiz/context'
import { arrange, entityDistractors, normalise } from '@shared/quiz/distractors'
import { defaultWorld, type WorldEntity } from '@shared/quiz/world'

const world = defaultWorld()
const article = (paragraphs: string[], date: string | null = '2016-11-15'): Article => ({
  id: 't', title: 'A story', date, dateLabel: null, source: null, byline: null, credits: [], paragraphs, headings: [], licence: null
})

function named(ctx: QuizContext, name: string): WorldEntity {
  const e = [...ctx.entities.byKey.values()].find((x) => x.name === name)
  if (!e) throw new Error(`${name} not found in the article`)
  return e
}

describe('entityDistractors', () => {
  it('never sets a country against a place it contains, and prefers its own region over places elsewhere in the story', () => {
    const ctx = buildContext(article(['The United Kingdom, Scotland and Eritrea signed the deal in London.']), world)
    const uk = named(ctx, 'United Kingdom')
    const picked = entityDistractors(ctx, uk, new Set())
    expect(picked).toHaveLength(3)
    for (const p of picked) {
      expect(p.type).toBe('country')
      expect(p.region).toBe(uk.region)
      expect(p.partOf).toBeNull()
    }
    expect(picked.map((p) => p.name)).not.toContain('Scotland')
    expect(picked.map((p) => p.name)).not.toContain('Eritrea')
    expect(picked.map((p) => p.name)).not.toContain('United Kingdom')
  })

  it('picks cities of the same country, and never one the prompt names', () => {
    const ctx = buildContext(article(['Police in Manchester said the suspect fled to London.']), world)
    const manchester = named(ctx, 'Manchester')
    const london = named(ctx, 'London')
    const all = entityDistractors(ctx, manchester, new Set())
    expect(all.map((c) => c.name)).toContain('London')
    const picked = entityDistractors(ctx, manchester, new Set([london.key]))
    expect(picked).toHaveLength(3)
    expect(picked.map((c) => c.name)).not.toContain('London')
    for (const c of picked) expect([c.type, c.country]).toEqual(['city', manchester.country])
  })

  it('keeps an organisation among its own kind, article names first', () => {
    const ctx = buildContext(article(['Boeing and Airbus competed for the contract.']), world)
    const picked = entityDistractors(ctx, named(ctx, 'Boeing'), new Set())
    expect(picked[0]!.name).toBe('Airbus')
    expect(picked).toHaveLength(3)
    expect(picked.every((o) => o.type === 'organisation' && o.group === 'aerospace-company')).toBe(true)
  })

  it('sets a seat of government against other seats of government', () => {
    const ctx = buildContext(article(['The Kremlin said talks would go on.']), world)
    const picked = entityDistractors(ctx, named(ctx, 'Kremlin'), new Set())
    expect(picked).toHaveLength(3)
    expect(picked.every((o) => o.group === 'executive' && o.name !== 'Kremlin')).toBe(true)
  })

  it('offers only people in public life when the story was written', () => {
    const now = buildContext(article(['Angela Merkel met Barack Obama in Berlin.']), world)
    expect(entityDistractors(now, named(now, 'Angela Merkel'), new Set()).map((p) => p.name)).toContain('Barack Obama')
    const before = buildContext(article(['Angela Merkel met Barack Obama in Berlin.'], '1990-05-01'), world)
    expect(entityDistractors(before, named(before, 'Angela Merkel'), new Set()).map((p) => p.name)).not.toContain('Barack Obama')
  })

  it('offers only organisations that existed under their name when the story was written', () => {
    const text = ['The Pentagon and the State Department said the convoy began moving through the Gulf.']
    const now = buildContext(article(text), world)
    expect(entityDistractors(now, named(now, 'Pentagon'), new Set()).map((o) => o.name)).toContain('Department of Homeland Security')
    const before = buildContext(article(text, '1987-07-22'), world)
    const old = entityDistractors(before, named(before, 'Pentagon'), new Set()).map((o) => o.name)
    expect(old).toContain('State Department')
    expect(old).not.toContain('Department of Homeland Security')
  })

  it('sets no body that does a job of its own against another of its kind, even one the story names (ONE_OF_A_KIND)', () => {
    const ctx = buildContext(article(['The World Health Organization and UNICEF said the chemical was banned; the World Bank and the IMF lent money.']), world)
    expect(entityDistractors(ctx, named(ctx, 'World Health Organization'), new Set()).map((p) => p.name)).toEqual([])
    // A lender stands against lenders: the IMF against the World Bank.
    expect(entityDistractors(ctx, named(ctx, 'International Monetary Fund'), new Set()).map((p) => p.name)).toContain('World Bank')
  })
  it('keeps a regional development bank to its region (the data gives its area)', () => {
    const ctx = buildContext(article(['The IMF said Sri Lanka must reduce its budget deficit.'], '1987-03-20'), world)
    const names = entityDistractors(ctx, named(ctx, 'International Monetary Fund'), new Set()).map((p) => p.name)
    expect(names).not.toContain('African Development Bank')
    expect(names).not.toContain('Asian Development Bank')
  })
  it('gives the same distractors every time, and never more than asked', () => {
    const ctx = buildContext(article(['The United Kingdom and France signed the deal.']), world)
    const uk = named(ctx, 'United Kingdom')
    expect(entityDistractors(ctx, uk, new Set()).map((e) => e.key)).toEqual(entityDistractors(ctx, uk, new Set()).map((e) => e.key))
    expect(entityDistractors(ctx, uk, new Set(), 1)).toHaveLength(1)
  })
})

describe('normalise and arrange', () => {
  it('compares names without case, punctuation, a leading "the" or extra spaces', () => {
    expect(normalise('The “Big”  Apple, Inc.!')).toBe('big apple inc')
    expect(normalise('the United   Nations')).toBe(normalise('United Nations'))
    expect(normalise('Theodore')).toBe('theodore')
  })
  it('orders options by the seed alone, whatever order they come in', () => {
    const a = arrange(['Rome', 'Paris', 'Berlin', 'Madrid'], 'seed-1')
    expect(arrange(['Madrid', 'Berlin', 'Paris', 'Rome'], 'seed-1')).toEqual(a)
    expect([...a].sort()).toEqual(['Berlin', 'Madrid', 'Paris', 'Rome'])
    // Another seed gives another order for at least one of a few option sets (the answer does not sit in one place).
    const sets = [['a', 'b', 'c', 'd'], ['w', 'x', 'y', 'z'], ['1', '2', '3', '4']]
    expect(sets.some((s) => arrange(s, 'seed-1').join() !== arrange(s, 'seed-2').join())).toBe(true)
  })
})
