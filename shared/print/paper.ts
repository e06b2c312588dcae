import { escapeHtml } from './html'
import { CODE_FONT_STACK, logoHtml, mm } from './kit'

/*
 * Letter/A4 documents (the guide and the dealer request). Chromium ignores
 * CSS @page margins when the print call asks for no margins, so the top and
 * bottom margins are a table header and footer that repeat on every page,
 * and the side margins are padding.
 */

export const PAPER_MARGIN_MM = { top: 14, side: 16, bottom: 14 } as const

export function paperCss(): string {
  return `
body { font-size: 10pt; line-height: 1.35; }
table.pages { width: 100%; border-collapse: collapse; }
table.pages > thead > tr > td, table.pages > tfoot > tr > td, table.pages > tbody > tr > td { padding: 0 ${mm(PAPER_MARGIN_MM.side)}; }
.page-top { height: ${mm(PAPER_MARGIN_MM.top)}; }
.page-bottom { height: ${mm(PAPER_MARGIN_MM.bottom)}; }
.letterhead { display: flex; align-items: center; gap: 4mm; border-bottom: 0.5mm solid #000; padding-bottom: 2.5mm; margin-bottom: 5mm; }
.letterhead .logo { max-height: 16mm; max-width: 40mm; object-fit: contain; }
.letterhead .shop { flex: 1; }
.letterhead .shop-name { font-size: 14pt; font-weight: 700; }
.letterhead .shop-contact { font-size: 9pt; white-space: pre-line; }
.letterhead .date { font-size: 9.5pt; text-align: right; white-space: nowrap; }
h1 { font-size: 17pt; margin: 0 0 3mm; }
h2 { font-size: 11.5pt; margin: 5mm 0 1.5mm; padding-bottom: 0.8mm; border-bottom: 0.25mm solid #888; break-after: avoid; }
h3 { font-size: 10pt; margin: 2.5mm 0 1mm; break-after: avoid; }
p { margin: 0 0 2mm; }
ul { margin: 0 0 2mm; padding-left: 5.5mm; }
li { margin-bottom: 1mm; break-inside: avoid; }
.mono { font-family: ${CODE_FONT_STACK}; }
table.facts { border-collapse: collapse; width: 100%; break-inside: avoid; }
table.facts th { text-align: left; font-weight: 400; color: #333; width: 34mm; padding: 1mm 3mm 1mm 0; vertical-align: top; }
table.facts td { font-weight: 700; padding: 1mm 0; border-bottom: 0.2mm solid #ccc; overflow-wrap: anywhere; }
.fill { display: inline-block; min-width: 60mm; border-bottom: 0.3mm solid #000; height: 5mm; }
.muted { color: #444; font-size: 9pt; }
.note { font-size: 9pt; color: #333; }
.box { border: 0.4mm solid #000; padding: 3mm 4mm; break-inside: avoid; }
`
}

export interface LetterheadShop {
  readonly name: string
  readonly phone: string
  readonly address: string
  readonly logoDataUrl: string | null
}

export function letterheadHtml(shop: LetterheadShop, dateText: string): string {
  const contact = [shop.address, shop.phone].filter((s) => s.trim() !== '').join('\n')
  return `<div class="letterhead">${logoHtml(shop.logoDataUrl)}<div class="shop"><div class="shop-name">${escapeHtml(shop.name)}</div><div class="shop-contact">${escapeHtml(contact)}</div></div><div class="date">${escapeHtml(dateText)}</div></div>`
}

/** Wraps content so every printed page gets the top and bottom margins. */
export function pagedBody(content: string): string {
  return `<table class="pages"><thead><tr><td><div class="page-top"></div></td></tr></thead><tfoot><tr><td><div class="page-bottom"></div></td></tr></tfoot><tbody><tr><td>
${content}
</td></tr></tbody></table>`
}
