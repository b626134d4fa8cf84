import { MAX_IMPORT_BYTES } from '../ipc/contract'
import { looksBinary } from '../article/parse'
import { refuse, type Imported } from './errors'

/** The encodings the app reads. Anything else is refused rather than guessed. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be'

/** "5 MB", "1.2 MB": sizes as the messages show them. */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024)
  return `${mb >= 10 || Number.isInteger(mb) ? Math.round(mb) : mb.toFixed(1)} MB`
}

/** The message for input over the import limit, shared by files and pasted text. */
export function tooLargeMessage(bytes: number, what = 'This file'): string {
  return `${what} is over ${formatMegabytes(MAX_IMPORT_BYTES)} (${formatMegabytes(bytes)}); the app imports articles up to ${formatMegabytes(MAX_IMPORT_BYTES)}. Nothing was imported.`
}

// Signatures of common binary files people might drop by mistake; named so the message can say what it is.
const SIGNATURES: readonly [string, readonly number[]][] = [
  ['a PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['a ZIP archive or an Office document', [0x50, 0x4b, 0x03, 0x04]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a gzip archive', [0x1f, 0x8b]]
]

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b)
}

/**
 * Decodes a file's bytes to text: UTF-8 (with or without BOM, decoded strictly) or UTF-16 LE/BE with a BOM.
 * Refuses, with a message for the user: no bytes or only whitespace (`empty`), more than MAX_IMPORT_BYTES
 * (`too-large`), bytes that are not text (`binary`), and text in any other encoding (`unknown-encoding`), because
 * a wrong guess would import garbled text that looks like an article. Never throws.
 */
export function decodeText(bytes: Uint8Array): Imported<{ text: string; encoding: TextEncodingName }> {
  if (bytes.length === 0) return refuse('empty', 'This file is empty: there is no article to import.')
  if (bytes.length > MAX_IMPORT_BYTES) return refuse('too-large', tooLargeMessage(bytes.length))

  let text: string
  let encoding: TextEncodingName
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be'
    const decoded = decodeUtf16(bytes.subarray(2), encoding === 'utf-16be')
    if (decoded === null) return refuse('unknown-encoding', unknownEncoding('it starts like UTF-16 but is not valid UTF-16'))
    text = decoded
  } else {
    const kind = SIGNATURES.find(([, sig]) => startsWith(bytes, sig))
    if (kind) return refuse('binary', `This is ${kind[0]}, not a text file: there is no article to read. Import a text, Markdown or HTML file.`)
    const head = bytes.subarray(0, 8192)
    if (head.includes(0)) {
      // ASCII text saved as UTF-16 without a byte-order mark has a zero in every other byte.
      if (looksLikeBomlessUtf16(head)) return refuse('unknown-encoding', unknownEncoding('it looks like UTF-16 without a byte-order mark'))
      return refuse('binary', binaryMessage)
    }
    encoding = 'utf-8'
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
    } catch {
      if (controlByteShare(head) > 0.05) return refuse('binary', binaryMessage)
      return refuse('unknown-encoding', unknownEncoding('it is not valid UTF-8 or UTF-16'))
    }
  }
  if (text.trim() === '') return refuse('empty', 'This file has no text in it, only blank space: there is no article to import.')
  if (looksBinary(text)) return refuse('binary', binaryMessage)
  return { ok: true, value: { text, encoding } }
}

const binaryMessage = 'This looks like a binary file, not text: there is no article to read. Import a text, Markdown or HTML file.'

function unknownEncoding(why: string): string {
  return `This file is in a text encoding the app cannot read (${why}). The app reads UTF-8 and UTF-16 and does not guess others, so the text is not garbled. Save the file as UTF-8 and import it again.`
}

function decodeUtf16(bytes: Uint8Array, bigEndian: boolean): string | null {
  if (bytes.length % 2 !== 0) return null
  // Swap to little-endian ourselves: Node's `utf-16be` decoder needs full ICU, which a build may lack.
  let le = bytes
  if (bigEndian) {
    le = new Uint8Array(bytes.length)
    for (let i = 0; i < bytes.length; i += 2) {
      le[i] = bytes[i + 1]!
      le[i + 1] = bytes[i]!
    }
  }
  try {
    return new TextDecoder('utf-16le', { fatal: true }).decode(le)
  } catch {
    return null
  }
}

function looksLikeBomlessUtf16(head: Uint8Array): boolean {
  if (head.length < 4) return false
  let evenZeros = 0
  let oddZeros = 0
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i] === 0) evenZeros++
    if (head[i + 1] === 0) oddZeros++
  }
  const pairs = Math.floor(head.length / 2)
  return Math.max(evenZeros, oddZeros) / pairs > 0.6 && Math.min(evenZeros, oddZeros) / pairs < 0.05
}

function controlByteShare(head: Uint8Array): number {
  let n = 0
  for (const b of head) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) n++
  return head.length === 0 ? 0 : n / head.length
}
