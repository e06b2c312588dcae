import { Kysely, SqliteDialect } from 'kysely'
import { describe, expect, it } from 'vitest'
import { listAuditRows, type AuditQuery } from '../../../electron/db/repositories/audit-queries'
import { listBoardJobRecords, listJobRecordsForVehicle } from '../../../electron/db/repositories/battery-jobs'
import { findCustomerById, listCustomerSummaries } from '../../../electron/db/repositories/customers'
import { listRadiosOfVehicle } from '../../../electron/db/repositories/radios'
import { findVehicleById, listOwnershipHistory, listVehicleSummaries, listVehiclesOfCustomer } from '../../../electron/db/repositories/vehicles'
import type { Database } from '../../../electron/db/schema'
import { recentRecoveryFailures } from '../../../electron/db/repositories/vault-recovery-attempts'
import { useTestDatabase } from '../../helpers/db'

/*
 * The screens a desk opens all day must not read a whole table: at a chain's
 * million vehicles and 820,000 jobs that is the difference between a few
 * milliseconds and seconds (the benchmark found the Today board, the Vehicles
 * list and a vehicle's owner history doing it). Each repository read below
 * runs on a migrated database with its SQL captured, and SQLite's query plan
 * for that SQL must not contain a plain "SCAN <table>" of a table that grows
 * with the shop. (Plans do not depend on the rows: the planner assumes large
 * tables until ANALYZE says otherwise.)
 */

const GROWING_TABLES = ['customers', 'customer_phones', 'vehicles', 'vehicle_ownerships', 'radios', 'radio_codes', 'battery_jobs', 'audit_log', 'search_keys']

const database = useTestDatabase()

const NO_AUDIT_FILTER: AuditQuery = { staffId: null, action: null, entityType: null, entityId: null, vehicleId: null, from: null, to: null, limit: 50, before: null }

interface CapturedQuery {
  readonly sql: string
  readonly parameters: readonly unknown[]
}

/** A Kysely on the test database's connection that records every statement it runs. */
function capturingDb(): { db: Kysely<Database>; queries: CapturedQuery[] } {
  const queries: CapturedQuery[] = []
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: database.current.sqlite }),
    log: (event) => {
      if (event.level === 'query') queries.push({ sql: event.query.sql, parameters: event.query.parameters })
    },
  })
  return { db, queries }
}

/**
 * Full scans of growing tables in the plan of `query` (aliases resolved: "SCAN j" is battery_jobs in
 * the board query). Walking an index in order counts too, unless the query stops after a LIMIT
 * (the newest 100 vehicles read 100 index entries, not all of them).
 */
function fullScans(query: CapturedQuery): string[] {
  const plan = database.current.sqlite.prepare(`explain query plan ${query.sql}`).all(...(query.parameters as unknown[])) as { detail: string }[]
  const aliases = new Map<string, string>()
  for (const match of query.sql.matchAll(/"(\w+)" as "(\w+)"/g)) aliases.set(match[2]!, match[1]!)
  const limited = /\blimit\b/i.test(query.sql)
  return plan
    .map((row) => /^SCAN (\w+)( USING (?:COVERING )?INDEX \w+)?$/.exec(row.detail))
    .filter((match): match is RegExpExecArray => match !== null && (match[2] === undefined || !limited))
    .map((match) => aliases.get(match[1]!) ?? match[1]!)
    .filter((table) => GROWING_TABLES.includes(table))
}

const SCREEN_READS: Record<string, (db: Kysely<Database>) => Promise<unknown>> = {
  'Today board': (db) => listBoardJobRecords(db, '2026-11-24T05:00:00.000Z', '2026-11-25T05:00:00.000Z'),
  'Vehicles list': (db) => listVehicleSummaries(db, 100),
  'Customers list': (db) => listCustomerSummaries(db, 100),
  'vehicle page: the vehicle': (db) => findVehicleById(db, 1),
  'vehicle page: owners': (db) => listOwnershipHistory(db, 1),
  'vehicle page: radios': (db) => listRadiosOfVehicle(db, 1),
  'vehicle page: jobs': (db) => listJobRecordsForVehicle(db, 1),
  'customer page: the customer': (db) => findCustomerById(db, 1),
  'customer page: vehicles': (db) => listVehiclesOfCustomer(db, 1),
  'audit log: one action': (db) => listAuditRows(db, { ...NO_AUDIT_FILTER, action: 'vault.unlock' }),
  'audit log: one person': (db) => listAuditRows(db, { ...NO_AUDIT_FILTER, staffId: 2 }),
  'audit log: one person, next page': (db) => listAuditRows(db, { ...NO_AUDIT_FILTER, staffId: 2, before: 1000 }),
  'unlock screen: recent failed recoveries': (db) => recentRecoveryFailures(db),
}

describe('query plans of the screens opened all day', () => {
  for (const [screen, read] of Object.entries(SCREEN_READS)) {
    it(`${screen}: no full scan of a growing table`, async () => {
      const { db, queries } = capturingDb()
      await read(db)
      expect(queries.length).toBeGreaterThan(0)
      for (const query of queries) expect(fullScans(query), query.sql).toEqual([])
    })
  }

  it('the check itself sees a full scan, also one that walks a whole index', () => {
    expect(fullScans({ sql: 'select "id" from "battery_jobs" as "j" where "j"."notes" = ?', parameters: ['x'] })).toEqual(['battery_jobs'])
    expect(fullScans({ sql: 'select "id" from "battery_jobs" where "notes" = ? order by "checked_in_at"', parameters: ['x'] })).toEqual(['battery_jobs'])
    expect(fullScans({ sql: 'select "id" from "battery_jobs" where "notes" = ? order by "checked_in_at" limit ?', parameters: ['x', 10] })).toEqual([])
  })
})
