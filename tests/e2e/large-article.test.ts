import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FIXTURE_ARTICLES } from '../support/corpus'
import { TestApp } from '../support/app-harness'

/** About 1 MB of distinct news paragraphs (repeated paragraphs would be merged by the parser). */
function largeArticle(): string {
  const paragraphs = readFileSync(join(FIXTURE_ARTICLES, 'wikinews-gum_iodine.txt'), 'utf8').split(/\n\s*\n/).slice(1)
  let body = ''
  for (let part = 1; body.length < 1_000_000; part++) body += paragraphs.map((p) => `\n\nIn part ${part} of the survey, ${p.trim()}`).join('')
  return `A long report on iodine in schools\n\nUpdated Nov 15, 2016${body}\n`
}

describe('a 1 MB article (real Chromium, quiz made in the worker)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsquiz-large-'))
  const file = join(dir, 'long-report.txt')
  let app: TestApp
  beforeAll(async () => {
    writeFileSync(file, largeArticle())
    app = await new TestApp().start()
  })
  afterAll(async () => {
    await app?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('imports without freezing the window: the page keeps drawing, and main keeps answering, meanwhile', async () => {
    const win = await app.launch()
    const { page } = win
    await page.locator('[data-question-id]').waitFor()
    await page.getByRole('button', { name: /^Library/ }).click()
    app.articleDialogAnswer = [file]
    // Count animation frames while the import runs: a frozen window draws none.
    await page.evaluate(() => {
      const w = window as unknown as { frames_: number }
      w.frames_ = 0
      const tick = (): void => {
        w.frames_++
        requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    })
    await page.getByRole('button', { name: 'Open file…' }).click()
    const busy = page.getByRole('status').filter({ hasText: 'Reading the article and writing its quiz' })
    await busy.waitFor()
    // Main keeps answering while the article is read and its quiz made: calls made during the import return at
    // once. With the work on main's own thread, a call made meanwhile would only return after it.
    const latencies: number[] = []
    while (latencies.length < 20 && (await busy.count()) > 0) {
      latencies.push(await page.evaluate(async () => {
        const t = performance.now()
        await (window as unknown as { api: { listArticles(): Promise<{ ok: boolean }> } }).api.listArticles()
        return performance.now() - t
      }))
    }
    expect(latencies.length, 'calls made while the import ran').toBeGreaterThan(0)
    expect(Math.max(...latencies), latencies.join(', ')).toBeLessThan(1000)
    // The user can move around while it works, and the page keeps drawing.
    await page.getByRole('button', { name: /^Statistics/ }).click()
    await page.getByRole('heading', { name: 'Statistics' }).waitFor()
    const framesMeanwhile = await page.evaluate(() => (window as unknown as { frames_: number }).frames_)
    expect(framesMeanwhile).toBeGreaterThan(0)
    await page.getByText(/Imported “A long report on iodine in schools” with \d+ questions?/).waitFor({ timeout: 180_000 })
    await page.getByRole('heading', { level: 1, name: 'A long report on iodine in schools' }).waitFor()
    expect(win.errors).toEqual([])
    await win.close()
  }, 240_000)
})
