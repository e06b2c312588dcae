import { RADIO_CODE_MASK } from '../domain/radio-code'
import type { PrintableDocument } from './document'
import { escapeHtml } from './html'
import {
  CODE_FONT_STACK,
  DOCUMENT_PAGE_SIZES,
  RECEIPT_WIDTH_MM,
  codeHtml,
  htmlPage,
  logoHtml,
  mm,
  vehicleLine,
  vinLastSix,
} from './kit'
import { qrSvg } from './qr'
import { formatDay, stringsFor, type DocumentLanguage, type DocumentStrings } from './strings'
import { inchesToMm, type PageSizeMm } from './units'

/*
 * The customer's radio code card, in three formats:
 *   - wallet: one ID-1 card (85.60 × 53.98 mm) for card stock or a card printer;
 *   - sheet: Avery 5371/8371 business cards (ten 2 × 3.5 in cards on Letter),
 *     printing only the chosen positions so a half-used sheet is not wasted;
 *   - receipt: an 80 mm receipt roll.
 * The code is the only secret on any printed document and appears only here.
 * With `code: null` (a preview) the card shows the mask instead.
 */

export const CARD_FORMATS = ['wallet', 'sheet', 'receipt'] as const
export type CardFormat = (typeof CARD_FORMATS)[number]

/** Avery 5371/8371: 2 columns × 5 rows of 3.5 × 2 in cards; 0.75 in side and 0.5 in top margins, no gutters. */
export const AVERY_5371 = {
  columns: 2,
  rows: 5,
  cardWidthMm: inchesToMm(3.5),
  cardHeightMm: inchesToMm(2),
  leftMm: inchesToMm(0.75),
  topMm: inchesToMm(0.5),
} as const
export const SHEET_POSITIONS = AVERY_5371.columns * AVERY_5371.rows

export interface CodeCardData {
  readonly language: DocumentLanguage
  readonly shop: { readonly name: string; readonly phone: string; readonly logoDataUrl: string | null }
  readonly customerName: string
  readonly vehicle: { readonly year: number | null; readonly make: string; readonly model: string; readonly vin: string }
  readonly radioSerial: string
  /** The code in clear text (released for print), or null for a preview: the card then shows the mask. */
  readonly code: string | null
  /** Entry steps from the knowledge base; empty: the card says to see the owner's manual. */
  readonly entrySteps: readonly string[]
  /** The day printed, YYYY-MM-DD. */
  readonly day: string
}

export interface CodeCardOptions {
  readonly format: CardFormat
  /** Sheet only: which of the ten positions to print (1–10, left to right, top to bottom). Default: all ten. */
  readonly positions?: readonly number[]
  /** Adds a QR code holding the card's facts as plain text. */
  readonly qr?: boolean
}

export class CardOptionsError extends Error {}

/** The positions to print, checked and sorted; all ten when none are given. */
export function sheetPositions(positions: readonly number[] | undefined): number[] {
  if (positions === undefined) return Array.from({ length: SHEET_POSITIONS }, (_, i) => i + 1)
  const unique = [...new Set(positions)].sort((a, b) => a - b)
  if (unique.length === 0) throw new CardOptionsError('Choose at least one position on the sheet.')
  for (const p of unique) {
    if (!Number.isInteger(p) || p < 1 || p > SHEET_POSITIONS) {
      throw new CardOptionsError(`Sheet positions run from 1 to ${SHEET_POSITIONS}.`)
    }
  }
  return unique
}

function shownCode(data: CodeCardData): string {
  return data.code === null ? RADIO_CODE_MASK : data.code
}

/** The QR code's text: the card's facts, one per line, in the customer's language. */
export function codeCardQrText(data: CodeCardData): string {
  const t = stringsFor(data.language)
  const lines = [
    `${t.cardTitle}: ${shownCode(data)}`,
    `${t.vehicle}: ${vehicleLine(data.vehicle)}`,
    `${t.vinLastSix}: ${vinLastSix(data.vehicle.vin) || t.notOnFile}`,
    `${t.radioSerial}: ${data.radioSerial || t.notOnFile}`,
    `${t.customer}: ${data.customerName}`,
    `${t.date}: ${formatDay(data.day, data.language)}`,
  ]
  const shop = [data.shop.name, data.shop.phone].filter((s) => s.trim() !== '').join(' · ')
  if (shop !== '') lines.push(shop)
  return lines.join('\n')
}

function codeBlock(data: CodeCardData): string {
  if (data.code === null) return `<span class="code-masked">${escapeHtml(RADIO_CODE_MASK)}</span>`
  return codeHtml(data.code)
}

function stepsHtml(data: CodeCardData, t: DocumentStrings, listClass: string): string {
  if (data.entrySteps.length === 0) return `<p class="steps-none">${escapeHtml(t.seeOwnersManual)}</p>`
  const items = data.entrySteps.map((step) => `<li>${escapeHtml(step)}</li>`).join('')
  return `<ol class="${listClass}">${items}</ol>`
}

/** Step text size for the small cards: the longer the steps, the smaller (never under 5 pt). */
export function cardStepsFontPt(steps: readonly string[], qr: boolean): number {
  const chars = steps.reduce((n, s) => n + s.length + 8, 0)
  const room = qr ? 0.8 : 1
  if (chars <= 110 * room) return 6.5
  if (chars <= 170 * room) return 6
  if (chars <= 230 * room) return 5.5
  return 5
}

// ---------------------------------------------------------------------------
// Small cards (wallet and sheet): one face

const CARD_PAD_MM = 3

function cardFaceCss(): string {
  return `
.card { position: relative; overflow: hidden; display: flex; flex-direction: column; padding: ${mm(CARD_PAD_MM)} ${mm(CARD_PAD_MM + 0.5)}; line-height: 1.18; }
.card .head { display: flex; align-items: center; gap: 2mm; border-bottom: 0.3mm solid #000; padding-bottom: 1.2mm; }
.card .head .logo { max-height: 6.5mm; max-width: 18mm; object-fit: contain; }
.card .shop { font-weight: 700; font-size: 8pt; flex: 1; min-width: 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.card .phone { font-size: 7.5pt; font-weight: 700; white-space: nowrap; }
.card .mid { display: flex; gap: 2.5mm; margin-top: 1.4mm; }
.card .facts { flex: 1; min-width: 0; }
.card .label { display: flex; justify-content: space-between; gap: 2mm; font-size: 5.5pt; text-transform: uppercase; letter-spacing: 0.06em; color: #333; }
.card .label .date { text-transform: none; letter-spacing: 0; font-size: 6pt; color: #000; white-space: nowrap; }
.card .code { font-family: ${CODE_FONT_STACK}; font-weight: 700; font-size: 22pt; line-height: 1.05; margin: 0.2mm 0 1.1mm; white-space: nowrap; }
.card .who { font-size: 7.5pt; font-weight: 700; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.card .line { font-size: 6.5pt; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.card .mono { font-family: ${CODE_FONT_STACK}; }
.card .qr { flex: none; display: flex; flex-direction: column; align-items: center; }
.card .foot { margin-top: auto; border-top: 0.2mm solid #000; padding-top: 0.9mm; }
.card .steps-title { font-weight: 700; }
.card ol.steps { margin: 0; padding: 0; list-style: none; display: inline; }
.card ol.steps li { display: inline; counter-increment: step; }
.card ol.steps li::before { content: counter(step) ". "; font-weight: 700; }
.card ol.steps li + li::before { content: " " counter(step) ". "; }
.card .steps-block { margin: 0; }
.card .steps-none { display: inline; margin: 0; }
.card .keep { font-weight: 700; margin: 0.6mm 0 0; font-size: 5.8pt; }
.code-char { display: inline-block; min-width: 0.62em; text-align: center; }
.code-char + .code-char { margin-left: 0.16em; }
.code-group + .code-group { margin-left: 0.55em; }
.code-masked { letter-spacing: 0.12em; }
`
}

function cardFace(data: CodeCardData, qr: boolean, widthMm: number, heightMm: number): string {
  const t = stringsFor(data.language)
  const vin6 = vinLastSix(data.vehicle.vin)
  const stepsPt = cardStepsFontPt(data.entrySteps, qr)
  const englishNote = data.entrySteps.length > 0 && t.kbInEnglish !== '' ? ` ${escapeHtml(t.kbInEnglish)}` : ''
  const qrSize = Math.min(17, heightMm * 0.33)
  return `<div class="card" style="width:${mm(widthMm)};height:${mm(heightMm)}">
<div class="head">${logoHtml(data.shop.logoDataUrl)}<div class="shop">${escapeHtml(data.shop.name)}</div><div class="phone">${escapeHtml(data.shop.phone)}</div></div>
<div class="mid"><div class="facts">
<div class="label"><span>${escapeHtml(t.cardTitle)}</span><span class="date">${escapeHtml(formatDay(data.day, data.language))}</span></div>
<div class="code">${codeBlock(data)}</div>
<div class="who">${escapeHtml(data.customerName)}</div>
<div class="line">${escapeHtml(vehicleLine(data.vehicle))}${vin6 ? ` · ${escapeHtml(t.vinLastSix)} <span class="mono">${escapeHtml(vin6)}</span>` : ''}</div>
<div class="line">${escapeHtml(t.radioSerial)} <span class="mono">${escapeHtml(data.radioSerial || t.notOnFile)}</span></div>
</div>${qr ? `<div class="qr">${qrSvg(codeCardQrText(data), { sizeMm: qrSize })}</div>` : ''}</div>
<div class="foot" style="font-size:${stepsPt}pt"><p class="steps-block"><span class="steps-title">${escapeHtml(t.howToEnter)}${englishNote}:</span> ${stepsHtml(data, t, 'steps')}</p>
<p class="keep">${escapeHtml(t.keepSafe)}</p></div>
</div>`
}

function renderWallet(data: CodeCardData, qr: boolean): PrintableDocument {
  const t = stringsFor(data.language)
  const size = DOCUMENT_PAGE_SIZES.id1
  const html = htmlPage({
    lang: t.lang,
    title: t.cardTitle,
    pageSize: size,
    css: cardFaceCss(),
    body: cardFace(data, qr, size.widthMm, size.heightMm),
  })
  return { kind: 'code-card-wallet', title: t.cardTitle, html, pageSize: size }
}

function renderSheet(data: CodeCardData, qr: boolean, positions: readonly number[] | undefined): PrintableDocument {
  const t = stringsFor(data.language)
  const size = DOCUMENT_PAGE_SIZES.letter
  const used = new Set(sheetPositions(positions))
  const cells: string[] = []
  for (let position = 1; position <= SHEET_POSITIONS; position += 1) {
    const col = (position - 1) % AVERY_5371.columns
    const row = Math.floor((position - 1) / AVERY_5371.columns)
    const left = AVERY_5371.leftMm + col * AVERY_5371.cardWidthMm
    const top = AVERY_5371.topMm + row * AVERY_5371.cardHeightMm
    const style = `left:${mm(left)};top:${mm(top)};width:${mm(AVERY_5371.cardWidthMm)};height:${mm(AVERY_5371.cardHeightMm)}`
    cells.push(
      used.has(position)
        ? `<div class="slot used" data-position="${position}" style="${style}">${cardFace(data, qr, AVERY_5371.cardWidthMm, AVERY_5371.cardHeightMm)}</div>`
        : `<div class="slot empty" data-position="${position}" style="${style}"></div>`,
    )
  }
  const html = htmlPage({
    lang: t.lang,
    title: t.cardTitle,
    pageSize: size,
    css: `${cardFaceCss()}
.sheet { position: relative; width: ${mm(size.widthMm)}; height: ${mm(size.heightMm)}; overflow: hidden; }
.slot { position: absolute; }
/* Business-card perforations drift by a millimetre or so: keep text further in. */
.slot .card { padding: 3.8mm 4.6mm; }`,
    body: `<div class="sheet">${cells.join('\n')}</div>`,
  })
  return { kind: 'code-card-sheet', title: t.cardTitle, html, pageSize: size }
}

/** Receipt length in mm, estimated from the content (a receipt must not spill onto a second page). */
export function receiptHeightMm(data: CodeCardData, qr: boolean): number {
  const stepLines = data.entrySteps.reduce((n, s) => n + Math.ceil((s.length + 4) / 42), 0)
  return Math.round(
    102 + (data.shop.logoDataUrl ? 16 : 0) + Math.max(1, stepLines) * 4.2 + (data.customerName.length > 30 ? 5 : 0) + (qr ? 38 : 0),
  )
}

function renderReceipt(data: CodeCardData, qr: boolean): PrintableDocument {
  const t = stringsFor(data.language)
  const size: PageSizeMm = { widthMm: RECEIPT_WIDTH_MM, heightMm: receiptHeightMm(data, qr) }
  const vin6 = vinLastSix(data.vehicle.vin)
  const englishNote = data.entrySteps.length > 0 && t.kbInEnglish !== '' ? ` ${escapeHtml(t.kbInEnglish)}` : ''
  const row = (label: string, value: string, mono = false) =>
    `<tr><th>${escapeHtml(label)}</th><td${mono ? ' class="mono"' : ''}>${escapeHtml(value)}</td></tr>`
  const body = `<div class="receipt">
<div class="head">${logoHtml(data.shop.logoDataUrl)}<div class="shop">${escapeHtml(data.shop.name)}</div><div class="phone">${escapeHtml(data.shop.phone)}</div></div>
<div class="title">${escapeHtml(t.cardTitle)}</div>
<div class="code-box"><div class="code">${codeBlock(data)}</div></div>
<table class="facts">
${row(t.customer, data.customerName)}
${row(t.vehicle, vehicleLine(data.vehicle))}
${row(t.vinLastSix, vin6 || t.notOnFile, vin6 !== '')}
${row(t.radioSerial, data.radioSerial || t.notOnFile, data.radioSerial !== '')}
${row(t.date, formatDay(data.day, data.language))}
</table>
<div class="steps-title">${escapeHtml(t.howToEnter)}${englishNote}</div>
${stepsHtml(data, t, 'steps')}
<p class="keep">${escapeHtml(t.keepSafe)}</p>
${qr ? `<div class="qr">${qrSvg(codeCardQrText(data), { sizeMm: 30 })}<div class="qr-caption">${escapeHtml(t.qrCaption)}</div></div>` : ''}
</div>`
  const css = `
.receipt { width: ${mm(RECEIPT_WIDTH_MM)}; padding: 4mm 5mm 6mm; font-size: 9pt; line-height: 1.25; }
.head { text-align: center; padding-bottom: 2mm; border-bottom: 0.4mm dashed #000; }
.head .logo { display: block; max-height: 14mm; max-width: 50mm; margin: 0 auto 1.5mm; object-fit: contain; }
.shop { font-size: 12pt; font-weight: 700; }
.phone { font-size: 10pt; font-weight: 700; }
.title { margin-top: 3mm; text-align: center; font-size: 10pt; font-weight: 700; text-transform: uppercase; letter-spacing: 0.1em; }
.code-box { border: 0.6mm solid #000; border-radius: 2mm; margin: 1.5mm 0 3mm; padding: 2mm 1mm; text-align: center; }
.code { font-family: ${CODE_FONT_STACK}; font-weight: 700; font-size: 30pt; line-height: 1.1; white-space: nowrap; }
.code-char { display: inline-block; min-width: 0.62em; text-align: center; }
.code-char + .code-char { margin-left: 0.2em; }
.code-group + .code-group { margin-left: 0.6em; }
.code-masked { letter-spacing: 0.12em; }
.facts { width: 100%; border-collapse: collapse; margin-bottom: 3mm; }
.facts th { text-align: left; font-weight: 400; font-size: 8pt; padding: 0.5mm 2mm 0.5mm 0; vertical-align: top; white-space: nowrap; }
.facts td { font-weight: 700; padding: 0.5mm 0; overflow-wrap: anywhere; }
.mono { font-family: ${CODE_FONT_STACK}; }
.steps-title { font-weight: 700; border-top: 0.4mm dashed #000; padding-top: 2mm; }
ol.steps { margin: 1mm 0 0; padding-left: 5mm; }
ol.steps li { margin-bottom: 0.8mm; }
.steps-none { margin: 1mm 0 0; }
.keep { font-weight: 700; border: 0.4mm solid #000; padding: 1.5mm 2mm; margin: 3mm 0 0; }
.qr { text-align: center; margin-top: 3mm; }
.qr svg { display: block; margin: 0 auto; }
.qr-caption { font-size: 7pt; }
`
  const html = htmlPage({ lang: t.lang, title: t.cardTitle, pageSize: size, css, body })
  return { kind: 'code-card-receipt', title: t.cardTitle, html, pageSize: size }
}

/** The code card in the chosen format. Throws CardOptionsError for sheet positions out of range. */
export function renderCodeCard(data: CodeCardData, options: CodeCardOptions): PrintableDocument {
  const qr = options.qr ?? false
  switch (options.format) {
    case 'wallet':
      return renderWallet(data, qr)
    case 'sheet':
      return renderSheet(data, qr, options.positions)
    case 'receipt':
      return renderReceipt(data, qr)
  }
}
