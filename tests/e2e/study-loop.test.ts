import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { IpcResult, StudyArticle } from '../../src/shared/ipc/contract'
import type { Question } from '../../src/shared/quiz/model'
import { ARTIFACTS, TestApp, type AppPage } from '../support/app-harness'
import { seriousViolations } from '../support/axe'

const SEED_ID = 'trump-putin-first-phone-call-2016'

/** A wrong option of `q` (deterministic: the first that is not the answer). */
const wrong = (q: Question): string => q.options.find((o) => o !== q.answer)!

async function currentQuestion(win: AppPage, questions: Question[]): Promise<Question> {
  const id = await win.page.locator('[data-question-id]').getAttribute('data-question-id')
  const q = questions.find((x) => x.id === id)
  if (!q) throw new Error(`question ${id} on screen is not in the article's quiz`)
  return q
}

async function answerByClick(win: AppPage, option: string): Promise<void> {
  await win.page.getByRole('group', { name: 'Answer options' }).getByRole('button', { name: option, exact: false }).filter({ hasText: option }).first().click()
}

describe('the study loop in real Chromium: quiz, evidence, restart, review', () => {
  let app: TestApp
  let profile: string
  let questions: Question[]

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true })
    profile = mkdtempSync(join(tmpdir(), 'newsquiz-profile-'))
    app = await new TestApp().start()
    const get = app.listeners.get('article:get')!
    const study = (await get({ senderFrame: { url: `${app.origin}/index.html` } }, SEED_ID)) as IpcResult<StudyArticle>
    if (!study.ok) throw new Error(study.error.message)
    questions = study.value.questions
  })
  afterAll(async () => {
    await app?.close()
    rmSync(profile, { recursive: true, force: true })
  })

  it('has a quiz for the seed', () => {
    expect(questions.length).toBeGreaterThanOrEqual(5)
  })

  it('answers with some wrong answers, shows the evidence, keeps answers across a restart, and reviews the missed ones', { timeout: 240_000 }, async () => {
    let win = await app.launch({ profileDir: profile })
    const { page } = win
    await page.locator('[data-question-id]').waitFor()
    expect(await seriousViolations(page), 'reader + quiz').toEqual([])
    await win.screenshot('quiz-question')

    // 1: wrong, by click. Feedback shows the right answer beside the chosen one, and the evidence in the article.
    const q1 = await currentQuestion(win, questions)
    await answerByClick(win, wrong(q1))
    await page.getByText('Not quite.').waitFor()
    await expect(page.locator('.option.wrong').innerText()).resolves.toContain(wrong(q1))
    await expect(page.locator('.option.correct').innerText()).resolves.toContain(q1.answer)
    await expect(page.getByRole('status').filter({ hasText: 'Incorrect' }).count()).resolves.toBe(1)
    await page.getByRole('button', { name: /Show in article/ }).click()
    const active = page.locator('.evidence.active').first()
    await active.waitFor()
    const shown = (await page.locator('.evidence.active').allInnerTexts()).join('')
    expect(q1.evidence.text).toContain(shown.trim())
    await page.waitForFunction(() => {
      const r = document.querySelector('.evidence.active')!.getBoundingClientRect()
      return r.top >= 0 && r.bottom <= window.innerHeight
    })
    expect(await seriousViolations(page), 'feedback').toEqual([])
    await win.screenshot('quiz-feedback-evidence')

    // A highlighted sentence lists the questions it answers.
    await active.click()
    await expect(page.getByRole('region', { name: 'Questions this sentence answers' }).innerText()).resolves.toContain(q1.prompt)

    // 2: right, by keyboard (digit or T/F); Enter moves on.
    await page.getByRole('button', { name: /Next question/ }).focus()
    await page.keyboard.press('Enter')
    const q2 = await currentQuestion(win, questions)
    expect(q2.id).not.toBe(q1.id)
    await page.locator('body').focus()
    const index = q2.options.indexOf(q2.answer)
    await page.keyboard.press(q2.kind === 'true-false' ? q2.answer.charAt(0) : String(index + 1))
    await page.getByText('Correct.', { exact: true }).waitFor()
    await page.keyboard.press('Enter')

    // 3: wrong again, then the window closes mid-quiz.
    const q3 = await currentQuestion(win, questions)
    expect(q3.id).not.toBe(q2.id)
    await answerByClick(win, wrong(q3))
    await page.getByText('Not quite.').waitFor()
    await win.close()

    // Restart on the same profile: same article, same place, answers kept.
    win = await app.launch({ profileDir: profile })
    await win.page.locator('[data-question-id]').waitFor()
    await expect(win.page.getByText(/3 answered/).count()).resolves.toBe(1)
    const q4 = await currentQuestion(win, questions)
    expect([q1.id, q2.id, q3.id]).not.toContain(q4.id)
    await expect(win.page.getByTestId('due-badge').innerText()).resolves.toBe('2')

    // Review: both missed questions, with the last answer, the right one and the evidence.
    await win.page.getByRole('button', { name: /^Review/ }).click()
    // Answers are hidden until asked for: the list with answers is a separate view.
    await win.page.getByRole('button', { name: 'List with answers' }).click()
    const review = win.page.getByRole('region', { name: /Trump and Putin/ })
    await review.waitFor()
    const reviewText = await review.innerText()
    for (const q of [q1, q3]) {
      expect(reviewText).toContain(q.prompt)
      expect(reviewText).toContain(`Your last answer: ${wrong(q)}`)
      expect(reviewText).toContain(`Correct: ${q.answer}`)
    }
    const prompts = await review.locator('li .prompt').allInnerTexts()
    expect(prompts.sort()).toEqual([q1.prompt, q3.prompt].sort())
    await expect(win.page.getByTestId('due-summary').innerText()).resolves.toMatch(/^2 to review now/)
    expect(await seriousViolations(win.page), 'review').toEqual([])
    await win.screenshot('review')

    // Each review item can show its evidence in the article.
    await review.locator('li', { hasText: q3.prompt }).first().getByRole('button', { name: 'Show in article' }).click()
    await win.page.locator('.evidence.active').first().waitFor()
    expect(q3.evidence.text).toContain((await win.page.locator('.evidence.active').allInnerTexts()).join('').trim())
    await win.page.getByRole('button', { name: /^Review/ }).click()

    // Review both until each is right: the count goes to zero.
    await win.page.getByRole('button', { name: 'Start review (2)' }).click()
    for (let i = 0; i < 2; i++) {
      const q = await currentQuestion(win, [q1, q3])
      await answerByClick(win, q.answer)
      await win.page.getByText('Correct.', { exact: true }).waitFor()
      await win.page.getByRole('button', { name: /Next card|Finish/ }).click()
    }
    await win.page.getByRole('heading', { name: 'Review done' }).waitFor()
    await win.page.getByRole('button', { name: 'Back to Review' }).first().click()
    await win.page.getByText('Nothing to review.').waitFor()
    await expect.poll(() => win.page.getByTestId('due-badge').count()).toBe(0)
    await expect(win.page.getByTestId('due-summary').innerText()).resolves.toMatch(/^0 to review now · next due/)

    // Statistics reflect the answers.
    await win.page.getByRole('button', { name: /^Statistics/ }).click()
    await win.page.getByRole('heading', { name: 'Accuracy over time' }).waitFor()
    await expect(win.page.getByTestId('streak').innerText()).resolves.toBe('1')
    expect(await seriousViolations(win.page), 'stats').toEqual([])
    await win.screenshot('stats')
    expect(win.errors).toEqual([])
    await win.close()
  })
})
