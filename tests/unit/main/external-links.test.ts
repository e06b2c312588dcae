import { describe, expect, it, vi } from 'vitest'
import { openExternalLink, validateExternalUrl } from '../../../electron/main/external-links'

const REFUSED: unknown[] = [
  'http://example.com/',
  'javascript:alert(1)',
  'JAVASCRIPT:alert(1)',
  'file:///C:/Windows/System32/calc.exe',
  'file:///etc/passwd',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'ms-msdt:/id PCWDiagnostic',
  'smb://host/share',
  'https://user:pass@example.com/',
  'https://user@example.com/',
  'https://:pass@example.com/',
  'not a url',
  '',
  '//example.com/',
  `https://example.com/${'a'.repeat(2048)}`,
  42,
  null,
  undefined,
  {},
  ['https://example.com/'],
  new URL('https://example.com/'),
]

describe('validateExternalUrl', () => {
  it('accepts https URLs without credentials', () => {
    expect(validateExternalUrl('https://www.honda.com/radio-code')?.href).toBe('https://www.honda.com/radio-code')
    expect(validateExternalUrl('HTTPS://Example.COM/a?b=c#d')?.href).toBe('https://example.com/a?b=c#d')
  })

  it('accepts mailto links', () => {
    expect(validateExternalUrl('mailto:service@example.com')?.protocol).toBe('mailto:')
  })

  it('refuses everything else', () => {
    for (const candidate of REFUSED) expect(validateExternalUrl(candidate), String(candidate).slice(0, 60)).toBeNull()
  })

  it('accepts 2048 characters and refuses 2049', () => {
    const base = 'https://example.com/'
    expect(validateExternalUrl(base + 'a'.repeat(2048 - base.length))).not.toBeNull()
    expect(validateExternalUrl(base + 'a'.repeat(2049 - base.length))).toBeNull()
  })
})

describe('openExternalLink', () => {
  it('opens a valid URL with the normalised form and says so', async () => {
    const opener = vi.fn(async () => undefined)
    expect(await openExternalLink('https://Example.com/path', opener)).toBe(true)
    expect(opener).toHaveBeenCalledExactlyOnceWith('https://example.com/path')
  })

  it('never calls the opener for a refused URL', async () => {
    const opener = vi.fn(async () => undefined)
    for (const candidate of REFUSED) expect(await openExternalLink(candidate, opener)).toBe(false)
    expect(opener).not.toHaveBeenCalled()
  })
})
