import { AppError } from '../../../shared/api/errors'
import type { AuditDetailValue, AuditListInput, AuditLogRow, AuditPage, AuditVerification } from '../../../shared/domain/audit'
import { AUDIT_GENESIS_HASH, verifyAuditChain } from '../../db/repositories/audit'
import { countAuditRows, findAuditChainLink, listAuditRows, type AuditListRow } from '../../db/repositories/audit-queries'
import type { AppServices } from './app-services'

/*
 * The manager's view of the audit log: filtered, newest first, paged by
 * cursor, and the hash chain checked. Manager only.
 */

async function requireManager(services: AppServices): Promise<number> {
  const security = services.requireSecurity()
  const actorId = security.requireActor()
  const actor = await security.staff.requireActive(actorId)
  if (actor.role !== 'manager') throw new AppError('FORBIDDEN', 'Only a manager can look at the audit log. Ask a manager to sign in.')
  return actorId
}

function parseDetails(json: string): Record<string, AuditDetailValue> {
  try {
    const value: unknown = JSON.parse(json)
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return {}
    const out: Record<string, AuditDetailValue> = {}
    for (const [key, item] of Object.entries(value)) {
      if (item === null || typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') out[key] = item
      else out[key] = JSON.stringify(item)
    }
    return out
  } catch {
    return {}
  }
}

function toRow(row: AuditListRow): AuditLogRow {
  return {
    id: row.id,
    at: row.at,
    workstationId: row.workstationId,
    staff: row.staffId === null ? null : { id: row.staffId, name: row.staffName ?? '' },
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    details: parseDetails(row.detailsJson),
  }
}

export async function listAuditLog(services: AppServices, input: AuditListInput): Promise<AuditPage> {
  await requireManager(services)
  // One extra row tells whether there is a next page.
  const rows = await listAuditRows(services.requireDb(), { ...input, limit: input.limit + 1 })
  const page = rows.slice(0, input.limit)
  const last = page.at(-1)
  return { rows: page.map(toRow), nextBefore: rows.length > input.limit && last ? last.id : null }
}

export async function verifyAuditLog(services: AppServices): Promise<AuditVerification> {
  await requireManager(services)
  const db = services.requireDb()
  const check = await verifyAuditChain(db)
  if (check.ok) return { ok: true, rows: check.rows }
  const rows = await countAuditRows(db)
  const link = await findAuditChainLink(db, check.brokenAtId)
  const linkBroken = link !== undefined && link.prevHashStored !== (link.previousHash ?? AUDIT_GENESIS_HASH)
  const message = linkBroken
    ? `The audit log is broken at row ${check.brokenAtId}: it does not follow the row before it, so a row before it was deleted, inserted or rewritten. Rows from ${check.brokenAtId} on cannot be trusted; keep this database and tell the shop's IT support.`
    : `The audit log is broken at row ${check.brokenAtId}: the row was changed after it was written (its contents no longer match its hash). Keep this database and tell the shop's IT support.`
  return { ok: false, brokenAtId: check.brokenAtId, rows, message }
}
