import type { Attempt, ProgressData, QuizRun, ReviewRecord } from './model'

/**
 * Import merges by id rather than replacing. An import is how a user restores a backup or carries progress to
 * another machine; replacing would silently drop every answer given since that file was written, while merging
 * by the stable ids loses nothing and is idempotent (importing the same file twice changes nothing more).
 *
 * - Attempts: union by `id` (ids are unique per answer, so the same answer is never counted twice).
 * - Review records: per question, the one with the later `lastAt` wins: the card state that saw the most
 *   recent answer is the one that schedules correctly. A tie keeps what is stored.
 * - Runs: by `id`; an incoming finished run replaces a stored unfinished one, otherwise the stored one stays.
 */

/** What is already stored, as far as merging needs it. */
export interface StoredIndex {
  attemptIds: ReadonlySet<string>
  reviews: ReadonlyMap<string, Pick<ReviewRecord, 'lastAt'>>
  runs: ReadonlyMap<string, Pick<QuizRun, 'finishedAt'>>
}

/** The records to write (put) so that the store holds the merge of what it had and `incoming`. */
export function planMerge(stored: StoredIndex, incoming: ProgressData): ProgressData {
  const attempts = new Map<string, Attempt>()
  for (const a of incoming.attempts) if (!stored.attemptIds.has(a.id) && !attempts.has(a.id)) attempts.set(a.id, a)

  const reviews = new Map<string, ReviewRecord>()
  for (const r of incoming.reviews) {
    const have = reviews.get(r.questionId)?.lastAt ?? stored.reviews.get(r.questionId)?.lastAt
    if (have === undefined || r.lastAt > have) reviews.set(r.questionId, r)
  }

  const runs = new Map<string, QuizRun>()
  for (const run of incoming.runs) {
    const have = runs.get(run.id) ?? stored.runs.get(run.id)
    if (!have || (have.finishedAt === null && run.finishedAt !== null)) runs.set(run.id, run)
  }
  return { attempts: [...attempts.values()], reviews: [...reviews.values()], runs: [...runs.values()] }
}
