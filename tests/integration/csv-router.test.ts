import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import type { ApiResult } from '../../shared/api/errors'
import { MAX_IMPORT_BASE64_CHARS, type CsvExportFile, type CsvPreview, type ImportReport, type ImportSummary } from '../../shared/domain/csv-import'
import type { CsvMapping } from '../../shared/domain/csv-mapping'
import type { SearchResults } from '../../shared/domain/search'
import type { StaffMember } from '../../shared/domain/staff'
import { computeCheckDigit } from '../../shared/domain/vin'
import { createTestRouter, startTestServices, TRUSTED_SENDER, type TestServices } from '../helpers/services'
import { errorOf, valueOf } from '../helpers/results'
import { makeTempDir, removeTempDir } from '../helpers/temp-dir'

/*
 * CSV import and export through the router, with access control on: what the
 * wizard and the export panel call, and what they are refused.
 */

const dirs: string[] = []
const opened: TestServices[] = []
afterEach(async () => {
  for (const s of opened.splice(0)) await s.services.close()
  for (const dir of dirs.splice(0)) removeTempDir(dir)
})

type Call = <T>(method: string, input: unknown) => Promise<ApiResult<T>>

async function start() {
  const dir = makeTempDir()
  dirs.push(dir)
  const started = await startTestServices(dir)
  opened.push(started)
  const router = createTestRouter(started.services, { accessControl: true })
  const call: Call = <T>(method: string, input: unknown) => router(TRUSTED_SENDER, method, input) as Promise<ApiResult<T>>
  valueOf(await call('vault.setUp', { passphrase: null }))
  valueOf(await call('staff.createFirstManager', { name: 'Maria Manager', pin: '2580' }))
  return { call, services: started.services }
}

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64')

function vin(n: number): string {
  const base = `1HGCM8${String(n).padStart(6, '0')}A${String(n % 10000).padStart(4, '0')}`.slice(0, 17)
  const digit = computeCheckDigit(base)
  if (digit === null) throw new Error(base)
  return base.slice(0, 8) + digit + base.slice(9)
}

const HEADER = 'Client,Cell,VIN,Year,Make,Model,Radio Serial,Radio Code'
const FILE = [HEADER, `Ann Lee,555-010-2030,${vin(1)},2009,Honda,Accord,HU-77,1234`, `Bob Roe,555-010-4040,${vin(2)},2012,Ford,Focus,,`].join('\r\n')

async function tableCounts(services: TestServices['services']) {
  const out: Record<string, number> = {}
  for (const table of ['customers', 'vehicles', 'radios', 'radio_codes', 'search_keys']) {
    const row = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(services.requireDb())
    out[table] = Number(row.rows[0]?.n ?? 0)
  }
  return out
}

describe('csv through the router', () => {
  it('preview, dry run, import with progress; the mapping is remembered; search finds the import', async () => {
    const { call, services } = await start()
    const preview = valueOf(await call<CsvPreview>('csv.preview', { fileBase64: b64(FILE) }))
    expect(preview).toMatchObject({ encoding: 'utf-8', totalRows: 2, headers: HEADER.split(',') })
    expect(preview.suggestedMapping).toMatchObject({ name: 'Client', mobilePhone: 'Cell', vin: 'VIN', radioCode: 'Radio Code' })

    const request = { fileBase64: b64(FILE), mapping: preview.suggestedMapping, duplicatePolicy: 'merge' }
    const report = valueOf(await call<ImportReport>('csv.dryRun', request))
    expect(report).toMatchObject({ ok: true, counts: { create: 2, codes: 1, error: 0 } })
    expect(await tableCounts(services)).toMatchObject({ customers: 0, vehicles: 0 })

    const progress: unknown[] = []
    const off = services.events.subscribe((event, payload) => {
      if (event === 'import.progress') progress.push(payload)
    })
    const summary = valueOf(await call<ImportSummary>('csv.import', request))
    off()
    expect(summary).toMatchObject({ customersCreated: 2, vehiclesCreated: 2, radiosCreated: 1, codesImported: 1 })
    expect(progress).toEqual([
      { done: 0, total: 2 },
      { done: 2, total: 2 },
    ])
    const found = valueOf(await call<SearchResults>('search.query', { text: 'Bob Roe' }))
    expect(JSON.stringify(found)).toContain('Bob Roe')

    // The next file with the same odd column name gets the same choice.
    const renamed = valueOf(await call<CsvMapping>('csv.rememberMapping', { mapping: { ...preview.suggestedMapping, make: null, model: 'Make' } }))
    expect(renamed.model).toBe('Make')
    const suggested = valueOf(await call<CsvMapping>('csv.suggestMapping', { headers: ['Client', 'Make'] }))
    expect(suggested).toMatchObject({ name: 'Client', model: 'Make', make: null })
  })

  it('a column left out ("Not imported") stays left out for the next file, though its name suggests a field', async () => {
    const { call } = await start()
    const file = b64(['Client,Cell,Home,Make', 'Ann Lee,555-010-2030,12 Main St,Honda'].join('\n'))
    const preview = valueOf(await call<CsvPreview>('csv.preview', { fileBase64: file }))
    expect(preview.suggestedMapping.homePhone).toBe('Home')
    const mapping = { ...preview.suggestedMapping, homePhone: null }
    valueOf(await call<ImportSummary>('csv.import', { fileBase64: file, mapping, duplicatePolicy: 'merge' }))
    const next = valueOf(await call<CsvPreview>('csv.preview', { fileBase64: file }))
    expect(next.suggestedMapping).toMatchObject({ name: 'Client', mobilePhone: 'Cell', homePhone: null, make: 'Make' })
    // Remembering a mapping by hand with the file's columns does the same; without them the old list stays.
    valueOf(await call('csv.rememberMapping', { mapping: preview.suggestedMapping, headers: preview.headers }))
    expect(valueOf(await call<CsvMapping>('csv.suggestMapping', { headers: preview.headers })).homePhone).toBe('Home')
  })

  it('export, then import the export again: no duplicates', async () => {
    const { call, services } = await start()
    const preview = valueOf(await call<CsvPreview>('csv.preview', { fileBase64: b64(FILE) }))
    valueOf(await call('csv.import', { fileBase64: b64(FILE), mapping: preview.suggestedMapping, duplicatePolicy: 'merge' }))
    const before = await tableCounts(services)

    const exported = valueOf(await call<CsvExportFile>('csv.export', {}))
    expect(exported.fileName).toMatch(/^radio-code-desk-customers-\d{4}-\d{2}-\d{2}\.csv$/)
    expect(exported).toMatchObject({ rows: 2, codesIncluded: 0 })
    const text = Buffer.from(exported.contentBase64, 'base64').toString('utf8')
    expect(text.startsWith('\uFEFFCustomer ID,Name,Phones')).toBe(true)
    expect(text).not.toContain('1234')

    const again = valueOf(await call<CsvPreview>('csv.preview', { fileBase64: exported.contentBase64 }))
    const report = valueOf(await call<ImportReport>('csv.dryRun', { fileBase64: exported.contentBase64, mapping: again.suggestedMapping, duplicatePolicy: 'merge' }))
    expect(report.counts).toMatchObject({ create: 0, merge: 2, error: 0 })
    const summary = valueOf(await call<ImportSummary>('csv.import', { fileBase64: exported.contentBase64, mapping: again.suggestedMapping, duplicatePolicy: 'merge' }))
    expect(summary).toMatchObject({ customersCreated: 0, vehiclesCreated: 0, radiosCreated: 0 })
    expect(await tableCounts(services)).toEqual(before)
  })

  it('codes in an export: the manager may, with a file name that says so; desk staff are refused and audited', async () => {
    const { call, services } = await start()
    const preview = valueOf(await call<CsvPreview>('csv.preview', { fileBase64: b64(FILE) }))
    valueOf(await call('csv.import', { fileBase64: b64(FILE), mapping: preview.suggestedMapping, duplicatePolicy: 'merge' }))

    const withCodes = valueOf(await call<CsvExportFile>('csv.export', { includeCodes: true }))
    expect(withCodes.fileName).toContain('-with-codes-')
    expect(withCodes.codesIncluded).toBe(1)
    expect(Buffer.from(withCodes.contentBase64, 'base64').toString('utf8')).toContain(',1234\r\n')

    const desk = valueOf(await call<StaffMember>('staff.add', { name: 'Dan Desk', role: 'desk', pin: '1357' }))
    valueOf(await call('session.signIn', { staffId: desk.id, pin: '1357' }))
    const refused = errorOf(await call('csv.export', { includeCodes: true }))
    expect(refused.code).toBe('FORBIDDEN')
    expect(refused.message).toMatch(/Only a manager/)
    // Without codes the desk may export.
    expect(valueOf(await call<CsvExportFile>('csv.export', { includeCodes: false })).codesIncluded).toBe(0)
    const audit = await services
      .requireDb()
      .selectFrom('audit_log')
      .select(['action', 'staff_id'])
      .where('action', 'like', 'export%')
      .orderBy('id')
      .execute()
    expect(audit).toEqual([
      { action: 'export.codes', staff_id: 1 },
      { action: 'export.codes.denied', staff_id: desk.id },
      { action: 'export.csv', staff_id: desk.id },
    ])
  })

  it('every csv call needs someone signed in', async () => {
    const { call, services } = await start()
    valueOf(await call('session.signOut', {}))
    const mapping = { name: 'Client' }
    const calls: [string, unknown][] = [
      ['csv.preview', { fileBase64: b64(FILE) }],
      ['csv.suggestMapping', { headers: ['Client'] }],
      ['csv.rememberMapping', { mapping }],
      ['csv.dryRun', { fileBase64: b64(FILE), mapping, duplicatePolicy: 'merge' }],
      ['csv.import', { fileBase64: b64(FILE), mapping, duplicatePolicy: 'merge' }],
      ['csv.export', {}],
      ['csv.export', { includeCodes: true }],
    ]
    for (const [method, input] of calls) expect(errorOf(await call(method, input)).code, method).toBe('SIGNED_OUT')
    expect(await tableCounts(services)).toMatchObject({ customers: 0, vehicles: 0 })
  })

  it('refuses an oversized file, broken base64, binary garbage and a malformed CSV with a clear error', async () => {
    const { call, services } = await start()
    const mapping = { name: 'Client' }
    const oversized = 'A'.repeat(MAX_IMPORT_BASE64_CHARS + 4)
    const cases: { name: string; fileBase64: unknown; expect: RegExp }[] = [
      { name: 'oversized', fileBase64: oversized, expect: /larger than 50 MB/ },
      { name: 'not base64', fileBase64: 'Q2xpZW50Cg==!!', expect: /not valid base64/ },
      { name: 'base64 without padding', fileBase64: 'Q2xpZW50Cg', expect: /not valid base64/ },
      { name: 'empty', fileBase64: '', expect: /empty/ },
      { name: 'a number', fileBase64: 42, expect: /.+/ },
      { name: 'binary', fileBase64: Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0, 0, 9, 9]).toString('base64'), expect: /binary/ },
      { name: 'unterminated quote', fileBase64: b64('Client,Cell\nAnn,"555\nBob,555\n'), expect: /never closed.*line/ },
    ]
    let refused = 0
    for (const c of cases) {
      for (const [method, input] of [
        ['csv.preview', { fileBase64: c.fileBase64 }],
        ['csv.dryRun', { fileBase64: c.fileBase64, mapping, duplicatePolicy: 'merge' }],
        ['csv.import', { fileBase64: c.fileBase64, mapping, duplicatePolicy: 'merge' }],
      ] as const) {
        const error = errorOf(await call(method, input))
        expect(error.code, `${c.name} ${method}`).toBe('VALIDATION')
        expect(error.message, `${c.name} ${method}`).toMatch(c.expect)
        refused += 1
      }
    }
    console.log(`[csv-router] hostile files refused: ${refused} of ${cases.length * 3} calls (${cases.length} files × preview, dry run, import)`)
    expect(await tableCounts(services)).toMatchObject({ customers: 0, vehicles: 0, radios: 0, radio_codes: 0 })
  })

  it('import refuses a file whose dry run shows errors, naming the line; nothing is written', async () => {
    const { call, services } = await start()
    const bad = b64([HEADER, `Ann Lee,555-010-2030,${vin(1)},2009,Honda,Accord,,`, 'Bob Roe,555-010-4040,1HGCM82633AOO4352,2012,Ford,Focus,,'].join('\n'))
    const mapping = valueOf(await call<CsvPreview>('csv.preview', { fileBase64: bad })).suggestedMapping
    const report = valueOf(await call<ImportReport>('csv.dryRun', { fileBase64: bad, mapping, duplicatePolicy: 'merge' }))
    expect(report.ok).toBe(false)
    expect(report.errors[0]).toMatchObject({ line: 3, field: 'VIN' })
    const error = errorOf(await call('csv.import', { fileBase64: bad, mapping, duplicatePolicy: 'merge' }))
    expect(error.code).toBe('VALIDATION')
    expect(error.message).toMatch(/Nothing was imported.*line 3/)
    expect(await tableCounts(services)).toMatchObject({ customers: 0, vehicles: 0 })
    // Skipping that line lets the rest in.
    const summary = valueOf(await call<ImportSummary>('csv.import', { fileBase64: bad, mapping, duplicatePolicy: 'merge', overrides: { '3': 'skip' } }))
    expect(summary).toMatchObject({ customersCreated: 1, rowsSkipped: 0 })
  })

  it('rejects unknown mapping fields, policies and extra keys at the contract', async () => {
    const { call } = await start()
    const base = { fileBase64: b64(FILE), mapping: { name: 'Client' }, duplicatePolicy: 'merge' }
    expect(errorOf(await call('csv.dryRun', { ...base, mapping: { name: 'Client', password: 'x' } })).code).toBe('VALIDATION')
    expect(errorOf(await call('csv.dryRun', { ...base, duplicatePolicy: 'overwrite' })).code).toBe('VALIDATION')
    expect(errorOf(await call('csv.dryRun', { ...base, overrides: { abc: 'skip' } })).code).toBe('VALIDATION')
    expect(errorOf(await call('csv.export', { includeCodes: 'yes' })).code).toBe('VALIDATION')
    expect(errorOf(await call('csv.preview', { fileBase64: b64(FILE), extra: 1 })).code).toBe('VALIDATION')
    expect(errorOf(await call('csv.dryRun', { ...base, mapping: JSON.parse('{"__proto__": "Client"}') as unknown })).code).toBe('VALIDATION')
  })
})
