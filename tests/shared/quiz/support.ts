import { readFileSync, readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArticle } from '@shared/article/parse'
import type { Article } from '@shared/article/model'

export const SHARED = resolve(import.meta.dirname, '../../../../shared')
export const SEED_FILE = resolve(SHARED, 'seed/000_46a3469e29ac71c6.txt')
export const CORPUS_DIR = resolve(SHARED, 'corpus/news')

/** Parses an article file, failing the test if it cannot. */
export function load(file: string): Article {
  const r = parseArticle(readFileSync(file, 'utf8'))
  if (!r.ok) throw new Error(`${file}: ${r.error.message}`)
  return r.article
}

/** Every corpus article, by file name. */
export function corpus(): Array<{ name: string; article: Article }> {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, article: load(resolve(CORPUS_DIR, name)) }))
}
