import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../schema'

/** Reads one shop-wide setting, parsed from JSON; undefined when never set. */
export async function readShopSetting(db: Kysely<Database>, key: string): Promise<unknown> {
  const row = await db.selectFrom('shop_settings').select('value_json').where('key', '=', key).executeTakeFirst()
  return row ? (JSON.parse(row.value_json) as unknown) : undefined
}

export async function writeShopSetting(
  db: Kysely<Database> | Transaction<Database>,
  key: string,
  value: unknown,
  now: string,
  staffId: number | null,
): Promise<void> {
  const valueJson = JSON.stringify(value)
  await db
    .insertInto('shop_settings')
    .values({ key, value_json: valueJson, updated_at: now, updated_by: staffId })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value_json: valueJson, updated_at: now, updated_by: staffId }))
    .execute()
}
