/**
 * Limits on the text an article may hand to the quiz generator and the reader. A "word" of hundreds of characters
 * is never prose (a pasted data blob, a base64 image, a hostile file), and the NLP model's per-token checks grow
 * with a token's length: one 4.9 MB word kept generation busy for hours.
 */

/** Characters from which a run without whitespace is not a word. The longest English words and most URLs are shorter. */
export const MAX_WORD_CHARS = 200

/**
 * `text` without its runs of MAX_WORD_CHARS or more non-space characters (and the space before each), or `text`
 * itself, unchanged, when it has none. Linear in the length of `text`.
 */
export function dropOverlongWords(text: string): string {
  let run = 0
  let found = false
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text.charCodeAt(i))) run = 0
    else if (++run >= MAX_WORD_CHARS) {
      found = true
      break
    }
  }
  if (!found) return text
  const kept: string[] = []
  let start = -1
  let gap = ''
  for (let i = 0; i <= text.length; i++) {
    const space = i === text.length || isSpace(text.charCodeAt(i))
    if (!space) {
      if (start < 0) start = i
      continue
    }
    if (start >= 0) {
      if (i - start < MAX_WORD_CHARS) kept.push(gap, text.slice(start, i))
      start = -1
      gap = ''
    }
    if (i < text.length) gap += text[i]
  }
  return kept.join('').trim()
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
}
