import { describe, expect, it } from 'vitest'
import type { Article } from '@shared/article/model'
import { findKeyTerms } from '@shared/quiz/key-terms'
import { splitSentences } from '@shared/quiz/sentences'

const article = (title: string, paragraphs: string[]): Article => ({
  id: 't', title, date: '2016-11-15', dateLabel: null, source: null, byline: null, credits: [], paragraphs, headings: [], licence: null
})
const terms = (title: string, paragraphs: string[]) => findKeyTerms({ title }, splitSentences(article(title, paragraphs)))

describe('key terms: the nouns a story is about', () => {
  it('takes a noun of the title, in any number, and says where it is and whether it is plural', () => {
    const t = terms('Lantern festival lights up Taipei', ['Visitors carried lanterns through the square.'])
    const lantern = t.find((x) => x.head === 'lantern')
    expect(lantern).toMatchObject({ paragraph: 0, sentence: 0, text: 'lanterns', plural: true })
    const para = 'Visitors carried lanterns through the square.'
    expect(para.slice(lantern!.start, lantern!.end)).toBe('lanterns')
    expect(t.some((x) => x.head === 'square')).toBe(false)
  })

  it('takes a noun the body repeats three times, never one it says twice', () => {
    const three = terms('A story', ['The harbour wall fell.', 'A new wall will cost more.', 'Work on the wall starts soon.'])
    expect(three.filter((x) => x.head === 'wall')).toHaveLength(3)
    const twice = terms('A story', ['The harbour wall fell.', 'A new wall will cost more.'])
    expect(twice.some((x) => x.head === 'wall')).toBe(false)
  })

  it('keeps a run of two nouns whole, with the second as its head', () => {
    const t = terms('Iodine deficiency in children', ['Doctors found iodine deficiency in many schools.'])
    const run = t.find((x) => x.head === 'deficiency')
    expect(run?.text).toBe('iodine deficiency')
    expect(run?.plural).toBe(false)
    expect(t.filter((x) => x.paragraph === 0 && x.start <= run!.start && run!.end <= x.end)).toHaveLength(1)
  })

  it('skips runs of three nouns or more, general nouns, short ones and capitalised words', () => {
    expect(terms('Water treatment plant upgrade', ['The city approved a water treatment plant upgrade.']).some((x) => x.head === 'upgrade')).toBe(false)
    expect(terms('People of the world', ['People came from the whole world, and people stayed.']).some((x) => x.head === 'people' || x.head === 'world')).toBe(false)
    expect(terms('New tax on fuel', ['The tax rose again.']).some((x) => x.head === 'tax')).toBe(false)
    expect(terms('Lanterns everywhere', ['Lanterns filled the square.']).some((x) => x.text === 'Lanterns')).toBe(false)
  })

  it('finds nothing in an article with no nouns of its title and none repeated', () => {
    expect(terms('Quiet day', ['Nothing much happened on Sunday afternoon.'])).toEqual([])
  })
})
