/**
 * Renders build/icon.svg to build/icon.png (1024×1024) with headless Chromium, for electron-builder,
 * which derives the macOS .icns and Windows .ico from it. Run after editing the SVG: `npx tsx scripts/make-icons.ts`.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { chromium } from 'playwright-core'

const root = resolve(__dirname, '..')
const svg = readFileSync(resolve(root, 'build/icon.svg'), 'utf8')
async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking']
  })
  const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } })
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`)
  await page.locator('svg').screenshot({ path: resolve(root, 'build/icon.png'), omitBackground: true })
  await browser.close()
  console.log('wrote build/icon.png')
}

void main()
