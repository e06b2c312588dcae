import type { PrintableDocument } from './document'
import { escapeHtml, PRINT_DOCUMENT_CSP } from './html'
import { PAGE_SIZES, type PageSizeMm } from './units'

export interface TestPageData {
  readonly shopName: string
  readonly printerName: string
  readonly printedAt: string
}

/**
 * A printer test page: proves the printer, the page size and the fonts work
 * before a customer's card depends on them. Contains no customer data.
 */
export function renderTestPage(data: TestPageData, pageSize: PageSizeMm = PAGE_SIZES.letter): PrintableDocument {
  const shop = data.shopName.trim() === '' ? 'Radio Code Desk' : data.shopName
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${PRINT_DOCUMENT_CSP}">
<title>Printer test page</title>
<style>
@page { size: ${pageSize.widthMm}mm ${pageSize.heightMm}mm; margin: 0; }
html, body { margin: 0; padding: 0; }
body { font-family: "Liberation Sans", Arial, sans-serif; padding: 15mm; box-sizing: border-box; }
h1 { font-size: 20pt; margin: 0 0 6mm; }
.digits { font-family: "Liberation Mono", "DejaVu Sans Mono", monospace; font-size: 28pt; letter-spacing: 0.3em; }
.box { border: 0.5mm solid #000; width: 50mm; height: 20mm; margin-top: 6mm; }
</style></head>
<body>
<h1>Printer test page</h1>
<p>${escapeHtml(shop)}</p>
<p>Printer: ${escapeHtml(data.printerName)}</p>
<p>Printed: ${escapeHtml(data.printedAt)}</p>
<p class="digits">0123456789</p>
<div class="box" aria-label="50 by 20 millimetre box"></div>
<p>The box above should measure 50 × 20 mm. If it does not, check the printer's scaling setting.</p>
</body></html>`
  return { kind: 'test-page', title: 'Printer test page', html, pageSize }
}
