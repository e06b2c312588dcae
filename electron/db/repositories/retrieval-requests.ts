import type { Kysely, Transaction } from 'kysely'
import type { CodeRetrievalRequestsTable, Database } from '../schema'

type Executor = Kysely<Database> | Transaction<Database>
type Status = CodeRetrievalRequestsTable['status']

/*
 * Code retrieval requests. `channel` holds the channel's ref
 * ("honda-acura-code-radio/dealer/0"); checklist_json holds the channel as
 * the knowledge base described it, the checklist and the id of the code
 * record made on receipt. No column ever holds a code.
 */

export interface RetrievalRequestRow {
  readonly id: number
  readonly vehicleId: number
  readonly radioId: number | null
  readonly customerId: number | null
  readonly channel: string
  readonly status: Status
  readonly checklistJson: string
  readonly followUpOn: string | null
  readonly costCents: number | null
  readonly notes: string
  readonly openedById: number | null
  readonly openedByName: string | null
  readonly openedAt: string
  readonly updatedAt: string
  readonly closedAt: string | null
}

export interface NewRetrievalRequestRow {
  readonly vehicleId: number
  readonly radioId: number | null
  readonly customerId: number | null
  readonly channel: string
  readonly checklistJson: string
  readonly followUpOn: string | null
  readonly costCents: number | null
  readonly notes: string
  readonly openedBy: number
}

export interface RetrievalRequestPatch {
  readonly radioId?: number | null
  readonly status?: Status
  readonly checklistJson?: string
  readonly followUpOn?: string | null
  readonly costCents?: number | null
  readonly notes?: string
  readonly closedAt?: string | null
}

const COLUMNS = [
  'code_retrieval_requests.id',
  'code_retrieval_requests.vehicle_id',
  'code_retrieval_requests.radio_id',
  'code_retrieval_requests.customer_id',
  'code_retrieval_requests.channel',
  'code_retrieval_requests.status',
  'code_retrieval_requests.checklist_json',
  'code_retrieval_requests.follow_up_on',
  'code_retrieval_requests.cost_cents',
  'code_retrieval_requests.notes',
  'code_retrieval_requests.opened_by',
  'opener.name as opened_by_name',
  'code_retrieval_requests.opened_at',
  'code_retrieval_requests.updated_at',
  'code_retrieval_requests.closed_at',
] as const

interface SelectedRow {
  id: number
  vehicle_id: number
  radio_id: number | null
  customer_id: number | null
  channel: string
  status: Status
  checklist_json: string
  follow_up_on: string | null
  cost_cents: number | null
  notes: string
  opened_by: number | null
  opened_by_name: string | null
  opened_at: string
  updated_at: string
  closed_at: string | null
}

function toRow(row: SelectedRow): RetrievalRequestRow {
  return {
    id: row.id,
    vehicleId: row.vehicle_id,
    radioId: row.radio_id,
    customerId: row.customer_id,
    channel: row.channel,
    status: row.status,
    checklistJson: row.checklist_json,
    followUpOn: row.follow_up_on,
    costCents: row.cost_cents,
    notes: row.notes,
    openedById: row.opened_by,
    openedByName: row.opened_by_name,
    openedAt: row.opened_at,
    updatedAt: row.updated_at,
    closedAt: row.closed_at,
  }
}

function selectRequests(db: Executor) {
  return db
    .selectFrom('code_retrieval_requests')
    .leftJoin('staff as opener', 'opener.id', 'code_retrieval_requests.opened_by')
    .select(COLUMNS)
}

export async function insertRetrievalRequest(trx: Transaction<Database>, request: NewRetrievalRequestRow, now: string): Promise<number> {
  const row = await trx
    .insertInto('code_retrieval_requests')
    .values({
      vehicle_id: request.vehicleId,
      radio_id: request.radioId,
      customer_id: request.customerId,
      channel: request.channel,
      status: 'needed',
      checklist_json: request.checklistJson,
      follow_up_on: request.followUpOn,
      cost_cents: request.costCents,
      notes: request.notes,
      opened_by: request.openedBy,
      opened_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function findRetrievalRequest(db: Executor, id: number): Promise<RetrievalRequestRow | undefined> {
  const row = await selectRequests(db).where('code_retrieval_requests.id', '=', id).executeTakeFirst()
  return row ? toRow(row) : undefined
}

/** A vehicle's requests, newest first. */
export async function listRetrievalRequestsOfVehicle(db: Executor, vehicleId: number): Promise<RetrievalRequestRow[]> {
  const rows = await selectRequests(db)
    .where('code_retrieval_requests.vehicle_id', '=', vehicleId)
    .orderBy('code_retrieval_requests.id', 'desc')
    .execute()
  return rows.map(toRow)
}

/** Requests of this vehicle through this channel that are still waiting (needed or requested). */
export async function findWaitingRequestIds(db: Executor, vehicleId: number, channel: string): Promise<number[]> {
  const rows = await db
    .selectFrom('code_retrieval_requests')
    .select('id')
    .where('vehicle_id', '=', vehicleId)
    .where('channel', '=', channel)
    .where('status', 'in', ['needed', 'requested'])
    .orderBy('id')
    .execute()
  return rows.map((row) => row.id)
}

/**
 * Changes the given columns, only while the request's status is one of
 * `whileStatusIn` (so two desks cannot both move it on). False when nothing
 * was updated.
 */
export async function updateRetrievalRequest(
  trx: Transaction<Database>,
  id: number,
  patch: RetrievalRequestPatch,
  now: string,
  whileStatusIn: readonly Status[],
): Promise<boolean> {
  const result = await trx
    .updateTable('code_retrieval_requests')
    .set({
      ...(patch.radioId !== undefined ? { radio_id: patch.radioId } : {}),
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.checklistJson !== undefined ? { checklist_json: patch.checklistJson } : {}),
      ...(patch.followUpOn !== undefined ? { follow_up_on: patch.followUpOn } : {}),
      ...(patch.costCents !== undefined ? { cost_cents: patch.costCents } : {}),
      ...(patch.notes !== undefined ? { notes: patch.notes } : {}),
      ...(patch.closedAt !== undefined ? { closed_at: patch.closedAt } : {}),
      updated_at: now,
    })
    .where('id', '=', id)
    .where('status', 'in', [...whileStatusIn])
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

export interface FollowUpRow extends RetrievalRequestRow {
  readonly vehicle: {
    readonly id: number
    readonly year: number | null
    readonly make: string
    readonly model: string
    readonly plate: string
    readonly plateState: string
  }
  readonly owner: { readonly customerId: number; readonly name: string } | null
}

/** Open requests whose follow-up date is on or before `onOrBefore` (YYYY-MM-DD), the oldest date first. */
export async function listRequestsDueForFollowUp(db: Executor, onOrBefore: string, limit: number): Promise<FollowUpRow[]> {
  const rows = await selectRequests(db)
    .innerJoin('vehicles', 'vehicles.id', 'code_retrieval_requests.vehicle_id')
    .leftJoin('vehicle_ownerships as ownership', (join) =>
      join.onRef('ownership.vehicle_id', '=', 'vehicles.id').on('ownership.ended_at', 'is', null),
    )
    .leftJoin('customers as owner', 'owner.id', 'ownership.customer_id')
    .select([
      'vehicles.year as vehicle_year',
      'vehicles.make as vehicle_make',
      'vehicles.model as vehicle_model',
      'vehicles.plate as vehicle_plate',
      'vehicles.plate_state as vehicle_plate_state',
      'owner.id as owner_id',
      'owner.name as owner_name',
    ])
    .where('code_retrieval_requests.status', 'in', ['needed', 'requested', 'received'])
    .where('code_retrieval_requests.follow_up_on', 'is not', null)
    .where('code_retrieval_requests.follow_up_on', '<=', onOrBefore)
    .orderBy('code_retrieval_requests.follow_up_on')
    .orderBy('code_retrieval_requests.id')
    .limit(limit)
    .execute()
  return rows.map((row) => ({
    ...toRow(row),
    vehicle: {
      id: row.vehicle_id,
      year: row.vehicle_year,
      make: row.vehicle_make,
      model: row.vehicle_model,
      plate: row.vehicle_plate,
      plateState: row.vehicle_plate_state,
    },
    owner: row.owner_id !== null && row.owner_name !== null ? { customerId: row.owner_id, name: row.owner_name } : null,
  }))
}

/** Whether a code record was verified or superseded (no ciphertext). */
export async function findCodeState(
  db: Executor,
  codeId: number,
): Promise<{ readonly radioId: number; readonly verifiedAt: string | null; readonly supersededBy: number | null } | undefined> {
  const row = await db
    .selectFrom('radio_codes')
    .select(['radio_id', 'verified_at', 'superseded_by'])
    .where('id', '=', codeId)
    .executeTakeFirst()
  return row ? { radioId: row.radio_id, verifiedAt: row.verified_at, supersededBy: row.superseded_by } : undefined
}
