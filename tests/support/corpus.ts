import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

/** The articles kept in the repo (tests/fixtures/articles, credited in its README): always there. */
export const FIXTURE_ARTICLES = resolve(import.meta.dirname, '../fixtures/articles')
/** The seed article as it was given to the team. */
export const SEED_FILE = join(FIXTURE_ARTICLES, 'seed-trump-putin-2016.txt')

/**
 * The team's shared test material, when it is there: `../shared` beside the repo, or the folder
 * `NEWSQUIZ_SHARED` names (a worktree or a mutation-testing sandbox sits elsewhere). Read-only.
 */
export const SHARED = process.env.NEWSQUIZ_SHARED ? resolve(process.env.NEWSQUIZ_SHARED) : resolve(import.meta.dirname, '../../../shared')
/** The larger Wikinews corpus (31 articles), which the repo does not carry. */
export const CORPUS_DIR = join(SHARED, 'corpus/news')
/** Whether the larger corpus can be read; tests over it use `describe.skipIf(!hasCorpus)`. */
export const hasCorpus = existsSync(CORPUS_DIR)
/** Why corpus-wide tests did not run, shown as the name of their skipped suite. */
export const NO_CORPUS = `(skipped: the shared corpus is not at ${CORPUS_DIR}; put it beside the repo or set NEWSQUIZ_SHARED)`

/** A test article kept in the repo, by file name. */
export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURE_ARTICLES, name), 'utf8')
}

/** The seed article's raw text. */
export function seedText(): string {
  return readFileSync(SEED_FILE, 'utf8')
}

/**
 * Every Wikinews article as [file name, text], sorted by name: the whole shared corpus when it is there, else the
 * few the repo keeps (a subset of it). Tests whose thresholds need the whole corpus skip on `!hasCorpus`.
 */
export function corpusFiles(): [string, string][] {
  const dir = hasCorpus ? CORPUS_DIR : FIXTURE_ARTICLES
  return readdirSync(dir)
    .filter((f) => f.startsWith('wikinews-') && f.endsWith('.txt'))
    .sort()
    .map((f) => [f, readFileSync(join(dir, f), 'utf8')])
}
