/**
 * localStorage keys read both by the renderer and, at the very start of a page, by the preload (see
 * `createApi`): one place, so the two can never drift apart.
 */

/** A copy of the scope (article id) open when the window closed; see renderer/src/app/last-scope.ts. */
export const LAST_SCOPE_KEY = 'newsquiz-last-scope@1'

/** An article deleted in the last run whose delete was not finished; see renderer/src/library/pending-delete. */
export const PENDING_DELETE_KEY = 'newsquiz-pending-delete@1'
