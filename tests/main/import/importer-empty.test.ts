import { describe, expect, it } from 'vitest'
import { articleFromText, readArticle } from '../../../src/main/import/importer'

/*
 * Input with no text in it, in any format, gets the one "empty" answer, whose message says there is nothing to
 * import: not a format-specific refusal ("no article on this page", "not a News Quiz article file").
 */

const EMPTY = { ok: false, error: { code: 'empty', message: 'There is no text here: there is no article to import.' } }

describe('importer: input that is only white space', () => {
  it.each([
    ['story.html', ' \n\t '],
    ['story.json', '\n\n'],
    ['story.md', '   '],
    ['Pasted text', ' \u00a0\n ']
  ])('refuses %s with nothing but white space as empty', (name, text) => {
    expect(articleFromText(text, name)).toEqual(EMPTY)
    expect(readArticle({ name, text })).toEqual(EMPTY)
    // A file's bytes are refused as they are decoded, with words for a file.
    expect(readArticle({ name, bytes: new TextEncoder().encode(text) })).toEqual({
      ok: false,
      error: { code: 'empty', message: 'This file has no text in it, only blank space: there is no article to import.' }
    })
  })
})
