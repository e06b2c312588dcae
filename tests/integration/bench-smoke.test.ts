import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAuditChain } from '../../electron/db/repositories/audit'
import type { Database } from '../../electron/db/schema'
import { dataPaths } from '../../electron/main/paths'
import type { SearchResults } from '../../shared/domain/search'
import { compactKey, phoneDigits } from '../../shared/domain/normalize'
import { validateVin } from '../../shared/domain/vin'
import { copyShop } from '../../bench/generator/cache'
import { generateShop, SCALES, type GeneratedShop } from '../../bench/generator/generate'
import { openAppSession, type AppSession } from '../../bench/steps/app-session'
import { benchCardPrint } from '../../bench/steps/card-print'
import { runChild } from '../../bench/steps/cold-open'
import { benchCsvImport, makeImportCsv } from '../../bench/steps/csv-import'
import { benchDeskScreens } from '../../bench/steps/desk-screens'
import { benchKeystrokes } from '../../bench/steps/keystroke'
import { benchRecordSave } from '../../bench/steps/record-save'
import { measureRendererSize } from '../../bench/steps/renderer-size'
import { benchSearch, createSearchFloor, drawSearchSamples, PREFIX_LENGTHS, SEARCH_CATEGORIES } from '../../bench/steps/search'
import { makeTempDir, removeTempDir } from '../helpers/temp-dir'

/*
 * `npm run bench` at a tiny scale, each step once: the generated data is
 * real app data, search finds what it should, a card PDF comes out, the
 * import counts add up, the renderer is measured. Correctness only: the
 * timings are printed by the benchmark, never asserted here.
 */

const RENDERER_DIR = path.resolve(__dirname, '../../out/renderer')
const dirs: string[] = []
let shop: GeneratedShop & { dataDir: string }
let session: AppSession

function temp(): string {
  const dir = makeTempDir('rcd-bench-smoke-')
  dirs.push(dir)
  return dir
}

function row<T>(sql: string, ...params: unknown[]): T {
  const sqlite = new BetterSqlite3(dataPaths(shop.dataDir).dbFile, { readonly: true })
  try {
    return sqlite.prepare(sql).get(...params) as T
  } finally {
    sqlite.close()
  }
}

beforeAll(async () => {
  const dataDir = temp()
  shop = { ...(await generateShop(dataDir, SCALES.tiny, 7)), dataDir }
  session = await openAppSession(dataDir, shop.managerId)
}, 60_000)

afterAll(async () => {
  await session?.close()
  for (const dir of dirs.splice(0)) removeTempDir(dir)
})

const search = (text: string) => session.call<SearchResults>('search.query', { text, limitPerKind: 8 })

describe('bench data generator (tiny scale)', () => {
  it('writes the records of the scale, with codes, jobs and audit rows', () => {
    expect(shop.counts.customers).toBe(SCALES.tiny.customers)
    expect(shop.counts.vehicles).toBe(SCALES.tiny.vehicles)
    expect(shop.counts.radios).toBeGreaterThan(SCALES.tiny.vehicles / 2)
    expect(shop.counts.codes).toBeGreaterThan(0)
    expect(shop.counts.jobs).toBeGreaterThan(0)
    expect(row<{ n: number }>('select count(*) as n from vehicles').n).toBe(SCALES.tiny.vehicles)
    expect(row<{ n: number }>('select count(*) as n from battery_jobs').n).toBe(shop.counts.jobs)
  })

  it('gives every VIN a correct check digit and keeps references intact', () => {
    const sqlite = new BetterSqlite3(dataPaths(shop.dataDir).dbFile, { readonly: true })
    try {
      const vins = (sqlite.prepare('select vin from vehicles where vin is not null').all() as { vin: string }[]).map((r) => r.vin)
      expect(vins.length).toBeGreaterThan(SCALES.tiny.vehicles * 0.8)
      for (const vin of vins) expect(validateVin(vin).checkDigit.valid, vin).toBe(true)
      expect(new Set(vins).size).toBe(vins.length)
      expect(sqlite.pragma('foreign_key_check')).toEqual([])
    } finally {
      sqlite.close()
    }
  })

  it('keeps an audit chain the app verifies', async () => {
    const sqlite = new BetterSqlite3(dataPaths(shop.dataDir).dbFile, { readonly: true })
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
    try {
      const check = await verifyAuditChain(db)
      expect(check).toEqual({ ok: true, rows: expect.any(Number) })
      expect(check.ok && check.rows).toBeGreaterThanOrEqual(shop.counts.audit)
    } finally {
      await db.destroy()
    }
  })

  it('stores codes the vault decrypts (the app\'s own encryption)', async () => {
    const code = row<{ radio_id: number; code_ciphertext: string; key_id: number }>('select radio_id, code_ciphertext, key_id from radio_codes limit 1')
    const clear = session.services.requireSecurity().vault.decryptCode(code.radio_id, code.code_ciphertext, code.key_id)
    expect(clear).toMatch(/^\d{4,5}$/)
  })
})

describe('bench steps (once each)', () => {
  it('search through the router finds a vehicle by whole VIN, VIN tail and plate, a customer by phone, a radio by serial', async () => {
    const vehicle = row<{ id: number; vin: string; plate: string }>("select id, vin, plate from vehicles where vin is not null and plate <> '' order by id desc limit 1")
    const byVin = await search(vehicle.vin)
    expect(byVin.top).toEqual({ kind: 'vehicle', id: vehicle.id })
    expect((await search(vehicle.vin.slice(-6))).vehicles.map((v) => v.id)).toContain(vehicle.id)
    expect((await search(compactKey(vehicle.plate))).vehicles.map((v) => v.id)).toContain(vehicle.id)
    const phone = row<{ customer_id: number; number: string }>('select customer_id, number from customer_phones order by id desc limit 1')
    expect((await search(phoneDigits(phone.number))).customers.map((c) => c.id)).toContain(phone.customer_id)
    const radio = row<{ id: number; serial: string }>("select id, serial from radios where serial <> '' order by id desc limit 1")
    expect((await search(radio.serial)).radios.map((r) => r.id)).toContain(radio.id)

    const floor = createSearchFloor(dataPaths(shop.dataDir).dbFile)
    try {
      expect(floor.run(vehicle.vin)).toBeGreaterThan(0)
      expect(floor.run('zzzzzz9')).toBe(0)
    } finally {
      floor.close()
    }
  })

  it('measures every kind of prefix through the router and the floor', async () => {
    const samples = drawSearchSamples(dataPaths(shop.dataDir).dbFile, 3, 1)
    expect(samples).toHaveLength(SEARCH_CATEGORIES.length * PREFIX_LENGTHS.length)
    for (const sample of samples) expect(sample.text).toHaveLength(sample.length)
    const figures = await benchSearch(session, samples, 1)
    expect(figures.router.n).toBe(samples.length)
    expect(figures.floor.n).toBe(samples.length)
    const vinTail6 = figures.cells.find((cell) => cell.category === 'vinTail' && cell.length === 6)
    expect(vinTail6?.meanResults).toBeGreaterThan(0)
    console.log(`bench smoke: search p95 ${figures.router.p95.toFixed(2)} ms, floor ${figures.floor.p95.toFixed(2)} ms`)
  })

  it('opens every desk screen through the router with records drawn from the data', async () => {
    const figures = await benchDeskScreens(session, shop.dataDir, 2, 7)
    expect(figures.map((figure) => figure.method)).toEqual([
      'customers.get',
      'vehicles.get',
      'jobs.listForVehicle',
      'customers.list',
      'vehicles.list',
      'jobs.todayBoard',
      'audit.list',
      'audit.list',
    ])
    for (const figure of figures) expect(figure.times.n, figure.screen).toBe(2)
  })

  it('cold open in a fresh process starts the app and answers the first search', () => {
    const name = row<{ name: string }>('select name from customers order by id limit 1').name.split(' ')[0]!
    const figures = runChild(['--mode', 'app', '--data-dir', shop.dataDir, '--manager', String(shop.managerId), '--query', name])
    expect(figures.rows).toBeGreaterThan(0)
    const floor = runChild(['--mode', 'floor', '--data-dir', shop.dataDir, '--query', name])
    expect(floor.rows).toBeGreaterThan(0)
    console.log(`bench smoke: cold open ${figures.totalMs.toFixed(1)} ms, floor ${floor.totalMs.toFixed(1)} ms`)
  }, 60_000)

  it('prints a code card for a finished job to a PDF, and renders the blank floor page', async () => {
    const figures = await benchCardPrint(copyShop(shop, temp()), shop.managerId, 1)
    expect(figures.pdfBytes).toBeGreaterThan(1000)
    expect(figures.pageSizeMm.widthMm).toBeGreaterThan(50)
    expect(figures.after.n).toBe(1)
    console.log(`bench smoke: card ${figures.after.median.toFixed(0)} ms after the first, floor ${figures.floorAfter.median.toFixed(0)} ms`)
  }, 60_000)

  it('saves edited customers through the router and through the floor, and the saves land', async () => {
    const dir = copyShop(shop, temp())
    const figures = await benchRecordSave(dir, shop.managerId, 3, 99)
    expect([figures.save.n, figures.floor.n]).toEqual([3, 3])
    const sqlite = new BetterSqlite3(dataPaths(dir).dbFile, { readonly: true })
    try {
      expect(sqlite.prepare("select count(*) from customers where notes like 'Bench note %'").pluck().get()).toBe(3)
      expect(sqlite.prepare("select count(*) from customers where notes like 'Floor note %'").pluck().get()).toBe(3)
      expect(sqlite.prepare("select count(*) from audit_log where action = 'customer.update'").pluck().get()).toBe(6)
    } finally {
      sqlite.close()
    }
  }, 60_000)

  it('imports a generated CSV end to end and through the floor, with matching counts', async () => {
    const rows = 200
    const { rows: csvRows } = makeImportCsv(rows, 5150, [])
    const figures = await benchCsvImport(() => copyShop(shop, temp()), shop.managerId, rows, 1)
    expect(figures.summary.rowsCreated + figures.summary.rowsMerged).toBe(rows)
    expect(figures.summary.vehiclesCreated + figures.summary.vehiclesMerged).toBe(rows)
    expect(figures.summary.radiosCreated).toBe(csvRows.filter((r) => r[11] !== '').length)
    expect(figures.floor.n).toBe(1)
  }, 60_000)
})

describe('bench renderer steps (need npm run build)', () => {
  it('measures the initial renderer JavaScript and keystroke-to-results in the browser preview', async () => {
    if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
      throw new Error(`The renderer is not built (${RENDERER_DIR} is missing). Run "npm run build" first.`)
    }
    const size = measureRendererSize(RENDERER_DIR)
    expect(size.initialGzipBytes).toBeGreaterThan(10_000)
    expect(size.initialChunks.length).toBeGreaterThan(0)
    const last = row<{ name: string }>('select name from customers order by id desc limit 1').name.split(' ')[0]!.slice(0, 3)
    const figures = await benchKeystrokes(shop.dataDir, [last], 3)
    expect(figures.keystrokes.n).toBe(3)
    expect(figures.floor.n).toBeGreaterThan(0)
    console.log(`bench smoke: initial JS ${(size.initialGzipBytes / 1000).toFixed(0)} KB gzip; keystroke p95 ${figures.keystrokes.p95.toFixed(0)} ms`)
  }, 60_000)
})
