import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../schema'
import { primaryPhoneOf } from './customers'

/*
 * The rows a search result list shows, fetched by id in one query per kind
 * (never one query per hit).
 */

type Executor = Kysely<Database> | Transaction<Database>

export async function customerRowsByIds(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return []
  return db
    .selectFrom('customers')
    .select((eb) => [
      'customers.id',
      'customers.name',
      primaryPhoneOf(eb).as('phone'),
    ])
    .where('customers.id', 'in', ids)
    .where('customers.archived_at', 'is', null)
    .execute()
}

export async function vehicleRowsByIds(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return []
  return db
    .selectFrom('vehicles')
    .leftJoin('vehicle_ownerships', (join) =>
      join.onRef('vehicle_ownerships.vehicle_id', '=', 'vehicles.id').on('vehicle_ownerships.ended_at', 'is', null),
    )
    .leftJoin('customers', 'customers.id', 'vehicle_ownerships.customer_id')
    .select([
      'vehicles.id',
      'vehicles.vin',
      'vehicles.year',
      'vehicles.make',
      'vehicles.model',
      'vehicles.plate',
      'vehicles.plate_state',
      'customers.name as owner_name',
    ])
    .where('vehicles.id', 'in', ids)
    .where('vehicles.archived_at', 'is', null)
    .execute()
}

export async function radioRowsByIds(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return []
  return db
    .selectFrom('radios')
    .innerJoin('vehicles', 'vehicles.id', 'radios.vehicle_id')
    .leftJoin('vehicle_ownerships', (join) =>
      join.onRef('vehicle_ownerships.vehicle_id', '=', 'vehicles.id').on('vehicle_ownerships.ended_at', 'is', null),
    )
    .leftJoin('customers', 'customers.id', 'vehicle_ownerships.customer_id')
    .select([
      'radios.id',
      'radios.vehicle_id',
      'radios.serial',
      'radios.head_unit',
      'radios.removed_at',
      'vehicles.year',
      'vehicles.make',
      'vehicles.model',
      'customers.name as owner_name',
    ])
    .where('radios.id', 'in', ids)
    .execute()
}

/** The vehicle and customer of battery jobs, for a repair-order number match. */
export async function jobRefsByIds(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return []
  return db.selectFrom('battery_jobs').select(['id', 'vehicle_id', 'customer_id']).where('id', 'in', ids).execute()
}
