import { parse } from 'csv-parse/sync'
import { z } from 'zod'
import type { Transaction } from 'kysely'
import { AppError } from '../../../shared/api/errors'
import type { NewCustomer } from '../../../shared/domain/customer'
import {
  duplicatePolicySchema,
  findRepeatedRows,
  importOverridesSchema,
  planImport,
  type DuplicatePolicy,
  type ExistingCustomer,
  type ImportOverrides,
  type ImportPlan,
  type RowDecision,
} from '../../../shared/domain/csv-dedup'
import {
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  type CsvDelimiter,
  type CsvEncoding,
  type CsvPreview,
  type ImportProgress,
  type ImportReport,
  type ImportReportRow,
  type ImportSummary,
} from '../../../shared/domain/csv-import'
import { csvMappingSchema, mappingProblems, suggestMapping, uniqueHeaderLabels, unmappedHeaders, type CsvMapping } from '../../../shared/domain/csv-mapping'
import { dedupePhones, phoneKey, readImportRow, type CsvRowProblem, type ImportRow } from '../../../shared/domain/csv-rows'
import { compactKey } from '../../../shared/domain/normalize'
import type { VehicleFields } from '../../../shared/domain/vehicle'
import { withBulkWriteCache } from '../../db/bulk-write-cache'
import { appendAudit, appendAuditBatch } from '../../db/repositories/audit'
import { findCustomerById, updateCustomerRow } from '../../db/repositories/customers'
import {
  findCustomersByPhoneKeys,
  findInstalledRadio,
  findVehiclesByVins,
  insertCustomersBatch,
  insertRadioCodesBatch,
  insertRadiosBatch,
  insertVehiclesBatch,
  type ImportedCodeRow,
} from '../../db/repositories/import-batch'
import { insertRadio } from '../../db/repositories/radios'
import { readShopSetting, writeShopSetting } from '../../db/repositories/settings'
import { findVehicleById, listVehiclesOfCustomer, updateVehicleFields } from '../../db/repositories/vehicles'
import type { Database } from '../../db/schema'
import type { SearchEntry } from '../../db/search/search-index'
import type { AppServices } from './app-services'
import { customerSearchDocument, radioSearchDocument, vehicleSearchDocument } from './search-documents'

/*
 * Importing customers and vehicles (optionally radios and codes) from another
 * shop system's CSV file.
 *
 *   previewCsv      bytes → encoding, columns, first rows, suggested mapping
 *   rememberCsvMapping  keep the chosen mapping (shop settings)
 *   dryRunImport    bytes + mapping + duplicate policy → per-row report; writes nothing
 *   runImport       the same, then writes everything in one transaction
 *                   (all or nothing), in batches, with progress
 *
 * Bytes: a Uint8Array (a Node Buffer is one). They cross the contract as
 * base64 (see shared/domain/csv-import.ts); the handler decodes them.
 *
 * Encoding: a BOM decides (UTF-8, UTF-16 LE, UTF-16 BE); without one, bytes
 * that are valid UTF-8 are UTF-8, anything else is Windows-1252 (what Excel
 * on US Windows writes as "CSV"). Text with NULs or many control characters
 * is refused as not a text file.
 */

/** One record (all its cells) at most this many characters: a runaway quote stops here instead of eating the file. */
export const MAX_RECORD_CHARS = 64 * 1024
const PREVIEW_ROWS = 20
const BATCH_ROWS = 1000
const MAPPING_SETTING = 'csv-import.mapping'
const IGNORED_COLUMNS_SETTING = 'csv-import.ignored-columns'
const IMPORTED_CODE_DETAIL = 'Imported from a CSV file'

export interface DecodedCsv {
  readonly text: string
  readonly encoding: CsvEncoding
  readonly bom: boolean
}

function fileError(message: string): AppError {
  return new AppError('VALIDATION', message, [{ path: 'file', message }])
}

function toBytes(bytes: unknown): Uint8Array {
  if (bytes instanceof Uint8Array) return bytes
  if (bytes instanceof ArrayBuffer) return new Uint8Array(bytes)
  throw fileError('No file was received. Choose the CSV file again.')
}

/** Bytes → text, following the encoding rules above. Throws VALIDATION for a file that is not text. */
export function decodeCsvBytes(input: Uint8Array): DecodedCsv {
  if (input.byteLength === 0) throw fileError('The file is empty.')
  if (input.byteLength > MAX_IMPORT_BYTES) {
    throw fileError(`The file is ${(input.byteLength / 1024 / 1024).toFixed(0)} MB; the import takes files up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it into parts.`)
  }
  let decoded: DecodedCsv
  const [b0, b1, b2] = [input[0], input[1], input[2]]
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    decoded = { text: decodeStrict('utf-8', input.subarray(3)), encoding: 'utf-8', bom: true }
  } else if (b0 === 0xff && b1 === 0xfe) {
    decoded = { text: decodeStrict('utf-16le', input.subarray(2)), encoding: 'utf-16le', bom: true }
  } else if (b0 === 0xfe && b1 === 0xff) {
    decoded = { text: decodeStrict('utf-16be', input.subarray(2)), encoding: 'utf-16be', bom: true }
  } else {
    try {
      decoded = { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(input), encoding: 'utf-8', bom: false }
    } catch {
      const mixed = firstNonUtf8Line(input)
      if (mixed !== null) {
        throw fileError(
          `The file mixes text encodings: it is mostly UTF-8, but line ${mixed} has characters in another encoding (often a row pasted from another program). Open the file in a spreadsheet and save it again as CSV UTF-8, then try again.`,
        )
      }
      decoded = { text: new TextDecoder('windows-1252').decode(input), encoding: 'windows-1252', bom: false }
    }
  }
  if (!looksLikeText(decoded.text)) {
    throw fileError('This file does not look like a CSV text file (it contains binary data). Export the list from the other program as CSV and try again.')
  }
  return decoded
}

/**
 * For bytes that are not valid UTF-8: when they also hold well-formed UTF-8
 * multi-byte characters (so part of the file is UTF-8), the line of the first
 * byte that is not; null when there are none (a Windows-1252 file, read as
 * such). Windows-1252 text almost never forms a valid UTF-8 sequence by
 * chance (an accented capital followed by a symbol such as "…" or "¿").
 */
function firstNonUtf8Line(bytes: Uint8Array): number | null {
  let utf8Sequences = 0
  let firstBad = -1
  for (let i = 0; i < bytes.length; ) {
    const byte = bytes[i] as number
    if (byte < 0x80) {
      i += 1
      continue
    }
    const length = byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0
    let valid = length > 0 && i + length <= bytes.length
    for (let k = 1; valid && k < length; k += 1) valid = ((bytes[i + k] as number) & 0xc0) === 0x80
    if (valid) {
      utf8Sequences += 1
      i += length
    } else {
      if (firstBad < 0) firstBad = i
      i += 1
    }
  }
  if (utf8Sequences === 0 || firstBad < 0) return null
  let line = 1
  for (let i = 0; i < firstBad; i += 1) if (bytes[i] === 0x0a) line += 1
  return line
}

function decodeStrict(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    throw fileError(`The file says it is ${encoding.toUpperCase()} text, but parts of it are not. Save it again as CSV (UTF-8) and try again.`)
  }
}

/** No NULs, and at most 1 in 200 characters a control character other than tab, CR and LF. */
function looksLikeText(text: string): boolean {
  let control = 0
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i)
    if (code === 0) return false
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f) || code === 0xfffd) control += 1
  }
  return control * 200 <= text.length
}

export interface ParsedCsv {
  readonly delimiter: CsvDelimiter
  /** Unique header labels (see uniqueHeaderLabels). */
  readonly headers: readonly string[]
  /** Data records with the file line each starts on. */
  readonly records: readonly { readonly line: number; readonly cells: readonly string[] }[]
}

/** The delimiter of the header line: the most frequent of comma, semicolon and tab outside quotes. */
function detectDelimiter(text: string): CsvDelimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 }
  let quoted = false
  for (const char of text.slice(0, 10_000)) {
    if (char === '"') quoted = !quoted
    else if (!quoted && (char === '\n' || char === '\r')) break
    else if (!quoted && (char === ',' || char === ';' || char === '\t')) counts[char] += 1
  }
  return counts[';'] > counts[','] && counts[';'] >= counts['\t'] ? ';' : counts['\t'] > counts[','] ? '\t' : ','
}

interface CsvParseError {
  readonly code?: string
  readonly lines?: number
  /** Records read in full (the header included) before the failure. */
  readonly records?: number
}

type ParsedRecord = { record: string[]; info: { lines: number } }

function parseRecords(text: string, delimiter: CsvDelimiter, to?: number): ParsedRecord[] {
  return parse(text, {
    delimiter,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_CHARS,
    bom: true,
    ...(to === undefined ? {} : { to }),
  }) as unknown as ParsedRecord[]
}

/**
 * The line where the record that failed starts: the first non-blank line
 * after the records read in full. (csv-parse's own `lines` is where it gave
 * up, often the end of the file.)
 */
function failedRecordLine(text: string, delimiter: CsvDelimiter, error: CsvParseError): number | null {
  if (typeof error.records !== 'number') return typeof error.lines === 'number' ? error.lines : null
  const complete = error.records > 0 ? parseRecords(text, delimiter, error.records) : []
  const last = complete.at(-1)
  let line = 1
  if (last) {
    const overcounted = complete.reduce((sum, { record }) => sum + countIn(record, CRLF), 0)
    line = last.info.lines - overcounted + 1
  }
  const lines = text.split(LINE_BREAK)
  while (line <= lines.length && (lines[line - 1] ?? '').trim() === '') line += 1
  return line
}

/** Text → header and records (csv-parse). Throws VALIDATION naming the line for a file that cannot be read as CSV. */
export function parseCsvText(text: string): ParsedCsv {
  const delimiter = detectDelimiter(text)
  let parsed: ParsedRecord[]
  try {
    parsed = parseRecords(text, delimiter)
  } catch (error) {
    const { code } = error as CsvParseError
    const line = failedRecordLine(text, delimiter, error as CsvParseError)
    const at = line === null ? '' : ` (line ${line})`
    if (code === 'CSV_QUOTE_NOT_CLOSED') {
      throw fileError(`A quoted value is never closed${at}: a " opens a value but the file ends before the closing ". Check that line in the file.`)
    }
    if (code === 'CSV_MAX_RECORD_SIZE') {
      throw fileError(`A row is far too long${at}: more than ${MAX_RECORD_CHARS / 1024} KB. Usually a " that is never closed; check that line.`)
    }
    throw fileError(`The file cannot be read as CSV${at}. Export it again from the other program as CSV.`)
  }
  const [header, ...rest] = parsed
  if (!header) throw fileError('The file has no rows.')
  if (rest.length > MAX_IMPORT_ROWS) throw fileError(`The file has ${rest.length} rows; the import takes up to ${MAX_IMPORT_ROWS}. Split it into parts.`)
  const headerCells = header.record.map((cell) => cell.trim())
  if (headerCells.every((cell) => cell === '')) throw fileError('The first row (the column names) is empty.')
  return { delimiter, headers: uniqueHeaderLabels(headerCells), records: recordLines(header.record, rest) }
}

/**
 * The file line each record starts on. csv-parse's info.lines is the line a
 * record ends on, except that it counts a CRLF inside a quoted value as two
 * line breaks (CR and LF alone count one), so each such CRLF so far is taken
 * off; then the record's own line breaks lead back to its first line.
 */
function recordLines(header: readonly string[], rows: readonly ParsedRecord[]): ParsedCsv['records'] {
  let overcounted = countIn(header, CRLF)
  return rows.map(({ record, info }) => {
    overcounted += countIn(record, CRLF)
    return { line: info.lines - overcounted - countIn(record, LINE_BREAK), cells: record }
  })
}

const CRLF = /\r\n/g
const LINE_BREAK = /\r\n|\r|\n/g

/** How often `pattern` (a line-break pattern) occurs in these cells. */
function countIn(cells: readonly string[], pattern: RegExp): number {
  return cells.reduce((sum, cell) => sum + (cell.includes('\n') || cell.includes('\r') ? (cell.match(pattern)?.length ?? 0) : 0), 0)
}

function readFile(bytes: unknown): DecodedCsv & ParsedCsv {
  const decoded = decodeCsvBytes(toBytes(bytes))
  return { ...decoded, ...parseCsvText(decoded.text) }
}

// ---- preview and mapping ---------------------------------------------------------

const ignoredColumnsSchema = z.array(z.string().max(200)).max(500)

/** The last mapping chosen, and the columns that file had but the shop left out. */
async function rememberedMapping(services: AppServices): Promise<{ mapping: CsvMapping | null; ignored: readonly string[] }> {
  const db = services.requireDb()
  const mapping = csvMappingSchema.safeParse(await readShopSetting(db, MAPPING_SETTING))
  const ignored = ignoredColumnsSchema.safeParse(await readShopSetting(db, IGNORED_COLUMNS_SETTING))
  return { mapping: mapping.success ? mapping.data : null, ignored: ignored.success ? ignored.data : [] }
}

/** Stores the mapping and, when the file's columns are known, the ones it leaves out. */
async function storeMapping(trx: Transaction<Database>, services: AppServices, mapping: CsvMapping, headers: readonly string[] | null, now: string) {
  await writeShopSetting(trx, MAPPING_SETTING, mapping, now, services.actorId())
  if (headers) await writeShopSetting(trx, IGNORED_COLUMNS_SETTING, unmappedHeaders(mapping, headers).slice(0, 500), now, services.actorId())
}

export async function previewCsv(services: AppServices, input: { bytes: unknown }): Promise<CsvPreview> {
  const file = readFile(input.bytes)
  return {
    encoding: file.encoding,
    delimiter: file.delimiter,
    headers: file.headers,
    rows: file.records.slice(0, PREVIEW_ROWS),
    totalRows: file.records.length,
    suggestedMapping: await suggestCsvMapping(services, { headers: file.headers }),
  }
}

export async function suggestCsvMapping(services: AppServices, input: { headers: readonly string[] }): Promise<CsvMapping> {
  const remembered = await rememberedMapping(services)
  return suggestMapping(input.headers, remembered.mapping, remembered.ignored)
}

/**
 * Keeps the chosen mapping for the next import (shop-wide), audited. With the
 * file's headers, the columns it leaves out are remembered too, so "Not
 * imported" stays chosen for them. (runImport remembers by itself.)
 */
export async function rememberCsvMapping(services: AppServices, input: { mapping: unknown; headers?: readonly string[] }): Promise<CsvMapping> {
  const mapping = parseMapping(input.mapping)
  const db = services.requireDb()
  const now = services.now().toISOString()
  await db.transaction().execute(async (trx) => {
    await storeMapping(trx, services, mapping, input.headers ?? null, now)
    await appendAudit(trx, {
      at: now,
      workstationId: services.workstationId,
      staffId: services.actorId(),
      action: 'settings.csv-mapping.update',
      entityType: 'shop_settings',
      entityId: null,
      details: {},
    })
  })
  return mapping
}

function parseMapping(value: unknown): CsvMapping {
  const parsed = csvMappingSchema.safeParse(value)
  if (!parsed.success) throw new AppError('VALIDATION', parsed.error.issues[0]?.message ?? 'The column mapping is not valid.')
  return parsed.data
}

// ---- dry run -------------------------------------------------------------------------

export interface ImportRequest {
  readonly bytes: unknown
  readonly mapping: unknown
  readonly duplicatePolicy: unknown
  /** Line number → 'merge' | 'skip' | 'create'. */
  readonly overrides?: unknown
}

interface Prepared {
  readonly report: ImportReport
  readonly plan: ImportPlan
  readonly mapping: CsvMapping
  readonly headers: readonly string[]
}

function parseRequest(request: ImportRequest): { mapping: CsvMapping; policy: DuplicatePolicy; overrides: ImportOverrides } {
  const policy = duplicatePolicySchema.safeParse(request.duplicatePolicy)
  if (!policy.success) throw new AppError('VALIDATION', 'Choose what to do with duplicates: merge, skip or create.')
  const overrides = importOverridesSchema.safeParse(request.overrides ?? {})
  if (!overrides.success) throw new AppError('VALIDATION', 'A per-line choice is not merge, skip or create.')
  return { mapping: parseMapping(request.mapping), policy: policy.data, overrides: overrides.data }
}

/** Reads, checks and plans; `db` is the transaction when called from runImport. */
async function prepare(services: AppServices, db: Transaction<Database> | null, request: ImportRequest): Promise<Prepared> {
  const { mapping, policy, overrides } = parseRequest(request)
  const file = readFile(request.bytes)
  const problems = mappingProblems(mapping, file.headers)
  if (problems.length > 0) throw new AppError('VALIDATION', problems[0] ?? '', problems.map((message) => ({ path: 'mapping', message })))

  const errors: CsvRowProblem[] = []
  const warnings: CsvRowProblem[] = []
  const skipped = (line: number) => overrides[String(line)] === 'skip'
  const repeats = findRepeatedRows(file.records)
  const rows: ImportRow[] = []
  const errorLines = new Set<number>()
  for (const record of file.records) {
    const earlier = repeats.get(record.line)
    if (earlier !== undefined && !skipped(record.line)) {
      errors.push({ line: record.line, field: null, message: `This row repeats line ${earlier} exactly. Remove one of them (or choose Skip for this line).` })
      errorLines.add(record.line)
      continue
    }
    const result = readImportRow(file.headers, mapping, record.cells, record.line)
    if (result.ok) rows.push(result.row)
    else if (skipped(record.line)) continue
    else {
      errors.push(...result.errors)
      errorLines.add(record.line)
    }
    warnings.push(...result.warnings)
  }
  if (file.records.length === 0) errors.push({ line: 0, field: null, message: 'The file has column names but no rows to import.' })

  const executor = db ?? services.requireDb()
  const vins = rows.flatMap((row) => (row.vehicle && row.vehicle.vin !== '' ? [row.vehicle.vin] : []))
  const phones = rows.flatMap((row) => row.customer.phones.map((phone) => phoneKey(phone.number)))
  const vehiclesByVin = new Map((await findVehiclesByVins(executor, vins)).map((hit) => [hit.vin, hit]))
  const customersByPhone = new Map<string, ExistingCustomer[]>()
  for (const hit of await findCustomersByPhoneKeys(executor, phones)) {
    const list = customersByPhone.get(hit.key) ?? []
    if (!list.some((known) => known.customerId === hit.customerId)) list.push({ customerId: hit.customerId, name: hit.name })
    customersByPhone.set(hit.key, list)
  }
  const plan = planImport(rows, { vehiclesByVin, customersByPhone }, policy, overrides)
  errors.push(...plan.errors)
  warnings.push(...plan.warnings)
  for (const problem of plan.errors) errorLines.add(problem.line)

  const codes = plan.decisions.filter((decision) => decision.action !== 'skip' && decision.row.code !== null).length
  if (codes > 0) {
    const security = services.requireSecurity()
    if (!security.vault.isUnlocked()) {
      errors.push({ line: 0, field: 'Radio code', message: 'The code vault is locked, so radio codes cannot be imported. A manager must unlock it first (or leave the Radio code column unmapped).' })
    }
    if (services.actorId() === null) {
      errors.push({ line: 0, field: 'Radio code', message: 'Sign in at the desk with your PIN to import radio codes: each code records who entered it.' })
    }
  }

  const byLine = new Map(plan.decisions.map((decision) => [decision.line, decision]))
  const reportRows: ImportReportRow[] = file.records.map((record) => {
    const decision = byLine.get(record.line)
    if (errorLines.has(record.line) || !decision) {
      return { line: record.line, action: skipped(record.line) ? 'skip' : 'error', duplicateOf: null, customerName: '' }
    }
    return { line: record.line, action: decision.action, duplicateOf: decision.duplicateOf, customerName: decision.row.customer.name }
  })
  const count = (action: ImportReportRow['action']) => reportRows.filter((row) => row.action === action).length
  errors.sort((a, b) => a.line - b.line)
  warnings.sort((a, b) => a.line - b.line)
  return {
    plan,
    mapping,
    headers: file.headers,
    report: {
      encoding: file.encoding,
      totalRows: file.records.length,
      ok: errors.length === 0,
      errors,
      warnings,
      rows: reportRows,
      counts: { create: count('create'), merge: count('merge'), skip: count('skip'), error: count('error'), codes },
    },
  }
}

/** Checks everything the import would do and says what would happen to each row. Writes nothing. */
export async function dryRunImport(services: AppServices, request: ImportRequest): Promise<ImportReport> {
  return (await prepare(services, null, request)).report
}

// ---- import --------------------------------------------------------------------------

/**
 * Imports the file: refuses (VALIDATION, with the report's errors) when the
 * dry run would show any error; otherwise writes every row in one
 * transaction, a batch of rows at a time, calling onProgress after each
 * batch. Any failure rolls everything back.
 */
export async function runImport(
  services: AppServices,
  request: ImportRequest & { readonly onProgress?: (progress: ImportProgress) => void },
): Promise<ImportSummary> {
  const db = services.requireDb()
  const now = services.now().toISOString()
  const staffId = services.actorId()
  const summary = await withBulkWriteCache(db, () => db.transaction().execute(async (trx) => {
    const { plan, report, mapping, headers } = await prepare(services, trx, request)
    if (!report.ok) {
      const first = report.errors[0]
      throw new AppError(
        'VALIDATION',
        `Nothing was imported: ${report.errors.length} problem${report.errors.length === 1 ? '' : 's'} to fix first${first ? ` (line ${first.line}: ${first.message})` : ''}.`,
        report.errors.slice(0, 200).map((problem) => ({ path: `line.${problem.line}${problem.field ? `.${problem.field}` : ''}`, message: problem.message })),
      )
    }
    const writer = createWriter(services, trx, now, staffId, plan)
    const total = plan.decisions.length
    request.onProgress?.({ done: 0, total })
    for (let start = 0; start < total; start += BATCH_ROWS) {
      await writer.writeBatch(plan.decisions.slice(start, start + BATCH_ROWS))
      request.onProgress?.({ done: Math.min(start + BATCH_ROWS, total), total })
      // Let progress events reach the window between batches.
      await new Promise((resolve) => setImmediate(resolve))
    }
    const result: ImportSummary = { ...writer.counts(), warnings: report.warnings }
    // The mapping that worked (and the columns it left out) is the one to offer next time.
    await storeMapping(trx, services, mapping, headers, now)
    await appendAudit(trx, {
      at: now,
      workstationId: services.workstationId,
      staffId,
      action: 'import.csv',
      entityType: 'import',
      entityId: null,
      details: {
        rows: report.totalRows,
        encoding: report.encoding,
        customersCreated: result.customersCreated,
        customersMerged: result.customersMerged,
        vehiclesCreated: result.vehiclesCreated,
        vehiclesMerged: result.vehiclesMerged,
        radiosCreated: result.radiosCreated,
        codesImported: result.codesImported,
        rowsSkipped: result.rowsSkipped,
      },
    })
    return result
  }))
  services.events.emit('data.changed', { entity: 'customer', id: null })
  services.events.emit('data.changed', { entity: 'vehicle', id: null })
  return summary
}

function vehicleDocument(fields: VehicleFields) {
  return vehicleSearchDocument(fields)
}

/** Fills what the record on file leaves empty; never overwrites. */
function mergeVehicleFields(current: VehicleFields, incoming: VehicleFields): VehicleFields {
  return {
    vin: current.vin || incoming.vin,
    year: current.year ?? incoming.year,
    make: current.make || incoming.make,
    model: current.model || incoming.model,
    trim: current.trim || incoming.trim,
    engine: current.engine || incoming.engine,
    plate: current.plate || incoming.plate,
    plateState: current.plateState || incoming.plateState,
    colour: current.colour || incoming.colour,
    notes: current.notes || incoming.notes,
  }
}

function sameVehicleFields(a: VehicleFields, b: VehicleFields): boolean {
  return (Object.keys(a) as (keyof VehicleFields)[]).every((key) => a[key] === b[key])
}

function createWriter(services: AppServices, trx: Transaction<Database>, now: string, staffId: number | null, plan: ImportPlan) {
  const groupCustomers = new Map(plan.newCustomers.map((group) => [group.group, group.customer]))
  const createdCustomerIds = new Map<number, number>()
  const counts = {
    customersCreated: 0,
    customersMerged: 0,
    vehiclesCreated: 0,
    vehiclesMerged: 0,
    radiosCreated: 0,
    codesImported: 0,
    rowsSkipped: 0,
    rowsCreated: 0,
    rowsMerged: 0,
  }
  const mergedCustomers = new Set<number>()
  const mergedVehicles = new Set<number>()
  const security = plan.decisions.some((decision) => decision.action !== 'skip' && decision.row.code !== null) ? services.requireSecurity() : null

  const audit = (action: string, entityType: string, entityId: number, details: Record<string, string | number | boolean | null>) =>
    appendAudit(trx, { at: now, workstationId: services.workstationId, staffId, action, entityType, entityId, details })

  /** Encrypts and stores codes for radios that have no current code, one audit row each. */
  async function storeCodes(codes: readonly { radioId: number; code: string }[]): Promise<void> {
    if (codes.length === 0) return
    if (!security || staffId === null) throw new AppError('FORBIDDEN', 'Sign in at the desk with your PIN to import radio codes.')
    const encrypted = security.vault.encryptCodes(codes)
    const rows: ImportedCodeRow[] = codes.map(({ radioId }, index) => {
      const { ciphertext, keyId } = encrypted[index] as { ciphertext: string; keyId: number }
      return { radioId, ciphertext, keyId, source: 'other', sourceDetail: IMPORTED_CODE_DETAIL, enteredBy: staffId }
    })
    const ids = await insertRadioCodesBatch(trx, rows, now)
    // One audit row per code, as when a code is typed at the desk, written together.
    await appendAuditBatch(
      trx,
      ids.map((id, index) => ({
        at: now,
        workstationId: services.workstationId,
        staffId,
        action: 'code.enter',
        entityType: 'radio_code',
        entityId: id,
        details: { radioId: rows[index]?.radioId ?? null, source: 'other', supersedes: null, supersededCount: 0, formatOverride: false, imported: true },
      })),
    )
    counts.codesImported += ids.length
  }

  /** A merge row: customer on file gets new phones and empty fields filled; the vehicle is matched or added. */
  async function mergeRow(decision: RowDecision, customerId: number, searchEntries: SearchEntry[], codes: { radioId: number; code: string }[]) {
    const row = decision.row
    const current = await findCustomerById(trx, customerId)
    if (!current) throw new AppError('CONFLICT', `Customer ${customerId} disappeared during the import; nothing was imported.`)
    const phones = dedupePhones([...current.phones.map((p) => ({ label: p.label, number: p.number })), ...row.customer.phones]).slice(0, 5)
    const merged: NewCustomer = {
      name: current.name,
      phones,
      email: current.email || row.customer.email,
      preferredLanguage: current.preferredLanguage,
      notes: current.notes || row.customer.notes,
    }
    const changed = phones.length !== current.phones.length || merged.email !== current.email || merged.notes !== current.notes
    if (changed) {
      await updateCustomerRow(trx, customerId, merged, now)
      await services.search.put(trx, 'customer', customerId, customerSearchDocument(merged))
      await audit('customer.update', 'customer', customerId, { via: 'import.csv', line: row.line })
    }
    if (!mergedCustomers.has(customerId)) {
      mergedCustomers.add(customerId)
      counts.customersMerged += 1
    }
    if (!row.vehicle) return

    let vehicleId = decision.existingVehicleId
    if (vehicleId === null) vehicleId = await matchOwnedVehicle(customerId, row.vehicle)
    if (vehicleId === null) {
      const [id] = await insertVehiclesBatch(trx, [{ fields: row.vehicle, ownerId: customerId }], now, staffId)
      if (id === undefined) throw new Error('vehicle insert returned no id')
      searchEntries.push({ entityType: 'vehicle', entityId: id, document: vehicleDocument(row.vehicle) })
      await audit('vehicle.create', 'vehicle', id, { ownerId: customerId, via: 'import.csv' })
      counts.vehiclesCreated += 1
      await newRadio(id, row, searchEntries, codes)
      return
    }
    const vehicle = await findVehicleById(trx, vehicleId)
    if (!vehicle) throw new AppError('CONFLICT', `Vehicle ${vehicleId} disappeared during the import; nothing was imported.`)
    const fields = mergeVehicleFields(vehicle, row.vehicle)
    if (!sameVehicleFields(fields, vehicle)) {
      await updateVehicleFields(trx, vehicleId, fields, now)
      await services.search.put(trx, 'vehicle', vehicleId, vehicleDocument(fields))
      await audit('vehicle.update', 'vehicle', vehicleId, { via: 'import.csv', line: row.line })
    }
    if (!mergedVehicles.has(vehicleId)) {
      mergedVehicles.add(vehicleId)
      counts.vehiclesMerged += 1
    }
    if (!row.radio) return
    const installed = await findInstalledRadio(trx, vehicleId)
    if (!installed) {
      const radioId = await insertRadio(trx, { vehicleId, serial: row.radio.serial, headUnit: row.radio.headUnit, installedAt: null }, now, staffId, 'replaced')
      await services.search.put(trx, 'radio', radioId, radioSearchDocument(row.radio))
      await audit('radio.add', 'radio', radioId, { vehicleId, via: 'import.csv' })
      counts.radiosCreated += 1
      if (row.code !== null) codes.push({ radioId, code: row.code })
      return
    }
    // A different radio on file stays: the desk may know better than the old system.
    const sameRadio = row.radio.serial === '' || compactKey(row.radio.serial) === compactKey(installed.serial)
    if (sameRadio && row.code !== null && !installed.hasCurrentCode) codes.push({ radioId: installed.id, code: row.code })
  }

  /** A vehicle of this customer that is the row's vehicle: same plate (when one VIN is unknown), or the same year/make/model with neither VIN nor plate. */
  async function matchOwnedVehicle(customerId: number, incoming: VehicleFields): Promise<number | null> {
    const owned = (await listVehiclesOfCustomer(trx, customerId)).current
    const plateKey = compactKey(incoming.plate)
    const found = owned.find((vehicle) => {
      if (vehicle.vin !== '' && incoming.vin !== '') return false
      if (plateKey !== '' || vehicle.plate !== '') return plateKey !== '' && compactKey(vehicle.plate) === plateKey
      return (
        vehicle.vin === '' &&
        incoming.vin === '' &&
        vehicle.year === incoming.year &&
        vehicle.make.toUpperCase() === incoming.make.toUpperCase() &&
        vehicle.model.toUpperCase() === incoming.model.toUpperCase()
      )
    })
    return found?.id ?? null
  }

  async function newRadio(vehicleId: number, row: ImportRow, searchEntries: SearchEntry[], codes: { radioId: number; code: string }[]) {
    if (!row.radio) return
    const [radioId] = await insertRadiosBatch(trx, [{ vehicleId, ...row.radio }], now, staffId)
    if (radioId === undefined) throw new Error('radio insert returned no id')
    searchEntries.push({ entityType: 'radio', entityId: radioId, document: radioSearchDocument(row.radio) })
    counts.radiosCreated += 1
    if (row.code !== null) codes.push({ radioId, code: row.code })
  }

  return {
    counts: () => ({ ...counts }),

    async writeBatch(decisions: readonly RowDecision[]): Promise<void> {
      const searchEntries: SearchEntry[] = []
      const codes: { radioId: number; code: string }[] = []

      // New customers first used in this batch.
      const wanted = new Set<number>()
      for (const decision of decisions) {
        if (decision.action !== 'create' || decision.customer.kind !== 'new') continue
        if (!createdCustomerIds.has(decision.customer.group)) wanted.add(decision.customer.group)
      }
      const groups = [...wanted]
      const newCustomers = groups.map((group) => {
        const customer = groupCustomers.get(group)
        if (!customer) throw new Error(`no customer for group ${group}`)
        return customer
      })
      const customerIds = await insertCustomersBatch(trx, newCustomers, now)
      for (const [index, group] of groups.entries()) {
        const id = customerIds[index]
        const customer = newCustomers[index]
        if (id === undefined || !customer) throw new Error('customer insert returned too few ids')
        createdCustomerIds.set(group, id)
        searchEntries.push({ entityType: 'customer', entityId: id, document: customerSearchDocument(customer) })
      }
      counts.customersCreated += groups.length

      // New vehicles of created rows, then their radios.
      const creates = decisions.filter((decision) => decision.action === 'create')
      const withVehicle = creates.filter((decision) => decision.row.vehicle !== null)
      const vehicleIds = await insertVehiclesBatch(
        trx,
        withVehicle.map((decision) => ({
          fields: decision.row.vehicle as VehicleFields,
          ownerId: decision.customer.kind === 'new' ? (createdCustomerIds.get(decision.customer.group) ?? 0) : decision.customer.customerId,
        })),
        now,
        staffId,
      )
      counts.vehiclesCreated += vehicleIds.length
      const radios: { vehicleId: number; serial: string; headUnit: string; code: string | null }[] = []
      for (const [index, decision] of withVehicle.entries()) {
        const vehicleId = vehicleIds[index]
        if (vehicleId === undefined || !decision.row.vehicle) throw new Error('vehicle insert returned too few ids')
        searchEntries.push({ entityType: 'vehicle', entityId: vehicleId, document: vehicleDocument(decision.row.vehicle) })
        if (decision.row.radio) radios.push({ vehicleId, ...decision.row.radio, code: decision.row.code })
      }
      const radioIds = await insertRadiosBatch(trx, radios, now, staffId)
      counts.radiosCreated += radioIds.length
      for (const [index, radio] of radios.entries()) {
        const radioId = radioIds[index]
        if (radioId === undefined) throw new Error('radio insert returned too few ids')
        searchEntries.push({ entityType: 'radio', entityId: radioId, document: radioSearchDocument(radio) })
        if (radio.code !== null) codes.push({ radioId, code: radio.code })
      }
      counts.rowsCreated += creates.length

      // Merges, one row at a time (they read what is on file).
      for (const decision of decisions) {
        if (decision.action === 'skip') counts.rowsSkipped += 1
        if (decision.action !== 'merge' || decision.customer.kind !== 'existing') continue
        await mergeRow(decision, decision.customer.customerId, searchEntries, codes)
        counts.rowsMerged += 1
      }

      await services.search.addNew(trx, searchEntries)
      await storeCodes(codes)
    },
  }
}
