import { describe, expect, it } from 'vitest'
import { shopSettingsSchema } from '../../../shared/domain/shop'
import { AVERY_5371 } from '../../../shared/print/code-card'
import type { PrintableDocument } from '../../../shared/print/document'
import { LOGO_MAX_CHARS } from '../../../shared/print/kit'
import { NO_PLACEMENT, placeOnPrinter } from '../../../shared/print/placement'
import {
  defaultPrintSetup,
  documentKindLabel,
  formatPageSize,
  orientationApplies,
  printSetupSchema,
  setupDocumentOfKind,
  storedPrintSetup,
} from '../../../shared/print/print-setup'
import { classifyPrintFailure, explainPrintFailure, pdfFileName } from '../../../shared/print/print-problems'
import { renderTestPage, TEST_PAGE_FRAME_INSET_MM } from '../../../shared/print/test-page'
import { inchesToMm } from '../../../shared/print/units'

/* The pure parts of printer setup: the setup schema, placement (offset and turn), failure words, the test page. */

const card: PrintableDocument = {
  kind: 'code-card-wallet',
  title: 'Radio code',
  html: '<!doctype html><html><head><style>body{}</style></head><body><div class="card">x</div></body></html>',
  pageSize: { widthMm: 85.6, heightMm: 53.98 },
}

describe('print setup schema', () => {
  it('fills defaults per document and rounds offsets to tenths of a millimetre', () => {
    expect(defaultPrintSetup('pickup-reminder')).toEqual({
      document: 'pickup-reminder',
      format: 'receipt',
      printerName: null,
      copies: 1,
      silent: false,
      orientation: 'landscape',
      offsetXmm: 0,
      offsetYmm: 0,
    })
    expect(printSetupSchema.parse({ document: 'code-card', offsetXmm: 2.349, offsetYmm: -0.05 })).toMatchObject({ offsetXmm: 2.3, offsetYmm: -0 })
  })

  it('takes only the formats of its own document', () => {
    expect(printSetupSchema.safeParse({ document: 'code-guide', format: 'a4' }).success).toBe(true)
    expect(printSetupSchema.safeParse({ document: 'code-guide', format: 'label' }).success).toBe(false)
    expect(printSetupSchema.safeParse({ document: 'pickup-reminder', format: 'sheet' }).success).toBe(false)
    expect(printSetupSchema.safeParse({ document: 'code-card', copies: 0 }).success).toBe(false)
    expect(printSetupSchema.safeParse({ document: 'code-card', offsetYmm: -25.1 }).success).toBe(false)
  })

  it('a stored value is read for its own document; an unreadable one gives the defaults', () => {
    expect(storedPrintSetup('code-card', { document: 'code-guide', format: 'wallet', copies: 2 })).toMatchObject({ document: 'code-card', format: 'wallet', copies: 2 })
    expect(storedPrintSetup('code-card', { format: 'tabloid' })).toEqual(defaultPrintSetup('code-card'))
    expect(storedPrintSetup('code-card', 'garbage')).toEqual(defaultPrintSetup('code-card'))
  })

  it('orientation applies to the wallet card only; formats have their page sizes', () => {
    expect(orientationApplies('code-card', 'wallet')).toBe(true)
    expect(orientationApplies('code-card', 'sheet')).toBe(false)
    expect(orientationApplies('pickup-reminder', 'label')).toBe(false)
    expect(formatPageSize('wallet')).toEqual({ widthMm: 85.6, heightMm: 53.98 })
    expect(formatPageSize('label').widthMm).toBe(62)
    expect(formatPageSize('receipt').widthMm).toBe(80)
    expect(formatPageSize('a4')).toEqual({ widthMm: 210, heightMm: 297 })
  })

  it('names document kinds for the print history', () => {
    expect(setupDocumentOfKind('code-card-sheet')).toBe('code-card')
    expect(setupDocumentOfKind('test-page')).toBeNull()
    expect(documentKindLabel('code-card-sheet')).toBe('Code card (business-card sheet)')
    expect(documentKindLabel('pickup-reminder-label')).toBe('Pickup reminder (62 mm label)')
    expect(documentKindLabel('dealer-request-letter')).toBe('Dealer code request (Letter)')
    expect(documentKindLabel('test-page')).toBe('Printer test page')
  })
})

describe('placement on the printer', () => {
  it('no offset and no turn: the document unchanged', () => {
    expect(placeOnPrinter(card, NO_PLACEMENT)).toBe(card)
  })

  it('an offset moves every top-level block and clips at the paper edge (Chromium would shrink overflowing pages)', () => {
    const placed = placeOnPrinter(card, { offsetXmm: 1.5, offsetYmm: -0.8, turned: false })
    expect(placed.pageSize).toEqual(card.pageSize)
    expect(placed.html).toContain('body > * { position: relative; left: 1.5mm; top: -0.8mm; }')
    expect(placed.html).toContain('body { overflow: hidden; width: 85.6mm; }')
    // Added to the document's own styles, in the head.
    expect(placed.html.indexOf('left: 1.5mm')).toBeLessThan(placed.html.indexOf('</head>'))
  })

  it('turned: the page is stood on its end and the content rotated a quarter, then offset', () => {
    const placed = placeOnPrinter(card, { offsetXmm: 1, offsetYmm: 2, turned: true })
    expect(placed.pageSize).toEqual({ widthMm: 53.98, heightMm: 85.6 })
    expect(placed.html).toContain('@page { size: 53.98mm 85.6mm; margin: 0; }')
    expect(placed.html).toContain('transform: translate(54.98mm, 2mm) rotate(90deg)')
  })

  it('refuses a document without its own style block', () => {
    expect(() => placeOnPrinter({ ...card, html: '<p>x</p>' }, { offsetXmm: 1, offsetYmm: 0, turned: false })).toThrow(/style/)
  })
})

describe('print failures in plain words', () => {
  it('sorts Electron’s and the system’s reasons', () => {
    expect(classifyPrintFailure('cancelled')).toBe('cancelled')
    expect(classifyPrintFailure('Print job canceled')).toBe('cancelled')
    expect(classifyPrintFailure('webContents.print(): Invalid deviceName provided')).toBe('no-such-printer')
    expect(classifyPrintFailure('Invalid printer settings')).toBe('settings-refused')
    expect(classifyPrintFailure('Printer is offline')).toBe('offline')
    expect(classifyPrintFailure('Print job failed')).toBe('failed')
  })

  it('says what to do, offers the PDF, and keeps the system’s words only where ours are general', () => {
    const failed = explainPrintFailure('Print job failed', 'Zebra GK420d')
    expect(failed.message).toBe(
      'The printer “Zebra GK420d” did not take the document. Check that it is switched on, connected and has paper, then try again, or save the document as a PDF. (The system said: “Print job failed”.)',
    )
    expect(explainPrintFailure('Invalid deviceName provided', null).message).toBe(
      'This computer’s default printer is not set up on this computer. Choose another printer, or save the document as a PDF and print that.',
    )
    expect(explainPrintFailure('cancelled', 'X').message).toBe('Printing was cancelled, so nothing was printed.')
  })

  it('PDF file names: no characters Windows refuses, never empty', () => {
    expect(pdfFileName(['Radio code', '2005 Honda Accord', 'RO 7/12: "A"', '2026-11-24'])).toBe('Radio code - 2005 Honda Accord - RO 7-12- -A- - 2026-11-24.pdf')
    expect(pdfFileName(['', '  '])).toBe('Document.pdf')
    expect(pdfFileName(['a\u0001b'])).toBe('ab.pdf')
  })
})

describe('calibration test page', () => {
  it('rulers numbered every 10 mm from the paper edge, four corner marks, the frame 10 mm in', () => {
    const page = renderTestPage({ shopName: 'Joe <b>&</b> Co', printerName: 'Label "QL"', printedAt: 'now', purpose: 'Pickup reminder · 62 mm label', offsetXmm: -1, offsetYmm: 0 }, { widthMm: 62, heightMm: 72 })
    expect(page.kind).toBe('test-page')
    expect(page.html).toContain('@page { size: 62mm 72mm; margin: 0; }')
    expect(page.html).toContain('Joe &lt;b&gt;&amp;&lt;/b&gt; Co')
    expect(page.html).toContain('Label &quot;QL&quot;')
    expect(page.html).not.toContain('<b>&</b>')
    // Across: 10…50 (60 is too close to the 62 mm edge to label); down: 10…60.
    expect(page.html.match(/class="n"/g)).toHaveLength(5 + 6)
    // One tick per millimetre on both rulers (0…62 and 0…72).
    expect(page.html.match(/<line /g)).toHaveLength(63 + 73)
    expect(page.html.match(/class="corner"/g)).toHaveLength(4)
    expect(page.html).toContain(`<rect class="frame" x="${TEST_PAGE_FRAME_INSET_MM}" y="${TEST_PAGE_FRAME_INSET_MM}" width="42" height="52"/>`)
    expect(page.html).toContain('across −1.0 mm, down ±0.0 mm')
    expect(page.html).not.toMatch(/<script/i)
  })

  it('for the sheet: the ten Avery 5371 outlines at their positions (within 0.5 mm)', () => {
    const page = renderTestPage({ shopName: '', printerName: 'Laser', printedAt: 'now', sheetOutlines: true }, formatPageSize('sheet'))
    const rects = [...page.html.matchAll(/<rect class="slot" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"\/>/g)]
    expect(rects).toHaveLength(10)
    rects.forEach((rect, index) => {
      const col = index % 2
      const row = Math.floor(index / 2)
      expect(Math.abs(Number(rect[1]) - (inchesToMm(0.75) + col * inchesToMm(3.5)))).toBeLessThan(0.5)
      expect(Math.abs(Number(rect[2]) - (inchesToMm(0.5) + row * inchesToMm(2)))).toBeLessThan(0.5)
      expect(Math.abs(Number(rect[3]) - AVERY_5371.cardWidthMm)).toBeLessThan(0.5)
      expect(Math.abs(Number(rect[4]) - AVERY_5371.cardHeightMm)).toBeLessThan(0.5)
    })
    expect(page.html).not.toContain('class="frame"')
  })
})

describe('shop logo setting', () => {
  const base = { shopName: 'A', shopPhone: '', shopAddress: '' }
  it('takes an image data: URL, null or nothing', () => {
    expect(shopSettingsSchema.parse({ ...base, logoDataUrl: 'data:image/png;base64,iVBORw0KGgo=' }).logoDataUrl).toBe('data:image/png;base64,iVBORw0KGgo=')
    expect(shopSettingsSchema.parse({ ...base, logoDataUrl: null }).logoDataUrl).toBeNull()
    expect('logoDataUrl' in shopSettingsSchema.parse(base)).toBe(false)
  })

  it('refuses other URLs, non-images and logos over the size limit', () => {
    expect(shopSettingsSchema.safeParse({ ...base, logoDataUrl: 'https://example.com/logo.png' }).success).toBe(false)
    expect(shopSettingsSchema.safeParse({ ...base, logoDataUrl: 'data:text/html;base64,PHNjcmlwdD4=' }).success).toBe(false)
    const big = shopSettingsSchema.safeParse({ ...base, logoDataUrl: `data:image/png;base64,${'A'.repeat(LOGO_MAX_CHARS)}` })
    expect(big.success).toBe(false)
    expect(big.error?.issues[0]?.message).toMatch(/smaller logo/)
  })
})
