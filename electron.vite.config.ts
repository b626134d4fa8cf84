import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import type { Plugin } from 'vite'

const shared = { '@shared': resolve(__dirname, 'src/shared') }

/**
 * The dev server injects component styles as <style> tags and talks to the page over a websocket; only while
 * developing does the page's Content-Security-Policy allow those. Built pages keep the strict policy.
 */
function devCsp(): Plugin {
  return {
    name: 'newsquiz-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:*")
  }
}

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
    plugins: [svelte(), devCsp()],
    build: { minify: true, sourcemap: false }
  }
})
