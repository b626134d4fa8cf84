import { resolve } from 'node:path'
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config'
import { svelte } from '@sveltejs/vite-plugin-svelte'

const alias = { '@shared': resolve(import.meta.dirname, 'src/shared') }

/**
 * The unit tests, run in one time zone. Users live west of UTC and at half-hour offsets, where a local day starts
 * at a different instant than in UTC: date logic is tested in all three zones, not only where CI runs.
 */
function unit(name: string, timeZone: string): TestProjectInlineConfiguration {
  return {
    resolve: { alias },
    test: {
      name,
      environment: 'node',
      env: { TZ: timeZone },
      // The three zones run side by side on two shared cores: worker-thread and import tests need more than
      // the default 5 s there. A hang still fails.
      testTimeout: 60_000,
      hookTimeout: 60_000,
      include: ['tests/shared/**/*.test.ts', 'tests/main/**/*.test.ts', 'tests/preload/**/*.test.ts', 'tests/renderer/**/*.unit.test.ts']
    }
  }
}

export default defineConfig({
  test: {
    projects: [
      unit('unit', 'UTC'),
      unit('unit-los-angeles', 'America/Los_Angeles'),
      unit('unit-kolkata', 'Asia/Kolkata'),
      {
        resolve: { alias, conditions: ['browser'] },
        plugins: [svelte()],
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['tests/renderer/**/*.component.test.ts']
        }
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          // Real Chromium on a loaded two-core CI machine: a test that fails once is run once more, and the
          // report still lists the retry. A test that fails twice fails the run.
          retry: 1
        }
      }
    ]
  }
})
