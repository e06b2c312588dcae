import { sql, type Kysely } from 'kysely'

/*
 * Frozen in time: this file imports only kysely and uses Kysely<any>.
 * Never edit it once released; add a new migration instead.
 *
 * vault_keys may hold a third kind of wrapping: 'recovery-key' (the data key
 * and the PIN pepper wrapped under the printed recovery key). SQLite cannot
 * change a CHECK constraint in place, so the table is rebuilt: a new table
 * with the wider CHECK, every row copied with its id (radio_codes.key_id
 * names data keys by id), the old table dropped, the new one renamed. Its
 * AUTOINCREMENT counter carries over, so no id is ever handed out twice.
 * Nothing references vault_keys by foreign key, and it has no index or
 * trigger, so nothing else needs rebuilding.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function rebuildVaultKeys(db: Kysely<any>, wrapMethods: readonly string[]): Promise<void> {
  await db.schema
    .createTable('vault_keys_rebuilt')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('data-key', 'pin-pepper')`))
    .addColumn('wrap_method', 'text', (c) => c.notNull().check(sql`wrap_method in (${sql.join(wrapMethods.map((method) => sql.lit(method)))})`))
    .addColumn('wrapped_key', 'text', (c) => c.notNull())
    .addColumn('kdf_params_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('key_check', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .execute()
  await sql`insert into vault_keys_rebuilt (id, purpose, wrap_method, wrapped_key, kdf_params_json, key_check, created_at, retired_at)
    select id, purpose, wrap_method, wrapped_key, kdf_params_json, key_check, created_at, retired_at from vault_keys`.execute(db)
  await sql`delete from sqlite_sequence where name = 'vault_keys_rebuilt'`.execute(db)
  await sql`insert into sqlite_sequence (name, seq) select 'vault_keys_rebuilt', seq from sqlite_sequence where name = 'vault_keys'`.execute(db)
  await db.schema.dropTable('vault_keys').execute()
  await db.schema.alterTable('vault_keys_rebuilt').renameTo('vault_keys').execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await rebuildVaultKeys(db, ['safe-storage', 'passphrase', 'test', 'recovery-key'])
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  // The older schema cannot hold recovery wrappings; the everyday ones still open the vault.
  await sql`delete from vault_keys where wrap_method = 'recovery-key'`.execute(db)
  await rebuildVaultKeys(db, ['safe-storage', 'passphrase', 'test'])
}
