import { randomBytes } from 'node:crypto'
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import * as v from 'valibot'
import { CONTENT_FORMAT, fromContentFile, readContentFile, type ContentFile } from '@shared/article/content-format'
import type { Article } from '@shared/article/model'
import { ArticleId } from '@shared/ipc/contract'
import type { ImportFormat } from '@shared/import/format'

/*
 * Why files and not the renderer's IndexedDB: the main process owns everything an import does (reading the
 * file, extracting the article, generating its quiz in a worker), and `getArticle` serves articles from main,
 * so main keeps them where it can read them without a round trip through the window. Plain JSON files in the
 * app's own content format are also easy to back up, inspect and repair, and one damaged file costs one
 * article, not the library. The user's progress (answers, reviews) stays in the renderer's IndexedDB, keyed by
 * article id; deleting an article here never touches it, so the renderer decides whether it goes too.
 *
 * Layout, under <userData>/library/:
 *   articles/<id>.json  one imported article in `newsquiz-article@1` (content/README.md), id = content hash
 *   index.json          `newsquiz-library@1`: when each article was added, its original file name and format,
 *                       its question count, and when each article (bundled ones too) was last opened
 * Every write goes to a temporary file that is flushed and then renamed over the target, so a crash leaves
 * the old file or the new one, never half of one. An article file is written before the index and removed
 * before the index forgets it, so the article files are the truth: on load an index entry without its file is
 * dropped, and an article file missing from the index is taken back in.
 */

/** The format tag of `index.json`; a new shape gets a new version and a migration here. */
export const LIBRARY_INDEX_FORMAT = 'newsquiz-library@1'

const IsoTime = v.pipe(v.string(), v.isoTimestamp())

const IndexSchema = v.object({
  format: v.literal(LIBRARY_INDEX_FORMAT),
  imported: v.record(
    ArticleId,
    v.object({
      addedAt: IsoTime,
      origin: v.nullable(v.pipe(v.string(), v.maxLength(1024))),
      format: v.picklist(['text', 'markdown', 'html', 'json'] as const satisfies readonly ImportFormat[]),
      questionCount: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
      // Added with imports from links (2026-11): the link keys (see `linkKey`) that lead to this article.
      links: v.optional(v.array(v.pipe(v.string(), v.maxLength(2100))), [])
    })
  ),
  lastOpened: v.record(ArticleId, IsoTime),
  // Added 2026-11-30: the quiz size of each bundled article when last generated, so the list at start need not
  // generate their quizzes (a second or more while the quiz worker loads). Imported ones keep theirs above.
  bundledCounts: v.optional(v.record(ArticleId, v.pipe(v.number(), v.integer(), v.minValue(0))), {})
})

type LibraryIndex = v.InferOutput<typeof IndexSchema>

/** An imported article as stored, with its bookkeeping. */
export interface StoredArticle {
  article: Article
  /** ISO time of the import. */
  addedAt: string
  /** The file name it was imported from ("story.html"), or the paste's label; null when unknown. */
  origin: string | null
  format: ImportFormat
  /** Questions its quiz had when last generated; null when not known (an article file recovered without index). */
  questionCount: number | null
  /** Keys of the web links it was saved from (`linkKey`), so the same link finds it again; none for files. */
  links?: string[]
}

/** Writes `text` to `path` so that readers see the old file or the new one, never a partial one. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const tmp = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`
  const handle = await open(tmp, 'w')
  try {
    try {
      await handle.writeFile(text, 'utf8')
      // Flush before the rename: otherwise a power cut can leave the new name pointing at empty blocks.
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(tmp, path)
  } catch (e) {
    // A failed write (a full disk) leaves no half-written temporary file behind either.
    await rm(tmp, { force: true })
    throw e
  }
  await syncFolder(dirname(path))
}

/**
 * Flushes a folder's entries, so a rename in it survives a power cut (the file's own sync covers its data, not its
 * name). Windows cannot open a folder for syncing, and there NTFS journals the rename itself: skip it there.
 */
export async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } catch (e) {
    // Some file systems (network shares, some FUSE ones) cannot sync a folder; the data itself was synced.
    if (!['EINVAL', 'ENOTSUP', 'EISDIR', 'EPERM', 'EBADF'].includes((e as NodeJS.ErrnoException).code ?? '')) throw e
  } finally {
    await handle.close()
  }
}

/** Matches the temporary files `writeFileAtomic` leaves when killed before its rename (`index.json.123-ab12cd34.tmp`). */
function isLeftoverTemp(name: string): boolean {
  return /^index\.json\.\d+-[0-9a-f]{8}\.tmp$/.test(name)
}

/** The article in the app's content format; `fromContentFile` reads it back to an equal article. */
export function toContentFile(article: Article): ContentFile {
  const body: ContentFile['body'] = []
  article.paragraphs.forEach((paragraph, i) => {
    for (const h of article.headings) if (h.before === i) body.push({ heading: h.text })
    body.push({ paragraph })
  })
  return {
    format: CONTENT_FORMAT,
    id: article.id,
    title: article.title,
    date: article.date,
    dateLabel: article.dateLabel,
    source: article.source,
    byline: article.byline,
    credits: article.credits,
    body,
    licence: article.licence
  }
}

/**
 * The user's imported articles on disk (see the layout above). Call `load()` once before anything else; every
 * change is written through at once. Changes are serialized, so two imports at the same moment cannot interleave
 * their index writes. A damaged article file or index is skipped with a logged warning, never a crash.
 */
export class LibraryStore {
  readonly dir: string
  readonly #articlesDir: string
  readonly #indexPath: string
  #index: LibraryIndex = { format: LIBRARY_INDEX_FORMAT, imported: {}, lastOpened: {}, bundledCounts: {} }
  readonly #articles = new Map<string, Article>()
  #loading: Promise<void> | null = null
  #loaded = false
  #queue: Promise<unknown> = Promise.resolve()

  /** `dir` is the library folder, `<userData>/library`. */
  constructor(dir: string) {
    this.dir = dir
    this.#articlesDir = join(dir, 'articles')
    this.#indexPath = join(dir, 'index.json')
  }

  /** Reads the library folder (once; later calls wait for the first). A missing folder is an empty library. */
  load(): Promise<void> {
    this.#loading ??= this.#load().then(() => {
      this.#loaded = true
    })
    return this.#loading
  }

  /** Imported articles in the order they were added. */
  list(): StoredArticle[] {
    return [...this.#articles.values()]
      .map((article) => this.#stored(article))
      .sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.article.id.localeCompare(b.article.id))
  }

  /**
   * One imported article as `get` gives it, without waiting for the whole library to load: at start the article
   * open last is read from its own file (a thousand-article library takes about 0.3 s to read in full). Its
   * bookkeeping (added, origin) is not known yet, so only the article is returned; null when there is no such file.
   */
  async article(id: string): Promise<Article | null> {
    if (this.#loaded) return this.#articles.get(id) ?? null
    return this.#readArticle(this.#articlePath(id), id, { missing: 'quiet' })
  }

  get(id: string): StoredArticle | null {
    const article = this.#articles.get(id)
    return article ? this.#stored(article) : null
  }

  /** The quiz size of bundled article `id` when it was last generated, or null when it never was here. */
  bundledCount(id: string): number | null {
    return this.#index.bundledCounts[id] ?? null
  }

  /** Records the quiz size of a bundled article, when it changed (a newer generator, say). */
  setBundledCount(id: string, count: number): Promise<void> {
    return this.#serial(async () => {
      if (this.#index.bundledCounts[id] === count) return
      const next = structuredClone(this.#index)
      next.bundledCounts[id] = count
      await this.#writeIndex(next)
    })
  }

  /** When the article (bundled or imported) was last opened, or null. */
  lastOpened(id: string): string | null {
    return this.#index.lastOpened[id] ?? null
  }

  /** Stores a new article: its file first, then the index; if the index cannot be written the file is removed again. */
  add(entry: StoredArticle): Promise<void> {
    return this.#serial(async () => {
      const { article } = entry
      await mkdir(this.#articlesDir, { recursive: true })
      const path = this.#articlePath(article.id)
      await writeFileAtomic(path, `${JSON.stringify(toContentFile(article), null, 2)}\n`)
      const next = structuredClone(this.#index)
      next.imported[article.id] = { addedAt: entry.addedAt, origin: entry.origin, format: entry.format, questionCount: entry.questionCount, links: entry.links ?? [] }
      try {
        await this.#writeIndex(next)
      } catch (e) {
        await rm(path, { force: true })
        throw e
      }
      this.#articles.set(article.id, article)
    })
  }

  /** Removes an imported article's file and index entry (and its last-opened time). False when it is not stored. */
  remove(id: string): Promise<boolean> {
    return this.#serial(async () => {
      if (!this.#articles.has(id)) return false
      await rm(this.#articlePath(id), { force: true })
      this.#articles.delete(id)
      const next = structuredClone(this.#index)
      delete next.imported[id]
      delete next.lastOpened[id]
      try {
        await this.#writeIndex(next)
      } catch (e) {
        // The file is gone, which is what counts: the next load drops the entry. Keep memory consistent with that.
        this.#index = next
        console.warn(`[library] the index could not be updated after deleting ${id}:`, e)
      }
      return true
    })
  }

  /** Records that an article was opened at `at` (ISO time). */
  setLastOpened(id: string, at: string): Promise<void> {
    return this.#serial(async () => {
      const next = structuredClone(this.#index)
      next.lastOpened[id] = at
      await this.#writeIndex(next)
    })
  }

  /** Records the size of an article's freshly generated quiz, when it changed (a newer generator, say). */
  setQuestionCount(id: string, count: number): Promise<void> {
    return this.#serial(async () => {
      const entry = this.#index.imported[id]
      if (!entry || entry.questionCount === count) return
      const next = structuredClone(this.#index)
      next.imported[id] = { ...entry, questionCount: count }
      await this.#writeIndex(next)
    })
  }

  /** The imported article one of whose link keys is `key`, or null. */
  findByLink(key: string): StoredArticle | null {
    for (const [id, meta] of Object.entries(this.#index.imported)) {
      const article = this.#articles.get(id)
      if (article && meta.links.includes(key)) return this.#stored(article)
    }
    return null
  }

  /** Remembers more link keys for a stored article (the same story reached through another link). */
  addLinks(id: string, keys: readonly string[]): Promise<void> {
    return this.#serial(async () => {
      const entry = this.#index.imported[id]
      const fresh = keys.filter((k) => !entry?.links.includes(k))
      if (!entry || fresh.length === 0) return
      const next = structuredClone(this.#index)
      next.imported[id] = { ...entry, links: [...entry.links, ...fresh] }
      await this.#writeIndex(next)
    })
  }

  #stored(article: Article): StoredArticle {
    const meta = this.#index.imported[article.id]
    return {
      article,
      addedAt: meta?.addedAt ?? new Date(0).toISOString(),
      origin: meta?.origin ?? null,
      format: meta?.format ?? 'json',
      questionCount: meta?.questionCount ?? null,
      ...(meta && meta.links.length > 0 ? { links: meta.links } : {})
    }
  }

  #articlePath(id: string): string {
    // Ids are validated (`ArticleId`: lowercase letters, digits, dashes) before they reach here: no path tricks.
    return join(this.#articlesDir, `${id}.json`)
  }

  async #writeIndex(next: LibraryIndex): Promise<void> {
    await mkdir(this.dir, { recursive: true })
    await writeFileAtomic(this.#indexPath, `${JSON.stringify(next, null, 2)}\n`)
    this.#index = next
  }

  #serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(() => this.load()).then(work)
    this.#queue = run.catch(() => undefined)
    return run
  }

  async #load(): Promise<void> {
    await this.#removeLeftovers()
    const index = await this.#readIndex()
    let names: string[] = []
    try {
      names = await readdir(this.#articlesDir)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') console.warn('[library] the library folder could not be read:', e)
    }
    const recovered: string[] = []
    for (const name of names.sort()) {
      const path = join(this.#articlesDir, name)
      if (name.endsWith('.tmp')) {
        // Left by a write that was interrupted before its rename: never a complete file.
        await rm(path, { force: true }).catch(() => undefined)
        continue
      }
      if (!name.endsWith('.json')) continue
      const article = await this.#readArticle(path, name.slice(0, -'.json'.length))
      if (!article) continue
      this.#articles.set(article.id, article)
      if (!index.imported[article.id]) recovered.push(article.id)
    }
    for (const id of Object.keys(index.imported)) {
      if (!this.#articles.has(id)) delete index.imported[id]
    }
    for (const id of recovered) {
      // An article whose import was interrupted after its file was written: keep it, as of now.
      index.imported[id] = { addedAt: new Date().toISOString(), origin: null, format: 'json', questionCount: null, links: [] }
    }
    this.#index = index
    if (recovered.length > 0) await this.#writeIndex(index).catch((e: unknown) => console.warn('[library] the index could not be repaired:', e))
  }

  /** Removes the library folder's own leftover temporary files (of index.json) from a write that was killed. */
  async #removeLeftovers(): Promise<void> {
    let names: string[] = []
    try {
      names = await readdir(this.dir)
    } catch {
      return
    }
    for (const name of names) {
      if (isLeftoverTemp(name)) await rm(join(this.dir, name), { force: true }).catch((e: unknown) => console.warn(`[library] could not remove ${name}:`, e))
    }
  }

  async #readIndex(): Promise<LibraryIndex> {
    const empty: LibraryIndex = { format: LIBRARY_INDEX_FORMAT, imported: {}, lastOpened: {}, bundledCounts: {} }
    let text: string
    try {
      text = await readFile(this.#indexPath, 'utf8')
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') console.warn('[library] the library index could not be read; rebuilding it:', e)
      return empty
    }
    try {
      const parsed = v.safeParse(IndexSchema, JSON.parse(text))
      if (parsed.success) return parsed.output
      console.warn(`[library] the library index is not valid (${parsed.issues[0]?.message ?? 'bad shape'}); rebuilding it from the article files.`)
    } catch {
      console.warn('[library] the library index is damaged (not JSON); rebuilding it from the article files.')
    }
    return empty
  }

  // A file that cannot be read is skipped with a warning; with `missing: 'quiet'`, a file that is not there is not
  // worth one (an id asked for before the library loaded may simply not be an imported article).
  async #readArticle(path: string, expectedId: string, options: { missing?: 'quiet' } = {}): Promise<Article | null> {
    let text: string
    try {
      text = await readFile(path, 'utf8')
    } catch (e) {
      if (options.missing === 'quiet' && (e as NodeJS.ErrnoException).code === 'ENOENT') return null
      console.warn(`[library] skipping ${path}: it could not be read (${e instanceof Error ? e.message : String(e)}).`)
      return null
    }
    try {
      const read = readContentFile(JSON.parse(text))
      if (!read.ok) {
        console.warn(`[library] skipping ${path}: not a valid article file (${read.message}).`)
        return null
      }
      if (read.file.id !== expectedId) {
        console.warn(`[library] skipping ${path}: its id "${read.file.id}" does not match its file name.`)
        return null
      }
      return fromContentFile(read.file)
    } catch (e) {
      console.warn(`[library] skipping ${path}: it could not be read as JSON (${e instanceof Error ? e.message : String(e)}).`)
      return null
    }
  }
}
