import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../schema'

/*
 * Settings that belong to one computer (its printers), as key → JSON value
 * per workstation id, so a new setting needs no migration.
 */

/** Every setting of this workstation whose key starts with `prefix`, parsed from JSON. */
export async function readWorkstationSettings(db: Kysely<Database>, workstationId: string, prefix: string): Promise<Map<string, unknown>> {
  const rows = await db
    .selectFrom('workstation_settings')
    .select(['key', 'value_json'])
    .where('workstation_id', '=', workstationId)
    .where('key', '>=', prefix)
    .where('key', '<', `${prefix}\uffff`)
    .execute()
  const values = new Map<string, unknown>()
  for (const row of rows) {
    try {
      values.set(row.key, JSON.parse(row.value_json) as unknown)
    } catch {
      // A value this version cannot read counts as never set.
    }
  }
  return values
}

/** One setting of this workstation, parsed from JSON; undefined when never set (or unreadable). */
export async function readWorkstationSetting(db: Kysely<Database>, workstationId: string, key: string): Promise<unknown> {
  const row = await db
    .selectFrom('workstation_settings')
    .select('value_json')
    .where('workstation_id', '=', workstationId)
    .where('key', '=', key)
    .executeTakeFirst()
  if (!row) return undefined
  try {
    return JSON.parse(row.value_json) as unknown
  } catch {
    return undefined
  }
}

export async function writeWorkstationSetting(
  db: Kysely<Database> | Transaction<Database>,
  workstationId: string,
  key: string,
  value: unknown,
  now: string,
): Promise<void> {
  const valueJson = JSON.stringify(value)
  await db
    .insertInto('workstation_settings')
    .values({ workstation_id: workstationId, key, value_json: valueJson, updated_at: now })
    .onConflict((oc) => oc.columns(['workstation_id', 'key']).doUpdateSet({ value_json: valueJson, updated_at: now }))
    .execute()
}
