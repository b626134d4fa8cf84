import * as v from 'valibot'
import { AttemptSchema, issuePath, QuizRunSchema, ReviewRecordSchema, type Millis, type ProgressData } from './model'

/**
 * The progress export file, version 1: `{format, version, exportedAt, attempts, reviews, runs}` as JSON.
 * Records are exactly the database records (times in epoch milliseconds), so export → import is lossless.
 * A later version adds fields or records under a new `version`; this app refuses versions it does not know
 * instead of guessing, because a half-understood import could lose history.
 */

/** The `format` field that marks a News Quiz progress file. */
export const PROGRESS_FORMAT = 'newsquiz-progress'
/** The file format version this app writes and the newest it reads. */
export const PROGRESS_VERSION = 1

/** A parsed version-1 export file. */
export interface ProgressExport extends ProgressData {
  format: typeof PROGRESS_FORMAT
  version: typeof PROGRESS_VERSION
  /** ISO time of the export. */
  exportedAt: string
}

const ProgressExportV1Schema = v.object({
  format: v.literal(PROGRESS_FORMAT),
  version: v.literal(PROGRESS_VERSION),
  exportedAt: v.pipe(v.string(), v.isoTimestamp()),
  attempts: v.array(AttemptSchema),
  reviews: v.array(ReviewRecordSchema),
  runs: v.array(QuizRunSchema)
})

/** The export file for `data` at `now`, as pretty JSON text. */
export function serializeProgressExport(data: ProgressData, now: Millis): string {
  const file: ProgressExport = {
    format: PROGRESS_FORMAT,
    version: PROGRESS_VERSION,
    exportedAt: new Date(now).toISOString(),
    attempts: data.attempts,
    reviews: data.reviews,
    runs: data.runs
  }
  return JSON.stringify(file, null, 1)
}

/** The outcome of reading a progress file: the data, or a message written for the user. */
export type ParseResult = { ok: true; value: ProgressExport } | { ok: false; message: string }

const NOTHING_CHANGED = 'Nothing was changed.'

function fail(message: string): ParseResult {
  return { ok: false, message: `${message} ${NOTHING_CHANGED}` }
}

export function describeRecord(path: string): string {
  // "reviews.12.card.due" → "review 13 (card.due)": people count from one.
  const m = /^(attempts|reviews|runs)\.(\d+)(?:\.(.+))?$/.exec(path)
  if (!m) return path ? `field "${path}"` : 'the file'
  const noun = { attempts: 'answer', reviews: 'review record', runs: 'quiz run' }[m[1] as 'attempts' | 'reviews' | 'runs']
  return `${noun} ${Number(m[2]) + 1}${m[3] ? ` (${m[3]})` : ''}`
}

/**
 * Reads a progress file's text; with `now`, also refuses times of past events later than `now` (and a day). Never throws: malformed JSON, a file of another app, a newer format version,
 * and any invalid record each give `{ok: false, message}` with a message for the user (ending "Nothing was changed.").
 */
export function parseProgressExport(text: string, now?: Millis): ParseResult {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return fail('This file is not a News Quiz progress file: it is not valid JSON (it may be damaged or cut short).')
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json) || (json as { format?: unknown }).format !== PROGRESS_FORMAT) {
    return fail('This file is not a News Quiz progress file (it looks like data from another program).')
  }
  const version = (json as { version?: unknown }).version
  if (typeof version === 'number' && Number.isInteger(version) && version > PROGRESS_VERSION) {
    return fail(`This progress file was made by a newer version of News Quiz (format ${version}; this app reads format ${PROGRESS_VERSION}). Update the app to import it.`)
  }
  if (version !== PROGRESS_VERSION) {
    return fail('This progress file has no valid format version, so it cannot be read.')
  }
  const parsed = v.safeParse(ProgressExportV1Schema, json)
  if (!parsed.success) {
    const where = describeRecord(issuePath(parsed.issues))
    return fail(`This progress file is damaged: ${where} is invalid (${parsed.issues[0]?.message ?? 'unknown problem'}).`)
  }
  const future = now === undefined ? null : firstFutureEvent(parsed.output as ProgressData, now)
  if (future) return fail(`This progress file is damaged: ${describeRecord(future)} is invalid (a time after today, ${new Date(now!).toISOString().slice(0, 10)}).`)
  return { ok: true, value: parsed.output as ProgressExport }
}

/** Slack for clocks that differ between the machine that exported and this one. */
const CLOCK_SLACK_MS = 24 * 60 * 60 * 1000

/**
 * The path of the first time of a past event (an answer, a review, a run) later than `now`, or null. Such a time
 * would win every later merge, so a real backup could never repair the record.
 */
export function firstFutureEvent(data: ProgressData, now: Millis): string | null {
  const limit = now + CLOCK_SLACK_MS
  const late = (t: Millis | null): boolean => t !== null && t > limit
  for (const [i, a] of data.attempts.entries()) if (late(a.at)) return `attempts.${i}.at`
  for (const [i, r] of data.reviews.entries()) {
    if (late(r.lastAt)) return `reviews.${i}.lastAt`
    if (late(r.card.last_review)) return `reviews.${i}.card.last_review`
  }
  for (const [i, r] of data.runs.entries()) {
    if (late(r.startedAt)) return `runs.${i}.startedAt`
    if (late(r.finishedAt)) return `runs.${i}.finishedAt`
  }
  return null
}
