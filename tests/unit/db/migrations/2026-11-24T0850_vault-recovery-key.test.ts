import type BetterSqlite3 from 'better-sqlite3'
import type { Kysely } from 'kysely'
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrateToLatest } from '../../../../electron/db/migrate'
import { MIGRATIONS } from '../../../../electron/db/migrations'
import { rawKysely } from '../../../helpers/kysely'
import { makeTempDir, removeTempDir } from '../../../helpers/temp-dir'

const BEFORE = '2026-11-24T0600_initial-schema'
const MIGRATION = '2026-11-24T0850_vault-recovery-key'
const AT = '2026-11-24T06:00:00.000Z'

let dir: string
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let db: Kysely<any>
let sqlite: BetterSqlite3.Database

beforeEach(() => {
  dir = makeTempDir()
  ;({ db, sqlite } = rawKysely(dir))
})

afterEach(async () => {
  await db.destroy()
  removeTempDir(dir)
})

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
  return sqlite.prepare('select * from vault_keys order by id').all()
}

/** Migrations run by name in both directions, like the app's Migrator. */
async function migrateDownTo(target: string): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async (): Promise<Record<string, Migration>> => ({ ...MIGRATIONS }) }
  const { error } = await new Migrator({ db, provider }).migrateTo(target)
  if (error) throw error
}

describe(`migration ${MIGRATION}`, () => {
  it('keeps every vault key row with its id, and the id counter, and lets the table hold recovery-key wrappings', async () => {
    await migrateToLatest(db, BEFORE)
    for (const row of [keyRow('data-key', 'passphrase', AT), keyRow('pin-pepper', 'passphrase', AT), keyRow('data-key', 'safe-storage'), keyRow('pin-pepper', 'safe-storage')]) {
      await db.insertInto('vault_keys').values(row).execute()
    }
    // A row deleted at the end (never done by the app) leaves the counter above the highest id: it must not go back.
    await db.insertInto('vault_keys').values(keyRow('data-key', 'test')).execute()
    await db.deleteFrom('vault_keys').where('id', '=', 5).execute()
    const before = allKeys()
    expect(() => sqlite.prepare("insert into vault_keys (purpose, wrap_method, wrapped_key, key_check, created_at) values ('data-key', 'recovery-key', 'x', 'y', ?)").run(AT)).toThrow(/CHECK/)

    await migrateToLatest(db, MIGRATION)

    expect(allKeys()).toEqual(before)
    const inserted = sqlite
      .prepare("insert into vault_keys (purpose, wrap_method, wrapped_key, key_check, created_at) values ('data-key', 'recovery-key', 'x', 'y', ?)")
      .run(AT)
    expect(inserted.lastInsertRowid).toBe(6)
    expect(() => sqlite.prepare("insert into vault_keys (purpose, wrap_method, wrapped_key, key_check, created_at) values ('data-key', 'bogus', 'x', 'y', ?)").run(AT)).toThrow(/CHECK/)
    expect(() => sqlite.prepare("insert into vault_keys (purpose, wrap_method, wrapped_key, key_check, created_at) values ('bogus', 'recovery-key', 'x', 'y', ?)").run(AT)).toThrow(/CHECK/)
    expect(() => sqlite.prepare("insert into vault_keys (purpose, wrap_method, key_check, created_at) values ('data-key', 'recovery-key', 'y', ?)").run(AT)).toThrow(/NOT NULL/)
    expect(sqlite.prepare("select name from sqlite_master where name like 'vault_keys%'").pluck().all()).toEqual(['vault_keys'])
    expect(sqlite.pragma('foreign_key_check')).toEqual([])
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  it('works on an empty vault_keys table (first start of a new install)', async () => {
    await migrateToLatest(db, MIGRATION)
    expect(allKeys()).toEqual([])
    const inserted = sqlite
      .prepare("insert into vault_keys (purpose, wrap_method, wrapped_key, key_check, created_at) values ('pin-pepper', 'recovery-key', 'x', 'y', ?)")
      .run(AT)
    expect(inserted.lastInsertRowid).toBe(1)
  })

  it('down drops the recovery wrappings and restores the narrower check, keeping the other rows', async () => {
    await migrateToLatest(db, MIGRATION)
    await db.insertInto('vault_keys').values(keyRow('data-key', 'passphrase')).execute()
    await db.insertInto('vault_keys').values(keyRow('data-key', 'recovery-key')).execute()
    await migrateDownTo(BEFORE)
    expect(allKeys()).toEqual([expect.objectContaining({ id: 1, wrap_method: 'passphrase' })])
    expect(() => sqlite.prepare("insert into vault_keys (purpose, wrap_method, wrapped_key, key_check, created_at) values ('data-key', 'recovery-key', 'x', 'y', ?)").run(AT)).toThrow(/CHECK/)
  })
})
