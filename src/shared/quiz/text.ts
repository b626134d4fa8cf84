/** Small text helpers shared by the generator's kinds and gates. */

// Compiled once: a pattern with \p{L} is costly to build, and these run on every candidate.
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u

/** True when `word` occurs in `text` as a whole word (no letter or digit on either side); no pattern compiled. */
export function hasWord(text: string, word: string, ignoreCase = false): boolean {
  if (!word) return false
  const hay = ignoreCase ? text.toLowerCase() : text
  const needle = ignoreCase ? word.toLowerCase() : word
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
    const before = at > 0 ? hay.charAt(at - 1) : ''
    const after = hay.charAt(at + needle.length)
    if (!(before && LETTER_OR_DIGIT.test(before)) && !(after && LETTER_OR_DIGIT.test(after))) return true
  }
  return false
}

/**
 * True when `before` (the text up to some point) ends inside a relative clause set off by a comma (", which …",
 * ", who …", ", whose …") that no later comma has closed: the point is in an aside about the subject.
 */
export function endsInAside(before: string): boolean {
  const opened = [...before.matchAll(/,\s+(?:which|who|whose)\b/g)].at(-1)
  return opened !== undefined && !before.slice(opened.index! + 1).includes(',')
}
