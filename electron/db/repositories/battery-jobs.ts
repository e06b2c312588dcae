import type { Kysely, Transaction } from 'kysely'
import {
  CLOSED_JOB_STATUSES,
  JOB_STATUSES,
  OPEN_JOB_STATUSES,
  checklistSchema,
  gateDetailSchema,
  type Checklist,
  type CodeOnFile,
  type GateDetail,
  type JobStatus,
} from '../../../shared/domain/battery-job'
import type { StaffRef } from '../../../shared/domain/radio-code'
import type { Database } from '../schema'
import { toKeyToken } from '../search/search-index'

/*
 * All SQL for battery jobs. Dates are ISO-8601 text; JSON columns are parsed
 * here (checklist, gate detail) so callers see typed values. The gate detail
 * never holds a code.
 */

type Executor = Kysely<Database> | Transaction<Database>

/** Retrieval statuses that still need work (the retrieval service's "open" ones). */
const OPEN_RETRIEVAL_STATUSES = ['needed', 'requested', 'received'] as const

export interface BatteryJobRecord {
  readonly id: number
  readonly roNumber: string
  readonly status: JobStatus
  readonly vehicleId: number
  readonly vehicle: {
    readonly year: number | null
    readonly make: string
    readonly model: string
    readonly vin: string
    readonly plate: string
    readonly plateState: string
  }
  readonly customerId: number
  readonly customerName: string
  readonly radioId: number | null
  readonly retrieval: { readonly id: number; readonly status: string } | null
  readonly checkedInBy: StaffRef | null
  readonly checkedInAt: string
  readonly codeCheckAt: string | null
  readonly serviceStartedAt: string | null
  readonly completedAt: string | null
  readonly gate: { readonly detail: GateDetail; readonly decidedBy: StaffRef | null; readonly decidedAt: string } | null
  readonly batteryDisconnectedAt: string | null
  readonly checklist: Checklist
  readonly cardPrintedAt: string | null
  readonly cardHandedOverAt: string | null
  readonly cardHandedOverBy: StaffRef | null
  readonly cardDeclinedAt: string | null
  readonly cardDeclinedBy: StaffRef | null
  readonly notes: string
  readonly updatedAt: string
}

function jobQuery(db: Executor) {
  return db
    .selectFrom('battery_jobs as j')
    .innerJoin('vehicles as v', 'v.id', 'j.vehicle_id')
    .innerJoin('customers as c', 'c.id', 'j.customer_id')
    .leftJoin('staff as s_in', 's_in.id', 'j.checked_in_by')
    .leftJoin('staff as s_gate', 's_gate.id', 'j.gate_decided_by')
    .leftJoin('staff as s_hand', 's_hand.id', 'j.card_handed_over_by')
    .leftJoin('staff as s_decl', 's_decl.id', 'j.card_declined_by')
    .leftJoin('code_retrieval_requests as r', 'r.id', 'j.retrieval_request_id')
    .selectAll('j')
    .select([
      'v.year',
      'v.make',
      'v.model',
      'v.vin',
      'v.plate',
      'v.plate_state',
      'c.name as customer_name',
      's_in.name as checked_in_by_name',
      's_gate.name as gate_decided_by_name',
      's_hand.name as card_handed_over_by_name',
      's_decl.name as card_declined_by_name',
      'r.status as retrieval_status',
    ])
}

type JobRow = Awaited<ReturnType<ReturnType<typeof jobQuery>['executeTakeFirstOrThrow']>>

function staffRef(id: number | null, name: string | null | undefined): StaffRef | null {
  return id === null ? null : { id, name: name ?? '' }
}

function parseJson(text: string, what: string, jobId: number): unknown {
  try {
    return JSON.parse(text)
  } catch {
    throw new Error(`battery job ${jobId}: ${what} is not valid JSON`)
  }
}

function toRecord(row: JobRow): BatteryJobRecord {
  const checklist = checklistSchema.parse(parseJson(row.checklist_json, 'checklist_json', row.id))
  let gate: BatteryJobRecord['gate'] = null
  if (row.gate_decision !== null && row.gate_decided_at !== null) {
    gate = {
      detail: gateDetailSchema.parse(parseJson(row.gate_detail_json, 'gate_detail_json', row.id)),
      decidedBy: staffRef(row.gate_decided_by, row.gate_decided_by_name),
      decidedAt: row.gate_decided_at,
    }
  }
  return {
    id: row.id,
    roNumber: row.ro_number,
    status: row.status,
    vehicleId: row.vehicle_id,
    vehicle: {
      year: row.year,
      make: row.make,
      model: row.model,
      vin: row.vin ?? '',
      plate: row.plate,
      plateState: row.plate_state,
    },
    customerId: row.customer_id,
    customerName: row.customer_name,
    radioId: row.radio_id,
    retrieval:
      row.retrieval_request_id === null ? null : { id: row.retrieval_request_id, status: row.retrieval_status ?? 'unknown' },
    checkedInBy: staffRef(row.checked_in_by, row.checked_in_by_name),
    checkedInAt: row.checked_in_at,
    codeCheckAt: row.code_check_at,
    serviceStartedAt: row.service_started_at,
    completedAt: row.completed_at,
    gate,
    batteryDisconnectedAt: row.battery_disconnected_at,
    checklist,
    cardPrintedAt: row.card_printed_at,
    cardHandedOverAt: row.card_handed_over_at,
    cardHandedOverBy: staffRef(row.card_handed_over_by, row.card_handed_over_by_name),
    cardDeclinedAt: row.card_declined_at,
    cardDeclinedBy: staffRef(row.card_declined_by, row.card_declined_by_name),
    notes: row.notes,
    updatedAt: row.updated_at,
  }
}

// ---------------------------------------------------------------------------
// Writes

export interface NewBatteryJobRow {
  readonly roNumber: string
  readonly vehicleId: number
  readonly customerId: number
  readonly radioId: number | null
  readonly checkedInBy: number | null
  readonly notes: string
}

export async function insertBatteryJob(trx: Transaction<Database>, job: NewBatteryJobRow, now: string): Promise<number> {
  const row = await trx
    .insertInto('battery_jobs')
    .values({
      ro_number: job.roNumber,
      ro_key: toKeyToken(job.roNumber),
      vehicle_id: job.vehicleId,
      customer_id: job.customerId,
      radio_id: job.radioId,
      status: 'checked-in',
      checked_in_by: job.checkedInBy,
      checked_in_at: now,
      notes: job.notes,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** One change to a job; only the fields given are written. */
export interface BatteryJobChange {
  readonly status?: JobStatus
  readonly radioId?: number | null
  readonly retrievalRequestId?: number | null
  readonly codeCheckAt?: string
  readonly serviceStartedAt?: string
  readonly completedAt?: string
  readonly gate?: { readonly detail: GateDetail; readonly decidedBy: number; readonly decidedAt: string }
  readonly batteryDisconnectedAt?: string
  readonly checklist?: Checklist
  readonly cardHandedOver?: { readonly at: string; readonly by: number }
  readonly cardDeclined?: { readonly at: string; readonly by: number }
}

/**
 * Applies a change to a job that is still in `fromStatus` (so two desks acting
 * at once cannot both move it). False when the job is missing or has moved on.
 */
export async function updateBatteryJob(
  trx: Transaction<Database>,
  id: number,
  fromStatus: JobStatus,
  change: BatteryJobChange,
  now: string,
): Promise<boolean> {
  const row = await trx
    .updateTable('battery_jobs')
    .set({
      updated_at: now,
      ...(change.status !== undefined ? { status: change.status } : {}),
      ...(change.radioId !== undefined ? { radio_id: change.radioId } : {}),
      ...(change.retrievalRequestId !== undefined ? { retrieval_request_id: change.retrievalRequestId } : {}),
      ...(change.codeCheckAt !== undefined ? { code_check_at: change.codeCheckAt } : {}),
      ...(change.serviceStartedAt !== undefined ? { service_started_at: change.serviceStartedAt } : {}),
      ...(change.completedAt !== undefined ? { completed_at: change.completedAt } : {}),
      ...(change.gate !== undefined
        ? {
            gate_decision: change.gate.detail.option,
            gate_detail_json: JSON.stringify(change.gate.detail),
            gate_decided_by: change.gate.decidedBy,
            gate_decided_at: change.gate.decidedAt,
          }
        : {}),
      ...(change.batteryDisconnectedAt !== undefined ? { battery_disconnected_at: change.batteryDisconnectedAt } : {}),
      ...(change.checklist !== undefined ? { checklist_json: JSON.stringify(change.checklist) } : {}),
      ...(change.cardHandedOver !== undefined
        ? { card_handed_over_at: change.cardHandedOver.at, card_handed_over_by: change.cardHandedOver.by }
        : {}),
      ...(change.cardDeclined !== undefined
        ? { card_declined_at: change.cardDeclined.at, card_declined_by: change.cardDeclined.by }
        : {}),
    })
    .where('id', '=', id)
    .where('status', '=', fromStatus)
    .returning('id')
    .executeTakeFirst()
  return row !== undefined
}

// ---------------------------------------------------------------------------
// Reads

export async function findBatteryJobRecord(db: Executor, id: number): Promise<BatteryJobRecord | undefined> {
  const row = await jobQuery(db).where('j.id', '=', id).executeTakeFirst()
  return row ? toRecord(row) : undefined
}

/** The vehicle's job that is checked in or in service (not yet done), if any. */
export async function findOpenJobForVehicle(db: Executor, vehicleId: number): Promise<{ id: number; status: JobStatus } | undefined> {
  return db
    .selectFrom('battery_jobs')
    .select(['id', 'status'])
    .where('vehicle_id', '=', vehicleId)
    .where('status', 'in', OPEN_JOB_STATUSES)
    .orderBy('id', 'desc')
    .executeTakeFirst()
}

/** A job not yet closed that carries this RO number (compared as letters and digits). */
export async function findUnclosedJobWithRo(db: Executor, roNumber: string): Promise<{ id: number; vehicleId: number } | undefined> {
  const key = toKeyToken(roNumber)
  if (key === '') return undefined
  const row = await db
    .selectFrom('battery_jobs')
    .select(['id', 'vehicle_id'])
    .where('ro_key', '=', key)
    .where('status', 'not in', CLOSED_JOB_STATUSES)
    .executeTakeFirst()
  return row ? { id: row.id, vehicleId: row.vehicle_id } : undefined
}

/** A vehicle's jobs, newest first. */
export async function listJobRecordsForVehicle(db: Executor, vehicleId: number): Promise<BatteryJobRecord[]> {
  const rows = await jobQuery(db).where('j.vehicle_id', '=', vehicleId).orderBy('j.checked_in_at', 'desc').orderBy('j.id', 'desc').execute()
  return rows.map(toRecord)
}

/**
 * Jobs that are done and whose card is neither handed over nor declined,
 * oldest completion first; for one customer, and/or completed before a time.
 */
export async function listJobRecordsWaitingForCard(
  db: Executor,
  filter: { readonly customerId?: number; readonly completedBefore?: string },
): Promise<BatteryJobRecord[]> {
  let query = jobQuery(db).where('j.status', '=', 'done')
  if (filter.customerId !== undefined) query = query.where('j.customer_id', '=', filter.customerId)
  if (filter.completedBefore !== undefined) query = query.where('j.completed_at', '<', filter.completedBefore)
  const rows = await query.orderBy('j.completed_at', 'asc').orderBy('j.id', 'asc').execute()
  return rows.map(toRecord)
}

/**
 * The Today board's jobs: every job not yet closed or cancelled, whenever it
 * was checked in, plus jobs checked in, closed or cancelled in [from, to).
 */
const BOARD_JOB_STATUSES: readonly JobStatus[] = JOB_STATUSES.filter((status) => !(CLOSED_JOB_STATUSES as readonly JobStatus[]).includes(status))

export async function listBoardJobRecords(db: Executor, from: string, to: string): Promise<BatteryJobRecord[]> {
  const rows = await jobQuery(db)
    .where((eb) =>
      eb.or([
        // "in" the statuses still on the board, not "not in" the closed ones:
        // each branch of the OR can then use an index instead of reading every job.
        eb('j.status', 'in', BOARD_JOB_STATUSES),
        eb.and([eb('j.checked_in_at', '>=', from), eb('j.checked_in_at', '<', to)]),
        eb.and([eb('j.card_handed_over_at', '>=', from), eb('j.card_handed_over_at', '<', to)]),
        eb.and([eb('j.card_declined_at', '>=', from), eb('j.card_declined_at', '<', to)]),
      ]),
    )
    .orderBy('j.checked_in_at', 'asc')
    .orderBy('j.id', 'asc')
    .execute()
  return rows.map(toRecord)
}

/**
 * Each vehicle's installed radio (the newest not removed) and its current
 * code, if any: never the code, only its id, whether it worked and its source.
 */
const VEHICLE_IDS_PER_QUERY = 500

export async function findInstalledRadioCodes(
  db: Executor,
  vehicleIds: readonly number[],
): Promise<Map<number, { radioId: number; code: CodeOnFile | null }>> {
  const result = new Map<number, { radioId: number; code: CodeOnFile | null }>()
  const unique = [...new Set(vehicleIds)]
  // In slices: a busy board can name more vehicles than SQLite takes bound variables (32,766).
  const rows = []
  for (let start = 0; start < unique.length; start += VEHICLE_IDS_PER_QUERY) {
    rows.push(
      ...(await db
        .selectFrom('radios')
        .leftJoin('radio_codes', (join) =>
          join.onRef('radio_codes.radio_id', '=', 'radios.id').on('radio_codes.superseded_by', 'is', null),
        )
        .select(['radios.id as radio_id', 'radios.vehicle_id', 'radio_codes.id as code_id', 'radio_codes.verified_at', 'radio_codes.source'])
        .where('radios.vehicle_id', 'in', unique.slice(start, start + VEHICLE_IDS_PER_QUERY))
        .where('radios.removed_at', 'is', null)
        .orderBy('radios.id', 'desc')
        .orderBy('radio_codes.id', 'desc')
        .execute()),
    )
  }
  // Every radio of a vehicle comes in the same slice, newest first: the first row per vehicle is its installed radio.
  for (const row of rows) {
    if (result.has(row.vehicle_id)) continue
    result.set(row.vehicle_id, {
      radioId: row.radio_id,
      code:
        row.code_id === null || row.source === null
          ? null
          : { codeId: row.code_id, radioId: row.radio_id, verified: row.verified_at !== null, source: row.source },
    })
  }
  return result
}

export async function findRetrievalRequestRef(
  db: Executor,
  id: number,
): Promise<{ id: number; vehicleId: number; status: string } | undefined> {
  const row = await db.selectFrom('code_retrieval_requests').select(['id', 'vehicle_id', 'status']).where('id', '=', id).executeTakeFirst()
  return row ? { id: row.id, vehicleId: row.vehicle_id, status: row.status } : undefined
}

export interface DueRetrievalRow {
  readonly id: number
  readonly vehicleId: number
  readonly customerId: number | null
  readonly status: string
  readonly channel: string
  readonly followUpOn: string
  readonly vehicle: { readonly year: number | null; readonly make: string; readonly model: string }
}

/** Retrieval requests still open whose follow-up day (YYYY-MM-DD) is on or before `day`. */
export async function listRetrievalRequestsDue(db: Executor, day: string): Promise<DueRetrievalRow[]> {
  const rows = await db
    .selectFrom('code_retrieval_requests as r')
    .innerJoin('vehicles as v', 'v.id', 'r.vehicle_id')
    .select(['r.id', 'r.vehicle_id', 'r.customer_id', 'r.status', 'r.channel', 'r.follow_up_on', 'v.year', 'v.make', 'v.model'])
    .where('r.status', 'in', OPEN_RETRIEVAL_STATUSES)
    .where('r.closed_at', 'is', null)
    .where('r.follow_up_on', 'is not', null)
    // Before the next day: a plain date and a date-time on `day` both count.
    .where('r.follow_up_on', '<', nextDay(day))
    .orderBy('r.follow_up_on', 'asc')
    .orderBy('r.id', 'asc')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    vehicleId: row.vehicle_id,
    customerId: row.customer_id,
    status: row.status,
    channel: row.channel,
    followUpOn: row.follow_up_on ?? '',
    vehicle: { year: row.year, make: row.make, model: row.model },
  }))
}

/** "2026-11-24" → "2026-11-25" (calendar arithmetic, no time zone involved). */
function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00.000Z`)
  date.setUTCDate(date.getUTCDate() + 1)
  return date.toISOString().slice(0, 10)
}
