/**
 * Start-up (issue #10, "How it scales"): on a restart the article open last is on screen before its quiz is
 * made. On a first start the quiz worker is still loading its language model (a second or more); the reader must
 * not wait for it.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createInProcessQuizRunner, type QuizRunner } from '../../src/main/quiz-runner'
import { ARTIFACTS, TestApp } from '../support/app-harness'
import { seriousViolations } from '../support/axe'

describe('start-up (real Chromium)', () => {
  const dirs: string[] = []
  let app: TestApp | null = null
  afterEach(async () => {
    await app?.close()
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
  })

  it('shows the article open last at once and its quiz when it is made', async () => {
    mkdirSync(ARTIFACTS, { recursive: true })
    const dataDir = mkdtempSync(join(tmpdir(), 'newsquiz-startup-data-'))
    const profile = mkdtempSync(join(tmpdir(), 'newsquiz-startup-profile-'))
    dirs.push(dataDir, profile)
    app = await new TestApp({ dataDir }).start()
    let win = await app.launch({ profileDir: profile })
    await win.page.locator('[data-question-id]').waitFor()
    const title = await win.page.getByRole('heading', { level: 1 }).innerText()
    await win.close()

    // Restart with a quiz maker that waits until the test lets it go, as a worker still loading would.
    const port = Number(new URL(app.origin).port)
    await app.close()
    let release: () => void = () => undefined
    const loaded = new Promise<void>((resolve) => (release = resolve))
    const inProcess = createInProcessQuizRunner()
    const slow: QuizRunner = { ...inProcess, generate: async (article, options) => (await loaded, inProcess.generate(article, options)) }
    app = await new TestApp({ dataDir, quizzes: slow }).start(port)
    win = await app.launch({ profileDir: profile, width: 1280, colorScheme: 'dark' })

    await expect(win.page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(title)
    await expect(win.page.getByRole('complementary', { name: 'Quiz' }).getByRole('status').innerText()).resolves.toBe('Preparing the quiz…')
    expect(await win.page.locator('[data-question-id]').count()).toBe(0)
    await win.screenshot('startup-article-before-quiz-dark')
    expect(await seriousViolations(win.page), 'article before its quiz').toEqual([])

    release()
    await win.page.locator('[data-question-id]').waitFor()
    await expect(win.page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(title)
    expect(win.errors).toEqual([])
  }, 120_000)
})
