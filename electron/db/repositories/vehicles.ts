import type { Kysely, Selectable, Transaction } from 'kysely'
import { compactKey } from '../../../shared/domain/normalize'
import type { NewVehicle, OwnershipSpell, Vehicle, VehicleFields, VehicleSummary } from '../../../shared/domain/vehicle'
import type { Database, VehiclesTable } from '../schema'

type Executor = Kysely<Database> | Transaction<Database>
type VehicleRow = Selectable<VehiclesTable>

/** A vehicle's fields as its row (VIN '' stored as NULL, plate search key computed). */
export function vehicleFieldsToRow(fields: VehicleFields, now: string) {
  return {
    vin: fields.vin === '' ? null : fields.vin,
    year: fields.year,
    make: fields.make,
    model: fields.model,
    trim: fields.trim,
    engine: fields.engine,
    plate: fields.plate,
    plate_state: fields.plateState,
    plate_key: compactKey(fields.plate),
    colour: fields.colour,
    notes: fields.notes,
    updated_at: now,
  }
}

function toVehicle(row: VehicleRow, owner: { customer_id: number; name: string } | undefined): Vehicle {
  return {
    id: row.id,
    vin: row.vin ?? '',
    year: row.year,
    make: row.make,
    model: row.model,
    trim: row.trim,
    engine: row.engine,
    plate: row.plate,
    plateState: row.plate_state,
    colour: row.colour,
    notes: row.notes,
    currentOwner: owner ? { customerId: owner.customer_id, name: owner.name } : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** Inserts a vehicle and its first ownership spell; call inside the caller's transaction. */
export async function insertVehicle(trx: Transaction<Database>, input: NewVehicle, now: string, staffId: number | null): Promise<number> {
  const row = await trx
    .insertInto('vehicles')
    .values({ ...vehicleFieldsToRow(input, now), created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow()
  await trx
    .insertInto('vehicle_ownerships')
    .values({ vehicle_id: row.id, customer_id: input.ownerId, started_at: now, recorded_by: staffId })
    .execute()
  return row.id
}

export async function updateVehicleFields(db: Executor, id: number, fields: VehicleFields, now: string): Promise<boolean> {
  const result = await db.updateTable('vehicles').set(vehicleFieldsToRow(fields, now)).where('id', '=', id).executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

export async function findVehicleById(db: Executor, id: number): Promise<Vehicle | undefined> {
  const row = await db.selectFrom('vehicles').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) return undefined
  return toVehicle(row, await currentOwner(db, id))
}

/** The vehicle with this exact (normalised) VIN, if any: the duplicate check. */
export async function findVehicleByVin(db: Executor, vin: string): Promise<Vehicle | undefined> {
  if (vin === '') return undefined
  const row = await db.selectFrom('vehicles').selectAll().where('vin', '=', vin).executeTakeFirst()
  if (!row) return undefined
  return toVehicle(row, await currentOwner(db, row.id))
}

async function currentOwner(db: Executor, vehicleId: number) {
  return db
    .selectFrom('vehicle_ownerships')
    .innerJoin('customers', 'customers.id', 'vehicle_ownerships.customer_id')
    .select(['vehicle_ownerships.customer_id', 'customers.name'])
    .where('vehicle_ownerships.vehicle_id', '=', vehicleId)
    .where('vehicle_ownerships.ended_at', 'is', null)
    .executeTakeFirst()
}

/** Every owner spell, newest first. */
export async function listOwnershipHistory(db: Executor, vehicleId: number): Promise<OwnershipSpell[]> {
  const rows = await db
    .selectFrom('vehicle_ownerships')
    .innerJoin('customers', 'customers.id', 'vehicle_ownerships.customer_id')
    .select([
      'vehicle_ownerships.customer_id',
      'customers.name',
      'vehicle_ownerships.started_at',
      'vehicle_ownerships.ended_at',
      'vehicle_ownerships.notes',
      'vehicle_ownerships.id',
    ])
    .where('vehicle_ownerships.vehicle_id', '=', vehicleId)
    .orderBy('vehicle_ownerships.started_at', 'desc')
    .orderBy('vehicle_ownerships.id', 'desc')
    .execute()
  return rows.map((row) => ({
    customerId: row.customer_id,
    name: row.name,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    notes: row.notes,
  }))
}

function toSummary(row: Pick<VehicleRow, 'id' | 'vin' | 'year' | 'make' | 'model' | 'plate' | 'plate_state' | 'colour'>): VehicleSummary {
  return {
    id: row.id,
    vin: row.vin ?? '',
    year: row.year,
    make: row.make,
    model: row.model,
    plate: row.plate,
    plateState: row.plate_state,
    colour: row.colour,
  }
}

const SUMMARY_COLUMNS = [
  'vehicles.id',
  'vehicles.vin',
  'vehicles.year',
  'vehicles.make',
  'vehicles.model',
  'vehicles.plate',
  'vehicles.plate_state',
  'vehicles.colour',
] as const

/** A customer's vehicles: the ones they own now, and the ones they owned before. */
export async function listVehiclesOfCustomer(
  db: Executor,
  customerId: number,
): Promise<{ current: VehicleSummary[]; previous: VehicleSummary[] }> {
  const rows = await db
    .selectFrom('vehicle_ownerships')
    .innerJoin('vehicles', 'vehicles.id', 'vehicle_ownerships.vehicle_id')
    .select([...SUMMARY_COLUMNS, 'vehicle_ownerships.ended_at'])
    .where('vehicle_ownerships.customer_id', '=', customerId)
    .where('vehicles.archived_at', 'is', null)
    .orderBy('vehicle_ownerships.started_at', 'desc')
    .execute()
  const current: VehicleSummary[] = []
  const previous: VehicleSummary[] = []
  const seen = new Set<number>()
  for (const row of rows) {
    if (row.ended_at === null) current.push(toSummary(row))
  }
  for (const row of current) seen.add(row.id)
  for (const row of rows) {
    if (row.ended_at !== null && !seen.has(row.id)) {
      seen.add(row.id)
      previous.push(toSummary(row))
    }
  }
  return { current, previous }
}

export async function listVehicleSummaries(db: Executor, limit: number): Promise<VehicleSummary[]> {
  const rows = await db
    .selectFrom('vehicles')
    .select(SUMMARY_COLUMNS)
    .where('vehicles.archived_at', 'is', null)
    .orderBy('vehicles.updated_at', 'desc')
    .orderBy('vehicles.id', 'desc')
    .limit(limit)
    .execute()
  return rows.map(toSummary)
}

export async function findVehicleSummariesByIds(db: Executor, ids: readonly number[]): Promise<VehicleSummary[]> {
  if (ids.length === 0) return []
  const rows = await db.selectFrom('vehicles').select(SUMMARY_COLUMNS).where('vehicles.id', 'in', ids).execute()
  return rows.map(toSummary)
}

/**
 * Moves a vehicle to a new owner: the current spell ends, a new one starts.
 * Radios, codes and jobs stay with the vehicle. Returns the previous owner's id.
 */
export async function transferOwnership(
  trx: Transaction<Database>,
  vehicleId: number,
  toCustomerId: number,
  now: string,
  staffId: number | null,
  notes: string,
): Promise<number | null> {
  const current = await trx
    .selectFrom('vehicle_ownerships')
    .select(['id', 'customer_id'])
    .where('vehicle_id', '=', vehicleId)
    .where('ended_at', 'is', null)
    .executeTakeFirst()
  if (current) {
    await trx.updateTable('vehicle_ownerships').set({ ended_at: now }).where('id', '=', current.id).execute()
  }
  await trx
    .insertInto('vehicle_ownerships')
    .values({ vehicle_id: vehicleId, customer_id: toCustomerId, started_at: now, recorded_by: staffId, notes })
    .execute()
  await trx.updateTable('vehicles').set({ updated_at: now }).where('id', '=', vehicleId).execute()
  return current?.customer_id ?? null
}
