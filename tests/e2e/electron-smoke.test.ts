import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { _electron as electron } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../support/app-harness'

/**
 * The Electron executable, when its binary has been downloaded (`npx install-electron`); null otherwise.
 * Read from electron's own path.txt rather than `require('electron')`, which would try to download it.
 */
function electronBinary(): string | null {
  try {
    const pkg = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
    const exe = readFileSync(join(pkg, 'path.txt'), 'utf8').trim()
    const path = join(pkg, 'dist', exe)
    return existsSync(path) ? path : null
  } catch {
    return null
  }
}

const binary = electronBinary()
if (!binary) {
  console.warn('[electron-smoke] SKIPPED: the Electron binary is not installed here (run "npx install-electron" where it can be downloaded).')
}

describe.skipIf(!binary)('packaged-layout app in real Electron', () => {
  it('starts, shows the bundled article, and exposes only window.api', async () => {
    const headless = process.platform === 'linux' && !process.env['DISPLAY'] ? ['--ozone-platform=headless'] : []
    const app = await electron.launch({
      executablePath: binary!,
      args: [join(ROOT, 'out/main/index.js'), ...headless, `--user-data-dir=${mkdtempSync(join(tmpdir(), 'newsquiz-electron-'))}`],
      cwd: ROOT
    })
    try {
      const win = await app.firstWindow()
      await win.getByRole('heading', { level: 1 }).waitFor()
      expect(await win.getByRole('heading', { level: 1 }).innerText()).toMatch(/Trump and Putin/)
      expect(win.url()).toBe('app://bundle/index.html')
      const globals = await win.evaluate(() => ({
        api: typeof (window as unknown as { api?: unknown }).api,
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process
      }))
      expect(globals).toEqual({ api: 'object', require: 'undefined', process: 'undefined' })
    } finally {
      await app.close()
    }
  })
})
