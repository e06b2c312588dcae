import { describe, expect, it } from 'vitest'
import { getKnowledgeBase, guidanceForVehicle } from '../../../electron/main/services/knowledge'
import { renderCodeCard, type CodeCardData } from '../../../shared/print/code-card'
import { renderCodeGuide } from '../../../shared/print/code-guide'
import { renderDealerRequest } from '../../../shared/print/dealer-request'
import type { PrintableDocument } from '../../../shared/print/document'
import { kbFactsFor } from '../../../shared/print/kb-facts'
import { renderPickupReminder } from '../../../shared/print/pickup-reminder'
import { placeOnPrinter } from '../../../shared/print/placement'
import { documentAsXhtml, previewFrameDocument, previewImage } from '../../../shared/print/preview-image'
import { formatPageSize } from '../../../shared/print/print-setup'
import { renderTestPage } from '../../../shared/print/test-page'

/*
 * The screen preview puts each document's markup into an SVG image, which
 * only renders well-formed XML: every document must be XHTML-compatible
 * (void elements closed, entities XML knows, nothing unbalanced), whatever
 * the customer typed.
 */

const HOSTILE = 'Ana <script>alert(1)</script> & "Sons" \'n\' <br> &nbsp;'
const LOGO = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='
const kb = getKnowledgeBase()
const honda = kbFactsFor(kb, guidanceForVehicle({ make: 'Honda', model: 'Accord', year: 2005 }), 'Honda')
const vw = kbFactsFor(kb, guidanceForVehicle({ make: 'Volkswagen', model: 'Jetta', year: 2004 }), 'Volkswagen')

const VOID_XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos'])

/** A small well-formedness check: balanced tags, quoted attributes, only XML's entities. Returns the problems. */
function xmlProblems(xml: string): string[] {
  const problems: string[] = []
  const stack: string[] = []
  const token = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|<!--[\s\S]*?-->|<|&(#\d+|#x[0-9a-f]+|\w+)?;?/gi
  for (const match of xml.matchAll(token)) {
    const [whole, closing, name, , selfClosing, entity] = match
    if (whole.startsWith('<!--')) continue
    if (whole === '<') {
      problems.push(`a bare or malformed tag at ${match.index}: ${xml.slice(match.index, match.index + 40)}`)
      continue
    }
    if (whole.startsWith('&')) {
      if (!whole.endsWith(';') || (entity && !entity.startsWith('#') && !VOID_XML_ENTITIES.has(entity))) problems.push(`entity ${whole} at ${match.index}`)
      continue
    }
    if (selfClosing) continue
    if (closing) {
      const open = stack.pop()
      if (open !== name) problems.push(`</${name}> closes <${open}> at ${match.index}`)
    } else {
      stack.push(name!)
    }
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(', ')}`)
  return problems
}

function cardData(overrides: Partial<CodeCardData> = {}): CodeCardData {
  return {
    language: 'es',
    shop: { name: 'Main Street Auto & Tire', phone: '(555) 201-7788', logoDataUrl: LOGO },
    customerName: HOSTILE,
    vehicle: { year: 2004, make: 'Volkswagen', model: 'Jetta', vin: '3VWSK69M74M608917' },
    radioSerial: 'VWZ <1>',
    code: '4108',
    entrySteps: vw.entrySteps,
    day: '2026-11-24',
    ...overrides,
  }
}

const shop = { name: 'Main Street Auto & Tire', phone: '(555) 201-7788', address: '1200 Main St\nSpringfield <IL>', logoDataUrl: LOGO }
const vehicle = { year: 2005, make: 'Honda', model: 'Accord', vin: '1HGCM56425A987650', plate: '7ABC & 512' }

const documents: Array<[string, PrintableDocument]> = [
  ['wallet card', renderCodeCard(cardData(), { format: 'wallet', qr: true })],
  ['sheet', renderCodeCard(cardData({ code: null }), { format: 'sheet', positions: [2, 5], qr: true })],
  ['receipt card', renderCodeCard(cardData({ entrySteps: [] }), { format: 'receipt', qr: true })],
  ['reminder receipt', renderPickupReminder({ language: 'en', shopName: shop.name, roNumber: 'RO <1>', customerName: HOSTILE, vehicle, day: '2026-11-24' }, 'receipt')],
  ['reminder label', renderPickupReminder({ language: 'en', shopName: shop.name, roNumber: '', customerName: HOSTILE, vehicle, day: '2026-11-24' }, 'label')],
  ['guide', renderCodeGuide({ language: 'en', shop, customerName: HOSTILE, vehicle, radioSerial: 'U1234567', kb: honda, day: '2026-11-24' }, 'letter')],
  ['guide es', renderCodeGuide({ language: 'es', shop, customerName: HOSTILE, vehicle, radioSerial: '', kb: vw, day: '2026-11-24' }, 'a4')],
  [
    'dealer request',
    renderDealerRequest(
      { language: 'en', shop, dealerName: 'Dealer & <Co>', ownerName: HOSTILE, vehicle, radioSerial: 'U1', headUnit: 'Nav <unit>', proofsOnFile: ['Title & <ID>'], kb: honda, requestedBy: null, day: '2026-11-24' },
      'a4',
    ),
  ],
  ['test page', renderTestPage({ shopName: HOSTILE, printerName: HOSTILE, printedAt: 'now', purpose: HOSTILE, offsetXmm: 1, offsetYmm: -1 }, formatPageSize('label'))],
  ['sheet test page', renderTestPage({ shopName: '', printerName: 'x', printedAt: 'now', sheetOutlines: true }, formatPageSize('sheet'))],
]

describe('documents as XHTML for the preview image', () => {
  it.each(documents)('%s is well-formed', (_name, document) => {
    expect(xmlProblems(documentAsXhtml(document.html))).toEqual([])
    expect(xmlProblems(documentAsXhtml(placeOnPrinter(document, { offsetXmm: 1, offsetYmm: 2, turned: true }).html))).toEqual([])
  })

  it('the checker catches what an SVG image would refuse', () => {
    expect(xmlProblems('<html><body><br><p>x</p></body></html>')).not.toEqual([])
    expect(xmlProblems('<p>a &nbsp; b</p>')).not.toEqual([])
    expect(xmlProblems('<p>a & b</p>')).not.toEqual([])
    expect(xmlProblems('<p class=x>y</p>')).not.toEqual([])
  })

  it('the image: the page at its CSS pixel size times the scale, XHTML namespace, no doctype; the frame page has no styles', () => {
    const wallet = documents[0]![1]
    const image = previewImage(wallet, 2)
    expect(image.widthPx).toBeCloseTo((85.6 / 25.4) * 96 * 2, 1)
    expect(image.heightPx).toBeCloseTo((53.98 / 25.4) * 96 * 2, 1)
    const svg = decodeURIComponent(image.url.slice('data:image/svg+xml;charset=utf-8,'.length))
    expect(svg).toContain('<foreignObject x="0" y="0" width="323.53" height="204.02"><html xmlns="http://www.w3.org/1999/xhtml" lang="es">')
    expect(svg).not.toMatch(/<!doctype/i)
    const frame = previewFrameDocument(image, 'Preview of "the card"')
    expect(frame).not.toMatch(/<style|style=/)
    expect(frame).toContain('alt="Preview of &#34;the card&#34;"')
    // The URL is percent-encoded, so it cannot end the attribute early.
    expect(/src="([^"]*)"/.exec(frame)![1]).toBe(image.url)
  })
})
