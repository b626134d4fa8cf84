import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { serveBundle } from '../../src/main/protocol'

describe('serveBundle', () => {
  const root = mkdtempSync(join(tmpdir(), 'newsquiz-bundle-'))
  mkdirSync(join(root, 'assets'))
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>')
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(root, '..', 'secret.txt'), 'do not serve')

  it('serves files with their type and the CSP header', async () => {
    const r = await serveBundle(root, 'app://bundle/assets/app.js')
    expect(r.status).toBe(200)
    expect(r.headers.get('content-type')).toMatch(/javascript/)
    expect(r.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(await (await serveBundle(root, 'app://bundle/')).text()).toContain('<title>x</title>')
  })

  it('never serves anything outside the bundle folder', async () => {
    for (const url of ['app://bundle/../secret.txt', 'app://bundle/%2e%2e/secret.txt', 'app://bundle/assets/%2e%2e%2f%2e%2e%2fsecret.txt']) {
      const r = await serveBundle(root, url)
      expect(r.status, url).toBe(404)
    }
    expect((await serveBundle(root, 'app://bundle/missing.js')).status).toBe(404)
  })
})
