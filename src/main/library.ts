import { wordCount, type Article } from '@shared/article/model'
import { contract, type ArticleSummary, type StudyArticle } from '@shared/ipc/contract'
import { generateQuiz } from '@shared/quiz/generate'
import type { Question } from '@shared/quiz/model'
import { handle, UserError, type IpcRegistrar } from './ipc'

/** Builds the library's summary of an article. */
export function summarize(article: Article, questionCount: number, bundled: boolean, addedAt: string | null): ArticleSummary {
  const body = article.paragraphs.join(' ')
  return {
    id: article.id,
    title: article.title,
    date: article.date,
    dateLabel: article.dateLabel,
    source: article.source,
    excerpt: body.length > 240 ? `${body.slice(0, 240).replace(/\s+\S*$/, '')}…` : body,
    wordCount: wordCount(article),
    questionCount,
    bundled,
    addedAt,
    lastOpenedAt: null,
    licenceCredit: article.licence?.credit ?? null
  }
}

/**
 * The articles the app knows: the bundled ones and, once the library exists, the user's own. Quizzes are
 * generated once per article and kept in memory; generation is deterministic, so a cache can never be stale.
 */
export class Library {
  readonly #bundled: Article[]
  readonly #quizzes = new Map<string, Question[]>()

  constructor(bundled: Article[]) {
    this.#bundled = bundled
  }

  list(): ArticleSummary[] {
    return this.#bundled.map((a) => summarize(a, this.#quiz(a).length, true, null))
  }

  get(id: string): StudyArticle {
    const article = this.#bundled.find((a) => a.id === id)
    if (!article) throw new UserError('not-found', 'That article is not in the library any more.')
    return { article, questions: this.#quiz(article) }
  }

  #quiz(article: Article): Question[] {
    let quiz = this.#quizzes.get(article.id)
    if (!quiz) {
      quiz = generateQuiz(article)
      this.#quizzes.set(article.id, quiz)
    }
    return quiz
  }
}

/** Registers the library's IPC handlers. */
export function setupLibrary(registrar: IpcRegistrar, library: Library): void {
  handle(registrar, contract.listArticles, () => library.list())
  handle(registrar, contract.getArticle, (id) => library.get(id))
}
