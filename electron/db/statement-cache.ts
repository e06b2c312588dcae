import type BetterSqlite3 from 'better-sqlite3'
import type { SqliteDatabase, SqliteStatement } from 'kysely'

/*
 * Kysely's SQLite driver prepares every query anew, and preparing costs as
 * much as running a search's statements (npm run bench: about half of the
 * router's SQLite time on a search was sqlite3_prepare). This keeps the most
 * recently used prepared statements per SQL text. Safe because the
 * connection runs one query at a time (Kysely holds it for the length of a
 * query or stream) and SQLite re-prepares a statement by itself after a
 * schema change.
 */

/** Enough for every query the app writes; lists of ids (`in (?, ?, …)`) make a few more shapes. */
const DEFAULT_CAPACITY = 256

export function withStatementCache(sqlite: BetterSqlite3.Database, capacity = DEFAULT_CAPACITY): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>()
  return {
    prepare(sql: string): SqliteStatement {
      const cached = statements.get(sql)
      if (cached) {
        // Most recently used last, so the first key is the one to drop.
        statements.delete(sql)
        statements.set(sql, cached)
        return cached
      }
      const statement = sqlite.prepare(sql) as unknown as SqliteStatement
      statements.set(sql, statement)
      if (statements.size > capacity) {
        const oldest = statements.keys().next().value
        if (oldest !== undefined) statements.delete(oldest)
      }
      return statement
    },
    close(): void {
      statements.clear()
      sqlite.close()
    },
  }
}
