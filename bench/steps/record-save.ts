import BetterSqlite3 from 'better-sqlite3'
import { applyConnectionPragmasSync } from '../../electron/db/open'
import { dataPaths } from '../../electron/main/paths'
import { Rng } from '../generator/prng'
import { stats, type Stats } from '../measure'
import { openAppSession } from './app-session'

/*
 * Saving an edited customer at the desk: customers.update through the router
 * (duplicate-phone check, row update, the record's search words and keys
 * replaced, audit row, durable commit), then the customer page read back.
 * The floor is one durable transaction that updates the row and appends an
 * audit row with prepared statements. Saving replaced a record's search words
 * by scanning every record's words until migration 2026-11-24T1030: this
 * figure is where that shows.
 */

export interface RecordSaveFigures {
  readonly save: Stats
  readonly floor: Stats
}

function sampleCustomerIds(dbFile: string, count: number, seed: number): number[] {
  const sqlite = new BetterSqlite3(dbFile, { readonly: true })
  try {
    const max = sqlite.prepare('select max(id) from customers where archived_at is null').pluck().get() as number
    const rng = new Rng(seed)
    const ids: number[] = []
    const exists = sqlite.prepare('select 1 from customers where id = ? and archived_at is null').pluck()
    while (ids.length < count) {
      const id = rng.int(1, max)
      if (exists.get(id) && !ids.includes(id)) ids.push(id)
    }
    return ids
  } finally {
    sqlite.close()
  }
}

/** `dataDir` must be a copy: saving writes customer, search and audit rows. */
export async function benchRecordSave(dataDir: string, managerId: number, runs: number, seed: number): Promise<RecordSaveFigures> {
  const dbFile = dataPaths(dataDir).dbFile
  const ids = sampleCustomerIds(dbFile, runs * 2, seed)
  const saveIds = ids.slice(0, runs)
  const floorIds = ids.slice(runs)

  const session = await openAppSession(dataDir, managerId)
  const save: number[] = []
  try {
    for (const [index, id] of saveIds.entries()) {
      const start = performance.now()
      await session.call('customers.update', { id, notes: `Bench note ${index}` })
      save.push(performance.now() - start)
    }
  } finally {
    await session.close()
  }

  const sqlite = new BetterSqlite3(dbFile)
  applyConnectionPragmasSync(sqlite)
  const floor: number[] = []
  try {
    const update = sqlite.prepare('update customers set notes = ?, updated_at = ? where id = ?')
    const audit = sqlite.prepare(
      "insert into audit_log (at, workstation_id, staff_id, action, entity_type, entity_id, details_json, prev_hash, hash) values (?, 'bench', ?, 'customer.update', 'customer', ?, '{}', '', '')",
    )
    const write = sqlite.transaction((id: number, index: number) => {
      const now = new Date().toISOString()
      update.run(`Floor note ${index}`, now, id)
      audit.run(now, managerId, id)
    })
    for (const [index, id] of floorIds.entries()) {
      const start = performance.now()
      write(id, index)
      floor.push(performance.now() - start)
    }
  } finally {
    sqlite.close()
  }
  return { save: stats(save), floor: stats(floor) }
}
