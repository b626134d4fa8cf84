import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

// The unit tests Stryker runs against each mutant (scripts/mutation.mjs). One flat project: Stryker's Vitest
// runner drives a single Vitest instance, and the component and e2e projects do not exercise the mutated code
// (e2e runs the built app, not the sandbox Stryker mutates).
export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'src/shared') } },
  test: {
    environment: 'node',
    // Stryker's sandboxes share two busy cores: slow is not failing (a mutant that hangs still times out).
    testTimeout: 60_000,
    hookTimeout: 60_000,
    include: ['tests/shared/**/*.test.ts', 'tests/main/**/*.test.ts', 'tests/preload/**/*.test.ts', 'tests/renderer/**/*.unit.test.ts']
  }
})
