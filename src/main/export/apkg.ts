import { createHash } from 'node:crypto'
import { ANKI_FIELDS, type AnkiNote } from '@shared/export/questions'

/*
 * An Anki deck package (.apkg): a zip holding `collection.anki2`, an SQLite database in Anki's schema 11 (the
 * format every Anki since 2.1 imports, AnkiDroid and AnkiMobile too), and `media`, a JSON map of media files (none
 * here). SQLite is sql.js (SQLite compiled to WebAssembly: no native module to rebuild for Electron), zip is fflate.
 *
 * Ids are fixed: the note type and deck have constant ids, each note's id and guid come from its article and
 * question (see ankiNote), so importing a later export updates the same notes (Anki matches notes by guid and
 * takes the newer `mod`) instead of adding copies, and a card keeps its review history.
 */

/** The app's note type id in Anki: constant, so every export uses the same note type. */
export const ANKI_MODEL_ID = 1_732_780_800_001
/** The deck the notes go to. */
export const ANKI_DECK_ID = 1_732_780_800_002
export const ANKI_DECK_NAME = 'News Quiz'
export const ANKI_MODEL_NAME = 'News Quiz question'

const SCHEMA = `
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null,
  dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null,
  dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null,
  tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null,
  usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null,
  factor integer not null, reps integer not null, lapses integer not null, left integer not null, odue integer not null,
  odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null,
  lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);
`

const CSS = `.card { font-family: Georgia, serif; font-size: 20px; text-align: left; color: black; background-color: white; max-width: 40em; margin: 0 auto; }
.options { margin: .5em 0; }
.answer { font-weight: bold; }
.evidence { margin: .75em 0; padding-left: .75em; border-left: 3px solid #999; font-style: italic; }
.article { font-size: .8em; color: #555; }
.nightMode .article { color: #aaa; }`

const FRONT = '<div class="question">{{Question}}</div>{{Options}}'
const BACK =
  '{{FrontSide}}<hr id="answer"><div class="answer">{{Answer}}</div><blockquote class="evidence">{{Evidence}}</blockquote>' +
  '<div class="article">{{#Link}}<a href="{{Link}}">{{Article}}</a>{{/Link}}{{^Link}}{{Article}}{{/Link}}</div>'

function noteType(nowSeconds: number): Record<string, unknown> {
  return {
    id: ANKI_MODEL_ID,
    name: ANKI_MODEL_NAME,
    type: 0,
    mod: nowSeconds,
    usn: -1,
    sortf: 0,
    did: ANKI_DECK_ID,
    tmpls: [{ name: 'Question', ord: 0, qfmt: FRONT, afmt: BACK, did: null, bqfmt: '', bafmt: '' }],
    flds: ANKI_FIELDS.map((name, ord) => ({ name, ord, sticky: false, rtl: false, font: 'Arial', size: 20, media: [] })),
    css: CSS,
    latexPre: '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n',
    latexPost: '\\end{document}',
    latexsvg: false,
    tags: [],
    vers: [],
    req: [[0, 'any', [0]]]
  }
}

function deck(id: number, name: string, nowSeconds: number): Record<string, unknown> {
  return {
    id,
    name,
    mod: nowSeconds,
    usn: -1,
    lrnToday: [0, 0],
    revToday: [0, 0],
    newToday: [0, 0],
    timeToday: [0, 0],
    collapsed: false,
    browserCollapsed: false,
    desc: '',
    dyn: 0,
    conf: 1,
    extendNew: 0,
    extendRev: 0
  }
}

const DECK_CONFIG = {
  1: {
    id: 1,
    name: 'Default',
    mod: 0,
    usn: 0,
    maxTaken: 60,
    autoplay: true,
    timer: 0,
    replayq: true,
    dyn: false,
    new: { bury: false, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 0], order: 1, perDay: 20 },
    lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
    rev: { bury: false, ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 200, hardFactor: 1.2 }
  }
}

/** Anki's sort field: the first field as text, without HTML. */
function sortField(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Anki's duplicate-check sum: the first 8 hex digits of the SHA-1 of the sort field, as an integer. */
export function fieldChecksum(html: string): number {
  return parseInt(createHash('sha1').update(sortField(html), 'utf8').digest('hex').slice(0, 8), 16)
}

/**
 * Writes the .apkg bytes for `notes` (one card each, in the given order) at `now`. `mod` is `now`, so a later
 * export's notes are newer than the ones Anki already has, and replace them.
 */
export async function buildApkg(notes: readonly AnkiNote[], now: Date): Promise<Uint8Array> {
  // Loaded on first export only: the app starts without SQLite's WebAssembly.
  const [{ default: initSqlJs }, { zipSync, strToU8 }] = await Promise.all([import('sql.js'), import('fflate')])
  const SQL = await initSqlJs()
  const db = new SQL.Database()
  try {
    const nowMs = now.getTime()
    const nowSeconds = Math.floor(nowMs / 1000)
    db.run(SCHEMA)
    const conf = { nextPos: notes.length + 1, estTimes: true, activeDecks: [ANKI_DECK_ID], sortType: 'noteFld', timeLim: 0, sortBackwards: false, addToCur: true, curDeck: ANKI_DECK_ID, newBury: true, newSpread: 0, dueCounts: true, curModel: ANKI_MODEL_ID, collapseTime: 1200 }
    const decks = { 1: deck(1, 'Default', nowSeconds), [ANKI_DECK_ID]: deck(ANKI_DECK_ID, ANKI_DECK_NAME, nowSeconds) }
    db.run('INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, ?)', [
      Math.floor(nowSeconds / 86400) * 86400,
      nowMs,
      nowMs,
      JSON.stringify(conf),
      JSON.stringify({ [ANKI_MODEL_ID]: noteType(nowSeconds) }),
      JSON.stringify(decks),
      JSON.stringify(DECK_CONFIG),
      '{}'
    ])
    const insertNote = db.prepare('INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, \'\')')
    const insertCard = db.prepare('INSERT INTO cards VALUES (?, ?, ?, 0, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, \'\')')
    try {
      notes.forEach((note, i) => {
        const first = note.fields[0] ?? ''
        insertNote.run([note.id, note.guid, ANKI_MODEL_ID, nowSeconds, ` ${note.tags.join(' ')} `, note.fields.join('\x1f'), sortField(first), fieldChecksum(first)])
        // One card per note; its id follows the note's, so it is stable too.
        insertCard.run([note.id, note.id, ANKI_DECK_ID, nowSeconds, i + 1])
      })
    } finally {
      insertNote.free()
      insertCard.free()
    }
    const collection = db.export()
    return zipSync({ 'collection.anki2': collection, media: strToU8('{}') }, { level: 6 })
  } finally {
    db.close()
  }
}
