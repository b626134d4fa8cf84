import { describe, expect, it } from 'vitest'
import type { BackupArticle } from '../../../src/shared/progress/backup'
import type { ArticleSummary, ImportOutcome, StudyArticle } from '../../../src/shared/ipc/contract'
import { FakeMain, fixtureBytes, tempDir } from './support'

describe('articles in a backup (library:export, library:restore)', () => {
  it('exports the imported articles and restores them losslessly on a new machine; a second restore adds nothing', { timeout: 120_000 }, async () => {
    const old = new FakeMain(tempDir(), { now: () => new Date('2026-11-28T10:00:00Z') })
    const a = await old.value<ImportOutcome>('library:import-file', { name: 'news-page.html', bytes: fixtureBytes('news-page.html') })
    const b = await old.value<ImportOutcome>('library:import-file', { name: 'night-trains.md', bytes: fixtureBytes('night-trains.md') })
    const exported = await old.value<BackupArticle[]>('library:export')
    // Both were added at the same moment, so their order in the backup is not the order of import.
    const byId = (rows: string[][]): string[][] => [...rows].sort((x, y) => x[0]!.localeCompare(y[0]!))
    expect(byId(exported.map((e) => [e.file.id, e.origin!, e.format, e.addedAt]))).toEqual(
      byId([
        [a.summary.id, 'news-page.html', 'html', '2026-11-28T10:00:00.000Z'],
        [b.summary.id, 'night-trains.md', 'markdown', '2026-11-28T10:00:00.000Z']
      ])
    )

    // Through JSON, as in the backup file.
    const fresh = new FakeMain(tempDir())
    const entries = JSON.parse(JSON.stringify(exported)) as BackupArticle[]
    expect(await fresh.value('library:restore', entries)).toEqual({ added: 2, existing: 0 })
    expect(await fresh.value('library:restore', entries)).toEqual({ added: 0, existing: 2 })
    const strip = (s: ArticleSummary): ArticleSummary => ({ ...s, lastOpenedAt: null })
    const before = (await old.value<ArticleSummary[]>('library:list')).map(strip)
    const after = (await fresh.value<ArticleSummary[]>('library:list')).map(strip)
    expect(after).toEqual(before)
    const oldStudy = await old.value<StudyArticle>('article:get', a.summary.id)
    const newStudy = await fresh.value<StudyArticle>('article:get', a.summary.id)
    expect(newStudy.article).toEqual(oldStudy.article)
    // Same article, same generator: the same question ids, so restored progress attaches to them.
    expect(newStudy.questions.map((q) => q.id)).toEqual(oldStudy.questions.map((q) => q.id))
    expect(await fresh.value<BackupArticle[]>('library:export')).toEqual(exported)
  })

  it('refuses a malformed article at the boundary, storing nothing', { timeout: 60_000 }, async () => {
    const main = new FakeMain(tempDir())
    const bad = [{ file: { format: 'newsquiz-article@1', id: '../etc', title: 'x', date: null, dateLabel: null, source: null, credits: [], body: [{ paragraph: 'p' }], licence: null }, addedAt: '2026-11-28T10:00:00Z', origin: null, format: 'text' }]
    expect(await main.call('library:restore', bad)).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect((await main.value<ArticleSummary[]>('library:list')).every((s) => s.bundled)).toBe(true)
  })
})
