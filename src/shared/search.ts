/**
 * Lowercases and strips accents and punctuation, so "Müller's" matches "mullers". Main's full-text search and the
 * renderer's instant title filter use this one function, so they agree on what matches.
 */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}
