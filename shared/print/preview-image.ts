import type { PrintableDocument } from './document'
import { mmToCssPx } from './units'

/*
 * The on-screen preview of a printable document. The app's own
 * Content-Security-Policy (style-src 'self') is inherited by a srcdoc frame,
 * which would print-preview the page without its styles. An SVG image is a
 * separate, inert document: no scripts, no network, no inherited policy. So
 * the document (written as XHTML-compatible markup) goes into an SVG
 * <foreignObject>, and the sandboxed frame shows that image: what Chromium
 * lays out there is the same HTML and CSS it prints.
 */

export interface PreviewImage {
  /** data:image/svg+xml URL of the page. */
  readonly url: string
  /** Size of the image on screen, in CSS pixels (already scaled). */
  readonly widthPx: number
  readonly heightPx: number
}

const XHTML_NS = 'http://www.w3.org/1999/xhtml'

/** The document's markup as XHTML: no doctype, the XHTML namespace on <html>. */
export function documentAsXhtml(html: string): string {
  const withoutDoctype = html.replace(/^\s*<!doctype html>\s*/i, '')
  return withoutDoctype.replace(/^<html\b/, `<html xmlns="${XHTML_NS}"`)
}

/**
 * The page as an SVG image at `scale`. `pages` lets a Letter/A4 document
 * whose content runs on show more than its first page (as one continuous
 * sheet: the page breaks show only in print).
 */
export function previewImage(document: PrintableDocument, scale: number, pages = 1): PreviewImage {
  const width = mmToCssPx(document.pageSize.widthMm)
  const height = mmToCssPx(document.pageSize.heightMm) * pages
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${round(width * scale)}" height="${round(height * scale)}" viewBox="0 0 ${round(width)} ${round(height)}">` +
    `<rect width="100%" height="100%" fill="#fff"/>` +
    `<foreignObject x="0" y="0" width="${round(width)}" height="${round(height)}">${documentAsXhtml(document.html)}</foreignObject></svg>`
  return { url: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`, widthPx: round(width * scale), heightPx: round(height * scale) }
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}

/** The frame's own page: just the image, no styles (the inherited policy would refuse them). */
export function previewFrameDocument(image: PreviewImage, label: string): string {
  const alt = label.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
  return `<!doctype html><html><head><meta charset="utf-8"></head><body marginwidth="0" marginheight="0" topmargin="0" leftmargin="0"><img src="${image.url}" width="${image.widthPx}" height="${image.heightPx}" alt="${alt}"></body></html>`
}
