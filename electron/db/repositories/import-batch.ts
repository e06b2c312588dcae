import { sql, type Kysely, type Transaction } from 'kysely'
import { vehicleFieldsToRow } from './vehicles'
import type { NewCustomer } from '../../../shared/domain/customer'
import { compactKey, phoneDigits, toSearchKey } from '../../../shared/domain/normalize'
import type { VehicleFields } from '../../../shared/domain/vehicle'
import type { Database, RadioCodeSource } from '../schema'

/*
 * CSV import and export: set-at-a-time SQL, inside the caller's transaction.
 *
 * Inserts send their rows as one JSON array per statement
 * (`insert … select … from json_each(?)`): one bound parameter, so the
 * statement text is short and the same for every batch (cheap to prepare,
 * nothing for the query builder to compile per value), and there is no
 * bound-parameter limit to chunk around. JSON null is SQL NULL; JSON
 * numbers are integers. json_each yields the array in order, and one
 * INSERT … SELECT gives its rows increasing rowids in that order, so the
 * sorted ids RETURNING gives back line up with the input.
 */

type Executor = Kysely<Database> | Transaction<Database>

/** Rows per statement: bounds the size of one JSON parameter (a few MB), not a SQLite limit. */
const JSON_ROWS = 10_000

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

type Cell = string | number | null

/**
 * Inserts rows (objects with the same keys, in the same order) into `table`;
 * returns the new ids in input order when `returnIds` is set.
 */
async function insertRows(
  trx: Transaction<Database>,
  table: keyof Database,
  rows: readonly Readonly<Record<string, Cell>>[],
  returnIds: boolean,
): Promise<number[]> {
  const first = rows[0]
  if (!first) return []
  const columns = Object.keys(first)
  const names = sql.join(columns.map((column) => sql.ref(column)))
  const values = sql.join(columns.map((_, index) => sql`value ->> ${sql.lit(index)}`))
  const ids: number[] = []
  for (const part of chunks(rows, JSON_ROWS)) {
    const json = JSON.stringify(part.map((row) => columns.map((column) => row[column] ?? null)))
    if (!returnIds) {
      await sql`insert into ${sql.table(table)} (${names}) select ${values} from json_each(${json})`.execute(trx)
      continue
    }
    const result = await sql<{ id: number }>`insert into ${sql.table(table)} (${names}) select ${values} from json_each(${json}) returning id`.execute(trx)
    if (result.rows.length !== part.length) throw new Error(`${table}: inserted ${result.rows.length} of ${part.length} rows`)
    ids.push(...result.rows.map((row) => row.id).sort((a, b) => a - b))
  }
  return ids
}

// ---- look-ups for the duplicate check ----------------------------------------

export interface VinOnFile {
  readonly vin: string
  readonly vehicleId: number
  readonly ownerId: number | null
  readonly ownerName: string
}

export async function findVehiclesByVins(db: Executor, vins: readonly string[]): Promise<VinOnFile[]> {
  const out: VinOnFile[] = []
  for (const part of chunks([...new Set(vins)].filter((vin) => vin !== ''), JSON_ROWS)) {
    const rows = await db
      .selectFrom('vehicles')
      .leftJoin('vehicle_ownerships', (join) =>
        join.onRef('vehicle_ownerships.vehicle_id', '=', 'vehicles.id').on('vehicle_ownerships.ended_at', 'is', null),
      )
      .leftJoin('customers', 'customers.id', 'vehicle_ownerships.customer_id')
      .select(['vehicles.id', 'vehicles.vin', 'vehicle_ownerships.customer_id', 'customers.name'])
      .where(sql<boolean>`vehicles.vin in (select value from json_each(${JSON.stringify(part)}))`)
      .execute()
    for (const row of rows) {
      out.push({ vin: row.vin ?? '', vehicleId: row.id, ownerId: row.customer_id ?? null, ownerName: row.name ?? '' })
    }
  }
  return out
}

/** Active customers with any of these phone keys (digits without a leading US 1); `key` is the key that matched. */
export async function findCustomersByPhoneKeys(
  db: Executor,
  keys: readonly string[],
): Promise<{ key: string; customerId: number; name: string }[]> {
  const wanted = new Map<string, string>()
  for (const key of new Set(keys)) {
    if (key.length < 7) continue
    wanted.set(key, key)
    if (key.length === 10) wanted.set(`1${key}`, key)
  }
  const out: { key: string; customerId: number; name: string }[] = []
  for (const part of chunks([...wanted.keys()], JSON_ROWS)) {
    const rows = await db
      .selectFrom('customer_phones')
      .innerJoin('customers', 'customers.id', 'customer_phones.customer_id')
      .select(['customer_phones.digits', 'customers.id', 'customers.name'])
      .where(sql<boolean>`customer_phones.digits in (select value from json_each(${JSON.stringify(part)}))`)
      .where('customers.archived_at', 'is', null)
      .execute()
    for (const row of rows) out.push({ key: wanted.get(row.digits) ?? row.digits, customerId: row.id, name: row.name })
  }
  return out
}

/** The vehicle's installed radio, and whether it has a current code. */
export async function findInstalledRadio(
  db: Executor,
  vehicleId: number,
): Promise<{ id: number; serial: string; hasCurrentCode: boolean } | undefined> {
  const row = await db
    .selectFrom('radios')
    .select((eb) => [
      'radios.id',
      'radios.serial',
      eb
        .selectFrom('radio_codes')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('radio_codes.radio_id', '=', 'radios.id')
        .where('radio_codes.superseded_by', 'is', null)
        .as('current_codes'),
    ])
    .where('radios.vehicle_id', '=', vehicleId)
    .where('radios.removed_at', 'is', null)
    .orderBy('radios.id', 'desc')
    .executeTakeFirst()
  return row ? { id: row.id, serial: row.serial, hasCurrentCode: Number(row.current_codes ?? 0) > 0 } : undefined
}

// ---- batched inserts ----------------------------------------------------------

/** New customers with their phones; returns their ids in input order. */
export async function insertCustomersBatch(trx: Transaction<Database>, customers: readonly NewCustomer[], now: string): Promise<number[]> {
  const ids = await insertRows(
    trx,
    'customers',
    customers.map((input) => ({
      name: input.name,
      email: input.email,
      preferred_language: input.preferredLanguage,
      notes: input.notes,
      search_key: toSearchKey(input.name),
      created_at: now,
      updated_at: now,
    })),
    true,
  )
  const phones = customers.flatMap((input, index) =>
    input.phones.map((phone, position) => ({
      customer_id: ids[index] ?? 0,
      label: phone.label,
      number: phone.number,
      digits: phoneDigits(phone.number),
      position,
      created_at: now,
    })),
  )
  await insertRows(trx, 'customer_phones', phones, false)
  return ids
}

/** New vehicles, each with its first owner spell; returns their ids in input order. */
export async function insertVehiclesBatch(
  trx: Transaction<Database>,
  vehicles: readonly { fields: VehicleFields; ownerId: number }[],
  now: string,
  staffId: number | null,
): Promise<number[]> {
  const ids = await insertRows(
    trx,
    'vehicles',
    vehicles.map(({ fields }) => ({ ...vehicleFieldsToRow(fields, now), created_at: now })),
    true,
  )
  const ownerships = vehicles.map((vehicle, index) => ({
    vehicle_id: ids[index] ?? 0,
    customer_id: vehicle.ownerId,
    started_at: now,
    recorded_by: staffId,
  }))
  await insertRows(trx, 'vehicle_ownerships', ownerships, false)
  return ids
}

/** Radios for vehicles that have none installed (new vehicles); returns ids in input order. */
export async function insertRadiosBatch(
  trx: Transaction<Database>,
  radios: readonly { vehicleId: number; serial: string; headUnit: string }[],
  now: string,
  staffId: number | null,
): Promise<number[]> {
  return insertRows(
    trx,
    'radios',
    radios.map((radio) => ({
      vehicle_id: radio.vehicleId,
      serial: radio.serial,
      serial_key: compactKey(radio.serial),
      head_unit: radio.headUnit,
      installed_at: null,
      created_by: staffId,
      created_at: now,
      updated_at: now,
    })),
    true,
  )
}

export interface ImportedCodeRow {
  readonly radioId: number
  readonly ciphertext: string
  readonly keyId: number
  readonly source: RadioCodeSource
  readonly sourceDetail: string
  readonly enteredBy: number
}

/** Codes (ciphertext only) for radios without a current code; returns ids in input order. */
export async function insertRadioCodesBatch(trx: Transaction<Database>, codes: readonly ImportedCodeRow[], now: string): Promise<number[]> {
  return insertRows(
    trx,
    'radio_codes',
    codes.map((code) => ({
      radio_id: code.radioId,
      code_ciphertext: code.ciphertext,
      key_id: code.keyId,
      source: code.source,
      source_detail: code.sourceDetail,
      format_override_reason: null,
      entered_by: code.enteredBy,
      entered_at: now,
    })),
    true,
  )
}

// ---- export -------------------------------------------------------------------

export interface ExportCustomerRow {
  readonly id: number
  readonly name: string
  readonly email: string
  readonly preferredLanguage: 'en' | 'es'
  readonly notes: string
  readonly phones: { label: string; number: string }[]
}

export interface ExportVehicleRow {
  readonly id: number
  readonly ownerId: number
  readonly fields: VehicleFields
  readonly radio: { id: number; serial: string; headUnit: string } | null
}

/** Active customers, oldest first, with their phones in order. */
export async function listCustomersForExport(db: Executor): Promise<ExportCustomerRow[]> {
  const customers = await db
    .selectFrom('customers')
    .select(['id', 'name', 'email', 'preferred_language', 'notes'])
    .where('archived_at', 'is', null)
    .orderBy('id')
    .execute()
  const phones = await db
    .selectFrom('customer_phones')
    .innerJoin('customers', 'customers.id', 'customer_phones.customer_id')
    .select(['customer_phones.customer_id', 'customer_phones.label', 'customer_phones.number'])
    .where('customers.archived_at', 'is', null)
    .orderBy('customer_phones.customer_id')
    .orderBy('customer_phones.position')
    .execute()
  const byCustomer = new Map<number, { label: string; number: string }[]>()
  for (const phone of phones) {
    const list = byCustomer.get(phone.customer_id) ?? []
    list.push({ label: phone.label, number: phone.number })
    byCustomer.set(phone.customer_id, list)
  }
  return customers.map((row) => ({
    id: row.id,
    name: row.name,
    email: row.email,
    preferredLanguage: row.preferred_language,
    notes: row.notes,
    phones: byCustomer.get(row.id) ?? [],
  }))
}

/** Active vehicles with their current owner and installed radio (the newest, if several). */
export async function listVehiclesForExport(db: Executor): Promise<ExportVehicleRow[]> {
  const rows = await db
    .selectFrom('vehicles')
    .innerJoin('vehicle_ownerships', (join) =>
      join.onRef('vehicle_ownerships.vehicle_id', '=', 'vehicles.id').on('vehicle_ownerships.ended_at', 'is', null),
    )
    .leftJoin('radios', (join) => join.onRef('radios.vehicle_id', '=', 'vehicles.id').on('radios.removed_at', 'is', null))
    .select([
      'vehicles.id',
      'vehicle_ownerships.customer_id',
      'vehicles.vin',
      'vehicles.year',
      'vehicles.make',
      'vehicles.model',
      'vehicles.trim',
      'vehicles.engine',
      'vehicles.plate',
      'vehicles.plate_state',
      'vehicles.colour',
      'vehicles.notes',
      'radios.id as radio_id',
      'radios.serial',
      'radios.head_unit',
    ])
    .where('vehicles.archived_at', 'is', null)
    .orderBy('vehicles.id')
    .orderBy('radios.id', 'desc')
    .execute()
  const out: ExportVehicleRow[] = []
  let lastId = -1
  for (const row of rows) {
    if (row.id === lastId) continue
    lastId = row.id
    out.push({
      id: row.id,
      ownerId: row.customer_id,
      fields: {
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
      },
      radio: row.radio_id === null ? null : { id: row.radio_id, serial: row.serial ?? '', headUnit: row.head_unit ?? '' },
    })
  }
  return out
}

/** Current code ciphertexts for these radios (the newest current one each), for decrypting in the vault only. */
export async function findCurrentCodeSecrets(
  db: Executor,
  radioIds: readonly number[],
): Promise<Map<number, { id: number; ciphertext: string; keyId: number }>> {
  const out = new Map<number, { id: number; ciphertext: string; keyId: number }>()
  for (const part of chunks(radioIds, JSON_ROWS)) {
    const rows = await db
      .selectFrom('radio_codes')
      .select(['id', 'radio_id', 'code_ciphertext', 'key_id'])
      .where(sql<boolean>`radio_id in (select value from json_each(${JSON.stringify(part)}))`)
      .where('superseded_by', 'is', null)
      .orderBy('id', 'desc')
      .execute()
    for (const row of rows) {
      if (!out.has(row.radio_id)) out.set(row.radio_id, { id: row.id, ciphertext: row.code_ciphertext, keyId: row.key_id })
    }
  }
  return out
}
