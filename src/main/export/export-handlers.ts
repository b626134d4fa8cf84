import { writeFile } from 'node:fs/promises'
import type * as v from 'valibot'
import { ankiNote, toTsv, type ExportQuestion } from '@shared/export/questions'
import { contract, type ExportRequest } from '@shared/ipc/contract'
import { handle, UserError, type IpcRegistrar } from '../ipc'
import type { Library } from '../library'
import { buildApkg } from './apkg'

/** The save dialog of "Export questions": Electron's in the app, a stand-in in tests. */
export interface ExportDialog {
  /** Asks where to save; the chosen path, or null when the user cancels. */
  save(options: { title: string; defaultName: string; format: 'apkg' | 'tsv' }): Promise<string | null>
}

type Request = v.InferOutput<typeof ExportRequest>

/** The questions a request names, with their articles' titles and links; one per article and question. */
export async function questionsFor(library: Library, scope: Request['scope']): Promise<ExportQuestion[]> {
  const items: ExportQuestion[] = []
  if (scope.kind === 'questions') {
    for (const item of scope.items) {
      // The renderer's copy of a question may be older than the article; the article's link comes from main.
      const article = await library.peekArticle(item.articleId)
      items.push({ articleId: item.articleId, articleTitle: article?.title ?? item.articleTitle, articleUrl: article?.licence?.url ?? null, question: item.question })
    }
  } else {
    const ids = scope.kind === 'article' ? [scope.id] : (await library.list()).map((a) => a.id)
    for (const id of ids) {
      const study = await library.peekStudy(id)
      if (!study) {
        if (scope.kind === 'article') throw new UserError('not-found', 'That article is not in the library any more.')
        continue
      }
      const { article, questions } = study
      for (const question of questions) items.push({ articleId: article.id, articleTitle: article.title, articleUrl: article.licence?.url ?? null, question })
    }
  }
  const seen = new Set<string>()
  return items.filter((i) => {
    const key = `${i.articleId}\u0000${i.question.id}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function fileStem(scope: Request['scope'], items: readonly ExportQuestion[]): string {
  if (scope.kind === 'all') return 'news-quiz-all-questions'
  if (scope.kind === 'questions') return `news-quiz-${scope.label}-questions`
  const words = (items[0]?.articleTitle ?? 'article')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  // At most 50 characters, cut between words.
  const slug = words.length <= 50 ? words : words.slice(0, 51).replace(/-[^-]*$/, '')
  return `news-quiz-${slug || 'article'}`
}

/**
 * Exports questions: gathers them, asks where to save (nothing is built if the user cancels), then writes an
 * Anki package or tab-separated text. `saved: false` when cancelled; a write failure is an `io` error.
 */
export async function exportQuestions(library: Library, dialog: ExportDialog, request: Request, now: () => Date): Promise<{ saved: boolean; path: string | null; count: number }> {
  const items = await questionsFor(library, request.scope)
  if (items.length === 0) throw new UserError('not-found', 'There are no questions to export.')
  const path = await dialog.save({
    title: request.format === 'apkg' ? 'Export questions as an Anki deck' : 'Export questions as tab-separated text',
    defaultName: `${fileStem(request.scope, items)}.${request.format}`,
    format: request.format
  })
  if (!path) return { saved: false, path: null, count: items.length }
  const data = request.format === 'apkg' ? await buildApkg(items.map(ankiNote), now()) : toTsv(items)
  try {
    await writeFile(path, data)
  } catch (e) {
    throw new UserError('io', `The file could not be saved (${(e as NodeJS.ErrnoException).code ?? 'write error'}). Nothing was exported.`)
  }
  return { saved: true, path, count: items.length }
}

/** Registers "Export questions". */
export function setupExport(registrar: IpcRegistrar, library: Library, dialog: ExportDialog, now: () => Date): void {
  handle(registrar, contract.exportQuestions, (request) => exportQuestions(library, dialog, request, now))
}
