import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteAdapter, SqliteDialect } from 'kysely'
import { Migrator, type MigrationProvider, type Migration } from 'kysely/migration'
import { MIGRATIONS, MIGRATION_NAMES } from './migrations'

export interface MigrationState {
  /** Applied migrations this version knows. */
  readonly applied: readonly string[]
  /** Applied migrations this version does not know: the file is from a newer version. */
  readonly unknown: readonly string[]
  /** Known migrations not yet applied. */
  readonly pending: readonly string[]
}

const inCodeProvider: MigrationProvider = {
  getMigrations: async (): Promise<Record<string, Migration>> => ({ ...MIGRATIONS }),
}

/**
 * Reads which migrations a database file has, without writing to it.
 * Throws if the file is not a readable SQLite database.
 */
export function inspectMigrationStateSync(file: string): MigrationState {
  const sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  try {
    // Reading the schema forces SQLite to parse the header: garbage fails here.
    const hasTable = sqlite
      .prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'")
      .get()
    const appliedAll = hasTable
      ? (sqlite.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map(
          (row) => row.name,
        )
      : []
    return classify(appliedAll)
  } finally {
    sqlite.close()
  }
}

function classify(appliedAll: readonly string[]): MigrationState {
  const known = new Set(MIGRATION_NAMES)
  const appliedSet = new Set(appliedAll)
  return {
    applied: appliedAll.filter((name) => known.has(name)),
    unknown: appliedAll.filter((name) => !known.has(name)),
    pending: MIGRATION_NAMES.filter((name) => !appliedSet.has(name)),
  }
}

/*
 * SQLite runs DDL inside transactions, but Kysely's SQLite adapter says it
 * does not, so its Migrator would run each statement on its own and a crash
 * or a failing migration could leave a half-migrated file. This dialect tells
 * the Migrator the truth, so all pending migrations run in one transaction:
 * they apply completely or not at all. (SQLite dialect module.)
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true
  }
}

class MigrationSqliteDialect extends SqliteDialect {
  override createAdapter(): SqliteAdapter {
    return new TransactionalDdlSqliteAdapter()
  }
}

/**
 * A Kysely over the same connection for running migrations in one transaction.
 * Never destroy it: that would close the shared connection.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function migrationKysely(sqlite: BetterSqlite3.Database): Kysely<any> {
  return new Kysely({ dialect: new MigrationSqliteDialect({ database: sqlite }) })
}

/** Runs pending migrations (up to `target` when given); throws on the first failure. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function migrateToLatest(db: Kysely<any>, target?: string): Promise<void> {
  const migrator = new Migrator({ db, provider: inCodeProvider })
  const { error, results } = target ? await migrator.migrateTo(target) : await migrator.migrateToLatest()
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed`, { cause: error })
  }
}
