import type BetterSqlite3 from 'better-sqlite3'
import type { Kysely } from 'kysely'
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration'
import { afterEach, beforeEach } from 'vitest'
import { MIGRATIONS } from '../../electron/db/migrations'
import { rawKysely } from './kysely'
import { makeTempDir, removeTempDir } from './temp-dir'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type RawDb = Kysely<any>

/**
 * Call at the top of a migration test: a new SQLite file with no migrations
 * run, for every test (an untyped Kysely and its connection), closed and
 * removed afterwards. Read `.db` and `.sqlite` inside tests.
 */
export function useRawDatabase(): { readonly db: RawDb; readonly sqlite: BetterSqlite3.Database } {
  let dir: string | null = null
  let opened: { db: RawDb; sqlite: BetterSqlite3.Database } | null = null
  beforeEach(() => {
    dir = makeTempDir()
    opened = rawKysely(dir)
  })
  afterEach(async () => {
    await opened?.db.destroy()
    if (dir) removeTempDir(dir)
    opened = null
    dir = null
  })
  const current = () => {
    if (!opened) throw new Error('useRawDatabase: only available inside a test')
    return opened
  }
  return {
    get db() {
      return current().db
    },
    get sqlite() {
      return current().sqlite
    },
  }
}

/** Runs migrations up or down to `target` by name, as the app's Migrator does (migrateToLatest only goes up). */
export async function migrateTo(db: RawDb, target: string): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async (): Promise<Record<string, Migration>> => ({ ...MIGRATIONS }) }
  const { error } = await new Migrator({ db, provider }).migrateTo(target)
  if (error) throw error
}
