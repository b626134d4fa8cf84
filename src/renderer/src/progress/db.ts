import Dexie, { type DexieOptions, type Table, type Transaction } from 'dexie'
import * as v from 'valibot'
import { issuePath, ReviewRecordSchema, summaryOf, type Attempt, type CardSummary, type Millis, type QuestionReport, type QuizRun, type ReviewRecord } from '@shared/progress/model'
import { reviewableAt } from '@shared/progress/review'

/**
 * The renderer's progress database: one Dexie class with typed tables and one schema constant per version.
 * A released schema constant is never edited: a change is a new constant, a new entry in `DB_VERSIONS` with
 * its named upgrade, and a migration test that opens the previous version, seeds it and opens this one.
 */

/** The database name the app uses; tests pass their own. */
export const PROGRESS_DB_NAME = 'newsquiz-progress'

/** A small key/value record for device-local state (e.g. the article open when the window closed). */
export interface MetaRecord {
  key: string
  value: string
}

/** Validates a `MetaRecord`. */
export const MetaRecordSchema = v.object({ key: v.pipe(v.string(), v.minLength(1)), value: v.string() })

/**
 * Version 1 (2026-11-28): first release.
 * - attempts: every answer, by unique id; indexed by article (reset), run (resume) and question (history).
 * - reviews: per question id its FSRS card, last answer and question snapshot; indexed by article (reset).
 *   No due-time index: the store keeps review records in memory for the queue and due counts (reading
 *   10,000 through an index is far slower than the 50 ms budget), and each index slows every saved answer.
 * - runs: quiz runs by id; `[scope+startedAt]` finds an article's latest run.
 * - meta: device-local key/value state.
 */
export const SCHEMA_V1 = Object.freeze({
  attempts: 'id, articleId, runId, questionId',
  reviews: 'questionId, articleId',
  runs: 'id, [scope+startedAt]',
  meta: 'key'
} as const)

/**
 * Version 2 (2026-11-30): a summary table and reports.
 * - cards: per question id its review record without the question snapshot (`CardSummary`); indexed by article.
 *   The store loads these small records at start instead of every full review record: the queue, due counts,
 *   forecast and library figures need only these, and loading 10,000 full records took about 650 ms in Chromium.
 *   Full records (with the question) are read by key for the questions a review shows.
 * - reports: questions the user reported as wrong or unclear, by question id; indexed by article (reset).
 * - Review records and cards gain `retired` (1: the generator no longer asks the question); absent reads as 0.
 */
export const SCHEMA_V2 = Object.freeze({
  ...SCHEMA_V1,
  cards: 'questionId, articleId',
  reports: 'questionId, articleId'
} as const)

/** Version 1 → 2: fills `cards` from the review records (an invalid record gets no card, as the store skips it anyway). */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  const reviews: unknown[] = await tx.table('reviews').toArray()
  const cards: CardSummary[] = []
  for (const row of reviews) {
    const parsed = v.safeParse(ReviewRecordSchema, row)
    if (parsed.success) cards.push(summaryOf(parsed.output))
  }
  await tx.table('cards').bulkPut(cards)
}

/**
 * Version 3 (2026-11-30): the review queue by index.
 * - reviews gain `queueAt`, when the question enters the review queue (`reviewableAt`: the miss, else the FSRS
 *   due time), absent on retired records, and the index `[queueAt+questionId]`: the queue's own order (most
 *   overdue first, then by id), without retired questions. Review reads the day's questions through it, a
 *   hundred records, instead of choosing them among every card in memory: opening Review no longer waits for
 *   the 10,000 cards to load at start (hundreds of milliseconds on a busy machine). One index, on one table, so
 *   a saved answer maintains one index entry more.
 */
export const SCHEMA_V3 = Object.freeze({
  ...SCHEMA_V2,
  reviews: 'questionId, articleId, [queueAt+questionId]'
} as const)

/** A review record as stored from version 3 on: with `queueAt` unless it is retired (see SCHEMA_V3). */
export type StoredReview = ReviewRecord & { queueAt?: Millis }

/** The record to store for `r`: every write of a review record goes through here, so the queue index stays true. */
export function storedReview(r: ReviewRecord): StoredReview {
  const { queueAt: _old, ...record } = r as StoredReview
  void _old
  return r.retired === 1 ? record : { ...record, queueAt: reviewableAt(r) }
}

/** Version 2 → 3: gives each valid, active review record its `queueAt` (an invalid one stays out of the queue, as the store skips it anyway). */
export async function upgradeToV3(tx: Transaction): Promise<void> {
  await tx
    .table('reviews')
    .toCollection()
    .modify((row: Record<string, unknown>) => {
      const parsed = v.safeParse(ReviewRecordSchema, row)
      if (parsed.success && parsed.output.retired !== 1) row['queueAt'] = reviewableAt(parsed.output)
    })
}

/** One schema version: its stores and the named step that converts data from the version before (none for 1). */
export interface DbVersion {
  version: number
  schema: Readonly<Record<string, string | null>>
  upgrade: ((tx: Transaction) => Promise<void>) | null
}

/**
 * Every version, oldest first. Append only. To change the schema after a release:
 * 1. add `SCHEMA_V2` (a dated comment saying what changed; `null` for a dropped table) beside `SCHEMA_V1`;
 * 2. write `upgradeToV2(tx)`, the named step that converts v1 records (e.g. `tx.table('reviews').toCollection().modify(...)`);
 * 3. append `{ version: 2, schema: SCHEMA_V2, upgrade: upgradeToV2 }` here and update the record schemas;
 * 4. add entry 2 to `MIGRATIONS` in tests/renderer/progress/db.unit.test.ts (the test fails until you do),
 *    and keep entry 1: it then checks that v1 data survives the upgrade to v2.
 */
export const DB_VERSIONS: readonly DbVersion[] = Object.freeze([
  // Version 1 has no upgrade: nothing older exists to convert.
  { version: 1, schema: SCHEMA_V1, upgrade: null },
  { version: 2, schema: SCHEMA_V2, upgrade: upgradeToV2 },
  { version: 3, schema: SCHEMA_V3, upgrade: upgradeToV3 }
])

/** The latest schema version. */
export const DB_VERSION = DB_VERSIONS[DB_VERSIONS.length - 1]!.version

/** Declares `versions` on `db` (used by the app's class and by migration tests that open an older version). */
export function declareVersions(db: Dexie, versions: readonly DbVersion[]): void {
  for (const ver of versions) {
    const declared = db.version(ver.version).stores({ ...ver.schema })
    if (ver.upgrade) declared.upgrade(ver.upgrade)
  }
}

/** The progress database with typed tables, at the latest version. */
export class ProgressDb extends Dexie {
  attempts!: Table<Attempt, string>
  reviews!: Table<StoredReview, string>
  runs!: Table<QuizRun, string>
  meta!: Table<MetaRecord, string>
  cards!: Table<CardSummary, string>
  reports!: Table<QuestionReport, string>

  /** `options` lets tests pass fake-indexeddb's `indexedDB` and `IDBKeyRange`. */
  constructor(name: string = PROGRESS_DB_NAME, options?: DexieOptions) {
    super(name, options)
    declareVersions(this, DB_VERSIONS)
  }
}

/** Reports a record that failed validation; the app logs it, tests collect it. */
export type Warn = (message: string) => void

/** The default warning: the console, where a developer looks when a user reports something missing. */
export const consoleWarn: Warn = (message) => console.warn(message)

/**
 * The rows of `table` that satisfy `schema`. A corrupted or foreign record is skipped with a warning naming
 * its table, key and first problem: one bad record must never stop the app from showing the rest.
 */
export function validRows<T>(
  schema: v.GenericSchema<unknown, T>,
  rows: readonly unknown[],
  table: string,
  warn: Warn
): T[] {
  const out: T[] = []
  for (const row of rows) {
    const parsed = v.safeParse(schema, row)
    if (parsed.success) out.push(parsed.output)
    else warn(`progress: skipped an invalid ${table} record ${describeKey(row)}: ${issuePath(parsed.issues) || 'record'}: ${parsed.issues[0]?.message ?? ''}`)
  }
  return out
}

function describeKey(row: unknown): string {
  if (typeof row !== 'object' || row === null) return `(${typeof row})`
  const r = row as Record<string, unknown>
  const key = r['id'] ?? r['questionId'] ?? r['key']
  return typeof key === 'string' ? `"${key.slice(0, 80)}"` : '(no key)'
}
