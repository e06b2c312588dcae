import type { PrintOutcome } from '../../../shared/domain/printing'
import { renderTestPage } from '../../../shared/print/test-page'
import { finishPrintJob, insertPrintJob } from '../../db/repositories/print-jobs'
import type { AppServices } from './app-services'
import { getShopSettings } from './shop-settings'

/** Prints the printer test page and records the print job, whatever the outcome. */
export async function printTestPage(services: AppServices, printerName: string | null): Promise<PrintOutcome> {
  const db = services.requireDb()
  const shop = await getShopSettings(services)
  const requestedAt = services.now().toISOString()
  const document = renderTestPage({
    shopName: shop.shopName,
    printerName: printerName ?? 'default printer',
    printedAt: requestedAt,
  })
  const printJobId = await insertPrintJob(db, {
    documentType: document.kind,
    batteryJobId: null,
    printerName: printerName ?? '',
    options: { pageSize: document.pageSize },
    requestedBy: null,
    workstationId: services.workstationId,
    requestedAt,
  })
  try {
    const result = await services.printer.print({ document, printerName, silent: false, copies: 1 })
    await finishPrintJob(db, printJobId, result.savedTo ? 'saved' : 'printed', '', services.now().toISOString())
    return { printJobId, status: 'printed', savedTo: result.savedTo, message: 'The test page was sent to the printer.' }
  } catch (error) {
    services.log.error('test page failed to print', error, { printJobId })
    const message = error instanceof Error ? error.message : String(error)
    await finishPrintJob(db, printJobId, 'failed', message.slice(0, 500), services.now().toISOString())
    return { printJobId, status: 'failed', savedTo: null, message: `The printer did not accept the page: ${message}` }
  }
}
