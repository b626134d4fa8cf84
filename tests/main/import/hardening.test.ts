import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractHtmlArticle, MAX_HTML_DEPTH } from '../../../src/main/import/html'
import { articleFromBytes, articleFromText } from '../../../src/main/import/importer'
import { readImportFile } from '../../../src/main/import/read-file'
import { LibraryStore, syncFolder, writeFileAtomic } from '../../../src/main/import/store'
import { MAX_WORD_CHARS } from '../../../src/shared/article/bounds'
import { parseArticle } from '../../../src/shared/article/parse'
import { markdownToArticleText } from '../../../src/shared/import/markdown'
import { MAX_IMPORT_BYTES } from '../../../src/shared/ipc/contract'
import { FIXTURES, tempDir } from './support'

const page = readFileSync(join(FIXTURES, 'news-page.html'), 'utf8')

describe('files that are not regular files', () => {
  it.skipIf(process.platform === 'win32')('refuses a FIFO at once, before reading (opening one waits for a writer forever)', async () => {
    const path = join(tempDir(), 'story.txt')
    execFileSync('mkfifo', [path])
    const read = await readImportFile(path)
    expect(read).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    if (!read.ok) expect(read.error.message).toMatch(/not a regular file/)
  }, 3000)

  it.skipIf(process.platform === 'win32' || !existsSync('/dev/zero'))('refuses a device file', async () => {
    expect(await readImportFile('/dev/zero')).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  }, 3000)
})

describe('the library folder after a killed write', () => {
  it('removes leftover index.json temporary files at start-up, and keeps everything else', async () => {
    const dir = tempDir()
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'index.json.4242-0a1b2c3d.tmp'), '{"half')
    writeFileSync(join(dir, 'notes.txt'), 'mine')
    await new LibraryStore(dir).load()
    expect(readdirSync(dir).sort()).toEqual(['notes.txt'])
  })

  it('syncs the folder after a rename (and the file lands whole)', async () => {
    const dir = tempDir()
    await syncFolder(dir)
    await writeFileAtomic(join(dir, 'index.json'), '{"a":1}\n')
    expect(readFileSync(join(dir, 'index.json'), 'utf8')).toBe('{"a":1}\n')
    expect(readdirSync(dir)).toEqual(['index.json'])
  })
})

describe('JSON-LD read defensively', () => {
  it('still finds the article on a page whose JSON-LD block is a huge array', () => {
    const huge = `<script type="application/ld+json">[${Array.from({ length: 300_000 }, () => '{"@type":"Thing"}').join(',')}]</script>`
    const withLd = page.replace('</head>', `${huge}</head>`)
    const result = extractHtmlArticle(withLd)
    expect(result.ok, result.ok ? '' : result.error.message).toBe(true)
  })

  it('still reads the headline from a normal JSON-LD block', () => {
    const ld = `<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"A headline from JSON-LD","author":[{"name":"Mara Lindqvist"}]}]}</script>`
    const result = extractHtmlArticle(page.replace('</head>', `${ld}</head>`))
    expect(result.ok && result.value.byline).toBeTruthy()
  })
})

describe('the size check and the character check agree', () => {
  it('reads a 5.1 MB (decimal) text file instead of refusing it as "too long" after the size check let it through', () => {
    const paragraph = 'The harbour ferries ran late all week while the new turbines were tested in the strait. '
    let text = 'Ferries run late\n\n'
    for (let i = 0; text.length < 5_100_000; i++) text += `${paragraph}(Report ${i}.)\n\n`
    const bytes = new TextEncoder().encode(text)
    expect(bytes.length).toBeLessThanOrEqual(MAX_IMPORT_BYTES)
    const read = articleFromBytes('story.txt', bytes)
    expect(read.ok, read.ok ? '' : read.error.message).toBe(true)
  })

  it('gives a file over the limit one clear message naming both sizes', async () => {
    const path = join(tempDir(), 'big.txt')
    writeFileSync(path, 'a'.repeat(Math.round(5.1 * 1024 * 1024)))
    const read = await readImportFile(path)
    expect(read.ok).toBe(false)
    if (!read.ok) expect(read.error.message).toBe('This file is over 5 MB (5.1 MB); the app imports articles up to 5 MB. Nothing was imported.')
  })
})

describe('tokens and nesting are bounded before the NLP model and the DOM', () => {
  it(`drops a "word" of ${MAX_WORD_CHARS}+ characters from the article, keeping the words around it`, () => {
    const blob = 'x'.repeat(MAX_WORD_CHARS)
    const parsed = parseArticle(`A title\n\nThe ferry ${blob} ran late.\n\nA second paragraph.`)
    expect(parsed.ok && parsed.article.paragraphs).toEqual(['The ferry ran late.', 'A second paragraph.'])
    const justUnder = 'y'.repeat(MAX_WORD_CHARS - 1)
    const kept = parseArticle(`A title\n\nThe ferry ${justUnder} ran late.`)
    expect(kept.ok && kept.article.paragraphs[0]).toContain(justUnder)
  })

  it('refuses a file that is one giant word as having no article', () => {
    const read = articleFromText(`A title\n\n${'a'.repeat(1_000_000)}`, 'word.txt')
    expect(read).toMatchObject({ ok: false, error: { code: 'no-article' } })
  })

  it('drops giant words from HTML paragraphs too', () => {
    const result = extractHtmlArticle(page.replace('<p>The project', `<p>${'z'.repeat(5000)} The project`))
    expect(result.ok && result.value.paragraphs.some((p) => p.includes('zzzz'))).toBe(false)
  })

  it(`refuses HTML nested deeper than ${MAX_HTML_DEPTH} levels with a clear message`, () => {
    const deep = `<!doctype html><html><body>${'<div>'.repeat(10_000)}text${'</div>'.repeat(10_000)}</body></html>`
    const result = extractHtmlArticle(deep)
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    if (!result.ok) expect(result.error.message).toMatch(/more than 400 levels deep/)
  })

  it('still reads a real page nested a few dozen levels', () => {
    const nested = page.replace('<body>', `<body>${'<div>'.repeat(60)}`).replace('</body>', `${'</div>'.repeat(60)}</body>`)
    expect(extractHtmlArticle(nested).ok).toBe(true)
  })

  it('bounds a Markdown list nested 1,500 deep, keeping every item', () => {
    const md = `# A list\n\n${Array.from({ length: 1500 }, (_, i) => `${' '.repeat(i * 2)}- item ${i + 1}`).join('\n')}\n`
    const started = Date.now()
    const text = markdownToArticleText(md)
    expect(Date.now() - started).toBeLessThan(20_000)
    expect(text).toContain('item 1500')
    expect(text).toContain('item 1')
  }, 30_000)
})
