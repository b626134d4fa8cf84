import { describe, expect, it } from 'vitest'
import { parseHTML } from 'linkedom'
import { stripRemoteAttributes } from '../../../src/main/import/html'

/*
 * What the HTML importer clears from a page before reading it: every event handler and every attribute that names
 * something to load or to send to, on the page's root element as on every element in it. Anything else stays.
 */

const REMOTE = ['src', 'srcset', 'href', 'action', 'formaction', 'poster', 'background', 'style', 'ping']

describe('stripRemoteAttributes', () => {
  it('clears event handlers and URL-bearing attributes, in any letter case, from the root and every element', () => {
    const remote = REMOTE.map((name) => `${name}="https://tracker.invalid/${name}"`).join(' ')
    const upper = REMOTE.map((name) => `${name.toUpperCase()}="https://tracker.invalid/${name}"`).join(' ')
    const { document } = parseHTML(
      `<!doctype html><html onload="steal()" style="background:url(https://tracker.invalid/bg)"><body ONCLICK="steal()">` +
        `<a ${remote} onmouseover="steal()" title="A link" id="first">one</a><div><p ${upper} OnError="steal()" class="lede" lang="en">two</p></div></body></html>`
    )
    stripRemoteAttributes(document.documentElement)
    const attributes = [document.documentElement, ...document.documentElement.querySelectorAll('*')].map((el) => [el.tagName.toLowerCase(), el.getAttributeNames().sort()])
    expect(attributes).toEqual([
      ['html', []],
      ['body', []],
      ['a', ['id', 'title']],
      ['div', []],
      ['p', ['class', 'lang']]
    ])
    // The text is untouched.
    expect(document.body.textContent).toBe('onetwo')
  })

  it('keeps attributes that only start like a handler or a URL name', () => {
    const { document } = parseHTML('<html><body><p data-src="x" hreflang="en" data-on="1" stylesheet="1">text</p></body></html>')
    stripRemoteAttributes(document.documentElement)
    expect(document.querySelector('p')!.getAttributeNames().sort()).toEqual(['data-on', 'data-src', 'hreflang', 'stylesheet'])
  })

  it('does nothing to a document without a root element', () => {
    expect(() => stripRemoteAttributes(null)).not.toThrow()
  })
})
