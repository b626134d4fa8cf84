import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { parseBackup } from '@shared/progress/backup'
import { serializeProgressExport } from '@shared/progress/export-format'
import { REVIEW_SCOPE } from '@shared/progress/model'
import { advance, type SessionState } from '@shared/progress/session'
import { fixedOffsetDayKey } from '@shared/progress/stats'
import type { Question } from '@shared/quiz/model'
import { ProgressDb } from '../../../src/renderer/src/progress/db'
import { ProgressStore } from '../../../src/renderer/src/progress/progress-store'
import { article, counterIds, DAY, MINUTE, quiz, T0, wrong } from '../../shared/progress/fixtures'

let n = 0
const opened: ProgressStore[] = []
function makeStore(name = `study-b-${++n}`): ProgressStore {
  const store = new ProgressStore(new ProgressDb(name), { newId: counterIds(`s${n}`), warn: (m) => expect.fail(`unexpected warning: ${m}`), dayKey: fixedOffsetDayKey(0) })
  opened.push(store)
  return store
}
afterEach(() => {
  for (const s of opened.splice(0)) s.close()
})

async function answer(store: ProgressStore, session: SessionState, qs: Question[], outcomes: boolean[], at: number, articleId = 'alpha'): Promise<SessionState> {
  let s = session
  for (const [i, right] of outcomes.entries()) {
    const q = qs.find((x) => x.id === s.run.questionIds[s.position])!
    const out = await store.recordAnswer({ session: s, article: article(articleId), question: q, chosen: right ? q.answer : wrong(q) }, at + i * MINUTE)
    s = advance(out.session)
  }
  return s
}

describe('users keep their progress when the generator changes (issue #8)', () => {
  it('retires review cards of questions the new quiz no longer has, and keeps the history of the ones it still asks', async () => {
    // A store written against "today's" quiz: four questions, two missed, two right.
    const name = `study-b-upgrade-${++n}`
    const before = makeStore(name)
    const today = quiz('alpha', 4)
    await answer(before, await before.startRun({ scope: 'alpha', mode: 'full', questionIds: today.map((q) => q.id) }, T0), today, [false, true, false, true], T0)
    const statsBefore = await before.stats(T0 + DAY)
    before.close()

    // The new release generates alpha-q1 and alpha-q2 (same ids) and a new alpha-q9; q3 and q4 are gone.
    const after = makeStore(name)
    const reported = await after.prepareQuiz('alpha', ['alpha-q1', 'alpha-q2', 'alpha-q9'], T0 + DAY)
    expect(reported).toEqual(new Set())

    // Stale cards: not due, not missed, not in the queue or the library's figures, even much later.
    const later = T0 + 400 * DAY
    const queue = await after.reviewQueue(later)
    expect(queue.order).toEqual(['alpha-q1', 'alpha-q2'])
    // isStillMissed reads the cards in memory, as the app's quiz does once they are loaded at start.
    await after.warm()
    expect(after.isStillMissed('alpha-q3')).toBe(false)
    expect(after.isStillMissed('alpha-q1')).toBe(true)
    expect((await after.dueSummary(later)).dueNow).toBe(2)
    expect((await after.articleProgress(T0 + DAY)).get('alpha')).toMatchObject({ answered: 2, toReview: 1 })
    expect((await after.forecast(T0 + DAY)).reduce((s, d) => s + d.count, 0)).toBe(2)

    // History stays: past days' statistics are unchanged, and a kept question keeps its answers.
    expect(await after.stats(T0 + DAY)).toEqual(statsBefore)
    expect(await after.history('alpha-q3')).toHaveLength(1)
    const kept = (await after.db.reviews.get('alpha-q1'))!
    expect(kept).toMatchObject({ retired: 0, answers: 1, missed: 1 })
    expect((await after.db.reviews.get('alpha-q3'))!.retired).toBe(1)

    // A question that comes back is active again, with its old card.
    await after.prepareQuiz('alpha', ['alpha-q1', 'alpha-q2', 'alpha-q3'], T0 + 2 * DAY)
    expect(after.isStillMissed('alpha-q3')).toBe(true)
    expect((await after.reviewQueue(T0 + 2 * DAY)).order).toContain('alpha-q3')
    // Other articles are untouched.
    expect(await after.prepareQuiz('beta', [], T0)).toEqual(new Set())
    expect((await after.db.cards.get('alpha-q1'))!.retired).toBe(0)
  })
})

describe('review answers: grades, the daily limit and "still missed"', () => {
  it('a right review answer clears the miss, so the article no longer counts it', async () => {
    const store = makeStore()
    await store.warm()
    const qs = quiz('alpha', 3)
    await answer(store, await store.startRun({ scope: 'alpha', mode: 'full', questionIds: qs.map((q) => q.id) }, T0), qs, [false, false, false], T0)
    expect(qs.map((q) => store.isStillMissed(q.id))).toEqual([true, true, true])
    const review = await store.startRun({ scope: REVIEW_SCOPE, mode: 'retry', questionIds: ['alpha-q1', 'alpha-q2'] }, T0 + HOUR)
    await answer(store, review, qs, [true, true], T0 + HOUR)
    expect(qs.map((q) => store.isStillMissed(q.id))).toEqual([false, false, true])
    expect((await store.articleProgress(T0 + HOUR)).get('alpha')?.toReview).toBe(1)
  })

  it('a grade reschedules from the card before the answer and survives a reload', async () => {
    const name = `study-b-grade-${++n}`
    const store = makeStore(name)
    const [q] = quiz('alpha', 1)
    const s = await store.startRun({ scope: 'alpha', mode: 'full', questionIds: [q!.id] }, T0)
    const out = await store.recordAnswer({ session: s, article: article('alpha'), question: q!, chosen: q!.answer }, T0)
    expect(out.previousCard).toBeNull()
    const easy = await store.gradeAnswer(q!.id, out.previousCard, 4)
    expect(easy.card.due).toBeGreaterThan(out.review.card.due)
    const again = await store.gradeAnswer(q!.id, out.previousCard, 1)
    expect(again.missed).toBe(1)
    expect(store.isStillMissed(q!.id)).toBe(true)
    store.close()
    const reopened = makeStore(name)
    expect((await reopened.db.reviews.get(q!.id))?.card).toEqual(again.card)
    expect((await reopened.reviewQueue(T0)).order).toEqual([q!.id])
  })

  it('offers at most the daily limit minus the review answers given today, and says how many wait', async () => {
    const store = makeStore()
    const qs = quiz('alpha', 5)
    await answer(store, await store.startRun({ scope: 'alpha', mode: 'full', questionIds: qs.map((q) => q.id) }, T0), qs, [false, false, false, false, false], T0)
    const q = await store.reviewQueue(T0 + HOUR, 3)
    expect(q.total).toBe(3)
    expect(await store.reviewCount(T0 + HOUR, 3)).toEqual({ total: 3, waiting: 2, doneToday: 0 })
    await store.noteReviewAnswer(T0 + HOUR)
    await store.noteReviewAnswer(T0 + HOUR)
    expect((await store.reviewQueue(T0 + HOUR, 3)).total).toBe(1)
    // A new day starts a new count.
    expect((await store.reviewQueue(T0 + DAY, 3)).total).toBe(3)
  })
})

describe('reports of bad questions', () => {
  it('removes a reported question from review and its article figures, keeps the report, and a reset removes it', async () => {
    const store = makeStore()
    const qs = quiz('alpha', 2)
    await answer(store, await store.startRun({ scope: 'alpha', mode: 'full', questionIds: qs.map((q) => q.id) }, T0), qs, [false, false], T0)
    await store.reportQuestion({ article: article('alpha'), question: qs[0]!, reason: '  Two options are right. ' }, T0 + MINUTE)
    expect((await store.reviewQueue(T0 + MINUTE)).order).toEqual(['alpha-q2'])
    await store.warm()
    expect(store.isStillMissed('alpha-q1')).toBe(false)
    expect(await store.prepareQuiz('alpha', qs.map((q) => q.id), T0)).toEqual(new Set(['alpha-q1']))
    expect(await store.reports()).toEqual([
      { questionId: 'alpha-q1', articleId: 'alpha', articleTitle: 'Title of alpha', prompt: qs[0]!.prompt, reason: 'Two options are right.', at: T0 + MINUTE }
    ])
    await store.resetArticle('alpha')
    expect(await store.reports()).toEqual([])
  })
})

describe('backup: progress and reports in one file, and the old format', () => {
  it('round-trips progress and reports into a fresh store, and still reads a progress-only (format 1) file', async () => {
    const store = makeStore()
    const qs = quiz('alpha', 2)
    await answer(store, await store.startRun({ scope: 'alpha', mode: 'full', questionIds: qs.map((q) => q.id) }, T0), qs, [false, true], T0)
    await store.reportQuestion({ article: article('alpha'), question: qs[1]!, reason: '' }, T0 + MINUTE)
    const articles = [{ file: { format: 'newsquiz-article@1' as const, id: 'alpha', title: 'Alpha', date: null, dateLabel: null, source: null, byline: null, credits: [], body: [{ paragraph: 'Text.' }], licence: null }, addedAt: new Date(T0).toISOString(), origin: 'alpha.txt', format: 'text' as const }]
    const text = await store.exportAll(T0 + HOUR, articles)
    const parsed = parseBackup(text)
    expect(parsed.ok && parsed.value.version).toBe(2)
    expect(parsed.ok && parsed.value.articles).toEqual(articles)

    const fresh = makeStore()
    const result = await fresh.importAll(text)
    expect(result).toEqual({ ok: true, counts: { attempts: 2, reviews: 2, runs: 1 } })
    expect(await fresh.readAll()).toEqual(await store.readAll())
    expect(await fresh.reports()).toEqual(await store.reports())
    expect((await fresh.reviewQueue(T0 + HOUR)).order).toEqual(['alpha-q1'])
    expect(await fresh.exportAll(T0 + HOUR, articles)).toBe(text)

    // A file an earlier release wrote (format 1, progress only) still imports.
    const old = serializeProgressExport(await store.readAll(), T0)
    const v1 = parseBackup(old)
    expect(v1.ok && v1.value.version).toBe(1)
    expect(v1.ok && v1.value.articles).toEqual([])
    const third = makeStore()
    expect(await third.importAll(old)).toEqual({ ok: true, counts: { attempts: 2, reviews: 2, runs: 1 } })
    expect((await third.reviewQueue(T0 + HOUR)).order).toEqual(['alpha-q1'])
  })

  it('refuses a damaged backup or a newer format with a message, changing nothing', async () => {
    const store = makeStore()
    const bad = JSON.stringify({ format: 'newsquiz-progress', version: 2, exportedAt: new Date(T0).toISOString(), attempts: [], reviews: [], runs: [], reports: [], articles: [{ file: {}, addedAt: 'x', origin: null, format: 'text' }] })
    const r = await store.importAll(bad)
    expect(r.ok).toBe(false)
    expect(!r.ok && r.message).toMatch(/^This backup file is damaged: article 1 .*Nothing was changed\.$/)
    const newer = await store.importAll(JSON.stringify({ format: 'newsquiz-progress', version: 3 }))
    expect(!newer.ok && newer.message).toMatch(/newer version of News Quiz \(format 3/)
    expect(await store.readAll()).toEqual({ attempts: [], reviews: [], runs: [] })
  })
})

describe('time spent studying', () => {
  it('counts gaps between answers up to five minutes, and a first answer of a sitting as 20 seconds', async () => {
    const store = makeStore()
    const qs = quiz('alpha', 3)
    // Answers one minute apart: 20 s + 1 min + 1 min.
    await answer(store, await store.startRun({ scope: 'alpha', mode: 'full', questionIds: qs.map((q) => q.id) }, T0), qs, [true, true, true], T0)
    const s = await store.stats(T0 + HOUR)
    expect(s.studyMs).toBe(20_000 + 2 * MINUTE)
    expect(s.studyMsToday).toBe(20_000 + 2 * MINUTE)
    expect((await store.stats(T0 + DAY)).studyMsToday).toBe(0)
  })
})

const HOUR = 60 * MINUTE
