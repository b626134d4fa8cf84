import { chmodSync, closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { fileError, readImportFile } from '../../../src/main/import/read-file'
import { decodeText } from '../../../src/shared/import/decode'
import { MAX_IMPORT_BYTES, type ArticleSummary, type ImportOutcome, type IpcResult, type OpenOutcome } from '../../../src/shared/ipc/contract'
import { FakeMain, FIXTURES, fixtureBytes, snapshot, tempDir } from './support'

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s)
const story = readFileSync(join(FIXTURES, 'harbour-strike.txt'), 'utf8')

/**
 * Each bad input goes through the real handler and must come back as a typed error with a clear message, while
 * the library (its list and every file under the data folder) stays exactly as it was.
 */
describe('bad input: a clear message and nothing changed', () => {
  let main: FakeMain
  let files: string
  let listBefore: ArticleSummary[]
  let diskBefore: Record<string, string>

  beforeEach(async () => {
    main = new FakeMain(tempDir())
    files = tempDir('newsquiz-bad-input-')
    // One article already in the library, so "nothing changed" covers a non-empty library.
    await main.value<ImportOutcome>('library:import-text', { text: story })
    listBefore = await main.value<ArticleSummary[]>('library:list')
    diskBefore = snapshot(main.dataDir)
  })

  async function expectUnchanged(): Promise<void> {
    expect(await main.value<ArticleSummary[]>('library:list')).toEqual(listBefore)
    expect(snapshot(main.dataDir)).toEqual(diskBefore)
  }

  async function dropped(name: string, bytes: Uint8Array): Promise<IpcResult<ImportOutcome>> {
    return main.call<ImportOutcome>('library:import-file', { name, bytes })
  }

  async function opened(path: string): Promise<OpenOutcome> {
    main.dialogAnswer = [path]
    const [outcome] = await main.value<OpenOutcome[]>('library:open')
    return outcome!
  }

  it('an empty file', async () => {
    expect(await dropped('empty.txt', new Uint8Array(0))).toEqual({ ok: false, error: { code: 'empty', message: '“empty.txt”: This file is empty: there is no article to import.' } })
    expect(await dropped('blank.md', utf8(' \n\n\t \r\n'))).toMatchObject({ ok: false, error: { code: 'empty', message: expect.stringMatching(/only blank space/) } })
    writeFileSync(join(files, 'empty.html'), '')
    expect(await opened(join(files, 'empty.html'))).toMatchObject({ status: 'failed', error: { code: 'empty' } })
    expect(await main.call('library:import-text', { text: '   \n  ' })).toMatchObject({ ok: false, error: { code: 'empty' } })
    await expectUnchanged()
  })

  it('a binary file', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
    expect(await dropped('photo.txt', png)).toEqual({ ok: false, error: { code: 'binary', message: expect.stringMatching(/^“photo\.txt”: This is a PNG image, not a text file/) } })
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256)
    expect(await dropped('data.bin', noise)).toMatchObject({ ok: false, error: { code: 'binary', message: expect.stringMatching(/binary file, not text/) } })
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0])
    writeFileSync(join(files, 'story.md'), zip)
    expect(await opened(join(files, 'story.md'))).toMatchObject({ status: 'failed', error: { code: 'binary', message: expect.stringMatching(/ZIP archive or an Office document/) } })
    // Valid UTF-8 full of control characters is not text either.
    expect(await dropped('ctl.txt', utf8('Title\n\n' + '\u0001\u0002\u0003\u0004 x'.repeat(200)))).toMatchObject({ ok: false, error: { code: 'binary' } })
    await expectUnchanged()
  })

  it('a file over 5 MB', async () => {
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61)
    expect(await dropped('huge.txt', big)).toEqual({ ok: false, error: { code: 'too-large', message: '“huge.txt”: This file is over 5 MB (5.0 MB); the app imports articles up to 5 MB. Nothing was imported.' } })
    // Far over the limit, the argument schema stops it before the handler.
    expect(await dropped('huger.txt', new Uint8Array(MAX_IMPORT_BYTES + 2))).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    // On disk it is refused from its size, before it is read (a sparse 50 MB file).
    const path = join(files, 'huge.html')
    const fd = openSync(path, 'w')
    writeFileSync(fd, 'x')
    closeSync(fd)
    await import('node:fs/promises').then((fs) => fs.truncate(path, 50 * 1024 * 1024))
    expect(await opened(path)).toEqual({ status: 'failed', name: 'huge.html', error: { code: 'too-large', message: 'This file is over 5 MB (50 MB); the app imports articles up to 5 MB. Nothing was imported.' } })
    expect(await main.call('library:import-text', { text: 'a'.repeat(MAX_IMPORT_BYTES + 1) })).toMatchObject({ ok: false, error: { code: 'too-large', message: expect.stringMatching(/^This text is over 5 MB/) } })
    // Counted in UTF-8 bytes, not characters: 2 million "é" are 4 MB of UTF-8... and 3 million are 6 MB.
    expect(await main.call('library:import-text', { text: 'é'.repeat(3_000_000) })).toMatchObject({ ok: false, error: { code: 'too-large' } })
    await expectUnchanged()
  })

  it('text in an unknown encoding', async () => {
    const latin1 = new Uint8Array(Buffer.from('Café owners in Zürich protest\n\nThe café owners of Zürich marched on Friday against the new rules.', 'latin1'))
    const expected = { code: 'unknown-encoding', message: expect.stringMatching(/text encoding the app cannot read.*Save the file as UTF-8/) }
    expect(await dropped('latin1.txt', latin1)).toEqual({ ok: false, error: expected })
    const cp1252 = new Uint8Array([...utf8('A title\n\nShe said '), 0x93, ...utf8('yes'), 0x94, ...utf8(' to the plan.')])
    writeFileSync(join(files, 'smart-quotes.txt'), cp1252)
    expect(await opened(join(files, 'smart-quotes.txt'))).toMatchObject({ status: 'failed', error: expected })
    const bomless16 = new Uint8Array(Buffer.from(story, 'utf16le'))
    expect(await dropped('utf16.txt', bomless16)).toMatchObject({ ok: false, error: { code: 'unknown-encoding', message: expect.stringMatching(/UTF-16 without a byte-order mark/) } })
    await expectUnchanged()
  })

  it('an HTML page with no article', async () => {
    expect(await dropped('no-article.html', fixtureBytes('no-article.html'))).toEqual({
      ok: false,
      error: { code: 'no-article', message: expect.stringMatching(/^“no-article\.html”: There is no article on this page/) }
    })
    expect(await main.call('library:import-text', { text: '<html><body><nav><a href="/">Home</a></nav></body></html>' })).toMatchObject({ ok: false, error: { code: 'no-article' } })
    expect(await dropped('title-only.txt', utf8('Just a title'))).toMatchObject({ ok: false, error: { code: 'no-article' } })
    await expectUnchanged()
  })

  it('a file that disappears between the dialog and the read', async () => {
    const path = join(files, 'vanishing.txt')
    writeFileSync(path, story)
    main.dialogAnswer = () => {
      // The user picked it; then it was moved away before the app read it.
      rmSync(path)
      return [path]
    }
    const [outcome] = await main.value<OpenOutcome[]>('library:open')
    expect(outcome).toEqual({ status: 'failed', name: 'vanishing.txt', error: { code: 'io', message: 'This file could not be read: it was moved or deleted before the app could open it. Nothing was imported.' } })
    await expectUnchanged()
  })

  it('a folder instead of a file', async () => {
    const folder = join(files, 'articles.txt')
    mkdirSync(folder)
    expect(await opened(folder)).toEqual({ status: 'failed', name: 'articles.txt', error: { code: 'invalid-input', message: 'This is a folder, not a file. Choose the article file inside it.' } })
    await expectUnchanged()
  })

  it('a file the app may not read', async () => {
    expect(fileError(Object.assign(new Error('x'), { code: 'EACCES' }))).toEqual(['io', 'This file could not be read: the app is not allowed to open it. Nothing was imported.'])
    expect(fileError(Object.assign(new Error('x'), { code: 'EPERM' }))[1]).toMatch(/not allowed/)
    expect(fileError(Object.assign(new Error('x'), { code: 'EIO' }))).toEqual(['io', 'This file could not be read (EIO). Nothing was imported.'])
    const path = join(files, 'secret.md')
    writeFileSync(path, fixtureBytes('night-trains.md'))
    chmodSync(path, 0o000)
    const outcome = await opened(path)
    // root reads any file, so the real permission check only bites for an ordinary user.
    if (process.getuid?.() === 0) expect(outcome.status).toBe('added')
    else expect(outcome).toMatchObject({ status: 'failed', error: { code: 'io', message: expect.stringMatching(/not allowed to open it/) } })
  })

  it('a JSON file that is not an article', async () => {
    expect(await dropped('settings.json', utf8('{"theme": "dark"}'))).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/not a News Quiz article file/) } })
    await expectUnchanged()
  })
})

describe('decoding', () => {
  it('reads UTF-8 with and without BOM, and UTF-16 LE and BE with BOM, to the same text', () => {
    const text = 'Zürich “quotes” — 東京 🙂\n\nSecond paragraph.'
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    const be = Buffer.from(le.subarray(2)).swap16()
    const cases: [Uint8Array, string][] = [
      [utf8(text), 'utf-8'],
      [new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]), 'utf-8'],
      [new Uint8Array(le), 'utf-16le'],
      [new Uint8Array([0xfe, 0xff, ...be]), 'utf-16be']
    ]
    for (const [bytes, encoding] of cases) expect(decodeText(bytes)).toEqual({ ok: true, value: { text, encoding } })
  })

  it('reads a web page in the charset it declares, and only a web page', () => {
    const page = '<!doctype html><html><head><meta charset="windows-1252"><title>Café</title></head><body><p>Zürich “café”</p></body></html>'
    const bytes = new Uint8Array(Buffer.from(page.replace('“', '\u0093').replace('”', '\u0094'), 'latin1'))
    expect(decodeText(bytes)).toEqual({ ok: true, value: { text: page, encoding: 'windows-1252' } })
    const httpEquiv = new Uint8Array(Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"></head><body>Zürich</body></html>', 'latin1'))
    expect(decodeText(httpEquiv)).toMatchObject({ ok: true, value: { encoding: 'iso-8859-1' } })
    const unknownLabel = new Uint8Array(Buffer.from('<html><head><meta charset="x-klingon"></head><body>Zürich</body></html>', 'latin1'))
    expect(decodeText(unknownLabel)).toMatchObject({ ok: false, error: { code: 'unknown-encoding', message: expect.stringMatching(/says it is "x-klingon"/) } })
    // The same bytes with no page around them are refused, not guessed.
    expect(decodeText(new Uint8Array(Buffer.from('Zürich café', 'latin1')))).toMatchObject({ ok: false, error: { code: 'unknown-encoding' } })
  })

  it('refuses truncated UTF-16 and never throws on any bytes', () => {
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x41]))).toMatchObject({ ok: false, error: { code: 'unknown-encoding' } })
    for (let seed = 1; seed < 50; seed++) {
      const bytes = new Uint8Array(64).map((_, i) => (i * seed * 31 + seed) % 256)
      expect(() => decodeText(bytes)).not.toThrow()
    }
  })

  it('reads a file from disk in full', async () => {
    const dir = tempDir()
    const path = join(dir, 'story.txt')
    writeFileSync(path, story)
    const read = await readImportFile(path)
    expect(read.ok && new TextDecoder().decode(read.value)).toBe(story)
  })
})
