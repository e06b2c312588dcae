import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { writeShopSetting } from '../../electron/db/repositories/settings'
import { checkInBatteryJob, localDayOf } from '../../electron/main/services/battery-jobs'
import { createCustomer } from '../../electron/main/services/customers'
import { previewDocument, printDocument, saveDocumentAsPdf } from '../../electron/main/services/print-documents'
import { addRadio } from '../../electron/main/services/radios'
import { createVehicle } from '../../electron/main/services/vehicles'
import { createSpoolPrinter } from '../../electron/web-preview/spool-printer'
import { AppError, type AppErrorCode } from '../../shared/api/errors'
import { newCustomerSchema } from '../../shared/domain/customer'
import { newRadioSchema } from '../../shared/domain/radio'
import { newVehicleSchema, type NewVehicleInput } from '../../shared/domain/vehicle'
import type { PrintableDocument } from '../../shared/print/document'
import type { DocumentRequestInput } from '../../shared/print/document-requests'
import { mmToPoints } from '../../shared/print/units'
import { startTestServices, type TestServices } from '../helpers/services'
import { makeTempDir, removeTempDir } from '../helpers/temp-dir'

/*
 * The customer documents end to end: the real services on a real SQLite
 * file gather the facts and release the code; each document then goes
 * through the real spool printer (headless Debian Chromium, the Blink print
 * path Electron's printToPDF uses), and pdfinfo / pdftotext check the PDF.
 * Every PDF is also rendered to /tmp/shots-print/<name>-<page>.png to look at.
 */

const SHOTS = '/tmp/shots-print'
const HONDA_CODE = '41263'
const VW_CODE = '4108'
/** Page sizes come out on a 1/96-inch grid: compare within half a millimetre. */
const TOLERANCE_PT = mmToPoints(0.5)

let spoolDir: string
let spool: ReturnType<typeof createSpoolPrinter>
let dataDir: string | null = null
let started: TestServices | null = null

beforeAll(() => {
  spoolDir = makeTempDir()
  spool = createSpoolPrinter(spoolDir)
  fs.mkdirSync(SHOTS, { recursive: true })
})
afterAll(async () => {
  await spool.close()
  removeTempDir(spoolDir)
})
afterEach(async () => {
  await started?.services.close()
  if (dataDir) removeTempDir(dataDir)
  started = null
  dataDir = null
})

async function start() {
  dataDir = makeTempDir()
  let current = new Date(2026, 10, 24, 9, 0, 0).getTime()
  started = await startTestServices(dataDir, { now: () => new Date((current += 1000)) })
  const { services, printer } = started
  const security = services.requireSecurity()
  await security.setUpVault(null)
  const manager = await security.staff.createFirstManager({ name: 'Maria Manager', pin: '2580' })
  security.session.signIn(manager.id)
  await writeShopSetting(
    services.requireDb(),
    'shop',
    { shopName: 'Main Street Auto & Tire', shopPhone: '(555) 201-7788', shopAddress: '1200 Main Street\nSpringfield, IL 62701' },
    new Date(current).toISOString(),
    manager.id,
  )
  const advanceMinutes = (minutes: number) => {
    current += minutes * 60_000
  }
  return { services, printer, security, manager, advanceMinutes }
}

type Started = Awaited<ReturnType<typeof start>>

async function car(
  s: Started,
  owner: { name: string; preferredLanguage?: 'en' | 'es' },
  vehicle: Omit<NewVehicleInput, 'ownerId'>,
  serial: string,
  code: string | null,
) {
  const customer = await createCustomer(s.services, newCustomerSchema.parse(owner))
  const created = await createVehicle(s.services, newVehicleSchema.parse({ ...vehicle, ownerId: customer.id }))
  const detail = await addRadio(s.services, newRadioSchema.parse({ vehicleId: created.id, serial }))
  const radioId = detail.radios[0]!.id
  const codeId = code === null ? null : (await s.security.codes.addCode(s.manager.id, { radioId, code, source: 'owner-card' })).id
  return { customer, vehicle: created, radioId, codeId }
}

const hondaAccord = { year: 2005, make: 'Honda', model: 'Accord', vin: '1HGCM56425A987650', plate: '7ABC512' }
const vwJetta = { year: 2004, make: 'Volkswagen', model: 'Jetta', vin: '3VWSK69M74M608917' }

interface Rendered {
  readonly pdf: string
  readonly widthPt: number
  readonly heightPt: number
  readonly pages: number
  readonly text: string
  /** The text with all white space removed (the code is printed one spaced digit at a time). */
  readonly compact: string
}

/** Renders a document through the real spool printer and reads the PDF back; writes /tmp/shots-print/<name>.png. */
async function render(document: PrintableDocument, name: string): Promise<Rendered> {
  const result = await spool.print({ document, printerName: null, silent: true, copies: 1 })
  const pdf = result.savedTo!
  const info = execFileSync('pdfinfo', [pdf]).toString()
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!
  const pages = Number(/Pages:\s+(\d+)/.exec(info)![1])
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString()
  // One PNG per page: <name>-1.png, <name>-2.png...
  execFileSync('pdftoppm', ['-r', '200', '-png', pdf, path.join(SHOTS, name)])
  return { pdf, widthPt: Number(size[1]), heightPt: Number(size[2]), pages, text, compact: text.replace(/\s+/g, '') }
}

function expectSizeMm(rendered: Rendered, widthMm: number, heightMm: number | null) {
  expect(Math.abs(rendered.widthPt - mmToPoints(widthMm))).toBeLessThanOrEqual(TOLERANCE_PT)
  if (heightMm !== null) expect(Math.abs(rendered.heightPt - mmToPoints(heightMm))).toBeLessThanOrEqual(TOLERANCE_PT)
}

/** Prints through the service (fake printer) and returns what it was asked to print. */
async function printed(s: Started, request: DocumentRequestInput, extra: { pin?: string | null } = {}) {
  const outcome = await printDocument(s.services, { request, printerName: 'front-desk', ...extra })
  expect(outcome.status).toBe('printed')
  return { outcome, document: s.printer.requests.at(-1)!.document }
}

async function failure(promise: Promise<unknown>): Promise<{ code: AppErrorCode; message: string }> {
  try {
    await promise
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, message: error.message }
    throw error
  }
  throw new Error('expected the call to be refused')
}

describe('code card for an English-speaking customer (Honda, code on file)', () => {
  it('wallet card: ID-1 size, the code released and audited, the job marked printed', async () => {
    const s = await start()
    const { vehicle, codeId } = await car(s, { name: 'Ana López' }, hondaAccord, 'U1234567', HONDA_CODE)
    const { detail } = await checkInBatteryJob(s.services, { vehicleId: vehicle.id, roNumber: 'RO-10442' })
    const jobId = detail.job.id

    const { outcome, document } = await printed(s, { document: 'code-card', jobId, format: 'wallet', qr: true })
    const pdf = await render(document, 'card-wallet-en')
    expectSizeMm(pdf, 85.6, 54)
    expect(pdf.pages).toBe(1)
    expect(pdf.compact).toContain(HONDA_CODE)
    expect(pdf.text).toContain('Main Street Auto & Tire')
    expect(pdf.text).toContain('(555) 201-7788')
    expect(pdf.text).toContain('Ana López')
    expect(pdf.text).toContain('2005 Honda Accord')
    expect(pdf.text).toContain('987650')
    expect(pdf.text).toContain('U1234567')
    // The 2005 Accord may have the plain radio or the navigation unit: the knowledge base cannot tell, so no steps are guessed.
    expect(pdf.compact).toContain('Seetheowner’smanual.')
    expect(pdf.compact).toContain('notinthevehicle')

    const db = s.services.requireDb()
    const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'code.print').execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ entity_id: codeId, staff_id: s.manager.id })
    const everyAudit = await db.selectFrom('audit_log').select('details_json').execute()
    expect(everyAudit.some((row) => row.details_json.includes(HONDA_CODE))).toBe(false)

    const job = await db.selectFrom('print_jobs').selectAll().where('id', '=', outcome.printJobId).executeTakeFirstOrThrow()
    expect(job).toMatchObject({ document_type: 'code-card-wallet', battery_job_id: jobId, printer_name: 'front-desk', status: 'printed', requested_by: s.manager.id })
    expect(job.options_json).not.toContain(HONDA_CODE)
    expect(JSON.parse(job.options_json)).toMatchObject({ format: 'wallet', qr: true, codePrintAuditId: audit[0]!.id })

    const row = await db.selectFrom('battery_jobs').select('card_printed_at').where('id', '=', jobId).executeTakeFirstOrThrow()
    expect(row.card_printed_at).not.toBeNull()
    expect(await db.selectFrom('audit_log').select('action').where('action', '=', 'job.card-printed').execute()).toHaveLength(1)
  })

  it('business-card sheet on Letter: only the chosen positions print', async () => {
    const s = await start()
    const { vehicle } = await car(s, { name: 'Ana López' }, hondaAccord, 'U1234567', HONDA_CODE)
    const { document } = await printed(s, { document: 'code-card', vehicleId: vehicle.id, format: 'sheet', positions: [3, 4, 7] })
    const pdf = await render(document, 'card-sheet-en')
    expectSizeMm(pdf, 215.9, 279.4)
    expect(pdf.pages).toBe(1)
    expect(pdf.compact.split(HONDA_CODE)).toHaveLength(4)
    expect(pdf.text.split('Ana López')).toHaveLength(4)
  })

  it('80 mm receipt with the QR code', async () => {
    const s = await start()
    const { vehicle } = await car(s, { name: 'Ana López' }, hondaAccord, 'U1234567', HONDA_CODE)
    const { document } = await printed(s, { document: 'code-card', vehicleId: vehicle.id, format: 'receipt', qr: true })
    const pdf = await render(document, 'card-receipt-en')
    expectSizeMm(pdf, 80, null)
    expect(pdf.pages).toBe(1)
    expect(pdf.compact).toContain(HONDA_CODE)
    expect(pdf.text).toContain('To enter the code')
  })

  it('needs the PIN again once the recent unlock has passed; a refusal prints and records nothing', async () => {
    const s = await start()
    const { vehicle } = await car(s, { name: 'Ana López' }, hondaAccord, 'U1234567', HONDA_CODE)
    s.advanceMinutes(3)
    const refused = await failure(printDocument(s.services, { request: { document: 'code-card', vehicleId: vehicle.id, format: 'wallet' }, printerName: null }))
    expect(refused.code).toBe('FORBIDDEN')
    expect(s.printer.requests).toHaveLength(0)
    expect(await s.services.requireDb().selectFrom('print_jobs').selectAll().execute()).toHaveLength(0)
    await printed(s, { document: 'code-card', vehicleId: vehicle.id, format: 'wallet' }, { pin: '2580' })
    expect(s.printer.requests).toHaveLength(1)
  })

  it('preview: the code masked, nothing released, printed or recorded', async () => {
    const s = await start()
    const { vehicle } = await car(s, { name: 'Ana López' }, hondaAccord, 'U1234567', HONDA_CODE)
    const preview = await previewDocument(s.services, { document: 'code-card', vehicleId: vehicle.id, format: 'wallet' })
    expect(preview.html).toContain('•••••')
    expect(preview.html).not.toContain(HONDA_CODE)
    const pdf = await render(preview, 'card-wallet-preview')
    expect(pdf.compact).not.toContain(HONDA_CODE)
    const db = s.services.requireDb()
    expect(await db.selectFrom('audit_log').select('id').where('action', '=', 'code.print').execute()).toHaveLength(0)
    expect(await db.selectFrom('print_jobs').select('id').execute()).toHaveLength(0)
    expect(s.printer.requests).toHaveLength(0)
  })

  it('prints the shop’s logo when one is configured as an image data: URL', async () => {
    const s = await start()
    const { vehicle } = await car(s, { name: 'Ana López' }, hondaAccord, 'U1234567', HONDA_CODE)
    const logo = `data:image/svg+xml;base64,${Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" rx="6" fill="#000"/><text x="60" y="27" font-family="Liberation Sans" font-size="20" font-weight="700" fill="#fff" text-anchor="middle">MSAT</text></svg>',
    ).toString('base64')}`
    await writeShopSetting(s.services.requireDb(), 'shop', { shopName: 'Main Street Auto & Tire', shopPhone: '(555) 201-7788', shopAddress: '', logoDataUrl: logo }, '2026-11-24T09:00:00.000Z', null)
    const preview = await previewDocument(s.services, { document: 'code-card', vehicleId: vehicle.id, format: 'receipt' })
    expect(preview.html).toContain(`src="${logo}"`)
    const pdf = await render(preview, 'card-receipt-logo-preview')
    expect(pdf.pages).toBe(1)
    const wallet = await previewDocument(s.services, { document: 'code-card', vehicleId: vehicle.id, format: 'wallet' })
    await render(wallet, 'card-wallet-logo-preview')
  })

  it('save as PDF through the printer’s toPdf: the file at the CSS page size, a saved print job', async () => {
    const s = await start()
    const { vehicle } = await car(s, { name: 'Ana López' }, hondaAccord, 'U1234567', HONDA_CODE)
    s.printer.toPdf = (document) => spool.toPdf!(document)
    const file = path.join(dataDir!, 'card.pdf')
    const saved = await saveDocumentAsPdf(s.services, { request: { document: 'code-card', vehicleId: vehicle.id, format: 'wallet' } }, file)
    expect(saved.bytes).toBeGreaterThan(1000)
    const info = execFileSync('pdfinfo', [file]).toString()
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!
    expect(Math.abs(Number(size[1]) - mmToPoints(85.6))).toBeLessThanOrEqual(TOLERANCE_PT)
    expect(execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, '')).toContain(HONDA_CODE)
    const job = await s.services.requireDb().selectFrom('print_jobs').selectAll().where('id', '=', saved.printJobId).executeTakeFirstOrThrow()
    expect(job).toMatchObject({ status: 'saved', document_type: 'code-card-wallet', printer_name: 'Save as PDF' })
  })
})

describe('pickup reminder', () => {
  it('on an 80 mm receipt and a 62 mm label: RO, customer, vehicle and the handover line, never the code', async () => {
    const s = await start()
    const { vehicle } = await car(s, { name: 'Ana López' }, hondaAccord, 'U1234567', HONDA_CODE)
    const { detail } = await checkInBatteryJob(s.services, { vehicleId: vehicle.id, roNumber: 'RO-10442' })
    for (const [format, width] of [
      ['receipt', 80],
      ['label', 62],
    ] as const) {
      const { document } = await printed(s, { document: 'pickup-reminder', jobId: detail.job.id, format })
      expect(document.html).not.toContain(HONDA_CODE)
      const pdf = await render(document, `reminder-${format}`)
      expectSizeMm(pdf, width, null)
      expect(pdf.pages).toBe(1)
      expect(pdf.text).toContain('RO-10442')
      expect(pdf.text).toContain('Ana López')
      expect(pdf.text).toContain('2005 Honda Accord')
      expect(pdf.compact).toContain('Givetheradiocodecardtothecustomer')
      expect(pdf.compact).not.toContain(HONDA_CODE)
    }
    const db = s.services.requireDb()
    expect(await db.selectFrom('audit_log').select('id').where('action', '=', 'code.print').execute()).toHaveLength(0)
    const row = await db.selectFrom('battery_jobs').select('card_printed_at').where('id', '=', detail.job.id).executeTakeFirstOrThrow()
    expect(row.card_printed_at).toBeNull()
  })
})

describe('a Spanish-speaking customer (Volkswagen)', () => {
  it('gets the card, the receipt and the guide in Spanish', async () => {
    const s = await start()
    const { vehicle } = await car(s, { name: 'José Ramírez', preferredLanguage: 'es' }, vwJetta, 'VWZ1Z2D4567890', VW_CODE)
    const wallet = await render((await printed(s, { document: 'code-card', vehicleId: vehicle.id, format: 'wallet', qr: true })).document, 'card-wallet-es')
    expectSizeMm(wallet, 85.6, 54)
    expect(wallet.compact).toContain(VW_CODE)
    expect(wallet.text).toContain('Código de la radio'.toUpperCase())
    expect(wallet.compact).toContain('Guardeestatarjetaensucartera')
    expect(wallet.text).toContain('24 de noviembre de 2026')

    const receipt = await render((await printed(s, { document: 'code-card', vehicleId: vehicle.id, format: 'receipt' })).document, 'card-receipt-es')
    expectSizeMm(receipt, 80, null)
    expect(receipt.pages).toBe(1)
    expect(receipt.text).toContain('Para introducir el código')
    expect(receipt.compact).toContain('Setthefourdigitswithpresets1–4.')

    const guide = await render((await printed(s, { document: 'code-guide', vehicleId: vehicle.id, paper: 'a4' })).document, 'guide-a4-es')
    expectSizeMm(guide, 210, 297)
    expect(guide.text).toContain('Cómo conseguir el código de su radio')
    expect(guide.text).toContain('3VWSK69M74M608917')
    expect(guide.text).toContain('VWZ1Z2D4567890')
    expect(guide.compact).not.toContain(VW_CODE)
  })
})

describe('a customer whose code is unknown (Honda, no code on file)', () => {
  it('the guide on Letter: display texts, where to look, channels with what they ask for, VIN and serial, proof to bring', async () => {
    const s = await start()
    const { vehicle } = await car(s, { name: 'Ana López' }, hondaAccord, 'U1234567', null)
    const refused = await failure(printDocument(s.services, { request: { document: 'code-card', vehicleId: vehicle.id, format: 'wallet' }, printerName: null }))
    expect(refused.code).toBe('CONFLICT')

    const guide = await render((await printed(s, { document: 'code-guide', vehicleId: vehicle.id, paper: 'letter' })).document, 'guide-letter-en')
    expectSizeMm(guide, 215.9, 279.4)
    expect(guide.text).toContain('How to get your radio code')
    expect(guide.text).toContain('1HGCM56425A987650')
    expect(guide.text).toContain('U1234567')
    expect(guide.text).toContain('ENTER CODE')
    expect(guide.compact).toContain('owner’s-manualwallet')
    expect(guide.text).toContain('radio-navicode.honda.com')
    expect(guide.compact).toContain('registrationortitle')
    expect(guide.text).toContain('The dealer’s answer')
  })

  it('the dealer request on Letter and A4: one page with shop, vehicle, VIN, serial and the proof on file', async () => {
    const s = await start()
    const { vehicle } = await car(s, { name: 'Ana López' }, hondaAccord, 'U1234567', null)
    for (const [paper, w, h] of [
      ['letter', 215.9, 279.4],
      ['a4', 210, 297],
    ] as const) {
      const { document } = await printed(s, {
        document: 'dealer-request',
        vehicleId: vehicle.id,
        paper,
        dealerName: 'Springfield Honda — Service',
        proofsOnFile: ['Registration, seen 24 Nov 2026', 'Photo ID (driver’s licence), seen 24 Nov 2026'],
      })
      const pdf = await render(document, `dealer-request-${paper}`)
      expectSizeMm(pdf, w, h)
      expect(pdf.pages).toBe(1)
      expect(pdf.text).toContain('Radio code request')
      expect(pdf.text).toContain('Springfield Honda')
      expect(pdf.text).toContain('Main Street Auto & Tire')
      expect(pdf.text).toContain('1HGCM56425A987650')
      expect(pdf.text).toContain('U1234567')
      expect(pdf.text).toContain('Registration, seen 24 Nov 2026')
    }
  })
})

describe('day printed', () => {
  it('is the shop’s local day', () => {
    expect(localDayOf(new Date(2026, 10, 24, 23, 59))).toBe('2026-11-24')
  })
})
