import * as v from 'valibot'
import { ContentFileSchema, type ContentFile } from '../article/content-format'
import type { ImportFormat } from '../import/format'
import { describeRecord, firstFutureEvent, parseProgressExport, PROGRESS_FORMAT } from './export-format'
import { AttemptSchema, issuePath, QuestionReportSchema, QuizRunSchema, ReviewRecordSchema, type Millis, type ProgressData, type QuestionReport } from './model'

/**
 * The backup file, format version 2: the whole of what a user would miss on a new machine, in one JSON file:
 * the articles they imported (bundled ones come with the app), every answer, review card and quiz run, and
 * their reports of bad questions. Restoring it is lossless: articles come back with their import time, file
 * name and format; progress records are the database records unchanged.
 *
 * Version 1 files (progress only, written by earlier releases) are still read: they restore progress, and say
 * that they carry no articles. Version 1 is defined in export-format.ts and is not changed here.
 */

/** The format version of a backup with articles and reports. */
export const BACKUP_VERSION = 2

/** One imported article as a backup carries it: the article file and its library bookkeeping. */
export interface BackupArticle {
  file: ContentFile
  /** ISO time the user imported it. */
  addedAt: string
  /** The file name it came from, or null. */
  origin: string | null
  format: ImportFormat
}

/** Validates a `BackupArticle` (from a file, or over IPC). */
export const BackupArticleSchema = v.object({
  file: ContentFileSchema,
  addedAt: v.pipe(v.string(), v.isoTimestamp()),
  origin: v.nullable(v.pipe(v.string(), v.maxLength(1024))),
  format: v.picklist(['text', 'markdown', 'html', 'json'] as const satisfies readonly ImportFormat[])
})

/** Most articles one backup may restore (far above any real library; bounds the work a damaged file can cause). */
export const MAX_BACKUP_ARTICLES = 20_000

/** Validates the articles of a backup. */
export const BackupArticlesSchema = v.pipe(v.array(BackupArticleSchema), v.maxLength(MAX_BACKUP_ARTICLES))

/** Everything a backup restores. */
export interface Backup extends ProgressData {
  reports: QuestionReport[]
  articles: BackupArticle[]
  /** The format version the file was written in (1: progress only). */
  version: 1 | 2
  exportedAt: string
}

const BackupV2Schema = v.object({
  format: v.literal(PROGRESS_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt: v.pipe(v.string(), v.isoTimestamp()),
  attempts: v.array(AttemptSchema),
  reviews: v.array(ReviewRecordSchema),
  runs: v.array(QuizRunSchema),
  reports: v.array(QuestionReportSchema),
  articles: BackupArticlesSchema
})

/** The backup file for `data` at `now`, as JSON text. */
export function serializeBackup(data: ProgressData & { reports: QuestionReport[]; articles: BackupArticle[] }, now: Millis): string {
  return JSON.stringify(
    {
      format: PROGRESS_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: new Date(now).toISOString(),
      attempts: data.attempts,
      reviews: data.reviews,
      runs: data.runs,
      reports: data.reports,
      articles: data.articles
    },
    null,
    1
  )
}

/** The outcome of reading a backup: its contents, or a message for the user (ending "Nothing was changed."). */
export type BackupParseResult = { ok: true; value: Backup } | { ok: false; message: string }

function describe(path: string): string {
  const m = /^(attempts|reviews|runs|reports|articles)\.(\d+)(?:\.(.+))?$/.exec(path)
  if (!m) return path ? `field "${path}"` : 'the file'
  const noun = { attempts: 'answer', reviews: 'review record', runs: 'quiz run', reports: 'report', articles: 'article' }[
    m[1] as 'attempts' | 'reviews' | 'runs' | 'reports' | 'articles'
  ]
  return `${noun} ${Number(m[2]) + 1}${m[3] ? ` (${m[3]})` : ''}`
}

/**
 * Reads a backup's text: format 2 (articles, progress, reports) or format 1 (progress only). Never throws;
 * anything else gives `{ok: false, message}` written for the user.
 */
export function parseBackup(text: string, now?: Millis): BackupParseResult {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    // Format 1's reader words every refusal; let it explain this one too.
    return parseProgressExport(text) as { ok: false; message: string }
  }
  const version = typeof json === 'object' && json !== null ? (json as { version?: unknown }).version : undefined
  const ours = (json as { format?: unknown } | null)?.format === PROGRESS_FORMAT
  if (ours && typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION) {
    return {
      ok: false,
      message: `This backup was made by a newer version of News Quiz (format ${version}; this app reads formats 1 and ${BACKUP_VERSION}). Update the app to import it. Nothing was changed.`
    }
  }
  if (version !== BACKUP_VERSION || (json as { format?: unknown }).format !== PROGRESS_FORMAT) {
    const v1 = parseProgressExport(text, now)
    if (!v1.ok) return v1
    return { ok: true, value: { ...v1.value, version: 1, reports: [], articles: [] } }
  }
  const parsed = v.safeParse(BackupV2Schema, json)
  if (!parsed.success) {
    return {
      ok: false,
      message: `This backup file is damaged: ${describe(issuePath(parsed.issues))} is invalid (${parsed.issues[0]?.message ?? 'unknown problem'}). Nothing was changed.`
    }
  }
  const o = parsed.output
  // Times of past events may not lie after the import (a year-275,000 answer would win every later merge).
  const future = now === undefined ? null : firstFutureEvent(o as ProgressData, now)
  if (future) return { ok: false, message: `This backup file is damaged: ${describeRecord(future)} is invalid (a time after today, ${new Date(now!).toISOString().slice(0, 10)}). Nothing was changed.` }
  return {
    ok: true,
    value: { version: 2, exportedAt: o.exportedAt, attempts: o.attempts, reviews: o.reviews, runs: o.runs, reports: o.reports, articles: o.articles }
  }
}
