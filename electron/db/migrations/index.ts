import type { Migration } from 'kysely/migration'
import * as initialSchema from './2026-11-24T0600_initial-schema'
import * as vaultRecoveryKey from './2026-11-24T0850_vault-recovery-key'
import * as searchWordsByRecord from './2026-11-24T1030_search-words-by-record'
import * as indexesForLargeShops from './2026-11-24T1100_indexes-for-large-shops'

/**
 * Every migration, listed explicitly and in order (a bundled main process
 * cannot scan a folder). Append only: never rename, reorder or edit an entry.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '2026-11-24T0600_initial-schema': initialSchema,
  '2026-11-24T0850_vault-recovery-key': vaultRecoveryKey,
  '2026-11-24T1030_search-words-by-record': searchWordsByRecord,
  '2026-11-24T1100_indexes-for-large-shops': indexesForLargeShops,
}

export const MIGRATION_NAMES: readonly string[] = Object.keys(MIGRATIONS)
export const LATEST_MIGRATION: string = MIGRATION_NAMES[MIGRATION_NAMES.length - 1]!
