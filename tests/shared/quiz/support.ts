import { readFileSync } from 'node:fs'
import { parseArticle } from '@shared/article/parse'
import type { Article } from '@shared/article/model'
import { corpusFiles, FIXTURE_ARTICLES, hasCorpus, NO_CORPUS, SEED_FILE } from '../../support/corpus'

export { FIXTURE_ARTICLES, hasCorpus, NO_CORPUS, SEED_FILE }

function parsed(name: string, text: string): Article {
  const r = parseArticle(text)
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`)
  return r.article
}

/** Parses an article file, failing the test if it cannot. */
export function load(file: string): Article {
  return parsed(file, readFileSync(file, 'utf8'))
}

/** Every Wikinews article by file name: the whole shared corpus when it is there, else the repo's few (`hasCorpus`). */
export function corpus(): Array<{ name: string; article: Article }> {
  return corpusFiles().map(([name, text]) => ({ name, article: parsed(name, text) }))
}
