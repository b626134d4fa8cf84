import * as v from 'valibot'
import type { Article } from './model'

/**
 * The app's own article file format (`newsquiz-article@1`), documented in content/README.md.
 * Body blocks keep headings inline where an author writes them; `fromContentFile` turns them into the
 * model's separate paragraph and heading lists.
 */
export const CONTENT_FORMAT = 'newsquiz-article@1'

const nonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1))

export const ContentFileSchema = v.strictObject({
  format: v.literal(CONTENT_FORMAT),
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{2,80}$/, 'id must be lowercase letters, digits and dashes')),
  title: nonEmpty,
  date: v.nullable(
    v.pipe(
      v.string(),
      v.isoDate(),
      v.check((d) => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'date is not a real calendar date')
    )
  ),
  dateLabel: v.nullable(v.string()),
  source: v.nullable(v.string()),
  byline: v.optional(v.nullable(v.string()), null),
  credits: v.array(nonEmpty),
  body: v.pipe(
    v.array(v.union([v.strictObject({ paragraph: nonEmpty }), v.strictObject({ heading: nonEmpty })])),
    v.check((b) => b.some((x) => 'paragraph' in x), 'body needs at least one paragraph')
  ),
  licence: v.nullable(
    v.strictObject({ credit: nonEmpty, name: v.nullable(v.string()), url: v.nullable(v.pipe(v.string(), v.url())) })
  )
})

export type ContentFile = v.InferOutput<typeof ContentFileSchema>

/** Turns a validated content file into the article model. */
export function fromContentFile(file: ContentFile): Article {
  const paragraphs: string[] = []
  const headings: Article['headings'] = []
  for (const block of file.body) {
    if ('paragraph' in block) paragraphs.push(block.paragraph)
    else headings.push({ before: paragraphs.length, text: block.heading })
  }
  return {
    id: file.id,
    title: file.title,
    date: file.date,
    dateLabel: file.dateLabel,
    source: file.source,
    byline: file.byline ?? null,
    credits: [...file.credits],
    paragraphs,
    headings: headings.filter((h) => h.before < paragraphs.length),
    licence: file.licence
  }
}

/** Validates unknown JSON as a content file; the message names the first problem and where it is. */
export function readContentFile(json: unknown): { ok: true; file: ContentFile } | { ok: false; message: string } {
  const result = v.safeParse(ContentFileSchema, json)
  if (result.success) return { ok: true, file: result.output }
  const issue = result.issues[0]
  const path = issue ? v.getDotPath(issue) : null
  return { ok: false, message: `${path ? `${path}: ` : ''}${issue?.message ?? 'invalid article file'}` }
}
