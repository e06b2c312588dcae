import type { PrintOutcome } from '../../../shared/domain/printing'
import { NO_PLACEMENT, isNoPlacement, placeOnPrinter } from '../../../shared/print/placement'
import { FORMAT_LABELS, SETUP_DOCUMENT_LABELS, formatPageSize, type SetupDocument } from '../../../shared/print/print-setup'
import { explainPrintFailure } from '../../../shared/print/print-problems'
import { renderTestPage } from '../../../shared/print/test-page'
import { PAGE_SIZES } from '../../../shared/print/units'
import { finishPrintJob, insertPrintJob } from '../../db/repositories/print-jobs'
import type { AppServices } from './app-services'
import { printerProblem } from './print-documents'
import { getPrintSetup, placementFor } from './print-setup'
import { getShopSettings } from './shop-settings'

export interface TestPageRequest {
  /** null: the document's setup printer (with `document`), else this computer's default printer. */
  readonly printerName: string | null
  /** Calibrate this document type's setup: its page size, printer, offset and orientation. null: a plain Letter page. */
  readonly document?: SetupDocument | null
}

/**
 * Prints the calibration test page (rulers, corner marks, a frame a fixed
 * distance from the edges) and records the print job, whatever the outcome.
 * For a document type it prints on that setup's page size, with its offset
 * and orientation, so the desk sees what a card or label will do.
 */
export async function printTestPage(services: AppServices, request: TestPageRequest): Promise<PrintOutcome> {
  const db = services.requireDb()
  const shop = await getShopSettings(services)
  const requestedAt = services.now().toISOString()
  const setup = request.document ? await getPrintSetup(services, request.document) : null
  const printerName = request.printerName ?? setup?.printerName ?? null
  const placement = setup ? placementFor(setup, printerName, setup.format) : NO_PLACEMENT
  const document = placeOnPrinter(
    renderTestPage(
      {
        shopName: shop.shopName,
        printerName: printerName ?? 'this computer’s default printer',
        printedAt: new Date(requestedAt).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' }),
        ...(setup
          ? {
              purpose: `${SETUP_DOCUMENT_LABELS[setup.document]} · ${FORMAT_LABELS[setup.format]}`,
              offsetXmm: placement.offsetXmm,
              offsetYmm: placement.offsetYmm,
              sheetOutlines: setup.format === 'sheet',
            }
          : {}),
      },
      setup ? formatPageSize(setup.format) : PAGE_SIZES.letter,
    ),
    placement,
  )
  const printJobId = await insertPrintJob(db, {
    documentType: document.kind,
    batteryJobId: null,
    printerName: printerName ?? '',
    options: {
      pageSize: document.pageSize,
      ...(setup ? { setup: setup.document, format: setup.format } : {}),
      ...(isNoPlacement(placement) ? {} : { placement }),
    },
    requestedBy: services.actorId(),
    workstationId: services.workstationId,
    requestedAt,
  })
  const problem = await printerProblem(services, printerName)
  if (problem) {
    await finishPrintJob(db, printJobId, 'failed', problem.problem, services.now().toISOString())
    return { printJobId, status: 'failed', problem: problem.problem, savedTo: null, message: problem.message }
  }
  try {
    const result = await services.printer.print({ document, printerName, silent: setup?.silent ?? false, copies: 1 })
    await finishPrintJob(db, printJobId, result.savedTo ? 'saved' : 'printed', '', services.now().toISOString())
    return { printJobId, status: 'printed', problem: null, savedTo: result.savedTo, message: 'The test page was sent to the printer.' }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    const explained = explainPrintFailure(reason, printerName)
    const status = explained.problem === 'cancelled' ? 'cancelled' : 'failed'
    if (status === 'failed') services.log.error('test page failed to print', error, { printJobId })
    await finishPrintJob(db, printJobId, status, reason.slice(0, 500), services.now().toISOString())
    return { printJobId, status, problem: explained.problem, savedTo: null, message: explained.message }
  }
}
