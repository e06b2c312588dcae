import { escapeHtml, PRINT_DOCUMENT_CSP } from './html'
import { PAGE_SIZES, type PageSizeMm } from './units'

/*
 * Building blocks shared by the customer documents: page sizes, the HTML
 * shell (CSP, @page size, no scripts), font stacks and small formatting
 * rules. Everything here is pure.
 */

/** Paper and card sizes the documents come in (unit conversions stay in ./units). */
export const DOCUMENT_PAGE_SIZES = {
  /** ISO/IEC 7810 ID-1 (credit-card size), for card stock or a card printer. */
  id1: { widthMm: 85.6, heightMm: 53.98 },
  /** Letter, for the Avery 5371/8371 sheet of ten business cards. */
  letter: PAGE_SIZES.letter,
  a4: PAGE_SIZES.a4,
} as const satisfies Record<string, PageSizeMm>

/** Width of an 80 mm receipt roll and of a 62 mm continuous label (Brother DK-22205 and alike). */
export const RECEIPT_WIDTH_MM = 80
export const LABEL_62_WIDTH_MM = 62

export type PaperSize = 'letter' | 'a4'
export const PAPER_SIZES: readonly PaperSize[] = ['letter', 'a4']

export function paperPageSize(paper: PaperSize): PageSizeMm {
  return paper === 'a4' ? DOCUMENT_PAGE_SIZES.a4 : DOCUMENT_PAGE_SIZES.letter
}

/**
 * Monospace faces whose digits cannot be confused: DejaVu Sans Mono (Linux:
 * dotted zero, plain 1 with a flag and foot) and Consolas / Cascadia Mono
 * (Windows: slashed zero). Liberation Mono is left out on purpose: its zero
 * is a plain oval, like an O.
 */
export const CODE_FONT_STACK = '"DejaVu Sans Mono", Consolas, "Cascadia Mono", "Lucida Console", monospace'
export const TEXT_FONT_STACK = '"Liberation Sans", "DejaVu Sans", Arial, Helvetica, sans-serif'

/** Rounds a size to 0.01 mm for CSS. */
export function mm(value: number): string {
  return `${Math.round(value * 100) / 100}mm`
}

/** A complete, self-contained HTML page: CSP meta, @page size with no margin, inline CSS, no scripts. */
export function htmlPage(options: {
  readonly lang: string
  readonly title: string
  readonly pageSize: PageSizeMm
  readonly css: string
  readonly body: string
}): string {
  return `<!doctype html>
<html lang="${escapeHtml(options.lang)}"><head><meta charset="utf-8"/>
<meta http-equiv="Content-Security-Policy" content="${PRINT_DOCUMENT_CSP}"/>
<title>${escapeHtml(options.title)}</title>
<style>
@page { size: ${mm(options.pageSize.widthMm)} ${mm(options.pageSize.heightMm)}; margin: 0; }
*, *::before, *::after { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: ${TEXT_FONT_STACK}; color: #000; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
${options.css}
</style></head>
<body>
${options.body}
</body></html>`
}

/** The last six characters of a VIN (what the card shows); '' when there is no VIN. */
export function vinLastSix(vin: string): string {
  const clean = vin.replace(/\s+/g, '').toUpperCase()
  return clean.slice(-6)
}

/** "2005 Honda Accord" (year left out when unknown). */
export function vehicleLine(vehicle: { readonly year: number | null; readonly make: string; readonly model: string }): string {
  return [vehicle.year === null ? '' : String(vehicle.year), vehicle.make, vehicle.model].join(' ').replace(/\s+/g, ' ').trim()
}

/**
 * The code split for reading aloud: every character on its own, in groups of
 * three or four ("41263" → ["412", "63"]... see codeGroups). Spaces, dashes
 * and other separators someone typed are dropped first.
 */
export function codeCharacters(code: string): string[] {
  return [...code.replace(/[\s\-_.]+/g, '').toUpperCase()]
}

/** Groups for display: up to 6 characters stay one group (each digit spaced); longer codes split in threes/fours. */
export function codeGroups(code: string): string[][] {
  const chars = codeCharacters(code)
  if (chars.length <= 6) return [chars]
  const size = chars.length % 4 === 0 ? 4 : 3
  const groups: string[][] = []
  for (let i = 0; i < chars.length; i += size) groups.push(chars.slice(i, i + size))
  return groups
}

/** The code as spaced HTML: one span per character, so every digit stands apart. */
export function codeHtml(code: string): string {
  return codeGroups(code)
    .map((group) => `<span class="code-group">${group.map((c) => `<span class="code-char">${escapeHtml(c)}</span>`).join('')}</span>`)
    .join('')
}

/**
 * The longest logo data: URL kept (about 450 KB of image): a logo prints at
 * a few centimetres, and every document carries it inline.
 */
export const LOGO_MAX_CHARS = 600_000

/** True for an image data: URL the print CSP allows (img-src data:) and Chromium renders: PNG, JPEG, GIF, WebP or SVG, base64. */
export function isLogoDataUrl(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= LOGO_MAX_CHARS &&
    /^data:image\/(png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/]+=*$/.test(value)
  )
}

/** `<img>` for the shop's logo, or '' when none is configured (or it is not a safe data: URL). */
export function logoHtml(logoDataUrl: string | null | undefined, className = 'logo'): string {
  return isLogoDataUrl(logoDataUrl) ? `<img class="${className}" src="${logoDataUrl}" alt=""/>` : ''
}

/** Text for HTML, with line breaks kept. */
export function textHtml(value: string): string {
  return escapeHtml(value).replace(/\r?\n/g, '<br/>')
}
