import { describe, expect, it } from 'vitest'
import { migrateToLatest } from '../../../../electron/db/migrate'
import { migrateTo, useRawDatabase } from '../../../helpers/migration-db'

const BEFORE = '2026-11-24T0600_initial-schema'
const MIGRATION = '2026-11-24T0850_vault-recovery-key'
const AT = '2026-11-24T06:00:00.000Z'

const raw = useRawDatabase()

function keyRow(purpose: string, wrapMethod: string, retiredAt: string | null = null) {
  return {
    purpose,
    wrap_method: wrapMethod,
    wrapped_key: `wrapped-${purpose}-${wrapMethod}`,
    kdf_params_json: '{"kdf":"scrypt","N":131072,"r":8,"p":1,"salt":"c2FsdA=="}',
    key_check: `check-${purpose}`,
    created_at: AT,
    retired_at: retiredAt,
  }
}

function allKeys() {
  return raw.sqlite.prepare('select * from vault_keys order by id').all()
}

describe(`migration ${MIGRATION}`, () => {
  it('keeps every vault key row with its id, and the id counter, and lets the table hold recovery-key wrappings', async () => {
    await migrateToLatest(raw.db, BEFORE)
    for (const row of [keyRow('data-key', 'passphrase', AT), keyRow('pin-pepper', 'passphrase', AT), keyRow('data-key', 'safe-storage'), keyRow('pin-pepper', 'safe-storage')]) {
      await raw.db.insertInto('vault_keys').values(row).execute()
    }
    // A row deleted at the end (never done by the app) leaves the counter above the highest id: it must not go back.
    await raw.db.insertInto('vault_keys').values(keyRow('data-key', 'test')).execute()
    await raw.db.deleteFrom('vault_keys').where('id', '=', 5).execute()
    const before = allKeys()
    expect(() => raw.sqlite.prepare("insert into vault_keys (purpose, wrap_method, wrapped_key, key_check, created_at) values ('data-key', 'recovery-key', 'x', 'y', ?)").run(AT)).toThrow(/CHECK/)

    await migrateToLatest(raw.db, MIGRATION)

    expect(allKeys()).toEqual(before)
    const inserted = raw.sqlite
      .prepare("insert into vault_keys (purpose, wrap_method, wrapped_key, key_check, created_at) values ('data-key', 'recovery-key', 'x', 'y', ?)")
      .run(AT)
    expect(inserted.lastInsertRowid).toBe(6)
    expect(() => raw.sqlite.prepare("insert into vault_keys (purpose, wrap_method, wrapped_key, key_check, created_at) values ('data-key', 'bogus', 'x', 'y', ?)").run(AT)).toThrow(/CHECK/)
    expect(() => raw.sqlite.prepare("insert into vault_keys (purpose, wrap_method, wrapped_key, key_check, created_at) values ('bogus', 'recovery-key', 'x', 'y', ?)").run(AT)).toThrow(/CHECK/)
    expect(() => raw.sqlite.prepare("insert into vault_keys (purpose, wrap_method, key_check, created_at) values ('data-key', 'recovery-key', 'y', ?)").run(AT)).toThrow(/NOT NULL/)
    expect(raw.sqlite.prepare("select name from sqlite_master where name like 'vault_keys%'").pluck().all()).toEqual(['vault_keys'])
    expect(raw.sqlite.pragma('foreign_key_check')).toEqual([])
    expect(raw.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  it('works on an empty vault_keys table (first start of a new install)', async () => {
    await migrateToLatest(raw.db, MIGRATION)
    expect(allKeys()).toEqual([])
    const inserted = raw.sqlite
      .prepare("insert into vault_keys (purpose, wrap_method, wrapped_key, key_check, created_at) values ('pin-pepper', 'recovery-key', 'x', 'y', ?)")
      .run(AT)
    expect(inserted.lastInsertRowid).toBe(1)
  })

  it('down drops the recovery wrappings and restores the narrower check, keeping the other rows', async () => {
    await migrateToLatest(raw.db, MIGRATION)
    await raw.db.insertInto('vault_keys').values(keyRow('data-key', 'passphrase')).execute()
    await raw.db.insertInto('vault_keys').values(keyRow('data-key', 'recovery-key')).execute()
    await migrateTo(raw.db, BEFORE)
    expect(allKeys()).toEqual([expect.objectContaining({ id: 1, wrap_method: 'passphrase' })])
    expect(() => raw.sqlite.prepare("insert into vault_keys (purpose, wrap_method, wrapped_key, key_check, created_at) values ('data-key', 'recovery-key', 'x', 'y', ?)").run(AT)).toThrow(/CHECK/)
  })
})
