import { createHash } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import type { AuditRow, Database } from '../schema'

export const AUDIT_GENESIS_HASH = '0'.repeat(64)

export interface AuditEntry {
  readonly at: string
  readonly workstationId: string
  readonly staffId: number | null
  readonly action: string
  readonly entityType: string
  readonly entityId: number | null
  /** Never put a radio code (or any secret) here. */
  readonly details: Readonly<Record<string, string | number | boolean | null>>
}

type Executor = Kysely<Database> | Transaction<Database>

function hashRow(prevHash: string, entry: Omit<AuditRow, 'id' | 'prev_hash' | 'hash'>): string {
  // A fixed field order makes the hash independent of object key order.
  const canonical = JSON.stringify([
    prevHash,
    entry.at,
    entry.workstation_id,
    entry.staff_id,
    entry.action,
    entry.entity_type,
    entry.entity_id,
    entry.details_json,
  ])
  return createHash('sha256').update(canonical).digest('hex')
}

/**
 * Appends one audit row, chained to the previous row's hash.
 *
 * Call it inside the same transaction as the change it records, so the change
 * and its audit row commit together or not at all.
 */
export async function appendAudit(db: Executor, entry: AuditEntry): Promise<number> {
  const [id] = await appendAuditBatch(db, [entry])
  return id!
}

/** Rows per statement in appendAuditBatch: 9 values each, well under SQLite's bound-parameter limit. */
const AUDIT_BATCH_ROWS = 500

/**
 * Appends audit rows in order, each chained to the one before, with one
 * look-up of the last hash and a few multi-row
 * inserts (an import that stores thousands of codes writes one row per
 * code). Inside the caller's transaction, like appendAudit. Returns the new
 * ids in input order.
 */
export async function appendAuditBatch(db: Executor, entries: readonly AuditEntry[]): Promise<number[]> {
  if (entries.length === 0) return []
  const last = await db.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst()
  let prevHash = last?.hash ?? AUDIT_GENESIS_HASH
  const rows = entries.map((entry) => {
    const values = {
      at: entry.at,
      workstation_id: entry.workstationId,
      staff_id: entry.staffId,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      details_json: JSON.stringify(entry.details),
    }
    const row = { ...values, prev_hash: prevHash, hash: hashRow(prevHash, values) }
    prevHash = row.hash
    return row
  })
  const ids: number[] = []
  for (let i = 0; i < rows.length; i += AUDIT_BATCH_ROWS) {
    const inserted = await db.insertInto('audit_log').values(rows.slice(i, i + AUDIT_BATCH_ROWS)).returning('id').execute()
    // One multi-row INSERT gives its rows increasing ids in VALUES order.
    ids.push(...inserted.map((row) => row.id).sort((a, b) => a - b))
  }
  return ids
}

export type AuditChainCheck = { readonly ok: true; readonly rows: number } | { readonly ok: false; readonly brokenAtId: number }

/** Walks the whole chain; a deleted, inserted or edited row shows as a break. */
export async function verifyAuditChain(db: Executor): Promise<AuditChainCheck> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('id').execute()
  let prevHash = AUDIT_GENESIS_HASH
  for (const row of rows) {
    if (row.prev_hash !== prevHash || hashRow(prevHash, row) !== row.hash) return { ok: false, brokenAtId: row.id }
    prevHash = row.hash
  }
  return { ok: true, rows: rows.length }
}

export async function listAuditForEntity(db: Executor, entityType: string, entityId: number): Promise<AuditRow[]> {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute()
}
