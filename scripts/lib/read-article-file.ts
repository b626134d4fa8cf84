import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import type { ImportedArticle } from '../../src/main/import/importer'
import { refuse, type Imported } from '../../src/shared/import/errors'

/** How long the command line lets one file be read before giving up on it (the app's worker has its own limit). */
export const CLI_READ_LIMIT_MS = 60_000

const ROOT = resolve(import.meta.dirname, '../..')
const CHILD = resolve(import.meta.dirname, 'read-article-child.ts')

/**
 * Reads an article file exactly as File → Open does: the same checks before reading (size, regular file), the same
 * decoding (UTF-8, UTF-16 with BOM, an HTML page's declared charset such as Latin-1), the same format detection and
 * importers (HTML through Readability, Markdown, plain text, the app's JSON), so what the command line says about a
 * file is what the app does. The work runs in a child process ended after `timeLimitMs`, as the app ends its worker.
 */
export function readArticleFile(path: string, timeLimitMs = CLI_READ_LIMIT_MS): Imported<ImportedArticle> {
  const child = spawnSync(process.execPath, ['--import', 'tsx', CHILD, resolve(path)], {
    cwd: ROOT,
    env: { ...process.env, TSX_TSCONFIG_PATH: resolve(ROOT, 'tsconfig.node.json') },
    encoding: 'utf8',
    timeout: timeLimitMs,
    maxBuffer: 256 * 1024 * 1024
  })
  if (child.error && (child.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') {
    return refuse('timed-out', 'This file took too long to read; nothing was changed.')
  }
  if (child.status !== 0 || !child.stdout) {
    return refuse('internal', `The file could not be read (${(child.stderr || String(child.error ?? 'no output')).trim().split('\n').at(-1)}).`)
  }
  return JSON.parse(child.stdout) as Imported<ImportedArticle>
}
