import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
const yml = readFileSync(resolve(root, 'electron-builder.yml'), 'utf8')
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  main: string
  scripts: Record<string, string>
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}

describe('packaging and install configuration', () => {
  it('targets AppImage and deb on Linux, dmg on macOS, nsis on Windows, with the project icon', () => {
    expect(yml).toMatch(/linux:\s*\n\s*target:\s*\n\s*- AppImage\s*\n\s*- deb/)
    expect(yml).toMatch(/mac:\s*\n\s*target:\s*\n\s*- dmg/)
    expect(yml).toMatch(/win:\s*\n\s*target:\s*\n\s*- nsis/)
    const icon = readFileSync(resolve(root, 'build/icon.png'))
    expect(icon.subarray(1, 4).toString()).toBe('PNG')
    expect(icon.readUInt32BE(16)).toBeGreaterThanOrEqual(512)
  })

  it('packs the built app and points at the built main entry', () => {
    expect(yml).toContain('out/**/*')
    expect(pkg.main).toBe('./out/main/index.js')
  })

  it('locks the packaged binary with Electron fuses (no Node mode, no NODE_OPTIONS or inspect, encrypted cookies, only its own checked ASAR)', () => {
    const block = /^electronFuses:\n((?:[ ]+.+\n)+)/m.exec(yml)?.[1] ?? ''
    const fuses = Object.fromEntries(block.split('\n').filter(Boolean).map((line) => line.trim().split(/:\s*/)))
    expect(fuses).toEqual({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableCookieEncryption: 'true',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      grantFileProtocolExtraPrivileges: 'false'
    })
    // The integrity fuses only mean something when the app is packed into an ASAR.
    expect(yml).toMatch(/^asar: true$/m)
    const schema = JSON.parse(readFileSync(resolve(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as {
      definitions: { FuseOptionsV1: { properties: Record<string, unknown> } }
      properties: Record<string, unknown>
    }
    expect(schema.properties).toHaveProperty('electronFuses')
    for (const name of Object.keys(fuses)) expect(schema.definitions.FuseOptionsV1.properties, name).toHaveProperty(name)
  })

  it('pins every dependency to an exact version', () => {
    for (const [name, version] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
      expect(version, name).toMatch(/^\d+\.\d+\.\d+$/)
    }
  })

  it('installs the Electron binary before the first start, and never skips it for users', () => {
    expect(pkg.scripts['prestart']).toContain('ensure-electron')
    expect(JSON.stringify(pkg)).not.toContain('ELECTRON_SKIP_BINARY_DOWNLOAD')
  })
})

describe('the page itself', () => {
  it('declares a Content-Security-Policy as strict as the one main serves', async () => {
    const { CONTENT_SECURITY_POLICY } = await import('../../src/main/security')
    const html = readFileSync(resolve(root, 'src/renderer/index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    expect(meta).toBeDefined()
    const directives = (csp: string): Map<string, string> =>
      new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v.join(' ')]))
    const page = directives(meta!)
    // frame-ancestors is not allowed in a <meta> policy; main sends it as a header.
    for (const [k, v] of directives(CONTENT_SECURITY_POLICY)) if (k !== 'frame-ancestors') expect(page.get(k), k).toBe(v)
    expect(html).not.toMatch(/<script(?![^>]*src=)[^>]*>/)
  })
})
