import { describe, expect, it } from 'vitest'
import { insertCustomer } from '../../../../electron/db/repositories/customers'
import { insertRadio } from '../../../../electron/db/repositories/radios'
import { customerRowsByIds, jobRefsByIds, radioRowsByIds, vehicleRowsByIds } from '../../../../electron/db/repositories/search-results'
import { insertVehicle, transferOwnership } from '../../../../electron/db/repositories/vehicles'
import { newCustomerSchema, type NewCustomerInput } from '../../../../shared/domain/customer'
import { newVehicleSchema, type NewVehicleInput } from '../../../../shared/domain/vehicle'
import { useTestDatabase } from '../../../helpers/db'

const database = useTestDatabase()
const db = () => database.current.db
const sqlite = () => database.current.sqlite

const T0 = '2026-11-24T06:00:00.000Z'
const T1 = '2026-11-24T07:00:00.000Z'
const VIN = '1HGCM82633A004352'

async function customer(input: NewCustomerInput): Promise<number> {
  return (await db().transaction().execute((trx) => insertCustomer(trx, newCustomerSchema.parse(input), T0))).id
}

async function vehicle(input: NewVehicleInput): Promise<number> {
  return db().transaction().execute((trx) => insertVehicle(trx, newVehicleSchema.parse(input), T0, null))
}

async function radio(vehicleId: number, serial: string, headUnit = '', now = T0): Promise<number> {
  return db()
    .transaction()
    .execute((trx) => insertRadio(trx, { vehicleId, serial, headUnit, installedAt: null }, now, null, 'replaced'))
}

function byId<T extends { id: number }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => a.id - b.id)
}

describe('search result rows', () => {
  it('customerRowsByIds: name and first phone by position, only the ids asked for, not archived', async () => {
    const ana = await customer({ name: 'Ana', phones: [{ number: '555-010-2030' }, { number: '555-010-9999' }] })
    const bob = await customer({ name: 'Bob' })
    const carla = await customer({ name: 'Carla', phones: [{ number: '555-777-0000' }] })
    const archived = await customer({ name: 'Archie', phones: [{ number: '555-888-0000' }] })
    sqlite().prepare('update customers set archived_at = ? where id = ?').run(T1, archived)
    // Swap positions directly: "first" is by position, not by insertion order.
    sqlite().prepare('update customer_phones set position = 1 - position where customer_id = ?').run(ana)

    expect(byId(await customerRowsByIds(db(), [ana, bob, archived, 999]))).toEqual([
      { id: ana, name: 'Ana', phone: '555-010-9999' },
      { id: bob, name: 'Bob', phone: null },
    ])
    expect((await customerRowsByIds(db(), [carla])).map((r) => r.id)).toEqual([carla])
    expect(await customerRowsByIds(db(), [])).toEqual([])
  })

  it('vehicleRowsByIds: one row per vehicle with the current owner’s name, not archived', async () => {
    const ana = await customer({ name: 'Ana' })
    const bob = await customer({ name: 'Bob' })
    const accord = await vehicle({ ownerId: ana, vin: VIN, year: 2003, make: 'Honda', model: 'Accord', plate: '7ABC 123', plateState: 'TX' })
    const focus = await vehicle({ ownerId: ana, make: 'Ford' })
    const archived = await vehicle({ ownerId: ana, make: 'Old' })
    sqlite().prepare('update vehicles set archived_at = ? where id = ?').run(T1, archived)
    await db().transaction().execute((trx) => transferOwnership(trx, accord, bob, T1, null, ''))

    expect(byId(await vehicleRowsByIds(db(), [accord, focus, archived, 999]))).toEqual([
      { id: accord, vin: VIN, year: 2003, make: 'Honda', model: 'Accord', plate: '7ABC 123', plate_state: 'TX', owner_name: 'Bob' },
      { id: focus, vin: null, year: null, make: 'Ford', model: '', plate: '', plate_state: '', owner_name: 'Ana' },
    ])
    expect(await vehicleRowsByIds(db(), [])).toEqual([])
  })

  it('vehicleRowsByIds: a vehicle with no open owner spell still shows, without an owner', async () => {
    const ana = await customer({ name: 'Ana' })
    const id = await vehicle({ ownerId: ana, make: 'Honda' })
    sqlite().prepare('update vehicle_ownerships set ended_at = ? where vehicle_id = ?').run(T1, id)
    expect(await vehicleRowsByIds(db(), [id])).toMatchObject([{ id, owner_name: null }])
  })

  it('radioRowsByIds: the radio with its vehicle, current owner and whether it was removed', async () => {
    const ana = await customer({ name: 'Ana' })
    const bob = await customer({ name: 'Bob' })
    const accord = await vehicle({ ownerId: ana, year: 2003, make: 'Honda', model: 'Accord' })
    const old = await radio(accord, 'OLD1', 'Factory')
    const current = await radio(accord, 'NEW1', 'Alpine', T1)
    await db().transaction().execute((trx) => transferOwnership(trx, accord, bob, T1, null, ''))

    expect(byId(await radioRowsByIds(db(), [old, current, 999]))).toEqual([
      { id: old, vehicle_id: accord, serial: 'OLD1', head_unit: 'Factory', removed_at: T1, year: 2003, make: 'Honda', model: 'Accord', owner_name: 'Bob' },
      { id: current, vehicle_id: accord, serial: 'NEW1', head_unit: 'Alpine', removed_at: null, year: 2003, make: 'Honda', model: 'Accord', owner_name: 'Bob' },
    ])
    expect(await radioRowsByIds(db(), [])).toEqual([])
  })

  it('jobRefsByIds: the vehicle and customer of each job asked for', async () => {
    const ana = await customer({ name: 'Ana' })
    const bob = await customer({ name: 'Bob' })
    const accord = await vehicle({ ownerId: ana, make: 'Honda' })
    const focus = await vehicle({ ownerId: bob, make: 'Ford' })
    const insertJob = sqlite().prepare(
      `insert into battery_jobs (ro_number, ro_key, vehicle_id, customer_id, status, checked_in_at, updated_at)
       values (?, ?, ?, ?, 'checked-in', ?, ?)`,
    )
    const one = Number(insertJob.run('RO-1', 'RO1', accord, ana, T0, T0).lastInsertRowid)
    const two = Number(insertJob.run('RO-2', 'RO2', focus, bob, T0, T0).lastInsertRowid)
    Number(insertJob.run('RO-3', 'RO3', focus, bob, T0, T0).lastInsertRowid)

    expect(byId(await jobRefsByIds(db(), [two, one, 999]))).toEqual([
      { id: one, vehicle_id: accord, customer_id: ana },
      { id: two, vehicle_id: focus, customer_id: bob },
    ])
    expect(await jobRefsByIds(db(), [])).toEqual([])
  })
})
