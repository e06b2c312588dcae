import { parse } from 'csv-parse/sync'
import { sql } from 'kysely'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { exportCsv } from '../../electron/main/services/csv-export'
import { dryRunImport, previewCsv, runImport } from '../../electron/main/services/csv-import'
import { createCustomer } from '../../electron/main/services/customers'
import { createVehicle } from '../../electron/main/services/vehicles'
import { AppError } from '../../shared/api/errors'
import { suggestMapping } from '../../shared/domain/csv-mapping'
import { computeCheckDigit } from '../../shared/domain/vin'
import { startTestServices, type TestServices } from '../helpers/services'
import { makeTempDir, removeTempDir } from '../helpers/temp-dir'

/*
 * Proof 3 of issue #7, hostile CSV: formula cells, a 1 MB cell, a malformed
 * row near the end of a 50,000-row file, mixed encodings, SQL-looking text.
 * Each file is either stored verbatim or refused with a clear, line-numbered
 * report, and a refused file leaves nothing behind (not even part of it).
 * Exported cells a spreadsheet would run as formulas are escaped.
 * Prints: "hostile CSV: N files, R refused naming the line, V stored verbatim, half-imported: 0; exported formula cells escaped: E of E".
 */

const dirs: string[] = []
const opened: TestServices[] = []
afterEach(async () => {
  for (const s of opened.splice(0)) await s.services.close()
  for (const dir of dirs.splice(0)) removeTempDir(dir)
})

const figures = { files: 0, refusedWithLine: 0, storedVerbatim: 0, halfImported: 0, formulaCells: 0, formulaCellsEscaped: 0 }
afterAll(() => {
  console.log(
    `[csv-hostile] hostile CSV: ${figures.files} files, ${figures.refusedWithLine} refused naming the line, ${figures.storedVerbatim} stored verbatim, ` +
      `half-imported: ${figures.halfImported}; exported formula cells escaped: ${figures.formulaCellsEscaped} of ${figures.formulaCells}`,
  )
})

async function start() {
  const dir = makeTempDir()
  dirs.push(dir)
  const started = await startTestServices(dir)
  opened.push(started)
  const security = started.services.requireSecurity()
  await security.setUpVault(null)
  const manager = await security.staff.createFirstManager({ name: 'Maria Manager', pin: '2580' })
  security.session.signIn(manager.id)
  return { services: started.services, managerId: manager.id }
}
type Services = Awaited<ReturnType<typeof start>>['services']

function vin(n: number): string {
  const base = `1HGCM8${String(n).padStart(6, '0')}A${String(n % 10000).padStart(4, '0')}`.slice(0, 17)
  const digit = computeCheckDigit(base)
  if (digit === null) throw new Error(base)
  return base.slice(0, 8) + digit + base.slice(9)
}

const HEADER = 'Name,Phone,Notes,VIN,Make,Model'
const enc = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'))

async function counts(services: Services): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const table of ['customers', 'customer_phones', 'vehicles', 'vehicle_ownerships', 'radios', 'radio_codes', 'search_keys', 'search_words']) {
    const row = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(services.requireDb())
    out[table] = Number(row.rows[0]?.n ?? 0)
  }
  return out
}

/**
 * Dry run and import of a file that must be refused: the message names
 * `line`, and nothing at all is written.
 */
async function expectRefused(services: Services, bytes: Uint8Array, line: number, pattern: RegExp): Promise<string> {
  figures.files += 1
  const before = await counts(services)
  const mapping = suggestMapping(HEADER.split(','))
  let message: string
  try {
    const report = await dryRunImport(services, { bytes, mapping, duplicatePolicy: 'merge' })
    expect(report.ok).toBe(false)
    const problem = report.errors.find((error) => error.line === line)
    expect(problem, `a problem on line ${line}; got ${JSON.stringify(report.errors.slice(0, 3))}`).toBeDefined()
    message = `line ${problem?.line}, ${problem?.field ?? 'row'}: ${problem?.message}`
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    message = error.message
  }
  expect(message).toMatch(pattern)
  expect(message).toContain(`line ${line}`)
  const refused = await runImport(services, { bytes, mapping, duplicatePolicy: 'merge' }).then(
    () => null,
    (error: unknown) => error,
  )
  expect(refused).toBeInstanceOf(AppError)
  expect((refused as AppError).code).toBe('VALIDATION')
  expect((refused as AppError).message).toContain(`line ${line}`)
  const after = await counts(services)
  if (JSON.stringify(after) !== JSON.stringify(before)) figures.halfImported += 1
  expect(after).toEqual(before)
  figures.refusedWithLine += 1
  return message
}

function bigFile(rows: number, replace: { line: number; text: string } | null): Uint8Array {
  const lines = [HEADER]
  for (let i = 0; i < rows; i += 1) lines.push(`Person ${i},555-${String(1_000_000 + i)},ok,${vin(20_000 + i)},Honda,Civic`)
  if (replace) lines[replace.line - 1] = replace.text
  return enc(lines.join('\r\n'))
}

describe('hostile CSV files: stored verbatim or refused by line, never half-imported', () => {
  it('formula cells (=, +FUNC(, -DDE, @FUNC(, behind a tab) are refused with the line and the field', async () => {
    const { services } = await start()
    const cells = ['=HYPERLINK("http://evil.example","click")', '+SUM(A1:A9)', "-2+3+cmd|' /C calc'!A0", '@IMPORTXML(A1,"//a")', '\t=1+1']
    for (const [index, cell] of cells.entries()) {
      const quoted = `"${cell.replace(/"/g, '""')}"`
      const file = enc([HEADER, 'Ann Lee,555-010-2030,fine,,Honda,Fit', `Bob Roe,555-010-4040,${quoted},,Ford,Ka`].join('\n'))
      const message = await expectRefused(services, file, 3, /spreadsheet formula/)
      expect(message, `case ${index}`).toContain('Customer notes')
    }
  })

  it('a 1 MB cell is refused naming its line; a value that is only long is refused by the field rule', async () => {
    const { services } = await start()
    const huge = `"${'x'.repeat(1024 * 1024)}"`
    await expectRefused(services, enc([HEADER, 'Ann Lee,555-010-2030,ok,,Honda,Fit', `Bob Roe,555-010-4040,${huge},,Ford,Ka`].join('\n')), 3, /far too long/)
    await expectRefused(services, enc([HEADER, `Bob Roe,555-010-4040,${'n'.repeat(2500)},,Ford,Ka`].join('\n')), 2, /under 2000 characters/)
  })

  it('a malformed row near the end of a 50,000-row file (line 49,999) refuses the whole file', async () => {
    const { services } = await start()
    const started = performance.now()
    await expectRefused(services, bigFile(50_000, { line: 49_999, text: 'Cut Short,555-999-0000' }), 49_999, /2 cells but the header has 6/)
    await expectRefused(services, bigFile(50_000, { line: 49_999, text: 'Open Quote,555-999-0000,"never closed,,Honda,Civic' }), 49_999, /never closed/)
    console.log(`[csv-hostile] two 50,000-row files with a bad line 49,999, dry run and import each: ${(performance.now() - started).toFixed(0)} ms`)
  }, 120_000)

  it('mixed encodings: a UTF-8 file with a Windows-1252 line is refused naming that line; each encoding alone is read verbatim', async () => {
    const { services } = await start()
    const mixed = Buffer.concat([
      Buffer.from(`${HEADER}\nJosé Núñez,555-010-2030,ok,,Seat,Ibiza\n`, 'utf8'),
      Buffer.from('Jürgen Müller,555-010-4040,ok,,Opel,Corsa\n', 'latin1'),
    ])
    await expectRefused(services, new Uint8Array(mixed), 3, /mixes text encodings/)

    const names = ['José Núñez', 'Jürgen Müller', 'Zoë Ørsted']
    const text = [HEADER, ...names.map((name, i) => `${name},555-010-${2030 + i},€ 20 deposit,,Seat,Ibiza`)].join('\r\n')
    const files: [string, Uint8Array][] = [
      ['windows-1252', new Uint8Array(Buffer.from(text.replace(/€/g, '\u0080'), 'latin1'))],
      ['utf-16le', new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))],
      ['utf-8', new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]))],
    ]
    for (const [encoding, bytes] of files) {
      const fresh = await start()
      figures.files += 1
      expect((await previewCsv(fresh.services, { bytes })).encoding).toBe(encoding)
      await runImport(fresh.services, { bytes, mapping: suggestMapping(HEADER.split(',')), duplicatePolicy: 'merge' })
      const stored = await fresh.services.requireDb().selectFrom('customers').select(['name', 'notes']).orderBy('id').execute()
      expect(stored, encoding).toEqual(names.map((name) => ({ name, notes: '€ 20 deposit' })))
      figures.storedVerbatim += 1
    }
  })

  it('SQL-looking text is stored verbatim and does nothing', async () => {
    const { services } = await start()
    const rows = [
      { name: "Robert'); DROP TABLE customers;--", notes: "' OR '1'='1", model: '1; DELETE FROM vehicles' },
      { name: 'Ann "Bobby" Tables', notes: 'x\'); UPDATE audit_log SET hash = NULL; --', model: 'Civic /* */ UNION SELECT * FROM vault_keys' },
    ]
    const text = [HEADER, ...rows.map((row, i) => [row.name, `555-010-${3030 + i}`, row.notes, vin(9_000 + i), 'Honda', row.model].map((cell) => `"${cell.replace(/"/g, '""')}"`).join(','))].join('\n')
    figures.files += 1
    await runImport(services, { bytes: enc(text), mapping: suggestMapping(HEADER.split(',')), duplicatePolicy: 'merge' })
    const db = services.requireDb()
    const customers = await db.selectFrom('customers').select(['name', 'notes']).orderBy('id').execute()
    expect(customers).toEqual(rows.map((row) => ({ name: row.name, notes: row.notes })))
    const models = await db.selectFrom('vehicles').select('model').orderBy('id').execute()
    expect(models.map((row) => row.model)).toEqual(rows.map((row) => row.model))
    expect(await counts(services)).toMatchObject({ customers: 2, vehicles: 2 })
    figures.storedVerbatim += 1
  })

  it('on export, every cell a spreadsheet would run (= + - @ tab CR NUL first) gets a leading quote', async () => {
    const { services, managerId } = await start()
    const starts = ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tTAB', '\rCR', '\u0000NUL']
    for (const [i, start] of starts.entries()) {
      const owner = await createCustomer(services, { name: `Customer ${i}`, phones: [{ label: 'mobile', number: `+1 555 010 ${4000 + i}` }], email: '', preferredLanguage: 'en', notes: start })
      await createVehicle(services, { ownerId: owner.id, vin: '', year: null, make: 'Honda', model: 'Fit', trim: '', engine: '', plate: '', plateState: '', colour: '', notes: start })
    }
    const out = await exportCsv(services, { includeCodes: false, actorId: managerId })
    const records = parse(Buffer.from(out.bytes).toString('utf8'), { bom: true, relax_column_count: true }) as string[][]
    const cells = records.slice(1).flat()
    // eslint-disable-next-line no-control-regex -- NUL is one of the characters that must not start a cell
    const dangerous = /^[=+\-@\t\r\u0000]/
    // What a spreadsheet would run: every stored value the export writes that starts like a formula.
    const db = services.requireDb()
    const storedValues = [
      ...(await db.selectFrom('customers').select(['name', 'notes', 'email']).execute()).flatMap((row) => [row.name, row.notes, row.email]),
      ...(await db.selectFrom('vehicles').select(['make', 'model', 'notes']).execute()).flatMap((row) => [row.make, row.model, row.notes]),
    ]
    const shouldEscape = storedValues.filter((value) => dangerous.test(value)).length
    const escaped = cells.filter((cell) => cell.startsWith("'") && dangerous.test(cell.slice(1))).length
    figures.formulaCells += shouldEscape
    figures.formulaCellsEscaped += escaped
    expect(shouldEscape, 'the desk stored values that start like formulas').toBeGreaterThanOrEqual(starts.length)
    expect(escaped).toBe(shouldEscape)
    expect(cells.filter((cell) => dangerous.test(cell)), 'no exported cell starts like a formula').toEqual([])
  })
})
