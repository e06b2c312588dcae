import type { Kysely, Selectable, Transaction } from 'kysely'
import type { Database, VaultKeysTable } from '../schema'

type Executor = Kysely<Database> | Transaction<Database>

export type VaultKeyPurpose = VaultKeysTable['purpose']
export type VaultWrapMethod = VaultKeysTable['wrap_method']
export type VaultKeyRow = Selectable<VaultKeysTable>

export interface NewVaultKeyRow {
  readonly purpose: VaultKeyPurpose
  readonly wrapMethod: VaultWrapMethod
  readonly wrappedKey: string
  readonly kdfParamsJson: string
  readonly keyCheck: string
}

/** The keys in use (not retired), newest first. Wrapped only: the raw keys are never in the database. */
export async function listActiveVaultKeys(db: Executor): Promise<VaultKeyRow[]> {
  return db.selectFrom('vault_keys').selectAll().where('retired_at', 'is', null).orderBy('id', 'desc').execute()
}

export async function insertVaultKey(trx: Transaction<Database>, key: NewVaultKeyRow, now: string): Promise<number> {
  const row = await trx
    .insertInto('vault_keys')
    .values({
      purpose: key.purpose,
      wrap_method: key.wrapMethod,
      wrapped_key: key.wrappedKey,
      kdf_params_json: key.kdfParamsJson,
      key_check: key.keyCheck,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Marks keys as no longer in use (a re-protected or replaced wrapping). Kept, never deleted: the audit trail can point at them. */
export async function retireVaultKeys(trx: Transaction<Database>, ids: readonly number[], now: string): Promise<void> {
  if (ids.length === 0) return
  await trx.updateTable('vault_keys').set({ retired_at: now }).where('id', 'in', [...ids]).where('retired_at', 'is', null).execute()
}
