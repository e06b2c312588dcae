import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSpoolPrinter } from '../../electron/web-preview/spool-printer'
import type { PrintHistoryEntry, PrintOutcome, SavePdfOutcome } from '../../shared/domain/printing'
import type { PrintSetups } from '../../shared/print/print-setup'
import { mmToPoints } from '../../shared/print/units'
import { errorOf, valueOf } from '../helpers/results'
import { makeTempDir, removeTempDir } from '../helpers/temp-dir'
import { firstStartWithJob, useDesks } from './desk-harness'

/*
 * This computer's printer setup per document type, through the contract:
 * stored per workstation, audited, and applied by the print path (printer,
 * copies, silent, the calibration offset and the wallet card's orientation);
 * Save as PDF through the printer's save-path step; printers that are
 * missing or offline stop a print before the code is released; the print
 * history of a job and a vehicle.
 */

const CODE = '41263'
const desks = useDesks()
let spoolDir: string
let spool: ReturnType<typeof createSpoolPrinter>

beforeAll(() => {
  spoolDir = makeTempDir()
  spool = createSpoolPrinter(spoolDir)
})
afterAll(async () => {
  await spool.close()
  removeTempDir(spoolDir)
})

async function start() {
  const desk = await desks.start({ accessControl: true })
  const world = await firstStartWithJob(desk.call, { code: CODE })
  return { call: desk.call, services: desk.services, printer: desk.printer, dataDir: desk.dataDir, vehicleId: world.vehicleId, jobId: world.jobId }
}

describe('print setup per workstation and document type', () => {
  it('starts from defaults, saves one document’s setup (rounded offsets), audits it, and keeps it to this workstation', async () => {
    const { call, services } = await start()
    const defaults = valueOf(await call<PrintSetups>('printing.getSetup', {}))
    expect(defaults['code-card']).toEqual({
      document: 'code-card',
      format: 'sheet',
      printerName: null,
      copies: 1,
      silent: false,
      orientation: 'landscape',
      offsetXmm: 0,
      offsetYmm: 0,
    })
    expect(defaults['pickup-reminder'].format).toBe('receipt')
    expect(defaults['code-guide'].format).toBe('letter')

    const saved = valueOf(
      await call<PrintSetups>('printing.saveSetup', {
        document: 'code-card',
        format: 'wallet',
        printerName: 'front-desk',
        copies: 2,
        silent: true,
        orientation: 'portrait',
        offsetXmm: 1.26,
        offsetYmm: -0.74,
      }),
    )
    expect(saved['code-card']).toMatchObject({ format: 'wallet', printerName: 'front-desk', copies: 2, silent: true, orientation: 'portrait', offsetXmm: 1.3, offsetYmm: -0.7 })
    expect(saved['pickup-reminder']).toEqual(defaults['pickup-reminder'])

    const db = services.requireDb()
    const rows = await db.selectFrom('workstation_settings').selectAll().execute()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ workstation_id: services.workstationId, key: 'print-setup.code-card' })
    const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'settings.print-setup.update').execute()
    expect(audit).toHaveLength(1)
    expect(JSON.parse(audit[0]!.details_json)).toMatchObject({ document: 'code-card', printerName: 'front-desk', offsetXmm: 1.3 })

    // Another computer's row for the same key is not this one's setup.
    await db
      .insertInto('workstation_settings')
      .values({ workstation_id: 'other-desk', key: 'print-setup.pickup-reminder', value_json: JSON.stringify({ format: 'label' }), updated_at: '2026-01-01T00:00:00.000Z' })
      .execute()
    expect(valueOf(await call<PrintSetups>('printing.getSetup', {}))['pickup-reminder'].format).toBe('receipt')
  })

  it('refuses a format of another document, offsets beyond ±25 mm, and unknown fields', async () => {
    const { call } = await start()
    expect(errorOf(await call('printing.saveSetup', { document: 'pickup-reminder', format: 'wallet' })).code).toBe('VALIDATION')
    const far = errorOf(await call('printing.saveSetup', { document: 'code-card', offsetXmm: 30 }))
    expect(far.code).toBe('VALIDATION')
    expect(far.message).toContain('±25 mm')
    expect(errorOf(await call('printing.saveSetup', { document: 'code-card', margin: 3 })).code).toBe('VALIDATION')
  })

  it('a stored value this version cannot read falls back to the defaults', async () => {
    const { call, services } = await start()
    await services
      .requireDb()
      .insertInto('workstation_settings')
      .values({ workstation_id: services.workstationId, key: 'print-setup.code-guide', value_json: '{"format":"tabloid"}', updated_at: '2026-01-01T00:00:00.000Z' })
      .execute()
    expect(valueOf(await call<PrintSetups>('printing.getSetup', {}))['code-guide'].format).toBe('letter')
  })
})

describe('the print path applies the setup', () => {
  it('printer, copies, silent, offset and the turned wallet card come from the setup; another printer prints without the calibration', async () => {
    const { call, printer, services, jobId } = await start()
    valueOf(
      await call('printing.saveSetup', { document: 'code-card', format: 'wallet', printerName: 'front-desk', copies: 2, silent: true, orientation: 'portrait', offsetXmm: 1.5, offsetYmm: -2 }),
    )
    const outcome = valueOf(await call<PrintOutcome>('documents.print', { request: { document: 'code-card', jobId, format: 'wallet' }, pin: '2580' }))
    expect(outcome).toMatchObject({ status: 'printed', problem: null })
    const sent = printer.requests.at(-1)!
    expect(sent).toMatchObject({ printerName: 'front-desk', copies: 2, silent: true })
    // Turned: the page is the card stood on its end, the content rotated and shifted.
    expect(sent.document.pageSize).toEqual({ widthMm: 53.98, heightMm: 85.6 })
    expect(sent.document.html).toContain('rotate(90deg)')
    expect(sent.document.html).toContain('translate(55.48mm, -2mm)')
    const row = await services.requireDb().selectFrom('print_jobs').selectAll().where('id', '=', outcome.printJobId).executeTakeFirstOrThrow()
    expect(JSON.parse(row.options_json)).toMatchObject({ copies: 2, silent: true, placement: { offsetXmm: 1.5, offsetYmm: -2, turned: true } })
    expect(row.options_json).not.toContain(CODE)

    // The request's own choices win; to another printer the calibration does not apply.
    printer.listPrinters = async () => [
      { name: 'front-desk', displayName: 'Front desk printer', isDefault: true },
      { name: 'back-office', displayName: 'Back office laser', isDefault: false },
    ]
    valueOf(await call<PrintOutcome>('documents.print', { request: { document: 'code-card', jobId, format: 'wallet' }, printerName: 'back-office', copies: 1, silent: false }))
    const other = printer.requests.at(-1)!
    expect(other).toMatchObject({ printerName: 'back-office', copies: 1, silent: false })
    expect(other.document.pageSize).toEqual({ widthMm: 85.6, heightMm: 53.98 })
    expect(other.document.html).not.toContain('rotate(90deg)')
  })

  it('the offset moves the printed content by that many millimetres (measured in the PDF)', async () => {
    const { call, printer, jobId } = await start()
    printer.print = (request) => spool.print(request)
    const firstWordX = async (offsetXmm: number, offsetYmm: number) => {
      valueOf(await call('printing.saveSetup', { document: 'pickup-reminder', format: 'label', printerName: 'front-desk', offsetXmm, offsetYmm }))
      const outcome = valueOf(await call<PrintOutcome>('documents.print', { request: { document: 'pickup-reminder', jobId, format: 'label' } }))
      expect(outcome.status).toBe('printed')
      const pdf = outcome.savedTo!
      expect(execFileSync('pdfinfo', [pdf]).toString()).toMatch(/Pages:\s+1\n/)
      const bbox = execFileSync('pdftotext', ['-bbox', pdf, '-']).toString()
      const word = /<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>RO-77<\/word>/.exec(bbox)
      expect(word, 'the RO number in the PDF').not.toBeNull()
      return { x: Number(word![1]), y: Number(word![2]) }
    }
    const plain = await firstWordX(0, 0)
    const moved = await firstWordX(3, -1.5)
    console.log(`RO number at x=${plain.x}pt y=${plain.y}pt; with offset 3/−1.5 mm at x=${moved.x}pt y=${moved.y}pt`)
    expect(Math.abs(moved.x - plain.x - mmToPoints(3))).toBeLessThan(mmToPoints(0.2))
    expect(Math.abs(moved.y - plain.y - mmToPoints(-1.5))).toBeLessThan(mmToPoints(0.2))
  })

  it('a printer this computer does not have, or one that is offline, fails before the code is released; Electron’s words become the desk’s', async () => {
    const { call, printer, services, jobId } = await start()
    valueOf(await call('printing.saveSetup', { document: 'code-card', format: 'wallet', printerName: 'gone-printer' }))
    const missing = valueOf(await call<PrintOutcome>('documents.print', { request: { document: 'code-card', jobId, format: 'wallet' }, pin: '2580' }))
    expect(missing).toMatchObject({ status: 'failed', problem: 'no-such-printer' })
    expect(missing.message).toBe('The printer “gone-printer” is not set up on this computer. Choose another printer, or save the document as a PDF and print that.')
    expect(printer.requests).toHaveLength(0)
    const db = services.requireDb()
    expect(await db.selectFrom('audit_log').select('id').where('action', '=', 'code.print').execute()).toHaveLength(0)
    expect(await db.selectFrom('print_jobs').select(['status', 'error', 'printer_name']).execute()).toEqual([
      { status: 'failed', error: 'no-such-printer', printer_name: 'gone-printer' },
    ])

    printer.listPrinters = async () => [{ name: 'front-desk', displayName: 'Front desk printer', isDefault: true, offline: true }]
    const offline = valueOf(await call<PrintOutcome>('documents.print', { request: { document: 'pickup-reminder', jobId, format: 'receipt' }, printerName: 'front-desk' }))
    expect(offline).toMatchObject({ status: 'failed', problem: 'offline' })
    expect(offline.message).toContain('“Front desk printer” is offline or paused')

    printer.listPrinters = async () => [{ name: 'front-desk', displayName: 'Front desk printer', isDefault: true }]
    printer.failWith = new Error('cancelled')
    const cancelled = valueOf(await call<PrintOutcome>('documents.print', { request: { document: 'pickup-reminder', jobId, format: 'receipt' }, printerName: 'front-desk' }))
    expect(cancelled).toMatchObject({ status: 'cancelled', problem: 'cancelled', message: 'Printing was cancelled, so nothing was printed.' })
    printer.failWith = new Error('Invalid printer settings')
    const refused = valueOf(await call<PrintOutcome>('documents.print', { request: { document: 'pickup-reminder', jobId, format: 'receipt' }, printerName: 'front-desk' }))
    expect(refused).toMatchObject({ status: 'failed', problem: 'settings-refused' })
    expect(refused.message).toContain('refused the page settings')
    const statuses = await db.selectFrom('print_jobs').select('status').orderBy('id').execute()
    expect(statuses.map((r) => r.status)).toEqual(['failed', 'failed', 'cancelled', 'failed'])
    // A card was never printed, so the job still waits for one.
    const job = await db.selectFrom('battery_jobs').select('card_printed_at').where('id', '=', jobId).executeTakeFirstOrThrow()
    expect(job.card_printed_at).toBeNull()
  })

  it('the test page for a document type: its page size, printer, offset and the sheet outlines', async () => {
    const { call, printer } = await start()
    valueOf(await call('printing.saveSetup', { document: 'code-card', format: 'sheet', printerName: 'front-desk', offsetXmm: -1, offsetYmm: 0.5 }))
    const outcome = valueOf(await call<PrintOutcome>('printing.printTestPage', { document: 'code-card' }))
    expect(outcome.status).toBe('printed')
    const page = printer.requests.at(-1)!
    expect(page.printerName).toBe('front-desk')
    expect(page.document.pageSize).toEqual({ widthMm: 215.9, heightMm: 279.4 })
    expect(page.document.html).toContain('Code card · Sheet of ten business cards')
    expect(page.document.html).toContain('across −1.0 mm, down +0.5 mm')
    expect(page.document.html).toContain('body > * { position: relative; left: -1mm; top: 0.5mm; }')
    expect(page.document.html.match(/class="slot"/g)).toHaveLength(10)

    valueOf(await call('printing.saveSetup', { document: 'pickup-reminder', format: 'label', printerName: 'front-desk' }))
    valueOf(await call<PrintOutcome>('printing.printTestPage', { document: 'pickup-reminder' }))
    expect(printer.requests.at(-1)!.document.pageSize).toEqual({ widthMm: 62, heightMm: 72 })
  })
})

describe('save as PDF', () => {
  it('asks the printer where, writes the card with its code, records it; a closed dialog saves and records nothing', async () => {
    const { call, printer, services, jobId, dataDir } = await start()
    const asked: string[] = []
    let answer: string | null = null
    printer.toPdf = (document) => spool.toPdf!(document)
    printer.choosePdfPath = async (name) => {
      asked.push(name)
      return answer
    }
    const closed = valueOf(await call<SavePdfOutcome>('documents.savePdf', { request: { document: 'code-card', jobId, format: 'wallet' }, pin: '2580' }))
    expect(closed).toEqual({ status: 'cancelled', printJobId: null, filePath: null, message: 'Not saved: the save dialog was closed.' })
    const db = services.requireDb()
    expect(await db.selectFrom('print_jobs').select('id').execute()).toHaveLength(0)
    expect(await db.selectFrom('audit_log').select('id').where('action', '=', 'code.print').execute()).toHaveLength(0)
    expect(asked).toHaveLength(1)
    expect(asked[0]).toMatch(/^Radio code - 2005 Honda Accord - RO-77 - \d{4}-\d{2}-\d{2}\.pdf$/)

    answer = path.join(dataDir, 'card.pdf')
    const saved = valueOf(await call<SavePdfOutcome>('documents.savePdf', { request: { document: 'code-card', jobId, format: 'wallet' }, pin: '2580' }))
    expect(saved).toMatchObject({ status: 'saved', filePath: answer })
    expect(execFileSync('pdftotext', [answer, '-']).toString().replace(/\s+/g, '')).toContain(CODE)
    const info = execFileSync('pdfinfo', [answer]).toString()
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!
    expect(Math.abs(Number(size[1]) - mmToPoints(85.6))).toBeLessThanOrEqual(mmToPoints(0.5))
    expect(Math.abs(Number(size[2]) - mmToPoints(53.98))).toBeLessThanOrEqual(mmToPoints(0.5))
    const row = await db.selectFrom('print_jobs').selectAll().where('id', '=', saved.printJobId!).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ status: 'saved', printer_name: 'Save as PDF', battery_job_id: jobId })
    expect(await db.selectFrom('audit_log').select('id').where('action', '=', 'code.print').execute()).toHaveLength(1)
  })

  it('the spool printer saves into the spool folder', async () => {
    const { call, printer, jobId } = await start()
    printer.toPdf = (document) => spool.toPdf!(document)
    printer.choosePdfPath = (name) => spool.choosePdfPath!(name)
    const saved = valueOf(await call<SavePdfOutcome>('documents.savePdf', { request: { document: 'pickup-reminder', jobId, format: 'label' } }))
    expect(path.dirname(saved.filePath!)).toBe(spoolDir)
    expect(fs.existsSync(saved.filePath!)).toBe(true)
    expect(execFileSync('pdftotext', [saved.filePath!, '-']).toString()).toContain('RO-77')
  })
})

describe('print history', () => {
  it('lists a job’s prints and a vehicle’s (its jobs and the vehicle page’s), newest first, with who and how it went', async () => {
    const { call, printer, jobId, vehicleId } = await start()
    valueOf(await call<PrintOutcome>('documents.print', { request: { document: 'pickup-reminder', jobId, format: 'receipt' }, printerName: 'front-desk' }))
    valueOf(await call<PrintOutcome>('documents.print', { request: { document: 'code-card', jobId, format: 'wallet' }, printerName: 'front-desk', pin: '2580', copies: 3 }))
    printer.failWith = new Error('Print job failed')
    valueOf(await call<PrintOutcome>('documents.print', { request: { document: 'code-guide', vehicleId, paper: 'a4' }, printerName: 'front-desk' }))

    const forJob = valueOf(await call<PrintHistoryEntry[]>('documents.history', { jobId }))
    expect(forJob.map((e) => [e.documentLabel, e.status, e.printerName, e.copies])).toEqual([
      ['Code card (wallet card)', 'printed', 'front-desk', 3],
      ['Pickup reminder (80 mm receipt)', 'printed', 'front-desk', 1],
    ])
    expect(forJob[0]!.requestedBy).toMatchObject({ name: 'Maria Manager' })

    const forVehicle = valueOf(await call<PrintHistoryEntry[]>('documents.history', { vehicleId }))
    expect(forVehicle.map((e) => [e.documentLabel, e.status])).toEqual([
      ['“How to get your radio code” guide (A4)', 'failed'],
      ['Code card (wallet card)', 'printed'],
      ['Pickup reminder (80 mm receipt)', 'printed'],
    ])
    expect(forVehicle[0]!.error).toBe('Print job failed')
    expect(valueOf(await call<PrintHistoryEntry[]>('documents.history', { vehicleId: vehicleId + 1 }))).toEqual([])
    expect(errorOf(await call('documents.history', { jobId, vehicleId })).code).toBe('VALIDATION')
  })
})
