import { sql, type Kysely } from 'kysely'
import type { Database } from './schema'

/*
 * SQLite dialect module. A transaction that changes more pages than the page
 * cache holds (a 50,000-row import changes tens of MB of tables and indexes)
 * spills dirty pages into the WAL before it commits, and writes some of them
 * again later. Giving that one transaction a cache big enough to keep its
 * pages avoids both; afterwards the connection goes back to its usual size
 * and SQLite hands the extra memory back. A PostgreSQL dialect would do
 * nothing here.
 */

/** Page cache for a bulk write, in KiB (SQLite's negative cache_size). */
export const BULK_WRITE_CACHE_KIB = 128 * 1024

export async function withBulkWriteCache<T>(db: Kysely<Database>, work: () => Promise<T>): Promise<T> {
  const before = await sql<{ cache_size: number }>`pragma cache_size`.execute(db)
  const usual = before.rows[0]?.cache_size ?? -2000
  await sql`pragma cache_size = ${sql.raw(String(-BULK_WRITE_CACHE_KIB))}`.execute(db)
  try {
    return await work()
  } finally {
    await sql`pragma cache_size = ${sql.raw(String(Math.trunc(usual)))}`.execute(db)
    await sql`pragma shrink_memory`.execute(db)
  }
}
