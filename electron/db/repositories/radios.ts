import type { Kysely, Transaction } from 'kysely'
import { compactKey } from '../../../shared/domain/normalize'
import type { RadioSummary } from '../../../shared/domain/radio'
import type { Database } from '../schema'

type Executor = Kysely<Database> | Transaction<Database>

export interface NewRadioRow {
  readonly vehicleId: number
  readonly serial: string
  readonly headUnit: string
  readonly installedAt: string | null
}

/** Adds a radio to a vehicle. Any radio still installed is marked removed (kept, never deleted). */
export async function insertRadio(
  trx: Transaction<Database>,
  radio: NewRadioRow,
  now: string,
  staffId: number | null,
  removedReason: string,
): Promise<number> {
  await trx
    .updateTable('radios')
    .set({ removed_at: now, removed_reason: removedReason, updated_at: now })
    .where('vehicle_id', '=', radio.vehicleId)
    .where('removed_at', 'is', null)
    .execute()
  const row = await trx
    .insertInto('radios')
    .values({
      vehicle_id: radio.vehicleId,
      serial: radio.serial,
      serial_key: compactKey(radio.serial),
      head_unit: radio.headUnit,
      installed_at: radio.installedAt,
      created_by: staffId,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function updateRadioDetails(db: Executor, id: number, serial: string, headUnit: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('radios')
    .set({ serial, serial_key: compactKey(serial), head_unit: headUnit, updated_at: now })
    .where('id', '=', id)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** A vehicle's radios, the installed one first, with whether a code is on file (never the code). */
export async function listRadiosOfVehicle(db: Executor, vehicleId: number): Promise<RadioSummary[]> {
  const rows = await db
    .selectFrom('radios')
    .select((eb) => [
      'radios.id',
      'radios.vehicle_id',
      'radios.serial',
      'radios.head_unit',
      'radios.installed_at',
      'radios.removed_at',
      'radios.removed_reason',
      'radios.created_at',
      eb
        .selectFrom('radio_codes')
        .select('radio_codes.verified_at')
        .whereRef('radio_codes.radio_id', '=', 'radios.id')
        .where('radio_codes.superseded_by', 'is', null)
        .orderBy('radio_codes.id', 'desc')
        .limit(1)
        .as('current_code_verified_at'),
      eb
        .selectFrom('radio_codes')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('radio_codes.radio_id', '=', 'radios.id')
        .where('radio_codes.superseded_by', 'is', null)
        .as('current_code_count'),
    ])
    .where('radios.vehicle_id', '=', vehicleId)
    .orderBy('radios.removed_at', 'asc')
    .orderBy('radios.id', 'desc')
    .execute()
  const installedFirst = [...rows].sort((a, b) => Number(a.removed_at !== null) - Number(b.removed_at !== null) || b.id - a.id)
  return installedFirst.map((row) => ({
    id: row.id,
    vehicleId: row.vehicle_id,
    serial: row.serial,
    headUnit: row.head_unit,
    installedAt: row.installed_at,
    removedAt: row.removed_at,
    removedReason: row.removed_reason,
    createdAt: row.created_at,
    codeStatus: Number(row.current_code_count ?? 0) === 0 ? 'none' : row.current_code_verified_at ? 'verified' : 'on-file',
  }))
}

export async function findRadioVehicleId(db: Executor, radioId: number): Promise<number | null> {
  const row = await db.selectFrom('radios').select('vehicle_id').where('id', '=', radioId).executeTakeFirst()
  return row?.vehicle_id ?? null
}
