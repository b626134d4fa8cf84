import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { IpcResult, StudyArticle } from '../../src/shared/ipc/contract'
import { serializeProgressExport } from '../../src/shared/progress/export-format'
import type { Attempt, ReviewRecord } from '../../src/shared/progress/model'
import { applyAttemptToReview } from '../../src/shared/progress/review'
import type { Question } from '../../src/shared/quiz/model'
import { ARTIFACTS, ROOT, TestApp, type AppPage } from '../support/app-harness'
import { seriousViolations } from '../support/axe'

const SEED_ID = 'trump-putin-first-phone-call-2016'
const FIXTURES_IMPORT = join(ROOT, 'tests/fixtures/import')
const SEED_TITLE = /Trump and Putin/
const wrong = (q: Question): string => q.options.find((o) => o !== q.answer)!
const keyOf = (q: Question, option: string): string => (q.kind === 'true-false' ? option.charAt(0) : String(q.options.indexOf(option) + 1))

async function questionsOf(app: TestApp, id: string): Promise<Question[]> {
  const get = app.listeners.get('article:get')!
  const study = (await get({ senderFrame: { url: `${app.origin}/index.html` } }, id)) as IpcResult<StudyArticle>
  if (!study.ok) throw new Error(study.error.message)
  return study.value.questions
}

async function onScreen(win: AppPage, questions: Question[]): Promise<Question> {
  const id = await win.page.locator('[data-question-id]').first().getAttribute('data-question-id')
  const q = questions.find((x) => x.id === id)
  if (!q) throw new Error(`question ${id} is not in the quiz`)
  return q
}

/** Screenshots of the page as it is, light and dark, 1280 and 700 px wide; axe on each. */
async function shots(win: AppPage, name: string): Promise<void> {
  for (const width of [1280, 700]) {
    for (const scheme of ['light', 'dark'] as const) {
      await win.page.setViewportSize({ width, height: 860 })
      await win.page.emulateMedia({ colorScheme: scheme })
      await win.screenshot(`${name}-${width}-${scheme}`)
      expect(await seriousViolations(win.page), `${name} ${width} ${scheme}`).toEqual([])
    }
  }
  await win.page.setViewportSize({ width: 1280, height: 860 })
  await win.page.emulateMedia({ colorScheme: 'light' })
}

/** A progress file as an earlier release wrote it (format 1): `count` questions of the seed answered wrong an hour before now. */
function oldProgressFile(questions: Question[], count: number, now: number): string {
  const attempts: Attempt[] = []
  const reviews: ReviewRecord[] = []
  questions.slice(0, count).forEach((q, i) => {
    const attempt: Attempt = { id: `old-${i}`, questionId: q.id, articleId: SEED_ID, runId: null, chosen: wrong(q), correct: false, at: now - 3_600_000 + i }
    attempts.push(attempt)
    reviews.push(applyAttemptToReview(undefined, { id: SEED_ID, title: 'Trump and Putin' }, q, attempt))
  })
  return serializeProgressExport({ attempts, reviews, runs: [] }, now)
}

describe('review that asks first, grades, reports and a whole backup (real Chromium)', () => {
  let app: TestApp
  let seed: Question[]
  const dir = mkdtempSync(join(tmpdir(), 'newsquiz-review-e2e-'))

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true })
    app = await new TestApp().start()
    seed = await questionsOf(app, SEED_ID)
  })
  afterAll(async () => {
    await app?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('asks one card at a time with its article, hides the answer until answered, grades 1-4, respects the daily limit, and its counts agree', { timeout: 300_000 }, async () => {
    const win = await app.launch()
    const { page } = win
    await page.locator('[data-question-id]').waitFor({ timeout: 120_000 })
    // An old (format 1) progress file with 12 missed questions still imports.
    const file = join(dir, 'old-progress.json')
    writeFileSync(file, oldProgressFile(seed, 12, Date.now()))
    app.dialogAnswers.open = file
    await win.menu('import-progress')
    await page.getByText(/Progress imported: 12 answers .*this older file holds no articles/).waitFor()
    await expect(page.getByTestId('due-badge').innerText()).resolves.toBe('12')

    // A daily limit of 10 (the setting study-a's dialog writes): the badge and Review offer 10, and say 2 wait.
    await page.evaluate(() => localStorage.setItem('newsquiz-settings@1', JSON.stringify({ dailyReviewLimit: 10 })))
    await page.reload()
    await page.locator('[data-question-id]').waitFor()
    await page.getByRole('button', { name: /^Review/ }).click()
    await expect(page.getByTestId('due-summary').innerText()).resolves.toMatch(/^10 to review now · 2 more tomorrow or later \(daily limit 10\)/)
    await expect(page.getByTestId('due-badge').innerText()).resolves.toBe('10')
    await shots(win, 'review-start')

    // The list with answers is a separate view; its labels agree with the count (no "due again tomorrow").
    await page.getByRole('button', { name: 'List with answers' }).click()
    await expect(page.locator('li.item').count()).resolves.toBe(10)
    const labels = await page.locator('li.item .when').allInnerTexts()
    expect(new Set(labels)).toEqual(new Set(['Missed last time · review now']))
    await expect(page.locator('li.item .source').first().innerText()).resolves.toMatch(SEED_TITLE)
    await shots(win, 'review-list')
    await page.getByRole('button', { name: 'Hide answers' }).click()

    // Ask first: the card names its article; neither the answer nor its evidence shows before answering.
    await page.getByRole('button', { name: 'Start review (10)' }).click()
    const card = page.locator('article.card')
    await card.waitFor()
    await expect(card.getByTestId('card-article').innerText()).resolves.toMatch(SEED_TITLE)
    const q1 = await onScreen(win, seed)
    await expect(card.innerText()).resolves.not.toContain(q1.evidence.text)
    await expect.poll(() => card.locator('.option.correct, .feedback, .grades').count()).toBe(0)
    await expect(card.innerText()).resolves.toContain('1 of 10')
    await shots(win, 'review-ask')

    // A wrong answer by key: feedback, evidence, and the grades with Again chosen by default.
    await page.locator('body').focus()
    await page.keyboard.press(keyOf(q1, wrong(q1)))
    await card.getByText('Not quite.').waitFor()
    await expect(card.locator('.evidence-quote').innerText()).resolves.toBe(q1.evidence.text)
    const grades = card.getByRole('group', { name: 'How well did you know it?' })
    await expect(grades.getByRole('button', { pressed: true }).innerText()).resolves.toMatch(/Again/)
    await expect(card.getByTestId('next-due').innerText()).resolves.toMatch(/^Next review tomorrow\./)
    // Key 3 grades Good instead: the card is due later, as the Good button said.
    const goodWhen = (await grades.getByRole('button', { name: /Good/ }).locator('.g-when').innerText()).trim()
    await page.keyboard.press('3')
    await expect.poll(() => grades.getByRole('button', { pressed: true }).innerText()).toMatch(/Good/)
    await expect(card.getByTestId('next-due').innerText()).resolves.toContain(`Next review ${goodWhen}.`)
    expect(goodWhen).not.toBe('tomorrow')
    await shots(win, 'review-graded')

    // Enter: the next card. A right answer defaults to Good.
    await page.keyboard.press('Enter')
    await expect.poll(() => card.innerText()).toContain('2 of 10')
    const q2 = await onScreen(win, seed)
    expect(q2.id).not.toBe(q1.id)
    await page.keyboard.press(keyOf(q2, q2.answer))
    await card.getByText('Correct.', { exact: true }).waitFor()
    await expect(grades.getByRole('button', { pressed: true }).innerText()).resolves.toMatch(/Good/)
    await page.keyboard.press('Enter')
    await expect.poll(() => card.innerText()).toContain('3 of 10')

    // Back in the list: two answered today, so 8 of the 10 left fit today's limit; badge, summary and list agree.
    await page.getByRole('button', { name: 'Stop reviewing' }).click()
    await expect.poll(() => page.getByTestId('due-summary').innerText()).toMatch(/^8 to review now · 2 more tomorrow or later/)
    await expect(page.getByTestId('due-badge').innerText()).resolves.toBe('8')
    await expect(page.getByRole('button', { name: 'Start review (8)' }).count()).resolves.toBe(1)
    expect(win.errors).toEqual([])
    await win.close()
  })

  it('"Retry missed" counts what is still missed after Review; a reported question leaves the quiz and Review and is listed in Statistics', { timeout: 400_000 }, async () => {
    const win = await app.launch()
    const { page } = win
    await page.locator('[data-question-id]').waitFor({ timeout: 120_000 })
    const total = Number(await page.getByTestId('question-count').innerText())

    // Report the first question: the dialog takes an optional reason; the question leaves the quiz.
    const reported = await onScreen(win, seed)
    await page.getByRole('button', { name: 'This question is wrong or unclear' }).click()
    const dialog = page.getByRole('dialog', { name: 'Report this question' })
    await dialog.getByLabel(/What is wrong with it/).fill('Two of the options could be right.')
    await shots(win, 'report-dialog')
    await dialog.getByRole('button', { name: 'Report and remove' }).click()
    await page.getByText(/the question was reported and removed/).waitFor()
    await expect.poll(() => page.getByTestId('question-count').innerText()).toBe(String(total - 1))
    expect((await onScreen(win, seed)).id).not.toBe(reported.id)

    // Answer the rest: three wrong, the others right.
    const missed: Question[] = []
    for (let i = 0; i < total - 1; i++) {
      const q = await onScreen(win, seed)
      expect(q.id).not.toBe(reported.id)
      const right = i >= 3
      if (!right) missed.push(q)
      await page.locator('body').focus()
      await page.keyboard.press(keyOf(q, right ? q.answer : wrong(q)))
      await page.locator('.feedback').waitFor()
      await page.getByRole('button', { name: /Next question|See results/ }).click()
    }
    await page.getByRole('button', { name: 'Retry missed (3)' }).waitFor()

    // Review: the reported question is not there; two of the three missed are answered right.
    await page.getByRole('button', { name: /^Review/ }).click()
    await page.getByRole('button', { name: 'Start review (3)' }).click()
    for (let i = 0; i < 2; i++) {
      const q = await onScreen(win, missed)
      await page.locator('body').focus()
      await page.keyboard.press(keyOf(q, q.answer))
      await page.locator('article.card').getByText('Correct.', { exact: true }).waitFor()
      await page.keyboard.press('Enter')
    }
    await page.getByRole('button', { name: 'Stop reviewing' }).click()
    await expect.poll(() => page.getByTestId('due-summary').innerText()).toMatch(/^1 to review now/)

    // The article's results now offer to retry only the one still missed.
    await page.getByRole('button', { name: /^Read & quiz/ }).click()
    await page.getByRole('button', { name: 'Retry missed (1)' }).waitFor()
    await expect(page.locator('.missed li').count()).resolves.toBe(1)

    // Statistics: time spent, the 30-day forecast, and the report with its reason.
    await page.getByRole('button', { name: /^Statistics/ }).click()
    await page.getByRole('heading', { name: 'Reviews due in the next 30 days' }).waitFor()
    await page.getByTestId('forecast').waitFor()
    await expect(page.getByTestId('forecast').locator('figcaption').innerText()).resolves.toMatch(/1 card today/)
    await expect(page.getByTestId('study-time').innerText()).resolves.toMatch(/^(< 1 min|\d+ min|\d+ h( \d+ min)?)$/)
    // At 1280 px the six tiles share one row, and no value breaks over lines.
    const tiles = await page.locator('.tiles .tile').evaluateAll((els) =>
      els.map((el) => {
        const big = el.querySelector('.big')!
        return { top: Math.round(el.getBoundingClientRect().top), lines: Math.round(big.getBoundingClientRect().height / parseFloat(getComputedStyle(big).lineHeight)) }
      })
    )
    expect(tiles).toHaveLength(6)
    expect(new Set(tiles.map((t) => t.top)).size).toBe(1)
    expect(tiles.map((t) => t.lines)).toEqual([1, 1, 1, 1, 1, 1])
    const reports = page.getByTestId('reports')
    await expect(reports.innerText()).resolves.toContain(reported.prompt)
    await expect(reports.innerText()).resolves.toContain('Two of the options could be right.')
    await shots(win, 'stats-forecast-reports')
    expect(win.errors).toEqual([])
    await win.close()
  })

  it('a backup holds the imported articles, progress and reports, and restores them whole on a new machine', { timeout: 300_000 }, async () => {
    const backup = join(dir, 'backup.json')
    // One app at a time: the harness trusts only the origin of the app started last.
    const old = await new TestApp().start()
    let fresh: TestApp | null = null
    let oldOpen = true
    try {
      const a = await old.launch()
      await a.page.locator('[data-question-id]').waitFor({ timeout: 120_000 })
      old.articleDialogAnswer = [join(FIXTURES_IMPORT, 'night-trains.md')]
      await a.menu('open-article')
      await a.page.getByRole('heading', { name: 'Night trains return to the northern line', level: 1 }).waitFor({ timeout: 120_000 })
      await a.page.locator('[data-question-id]').waitFor()
      const trainId = (await old.listeners.get('library:list')!({ senderFrame: { url: `${old.origin}/index.html` } }) as IpcResult<{ id: string; bundled: boolean }[]>)
      if (!trainId.ok) throw new Error('no list')
      const id = trainId.value.find((s) => !s.bundled)!.id
      const trains = await questionsOf(old, id)
      const q = await onScreen(a, trains)
      await a.page.locator('body').focus()
      await a.page.keyboard.press(keyOf(q, wrong(q)))
      await a.page.getByText('Not quite.').waitFor()
      await a.page.getByRole('button', { name: 'This question is wrong or unclear' }).click()
      await a.page.getByRole('dialog', { name: 'Report this question' }).getByRole('button', { name: 'Report and remove' }).click()
      await a.page.getByText(/the question was reported/).waitFor()
      old.dialogAnswers.save = backup
      await a.menu('export-progress')
      await a.page.getByText(`Backup saved to ${backup} (1 added article and all your progress).`).waitFor()
      const file = JSON.parse(readFileSync(backup, 'utf8')) as { version: number; articles: { file: { id: string } }[]; attempts: unknown[]; reports: { questionId: string }[] }
      expect(file.version).toBe(2)
      expect(file.articles.map((x) => x.file.id)).toEqual([id])
      expect(file.attempts).toHaveLength(1)
      expect(file.reports.map((r) => r.questionId)).toEqual([q.id])
      await a.close()
      await old.close()
      oldOpen = false

      // A new machine: another data folder, another browser profile.
      fresh = await new TestApp().start()
      const b = await fresh.launch()
      await b.page.locator('[data-question-id]').waitFor({ timeout: 120_000 })
      fresh.dialogAnswers.open = backup
      await b.menu('import-progress')
      await b.page.getByText(/Progress imported: 1 answers and 1 review records added or updated, 1 article added\./).waitFor()
      await b.page.getByRole('button', { name: /^Library/ }).click()
      await b.page.getByText('Night trains return to the northern line').first().waitFor()
      // The reported question was the one missed, so nothing is due; the report is listed.
      await b.page.getByRole('button', { name: /^Statistics/ }).click()
      await expect(b.page.getByTestId('reports').innerText()).resolves.toContain(q.prompt)
      await expect(b.page.locator('.tile .big').first().innerText()).resolves.toBe('1')
      // The restored article opens with the same quiz, so the restored progress attaches to it.
      expect((await questionsOf(fresh, id)).map((x) => x.id)).toEqual(trains.map((x) => x.id))
      expect([...b.errors]).toEqual([])
      await b.close()
    } finally {
      if (oldOpen) await old.close()
      await fresh?.close()
    }
  })
})
