import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { BULK_WRITE_CACHE_KIB } from '../../electron/db/bulk-write-cache'
import { applyConnectionPragmasSync } from '../../electron/db/open'
import type { Database } from '../../electron/db/schema'
import type { SearchEntry } from '../../electron/db/search/search-index'
import { sqliteSearchIndex } from '../../electron/db/search/sqlite-search-index'
import { dataPaths } from '../../electron/main/paths'
import { customerSearchDocument, radioSearchDocument, vehicleSearchDocument } from '../../electron/main/services/search-documents'
import { suggestMapping } from '../../shared/domain/csv-mapping'
import type { ImportSummary } from '../../shared/domain/csv-import'
import { compactKey, phoneDigits, toSearchKey } from '../../shared/domain/normalize'
import { COLOURS } from '../generator/catalog'
import { Rng } from '../generator/prng'
import { makeCode, makePerson, makePlate, makeSerial, makeVin, pickMake, pickState } from '../generator/records'
import { stats, type Stats } from '../measure'
import { openAppSession } from './app-session'

/*
 * CSV import of a file exported from another shop system, end to end through
 * csv.import (decode, parse, map, validate, de-duplicate against the shop's
 * records, insert, codes encrypted, search updated, audited) into a copy of
 * the shop. Floor: the same rows, already split, inserted into another copy
 * in one transaction with no validation and no de-duplication.
 */

export const CSV_HEADER = ['First Name', 'Last Name', 'Cell', 'E-mail', 'VIN', 'Year', 'Make', 'Model', 'Plate', 'State', 'Color', 'Radio Serial', 'Head Unit', 'Radio Code']

/** `rows` data rows. A few customers come back with a phone the shop already has (merged), some bring two vehicles. */
export function makeImportCsv(rows: number, seed: number, existingPhones: readonly string[]): { text: string; rows: string[][] } {
  const rng = new Rng(seed)
  const out: string[][] = []
  let person = makePerson(rng, pickState(rng))
  let state = pickState(rng)
  for (let i = 0; i < rows; i += 1) {
    if (!(rng.chance(0.2) && i > 0)) {
      state = pickState(rng)
      person = makePerson(rng, state)
    }
    const words = person.name.split(' ')
    let phone = person.phones[0]?.number ?? ''
    if (existingPhones.length > 0 && rng.chance(0.02)) phone = rng.pick(existingPhones)
    const make = pickMake(rng)
    const year = rng.int(1998, 2025)
    const withRadio = rng.chance(0.8)
    out.push([
      words[0] ?? '',
      words.slice(1).join(' '),
      phone,
      // Records on file may hold "name.@domain" (typed long ago); the other system's export does not.
      person.email.replace('.@', '@'),
      rng.chance(0.95) ? makeVin(rng, make, year, 900_000 + i) : '',
      String(year),
      make.make,
      rng.pick(make.models),
      rng.chance(0.9) ? makePlate(rng, state) : '',
      state.code,
      rng.pick(COLOURS),
      withRadio ? makeSerial(rng, make) : '',
      withRadio ? rng.pick(make.headUnits) : '',
      withRadio && rng.chance(0.7) ? makeCode(rng, make) : '',
    ])
  }
  const text = [CSV_HEADER, ...out].map((cells) => cells.join(',')).join('\r\n') + '\r\n'
  if (text.includes('"')) throw new Error('The generated CSV needs no quoting; a field has a quote in it.')
  return { text, rows: out }
}

export function existingPhonesOf(dbFile: string, count: number): string[] {
  const sqlite = new BetterSqlite3(dbFile, { readonly: true })
  try {
    return (sqlite.prepare('select number from customer_phones order by id limit ?').all(count) as { number: string }[]).map((r) => r.number)
  } finally {
    sqlite.close()
  }
}

/** csv.import through the router into `dataDir` (a copy of the shop). */
export async function importThroughApp(dataDir: string, managerId: number, csvText: string): Promise<{ ms: number; cpuMs: number; summary: ImportSummary }> {
  const session = await openAppSession(dataDir, managerId)
  try {
    const mapping = suggestMapping(CSV_HEADER)
    const fileBase64 = Buffer.from(csvText, 'utf8').toString('base64')
    const cpu = process.cpuUsage()
    const start = performance.now()
    const summary = await session.call<ImportSummary>('csv.import', { fileBase64, mapping, duplicatePolicy: 'merge', overrides: {} })
    const ms = performance.now() - start
    const used = process.cpuUsage(cpu)
    return { ms, cpuMs: (used.user + used.system) / 1000, summary }
  } finally {
    await session.close()
  }
}

/** The floor: the rows inserted as they are, one transaction, prepared statements, search rows through SearchIndex.addNew, the import's page cache. */
export async function importFloor(dataDir: string, rows: readonly string[][]): Promise<{ ms: number; cpuMs: number }> {
  const sqlite = new BetterSqlite3(dataPaths(dataDir).dbFile)
  applyConnectionPragmasSync(sqlite)
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  const now = new Date().toISOString()
  const insertCustomer = sqlite.prepare('insert into customers (name, email, search_key, created_at, updated_at) values (?, ?, ?, ?, ?)')
  const insertPhone = sqlite.prepare("insert into customer_phones (customer_id, label, number, digits, position, created_at) values (?, 'mobile', ?, ?, 0, ?)")
  const insertVehicle = sqlite.prepare(
    'insert into vehicles (vin, year, make, model, plate, plate_state, plate_key, colour, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  )
  const insertOwnership = sqlite.prepare('insert into vehicle_ownerships (vehicle_id, customer_id, started_at) values (?, ?, ?)')
  const insertRadio = sqlite.prepare('insert into radios (vehicle_id, serial, serial_key, head_unit, created_at, updated_at) values (?, ?, ?, ?, ?, ?)')
  const insertCode = sqlite.prepare("insert into radio_codes (radio_id, code_ciphertext, key_id, source, entered_by, entered_at) values (?, ?, 1, 'other', 1, ?)")
  // The same page cache the app's import gets (electron/db/bulk-write-cache.ts).
  sqlite.pragma(`cache_size = -${BULK_WRITE_CACHE_KIB}`)
  const cpu = process.cpuUsage()
  const start = performance.now()
  sqlite.exec('begin')
  const entries: SearchEntry[] = []
  for (const [first, last, phone, email, vin, year, make, model, plate, state, colour, serial, headUnit, code] of rows as string[][]) {
    const name = `${first} ${last}`.trim()
    const customerId = Number(insertCustomer.run(name, email, toSearchKey(name), now, now).lastInsertRowid)
    if (phone) insertPhone.run(customerId, phone, phoneDigits(phone!), now)
    entries.push({ entityType: 'customer', entityId: customerId, document: customerSearchDocument({ name, email: email!, phones: phone ? [{ number: phone }] : [] }) })
    const vehicleId = Number(insertVehicle.run(vin || null, Number(year), make, model, plate, state, compactKey(plate!), colour, now, now).lastInsertRowid)
    insertOwnership.run(vehicleId, customerId, now)
    entries.push({
      entityType: 'vehicle',
      entityId: vehicleId,
      document: vehicleSearchDocument({ vin: vin!, year: Number(year), make: make!, model: model!, trim: '', colour: colour!, plate: plate! }),
    })
    if (serial) {
      const radioId = Number(insertRadio.run(vehicleId, serial, compactKey(serial), headUnit, now, now).lastInsertRowid)
      entries.push({ entityType: 'radio', entityId: radioId, document: radioSearchDocument({ serial, headUnit: headUnit! }) })
      if (code) insertCode.run(radioId, `v1:${Buffer.from(code).toString('base64')}`, now)
    }
  }
  await sqliteSearchIndex.addNew(kysely, entries)
  sqlite.exec('commit')
  const ms = performance.now() - start
  const used = process.cpuUsage(cpu)
  await kysely.destroy()
  if (sqlite.open) sqlite.close()
  return { ms, cpuMs: (used.user + used.system) / 1000 }
}

export interface CsvImportFigures {
  readonly rows: number
  readonly bytes: number
  readonly app: Stats
  readonly floor: Stats
  /** CPU time of this process (user + system): the wall time less waiting for a core or the disk. */
  readonly appCpu: Stats
  readonly floorCpu: Stats
  readonly summary: ImportSummary
}

/** `freshCopy()` returns a new data folder holding a copy of the shop for each run. */
export async function benchCsvImport(
  freshCopy: () => string,
  managerId: number,
  rowCount: number,
  runs: number,
): Promise<CsvImportFigures> {
  const probe = freshCopy()
  const { text, rows } = makeImportCsv(rowCount, 5150, existingPhonesOf(dataPaths(probe).dbFile, 2000))
  const app: number[] = []
  const floor: number[] = []
  const appCpu: number[] = []
  const floorCpu: number[] = []
  let summary: ImportSummary | null = null
  for (let i = 0; i < runs; i += 1) {
    const viaApp = await importThroughApp(i === 0 ? probe : freshCopy(), managerId, text)
    app.push(viaApp.ms)
    appCpu.push(viaApp.cpuMs)
    summary = viaApp.summary
    const viaFloor = await importFloor(freshCopy(), rows)
    floor.push(viaFloor.ms)
    floorCpu.push(viaFloor.cpuMs)
  }
  return { rows: rowCount, bytes: Buffer.byteLength(text), app: stats(app), floor: stats(floor), appCpu: stats(appCpu), floorCpu: stats(floorCpu), summary: summary! }
}
