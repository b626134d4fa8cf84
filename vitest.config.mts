import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import { svelte } from '@sveltejs/vite-plugin-svelte'

const alias = { '@shared': resolve(import.meta.dirname, 'src/shared') }

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/shared/**/*.test.ts', 'tests/main/**/*.test.ts', 'tests/preload/**/*.test.ts', 'tests/renderer/**/*.unit.test.ts']
        }
      },
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
          fileParallelism: false
        }
      }
    ]
  }
})
