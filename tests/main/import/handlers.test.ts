import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ArticleSummary, ImportOutcome, OpenOutcome, StudyArticle } from '../../../src/shared/ipc/contract'
import { FakeMain, FIXTURES, fixtureBytes, tempDir } from './support'

const SEED_ID = 'trump-putin-first-phone-call-2016'

function clock(start = Date.parse('2026-11-28T10:00:00Z')): () => Date {
  let t = start
  return () => new Date((t += 60_000))
}

describe('import handlers (through the IPC layer)', () => {
  it('imports a dropped file, pasted text and files from File → Open, and lists them after the bundled articles', async () => {
    const main = new FakeMain(tempDir(), { now: clock() })
    const before = await main.value<ArticleSummary[]>('library:list')
    expect(before.map((a) => a.bundled)).toEqual(before.map(() => true))

    const dropped = await main.value<ImportOutcome>('library:import-file', { name: 'news-page.html', bytes: fixtureBytes('news-page.html') })
    expect(dropped).toMatchObject({ status: 'added', summary: { title: 'Tidal ferry opens in Port Arvel after six-year wait', bundled: false, source: 'The Coastal Ledger', addedAt: '2026-11-28T10:01:00.000Z', lastOpenedAt: null } })
    expect(dropped.summary.wordCount).toBeGreaterThan(200)

    const pasted = await main.value<ImportOutcome>('library:import-text', { text: readFileSync(join(FIXTURES, 'harbour-strike.txt'), 'utf8'), name: 'Pasted text' })
    expect(pasted).toMatchObject({ status: 'added', summary: { title: 'Dock workers end three-day strike at Skarport harbour' } })

    main.dialogAnswer = [join(FIXTURES, 'night-trains.md')]
    const opened = await main.value<OpenOutcome[]>('library:open')
    expect(opened).toEqual([expect.objectContaining({ status: 'added', summary: expect.objectContaining({ title: 'Night trains return to the northern line' }) })])

    const list = await main.value<ArticleSummary[]>('library:list')
    expect(list.slice(0, before.length)).toEqual(before)
    expect(list.slice(before.length).map((a) => a.title)).toEqual([
      'Tidal ferry opens in Port Arvel after six-year wait',
      'Dock workers end three-day strike at Skarport harbour',
      'Night trains return to the northern line'
    ])
  })

  it('finds a re-imported article instead of duplicating it, from any route', async () => {
    const main = new FakeMain(tempDir())
    const first = await main.value<ImportOutcome>('library:import-file', { name: 'harbour-strike.txt', bytes: fixtureBytes('harbour-strike.txt') })
    const again = await main.value<ImportOutcome>('library:import-text', { text: readFileSync(join(FIXTURES, 'harbour-strike.txt'), 'utf8') })
    expect(again).toEqual({ status: 'exists', summary: first.summary })
    main.dialogAnswer = [join(FIXTURES, 'harbour-strike.txt')]
    expect(await main.value<OpenOutcome[]>('library:open')).toEqual([{ status: 'exists', summary: first.summary }])
    const seedCopy = readFileSync(join(import.meta.dirname, '../../../content/articles/00-trump-putin-first-phone-call-2016.json'))
    const seed = await main.value<ImportOutcome>('library:import-file', { name: 'seed.json', bytes: new Uint8Array(seedCopy) })
    expect(seed).toMatchObject({ status: 'exists', summary: { id: SEED_ID, bundled: true } })
    expect((await main.value<ArticleSummary[]>('library:list')).filter((a) => !a.bundled)).toHaveLength(1)
  })

  it('reports each file of a File → Open selection, failures included, and a cancelled dialog as []', async () => {
    const main = new FakeMain(tempDir())
    expect(await main.value<OpenOutcome[]>('library:open')).toEqual([])
    main.dialogAnswer = [join(FIXTURES, 'no-article.html'), join(FIXTURES, 'harbour-strike.txt'), join(FIXTURES, 'missing.txt')]
    const outcomes = await main.value<OpenOutcome[]>('library:open')
    expect(outcomes.map((o) => o.status)).toEqual(['failed', 'added', 'failed'])
    expect(outcomes[0]).toEqual({ status: 'failed', name: 'no-article.html', error: { code: 'no-article', message: expect.stringMatching(/^There is no article on this page/) } })
    expect(outcomes[2]).toMatchObject({ status: 'failed', name: 'missing.txt', error: { code: 'io', message: expect.stringMatching(/moved or deleted/) } })
    // The name travels beside the message, so the UI can show "“name”: message" without saying it twice.
    for (const o of outcomes) if (o.status === 'failed') expect(o.error.message).not.toContain(o.name)
  })

  it('serves an imported article with its quiz and records when each article was last opened', async () => {
    const main = new FakeMain(tempDir(), { now: clock() })
    const { summary } = await main.value<ImportOutcome>('library:import-file', { name: 'night-trains.md', bytes: fixtureBytes('night-trains.md') })
    const study = await main.value<StudyArticle>('article:get', summary.id)
    expect(study.article.title).toBe('Night trains return to the northern line')
    // A quiz of the imported text: questions whose evidence is the article's own words.
    expect(study.questions.length).toBeGreaterThan(0)
    for (const q of study.questions) expect(study.article.paragraphs[q.evidence.paragraph]?.slice(q.evidence.start, q.evidence.end)).toBe(q.evidence.text)
    await main.value<StudyArticle>('article:get', SEED_ID)
    const list = await main.value<ArticleSummary[]>('library:list')
    expect(list.find((a) => a.id === summary.id)?.lastOpenedAt).toBe('2026-11-28T10:02:00.000Z')
    expect(list.find((a) => a.id === SEED_ID)?.lastOpenedAt).toBe('2026-11-28T10:03:00.000Z')
    expect(list.find((a) => a.id === summary.id)?.questionCount).toBe(study.questions.length)
  })

  it('keeps imported articles and last-opened times across a restart', async () => {
    const dir = tempDir()
    const first = new FakeMain(dir, { now: clock() })
    const html = await first.value<ImportOutcome>('library:import-file', { name: 'news-page.html', bytes: fixtureBytes('news-page.html') })
    await first.value('library:import-text', { text: readFileSync(join(FIXTURES, 'harbour-strike.txt'), 'utf8') })
    await first.value('article:get', html.summary.id)
    const listed = await first.value<ArticleSummary[]>('library:list')

    const restarted = new FakeMain(dir)
    expect(await restarted.value<ArticleSummary[]>('library:list')).toEqual(listed)
    const study = await restarted.value<StudyArticle>('article:get', html.summary.id)
    expect(study.article.byline).toBe('Mara Lindqvist')
    expect(readdirSync(join(dir, 'library/articles')).sort()).toEqual(listed.filter((a) => !a.bundled).map((a) => `${a.id}.json`).sort())
  })

  it('deletes an imported article (file and index entry), refuses bundled and unknown ones', async () => {
    const dir = tempDir()
    const main = new FakeMain(dir)
    const { summary } = await main.value<ImportOutcome>('library:import-file', { name: 'harbour-strike.txt', bytes: fixtureBytes('harbour-strike.txt') })
    await main.value('article:get', summary.id)
    expect(await main.value('library:delete', summary.id)).toEqual({ deleted: true })
    expect(existsSync(join(dir, 'library/articles', `${summary.id}.json`))).toBe(false)
    expect(readFileSync(join(dir, 'library/index.json'), 'utf8')).not.toContain(summary.id)
    expect((await main.value<ArticleSummary[]>('library:list')).some((a) => a.id === summary.id)).toBe(false)
    expect(await main.call('article:get', summary.id)).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(await main.call('library:delete', summary.id)).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(await main.call('library:delete', SEED_ID)).toEqual({ ok: false, error: { code: 'invalid-input', message: 'Articles that come with the app cannot be deleted.' } })
    // Re-importing brings it back under the same id, so progress the user kept attaches to it again.
    const back = await main.value<ImportOutcome>('library:import-file', { name: 'harbour-strike.txt', bytes: fixtureBytes('harbour-strike.txt') })
    expect(back).toMatchObject({ status: 'added', summary: { id: summary.id } })
  })

  it('searches titles and full text in main, ignoring case, accents and punctuation, without opening anything', async () => {
    const main = new FakeMain(tempDir())
    const html = await main.value<ImportOutcome>('library:import-file', { name: 'news-page.html', bytes: fixtureBytes('news-page.html') })
    const md = await main.value<ImportOutcome>('library:import-file', { name: 'night-trains.md', bytes: fixtureBytes('night-trains.md') })
    const all = (await main.value<ArticleSummary[]>('library:list')).map((a) => a.id)
    expect(await main.value<string[]>('library:search', '   ')).toEqual(all)
    // Words from deep in the body, not in any excerpt.
    expect(await main.value<string[]>('library:search', 'SEASON reyle')).toEqual([html.summary.id])
    expect(await main.value<string[]>('library:search', 'petition’s KARI')).toEqual([md.summary.id])
    expect(await main.value<string[]>('library:search', 'putin')).toEqual([SEED_ID])
    expect(await main.value<string[]>('library:search', 'halden zurich')).toEqual([])
    expect((await main.value<ArticleSummary[]>('library:list')).every((a) => a.lastOpenedAt === null)).toBe(true)
  })

  it('validates arguments at the boundary', async () => {
    const main = new FakeMain(tempDir())
    expect(await main.call('library:import-file', { name: 'a.txt', bytes: [1, 2, 3] })).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(await main.call('library:import-file', { name: 'a.txt' })).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(await main.call('library:import-file', { name: 'a.txt', bytes: new Uint8Array(1), path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(await main.call('library:import-text', { text: 42 })).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(await main.call('library:import-text')).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(await main.call('library:open', '/etc/passwd')).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(await main.call('library:delete', '../../etc/passwd')).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(await main.call('library:search', 'x'.repeat(501))).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    const listener = main.table.get('library:import-text')!
    expect(await listener({ senderFrame: { url: 'https://evil.invalid/' } }, { text: 'x' })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })

  it('imports a file from disk whose name has no known extension by sniffing it', async () => {
    const dir = tempDir()
    const path = join(dir, 'saved-page')
    copyFileSync(join(FIXTURES, 'news-page.html'), path)
    const main = new FakeMain(tempDir())
    main.dialogAnswer = [path]
    const [outcome] = await main.value<OpenOutcome[]>('library:open')
    expect(outcome).toMatchObject({ status: 'added', summary: { title: 'Tidal ferry opens in Port Arvel after six-year wait' } })
  })
})
