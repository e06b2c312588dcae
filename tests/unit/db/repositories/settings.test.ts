import { describe, expect, it } from 'vitest'
import { readShopSetting, writeShopSetting } from '../../../../electron/db/repositories/settings'
import { useTestDatabase } from '../../../helpers/db'

const database = useTestDatabase()

describe('shop settings repository', () => {
  it('reads undefined for a key never written', async () => {
    expect(await readShopSetting(database.current.db, 'shop')).toBeUndefined()
  })

  it('round-trips a JSON value', async () => {
    const value = { shopName: 'Joe’s Auto & Glass', open: true, bays: 4, tags: ['a', 'b'] }
    await writeShopSetting(database.current.db, 'shop', value, '2026-11-24T06:00:00.000Z', null)
    expect(await readShopSetting(database.current.db, 'shop')).toEqual(value)
  })

  it('upserts: a second write replaces the value, time and author in the same row', async () => {
    const sqlite = database.current.sqlite
    const staffId = Number(
      sqlite
        .prepare("insert into staff (name, role, created_at, updated_at) values ('Maria', 'manager', 'x', 'x')")
        .run().lastInsertRowid,
    )
    await writeShopSetting(database.current.db, 'shop', { v: 1 }, '2026-11-24T06:00:00.000Z', null)
    await writeShopSetting(database.current.db, 'shop', { v: 2 }, '2026-11-25T07:00:00.000Z', staffId)
    await writeShopSetting(database.current.db, 'other', 'x', '2026-11-25T07:00:00.000Z', null)

    expect(sqlite.prepare("select * from shop_settings where key = 'shop'").all()).toEqual([
      { key: 'shop', value_json: '{"v":2}', updated_at: '2026-11-25T07:00:00.000Z', updated_by: staffId },
    ])
    expect(sqlite.prepare('select count(*) from shop_settings').pluck().get()).toBe(2)
  })

  it('refuses an author who is not a staff member', async () => {
    await expect(writeShopSetting(database.current.db, 'shop', {}, 'now', 999)).rejects.toMatchObject({
      code: 'SQLITE_CONSTRAINT_FOREIGNKEY',
    })
  })
})
