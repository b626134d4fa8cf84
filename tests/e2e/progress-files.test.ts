import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ARTIFACTS, TestApp } from '../support/app-harness'

describe('export and import of progress through the main-process dialogs (real Chromium)', () => {
  let app: TestApp
  const dir = mkdtempSync(join(tmpdir(), 'newsquiz-export-'))
  const exportPath = join(dir, 'progress.json')

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true })
    app = await new TestApp().start()
  })
  afterAll(async () => {
    await app?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('exports, then restores the same progress into a fresh profile; a foreign file changes nothing', async () => {
    // Answer one question wrong so there is something to review.
    const first = await app.launch()
    await first.page.locator('[data-question-id]').waitFor()
    // A wrong option of the question shown, read from the quiz main serves, so the answer is missed for sure.
    const questionId = await first.page.locator('[data-question-id]').getAttribute('data-question-id')
    const wrongOption = await first.page.evaluate(
      async ([articleId, qid]) => {
        type Study = { ok: boolean; value: { questions: { id: string; answer: string; options: string[] }[] } }
        const api = (window as unknown as { api: { getArticle(id: string): Promise<Study> } }).api
        const q = (await api.getArticle(articleId)).value.questions.find((x) => x.id === qid)
        return q?.options.find((o) => o !== q.answer) ?? null
      },
      ['trump-putin-first-phone-call-2016', questionId] as const
    )
    expect(wrongOption).toBeTruthy()
    await first.page.getByRole('group', { name: 'Answer options' }).getByText(wrongOption!, { exact: true }).click()
    await first.page.locator('.feedback.bad').waitFor()
    app.dialogAnswers.save = exportPath
    await first.menu('export-progress')
    await first.page.getByText(`Backup saved to ${exportPath} (0 added articles and all your progress).`).waitFor()
    const exported = JSON.parse(readFileSync(exportPath, 'utf8')) as { format: string; attempts: unknown[]; reviews: unknown[] }
    expect(exported.format).toBe('newsquiz-progress')
    expect(exported.attempts).toHaveLength(1)
    await first.close()

    // A fresh browser profile has no progress; a foreign JSON file is refused with a message.
    const second = await app.launch()
    await second.page.locator('[data-question-id]').waitFor()
    await expect(second.page.getByText(/0 answered/).count()).resolves.toBe(1)
    const foreign = join(dir, 'foreign.json')
    writeFileSync(foreign, JSON.stringify({ name: 'some-package', version: '1.0.0' }))
    app.dialogAnswers.open = foreign
    await second.menu('import-progress')
    await second.page.getByRole('alert').waitFor()
    expect(await second.page.getByRole('alert').innerText()).toMatch(/not a News Quiz progress file|not a progress file|Nothing was changed/i)
    await expect(second.page.getByText(/0 answered/).count()).resolves.toBe(1)

    // The real export restores the answer.
    app.dialogAnswers.open = exportPath
    await second.menu('import-progress')
    await second.page.getByText(/Progress imported: 1 answers/).waitFor()
    await second.page.getByText(/1 answered/).waitFor()
    await second.page.getByRole('button', { name: /^Statistics/ }).click()
    await second.page.getByRole('heading', { name: 'Accuracy over time' }).waitFor()
    await expect(second.page.locator('.tile .big').first().innerText()).resolves.toBe('1')
    await expect(second.page.getByTestId('streak').innerText()).resolves.toBe('1')
    // The missed answer came back with the import: it is due for review.
    await expect(second.page.getByTestId('due-badge').innerText()).resolves.toBe('1')

    // Reset this article's progress, after a confirmation.
    await second.page.getByRole('button', { name: /^Read & quiz/ }).click()
    await second.page.getByRole('button', { name: 'Reset…' }).click()
    const confirm = second.page.getByRole('dialog', { name: 'Reset progress for this article?' })
    await confirm.getByRole('button', { name: 'Cancel' }).click()
    await expect(second.page.getByText(/1 answered/).count()).resolves.toBe(1)
    await second.page.getByRole('button', { name: 'Reset…' }).click()
    await confirm.getByRole('button', { name: 'Reset progress' }).click()
    await second.page.getByText(/0 answered/).waitFor()
    await expect.poll(() => second.page.getByTestId('due-badge').count()).toBe(0)
    expect([...first.errors, ...second.errors]).toEqual([])
    await second.close()
  })
})
