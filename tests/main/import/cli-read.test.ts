import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readArticleFile } from '../../../scripts/lib/read-article-file'
import { articleFromBytes } from '../../../src/main/import/importer'
import { fixtureBytes, FIXTURES, tempDir } from './support'

// The quiz command line reads files through the app's import code, in a child process with a time limit.
describe('the command line reads a file as the app does', () => {
  it('reads an HTML page through Readability, exactly as File → Open', () => {
    const cli = readArticleFile(join(FIXTURES, 'news-page.html'))
    expect(cli).toEqual(articleFromBytes('news-page.html', fixtureBytes('news-page.html')))
    expect(cli.ok && cli.value.format).toBe('html')
  }, 60_000)

  it('reads UTF-16 with a BOM and a Latin-1 page that declares its charset', () => {
    const dir = tempDir()
    const text = 'Café owners protest\n\nThe owners of the café on the square said the new rules were unfair to them.'
    const utf16 = join(dir, 'story.txt')
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))
    const read16 = readArticleFile(utf16)
    expect(read16.ok && read16.value.article.title).toBe('Café owners protest')

    const latin1 = join(dir, 'page.html')
    const words = Array.from({ length: 60 }, (_, i) => `mot${i}`).join(' ')
    const html = `<!doctype html><html><head><meta charset="iso-8859-1"><title>Le café</title></head><body><article><h1>Le café de la place</h1><p>Le café ferme à midi. ${words}</p><p>Les clients sont déçus. ${words}</p></article></body></html>`
    writeFileSync(latin1, Buffer.from(html, 'latin1'))
    const readLatin1 = readArticleFile(latin1)
    expect(readLatin1.ok && readLatin1.value.article.paragraphs[0]).toMatch(/^Le café ferme à midi\./)
  }, 60_000)

  it('refuses what the app refuses: a file over the limit, a FIFO', () => {
    const dir = tempDir()
    const big = join(dir, 'big.txt')
    writeFileSync(big, 'a'.repeat(6 * 1024 * 1024))
    expect(readArticleFile(big)).toMatchObject({ ok: false, error: { code: 'too-large' } })
    if (process.platform !== 'win32') {
      const fifo = join(dir, 'pipe.txt')
      execFileSync('mkfifo', [fifo])
      expect(readArticleFile(fifo, 20_000)).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    }
  }, 60_000)

  it('gives up on a file after its time limit, saying so', () => {
    expect(readArticleFile(join(FIXTURES, 'news-page.html'), 1)).toEqual({
      ok: false,
      error: { code: 'timed-out', message: 'This file took too long to read; nothing was changed.' }
    })
  }, 60_000)
})
