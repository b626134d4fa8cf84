// Electron 42+ no longer downloads its binary at `npm install`; this runs before `npm start`, `npm run dev`
// and `npm run dist` so a newcomer's first start works. It does nothing when the binary is already there.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const result = spawnSync(process.execPath, [require.resolve('electron/install.js')], { stdio: 'inherit' })
if (result.status !== 0) {
  console.error('\nThe Electron binary could not be downloaded. Check your internet connection and run "npm start" again.')
  process.exit(result.status ?? 1)
}
