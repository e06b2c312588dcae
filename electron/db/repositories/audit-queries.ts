import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../schema'

type Executor = Kysely<Database> | Transaction<Database>

/*
 * Reading the audit log for the manager's viewer. Writing and the chain
 * check live in audit.ts.
 */

export interface AuditQuery {
  readonly staffId: number | null
  /** Exact action, or a family: "code.*" matches every action starting with "code.". */
  readonly action: string | null
  readonly entityType: string | null
  readonly entityId: number | null
  /** Rows about this vehicle, its radios, their codes and its retrieval requests. */
  readonly vehicleId: number | null
  /** ISO instants: from inclusive, to exclusive. */
  readonly from: string | null
  readonly to: string | null
  /** Rows with a smaller id than this (the next page). */
  readonly before: number | null
  readonly limit: number
}

export interface AuditListRow {
  readonly id: number
  readonly at: string
  readonly workstationId: string
  readonly staffId: number | null
  readonly staffName: string | null
  readonly action: string
  readonly entityType: string
  readonly entityId: number | null
  readonly detailsJson: string
}

/** Matching rows, newest (highest id) first, at most `limit`. */
export async function listAuditRows(db: Executor, query: AuditQuery): Promise<AuditListRow[]> {
  let select = db
    .selectFrom('audit_log')
    .leftJoin('staff', 'staff.id', 'audit_log.staff_id')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.workstation_id',
      'audit_log.staff_id',
      'staff.name as staff_name',
      'audit_log.action',
      'audit_log.entity_type',
      'audit_log.entity_id',
      'audit_log.details_json',
    ])
  if (query.staffId !== null) select = select.where('audit_log.staff_id', '=', query.staffId)
  if (query.action !== null) {
    if (query.action.endsWith('.*')) {
      const prefix = query.action.slice(0, -1) // keeps the dot: "code."
      // substr rather than LIKE: no wildcard characters to escape.
      select = select.where((eb) => eb(eb.fn('substr', ['audit_log.action', eb.val(1), eb.val(prefix.length)]), '=', prefix))
    } else {
      select = select.where('audit_log.action', '=', query.action)
    }
  }
  if (query.entityType !== null) select = select.where('audit_log.entity_type', '=', query.entityType)
  if (query.entityId !== null) select = select.where('audit_log.entity_id', '=', query.entityId)
  if (query.vehicleId !== null) {
    const vehicleId = query.vehicleId
    select = select.where((eb) =>
      eb.or([
        eb.and([eb('audit_log.entity_type', '=', 'vehicle'), eb('audit_log.entity_id', '=', vehicleId)]),
        eb.and([
          eb('audit_log.entity_type', '=', 'radio'),
          eb('audit_log.entity_id', 'in', eb.selectFrom('radios').select('radios.id').where('radios.vehicle_id', '=', vehicleId)),
        ]),
        eb.and([
          eb('audit_log.entity_type', '=', 'radio_code'),
          eb(
            'audit_log.entity_id',
            'in',
            eb
              .selectFrom('radio_codes')
              .innerJoin('radios as code_radio', 'code_radio.id', 'radio_codes.radio_id')
              .select('radio_codes.id')
              .where('code_radio.vehicle_id', '=', vehicleId),
          ),
        ]),
        eb.and([
          eb('audit_log.entity_type', '=', 'code_retrieval_request'),
          eb(
            'audit_log.entity_id',
            'in',
            eb
              .selectFrom('code_retrieval_requests')
              .select('code_retrieval_requests.id')
              .where('code_retrieval_requests.vehicle_id', '=', vehicleId),
          ),
        ]),
      ]),
    )
  }
  if (query.from !== null) select = select.where('audit_log.at', '>=', query.from)
  if (query.to !== null) select = select.where('audit_log.at', '<', query.to)
  if (query.before !== null) select = select.where('audit_log.id', '<', query.before)
  const rows = await select.orderBy('audit_log.id', 'desc').limit(query.limit).execute()
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    workstationId: row.workstation_id,
    staffId: row.staff_id,
    staffName: row.staff_name,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    detailsJson: row.details_json,
  }))
}

export async function countAuditRows(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The row just before `id` in the chain, with the hash the row at `id` should point back to. */
export async function findAuditChainLink(
  db: Executor,
  id: number,
): Promise<{ readonly prevHashStored: string; readonly previousHash: string | null } | undefined> {
  const row = await db.selectFrom('audit_log').select('prev_hash').where('id', '=', id).executeTakeFirst()
  if (!row) return undefined
  const previous = await db.selectFrom('audit_log').select('hash').where('id', '<', id).orderBy('id', 'desc').limit(1).executeTakeFirst()
  return { prevHashStored: row.prev_hash, previousHash: previous?.hash ?? null }
}
