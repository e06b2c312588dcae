import { AVERY_5371, SHEET_POSITIONS } from './code-card'
import type { PrintableDocument } from './document'
import { escapeHtml } from './html'
import { CODE_FONT_STACK, htmlPage, mm } from './kit'
import { PAGE_SIZES, type PageSizeMm } from './units'

export interface TestPageData {
  readonly shopName: string
  readonly printerName: string
  readonly printedAt: string
  /** What the page calibrates, e.g. "Code card · Wallet card (85.6 × 54 mm)". */
  readonly purpose?: string
  /** The calibration offset this print is made with (shown on the page). */
  readonly offsetXmm?: number
  readonly offsetYmm?: number
  /** Draws the ten Avery 5371/8371 card outlines, to hold against a sheet of cards. */
  readonly sheetOutlines?: boolean
}

/** The dashed frame sits this far in from every edge of the paper. */
export const TEST_PAGE_FRAME_INSET_MM = 10

/*
 * A calibration page: millimetre rulers along the top and left edges whose 0
 * is the paper's edge, a mark in each corner, and a dashed frame a fixed
 * distance in from every edge. Printed, it shows how far the printer moves
 * the page (read the ruler at the paper's edge, or measure to the frame) and
 * whether it scales it (10 mm on the ruler against a real ruler). Contains no
 * customer data.
 */

function signed(value: number): string {
  const rounded = Math.round(value * 10) / 10
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : '±'}${Math.abs(rounded).toFixed(1)} mm`
}

function round2(value: number): number {
  return Math.round(value * 100) / 100
}

/** Tick marks every millimetre, longer every 5 and 10 (numbered every 10). */
function rulerSvg(size: PageSizeMm, fontMm: number): string {
  const parts: string[] = []
  const tick = (n: number) => (n % 10 === 0 ? 4 : n % 5 === 0 ? 2.6 : 1.5)
  for (let x = 0; x <= Math.floor(size.widthMm); x += 1) {
    parts.push(`<line x1="${x}" y1="0" x2="${x}" y2="${tick(x)}"/>`)
    if (x % 10 === 0 && x > 0 && x < size.widthMm - 3) parts.push(`<text x="${x + 0.5}" y="${round2(4 + fontMm)}" class="n">${x}</text>`)
  }
  for (let y = 0; y <= Math.floor(size.heightMm); y += 1) {
    parts.push(`<line x1="0" y1="${y}" x2="${tick(y)}" y2="${y}"/>`)
    if (y % 10 === 0 && y > 0 && y < size.heightMm - 3) parts.push(`<text x="4.4" y="${round2(y + fontMm * 0.35)}" class="n">${y}</text>`)
  }
  return parts.join('')
}

/** An L in each corner, its point exactly on the corner of the paper. */
function cornerMarksSvg(size: PageSizeMm): string {
  const arm = Math.min(8, Math.min(size.widthMm, size.heightMm) / 6)
  const w = round2(size.widthMm)
  const h = round2(size.heightMm)
  const a = round2(arm)
  const corners: Array<[number, number, number, number]> = [
    [0, 0, 1, 1],
    [w, 0, -1, 1],
    [0, h, 1, -1],
    [w, h, -1, -1],
  ]
  return corners
    .map(([x, y, dx, dy]) => `<path class="corner" d="M ${round2(x + dx * a)} ${y} L ${x} ${y} L ${x} ${round2(y + dy * a)}"/>`)
    .join('')
}

function sheetOutlinesSvg(): string {
  const parts: string[] = []
  for (let position = 1; position <= SHEET_POSITIONS; position += 1) {
    const col = (position - 1) % AVERY_5371.columns
    const row = Math.floor((position - 1) / AVERY_5371.columns)
    const x = round2(AVERY_5371.leftMm + col * AVERY_5371.cardWidthMm)
    const y = round2(AVERY_5371.topMm + row * AVERY_5371.cardHeightMm)
    parts.push(`<rect class="slot" x="${x}" y="${y}" width="${round2(AVERY_5371.cardWidthMm)}" height="${round2(AVERY_5371.cardHeightMm)}"/>`)
    parts.push(`<text class="slot-n" x="${round2(x + 3)}" y="${round2(y + 6)}">${position}</text>`)
  }
  return parts.join('')
}

/**
 * The printer test page at the given page size (the format being
 * calibrated). Everything is placed from the page's own corner, so a
 * printer's shift shows directly on the rulers.
 */
export function renderTestPage(data: TestPageData, pageSize: PageSizeMm = PAGE_SIZES.letter): PrintableDocument {
  const shop = data.shopName.trim() === '' ? 'Radio Code Desk' : data.shopName
  const small = Math.min(pageSize.widthMm, pageSize.heightMm) < 100
  const fontMm = small ? 1.8 : 2.4
  const inset = TEST_PAGE_FRAME_INSET_MM
  const frame = data.sheetOutlines
    ? ''
    : `<rect class="frame" x="${inset}" y="${inset}" width="${round2(pageSize.widthMm - 2 * inset)}" height="${round2(pageSize.heightMm - 2 * inset)}"/>`
  const svg = `<svg class="marks" xmlns="http://www.w3.org/2000/svg" width="${mm(pageSize.widthMm)}" height="${mm(pageSize.heightMm)}" viewBox="0 0 ${round2(pageSize.widthMm)} ${round2(pageSize.heightMm)}" aria-hidden="true">
<g class="ruler">${rulerSvg(pageSize, fontMm)}</g>${frame}${data.sheetOutlines ? sheetOutlinesSvg() : ''}${cornerMarksSvg(pageSize)}
</svg>`
  const offsets =
    data.offsetXmm !== undefined || data.offsetYmm !== undefined
      ? `<p>Offset now: across ${escapeHtml(signed(data.offsetXmm ?? 0))}, down ${escapeHtml(signed(data.offsetYmm ?? 0))}</p>`
      : ''
  const check = data.sheetOutlines
    ? 'Hold this page against a sheet of cards: the outlines should fall on the perforations.'
    : `The paper’s edges should be at 0 on both rulers, and the dashed frame ${inset} mm in from every edge.`
  const text = `<div class="info">
<h1>Printer test page</h1>
${data.purpose ? `<p class="purpose">${escapeHtml(data.purpose)}</p>` : ''}
<p>${escapeHtml(shop)}</p>
<p>Printer: ${escapeHtml(data.printerName)}</p>
${small ? '' : `<p>Page: ${escapeHtml(`${round2(pageSize.widthMm)} × ${round2(pageSize.heightMm)} mm`)}</p>`}
${offsets}
<p class="digits">0123456789</p>
<p>${escapeHtml(check)}${small ? '' : ' If the print sits 2 mm too far right, make the offset across 2 mm smaller (more negative); if it sits too low, make the offset down smaller.'}</p>
<p class="muted">${escapeHtml(data.printedAt)}</p>
</div>`
  const info = small ? { left: inset + 1.5, top: inset + 1.5, right: inset + 1.5, font: 5.5 } : { left: inset + 4, top: inset + 4, right: inset + 4, font: 9 }
  const css = `
.page { position: relative; width: ${mm(pageSize.widthMm)}; height: ${mm(pageSize.heightMm)}; overflow: hidden; }
.marks { position: absolute; left: 0; top: 0; }
.ruler line { stroke: #000; stroke-width: 0.15; }
.ruler .n { font-family: "Liberation Sans", Arial, sans-serif; font-size: ${fontMm}px; fill: #000; }
.corner { fill: none; stroke: #000; stroke-width: 0.8; }
.frame { fill: none; stroke: #000; stroke-width: 0.25; stroke-dasharray: 2 1.2; }
.slot { fill: none; stroke: #555; stroke-width: 0.2; stroke-dasharray: 0.8 0.8; }
.slot-n { font-family: "Liberation Sans", Arial, sans-serif; font-size: 3px; fill: #555; }
.info { position: absolute; left: ${mm(info.left)}; top: ${mm(info.top)}; right: ${mm(info.right)}; font-size: ${info.font}pt; line-height: 1.25; ${data.sheetOutlines ? 'background: #fff; padding: 2mm; border: 0.3mm solid #000; left: 30mm; right: 30mm; top: 60mm;' : ''} }
.info h1 { font-size: 1.45em; margin: 0 0 0.6em; }
.info p { margin: 0 0 0.35em; }
.info .purpose { font-weight: 700; }
.info .digits { font-family: ${CODE_FONT_STACK}; font-size: 1.8em; letter-spacing: 0.15em; font-weight: 700; }
.info .muted { color: #444; }
`
  const html = htmlPage({
    lang: 'en',
    title: 'Printer test page',
    pageSize,
    css,
    body: `<div class="page">${svg}${text}</div>`,
  })
  return { kind: 'test-page', title: 'Printer test page', html, pageSize }
}
