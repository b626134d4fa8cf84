import { join, normalize, relative, isAbsolute, extname } from 'node:path'
import { readFile } from 'node:fs/promises'
import { CONTENT_SECURITY_POLICY } from './security'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json'
}

/**
 * Answers an `app://bundle/...` request from the built renderer folder. Paths that climb out of the folder
 * get 404, and every response carries the app's Content-Security-Policy.
 */
export async function serveBundle(root: string, requestUrl: string): Promise<Response> {
  let pathname: string
  try {
    pathname = decodeURIComponent(new URL(requestUrl).pathname)
  } catch {
    return new Response('Bad request', { status: 400 })
  }
  const file = normalize(join(root, pathname === '/' ? '/index.html' : pathname))
  const rel = relative(root, file)
  if (rel.startsWith('..') || isAbsolute(rel)) return new Response('Not found', { status: 404 })
  try {
    const body = await readFile(file)
    return new Response(body, {
      headers: {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff'
      }
    })
  } catch {
    return new Response('Not found', { status: 404 })
  }
}
