import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import initSqlJs, { type Database } from 'sql.js'
import { describe, expect, it } from 'vitest'
import { ANKI_DECK_ID, ANKI_MODEL_ID, fieldChecksum } from '../../../src/main/export/apkg'
import { ANKI_FIELDS, ankiGuid, ankiNoteId, articleTag, escapeHtml } from '../../../src/shared/export/questions'
import type { ArticleSummary, ImportOutcome, StudyArticle } from '../../../src/shared/ipc/contract'
import type { Question } from '../../../src/shared/quiz/model'
import { FakeMain, FIXTURES, tempDir } from '../import/support'

const SEED_ID = 'trump-putin-first-phone-call-2016'

/** A FakeMain whose save dialog answers with the next path of `paths` (null = cancelled), at a settable time. */
function exporter(paths: (string | null)[], clock = { now: new Date('2026-11-28T10:00:00Z') }) {
  const asked: { title: string; defaultName: string; format: string }[] = []
  const main = new FakeMain(tempDir(), {
    now: () => clock.now,
    exportDialog: {
      save: async (options) => {
        asked.push(options)
        return paths.shift() ?? null
      }
    }
  })
  return { main, asked, clock }
}

interface NoteRow {
  id: number
  guid: string
  mid: number
  mod: number
  tags: string
  flds: string
  sfld: string
  csum: number
}

async function openApkg(path: string): Promise<{ db: Database; media: string }> {
  const files = unzipSync(new Uint8Array(readFileSync(path)))
  expect(Object.keys(files).sort()).toEqual(['collection.anki2', 'media'])
  const SQL = await initSqlJs()
  return { db: new SQL.Database(files['collection.anki2']!), media: strFromU8(files['media']!) }
}

function rows<T>(db: Database, sql: string): T[] {
  const result = db.exec(sql)[0]
  if (!result) return []
  return result.values.map((v) => Object.fromEntries(result.columns.map((c, i) => [c, v[i]])) as T)
}

function expectedFields(q: Question, title: string, link: string | null): string[] {
  return [
    escapeHtml(q.prompt),
    `<ol class="options">${q.options.map((o) => `<li>${escapeHtml(o)}</li>`).join('')}</ol>`,
    escapeHtml(q.answer),
    escapeHtml(q.evidence.text),
    escapeHtml(title),
    link ? escapeHtml(link) : ''
  ]
}

describe('export questions to Anki', () => {
  it('writes one note per question of an article, with its front, back, tags and stable ids, read back through sql.js', async () => {
    const dir = tempDir('newsquiz-export-')
    const path = join(dir, 'seed.apkg')
    const { main, asked } = exporter([path])
    const study = await main.value<StudyArticle>('article:get', SEED_ID)
    const result = await main.value<{ saved: boolean; path: string; count: number }>('questions:export', { format: 'apkg', scope: { kind: 'article', id: SEED_ID } })
    expect(result).toEqual({ saved: true, path, count: study.questions.length })
    expect(asked).toEqual([{ title: 'Export questions as an Anki deck', defaultName: 'news-quiz-trump-and-putin-vow-to-channel-us-russia-ties-in.apkg', format: 'apkg' }])

    const { db, media } = await openApkg(path)
    expect(media).toBe('{}')
    const notes = rows<NoteRow>(db, 'SELECT n.id, n.guid, n.mid, n.mod, n.tags, n.flds, n.sfld, n.csum FROM notes n JOIN cards c ON c.nid = n.id ORDER BY c.due')
    expect(notes).toHaveLength(study.questions.length)
    notes.forEach((note, i) => {
      const q = study.questions[i]!
      const fields = expectedFields(q, study.article.title, study.article.licence?.url ?? null)
      expect(note.flds.split('\x1f')).toEqual(fields)
      expect(note.id).toBe(ankiNoteId(SEED_ID, q.id))
      expect(note.guid).toBe(ankiGuid(SEED_ID, q.id))
      expect(note.mid).toBe(ANKI_MODEL_ID)
      expect(note.mod).toBe(Date.parse('2026-11-28T10:00:00Z') / 1000)
      expect(note.tags.trim().split(' ')).toEqual(['news-quiz', articleTag(study.article.title), `news-quiz::kind::${q.kind}`])
      expect(note.tags.startsWith(' ') && note.tags.endsWith(' ')).toBe(true)
      expect(note.csum).toBe(fieldChecksum(fields[0]!))
      expect(note.sfld).toBe(q.prompt)
    })
    expect(new Set(notes.map((n) => n.id)).size).toBe(notes.length)
    // The article tag is the title's words, lowercased and joined by dashes (Anki tags have no spaces).
    expect(articleTag(study.article.title)).toMatch(/^news-quiz::article::[a-z0-9]+(?:-[a-z0-9]+)*$/)
    expect(articleTag('Café “owners” win: 3–2!')).toBe('news-quiz::article::cafe-owners-win-3-2')

    // One new card per note, in the app's deck.
    const cards = rows<{ id: number; nid: number; did: number; ord: number; type: number; queue: number; due: number }>(db, 'SELECT id, nid, did, ord, type, queue, due FROM cards ORDER BY due')
    expect(cards.map((c) => c.nid)).toEqual(notes.map((n) => n.id))
    expect(cards.every((c) => c.did === ANKI_DECK_ID && c.ord === 0 && c.type === 0 && c.queue === 0)).toBe(true)

    // The collection names the note type (its six fields, front and back templates) and the deck.
    const col = rows<{ ver: number; models: string; decks: string; dconf: string; conf: string }>(db, 'SELECT ver, models, decks, dconf, conf FROM col')
    expect(col).toHaveLength(1)
    expect(col[0]!.ver).toBe(11)
    const model = JSON.parse(col[0]!.models)[String(ANKI_MODEL_ID)]
    expect(model.flds.map((f: { name: string }) => f.name)).toEqual([...ANKI_FIELDS])
    expect(model.tmpls[0].qfmt).toMatch(/\{\{Question\}\}.*\{\{Options\}\}/)
    expect(model.tmpls[0].afmt).toMatch(/\{\{Answer\}\}.*\{\{Evidence\}\}.*\{\{Article\}\}/)
    expect(JSON.parse(col[0]!.decks)[String(ANKI_DECK_ID)].name).toBe('News Quiz')
    expect(db.exec("PRAGMA integrity_check")[0]!.values).toEqual([['ok']])
    db.close()
  }, 60_000)

  it('keeps note ids and guids on a second export, with a newer modification time, so Anki updates the same notes', async () => {
    const dir = tempDir('newsquiz-export-')
    const { main, clock } = exporter([join(dir, 'a.apkg'), join(dir, 'b.apkg')])
    await main.value('questions:export', { format: 'apkg', scope: { kind: 'article', id: SEED_ID } })
    clock.now = new Date('2026-12-05T09:00:00Z')
    await main.value('questions:export', { format: 'apkg', scope: { kind: 'article', id: SEED_ID } })
    const a = rows<NoteRow>((await openApkg(join(dir, 'a.apkg'))).db, 'SELECT id, guid, mod FROM notes ORDER BY id')
    const b = rows<NoteRow>((await openApkg(join(dir, 'b.apkg'))).db, 'SELECT id, guid, mod FROM notes ORDER BY id')
    expect(b.map((n) => [n.id, n.guid])).toEqual(a.map((n) => [n.id, n.guid]))
    expect(b.every((n, i) => n.mod > a[i]!.mod)).toBe(true)
  }, 60_000)

  it('exports every article, and the missed questions the renderer sends with their article and link', async () => {
    const dir = tempDir('newsquiz-export-')
    const { main } = exporter([join(dir, 'all.apkg'), join(dir, 'missed.apkg')])
    const imported = await main.value<ImportOutcome>('library:import-file', { name: 'news-page.html', bytes: new Uint8Array(readFileSync(join(FIXTURES, 'news-page.html'))) })
    const list = await main.value<ArticleSummary[]>('library:list')
    const all = await main.value<{ count: number }>('questions:export', { format: 'apkg', scope: { kind: 'all' } })
    expect(all.count).toBe(list.reduce((n, a) => n + a.questionCount, 0))
    const allNotes = rows<NoteRow>((await openApkg(join(dir, 'all.apkg'))).db, 'SELECT id, tags FROM notes')
    expect(allNotes).toHaveLength(all.count)
    expect(new Set(allNotes.map((n) => n.id)).size).toBe(all.count)
    expect(new Set(allNotes.map((n) => n.tags.split(' ')[2])).size).toBe(list.length)

    // Missed questions, as the renderer holds them (snapshots with the article's title as it was).
    const ferry = await main.value<StudyArticle>('article:get', imported.summary.id)
    const seed = await main.value<StudyArticle>('article:get', SEED_ID)
    expect(ferry.questions.length).toBeGreaterThan(0)
    const items = [
      { articleId: ferry.article.id, articleTitle: 'old title', question: ferry.questions.at(-1)! },
      { articleId: SEED_ID, articleTitle: seed.article.title, question: seed.questions[0]! }
    ]
    const missed = await main.value<{ count: number }>('questions:export', { format: 'apkg', scope: { kind: 'questions', label: 'missed', items } })
    expect(missed.count).toBe(2)
    const notes = rows<NoteRow>((await openApkg(join(dir, 'missed.apkg'))).db, 'SELECT n.id, n.flds FROM notes n JOIN cards c ON c.nid = n.id ORDER BY c.due')
    expect(notes.map((n) => n.flds.split('\x1f'))).toEqual([
      expectedFields(ferry.questions.at(-1)!, ferry.article.title, null),
      expectedFields(seed.questions[0]!, seed.article.title, seed.article.licence?.url ?? null)
    ])
    expect(notes.map((n) => n.id)).toEqual([ankiNoteId(ferry.article.id, ferry.questions.at(-1)!.id), ankiNoteId(SEED_ID, seed.questions[0]!.id)])
  }, 120_000)

  it('puts the link of a saved page on the back of its cards', async () => {
    const dir = tempDir('newsquiz-export-')
    const { main } = exporter([join(dir, 'linked.apkg')])
    // An article whose content file names its original (as a saved link does).
    const study = await main.value<StudyArticle>('article:get', SEED_ID)
    const url = study.article.licence?.url
    const items = [{ articleId: SEED_ID, articleTitle: study.article.title, question: study.questions[0]! }]
    await main.value('questions:export', { format: 'apkg', scope: { kind: 'questions', label: 'missed', items } })
    const [note] = rows<NoteRow>((await openApkg(join(dir, 'linked.apkg'))).db, 'SELECT flds FROM notes')
    expect(note!.flds.split('\x1f')[5]).toBe(url ? escapeHtml(url) : '')
  }, 60_000)
})

describe('export questions as tab-separated text', () => {
  it('writes question (with options), answer and evidence, one question a line', async () => {
    const dir = tempDir('newsquiz-export-')
    const path = join(dir, 'seed.tsv')
    const { main, asked } = exporter([path])
    const study = await main.value<StudyArticle>('article:get', SEED_ID)
    await main.value('questions:export', { format: 'tsv', scope: { kind: 'article', id: SEED_ID } })
    expect(asked[0]!.defaultName).toMatch(/\.tsv$/)
    const lines = readFileSync(path, 'utf8').split('\n')
    expect(lines.at(-1)).toBe('')
    expect(lines.slice(0, -1)).toEqual(
      study.questions.map((q) => [`${q.prompt} (${q.options.join(' / ')})`, q.answer, q.evidence.text].map((c) => c.replace(/[\t\r\n]+/g, ' ').trim()).join('\t'))
    )
    expect(lines.slice(0, -1).every((l) => l.split('\t').length === 3)).toBe(true)
  }, 60_000)
})

describe('export questions: cancel and bad requests', () => {
  it('writes nothing when the dialog is cancelled', async () => {
    const { main } = exporter([null])
    expect(await main.value('questions:export', { format: 'apkg', scope: { kind: 'article', id: SEED_ID } })).toMatchObject({ saved: false, path: null })
  }, 60_000)

  it('validates the request at the boundary', async () => {
    const dir = tempDir('newsquiz-export-')
    const { main } = exporter([join(dir, 'never.apkg')])
    const bad = [
      { format: 'pdf', scope: { kind: 'all' } },
      { format: 'apkg', scope: { kind: 'article', id: '../../etc/passwd' } },
      { format: 'apkg', scope: { kind: 'questions', label: 'missed', items: [] } },
      { format: 'apkg', scope: { kind: 'questions', label: 'missed', items: [{ articleId: SEED_ID, articleTitle: 'x', question: { id: 'q' } }] } },
      { format: 'apkg', scope: { kind: 'questions', label: '../x', items: [] } },
      { format: 'apkg', scope: { kind: 'all' }, extra: true }
    ]
    for (const request of bad) expect(await main.call('questions:export', request)).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(await main.call('questions:export', { format: 'apkg', scope: { kind: 'article', id: 'not-in-the-library' } })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(existsSync(join(dir, 'never.apkg'))).toBe(false)
  })
})
