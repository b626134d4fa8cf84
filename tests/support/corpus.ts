import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

/** The shared test material beside the repo (read-only): the seed article and the Wikinews corpus. */
export const SHARED = resolve(import.meta.dirname, '../../../shared')
export const SEED_DIR = join(SHARED, 'seed')
export const CORPUS_DIR = join(SHARED, 'corpus/news')

/** The seed article's raw text, as it was given to the team. */
export function seedText(): string {
  const file = readdirSync(SEED_DIR).find((f) => f.endsWith('.txt'))
  if (!file) throw new Error(`no seed article in ${SEED_DIR}`)
  return readFileSync(join(SEED_DIR, file), 'utf8')
}

/** Every corpus article as [file name, text], sorted by name. */
export function corpusFiles(): [string, string][] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => [f, readFileSync(join(CORPUS_DIR, f), 'utf8')])
}
