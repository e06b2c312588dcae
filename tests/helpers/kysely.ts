import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { applyConnectionPragmasSync } from '../../electron/db/open'

/**
 * A raw, untyped Kysely on a new SQLite file in `dir`, with the app's
 * connection pragmas but no migrations: for migration tests.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function rawKysely(dir: string, fileName = 'raw.sqlite'): { db: Kysely<any>; sqlite: BetterSqlite3.Database } {
  const sqlite = new BetterSqlite3(path.join(dir, fileName))
  applyConnectionPragmasSync(sqlite)
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) })
  return { db, sqlite }
}
