import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { BULK_WRITE_CACHE_KIB, withBulkWriteCache } from '../../../electron/db/bulk-write-cache'
import { useTestDatabase } from '../../helpers/db'

const database = useTestDatabase()
const db = () => database.current.db

async function cacheSize(): Promise<number> {
  const result = await sql<{ cache_size: number }>`pragma cache_size`.execute(db())
  return Number(result.rows[0]?.cache_size)
}

describe('withBulkWriteCache', () => {
  it('gives the work a large page cache and puts the usual one back afterwards', async () => {
    const usual = await cacheSize()
    expect(usual).not.toBe(-BULK_WRITE_CACHE_KIB)
    const seen = await withBulkWriteCache(db(), async () => {
      const during = await cacheSize()
      await db().transaction().execute(async (trx) => {
        await trx.insertInto('shop_settings').values({ key: 'bulk.test', value_json: '1', updated_at: 'now', updated_by: null }).execute()
      })
      return during
    })
    expect(seen).toBe(-BULK_WRITE_CACHE_KIB)
    expect(await cacheSize()).toBe(usual)
    expect(await db().selectFrom('shop_settings').select('value_json').where('key', '=', 'bulk.test').executeTakeFirst()).toEqual({ value_json: '1' })
  })

  it('puts the usual cache back when the work fails, and passes the failure on', async () => {
    const usual = await cacheSize()
    await expect(
      withBulkWriteCache(db(), async () => {
        throw new Error('import failed')
      }),
    ).rejects.toThrow('import failed')
    expect(await cacheSize()).toBe(usual)
  })
})
