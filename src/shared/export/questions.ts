import { stableHash } from '../hash'
import type { Question } from '../quiz/model'

/**
 * Questions as other study tools take them: Anki notes (one per question) and tab-separated text. Pure: the
 * Anki package itself (SQLite and zip) is written in main (src/main/export/apkg.ts).
 */

/** One question to export, with the article it comes from. */
export interface ExportQuestion {
  articleId: string
  articleTitle: string
  /** The article's original on the web, when known. */
  articleUrl: string | null
  question: Question
}

/** The fields of the app's Anki note type, in order. The front shows the first two; the back adds the rest. */
export const ANKI_FIELDS = ['Question', 'Options', 'Answer', 'Evidence', 'Article', 'Link'] as const

/** One Anki note: ids that stay the same for the same question, so a re-import updates it instead of adding one. */
export interface AnkiNote {
  /** Anki note id (an integer); derived from the article and question ids. */
  id: number
  /** Anki's global id, which its importer matches notes by; derived like `id`. */
  guid: string
  /** HTML, in ANKI_FIELDS order. */
  fields: string[]
  /** Anki tags: no spaces in a tag. */
  tags: string[]
}

/** Escapes text for an Anki field (which Anki shows as HTML). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

// Anki's own note ids are creation times in milliseconds (about 1.7e12 now); ids from a 43-bit hash above 1e12
// look alike, stay safe integers, and are the same on every export of the same question.
const NOTE_ID_BASE = 1_000_000_000_000
const NOTE_ID_SPAN = 2 ** 43

/** The Anki note id of a question of an article: stable across exports, app runs and machines. */
export function ankiNoteId(articleId: string, questionId: string): number {
  const n = parseInt(stableHash(`${articleId}\u0000${questionId}`, 0x4e51), 16)
  return NOTE_ID_BASE + (n % NOTE_ID_SPAN)
}

/** The Anki guid of a question of an article (what Anki's importer matches on): stable like `ankiNoteId`. */
export function ankiGuid(articleId: string, questionId: string): string {
  return `nq${stableHash(`${articleId}\u0000${questionId}`, 0x6775)}${stableHash(`${questionId}\u0000${articleId}`, 0x6964)}`
}

/** A tag naming an article: its title in lowercase words joined by dashes, at most 60 characters. */
export function articleTag(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
  return `news-quiz::article::${slug || 'untitled'}`
}

/** The tag naming a question's kind. */
export function kindTag(kind: Question['kind']): string {
  return `news-quiz::kind::${kind}`
}

/** The Anki note of one question: front = question and options; back = answer, evidence, article title and link. */
export function ankiNote(item: ExportQuestion): AnkiNote {
  const q = item.question
  const options = `<ol class="options">${q.options.map((o) => `<li>${escapeHtml(o)}</li>`).join('')}</ol>`
  return {
    id: ankiNoteId(item.articleId, q.id),
    guid: ankiGuid(item.articleId, q.id),
    fields: [escapeHtml(q.prompt), options, escapeHtml(q.answer), escapeHtml(q.evidence.text), escapeHtml(item.articleTitle), item.articleUrl ? escapeHtml(item.articleUrl) : ''],
    tags: ['news-quiz', articleTag(item.articleTitle), kindTag(q.kind)]
  }
}

function cell(text: string): string {
  // A tab or line break inside a cell would start a new column or row.
  return text.replace(/[\t\r\n]+/g, ' ').trim()
}

/**
 * Tab-separated text, one question a line: the question (with its options), the answer, the evidence sentence.
 * Quizlet, Anki's text import and spreadsheets all read it.
 */
export function toTsv(items: readonly ExportQuestion[]): string {
  return items
    .map(({ question: q }) => [`${q.prompt} (${q.options.join(' / ')})`, q.answer, q.evidence.text].map(cell).join('\t'))
    .map((line) => `${line}\n`)
    .join('')
}
