import { describe, expect, it } from 'vitest'
import { migrateToLatest } from '../../../../electron/db/migrate'
import { migrateTo, useRawDatabase } from '../../../helpers/migration-db'

const BEFORE = '2026-11-24T1030_search-words-by-record'
const MIGRATION = '2026-11-24T1100_indexes-for-large-shops'

const NEW_INDEXES = {
  vehicle_ownerships_vehicle: { table: 'vehicle_ownerships', columns: ['vehicle_id', 'started_at'], partial: 0 },
  vehicles_recently_changed: { table: 'vehicles', columns: ['updated_at', 'id'], partial: 1 },
  battery_jobs_checked_in_at: { table: 'battery_jobs', columns: ['checked_in_at'], partial: 0 },
  battery_jobs_card_handed_over_at: { table: 'battery_jobs', columns: ['card_handed_over_at'], partial: 1 },
  battery_jobs_card_declined_at: { table: 'battery_jobs', columns: ['card_declined_at'], partial: 1 },
  audit_log_action: { table: 'audit_log', columns: ['action', 'id'], partial: 0 },
  audit_log_staff: { table: 'audit_log', columns: ['staff_id', 'id'], partial: 0 },
} as const

const raw = useRawDatabase()

function indexesNamed(names: readonly string[]): { name: string; tbl_name: string }[] {
  return raw.sqlite
    .prepare(`select name, tbl_name from sqlite_master where type = 'index' and name in (${names.map(() => '?').join(', ')}) order by name`)
    .all(...names) as { name: string; tbl_name: string }[]
}

const AT = '2026-11-24T10:00:00.000Z'

async function seedVehicleWithOwner(): Promise<void> {
  await raw.db.insertInto('customers').values({ name: 'Ana', search_key: 'ANA', created_at: AT, updated_at: AT }).execute()
  await raw.db.insertInto('vehicles').values({ make: 'Honda', model: 'Accord', created_at: AT, updated_at: AT }).execute()
  await raw.db.insertInto('vehicle_ownerships').values({ vehicle_id: 1, customer_id: 1, started_at: AT }).execute()
}

describe(`migration ${MIGRATION}`, () => {
  it('adds the indexes the Today board, the Vehicles list, a vehicle’s owner history and the audit log’s filters look rows up by, and changes no row', async () => {
    await migrateToLatest(raw.db, BEFORE)
    await seedVehicleWithOwner()
    const before = raw.sqlite.prepare('select * from vehicle_ownerships').all()

    await migrateToLatest(raw.db, MIGRATION)

    expect(indexesNamed(Object.keys(NEW_INDEXES)).map((row) => row.name)).toEqual(Object.keys(NEW_INDEXES).sort())
    for (const [name, expected] of Object.entries(NEW_INDEXES)) {
      const listed = (raw.sqlite.prepare('select name, partial from pragma_index_list(?)').all(expected.table) as { name: string; partial: number }[]).find((row) => row.name === name)
      expect(listed, name).toEqual({ name, partial: expected.partial })
      expect(raw.sqlite.prepare('select name from pragma_index_info(?) order by seqno').pluck().all(name), name).toEqual(expected.columns)
    }
    expect(raw.sqlite.prepare('select * from vehicle_ownerships').all()).toEqual(before)
    expect(raw.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  it('down drops exactly those indexes', async () => {
    await migrateToLatest(raw.db, MIGRATION)
    await migrateTo(raw.db, BEFORE)
    expect(indexesNamed(Object.keys(NEW_INDEXES))).toEqual([])
    expect(indexesNamed(['vehicle_ownerships_one_current', 'battery_jobs_status']).map((row) => row.name)).toEqual(['battery_jobs_status', 'vehicle_ownerships_one_current'])
  })
})
