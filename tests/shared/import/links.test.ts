import { describe, expect, it } from 'vitest'
import { canonicalLink, linkFromText, linkKey } from '../../../src/shared/import/links'

describe('linkKey', () => {
  it('gives two links to the same page one key', () => {
    const key = linkKey('https://news.example.org/2026/03/ferry')
    for (const same of [
      'http://news.example.org/2026/03/ferry',
      'https://NEWS.example.org/2026/03/ferry/',
      'https://news.example.org:443/2026/03/ferry#comments',
      'https://news.example.org/2026/03/ferry?utm_source=feed&utm_medium=rss&fbclid=abc',
      ' https://news.example.org/2026/03/ferry '
    ]) {
      expect(linkKey(same)).toBe(key)
    }
    expect(linkKey('https://www.example.org/a')).toBe(linkKey('https://example.org/a'))
  })

  it('keeps what tells pages apart', () => {
    expect(linkKey('https://example.org/story?id=1')).not.toBe(linkKey('https://example.org/story?id=2'))
    expect(linkKey('https://example.org/a')).not.toBe(linkKey('https://example.org/b'))
    expect(linkKey('https://example.org:8080/a')).not.toBe(linkKey('https://example.org/a'))
    expect(linkKey('https://example.org/A')).not.toBe(linkKey('https://example.org/a'))
  })

  it('is null for anything but http(s)', () => {
    for (const bad of ['file:///etc/passwd', 'javascript:alert(1)', 'ftp://example.org/', 'example.org/a', '']) expect(linkKey(bad)).toBeNull()
  })
})

describe('canonicalLink', () => {
  const base = 'https://example.org/news/story?utm_source=x'

  it('reads <link rel="canonical">, then og:url, resolved against the page address', () => {
    expect(canonicalLink('<html><head><link rel="canonical" href="/news/story"></head><body></body></html>', base)).toBe('https://example.org/news/story')
    expect(canonicalLink("<head><link href='https://example.org/s?a=1&amp;b=2' rel='alternate canonical'>", base)).toBe('https://example.org/s?a=1&b=2')
    expect(canonicalLink('<head><meta property="og:url" content="https://example.org/og"></head>', base)).toBe('https://example.org/og')
    expect(canonicalLink('<head><link rel=canonical href=/bare></head>', base)).toBe('https://example.org/bare')
  })

  it('ignores other rels, non-http(s) links, and anything in the body', () => {
    expect(canonicalLink('<head><link rel="canonical-ish" href="/x"><link rel="stylesheet" href="/s.css"></head>', base)).toBeNull()
    expect(canonicalLink('<head><link rel="canonical" href="javascript:alert(1)"></head>', base)).toBeNull()
    expect(canonicalLink('<head></head><body><link rel="canonical" href="/late"></body>', base)).toBeNull()
  })
})

describe('linkFromText', () => {
  it('recognises a pasted or dropped link', () => {
    expect(linkFromText('https://example.org/a b')).toBeNull()
    expect(linkFromText('  https://example.org/story  \n')).toBe('https://example.org/story')
    expect(linkFromText('# a comment from a uri-list\r\nhttps://example.org/story\r\n')).toBe('https://example.org/story')
  })

  it('leaves text that only mentions a link to be imported as text', () => {
    expect(linkFromText('Read more at https://example.org/story')).toBeNull()
    expect(linkFromText('https://example.org/a\nhttps://example.org/b')).toBeNull()
    expect(linkFromText('file:///etc/passwd')).toBeNull()
    expect(linkFromText('')).toBeNull()
  })
})
