/**
 * Web links as the library keeps them: the key that finds the same page again whatever decoration the link
 * carries, the page's own canonical address, and a link recognised in pasted or dropped text. Pure.
 */

// Parameters that say where a click came from, never which page it is: dropped from link keys.
const TRACKING_PARAMS = /^(?:utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ocid|cmpid|ref_src)$/i

/**
 * The key two links to the same page share: scheme and host lowercased, default port, `www.` and fragment
 * dropped, tracking parameters removed, a trailing slash ignored. http and https count as the same page.
 * Null for anything that is not an http(s) URL.
 */
export function linkKey(value: string): string | null {
  let url: URL
  try {
    url = new URL(value.trim())
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  const host = url.hostname.toLowerCase().replace(/^www\./, '')
  const port = url.port && url.port !== '80' && url.port !== '443' ? `:${url.port}` : ''
  const params = [...url.searchParams].filter(([k]) => !TRACKING_PARAMS.test(k))
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : ''
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : ''
  return `${host}${port}${path}${query}`
}

// `<link ... rel="canonical" ... href="...">` and `<meta property="og:url" content="...">`: one tag at a time,
// each `[^>]*` bounded by the next `>`, so the scan is linear. Matches `<link rel=canonical href=/a>`; must not
// match `<link rel="canonical-ish">` (the rel check below wants the exact token).
const LINK_TAG = /<link\b[^>]*>/gi
const META_TAG = /<meta\b[^>]*>/gi
// One attribute: `name="value"`, `name='value'` or `name=value`.
const ATTRIBUTE = /([a-z:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const m of tag.matchAll(ATTRIBUTE)) out.set(m[1]!.toLowerCase(), m[2] ?? m[3] ?? m[4] ?? '')
  return out
}

function decodeEntities(s: string): string {
  return s.replace(/&amp;/g, '&').replace(/&#38;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
}

/**
 * The page's own address for itself, from the head of its HTML: `<link rel="canonical">`, else `og:url`,
 * resolved against `base` (the address it was downloaded from). Null when the page names none, or names one that
 * is not http(s).
 */
export function canonicalLink(html: string, base: string): string | null {
  // The canonical link lives in <head>: the first 256 kB hold it on any real page, and bound the scan.
  const head = html.slice(0, 256 * 1024)
  const end = head.search(/<body\b/i)
  const scope = end >= 0 ? head.slice(0, end) : head
  const candidates: string[] = []
  for (const m of scope.matchAll(LINK_TAG)) {
    const a = attributes(m[0])
    const rel = (a.get('rel') ?? '').toLowerCase().split(/\s+/)
    if (rel.includes('canonical') && a.get('href')) candidates.push(a.get('href')!)
  }
  for (const m of scope.matchAll(META_TAG)) {
    const a = attributes(m[0])
    if ((a.get('property') ?? a.get('name'))?.toLowerCase() === 'og:url' && a.get('content')) candidates.push(a.get('content')!)
  }
  for (const c of candidates) {
    try {
      const url = new URL(decodeEntities(c.trim()), base)
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.href
    } catch {
      // not a URL: try the next one
    }
  }
  return null
}

/**
 * The web link a paste or a drop consists of, or null: the whole text (trimmed) must be one http(s) URL, or a
 * `text/uri-list` whose first non-comment line is one. Text that merely contains a link is an article to import.
 */
export function linkFromText(text: string): string | null {
  const lines = text
    .trim()
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
  if (lines.length !== 1) return null
  const line = lines[0]!
  if (/\s/.test(line) || line.length > 2048) return null
  try {
    const url = new URL(line)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}
