import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../support/app-harness'

const out = (p: string): string => join(ROOT, 'out', p)

describe('the built app (npm run build)', () => {
  it('has a preload that needs nothing but electron, since a sandboxed preload cannot load packages', () => {
    const preload = readFileSync(out('preload/index.js'), 'utf8')
    const required = [...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])
    expect(new Set(required)).toEqual(new Set(['electron']))
  })

  it('builds the quiz worker beside main, and a minified renderer with the strict policy', () => {
    expect(existsSync(out('main/index.js'))).toBe(true)
    expect(existsSync(out('main/quiz-worker.js'))).toBe(true)
    const html = readFileSync(out('renderer/index.html'), 'utf8')
    expect(html).toContain("script-src 'self'")
    expect(html).not.toContain('unsafe-inline')
    const script = /src="\.?\/?(assets\/[^"]+\.js)"/.exec(html)?.[1]
    expect(script).toBeDefined()
    const js = readFileSync(out(`renderer/${script!}`), 'utf8')
    // Minified: long lines, not one statement per line.
    expect(js.length / js.split('\n').length).toBeGreaterThan(500)
  })
})
