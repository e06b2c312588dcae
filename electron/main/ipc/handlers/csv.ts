import type { Handlers } from '../router'
import type { AppServices } from '../../services/app-services'
import { exportCsvFile } from '../../services/csv-export'
import { dryRunImport, previewCsv, rememberCsvMapping, runImport, suggestCsvMapping } from '../../services/csv-import'

/** The contract has already checked that this is well-formed base64 of at most 50 MB. */
function fileBytes(fileBase64: string): Uint8Array {
  return Buffer.from(fileBase64, 'base64')
}

/*
 * CSV import and export. Every call needs someone signed in (the router's
 * authorize hook); codes in an export need a manager (the export service
 * checks and audits the refusal).
 */
export const csvHandlers = {
  'csv.preview': (input, services) => previewCsv(services, { bytes: fileBytes(input.fileBase64) }),
  'csv.suggestMapping': (input, services) => suggestCsvMapping(services, input),
  'csv.rememberMapping': (input, services) => rememberCsvMapping(services, input),
  'csv.dryRun': (input, services) => dryRunImport(services, { ...input, bytes: fileBytes(input.fileBase64) }),
  // The import remembers its mapping (and the columns it left out) by itself.
  'csv.import': (input, services) =>
    runImport(services, {
      ...input,
      bytes: fileBytes(input.fileBase64),
      onProgress: (progress) => services.events.emit('import.progress', progress),
    }),
  'csv.export': (input, services) => exportCsvFile(services, input),
} satisfies Partial<Handlers<AppServices>>
