import { describe, expect, it } from 'vitest'
import { formatDate, groupCredits, licenceLink, readingMinutes, segmentParagraph } from '../../../src/renderer/src/reader/lib'

describe('segmentParagraph', () => {
  const text = 'One two. Three four. Five six.'

  it('gives the text back whole when nothing is marked', () => {
    expect(segmentParagraph(text, [])).toEqual([{ text, start: 0, keys: [] }])
  })

  it('marks a sentence and keeps the runs around it', () => {
    const segs = segmentParagraph(text, [{ start: 9, end: 20, key: 'q1' }])
    expect(segs.map((s) => [s.text, s.keys])).toEqual([
      ['One two. ', []],
      ['Three four.', ['q1']],
      [' Five six.', []]
    ])
  })

  it('splits overlapping marks into runs that carry every key, and always rebuilds the text', () => {
    const segs = segmentParagraph(text, [
      { start: 0, end: 20, key: 'a' },
      { start: 9, end: 30, key: 'b' }
    ])
    expect(segs.map((s) => s.keys)).toEqual([['a'], ['a', 'b'], ['b']])
    expect(segs.map((s) => s.text).join('')).toBe(text)
  })

  it('clips ranges outside the text and drops empty ones', () => {
    const segs = segmentParagraph(text, [
      { start: -5, end: 3, key: 'a' },
      { start: 25, end: 99, key: 'b' },
      { start: 10, end: 10, key: 'c' }
    ])
    expect(segs.map((s) => s.text).join('')).toBe(text)
    expect(segs[0]).toEqual({ text: 'One', start: 0, keys: ['a'] })
    expect(segs.at(-1)).toEqual({ text: ' six.', start: 25, keys: ['b'] })
  })
})

describe('reader formatting', () => {
  it('formats ISO dates without a time-zone shift', () => {
    expect(formatDate('2016-11-15')).toBe('15 November 2016')
    expect(formatDate('2017-01-01')).toBe('1 January 2017')
  })
  it('counts reading time and groups repeated credits', () => {
    expect(readingMinutes(0)).toBe(1)
    expect(readingMinutes(690)).toBe(3)
    expect(groupCredits(['Photo by: Reuters', 'Photo by: AP', 'Photo by: Reuters'])).toEqual(['Photo by: Reuters (×2)', 'Photo by: AP'])
  })
})

describe('licenceLink', () => {
  it('links only absolute http(s) URLs and shows anything else as text', () => {
    expect(licenceLink('https://en.wikinews.org/wiki/Story')).toEqual({ href: 'https://en.wikinews.org/wiki/Story' })
    expect(licenceLink('http://example.org/a')).toEqual({ href: 'http://example.org/a' })
    for (const url of ['javascript:alert(1)', 'JavaScript:alert(1)', 'file:///etc/passwd', 'data:text/html,<b>x</b>', 'app://bundle/index.html', 'wiki/Story']) {
      expect(licenceLink(url), url).toEqual({ text: url })
    }
    expect(licenceLink(null)).toBeNull()
  })
})
