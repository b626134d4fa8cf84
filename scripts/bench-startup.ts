/**
 * `npm run bench:startup`: loads scripts/bench-startup-run.ts through Vite's module runner (the app's main-process
 * code uses `import.meta.glob`, which only Vite understands, as in the tests) and runs it. See that file.
 */
import { join, resolve } from 'node:path'
import { createServer } from 'vite'

const root = resolve(import.meta.dirname, '..')

async function run(): Promise<void> {
  const server = await createServer({
    configFile: false,
    root,
    logLevel: 'warn',
    resolve: { alias: { '@shared': join(root, 'src/shared') } },
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: 'custom',
    optimizeDeps: { noDiscovery: true, include: [] }
  })
  try {
    const mod = (await server.ssrLoadModule('/scripts/bench-startup-run.ts')) as { main: () => Promise<void> }
    await mod.main()
  } finally {
    await server.close()
  }
}

run().catch((e: unknown) => {
  console.error(e)
  process.exitCode = 1
})
