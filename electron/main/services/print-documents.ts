import fs from 'node:fs'
import path from 'node:path'
import { AppError } from '../../../shared/api/errors'
import type { PrinterInfo, PrintOutcome, SavePdfOutcome } from '../../../shared/domain/printing'
import type { PrintLanguage } from '../../../shared/domain/customer'
import { CardOptionsError, renderCodeCard, type CodeCardData } from '../../../shared/print/code-card'
import { renderCodeGuide } from '../../../shared/print/code-guide'
import { renderDealerRequest } from '../../../shared/print/dealer-request'
import type { PrintableDocument } from '../../../shared/print/document'
import {
  documentRequestSchema,
  printDocumentSchema,
  requestFormat,
  saveDocumentPdfSchema,
  type DocumentRequest,
} from '../../../shared/print/document-requests'
import { kbFactsFor, NO_KB_FACTS, type KbDocumentFacts } from '../../../shared/print/kb-facts'
import { isLogoDataUrl, vehicleLine } from '../../../shared/print/kit'
import { isNoPlacement, placeOnPrinter } from '../../../shared/print/placement'
import { explainPrintFailure, explainPrintProblem, pdfFileName, type ExplainedProblem } from '../../../shared/print/print-problems'
import { renderPickupReminder } from '../../../shared/print/pickup-reminder'
import { appendAudit } from '../../db/repositories/audit'
import { findBatteryJobRecord, findInstalledRadioCodes, type BatteryJobRecord } from '../../db/repositories/battery-jobs'
import { markCardPrinted } from '../../db/repositories/card-prints'
import { findCustomerById } from '../../db/repositories/customers'
import { finishPrintJob, insertPrintJob, type NewPrintJob } from '../../db/repositories/print-jobs'
import { listRadiosOfVehicle } from '../../db/repositories/radios'
import { readShopSetting } from '../../db/repositories/settings'
import { findVehicleById } from '../../db/repositories/vehicles'
import { parseInput } from '../staff/parse-input'
import type { AppServices } from './app-services'
import { localDayOf } from './battery-jobs'
import { getKnowledgeBase, guidanceForVehicle } from './knowledge'
import { getPrintSetup, placementFor } from './print-setup'
import { getShopSettings } from './shop-settings'

/*
 * Customer documents: the code card (wallet, business-card sheet, receipt),
 * the pickup reminder, the "how to get your radio code" guide and the dealer
 * code request. This file gathers the facts (job, vehicle, customer, radio,
 * shop settings, knowledge base), builds the document with the pure
 * renderers in shared/print, and prints it (or saves a PDF), recording a
 * print_jobs row whatever the outcome.
 *
 * The code reaches a document only through codes.releaseForPrint (print
 * permission and a PIN or a recent unlock; audited as code.print), and only
 * when printing or saving a card. Previews never carry it: the card shows the
 * mask. No print_jobs row, audit row or log line carries the code.
 */

// ---------------------------------------------------------------------------
// Facts

interface DocumentFacts {
  readonly job: BatteryJobRecord | null
  readonly vehicle: { readonly id: number; readonly year: number | null; readonly make: string; readonly model: string; readonly vin: string; readonly plate: string }
  readonly customer: { readonly name: string; readonly language: PrintLanguage } | null
  readonly radio: { readonly id: number; readonly serial: string; readonly headUnit: string } | null
  /** The current code of the installed radio (never the code itself). */
  readonly codeId: number | null
  readonly shop: { readonly name: string; readonly phone: string; readonly address: string; readonly logoDataUrl: string | null }
  readonly kb: KbDocumentFacts
}

/** The shop's logo: a data: URL image under the shop settings' `logoDataUrl`, when one is configured. */
async function shopLogo(services: AppServices): Promise<string | null> {
  const raw = await readShopSetting(services.requireDb(), 'shop')
  const logo = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>)['logoDataUrl'] : undefined
  return isLogoDataUrl(logo) ? logo : null
}

async function gatherFacts(services: AppServices, target: { jobId: number | null; vehicleId: number | null }): Promise<DocumentFacts> {
  const db = services.requireDb()
  let job: BatteryJobRecord | null = null
  let vehicleId: number
  if (target.jobId !== null) {
    job = (await findBatteryJobRecord(db, target.jobId)) ?? null
    if (!job) throw new AppError('NOT_FOUND', 'That battery job was not found.')
    vehicleId = job.vehicleId
  } else if (target.vehicleId !== null) {
    vehicleId = target.vehicleId
  } else {
    throw new AppError('VALIDATION', 'Give the battery job or the vehicle.')
  }
  const vehicle = await findVehicleById(db, vehicleId)
  if (!vehicle) throw new AppError('NOT_FOUND', 'That vehicle was not found.')
  const customerId = job?.customerId ?? vehicle.currentOwner?.customerId ?? null
  const customer = customerId === null ? undefined : await findCustomerById(db, customerId)
  const installed = (await findInstalledRadioCodes(db, [vehicleId])).get(vehicleId)
  const radioRow = installed ? (await listRadiosOfVehicle(db, vehicleId)).find((r) => r.id === installed.radioId) : undefined
  const settings = await getShopSettings(services)
  const guidance = guidanceForVehicle({ make: vehicle.make, model: vehicle.model, year: vehicle.year })
  const kb = vehicle.make.trim() === '' ? NO_KB_FACTS : kbFactsFor(getKnowledgeBase(), guidance, vehicle.make)
  return {
    job,
    vehicle: { id: vehicle.id, year: vehicle.year, make: vehicle.make, model: vehicle.model, vin: vehicle.vin ?? '', plate: vehicle.plate ?? '' },
    customer: customer ? { name: customer.name, language: customer.preferredLanguage } : null,
    radio: radioRow ? { id: radioRow.id, serial: radioRow.serial, headUnit: radioRow.headUnit } : null,
    codeId: installed?.code?.codeId ?? null,
    shop: {
      name: settings.shopName.trim() === '' ? 'Radio Code Desk' : settings.shopName,
      phone: settings.shopPhone,
      address: settings.shopAddress,
      logoDataUrl: await shopLogo(services),
    },
    kb,
  }
}

function requireCustomer(facts: DocumentFacts): { name: string; language: PrintLanguage } {
  if (!facts.customer) throw new AppError('CONFLICT', 'This vehicle has no owner on file: add the customer before printing.')
  return facts.customer
}

// ---------------------------------------------------------------------------
// Building documents

/**
 * Builds the document. `code` is used for a code card only: the clear code
 * released for print, or null for a preview (the card shows the mask).
 */
function buildDocument(request: DocumentRequest, facts: DocumentFacts, code: string | null, day: string): PrintableDocument {
  switch (request.document) {
    case 'code-card': {
      const customer = requireCustomer(facts)
      const data: CodeCardData = {
        language: customer.language,
        shop: { name: facts.shop.name, phone: facts.shop.phone, logoDataUrl: facts.shop.logoDataUrl },
        customerName: customer.name,
        vehicle: facts.vehicle,
        radioSerial: facts.radio?.serial ?? '',
        code,
        entrySteps: facts.kb.entrySteps,
        day,
      }
      try {
        return renderCodeCard(data, {
          format: request.format,
          qr: request.qr,
          ...(request.positions ? { positions: request.positions } : {}),
        })
      } catch (error) {
        if (error instanceof CardOptionsError) throw new AppError('VALIDATION', error.message, [{ path: 'positions', message: error.message }])
        throw error
      }
    }
    case 'pickup-reminder': {
      if (!facts.job) throw new AppError('VALIDATION', 'A pickup reminder is for a battery job.')
      // For the desk and the keys, so in the shop's language (English).
      return renderPickupReminder(
        {
          language: 'en',
          shopName: facts.shop.name,
          roNumber: facts.job.roNumber,
          customerName: facts.job.customerName,
          vehicle: facts.vehicle,
          day,
        },
        request.format,
      )
    }
    case 'code-guide': {
      const customer = requireCustomer(facts)
      return renderCodeGuide(
        {
          language: customer.language,
          shop: facts.shop,
          customerName: customer.name,
          vehicle: facts.vehicle,
          radioSerial: facts.radio?.serial ?? '',
          kb: facts.kb,
          day,
        },
        request.paper,
      )
    }
    case 'dealer-request': {
      const customer = requireCustomer(facts)
      // Sent to a dealer, so in the shop's language (English).
      return renderDealerRequest(
        {
          language: 'en',
          shop: facts.shop,
          dealerName: request.dealerName,
          ownerName: customer.name,
          vehicle: facts.vehicle,
          radioSerial: facts.radio?.serial ?? '',
          headUnit: facts.radio?.headUnit ?? '',
          proofsOnFile: request.proofsOnFile,
          kb: facts.kb,
          requestedBy: null,
          day,
        },
        request.paper,
      )
    }
  }
}

/** For a code card: releases the current code for printing (permission + PIN or recent unlock; audited as code.print). */
async function releaseCode(services: AppServices, facts: DocumentFacts, pin: string | null): Promise<{ code: string; auditId: number }> {
  if (facts.codeId === null) {
    throw new AppError('CONFLICT', 'There is no code on file for this car’s radio, so there is no card to print. Print the “how to get your radio code” guide instead.')
  }
  const released = await services.requireSecurity().codes.releaseForPrint({ codeId: facts.codeId, pin })
  return { code: released.code, auditId: released.auditId }
}

function recordOptions(request: DocumentRequest, document: PrintableDocument, auditId: number | null): Record<string, unknown> {
  const { document: _kind, ...rest } = request
  return { ...rest, pageSize: document.pageSize, ...(auditId !== null ? { codePrintAuditId: auditId } : {}) }
}

async function afterCardPrinted(services: AppServices, facts: DocumentFacts, printJobId: number, request: DocumentRequest): Promise<void> {
  if (request.document !== 'code-card' || !facts.job) return
  const db = services.requireDb()
  const now = services.now().toISOString()
  const jobId = facts.job.id
  await db.transaction().execute(async (trx) => {
    const first = await markCardPrinted(trx, jobId, now)
    await appendAudit(trx, {
      at: now,
      workstationId: services.workstationId,
      staffId: services.actorId(),
      action: 'job.card-printed',
      entityType: 'battery_job',
      entityId: jobId,
      details: { printJobId, format: request.format, first },
    })
  })
  services.events.emit('data.changed', { entity: 'job', id: jobId })
}

// ---------------------------------------------------------------------------
// The service API

/**
 * A preview of the document, for an on-screen iframe (srcdoc, sandboxed).
 * Never releases a code: a code card shows the mask. Prints nothing and
 * records nothing.
 */
export async function previewDocument(services: AppServices, input: unknown): Promise<PrintableDocument> {
  const request = parseInput(documentRequestSchema, input)
  const facts = await gatherFacts(services, targetOf(request))
  if (request.document === 'code-card' && facts.codeId === null) {
    throw new AppError('CONFLICT', 'There is no code on file for this car’s radio, so there is no card to print.')
  }
  return buildDocument(request, facts, null, localDayOf(services.now()))
}

/** Records a print that stopped before anything was sent (and before a code was released). */
function failedBeforeRelease(
  services: AppServices,
  masked: PrintableDocument,
  facts: DocumentFacts,
  request: DocumentRequest,
  printerName: string | null,
  copies: number,
  explained: ExplainedProblem,
): Promise<PrintOutcome> {
  return recordUnprinted(services, {
    documentType: masked.kind,
    batteryJobId: facts.job?.id ?? null,
    printerName: printerName ?? '',
    options: { ...recordOptions(request, masked, null), copies },
    requestedBy: services.actorId(),
    workstationId: services.workstationId,
    requestedAt: services.now().toISOString(),
  }, explained)
}

async function recordUnprinted(services: AppServices, job: NewPrintJob, explained: ExplainedProblem): Promise<PrintOutcome> {
  const db = services.requireDb()
  const printJobId = await insertPrintJob(db, job)
  await finishPrintJob(db, printJobId, explained.problem === 'cancelled' ? 'cancelled' : 'failed', explained.problem, services.now().toISOString())
  return { printJobId, status: explained.problem === 'cancelled' ? 'cancelled' : 'failed', problem: explained.problem, savedTo: null, message: explained.message }
}

/**
 * What stops a print before it is sent: a printer this computer does not
 * have, or one the system reports offline. null: go ahead (also when the
 * printers cannot be listed: the print call itself will say).
 */
export async function printerProblem(services: AppServices, printerName: string | null): Promise<ExplainedProblem | null> {
  if (printerName === null) return null
  let printers: readonly PrinterInfo[]
  try {
    printers = await services.printer.listPrinters()
  } catch (error) {
    services.log.error('printers could not be listed before printing', error)
    return null
  }
  const printer = printers.find((p) => p.name === printerName)
  if (!printer) return explainPrintProblem('no-such-printer', printerName)
  if (printer.offline === true) return explainPrintProblem('offline', printer.displayName || printerName)
  return null
}

/**
 * Prints a document and records the print job. Printer, copies and silent
 * come from the request or, when it leaves them out, from this computer's
 * setup for the document; the setup's calibration offset and orientation
 * apply when the print goes to the setup's printer.
 *
 * A code card releases the code first (print permission, and `pin` unless
 * one was typed in the last couple of minutes): a refusal throws FORBIDDEN
 * before anything is recorded. A printer that is missing or offline fails
 * the print before the code is released. A card that prints for a job sets
 * the job's card_printed_at (first print only).
 */
export async function printDocument(services: AppServices, input: unknown): Promise<PrintOutcome> {
  const parsed = parseInput(printDocumentSchema, input)
  const { request, pin } = parsed
  const db = services.requireDb()
  const setup = await getPrintSetup(services, request.document)
  const printerName = parsed.printerName ?? setup.printerName
  const copies = parsed.copies ?? setup.copies
  const silent = parsed.silent ?? setup.silent
  const facts = await gatherFacts(services, targetOf(request))
  const day = localDayOf(services.now())
  // Build a masked copy first, so a bad option fails before the code is released (and audited).
  const masked = buildDocument(request, facts, null, day)
  const problem = await printerProblem(services, printerName)
  if (problem) return failedBeforeRelease(services, masked, facts, request, printerName, copies, problem)
  const released = request.document === 'code-card' ? await releaseCode(services, facts, pin) : null
  const placement = placementFor(setup, printerName, requestFormat(request))
  const document = placeOnPrinter(buildDocument(request, facts, released?.code ?? null, day), placement)
  const printJobId = await insertPrintJob(db, {
    documentType: document.kind,
    batteryJobId: facts.job?.id ?? null,
    printerName: printerName ?? '',
    options: { ...recordOptions(request, document, released?.auditId ?? null), copies, silent, ...(isNoPlacement(placement) ? {} : { placement }) },
    requestedBy: services.actorId(),
    workstationId: services.workstationId,
    requestedAt: services.now().toISOString(),
  })
  let savedTo: string | null
  try {
    savedTo = (await services.printer.print({ document, printerName, silent, copies })).savedTo
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    const explained = explainPrintFailure(reason, printerName)
    const status = explained.problem === 'cancelled' ? 'cancelled' : 'failed'
    if (status === 'failed') services.log.error('document failed to print', error, { printJobId, document: document.kind })
    await finishPrintJob(db, printJobId, status, reason.slice(0, 500), services.now().toISOString())
    return { printJobId, status, problem: explained.problem, savedTo: null, message: explained.message }
  }
  await finishPrintJob(db, printJobId, savedTo ? 'saved' : 'printed', '', services.now().toISOString())
  await afterCardPrinted(services, facts, printJobId, request)
  return { printJobId, status: 'printed', problem: null, savedTo, message: `${document.title}: sent to ${printerName === null ? 'the default printer' : `“${printerName}”`}.` }
}

export interface SavedPdf {
  readonly printJobId: number
  readonly filePath: string
  readonly bytes: number
}

/**
 * "Save as PDF" to `filePath` (chosen by main, e.g. from a save dialog;
 * never a path from the renderer), recording a print job with status
 * 'saved'. A code card releases the code as for printing; saving does not
 * mark the job's card as printed. The PDF is the document as designed: no
 * printer calibration.
 */
export async function saveDocumentAsPdf(services: AppServices, input: unknown, filePath: string): Promise<SavedPdf> {
  const parsed = parseInput(saveDocumentPdfSchema, input)
  const facts = await gatherFacts(services, targetOf(parsed.request))
  const day = localDayOf(services.now())
  buildDocument(parsed.request, facts, null, day)
  return writePdf(services, parsed, facts, day, filePath)
}

async function writePdf(
  services: AppServices,
  { request, pin }: { request: DocumentRequest; pin: string | null },
  facts: DocumentFacts,
  day: string,
  filePath: string,
): Promise<SavedPdf> {
  const toPdf = services.printer.toPdf?.bind(services.printer)
  if (!toPdf) throw new AppError('INTERNAL', 'This computer cannot save PDFs.')
  if (!path.isAbsolute(filePath)) throw new AppError('VALIDATION', 'Choose where to save the PDF.')
  const db = services.requireDb()
  const released = request.document === 'code-card' ? await releaseCode(services, facts, pin) : null
  const document = buildDocument(request, facts, released?.code ?? null, day)
  const printJobId = await insertPrintJob(db, {
    documentType: document.kind,
    batteryJobId: facts.job?.id ?? null,
    printerName: SAVE_AS_PDF,
    options: { ...recordOptions(request, document, released?.auditId ?? null), file: path.basename(filePath) },
    requestedBy: services.actorId(),
    workstationId: services.workstationId,
    requestedAt: services.now().toISOString(),
  })
  try {
    const pdf = await toPdf(document)
    fs.writeFileSync(filePath, pdf)
    await finishPrintJob(db, printJobId, 'saved', '', services.now().toISOString())
    return { printJobId, filePath, bytes: pdf.byteLength }
  } catch (error) {
    services.log.error('document failed to save as PDF', error, { printJobId, document: document.kind })
    const message = error instanceof Error ? error.message : String(error)
    await finishPrintJob(db, printJobId, 'failed', message.slice(0, 500), services.now().toISOString())
    throw new AppError('INTERNAL', `The PDF could not be saved (${message}). Check that the folder exists and you may write to it, then try again.`)
  }
}

/** What the print history shows as the "printer" of a saved PDF. */
export const SAVE_AS_PDF = 'Save as PDF'

/**
 * "Save as PDF" for the desk: checks the request, asks where to save (the
 * save dialog in the app, the spool folder in the preview), then writes the
 * PDF. Closing the dialog saves, releases and records nothing.
 */
export async function saveDocumentPdf(services: AppServices, input: unknown): Promise<SavePdfOutcome> {
  const parsed = parseInput(saveDocumentPdfSchema, input)
  const choosePath = services.printer.choosePdfPath?.bind(services.printer)
  if (!choosePath || !services.printer.toPdf) throw new AppError('INTERNAL', 'This computer cannot save PDFs.')
  const facts = await gatherFacts(services, targetOf(parsed.request))
  const day = localDayOf(services.now())
  const masked = buildDocument(parsed.request, facts, null, day)
  const filePath = await choosePath(
    pdfFileName([masked.title, vehicleLine(facts.vehicle), facts.job?.roNumber ?? '', day]),
  )
  if (filePath === null) return { status: 'cancelled', printJobId: null, filePath: null, message: 'Not saved: the save dialog was closed.' }
  const saved = await writePdf(services, parsed, facts, day, filePath)
  return { status: 'saved', printJobId: saved.printJobId, filePath: saved.filePath, message: `Saved as ${saved.filePath}` }
}

function targetOf(request: DocumentRequest): { jobId: number | null; vehicleId: number | null } {
  return request.document === 'pickup-reminder' ? { jobId: request.jobId, vehicleId: null } : { jobId: request.jobId, vehicleId: request.vehicleId }
}
