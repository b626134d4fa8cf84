import { MAX_IMPORT_BYTES } from '../ipc/contract'
import { looksBinary } from '../article/parse'
import { refuse, type Imported } from './errors'

/**
 * The encodings the app reads: UTF-8, UTF-16 with a BOM, and (for web pages only) the charset the page itself
 * declares in a `<meta>` tag. Anything else is refused rather than guessed.
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | (string & {})

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
 * Decodes a file's bytes to text: UTF-8 (with or without BOM, decoded strictly), UTF-16 LE/BE with a BOM, or
 * an HTML page in the charset its own `<meta>` tag declares. Refuses, with a message for the user: no bytes or only whitespace (`empty`), more than MAX_IMPORT_BYTES
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
      // A web page may name its encoding (<meta charset="windows-1252">): reading what it declares is not guessing.
      const declared = declaredHtmlCharset(head)
      if (!declared) return refuse('unknown-encoding', unknownEncoding('it is not valid UTF-8 or UTF-16'))
      try {
        const decoder = new TextDecoder(declared, { fatal: true })
        text = decoder.decode(bytes)
        // Some Node builds decode windows-1252 (which WHATWG also uses for latin1 and ascii labels) as ISO-8859-1,
        // leaving its curly quotes and dashes as C1 control characters: map those as the standard says.
        if (decoder.encoding === 'windows-1252') text = text.replace(/[\u0080-\u009f]/g, (c) => CP1252[c.charCodeAt(0) - 0x80] ?? c)
        encoding = declared
      } catch {
        return refuse('unknown-encoding', unknownEncoding(`the page says it is "${declared}", which the app cannot read, or it is not valid in that encoding`))
      }
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

// windows-1252 bytes 0x80–0x9F (undefined ones stay as they are).
const CP1252 = Array.from('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ')

/** The charset an HTML page declares in its first bytes (`<meta charset>` or `http-equiv` content), lowercased. */
export function declaredHtmlCharset(head: Uint8Array): string | null {
  const ascii = String.fromCharCode(...head.subarray(0, 2048))
  if (!/<(?:!doctype\s+html|html|head|meta)\b/i.test(ascii)) return null
  const m = /<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:-]+)/i.exec(ascii)
  const label = m?.[1]?.toLowerCase()
  return label && label !== 'utf-8' && label !== 'utf8' ? label : null
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

/**
 * Decodes bytes in the charset a server named in its `Content-Type` header (which outranks a page's own
 * `<meta charset>`). Null when the label is unknown or the bytes are not valid in it: the caller refuses rather than
 * guess. UTF-8 labels are left to `decodeText`, which also honours a byte-order mark.
 */
export function decodeWithCharset(bytes: Uint8Array, label: string): string | null {
  try {
    const decoder = new TextDecoder(label, { fatal: true })
    const text = decoder.decode(bytes)
    return decoder.encoding === 'windows-1252' ? text.replace(/[\u0080-\u009f]/g, (c) => CP1252[c.charCodeAt(0) - 0x80] ?? c) : text
  } catch {
    return null
  }
}
