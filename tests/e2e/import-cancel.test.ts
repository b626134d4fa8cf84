import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createWorkerQuizRunner } from '../../src/main/quiz-runner'
import { TestApp, type AppPage } from '../support/app-harness'
import { seriousViolations } from '../support/axe'

/**
 * A stand-in worker speaking the real protocol: reading text that contains "HANG" never returns, like a parser
 * stuck on hostile input; any other text becomes a one-paragraph article; every quiz is empty.
 */
function stallingWorker(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'newsquiz-e2e-worker-')), 'stalling-worker.cjs')
  writeFileSync(
    file,
    `const { parentPort } = require('node:worker_threads')
     parentPort.on('message', (job) => {
       if (job.kind === 'read') {
         const text = job.input.text ?? new TextDecoder().decode(job.input.bytes)
         if (text.includes('HANG')) for (;;) {}
         const title = text.split('\\n')[0]
         const article = { id: 'a' + title.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 40), title, date: null, dateLabel: null, source: null, byline: null, credits: [], paragraphs: [text.split('\\n\\n')[1] ?? text], headings: [], licence: null }
         parentPort.postMessage({ id: job.id, ok: true, value: { ok: true, value: { article, format: 'text' } } })
       } else parentPort.postMessage({ id: job.id, ok: true, value: [] })
     })`
  )
  return file
}

async function paste(win: AppPage, text: string): Promise<void> {
  await win.page.getByRole('button', { name: 'Paste text…' }).click()
  try {
    await win.page.getByRole('dialog', { name: 'Paste an article' }).locator('textarea').fill(text, { timeout: 10_000 })
  } catch (e) {
    await win.screenshot('debug-paste')
    throw e
  }
  await win.page.getByRole('button', { name: 'Import', exact: true }).click()
}

describe('a stuck import in real Chromium', () => {
  const app = new TestApp({ quizzes: createWorkerQuizRunner(stallingWorker(), { timeLimitMs: 60_000 }) })
  afterAll(() => app.close())

  it('shows the running import with a Cancel button, lets other imports go on, and cancels it', async () => {
    await app.start()
    for (const [colorScheme, width] of [['light', 1280], ['dark', 700]] as const) {
      const win = await app.launch({ colorScheme, width })
      // The app opens the first article once the library has loaded; go to the library after that.
      await win.page.getByText('This article has no questions yet').waitFor()
      await win.page.getByRole('button', { name: /^Library/ }).click()
      await paste(win, `A stuck paste ${width}\n\nHANG`)
      const cancel = win.page.getByRole('button', { name: /^Cancel: Importing pasted text/ })
      await cancel.waitFor()
      // Open and Paste stay usable while it runs: a second paste imports and opens.
      await expect(win.page.getByRole('button', { name: 'Open file…' }).isEnabled()).resolves.toBe(true)
      await paste(win, `Ferries return ${width}\n\nThe ferries returned to the harbour.`)
      await win.page.getByRole('heading', { level: 1, name: `Ferries return ${width}` }).waitFor()
      await win.page.getByRole('button', { name: /^Library/ }).click()
      await cancel.waitFor()
      await win.screenshot(`import-running-${colorScheme}-${width}`)
      expect(await seriousViolations(win.page), 'running import').toEqual([])
      await cancel.focus()
      await win.page.keyboard.press('Enter')
      await expect(win.page.getByText('The import was cancelled; nothing was changed.').waitFor()).resolves.toBeUndefined()
      await expect.poll(() => cancel.count()).toBe(0)
      await win.screenshot(`import-cancelled-${colorScheme}-${width}`)
      const titles = await win.page.getByRole('list', { name: 'Articles' }).locator('li').allInnerTexts()
      expect(titles.some((t) => t.includes('A stuck paste'))).toBe(false)
      expect(win.errors).toEqual([])
      await win.close()
    }
  }, 120_000)
})
