import BetterSqlite3 from 'better-sqlite3'
import type { Kysely } from 'kysely'
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
