import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../schema'

type Executor = Kysely<Database> | Transaction<Database>

/**
 * Records that the job's code card printed. The first print counts: a later
 * reprint leaves the time alone. True when this call set it.
 */
export async function markCardPrinted(db: Executor, jobId: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable('battery_jobs')
    .set({ card_printed_at: at })
    .where('id', '=', jobId)
    .where('card_printed_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** The job's card_printed_at (undefined when there is no such job). */
export async function findCardPrintedAt(db: Executor, jobId: number): Promise<string | null | undefined> {
  const row = await db.selectFrom('battery_jobs').select('card_printed_at').where('id', '=', jobId).executeTakeFirst()
  return row ? row.card_printed_at : undefined
}
