import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { ArticleId, contract, ImportFile, ImportText, MAX_IMPORT_BYTES, MENU_CHANNEL, MenuCommandSchema } from '@shared/ipc/contract'

const accepts = (schema: v.GenericSchema, value: unknown): boolean => v.safeParse(schema, value).success

describe('article ids at the IPC boundary', () => {
  it('accepts the ids the app makes: lowercase letters, digits and dashes, 3 to 81 characters', () => {
    for (const id of ['abc', 'trump-putin-first-phone-call-2016', 'a00000000000000', '0-1', 'a'.repeat(81)]) expect(accepts(ArticleId, id), id).toBe(true)
  })

  it('is anchored at both ends: a good id with anything before or after it is refused', () => {
    for (const id of [
      'good-id/../../etc/passwd',
      'good-id\n../x',
      'good-id.json',
      'good-id ',
      ' good-id',
      '../good-id',
      '/good-id',
      'Good-id',
      '-good-id',
      'ab',
      'a'.repeat(82),
      ''
    ]) {
      expect(accepts(ArticleId, id), JSON.stringify(id)).toBe(false)
    }
    expect(accepts(ArticleId, 42)).toBe(false)
  })
})

describe('import payloads', () => {
  it('takes a named file up to the size limit, and nothing else in the object', () => {
    expect(accepts(ImportFile, { name: 'a.txt', bytes: new Uint8Array(3) })).toBe(true)
    expect(accepts(ImportFile, { name: 'a.txt', bytes: new Uint8Array(MAX_IMPORT_BYTES + 1) })).toBe(true)
    expect(accepts(ImportFile, { name: 'a.txt', bytes: new Uint8Array(MAX_IMPORT_BYTES + 2) })).toBe(false)
    expect(accepts(ImportFile, { name: 'n'.repeat(1024), bytes: new Uint8Array(1) })).toBe(true)
    expect(accepts(ImportFile, { name: 'n'.repeat(1025), bytes: new Uint8Array(1) })).toBe(false)
    expect(accepts(ImportFile, { name: 'a.txt', bytes: [1, 2, 3] })).toBe(false)
    expect(accepts(ImportFile, { name: 'a.txt', bytes: new Uint8Array(1), path: '/etc/passwd' })).toBe(false)
    expect(MAX_IMPORT_BYTES).toBe(5 * 1024 * 1024)
  })

  it('takes pasted text with an optional name, within the same limits', () => {
    expect(accepts(ImportText, { text: 'Title\n\nBody.' })).toBe(true)
    expect(accepts(ImportText, { text: 'x', name: 'clip' })).toBe(true)
    expect(accepts(ImportText, { text: 'x'.repeat(MAX_IMPORT_BYTES + 1) })).toBe(true)
    expect(accepts(ImportText, { text: 'x'.repeat(MAX_IMPORT_BYTES + 2) })).toBe(false)
    expect(accepts(ImportText, { text: 'x', name: 'n'.repeat(1025) })).toBe(false)
    expect(accepts(ImportText, { text: 7 })).toBe(false)
    expect(accepts(ImportText, { text: 'x', extra: true })).toBe(false)
  })
})

describe('every channel', () => {
  // Per channel: its name, argument lists it accepts and ones it refuses.
  const table: Array<[keyof typeof contract, string, unknown[][], unknown[][]]> = [
    ['listArticles', 'library:list', [[]], [['x']]],
    ['searchArticles', 'library:search', [[''], ['iodine'], ['q'.repeat(500)]], [[], [3], ['q'.repeat(501)], ['a', 'b']]],
    ['getArticle', 'article:get', [['good-id']], [[], ['../x'], ['good-id', 1]]],
    ['peekArticle', 'article:peek', [['good-id']], [[], ['../x'], ['good-id', 1]]],
    ['openArticles', 'library:open', [[]], [[1]]],
    ['importFile', 'library:import-file', [[{ name: 'a.txt', bytes: new Uint8Array(1) }]], [[], [{ name: 'a.txt' }]]],
    ['importText', 'library:import-text', [[{ text: 'x' }]], [[], ['x']]],
    ['deleteArticle', 'library:delete', [['good-id']], [[], ['good-id/..']]],
    ['exportProgress', 'progress:export', [['{}']], [[], [{}]]],
    ['importProgress', 'progress:import', [[]], [['x']]],
    ['openExternal', 'shell:open-external', [['https://en.wikinews.org/wiki/X']], [[], ['not a url'], [`https://x.org/${'a'.repeat(2048)}`]]],
    ['cancelImport', 'library:cancel-import', [['job-1']], [[], ['Job 1!'], ['job-1', 2]]],
    ['addFromLink', 'library:add-link', [[{ url: 'https://en.wikinews.org/wiki/X', requestId: 'req-1' }]], [[], ['https://en.wikinews.org/wiki/X'], [{ url: '', requestId: 'req-1' }]]],
    ['cancelLink', 'library:cancel-link', [['req-1']], [[], ['req 1!']]],
    ['exportQuestions', 'questions:export', [[{ format: 'apkg', scope: { kind: 'all' } }], [{ format: 'tsv', scope: { kind: 'article', id: 'good-id' } }]], [[], [{ format: 'pdf', scope: { kind: 'all' } }], [{ format: 'tsv', scope: { kind: 'questions', label: 'missed', items: [] } }]]],
    ['exportArticles', 'library:export', [[]], [['x']]],
    ['restoreArticles', 'library:restore', [[[]]], [[], [{}], ['x']]]
  ]

  it('has a row here for each channel', () => {
    expect(table.map(([key]) => key).sort()).toEqual(Object.keys(contract).sort())
  })

  it.each(table)('%s is %s and checks its arguments', (key, name, good, bad) => {
    const ch = contract[key]
    expect(ch.name).toBe(name)
    for (const args of good) expect(accepts(ch.args, args), JSON.stringify(args).slice(0, 80)).toBe(true)
    for (const args of bad) expect(accepts(ch.args, args), JSON.stringify(args).slice(0, 80)).toBe(false)
  })

  it('takes an export of up to 200 MB and no more', () => {
    // A string that long is slow to build: read the limit from the schema's own pipe instead.
    const limit = contract.exportProgress.args.items[0].pipe.find((p) => p.type === 'max_length') as { requirement: number } | undefined
    expect(limit?.requirement).toBe(200 * 1024 * 1024)
  })
})

describe('menu commands', () => {
  it('accepts exactly the commands the menu sends, on its own channel', () => {
    expect(MENU_CHANNEL).toBe('menu:command')
    const commands = ['open-article', 'paste-article', 'add-link', 'export-questions', 'show-library', 'show-reader', 'show-review', 'show-stats', 'export-progress', 'import-progress', 'show-shortcuts', 'show-settings', 'undo']
    for (const c of commands) expect(accepts(MenuCommandSchema, c), c).toBe(true)
    expect(MenuCommandSchema.options).toHaveLength(commands.length)
    expect(accepts(MenuCommandSchema, 'quit')).toBe(false)
  })
})
