import { z } from 'zod'
import { duplicatePolicySchema, importOverridesSchema } from './csv-dedup'
import { csvMappingSchema, type CsvMapping } from './csv-mapping'
import type { CsvRowProblem } from './csv-rows'

/*
 * CSV import and export as they cross the contract: the limits, the request
 * schemas and the result types. Pure.
 *
 * The file's bytes cross as base64: the browser-preview bridge carries JSON,
 * and Electron's IPC carries the same string without trouble. The bytes are
 * decoded (encoding detection included) in main, never in the renderer.
 */

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024
/** Base64 of MAX_IMPORT_BYTES: four characters per three bytes. */
export const MAX_IMPORT_BASE64_CHARS = Math.ceil(MAX_IMPORT_BYTES / 3) * 4
export const MAX_IMPORT_ROWS = 200_000

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

/** A file's bytes as standard base64 (padding included), at most 50 MB once decoded. */
export const csvFileBase64Schema = z
  .string('Choose a CSV file.')
  .min(1, 'The file is empty.')
  .max(MAX_IMPORT_BASE64_CHARS, `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; the import takes files up to that size. Split it into parts.`)
  .refine((value) => value.length % 4 === 0 && BASE64.test(value), 'The file did not arrive whole (its contents are not valid base64). Choose the file again.')

export const csvPreviewSchema = z.object({ fileBase64: csvFileBase64Schema }).strict()

export const csvSuggestMappingSchema = z.object({ headers: z.array(z.string().max(200)).max(500) }).strict()

export const csvRememberMappingSchema = z
  .object({
    mapping: csvMappingSchema,
    /** The file's column names, so the columns left out are remembered as left out. */
    headers: z.array(z.string().max(200)).max(500).optional(),
  })
  .strict()

export const csvImportRequestSchema = z
  .object({
    fileBase64: csvFileBase64Schema,
    mapping: csvMappingSchema,
    duplicatePolicy: duplicatePolicySchema,
    /** Line number (as in the report) → what to do with that row instead of the policy. */
    overrides: importOverridesSchema,
  })
  .strict()

export const csvExportSchema = z
  .object({
    /** Radio codes in clear text in the file: managers only, audited. */
    includeCodes: z.boolean().default(false),
  })
  .strict()

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'
export type CsvDelimiter = ',' | ';' | '\t'

export interface CsvPreview {
  readonly encoding: CsvEncoding
  readonly delimiter: CsvDelimiter
  readonly headers: readonly string[]
  /** The first rows as read (cells as in the file). */
  readonly rows: readonly { readonly line: number; readonly cells: readonly string[] }[]
  readonly totalRows: number
  /** The remembered mapping where it fits this file, header names for the rest. */
  readonly suggestedMapping: CsvMapping
}

export interface ImportReportRow {
  readonly line: number
  readonly action: 'create' | 'merge' | 'skip' | 'error'
  /** The record on file this row duplicates, if any. */
  readonly duplicateOf: { readonly customerId: number; readonly name: string; readonly by: 'vin' | 'phone' } | null
  readonly customerName: string
}

export interface ImportReport {
  readonly encoding: CsvEncoding
  readonly totalRows: number
  /** True when the import can run: no errors (rows with errors can be overridden to "skip"). */
  readonly ok: boolean
  readonly errors: readonly CsvRowProblem[]
  readonly warnings: readonly CsvRowProblem[]
  readonly rows: readonly ImportReportRow[]
  readonly counts: {
    readonly create: number
    readonly merge: number
    readonly skip: number
    readonly error: number
    readonly codes: number
  }
}

/** Payload of the 'import.progress' event: rows written so far, of all rows to write. */
export interface ImportProgress {
  readonly done: number
  readonly total: number
}

export interface ImportSummary {
  readonly customersCreated: number
  readonly customersMerged: number
  readonly vehiclesCreated: number
  readonly vehiclesMerged: number
  readonly radiosCreated: number
  readonly codesImported: number
  /** Rows left out (duplicates under "skip", or lines overridden to skip). */
  readonly rowsSkipped: number
  readonly rowsCreated: number
  readonly rowsMerged: number
  readonly warnings: readonly CsvRowProblem[]
}

/** An export, ready to save: the bytes (UTF-8 with BOM) as base64 and a file name to suggest. */
export interface CsvExportFile {
  readonly fileName: string
  readonly contentBase64: string
  /** Data rows (not counting the header). */
  readonly rows: number
  readonly codesIncluded: number
}

/** "radio-code-desk-customers-2025-03-14.csv" (with "-with-codes" when codes are in it), from the local date. */
export function exportFileName(now: Date, withCodes: boolean): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  const day = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
  return `radio-code-desk-customers${withCodes ? '-with-codes' : ''}-${day}.csv`
}
