import { describe, expect, it } from 'vitest'
import { escapeHtml, PRINT_DOCUMENT_CSP } from '../../../shared/print/html'
import { renderTestPage } from '../../../shared/print/test-page'
import { PAGE_SIZES } from '../../../shared/print/units'

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;')
  })

  it('escapes & first, so nothing is double- or under-escaped', () => {
    expect(escapeHtml('&lt;')).toBe('&amp;lt;')
    expect(escapeHtml('plain text 123')).toBe('plain text 123')
  })
})

describe('renderTestPage', () => {
  const data = { shopName: 'Joe’s <script>alert("x")</script> & Sons', printerName: '<b>HP</b>', printedAt: '2026-11-24T06:00:00.000Z' }

  it('escapes the shop and printer names', () => {
    const { html } = renderTestPage(data)
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<b>HP</b>')
    expect(html).toContain('Joe’s &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Sons')
    expect(html).toContain('&lt;b&gt;HP&lt;/b&gt;')
  })

  it('sets the @page size and returns the same size, Letter by default', () => {
    const letter = renderTestPage(data)
    expect(letter.html).toContain('@page { size: 215.9mm 279.4mm;')
    expect(letter.pageSize).toEqual(PAGE_SIZES.letter)
    const a4 = renderTestPage(data, PAGE_SIZES.a4)
    expect(a4.html).toContain('@page { size: 210mm 297mm;')
    expect(a4.pageSize).toEqual(PAGE_SIZES.a4)
  })

  it('carries the print CSP and names itself a test page', () => {
    const doc = renderTestPage(data)
    expect(doc.html).toContain(`content="${PRINT_DOCUMENT_CSP}"`)
    expect(PRINT_DOCUMENT_CSP).toContain("default-src 'none'")
    expect(PRINT_DOCUMENT_CSP).not.toContain('script-src')
    expect(doc.kind).toBe('test-page')
  })

  it('falls back to the app name when the shop has none', () => {
    expect(renderTestPage({ ...data, shopName: '   ' }).html).toContain('<p>Radio Code Desk</p>')
  })
})
