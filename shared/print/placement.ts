import type { PrintableDocument } from './document'
import { mm } from './kit'

/*
 * Where a document lands on a particular printer: the calibration offset
 * (the whole page content moves by x/y millimetres) and, for the wallet
 * card, whether the printer takes the card turned a quarter (a card printer
 * whose driver describes the card as portrait). Applied to the document's
 * own HTML, so what prints, the spool PDFs and the tests all see the same.
 */

export interface Placement {
  /** Positive: right. */
  readonly offsetXmm: number
  /** Positive: down. */
  readonly offsetYmm: number
  /** Print on a page with width and height swapped, the content turned 90° clockwise. */
  readonly turned: boolean
}

export const NO_PLACEMENT: Placement = { offsetXmm: 0, offsetYmm: 0, turned: false }

export function isNoPlacement(placement: Placement): boolean {
  return placement.offsetXmm === 0 && placement.offsetYmm === 0 && !placement.turned
}

/** CSS added after the document's own styles (later rules win). */
export function placementCss(document: PrintableDocument, placement: Placement): string {
  const { widthMm, heightMm } = document.pageSize
  if (placement.turned) {
    // Rotating 90° clockwise about the top-left corner puts the content left of the page; the
    // translate by its height brings it back. Only single-page documents (the wallet card) turn.
    return `
@page { size: ${mm(heightMm)} ${mm(widthMm)}; margin: 0; }
html, body { overflow: hidden; }
body { width: ${mm(widthMm)}; height: ${mm(heightMm)}; transform-origin: 0 0; transform: translate(${mm(heightMm + placement.offsetXmm)}, ${mm(placement.offsetYmm)}) rotate(90deg); }
`
  }
  // Each top-level block moves by relative positioning, which keeps how the content breaks into
  // pages. Chromium shrinks a page whose content is wider than the paper to fit, so the shifted
  // content is clipped at the paper's edge instead of sticking out past it.
  return `
html { overflow: hidden; }
body { overflow: hidden; width: ${mm(widthMm)}; }
body > * { position: relative; left: ${mm(placement.offsetXmm)}; top: ${mm(placement.offsetYmm)}; }
`
}

/**
 * The document as this printer needs it. With no offset and no turn it is
 * returned unchanged.
 */
export function placeOnPrinter(document: PrintableDocument, placement: Placement): PrintableDocument {
  if (isNoPlacement(placement)) return document
  const marker = '</style>'
  const at = document.html.indexOf(marker)
  if (at < 0) throw new Error('A printable document must carry its own <style> block.')
  const html = `${document.html.slice(0, at)}${placementCss(document, placement)}${document.html.slice(at)}`
  const pageSize = placement.turned ? { widthMm: document.pageSize.heightMm, heightMm: document.pageSize.widthMm } : document.pageSize
  return { ...document, html, pageSize }
}
