import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../schema'

type Executor = Kysely<Database> | Transaction<Database>

export interface RecoveryFailures {
  /** Failed recovery attempts since the last successful one (at most `limit`). */
  readonly count: number
  /** When the newest of them was made; null when there is none. */
  readonly lastAt: string | null
}

/**
 * Recent failed vault recoveries, read from the audit log (so the count
 * survives a restart without a table of its own): the 'vault.recover.failed'
 * rows after the newest 'vault.recover'.
 */
export async function recentRecoveryFailures(db: Executor, limit = 50): Promise<RecoveryFailures> {
  const rows = await db
    .selectFrom('audit_log')
    .select(['action', 'at'])
    .where('action', 'in', ['vault.recover', 'vault.recover.failed'])
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
  const firstSuccess = rows.findIndex((row) => row.action === 'vault.recover')
  const failures = firstSuccess === -1 ? rows : rows.slice(0, firstSuccess)
  return { count: failures.length, lastAt: failures[0]?.at ?? null }
}
