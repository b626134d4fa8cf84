import { REVIEW_SCOPE, type Attempt, type Millis, type QuizRun, type Score } from './model'

/**
 * Statistics: per-article scores, accuracy by day (with its SVG geometry), and the streak of study days.
 * Days are local calendar days; the caller passes a `DayKey` so tests fix the time zone.
 */

/** Maps a time to its calendar day as `YYYY-MM-DD`. */
export type DayKey = (at: Millis) => string

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

/** Calendar days in the machine's local time zone (what the app uses; follows daylight-saving changes). */
export const localDayKey: DayKey = (at) => {
  const d = new Date(at)
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** Calendar days at a fixed offset from UTC, in minutes east (e.g. 60 for UTC+1, -300 for UTC-5). */
export function fixedOffsetDayKey(offsetMinutes: number): DayKey {
  return (at) => {
    const d = new Date(at + offsetMinutes * 60_000)
    return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
  }
}

const DAY_MS = 86_400_000

/** Whole days from day key `a` to day key `b` (both `YYYY-MM-DD`). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS)
}

/** An article's latest and best score over its finished full runs (retry runs do not count: they only hold misses). */
export interface ArticleScore {
  articleId: string
  latest: Score & { finishedAt: Millis }
  best: Score & { finishedAt: Millis }
  /** Finished full runs. */
  runs: number
}

function ratio(s: Score): number {
  return s.total === 0 ? 0 : s.correct / s.total
}

/** Per article with at least one finished full run: latest and best score (best by ratio, then by more questions, then earlier). */
export function articleScores(runs: Iterable<QuizRun>): Map<string, ArticleScore> {
  const out = new Map<string, ArticleScore>()
  for (const run of runs) {
    if (run.mode !== 'full' || run.scope === REVIEW_SCOPE || run.finishedAt === null || run.score === null) continue
    const s = { ...run.score, finishedAt: run.finishedAt }
    const prev = out.get(run.scope)
    if (!prev) {
      out.set(run.scope, { articleId: run.scope, latest: s, best: s, runs: 1 })
      continue
    }
    const latest = s.finishedAt > prev.latest.finishedAt ? s : prev.latest
    const d = ratio(s) - ratio(prev.best)
    const better = d > 0 || (d === 0 && (s.total > prev.best.total || (s.total === prev.best.total && s.finishedAt < prev.best.finishedAt)))
    out.set(run.scope, { articleId: run.scope, latest, best: better ? s : prev.best, runs: prev.runs + 1 })
  }
  return out
}

/** Accuracy of all answers given on one day. */
export interface DayAccuracy {
  day: string
  correct: number
  total: number
  /** `correct / total`, in [0, 1]. */
  accuracy: number
}

/** Answers per calendar day; kept up to date incrementally by the store so statistics need not re-read history. */
export type DailyTotals = Map<string, { correct: number; total: number }>

/** Adds one answer to `daily` (mutates it). */
export function addToDaily(daily: DailyTotals, attempt: Pick<Attempt, 'at' | 'correct'>, dayKey: DayKey): void {
  const key = dayKey(attempt.at)
  const d = daily.get(key)
  if (d) {
    d.total++
    if (attempt.correct) d.correct++
  } else daily.set(key, { correct: attempt.correct ? 1 : 0, total: 1 })
}

/** The sum of several daily totals (e.g. one per article). */
export function mergeDaily(parts: Iterable<DailyTotals>): DailyTotals {
  const out: DailyTotals = new Map()
  for (const part of parts) {
    for (const [day, d] of part) {
      const o = out.get(day)
      if (o) {
        o.correct += d.correct
        o.total += d.total
      } else out.set(day, { ...d })
    }
  }
  return out
}

/** The accuracy series of `daily`, oldest first. */
export function seriesFromDaily(daily: DailyTotals): DayAccuracy[] {
  return [...daily.entries()]
    .filter(([, d]) => d.total > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([day, d]) => ({ day, correct: d.correct, total: d.total, accuracy: d.correct / d.total }))
}

/** Accuracy per study day, oldest first; days without answers are absent. */
export function accuracyByDay(attempts: Iterable<Attempt>, dayKey: DayKey): DayAccuracy[] {
  const daily: DailyTotals = new Map()
  for (const a of attempts) addToDaily(daily, a, dayKey)
  return seriesFromDaily(daily)
}

/** Geometry for the accuracy chart: points in SVG user units and a polyline path through them. */
export interface AccuracyChart {
  width: number
  height: number
  viewBox: string
  points: { x: number; y: number; day: string; accuracy: number; label: string }[]
  /** `M x y L x y ...`; empty when there are no points. */
  path: string
}

function round2(n: number): number {
  return Math.round(n * 100) / 100
}

/**
 * Lays out `series` in a `width`×`height` box with `padding` on each side: x is proportional to the calendar
 * day (gaps between study days show as gaps), y to accuracy (100% at the top). A single day sits in the middle.
 */
export function accuracyChart(series: readonly DayAccuracy[], size: { width: number; height: number; padding?: number }): AccuracyChart {
  const { width, height } = size
  const pad = size.padding ?? 4
  const first = series[0]
  const last = series[series.length - 1]
  const span = first && last ? daysBetween(first.day, last.day) : 0
  const innerW = Math.max(0, width - 2 * pad)
  const innerH = Math.max(0, height - 2 * pad)
  const points = series.map((d) => {
    const x = span === 0 ? width / 2 : pad + (daysBetween(first!.day, d.day) / span) * innerW
    const y = pad + (1 - d.accuracy) * innerH
    return { x: round2(x), y: round2(y), day: d.day, accuracy: d.accuracy, label: `${d.day}: ${Math.round(d.accuracy * 100)}% (${d.correct}/${d.total})` }
  })
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ')
  return { width, height, viewBox: `0 0 ${width} ${height}`, points, path }
}

/** Consecutive study days. */
export interface Streak {
  /** Days in the streak that ends today, or yesterday when today has no answer yet (the day is not over). */
  current: number
  /** The longest run of consecutive study days ever. */
  best: number
  studiedToday: boolean
}

/** The streak of days with at least one answer, as of `now`. */
export function streakOfDays(attempts: Iterable<Attempt>, now: Millis, dayKey: DayKey): Streak {
  const days = new Set<string>()
  for (const a of attempts) days.add(dayKey(a.at))
  return streakFromDays(days, dayKey(now))
}

/** The streak given the set of study days (`YYYY-MM-DD`) and today's key. */
export function streakFromDays(days: ReadonlySet<string>, today: string): Streak {
  const sorted = [...days].sort()
  let best = 0
  let run = 0
  let prev: string | null = null
  for (const d of sorted) {
    run = prev !== null && daysBetween(prev, d) === 1 ? run + 1 : 1
    best = Math.max(best, run)
    prev = d
  }
  const studiedToday = days.has(today)
  // Walk back from today (or yesterday) while each day has answers.
  let current = 0
  let cursor = Date.parse(`${today}T00:00:00Z`) - (studiedToday ? 0 : DAY_MS)
  const keyOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10)
  while (days.has(keyOf(cursor))) {
    current++
    cursor -= DAY_MS
  }
  return { current, best, studiedToday }
}

/**
 * Time spent studying, from answer times alone: the gap between two answers counts when it is at most
 * `STUDY_GAP_MS` (the user was working through questions); a longer gap starts a new sitting, whose first
 * answer counts `FIRST_ANSWER_MS` (reading the question). No timer runs, so nothing is lost when the app closes.
 */
export interface StudyClock {
  /** The latest answer time added, or null. */
  lastAt: Millis | null
  /** Milliseconds per day key. */
  byDay: Map<string, number>
}

/** Longest gap between two answers that still counts as studying. */
export const STUDY_GAP_MS = 5 * 60_000
/** What the first answer of a sitting counts. */
export const FIRST_ANSWER_MS = 20_000

/** An empty study clock. */
export function newStudyClock(): StudyClock {
  return { lastAt: null, byDay: new Map() }
}

/** Adds one answer at `at` to `clock` (mutates it). Answers must come in time order (sort a history first). */
export function addStudyTime(clock: StudyClock, at: Millis, dayKey: DayKey): void {
  const gap = clock.lastAt === null ? Infinity : at - clock.lastAt
  const ms = gap >= 0 && gap <= STUDY_GAP_MS ? gap : FIRST_ANSWER_MS
  const key = dayKey(at)
  clock.byDay.set(key, (clock.byDay.get(key) ?? 0) + ms)
  clock.lastAt = Math.max(clock.lastAt ?? at, at)
}

/** The study clock of a whole history (any order). */
export function studyClockOf(times: Iterable<Millis>, dayKey: DayKey): StudyClock {
  const clock = newStudyClock()
  for (const at of [...times].sort((a, b) => a - b)) addStudyTime(clock, at, dayKey)
  return clock
}

/** One number of a duration with its unit, as a tile shows it: `{ value: '5', unit: 'min' }`. */
export interface DurationPart {
  value: string
  unit: 'h' | 'min'
}

/**
 * A duration in the short form a statistics tile has room for: "0 min", "< 1 min", "12 min", "1 h 5 min", and
 * whole hours from 10 h ("12 h": minutes no longer matter there, and the value stays short).
 */
export function durationParts(ms: number): DurationPart[] {
  const minutes = Math.round(ms / 60_000)
  if (minutes < 1) return [{ value: ms > 0 ? '< 1' : '0', unit: 'min' }]
  if (minutes < 60) return [{ value: String(minutes), unit: 'min' }]
  if (minutes >= 10 * 60) return [{ value: String(Math.round(minutes / 60)), unit: 'h' }]
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return m === 0 ? [{ value: String(h), unit: 'h' }] : [{ value: String(h), unit: 'h' }, { value: String(m), unit: 'min' }]
}

/** `durationParts` as text: "< 1 min", "12 min", "1 h 5 min", "12 h". */
export function formatDuration(ms: number): string {
  return durationParts(ms)
    .map((p) => `${p.value} ${p.unit}`)
    .join(' ')
}

/** Everything the Statistics view shows. */
export interface ProgressStats {
  articles: ArticleScore[]
  accuracy: DayAccuracy[]
  streak: Streak
  totalAnswers: number
  totalCorrect: number
}

/** All statistics at `now`; articles sorted by id so the output is stable. */
export function computeStats(data: { attempts: readonly Attempt[]; runs: readonly QuizRun[] }, now: Millis, dayKey: DayKey): ProgressStats {
  const daily: DailyTotals = new Map()
  for (const a of data.attempts) addToDaily(daily, a, dayKey)
  return statsFromDaily(daily, data.runs, dayKey(now))
}

/** All statistics from daily totals and runs, with `today` the current day key. */
export function statsFromDaily(daily: DailyTotals, runs: Iterable<QuizRun>, today: string): ProgressStats {
  const accuracy = seriesFromDaily(daily)
  let totalAnswers = 0
  let totalCorrect = 0
  for (const d of accuracy) {
    totalAnswers += d.total
    totalCorrect += d.correct
  }
  return {
    articles: [...articleScores(runs).values()].sort((a, b) => (a.articleId < b.articleId ? -1 : 1)),
    accuracy,
    streak: streakFromDays(new Set(accuracy.map((d) => d.day)), today),
    totalAnswers,
    totalCorrect
  }
}
