import { describe, expect, it } from 'vitest'
import { isAppUrl } from '../../../electron/main/app-origin'

const RENDERER = 'file:///opt/radio-code-desk/resources/app.asar/out/renderer/index.html'

describe('isAppUrl', () => {
  it('accepts the exact renderer file, with any query or fragment', () => {
    expect(isAppUrl(RENDERER, undefined, RENDERER)).toBe(true)
    expect(isAppUrl(`${RENDERER}?x=1`, undefined, RENDERER)).toBe(true)
    expect(isAppUrl(`${RENDERER}#/customers/1`, undefined, RENDERER)).toBe(true)
  })

  it('refuses other file:// paths', () => {
    for (const url of [
      'file:///opt/radio-code-desk/resources/app.asar/out/renderer/other.html',
      'file:///opt/radio-code-desk/resources/app.asar/out/renderer/',
      'file:///etc/passwd',
      'file:///C:/Users/desk/Downloads/index.html',
      `${RENDERER}.evil.html`,
    ]) {
      expect(isAppUrl(url, undefined, RENDERER), url).toBe(false)
    }
  })

  it('refuses the renderer path on another host (a UNC share on Windows)', () => {
    expect(isAppUrl('file://evil-host/opt/radio-code-desk/resources/app.asar/out/renderer/index.html', undefined, RENDERER)).toBe(false)
  })

  it('accepts the dev server origin only when it is on localhost', () => {
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173', RENDERER)).toBe(true)
    expect(isAppUrl('http://localhost:5173/src/index.html?x#y', 'http://localhost:5173/', RENDERER)).toBe(true)
    expect(isAppUrl('http://127.0.0.1:5173/', 'http://127.0.0.1:5173', RENDERER)).toBe(true)
    expect(isAppUrl('http://192.168.1.20:5173/', 'http://192.168.1.20:5173', RENDERER)).toBe(false)
    expect(isAppUrl('https://evil.example/', 'https://evil.example', RENDERER)).toBe(false)
  })

  it('refuses other origins even with a dev server set', () => {
    const dev = 'http://localhost:5173'
    for (const url of ['http://localhost:5174/', 'https://localhost:5173/', 'http://127.0.0.1:5173/', 'http://localhost.evil.example:5173/']) {
      expect(isAppUrl(url, dev, RENDERER), url).toBe(false)
    }
  })

  it('refuses the dev server origin when no dev server is configured', () => {
    expect(isAppUrl('http://localhost:5173/', undefined, RENDERER)).toBe(false)
    expect(isAppUrl('http://localhost:5173/', '', RENDERER)).toBe(false)
  })

  it('refuses garbage, and an unparsable dev server URL trusts nothing', () => {
    for (const url of [null, undefined, '', 'not a url', 'about:blank', 'javascript:alert(1)', 'data:text/html,x', 'devtools://devtools/']) {
      expect(isAppUrl(url, 'http://localhost:5173', RENDERER), String(url)).toBe(false)
    }
    expect(isAppUrl('http://localhost:5173/', 'not a url', RENDERER)).toBe(false)
    expect(isAppUrl(RENDERER, 'not a url', RENDERER)).toBe(true)
  })
})
