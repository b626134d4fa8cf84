import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import { svelte } from '@sveltejs/vite-plugin-svelte'

const shared = { '@shared': resolve(__dirname, 'src/shared') }

export default defineConfig({
  main: {
    resolve: { alias: shared },
    build: {
      // The quiz worker is its own entry, built beside index.js as out/main/quiz-worker.js (see src/main/quiz-runner.ts).
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          'quiz-worker': resolve(__dirname, 'src/main/quiz-worker.ts')
        }
      }
    }
  },
  preload: {
    resolve: { alias: shared },
    // A sandboxed preload cannot require() npm packages, so everything it uses is bundled in.
    build: { externalizeDeps: false }
  },
  renderer: {
    resolve: { alias: shared },
    plugins: [svelte()],
    build: { minify: true, sourcemap: false }
  }
})
