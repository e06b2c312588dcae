import { describe, expect, it } from 'vitest'
import { getKnowledgeBase, guidanceForVehicle } from '../../../electron/main/services/knowledge'
import { findRadioGuidance } from '../../../shared/knowledge'
import {
  AVERY_5371,
  CardOptionsError,
  codeCardQrText,
  renderCodeCard,
  sheetPositions,
  type CodeCardData,
} from '../../../shared/print/code-card'
import { renderCodeGuide, type CodeGuideData } from '../../../shared/print/code-guide'
import { renderDealerRequest, type DealerRequestData } from '../../../shared/print/dealer-request'
import { documentRequestSchema, printDocumentSchema } from '../../../shared/print/document-requests'
import { PRINT_DOCUMENT_CSP } from '../../../shared/print/html'
import { kbFactsFor, NO_KB_FACTS } from '../../../shared/print/kb-facts'
import { codeGroups, isLogoDataUrl, logoHtml, vinLastSix } from '../../../shared/print/kit'
import { renderPickupReminder, type PickupReminderData } from '../../../shared/print/pickup-reminder'
import { qrSvg, utf8ByteString } from '../../../shared/print/qr'
import { DOCUMENT_STRINGS, formatDay } from '../../../shared/print/strings'

const CODE = '41263'
const HOSTILE = 'Ana <script>alert(1)</script> & Sons'
const LOGO = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='

const kb = getKnowledgeBase()
const vwFacts = kbFactsFor(kb, guidanceForVehicle({ make: 'Volkswagen', model: 'Jetta', year: 2004 }), 'Volkswagen')
const hondaFacts = kbFactsFor(kb, guidanceForVehicle({ make: 'Honda', model: 'Accord', year: 2005 }), 'Honda')

function card(overrides: Partial<CodeCardData> = {}): CodeCardData {
  return {
    language: 'en',
    shop: { name: 'Main Street Auto & Tire', phone: '(555) 201-7788', logoDataUrl: null },
    customerName: HOSTILE,
    vehicle: { year: 2004, make: 'Volkswagen', model: 'Jetta', vin: '3VWSK69M74M608917' },
    radioSerial: 'VWZ1Z2D4567890',
    code: CODE,
    entrySteps: vwFacts.entrySteps,
    day: '2026-11-24',
    ...overrides,
  }
}

const reminder: PickupReminderData = {
  language: 'en',
  shopName: 'Main Street Auto & Tire',
  roNumber: 'RO-10442',
  customerName: HOSTILE,
  vehicle: { year: 2005, make: 'Honda', model: 'Accord', vin: '1HGCM56425A987650', plate: '7ABC512' },
  day: '2026-11-24',
}

function guide(overrides: Partial<CodeGuideData> = {}): CodeGuideData {
  return {
    language: 'en',
    shop: { name: 'Main Street Auto & Tire', phone: '(555) 201-7788', address: '1200 Main Street', logoDataUrl: null },
    customerName: HOSTILE,
    vehicle: { year: 2005, make: 'Honda', model: 'Accord', vin: '1HGCM56425A987650' },
    radioSerial: 'U1234567',
    kb: hondaFacts,
    day: '2026-11-24',
    ...overrides,
  }
}

function dealer(overrides: Partial<DealerRequestData> = {}): DealerRequestData {
  return {
    language: 'en',
    shop: { name: 'Main Street Auto & Tire', phone: '(555) 201-7788', address: '1200 Main Street', logoDataUrl: null },
    dealerName: 'Springfield Honda',
    ownerName: HOSTILE,
    vehicle: { year: 2005, make: 'Honda', model: 'Accord', vin: '1HGCM56425A987650', plate: '7ABC512' },
    radioSerial: 'U1234567',
    headUnit: '',
    proofsOnFile: ['Registration <seen> & copied'],
    kb: hondaFacts,
    requestedBy: null,
    day: '2026-11-24',
    ...overrides,
  }
}

const allDocuments = () => [
  renderCodeCard(card(), { format: 'wallet', qr: true }),
  renderCodeCard(card(), { format: 'sheet', positions: [1, 2] }),
  renderCodeCard(card(), { format: 'receipt', qr: true }),
  renderPickupReminder(reminder, 'receipt'),
  renderPickupReminder(reminder, 'label'),
  renderCodeGuide(guide(), 'letter'),
  renderCodeGuide(guide(), 'a4'),
  renderDealerRequest(dealer(), 'letter'),
  renderDealerRequest(dealer(), 'a4'),
]

describe('every document', () => {
  it('escapes customer text: no <script>, & as &amp;', () => {
    for (const document of allDocuments()) {
      expect(document.html, document.kind).not.toContain('<script')
      expect(document.html, document.kind).toContain('Ana &lt;script&gt;alert(1)&lt;/script&gt; &amp; Sons')
      expect(document.html, document.kind).toContain('Main Street Auto &amp; Tire')
    }
    expect(renderDealerRequest(dealer(), 'letter').html).toContain('Registration &lt;seen&gt; &amp; copied')
  })

  it('is self-contained: the print CSP, no script, no external reference', () => {
    for (const document of allDocuments()) {
      expect(document.html).toContain(`content="${PRINT_DOCUMENT_CSP}"`)
      expect(document.html).not.toMatch(/<script|src="http|href="http|@import/i)
    }
  })

  it('sets @page to its page size', () => {
    const sizes = Object.fromEntries(allDocuments().map((d) => [d.kind, d.pageSize]))
    expect(sizes['code-card-wallet']).toEqual({ widthMm: 85.6, heightMm: 53.98 })
    expect(sizes['code-card-sheet']).toEqual({ widthMm: 215.9, heightMm: 279.4 })
    expect(sizes['code-card-receipt']!.widthMm).toBe(80)
    expect(sizes['pickup-reminder-receipt']!.widthMm).toBe(80)
    expect(sizes['pickup-reminder-label']!.widthMm).toBe(62)
    expect(sizes['code-guide-letter']).toEqual({ widthMm: 215.9, heightMm: 279.4 })
    expect(sizes['code-guide-a4']).toEqual({ widthMm: 210, heightMm: 297 })
    expect(sizes['dealer-request-a4']).toEqual({ widthMm: 210, heightMm: 297 })
    for (const document of allDocuments()) {
      const page = /@page \{ size: ([\d.]+)mm ([\d.]+)mm; margin: 0; \}/.exec(document.html)!
      expect(Number(page[1])).toBeCloseTo(document.pageSize.widthMm, 2)
      expect(Number(page[2])).toBeCloseTo(document.pageSize.heightMm, 2)
    }
  })

  it('the code appears only on the card', () => {
    const [wallet, sheet, receipt, ...others] = allDocuments()
    for (const document of [wallet!, sheet!, receipt!]) expect(document.html.replace(/<[^>]+>/g, '')).toContain(CODE.split('').join(''))
    for (const document of others) expect(document.html, document.kind).not.toMatch(/4\D{0,80}1\D{0,80}2\D{0,80}6\D{0,80}3/)
  })
})

describe('code card', () => {
  const text = (html: string) => html.replace(/<[^>]+>/g, '')

  it('shows the code spaced digit by digit in the unambiguous monospace', () => {
    const html = renderCodeCard(card(), { format: 'wallet' }).html
    expect(html).toContain('<span class="code-char">4</span><span class="code-char">1</span>')
    expect(html).toMatch(/"DejaVu Sans Mono", Consolas/)
    expect(html).not.toMatch(/\.code \{[^}]*Liberation Mono/)
    expect(codeGroups('41263')).toEqual([['4', '1', '2', '6', '3']])
    expect(codeGroups('1234 5678')).toEqual([
      ['1', '2', '3', '4'],
      ['5', '6', '7', '8'],
    ])
  })

  it('a preview (no code released) shows the mask', () => {
    for (const format of ['wallet', 'sheet', 'receipt'] as const) {
      const document = renderCodeCard(card({ code: null }), { format, qr: true })
      expect(document.html).toContain('•••••')
      expect(text(document.html)).not.toContain(CODE)
    }
    expect(codeCardQrText(card({ code: null }))).toContain('•••••')
  })

  it('shows shop, customer, vehicle with the last six of the VIN, serial, date and the keep-safe advice', () => {
    const html = text(renderCodeCard(card(), { format: 'receipt' }).html)
    for (const part of ['(555) 201-7788', '2004 Volkswagen Jetta', '608917', 'VWZ1Z2D4567890', 'November 24, 2026', 'not in the vehicle']) {
      expect(html).toContain(part)
    }
    expect(html).not.toContain('3VWSK69M74M608917')
    expect(vinLastSix(' 3vwsk69m74m608917 ')).toBe('608917')
  })

  it('entry steps come from the knowledge base; without them the card says to see the owner’s manual', () => {
    expect(vwFacts.entrySteps).toEqual(kb.entries.find((e) => e.id === 'vw-audi-seat-skoda-code-radio')!.entry!.steps)
    const withSteps = text(renderCodeCard(card(), { format: 'wallet' }).html)
    expect(withSteps).toContain('Set the four digits with presets 1–4.')
    expect(withSteps).not.toContain('owner’s manual')
    // 2005 Accord: the plain radio or the navigation unit; the knowledge base cannot tell, so no steps.
    expect(hondaFacts.entrySteps).toEqual([])
    const none = text(renderCodeCard(card({ entrySteps: [] }), { format: 'wallet' }).html)
    expect(none).toContain('See the owner’s manual.')
    const unknown = kbFactsFor(kb, findRadioGuidance(kb, { make: 'Trabant', year: 1988 }), 'Trabant')
    expect(unknown.entrySteps).toEqual([])
    expect(unknown.entries).toEqual([])
  })

  it('prints in Spanish for a Spanish-speaking customer', () => {
    const html = text(renderCodeCard(card({ language: 'es' }), { format: 'receipt' }).html)
    expect(html).toContain('Código de la radio')
    expect(html).toContain('Para introducir el código (en inglés)')
    expect(html).toContain('24 de noviembre de 2026')
    expect(html).toContain('Guarde esta tarjeta en su cartera')
    expect(renderCodeCard(card({ language: 'es' }), { format: 'wallet' }).html).toContain('<html lang="es">')
    expect(text(renderCodeCard(card({ language: 'es', entrySteps: [] }), { format: 'wallet' }).html)).toContain(
      'Consulte el manual del propietario.',
    )
  })

  it('the sheet prints only the chosen Avery positions; the rest stay blank', () => {
    const html = renderCodeCard(card(), { format: 'sheet', positions: [7, 3, 3] }).html
    const slots = [...html.matchAll(/<div class="slot (used|empty)" data-position="(\d+)" style="left:([\d.]+)mm;top:([\d.]+)mm/g)]
    expect(slots).toHaveLength(10)
    expect(slots.filter((s) => s[1] === 'used').map((s) => Number(s[2]))).toEqual([3, 7])
    for (const slot of slots.filter((s) => s[1] === 'empty')) {
      expect(html).toContain(`data-position="${slot[2]}" style="left:${slot[3]}mm;top:${slot[4]}mm;width:88.9mm;height:50.8mm"></div>`)
    }
    // Position 3 is row 2, left column: 0.75 in from the left, 0.5 + 2 in from the top.
    const third = slots.find((s) => s[2] === '3')!
    expect(Number(third[3])).toBeCloseTo(19.05, 2)
    expect(Number(third[4])).toBeCloseTo(12.7 + 50.8, 2)
    expect(text(html).split(HOSTILE.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'))).toHaveLength(3)
    expect(AVERY_5371.leftMm * 2 + AVERY_5371.cardWidthMm * 2).toBeCloseTo(215.9, 5)
    expect(sheetPositions(undefined)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(() => sheetPositions([0])).toThrow(CardOptionsError)
    expect(() => sheetPositions([11])).toThrow(CardOptionsError)
    expect(() => sheetPositions([])).toThrow(CardOptionsError)
  })

  it('the QR code holds the card’s facts as plain text', () => {
    expect(codeCardQrText(card({ customerName: 'Ana López' }))).toBe(
      [
        'Radio code: 41263',
        'Vehicle: 2004 Volkswagen Jetta',
        'VIN (last 6): 608917',
        'Radio serial: VWZ1Z2D4567890',
        'Customer: Ana López',
        'Date: November 24, 2026',
        'Main Street Auto & Tire · (555) 201-7788',
      ].join('\n'),
    )
    expect(codeCardQrText(card({ language: 'es', customerName: 'José' }))).toContain('Código de la radio: 41263\nVehículo:')
    const svg = qrSvg('Radio code: 41263', { sizeMm: 17 })
    expect(svg).toMatch(/^<svg[^>]*viewBox="0 0 \d+ \d+" width="17mm" height="17mm"/)
    expect(svg).not.toContain('41263')
    expect(renderCodeCard(card(), { format: 'wallet', qr: true }).html).toContain('<svg')
    expect(renderCodeCard(card(), { format: 'wallet' }).html).not.toContain('<svg')
    expect(utf8ByteString('ó€')).toBe('\xc3\xb3\xe2\x82\xac')
  })

  it('shows the shop logo only when it is an image data: URL', () => {
    expect(renderCodeCard(card({ shop: { ...card().shop, logoDataUrl: LOGO } }), { format: 'wallet' }).html).toContain(`src="${LOGO}"`)
    expect(isLogoDataUrl('javascript:alert(1)')).toBe(false)
    expect(isLogoDataUrl('data:text/html;base64,PHNjcmlwdD4=')).toBe(false)
    expect(isLogoDataUrl('data:image/png;base64,AAA" onerror="x')).toBe(false)
    expect(logoHtml('https://example.com/logo.png')).toBe('')
    expect(renderCodeCard(card(), { format: 'wallet' }).html).not.toContain('<img')
  })
})

describe('pickup reminder', () => {
  it('RO, customer, vehicle and the handover line', () => {
    const html = renderPickupReminder(reminder, 'label').html
    for (const part of ['RO-10442', '2005 Honda Accord', '7ABC512', '987650', 'Give the radio code card to the customer']) {
      expect(html).toContain(part)
    }
  })
})

describe('how to get your radio code', () => {
  it('what the radio shows, where to look, channels with what they ask for, VIN and serial, proof, a line for the answer', () => {
    const html = renderCodeGuide(guide(), 'letter').html
    for (const part of [
      'ENTER CODE',
      'Anti-theft ID card in the owner’s-manual wallet',
      'radio-navicode.honda.com',
      'VIN, radio serial, contact details',
      '1HGCM56425A987650',
      'U1234567',
      'ID, registration or title',
      'reported not to give codes by phone',
      'The dealer’s answer',
    ]) {
      expect(html).toContain(part)
    }
  })

  it('says so when the knowledge base has nothing, instead of inventing channels', () => {
    const html = renderCodeGuide(guide({ kb: NO_KB_FACTS, radioSerial: '' }), 'a4').html
    expect(html).toContain('Our radio code guide has nothing for this vehicle.')
    expect(html).toContain('Our radio guide has no details of this radio’s display.')
    expect(html).toContain('A code card in the owner’s manual wallet')
    expect(html).toContain('<span class="fill"></span>')
  })

  it('in Spanish', () => {
    const html = renderCodeGuide(guide({ language: 'es' }), 'a4').html
    expect(html).toContain('Cómo conseguir el código de su radio')
    expect(html).toContain('Prueba de propiedad que debe llevar')
    expect(html).toContain('(en inglés)')
  })
})

describe('dealer code request', () => {
  it('shop, vehicle, VIN, serial, the proof on file and what the make’s dealers ask for', () => {
    const html = renderDealerRequest(dealer(), 'a4').html
    for (const part of ['Radio code request', 'Springfield Honda', '1HGCM56425A987650', 'U1234567', 'Honda/Acura (US): ID, registration or title']) {
      expect(html).toContain(part)
    }
    expect(renderDealerRequest(dealer({ proofsOnFile: [], dealerName: null }), 'letter').html).toContain('None recorded yet')
  })
})

describe('strings and requests', () => {
  it('both languages have every string', () => {
    expect(Object.keys(DOCUMENT_STRINGS.es).sort()).toEqual(Object.keys(DOCUMENT_STRINGS.en).sort())
    expect(formatDay('2026-01-05', 'en')).toBe('January 5, 2026')
    expect(formatDay('2026-01-05', 'es')).toBe('5 de enero de 2026')
  })

  it('a request names a job or a vehicle, exactly one', () => {
    expect(documentRequestSchema.safeParse({ document: 'code-card', jobId: 1, format: 'wallet' }).success).toBe(true)
    expect(documentRequestSchema.safeParse({ document: 'code-card', format: 'wallet' }).success).toBe(false)
    expect(documentRequestSchema.safeParse({ document: 'code-guide', jobId: 1, vehicleId: 2, paper: 'a4' }).success).toBe(false)
    expect(documentRequestSchema.safeParse({ document: 'pickup-reminder', vehicleId: 2, format: 'label' }).success).toBe(false)
    expect(documentRequestSchema.safeParse({ document: 'code-card', jobId: 1, format: 'sheet', positions: [11] }).success).toBe(false)
    expect(printDocumentSchema.parse({ request: { document: 'dealer-request', vehicleId: 3, paper: 'letter' } })).toMatchObject({
      // Printer, copies and silent left out: this computer's setup for the document decides.
      printerName: null,
      copies: null,
      silent: null,
      pin: null,
      request: { dealerName: null, proofsOnFile: [] },
    })
  })
})
