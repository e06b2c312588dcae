import { AppError } from '../../../shared/api/errors'
import type { PrintHistoryEntry } from '../../../shared/domain/printing'
import { documentKindLabel } from '../../../shared/print/print-setup'
import { listPrintHistory, type PrintHistoryRow } from '../../db/repositories/print-jobs'
import type { AppServices } from './app-services'

/*
 * What was printed for a battery job or a vehicle: document, printer, who,
 * when, and how it went (from print_jobs). Nothing here carries a code: the
 * rows never had one.
 */

function copiesOf(optionsJson: string): number | null {
  try {
    const copies = (JSON.parse(optionsJson) as Record<string, unknown>)['copies']
    return typeof copies === 'number' && Number.isInteger(copies) ? copies : null
  } catch {
    return null
  }
}

function toEntry(row: PrintHistoryRow): PrintHistoryEntry {
  return {
    id: row.id,
    documentType: row.documentType,
    documentLabel: documentKindLabel(row.documentType),
    batteryJobId: row.batteryJobId,
    printerName: row.printerName,
    requestedBy: row.requestedById !== null && row.requestedByName !== null ? { id: row.requestedById, name: row.requestedByName } : null,
    requestedAt: row.requestedAt,
    finishedAt: row.finishedAt,
    status: row.status,
    error: row.error,
    copies: copiesOf(row.optionsJson),
    workstationId: row.workstationId,
  }
}

export async function printHistory(
  services: AppServices,
  target: { readonly jobId: number | null; readonly vehicleId: number | null },
): Promise<readonly PrintHistoryEntry[]> {
  const db = services.requireDb()
  if (target.jobId !== null) return (await listPrintHistory(db, { batteryJobId: target.jobId })).map(toEntry)
  if (target.vehicleId !== null) return (await listPrintHistory(db, { vehicleId: target.vehicleId })).map(toEntry)
  throw new AppError('VALIDATION', 'Give the battery job or the vehicle.')
}
