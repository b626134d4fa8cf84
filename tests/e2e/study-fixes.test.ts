import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ArticleSummary, IpcResult } from '../../src/shared/ipc/contract'
import { MIN_WINDOW_SIZE } from '../../src/shared/window-size'
import { ARTIFACTS, ROOT, TestApp, type AppPage } from '../support/app-harness'
import { seriousViolations } from '../support/axe'

/*
 * The bugs of the study-loop report (#10, bugs 1–5), each as a person meets it in real Chromium. Each test
 * failed on the build before its fix.
 */

const NIGHT_TRAINS = readFileSync(join(ROOT, 'tests/fixtures/import/night-trains.md'), 'utf8')

/** Records of the progress database that belong to `articleId` (read straight from IndexedDB). */
async function progressOf(win: AppPage, articleId: string): Promise<{ attempts: number; reviews: number; runs: number }> {
  return win.page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open('newsquiz-progress')
      req.onsuccess = () => ok(req.result)
      req.onerror = () => fail(req.error)
    })
    const all = (store: string): Promise<Record<string, unknown>[]> =>
      new Promise((ok, fail) => {
        const req = db.transaction(store).objectStore(store).getAll()
        req.onsuccess = () => ok(req.result as Record<string, unknown>[])
        req.onerror = () => fail(req.error)
      })
    const [attempts, reviews, runs] = await Promise.all([all('attempts'), all('reviews'), all('runs')])
    db.close()
    return {
      attempts: attempts.filter((a) => a['articleId'] === id).length,
      reviews: reviews.filter((r) => r['articleId'] === id).length,
      runs: runs.filter((r) => r['scope'] === id).length
    }
  }, articleId)
}

async function pasteArticle(win: AppPage, text: string): Promise<void> {
  await win.page.getByRole('button', { name: /^Library/ }).click()
  await win.page.getByRole('button', { name: 'Paste text…' }).click()
  await win.page.getByRole('dialog', { name: 'Paste an article' }).locator('textarea').fill(text)
  await win.page.getByRole('dialog').getByRole('button', { name: 'Import' }).click()
}

async function questionId(win: AppPage): Promise<string | null> {
  return win.page.locator('[data-question-id]').getAttribute('data-question-id')
}

// Each test is a few steps, but the machine may be shared and slow, and bug 1 waits out the undo time.
const SLOW = 180_000

describe('study-loop bugs in real Chromium', () => {
  let app: TestApp
  let profile: string

  beforeEach(async () => {
    mkdirSync(ARTIFACTS, { recursive: true })
    profile = mkdtempSync(join(tmpdir(), 'newsquiz-fixes-profile-'))
    app = await new TestApp().start()
  })
  afterEach(async () => {
    await app?.close()
    rmSync(profile, { recursive: true, force: true })
  })

  it('1. deleting the open article closes it; once the undo time is over, none of its answers, cards or runs are left', async () => {
    const win = await app.launch()
    const { page } = win
    await page.locator('[data-question-id]').waitFor()
    await pasteArticle(win, NIGHT_TRAINS)
    await page.getByText(/Imported “Night trains return to the northern line”/).waitFor()
    const list = (await app.listeners.get('library:list')!({ senderFrame: { url: `${app.origin}/index.html` } })) as IpcResult<ArticleSummary[]>
    const id = list.ok ? list.value.find((a) => a.title.startsWith('Night trains'))!.id : ''
    await page.getByRole('group', { name: 'Answer options' }).getByRole('button').first().click()
    await page.locator('.feedback').waitFor()
    await expect.poll(() => progressOf(win, id)).toEqual({ attempts: 1, reviews: 1, runs: 1 })

    await page.getByRole('button', { name: /^Library/ }).click()
    await page.getByRole('button', { name: /Delete “Night trains/ }).click()
    await page.getByRole('dialog', { name: 'Delete this article?' }).getByRole('button', { name: 'Delete article' }).click()

    // Gone from the library and closed at once: the reader has nothing open, so nothing more can be saved for it.
    await expect.poll(() => page.getByRole('list', { name: 'Articles' }).locator('.title').allInnerTexts()).not.toContain('Night trains return to the northern line')
    await page.getByRole('button', { name: /^Read & quiz/ }).click()
    await page.getByText('No article is open.').waitFor()
    await expect.poll(() => page.locator('[data-question-id]').count()).toBe(0)

    // When the undo time is over the delete is done: no answer, review card or run of it remains.
    await page.getByTestId('undo-toast').waitFor({ state: 'detached', timeout: 20_000 })
    await expect.poll(() => progressOf(win, id)).toEqual({ attempts: 0, reviews: 0, runs: 0 })
    await expect.poll(() => page.getByTestId('due-badge').count()).toBe(0)
    expect(win.errors).toEqual([])
  }, SLOW)

  it('1. at start, answers, cards and runs of an article no longer in the library (left by an earlier version) are removed', async () => {
    let win = await app.launch({ profileDir: profile })
    await win.page.locator('[data-question-id]').waitFor()
    // What an earlier version left after "Delete article" with "keep my answers": a missed, due question.
    await win.page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const req = indexedDB.open('newsquiz-progress')
        req.onsuccess = () => ok(req.result)
        req.onerror = () => fail(req.error)
      })
      const at = Date.now() - 86_400_000
      const question = {
        id: 'q-left-behind',
        kind: 'who-did-what',
        prompt: 'Who opened the bridge?',
        options: ['The mayor', 'The governor', 'The minister'],
        answer: 'The mayor',
        evidence: { paragraph: 0, start: 0, end: 20, text: 'The mayor opened it.' },
        explanation: 'The article says so.',
        rank: 1
      }
      const card = { due: at, stability: 1, difficulty: 5, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 1, lapses: 1, state: 1, last_review: at }
      await new Promise<void>((ok, fail) => {
        const tx = db.transaction(['attempts', 'reviews', 'runs'], 'readwrite')
        tx.objectStore('attempts').put({ id: 'a-left-behind', questionId: question.id, articleId: 'deleted-article-1', runId: 'r-left-behind', chosen: 'The governor', correct: false, at })
        tx.objectStore('reviews').put({ questionId: question.id, articleId: 'deleted-article-1', articleTitle: 'A deleted article', card, missed: 1, lastChosen: 'The governor', lastAt: at, answers: 1, question })
        tx.objectStore('runs').put({ id: 'r-left-behind', scope: 'deleted-article-1', mode: 'full', questionIds: [question.id], startedAt: at, finishedAt: at, score: { correct: 0, total: 1 } })
        tx.oncomplete = () => ok()
        tx.onerror = () => fail(tx.error)
      })
      db.close()
    })
    expect(await progressOf(win, 'deleted-article-1')).toEqual({ attempts: 1, reviews: 1, runs: 1 })
    await win.close()

    win = await app.launch({ profileDir: profile })
    await win.page.locator('[data-question-id]').waitFor()
    await expect.poll(() => progressOf(win, 'deleted-article-1')).toEqual({ attempts: 0, reviews: 0, runs: 0 })
    await expect.poll(() => win.page.getByTestId('due-badge').count()).toBe(0)
    expect(win.errors).toEqual([])
  }, SLOW)

  it(`2. at the smallest window (${MIN_WINDOW_SIZE.width} px) every tab is on screen and no view scrolls sideways`, async () => {
    const win = await app.launch({ width: MIN_WINDOW_SIZE.width, height: MIN_WINDOW_SIZE.height })
    const { page } = win
    await page.locator('[data-question-id]').waitFor()
    for (const tab of ['Library', 'Read & quiz', 'Review', 'Statistics']) {
      await page.getByRole('button', { name: new RegExp(`^${tab.replace('&', '\\&')}`) }).click()
      await page.waitForTimeout(150)
      const layout = await page.evaluate(() => ({
        width: document.documentElement.clientWidth,
        scrollWidth: document.documentElement.scrollWidth,
        offscreen: [...document.querySelectorAll<HTMLElement>('.topbar button')]
          .filter((b) => {
            const r = b.getBoundingClientRect()
            return r.left < 0 || r.right > document.documentElement.clientWidth
          })
          .map((b) => b.getAttribute('aria-label') ?? b.innerText)
      }))
      expect(layout.offscreen, `${tab}: top-bar buttons off screen`).toEqual([])
      expect(layout.scrollWidth, `${tab}: sideways scroll`).toBeLessThanOrEqual(layout.width)
    }
    await page.getByRole('button', { name: /^Read & quiz/ }).click()
    await win.screenshot('min-window-reader')
    expect(win.errors).toEqual([])
  }, SLOW)

  it('3. Enter after "Show in article" goes to the next question', async () => {
    const win = await app.launch()
    const { page } = win
    await page.locator('[data-question-id]').waitFor()
    const first = await questionId(win)
    await page.getByRole('group', { name: 'Answer options' }).getByRole('button').first().click()
    await page.getByRole('button', { name: /Show in article/ }).click()
    await page.locator('.evidence.active').first().waitFor()
    await page.keyboard.press('Enter')
    await expect.poll(() => questionId(win)).not.toBe(first)
    await expect.poll(() => page.locator('.feedback').count()).toBe(0)
    expect(win.errors).toEqual([])
  }, SLOW)

  it('4. answering keeps the question and the option picked in view on a short window', async () => {
    const win = await app.launch({ width: 1280, height: MIN_WINDOW_SIZE.height })
    const { page } = win
    await page.locator('[data-question-id]').waitFor()
    // By key, as a reader whose hands are on the keyboard would (a click would let the test scroll first).
    await page.locator('body').focus()
    await page.keyboard.press('1')
    await page.locator('.feedback').waitFor()
    await page.waitForTimeout(200)
    const view = await page.evaluate(() => {
      const pane = document.querySelector<HTMLElement>('.quiz-pane')!.getBoundingClientRect()
      const top = Math.max(0, pane.top)
      const bottom = Math.min(window.innerHeight, pane.bottom)
      const inView = (el: Element | null): boolean => {
        const r = el!.getBoundingClientRect()
        return r.top >= top - 1 && r.bottom <= bottom + 1
      }
      const style = getComputedStyle(document.querySelector('.quiz-pane')!)
      return {
        prompt: inView(document.querySelector('.prompt')),
        picked: inView(document.querySelector('.option.wrong, .option.correct')),
        overflowY: style.overflowY,
        gutter: style.scrollbarGutter
      }
    })
    expect(view.prompt, 'the prompt is in view').toBe(true)
    expect(view.picked, 'the option picked is in view').toBe(true)
    // The panel scrolls and keeps room for its scrollbar, so it shows one when its content is taller.
    expect(view.overflowY).toBe('auto')
    expect(view.gutter).toBe('stable')
    // Focus is on "Next", so Enter still moves on.
    await expect(page.evaluate(() => document.activeElement?.textContent ?? '')).resolves.toMatch(/Next question|See results/)
    await win.screenshot('short-window-answered')
    expect(win.errors).toEqual([])
  }, SLOW)

  it('5. keyboard focus on a library item is not clipped', async () => {
    const win = await app.launch()
    const { page } = win
    await page.locator('[data-question-id]').waitFor()
    await page.getByRole('button', { name: /^Library/ }).click()
    await page.getByRole('searchbox', { name: 'Search articles' }).focus()
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab')
      if (await page.evaluate(() => document.activeElement?.classList.contains('open') ?? false)) break
    }
    const clipped = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement
      if (!el.classList.contains('open')) return ['no library item took focus']
      const style = getComputedStyle(el)
      const grow = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth)
      const r = el.getBoundingClientRect()
      const ring = { left: r.left - grow, top: r.top - grow, right: r.right + grow, bottom: r.bottom + grow }
      const out: string[] = []
      for (let p = el.parentElement; p; p = p.parentElement) {
        const s = getComputedStyle(p)
        if (s.overflowX === 'visible' && s.overflowY === 'visible') continue
        const b = p.getBoundingClientRect()
        const box = { left: b.left + p.clientLeft, top: b.top + p.clientTop, right: b.left + p.clientLeft + p.clientWidth, bottom: b.top + p.clientTop + p.clientHeight }
        if (ring.left < box.left - 0.5 || ring.top < box.top - 0.5 || ring.right > box.right + 0.5 || ring.bottom > box.bottom + 0.5) out.push(`${p.tagName}.${p.className}`)
      }
      return out
    })
    expect(clipped).toEqual([])
    await win.screenshot('library-focus')
    expect(await seriousViolations(page), 'library').toEqual([])
    expect(win.errors).toEqual([])
  }, SLOW)
})
