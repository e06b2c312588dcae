import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import type { DatabaseProblem } from '../../shared/domain/app-status'
import type { Database } from './schema'
import { backupDatabase } from './backup'
import { inspectMigrationStateSync, migrateToLatest, migrationKysely, type MigrationState } from './migrate'
import { withStatementCache } from './statement-cache'

/** The database could not be opened safely; `problem` picks the screen the desk sees. */
export class DatabaseOpenError extends Error {
  readonly problem: DatabaseProblem
  constructor(problem: DatabaseProblem, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'DatabaseOpenError'
    this.problem = problem
  }
}

export interface OpenedDatabase {
  readonly sqlite: BetterSqlite3.Database
  readonly db: Kysely<Database>
  readonly file: string
  readonly schemaVersion: string
  /** Backup taken before migrating, if migrations ran on an existing file. */
  readonly preMigrationBackup: string | null
  close(): Promise<void>
}

export interface OpenDatabaseOptions {
  readonly file: string
  readonly backupDir: string
  readonly now?: () => Date
  /** Stop after this migration (tests of one migration use it). */
  readonly targetMigration?: string
}

/** Applies the pragmas every connection needs: WAL, foreign keys, and fsync on every commit. */
export function applyConnectionPragmasSync(sqlite: BetterSqlite3.Database): void {
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  // better-sqlite3 builds SQLite with WAL synchronous=NORMAL, which can drop the
  // last commits on power loss. A radio code typed at the desk must survive that.
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('busy_timeout = 5000')
}

/**
 * Opens (or creates) the shop database and brings its schema up to date.
 *
 * Never destroys data: a file from a newer app version is left untouched and
 * reported; an existing file is backed up with the online backup API before
 * any migration runs; an unreadable file is reported, never replaced.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  const { file, backupDir } = options
  const now = options.now ?? (() => new Date())
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true })
  } catch (cause) {
    throw new DatabaseOpenError('DATA_FOLDER_UNAVAILABLE', `The data folder ${path.dirname(file)} cannot be created.`, {
      cause,
    })
  }

  const existed = fs.existsSync(file) && fs.statSync(file).size > 0
  let state: MigrationState = { applied: [], unknown: [], pending: [] }
  if (existed) {
    try {
      state = inspectMigrationStateSync(file)
    } catch (cause) {
      throw new DatabaseOpenError(
        'DB_UNREADABLE',
        `The database file ${file} cannot be read. It may be damaged or not a Radio Code Desk database. It has not been changed.`,
        { cause },
      )
    }
    if (state.unknown.length > 0) {
      throw new DatabaseOpenError(
        'DB_FROM_NEWER_VERSION',
        `This database was written by a newer version of Radio Code Desk (it has changes this version does not know: ${state.unknown.join(', ')}). Install the newer version to open it. The database has not been changed.`,
      )
    }
  }

  let sqlite: BetterSqlite3.Database
  try {
    sqlite = new BetterSqlite3(file)
    applyConnectionPragmasSync(sqlite)
  } catch (cause) {
    throw new DatabaseOpenError('DB_UNREADABLE', `The database file ${file} cannot be opened.`, { cause })
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) })

  let preMigrationBackup: string | null = null
  try {
    const pendingBeforeTarget = options.targetMigration
      ? state.pending.slice(0, state.pending.indexOf(options.targetMigration) + 1)
      : state.pending
    // Any existing file gets a backup before its schema changes, even one with no migration history.
    if (existed && pendingBeforeTarget.length > 0) {
      const stamp = now().toISOString().replace(/[:.]/g, '-')
      const lastApplied = state.applied[state.applied.length - 1] ?? 'empty'
      preMigrationBackup = path.join(backupDir, `pre-migration_${stamp}_from_${lastApplied}.sqlite`)
      await backupDatabase(sqlite, preMigrationBackup)
    }
    // All pending migrations in one transaction: a failure or a crash leaves the file as it was.
    await migrateToLatest(migrationKysely(sqlite), options.targetMigration)
  } catch (cause) {
    await db.destroy().catch(() => undefined)
    // Kysely only closes a connection it has used; close it ourselves either way.
    if (sqlite.open) sqlite.close()
    if (cause instanceof DatabaseOpenError) throw cause
    throw new DatabaseOpenError(
      'DB_MIGRATION_FAILED',
      `Updating the database to this version failed. Nothing was lost${preMigrationBackup ? `; a backup was saved to ${preMigrationBackup}` : ''}.`,
      { cause },
    )
  }

  const applied = inspectAppliedSync(sqlite)
  return {
    sqlite,
    db,
    file,
    schemaVersion: applied[applied.length - 1] ?? '',
    preMigrationBackup,
    async close() {
      try {
        sqlite.pragma('optimize')
      } finally {
        await db.destroy()
        if (sqlite.open) sqlite.close()
      }
    },
  }
}

function inspectAppliedSync(sqlite: BetterSqlite3.Database): string[] {
  return (sqlite.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map(
    (row) => row.name,
  )
}
