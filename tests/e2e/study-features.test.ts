import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MENU_CHANNEL, type IpcResult, type StudyArticle } from '../../src/shared/ipc/contract'
import { readArticleFile } from '../../scripts/lib/read-article-file'
import { generateQuiz } from '../../src/shared/quiz/generate'
import { ARTIFACTS, ROOT, TestApp, type AppPage } from '../support/app-harness'
import { seriousViolations } from '../support/axe'

/*
 * What #10 (part A) and #9 add to the study loop, as a person uses it in real Chromium: quiz rounds with
 * "More questions", the settings dialog, undo of an answer and of a delete, library sort and filter, the
 * "Go to quiz" jump on a narrow window, several files with a duplicate, and the paste dialog's error.
 */

const FIXTURES = join(ROOT, 'tests/fixtures/import')
const SEED_ID = 'trump-putin-first-phone-call-2016'

const questionId = (win: AppPage): Promise<string | null> => win.page.locator('[data-question-id]').getAttribute('data-question-id')

/** Answers the question on screen by key ("1": the first option) and moves on with Enter. */
async function answerAndGoOn(win: AppPage): Promise<void> {
  await win.page.locator('[data-question-id]').waitFor()
  await expect.poll(() => win.page.locator('.feedback').count()).toBe(0)
  await win.page.keyboard.press('1')
  await win.page.locator('.feedback').waitFor()
  await win.page.keyboard.press('Enter')
}

async function titles(win: AppPage): Promise<string[]> {
  return win.page.getByRole('list', { name: 'Articles' }).locator('.title').allInnerTexts()
}

/** Screenshots of the page as it is, light and dark, at 1280 and 700 px wide. */
async function shots(win: AppPage, name: string, showQuiz = false): Promise<void> {
  for (const width of [1280, 700]) {
    await win.page.setViewportSize({ width, height: 860 })
    // On a narrow window the quiz is under the article: show it, as "Go to quiz" would.
    if (showQuiz) await win.page.evaluate(() => document.querySelector('.quiz-pane .panel')?.scrollIntoView({ block: 'end' }))
    for (const colorScheme of ['light', 'dark'] as const) {
      await win.page.emulateMedia({ colorScheme })
      await win.screenshot(`${name}-${width}-${colorScheme}`)
    }
  }
  await win.page.emulateMedia({ colorScheme: 'light' })
  await win.page.setViewportSize({ width: 1280, height: 860 })
}

// Long flows on a shared machine: each test gets more than the default minute.
const SLOW = 240_000

describe('study features in real Chromium', () => {
  let app: TestApp
  let profile: string

  beforeEach(async () => {
    mkdirSync(ARTIFACTS, { recursive: true })
    profile = mkdtempSync(join(tmpdir(), 'newsquiz-features-profile-'))
    app = await new TestApp().start()
  })
  afterEach(async () => {
    await app?.close()
    rmSync(profile, { recursive: true, force: true })
  })

  it('asks one round at a time; "More questions" goes on with the next, and a restart lands in it', async () => {
    let win = await app.launch({ profileDir: profile })
    const { page } = win
    await page.locator('[data-question-id]').waitFor()
    // The seed (687 words) asks 14 in its first round: one per 50 words. The rest are the second round.
    const total = (await app.questionsOf(SEED_ID)).questions.length
    expect(total, 'the seed has more questions than its first round').toBeGreaterThan(14)
    const rest = total - 14
    await expect(page.getByTestId('round').innerText()).resolves.toBe('Round 1 of 2')
    await expect(page.getByTestId('question-count').innerText()).resolves.toBe('14')
    const first = new Set<string>()
    await page.locator('body').focus()
    for (let i = 0; i < 14; i++) {
      first.add((await questionId(win))!)
      await answerAndGoOn(win)
    }
    expect(first.size).toBe(14)
    await page.getByTestId('final-score').waitFor()
    await expect(page.getByTestId('remaining').innerText()).resolves.toMatch(new RegExp(`^${rest} questions? of this article not asked yet`))
    expect(await seriousViolations(page), 'end of a round').toEqual([])
    await shots(win, 'quiz-round-end', true)

    await page.getByRole('button', { name: `More questions (${rest} left)` }).click()
    await expect(page.getByTestId('round').innerText()).resolves.toBe('Round 2 of 2')
    await expect(page.getByTestId('question-count').innerText()).resolves.toBe(String(rest))
    // Focus is on the new question, so the keys go on working.
    await expect(page.evaluate(() => document.activeElement?.classList.contains('prompt'))).resolves.toBe(true)
    const second = (await questionId(win))!
    expect(first.has(second)).toBe(false)
    await answerAndGoOn(win)
    await win.close()

    // After a restart the quiz is in round 2, with its answer kept; round 1's answers are kept too.
    win = await app.launch({ profileDir: profile })
    await win.page.locator('[data-question-id]').waitFor()
    await expect(win.page.getByTestId('round').innerText()).resolves.toBe('Round 2 of 2')
    await win.page.getByText(/1 answered/).waitFor()
    await win.page.getByRole('button', { name: /^Library/ }).click()
    const seed = win.page.getByRole('list', { name: 'Articles' }).locator('li', { hasText: 'Trump and Putin' })
    await expect(seed.locator('.progress').innerText()).resolves.toMatch(new RegExp(`ANSWERED\\s*15/${total}`, 'i'))
    expect(win.errors).toEqual([])
  }, SLOW)

  it('the settings dialog sets the questions per round, from the top bar or the menu, by keyboard', async () => {
    const win = await app.launch({ profileDir: profile })
    const { page } = win
    await page.locator('[data-question-id]').waitFor()
    await page.getByRole('button', { name: 'Settings' }).click()
    const dialog = page.getByRole('dialog', { name: 'Settings' })
    await expect(dialog.getByRole('spinbutton', { name: 'Questions per quiz round' }).inputValue()).resolves.toBe('20')
    await expect(dialog.getByRole('spinbutton', { name: 'Reviews per day' }).inputValue()).resolves.toBe('100')
    expect(await seriousViolations(page), 'settings').toEqual([])
    await shots(win, 'settings')
    // Keyboard only: the first field has focus; type, then Enter saves.
    await expect(page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).resolves.toBe('quizRoundSize')
    await page.keyboard.press('Control+A')
    await page.keyboard.type('5')
    await page.keyboard.press('Enter')
    await dialog.waitFor({ state: 'hidden' })

    await win.menu('show-settings')
    await expect(dialog.getByRole('spinbutton', { name: 'Questions per quiz round' }).inputValue()).resolves.toBe('5')
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })

    // A new article's first round now asks 5: the test story with the most questions, opened from a file.
    const stories = readdirSync(join(ROOT, 'tests/fixtures/articles')).filter((f) => f.startsWith('wikinews-'))
    const sized = stories.map((f) => {
      const read = readArticleFile(join(ROOT, 'tests/fixtures/articles', f))
      return { f, count: read.ok ? generateQuiz(read.value.article).length : 0 }
    })
    const story = sized.sort((a, b) => b.count - a.count)[0]!
    expect(story.count, `${story.f} has more questions than one round of 5`).toBeGreaterThan(5)
    app.articleDialogAnswer = [join(ROOT, 'tests/fixtures/articles', story.f)]
    await page.getByRole('button', { name: /^Library/ }).click()
    await page.getByRole('button', { name: 'Open file…' }).click()
    const imported = await page.getByText(/^Imported “.*” with (\d+) questions\./).innerText()
    const total = Number(/with (\d+) questions/.exec(imported)![1])
    expect(total, 'the app makes the same quiz as the generator').toBe(story.count)
    await expect(page.getByTestId('question-count').innerText()).resolves.toBe('5')
    await expect(page.getByTestId('round').innerText()).resolves.toBe(`Round 1 of ${Math.ceil(total / 5)}`)
    // Opening an article puts focus on its title.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('article-title')
    expect(win.errors).toEqual([])
  }, SLOW)

  it('a dialog asked for again the moment it closed opens and stays open', async () => {
    // On a busy machine a menu command can arrive after Save has closed the dialog but before the browser
    // has fired that closing's "close" event. That late event must not close the dialog opened again.
    const win = await app.launch()
    const { page } = win
    await page.locator('[data-question-id]').waitFor()
    await page.getByRole('button', { name: 'Settings' }).click()
    const dialog = page.getByRole('dialog', { name: 'Settings' })
    await dialog.waitFor()
    const closedThenAsked = await page.evaluate(async (channel) => {
      document.querySelector<HTMLButtonElement>('button[form="settings-form"]')!.click()
      // Microtasks only: the closing happens, the "close" event (a task) is still to come.
      for (let i = 0; i < 50 && document.querySelector('dialog[open]'); i++) await Promise.resolve()
      const closed = !document.querySelector('dialog[open]')
      ;(globalThis as unknown as { __e2eEmit(c: string, p: string): void }).__e2eEmit(channel, 'show-settings')
      // Let the pending tasks run, the late "close" event among them.
      await new Promise((r) => setTimeout(r, 100))
      return closed
    }, MENU_CHANNEL)
    expect(closedThenAsked, 'Save closed the dialog before it was asked for again').toBe(true)
    await expect(dialog.getByRole('spinbutton', { name: 'Questions per quiz round' }).isVisible()).resolves.toBe(true)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    expect(win.errors).toEqual([])
  }, SLOW)

  it('undoes the last answer from the feedback or with Ctrl+Z', async () => {
    const win = await app.launch()
    const { page } = win
    await page.locator('[data-question-id]').waitFor()
    const id = await questionId(win)
    await page.locator('body').focus()
    await page.keyboard.press('2')
    await page.locator('.feedback').waitFor()
    await expect(page.getByTestId('due-badge').count()).resolves.toBeLessThanOrEqual(1)
    await shots(win, 'quiz-feedback-undo', true)
    await page.getByRole('button', { name: 'Undo answer' }).click()
    await expect.poll(() => page.locator('.feedback').count()).toBe(0)
    await expect(questionId(win)).resolves.toBe(id)
    await page.getByText(/0 answered/).waitFor()
    // The badge follows once the figures are read again.
    await expect.poll(() => page.getByTestId('due-badge').count()).toBe(0)

    // The keyboard way: a misclick, then Ctrl+Z.
    await page.keyboard.press('1')
    await page.locator('.feedback').waitFor()
    await page.keyboard.press('Control+z')
    await expect.poll(() => page.locator('.feedback').count()).toBe(0)
    await page.getByText(/0 answered/).waitFor()
    const stored = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((ok) => {
        const req = indexedDB.open('newsquiz-progress')
        req.onsuccess = () => ok(req.result)
      })
      const count = (store: string): Promise<number> =>
        new Promise((ok) => {
          const req = db.transaction(store).objectStore(store).count()
          req.onsuccess = () => ok(req.result)
        })
      const out = { attempts: await count('attempts'), reviews: await count('reviews') }
      db.close()
      return out
    })
    expect(stored).toEqual({ attempts: 0, reviews: 0 })
    expect(win.errors).toEqual([])
  }, SLOW)

  it('undoes a delete from the toast or with Ctrl+Z', async () => {
    app.articleDialogAnswer = [join(FIXTURES, 'harbour-strike.txt')]
    const win = await app.launch()
    const { page } = win
    await page.locator('[data-question-id]').waitFor()
    await page.getByRole('button', { name: /^Library/ }).click()
    await page.getByRole('button', { name: 'Open file…' }).click()
    await page.getByText(/Imported “Dock workers end three-day strike at Skarport harbour”/).waitFor()
    await page.getByRole('button', { name: /^Library/ }).click()
    const before = await titles(win)

    await page.getByRole('button', { name: /Delete “Dock workers/ }).click()
    await page.getByRole('dialog', { name: 'Delete this article?' }).getByRole('button', { name: 'Delete article' }).click()
    const undo = page.getByTestId('undo-toast').getByRole('button', { name: /Undo/ })
    await expect.poll(() => titles(win)).toHaveLength(before.length - 1)
    // Focus on the toast stops its time (as the pointer over it does), so checking it cannot race the clock.
    await undo.focus()
    expect(await seriousViolations(page), 'undo toast').toEqual([])
    await shots(win, 'library-undo-delete')
    await undo.click()
    await expect.poll(() => titles(win)).toEqual(before)

    await page.getByRole('button', { name: /Delete “Dock workers/ }).click()
    await page.getByRole('dialog', { name: 'Delete this article?' }).getByRole('button', { name: 'Delete article' }).click()
    await expect.poll(() => titles(win)).toHaveLength(before.length - 1)
    await page.locator('body').focus()
    await page.keyboard.press('Control+z')
    await expect.poll(() => titles(win)).toEqual(before)
    // The article was never deleted in main: it opens as before.
    await page.getByRole('button', { name: /^Dock workers/ }).click()
    await page.locator('[data-question-id]').waitFor()
    expect(win.errors).toEqual([])
  }, SLOW)

  it('sorts and filters the library', async () => {
    app.articleDialogAnswer = [join(FIXTURES, 'harbour-strike.txt')]
    const win = await app.launch()
    const { page } = win
    await page.locator('[data-question-id]').waitFor()
    await page.getByRole('button', { name: /^Library/ }).click()
    await page.getByRole('button', { name: 'Open file…' }).click()
    await page.getByText(/Imported “Dock workers/).waitFor()
    await page.getByRole('button', { name: /^Library/ }).click()
    // Recently added first: the new article is on top.
    await expect(titles(win).then((t) => t[0])).resolves.toBe('Dock workers end three-day strike at Skarport harbour')

    await page.getByRole('combobox', { name: 'Sort' }).selectOption({ label: 'Title' })
    const byTitle = await titles(win)
    expect(byTitle).toEqual([...byTitle].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true })))

    await page.getByRole('combobox', { name: 'Show' }).selectOption({ label: 'Done' })
    await page.getByText('No article is done.').waitFor()
    await page.getByRole('combobox', { name: 'Show' }).selectOption({ label: 'Not finished' })
    await expect.poll(() => titles(win).then((t) => t.length)).toBe(byTitle.length)

    // Answer one seed question wrong: it is then the only article with questions due.
    await page.getByRole('button', { name: /^Trump and Putin/ }).click()
    await page.locator('[data-question-id]').waitFor()
    const study = (await app.listeners.get('article:get')!({ senderFrame: { url: `${app.origin}/index.html` } }, 'trump-putin-first-phone-call-2016')) as IpcResult<StudyArticle>
    const shownId = await questionId(win)
    const q = study.ok ? study.value.questions.find((x) => x.id === shownId)! : null
    const wrong = q ? q.options.findIndex((o) => o !== q.answer) : -1
    await page.locator('body').focus()
    await page.keyboard.press(String(wrong + 1))
    await page.getByText('Not quite.').waitFor()
    await page.getByRole('button', { name: /^Library/ }).click()
    await page.getByRole('combobox', { name: 'Show' }).selectOption({ label: 'Due' })
    await expect.poll(() => titles(win)).toEqual(['Trump and Putin vow to "channel" US-Russia ties in first phone call'])
    await page.getByRole('combobox', { name: 'Show' }).selectOption({ label: 'All' })
    await page.getByRole('combobox', { name: 'Sort' }).selectOption({ label: 'Due first' })
    // The list renders again after each change: wait for it, as above, instead of reading it once.
    await expect.poll(() => titles(win).then((t) => t[0] ?? '')).toMatch(/^Trump and Putin/)
    expect(await seriousViolations(page), 'library tools').toEqual([])
    await shots(win, 'library-sort-filter')
    expect(win.errors).toEqual([])
  }, SLOW)

  it('below 980 px, "Go to quiz" takes the reader to the quiz at once', async () => {
    const win = await app.launch({ width: 700, height: 860 })
    const { page } = win
    await page.locator('[data-question-id]').waitFor()
    const jump = page.getByRole('button', { name: /Go to quiz/ })
    await jump.waitFor()
    await win.screenshot('go-to-quiz-700-light')
    await jump.click()
    await page.waitForFunction(() => {
      const r = document.querySelector('.prompt')!.getBoundingClientRect()
      return r.top >= 0 && r.bottom <= window.innerHeight
    })
    await expect(page.evaluate(() => document.activeElement?.classList.contains('prompt'))).resolves.toBe(true)
    // With the quiz on screen the button gets out of the way.
    await expect.poll(() => jump.count()).toBe(0)
    await page.keyboard.press('1')
    await page.locator('.feedback').waitFor()
    expect(await seriousViolations(page), 'narrow reader').toEqual([])
    await page.emulateMedia({ colorScheme: 'dark' })
    await win.screenshot('go-to-quiz-700-dark-answered')
    expect(win.errors).toEqual([])
  }, SLOW)

  it('opening several files where one is a duplicate says so and opens the new one, which is listed first', async () => {
    const win = await app.launch()
    const { page } = win
    await page.locator('[data-question-id]').waitFor()
    await page.getByRole('button', { name: /^Library/ }).click()
    app.articleDialogAnswer = [join(FIXTURES, 'harbour-strike.txt')]
    await page.getByRole('button', { name: 'Open file…' }).click()
    await page.getByText(/Imported “Dock workers/).waitFor()
    await page.getByRole('button', { name: /^Library/ }).click()

    app.articleDialogAnswer = [join(FIXTURES, 'night-trains.md'), join(FIXTURES, 'harbour-strike.txt')]
    await page.getByRole('button', { name: 'Open file…' }).click()
    await page
      .getByText(/^Imported “Night trains return to the northern line” with \d+ questions?\. “Dock workers end three-day strike at Skarport harbour” was already in your library\.$/)
      .waitFor()
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Night trains return to the northern line')
    await page.getByRole('button', { name: /^Library/ }).click()
    await expect(titles(win).then((t) => t.slice(0, 2))).resolves.toEqual([
      'Night trains return to the northern line',
      'Dock workers end three-day strike at Skarport harbour'
    ])
    expect(win.errors).toEqual([])
  }, SLOW)

  it('the paste dialog shows its error inside the dialog, above the dimmed page', async () => {
    const win = await app.launch()
    const { page } = win
    await page.locator('[data-question-id]').waitFor()
    await page.getByRole('button', { name: /^Library/ }).click()
    await page.getByRole('button', { name: 'Paste text…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Paste an article' })
    await dialog.locator('textarea').fill('Title only')
    await dialog.getByRole('button', { name: 'Import' }).click()
    const error = dialog.getByRole('alert')
    await error.waitFor()
    // What is on top at the error's centre is the error itself, not the backdrop.
    const onTop = await error.evaluate((el) => {
      const r = el.getBoundingClientRect()
      return el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2))
    })
    expect(onTop).toBe(true)
    expect(await seriousViolations(page), 'paste error').toEqual([])
    await shots(win, 'paste-error')
    expect(win.errors).toEqual([])
  }, SLOW)

  it('polish: hints fit the question, the shortcuts list is complete, library buttons are named without the excerpt', async () => {
    const win = await app.launch()
    const { page } = win
    await page.locator('[data-question-id]').waitFor()
    const keys = page.locator('.panel .keys')
    const count = await page.locator('.option').count()
    const isTrueFalse = (await page.locator('.kind').innerText()).toLowerCase().includes('true or false')
    await expect(keys.innerText()).resolves.toMatch(isTrueFalse ? /^T\/F true or false$/ : new RegExp(`^1–${count} choose$`))
    await page.locator('body').focus()
    await page.keyboard.press('1')
    await page.locator('.feedback').waitFor()
    await expect(keys.innerText()).resolves.toMatch(/^Enter next · E evidence · Ctrl\+Z undo$/)

    await page.keyboard.press('?')
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    const text = await help.innerText()
    for (const k of [/Ctrl\s*\+\s*Shift\s*\+\s*E/, /Ctrl\s*\+\s*Shift\s*\+\s*I/, /F1/, /Ctrl\s*\+\s*Z/]) expect(text).toMatch(k)
    await page.keyboard.press('Escape')
    // Library buttons are named by title and details, without the excerpt.
    await page.getByRole('button', { name: /^Library/ }).click()
    const first = page.locator('.open').first()
    const excerpt = await first.locator('.excerpt').innerText()
    const snapshot = await first.ariaSnapshot()
    expect(snapshot).toMatch(/questions?/)
    expect(snapshot).not.toContain(excerpt.slice(0, 30))
    expect(win.errors).toEqual([])
  }, SLOW)
})
