import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import initSqlJs from 'sql.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ArticleSummary, IpcResult, StudyArticle } from '../../src/shared/ipc/contract'
import type { Question } from '../../src/shared/quiz/model'
import { ARTIFACTS, ROOT, TestApp, type AppPage } from '../support/app-harness'
import { seriousViolations } from '../support/axe'

/*
 * "Add from link" and "Export questions" as a person uses them, in real Chromium: the page comes from a news site
 * stand-in on 127.0.0.1 started here, which counts every request it gets.
 */

const TITLE = 'Tidal ferry opens in Port Arvel after six-year wait'
const requests: string[] = []
let site: Server
let siteOrigin = ''
/** Responses of /trickle still open, ended when the test is over. */
const trickling = new Set<() => void>()

function page(): string {
  return readFileSync(join(ROOT, 'tests/fixtures/import/news-page.html'), 'utf8')
    .replaceAll('https://tracker.invalid/', `${siteOrigin}/tracker/`)
    .replace('<head>', '<head>\n  <link rel="canonical" href="/news/tidal-ferry">')
}

async function call<T>(app: TestApp, channel: string, ...args: unknown[]): Promise<T> {
  const result = (await app.listeners.get(channel)!({ senderFrame: { url: `${app.origin}/index.html` } }, ...args)) as IpcResult<T>
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

async function answer(win: AppPage, option: string): Promise<void> {
  await win.page.getByRole('group', { name: 'Answer options' }).getByRole('button').filter({ hasText: option }).first().click()
}

describe('add from link and export questions, in real Chromium', () => {
  let app: TestApp
  const out = mkdtempSync(join(tmpdir(), 'newsquiz-links-e2e-'))

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true })
    site = createServer((req, res) => {
      const path = req.url ?? '/'
      requests.push(path)
      if (path.startsWith('/news/tidal-ferry')) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'set-cookie': 'reader=1' })
        return void res.end(page())
      }
      if (path === '/trickle') {
        // A slow page: a kilobyte every 200 ms of an announced 200 kB, so the dialog shows its progress.
        res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(200 * 1024) })
        const timer = setInterval(() => res.write(Buffer.alloc(1024, 'a')), 200)
        const stop = (): void => {
          clearInterval(timer)
          res.destroy()
        }
        trickling.add(stop)
        res.on('close', () => {
          clearInterval(timer)
          trickling.delete(stop)
        })
        return
      }
      res.writeHead(404, { 'content-type': 'text/html' })
      res.end('<h1>Not here</h1>')
    })
    await new Promise<void>((ok) => site.listen(0, '127.0.0.1', ok))
    siteOrigin = `http://127.0.0.1:${(site.address() as { port: number }).port}`
    // The slow page below takes longer than the 20 s limit; the screenshots and checks of its progress must not race it.
    app = await new TestApp({ linkTimeoutMs: 180_000 }).start()
  })
  afterAll(async () => {
    for (const stop of trickling) stop()
    await app?.close()
    site.closeAllConnections()
    await new Promise<void>((ok) => site.close(() => ok()))
    rmSync(out, { recursive: true, force: true })
  })

  it('saves a page from a link, reads it offline with a link to the original, takes its quiz and exports it to Anki', async () => {
    const win = await app.launch()
    const browserRequests: string[] = []
    win.page.on('request', (r) => browserRequests.push(r.url()))
    await win.page.locator('[data-question-id]').waitFor()
    await win.page.getByRole('button', { name: /^Library/ }).click()

    // The dialog: from the library's button.
    await win.page.getByRole('button', { name: 'Add from link…' }).click()
    const dialog = win.page.getByRole('dialog', { name: 'Add an article from a link' })
    const input = dialog.getByRole('textbox', { name: 'Link to the article' })
    await expect(input.evaluate((el) => el === document.activeElement)).resolves.toBe(true)
    await win.screenshot('link-dialog-light-1280')
    expect(await seriousViolations(win.page), 'link dialog').toEqual([])

    // A link that leads nowhere says so in the dialog, which stays open to fix the link.
    await input.fill(`${siteOrigin}/gone`)
    await input.press('Enter')
    await expect(dialog.getByRole('alert').innerText()).resolves.toBe('The site says this page does not exist (404). Check the link. Nothing was imported.')
    await win.screenshot('link-dialog-error-light-1280')

    // A slow page shows its progress, and Cancel stops it.
    await input.fill(`${siteOrigin}/trickle`)
    await dialog.getByRole('button', { name: 'Save article' }).click()
    await dialog.getByText(/^Downloading the page: \d+(\.\d)? KB of 200 KB$/).waitFor()
    await win.screenshot('link-dialog-progress-light-1280')
    expect(await seriousViolations(win.page), 'link dialog downloading').toEqual([])
    await dialog.getByRole('button', { name: 'Cancel download' }).click()
    await win.page.getByText('The download was cancelled. Nothing was imported.').waitFor()
    await expect(dialog.isVisible()).resolves.toBe(false)

    // The real page, through the menu's Ctrl+L.
    await win.menu('add-link')
    await input.fill(`${siteOrigin}/news/tidal-ferry?utm_source=newsletter`)
    await dialog.getByRole('button', { name: 'Save article' }).click()
    await win.page.getByText(new RegExp(`^Saved “${TITLE}” for offline study, with \\d+ questions?\\.$`)).waitFor()
    const reader = win.page.locator('article')
    await expect(reader.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(TITLE)
    await expect(reader.innerText()).resolves.toMatch(/By Mara Lindqvist/)
    expect(await reader.innerText()).not.toMatch(/HACKED|INJECTED|WIPED|tracker/)
    await reader.getByRole('link', { name: 'Original article' }).click()
    expect(app.externalOpened).toEqual([`${siteOrigin}/news/tidal-ferry`])
    await win.screenshot('link-reader-light-1280', true)

    // Only the page was fetched, once, by main; the browser fetched nothing but the app itself.
    expect(requests.filter((r) => r.startsWith('/news/'))).toEqual(['/news/tidal-ferry?utm_source=newsletter'])
    expect(requests.filter((r) => r.startsWith('/tracker/'))).toEqual([])
    expect(browserRequests.filter((u) => !u.startsWith(app.origin))).toEqual([])

    // Take its quiz: the first question wrong, the rest right, to the end of the round.
    const ferry = (await call<ArticleSummary[]>(app, 'library:list')).find((a) => a.title === TITLE)!
    const questions: Question[] = (await call<StudyArticle>(app, 'article:get', ferry.id)).questions
    let first = true
    for (let i = 0; i < 60; i++) {
      const card = win.page.locator('[data-question-id]')
      if ((await card.count()) === 0) break
      const id = await card.getAttribute('data-question-id')
      const q = questions.find((x) => x.id === id)!
      await answer(win, first ? q.options.find((o) => o !== q.answer)! : q.answer)
      first = false
      await win.page.getByRole('button', { name: /Next question|See results/ }).click()
    }
    await win.page.getByRole('heading', { name: 'Quiz complete' }).waitFor()
    await expect(win.page.getByTestId('final-score').innerText()).resolves.toMatch(/^\d+ of \d+ \(\d+%\)$/)

    // The same link again (pasted, or dropped from a browser) opens the stored article; nothing is downloaded.
    await win.page.getByRole('button', { name: /^Library/ }).click()
    await win.page.getByRole('button', { name: 'Paste text…' }).click()
    await win.page.getByRole('dialog', { name: 'Paste an article' }).locator('textarea').fill(`${siteOrigin}/news/tidal-ferry`)
    await win.page.getByRole('dialog', { name: 'Paste an article' }).getByRole('button', { name: 'Import' }).click()
    await win.page.getByText(`“${TITLE}” is already in your library; it is open now.`).waitFor()
    await win.page.getByRole('button', { name: /^Library/ }).click()
    const drop = await win.page.evaluateHandle((url) => {
      const transfer = new DataTransfer()
      transfer.setData('text/uri-list', url)
      return transfer
    }, `${siteOrigin}/news/tidal-ferry#top`)
    await win.page.dispatchEvent('main', 'dragenter', { dataTransfer: drop })
    await win.page.dispatchEvent('main', 'drop', { dataTransfer: drop })
    await win.page.getByRole('heading', { level: 1, name: TITLE }).waitFor()
    expect(requests.filter((r) => r.startsWith('/news/'))).toHaveLength(1)
    expect((await call<ArticleSummary[]>(app, 'library:list')).filter((a) => a.title === TITLE)).toHaveLength(1)

    // Export the missed question to Anki.
    await win.page.getByRole('button', { name: /^Library/ }).click()
    await win.page.getByRole('button', { name: 'Export questions…' }).click()
    const exporting = win.page.getByRole('dialog', { name: 'Export questions' })
    await exporting.getByText('The questions I missed (1 question)').waitFor()
    await win.screenshot('export-dialog-light-1280')
    expect(await seriousViolations(win.page), 'export dialog').toEqual([])
    await exporting.getByRole('radio', { name: /The questions I missed/ }).check()
    app.exportAnswer = join(out, 'missed.apkg')
    await exporting.getByRole('button', { name: 'Export…' }).click()
    await win.page.getByText(`Exported 1 question to ${app.exportAnswer}.`).waitFor()
    const files = unzipSync(new Uint8Array(readFileSync(app.exportAnswer)))
    const SQL = await initSqlJs()
    const db = new SQL.Database(files['collection.anki2']!)
    const [fields] = db.exec('SELECT flds FROM notes')[0]!.values[0]! as [string]
    const missed = questions.find((q) => fields.startsWith(q.prompt.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')))
    expect(missed).toBeDefined()
    expect(fields.split('\x1f').slice(4)).toEqual([TITLE, `${siteOrigin}/news/tidal-ferry`])
    expect(strFromU8(files['media']!)).toBe('{}')
    db.close()

    // This article as tab-separated text.
    await win.menu('export-questions')
    await exporting.getByRole('radio', { name: /This article/ }).check()
    await exporting.getByRole('radio', { name: /Tab-separated text/ }).check()
    app.exportAnswer = join(out, 'ferry.tsv')
    await exporting.getByRole('button', { name: 'Export…' }).click()
    await win.page.getByText(`Exported ${questions.length} question${questions.length === 1 ? '' : 's'} to ${app.exportAnswer}.`).waitFor()
    expect(existsSync(app.exportAnswer)).toBe(true)
    expect(readFileSync(app.exportAnswer, 'utf8').trim().split('\n')).toHaveLength(questions.length)
    expect(win.errors).toEqual([])
    await win.close()
  }, 420_000)

  it('looks right in dark and at 700 px', async () => {
    for (const [scheme, width] of [['dark', 1280], ['dark', 700], ['light', 700]] as const) {
      const win = await app.launch({ colorScheme: scheme, width })
      await win.page.locator('[data-question-id]').waitFor()
      await win.page.getByRole('button', { name: /^Library/ }).click()
      await win.screenshot(`link-library-${scheme}-${width}`)
      await win.menu('add-link')
      const dialog = win.page.getByRole('dialog', { name: 'Add an article from a link' })
      await dialog.getByRole('textbox', { name: 'Link to the article' }).fill(`${siteOrigin}/trickle`)
      await dialog.getByRole('button', { name: 'Save article' }).click()
      await dialog.getByText(/^Downloading the page: /).waitFor()
      await win.screenshot(`link-dialog-progress-${scheme}-${width}`)
      expect(await seriousViolations(win.page), `link dialog ${scheme} ${width}`).toEqual([])
      await dialog.getByRole('button', { name: 'Cancel download' }).click()
      await win.page.getByText('The download was cancelled. Nothing was imported.').waitFor()
      await win.menu('export-questions')
      await win.page.getByRole('dialog', { name: 'Export questions' }).getByText(/The questions I missed \(/).waitFor()
      await win.screenshot(`export-dialog-${scheme}-${width}`)
      expect(await seriousViolations(win.page), `export dialog ${scheme} ${width}`).toEqual([])
      await win.page.keyboard.press('Escape')
      await win.page.getByRole('dialog', { name: 'Export questions' }).waitFor({ state: 'hidden' })
      expect(win.errors).toEqual([])
      await win.close()
    }
  }, 420_000)
})
