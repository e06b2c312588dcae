import { describe, expect, it } from 'vitest'
import { insertCustomer } from '../../../../electron/db/repositories/customers'
import {
  findVehicleById,
  findVehicleByVin,
  findVehicleSummariesByIds,
  insertVehicle,
  listOwnershipHistory,
  listVehiclesOfCustomer,
  listVehicleSummaries,
  transferOwnership,
  updateVehicleFields,
} from '../../../../electron/db/repositories/vehicles'
import { mapSqliteError } from '../../../../electron/db/sqlite-errors'
import { newCustomerSchema } from '../../../../shared/domain/customer'
import { newVehicleSchema, vehicleFieldsSchema, type NewVehicleInput } from '../../../../shared/domain/vehicle'
import { useTestDatabase } from '../../../helpers/db'

const database = useTestDatabase()
const db = () => database.current.db

const T0 = '2026-11-24T06:00:00.000Z'
const T1 = '2026-11-24T07:00:00.000Z'
const T2 = '2026-11-24T08:00:00.000Z'
const T3 = '2026-11-24T09:00:00.000Z'
const T4 = '2026-11-24T10:00:00.000Z'
const VIN = '1HGCM82633A004352'

async function customer(name: string): Promise<number> {
  const parsed = newCustomerSchema.parse({ name })
  return (await db().transaction().execute((trx) => insertCustomer(trx, parsed, T0))).id
}

async function vehicle(input: NewVehicleInput, now = T0): Promise<number> {
  const parsed = newVehicleSchema.parse(input)
  return db().transaction().execute((trx) => insertVehicle(trx, parsed, now, null))
}

async function transfer(vehicleId: number, toCustomerId: number, now: string, notes = ''): Promise<number | null> {
  return db().transaction().execute((trx) => transferOwnership(trx, vehicleId, toCustomerId, now, null, notes))
}

function sqliteErrorCode(run: () => unknown): string | undefined {
  try {
    run()
  } catch (error) {
    return (error as { code?: string }).code
  }
  return undefined
}

describe('vehicles repository', () => {
  it('inserts a vehicle with its first owner spell and reads it back', async () => {
    const ana = await customer('Ana')
    const id = await vehicle({
      ownerId: ana,
      vin: VIN,
      year: 2003,
      make: 'Honda',
      model: 'Accord',
      trim: 'EX',
      engine: '2.4L I4',
      plate: '7abc 123',
      plateState: 'tx',
      colour: 'Blue',
      notes: 'Scratched bumper',
    })
    expect(await findVehicleById(db(), id)).toEqual({
      id,
      vin: VIN,
      year: 2003,
      make: 'Honda',
      model: 'Accord',
      trim: 'EX',
      engine: '2.4L I4',
      plate: '7ABC 123',
      plateState: 'TX',
      colour: 'Blue',
      notes: 'Scratched bumper',
      currentOwner: { customerId: ana, name: 'Ana' },
      createdAt: T0,
      updatedAt: T0,
    })
    const row = database.current.sqlite.prepare('select vin, plate_key from vehicles where id = ?').get(id)
    expect(row).toEqual({ vin: VIN, plate_key: '7ABC123' })
    expect(await listOwnershipHistory(db(), id)).toEqual([{ customerId: ana, name: 'Ana', startedAt: T0, endedAt: null, notes: '' }])
  })

  it('stores an unknown VIN as NULL, so any number of vehicles may have none (partial unique index)', async () => {
    const ana = await customer('Ana')
    const one = await vehicle({ ownerId: ana, make: 'Ford' })
    const two = await vehicle({ ownerId: ana, make: 'Ford' })
    expect(one).not.toBe(two)
    const vins = database.current.sqlite.prepare('select vin from vehicles order by id').pluck().all()
    expect(vins).toEqual([null, null])
    expect((await findVehicleById(db(), one))?.vin).toBe('')
    // Nothing is found for "no VIN", even though two vehicles have none.
    expect(await findVehicleByVin(db(), '')).toBeUndefined()
  })

  it('refuses a second vehicle with the same VIN at the database level (mapped to DUPLICATE)', async () => {
    const ana = await customer('Ana')
    await vehicle({ ownerId: ana, vin: VIN })
    await expect(vehicle({ ownerId: ana, vin: VIN })).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' })
    expect(database.current.sqlite.prepare('select count(*) from vehicles').pluck().get()).toBe(1)
    expect(database.current.sqlite.prepare('select count(*) from vehicle_ownerships').pluck().get()).toBe(1)

    const code = sqliteErrorCode(() =>
      database.current.sqlite
        .prepare("insert into vehicles (vin, created_at, updated_at) values (?, 'x', 'x')")
        .run(VIN),
    )
    expect(code).toBe('SQLITE_CONSTRAINT_UNIQUE')
    expect(mapSqliteError({ code })?.code).toBe('DUPLICATE')
  })

  it('allows only one open owner spell per vehicle', async () => {
    const ana = await customer('Ana')
    const bob = await customer('Bob')
    const id = await vehicle({ ownerId: ana })
    const code = sqliteErrorCode(() =>
      database.current.sqlite
        .prepare("insert into vehicle_ownerships (vehicle_id, customer_id, started_at) values (?, ?, 'x')")
        .run(id, bob),
    )
    expect(code).toBe('SQLITE_CONSTRAINT_UNIQUE')
  })

  it('finds a vehicle by its exact VIN with the current owner, and nothing for another VIN', async () => {
    const ana = await customer('Ana')
    const id = await vehicle({ ownerId: ana, vin: VIN })
    await vehicle({ ownerId: ana })
    expect(await findVehicleByVin(db(), VIN)).toMatchObject({ id, vin: VIN, currentOwner: { customerId: ana, name: 'Ana' } })
    expect(await findVehicleByVin(db(), '1HGCM82633A004353')).toBeUndefined()
    expect(await findVehicleById(db(), 999)).toBeUndefined()
  })

  it('updates the fields (not the owner) and says whether the vehicle exists', async () => {
    const ana = await customer('Ana')
    const id = await vehicle({ ownerId: ana, vin: VIN, make: 'Honda', plate: 'OLD 1' })
    const fields = vehicleFieldsSchema.parse({ vin: '', year: 2004, make: 'Honda', model: 'Civic', plate: 'new-22' })
    expect(await updateVehicleFields(db(), id, fields, T1)).toBe(true)
    expect(await findVehicleById(db(), id)).toMatchObject({
      vin: '',
      year: 2004,
      model: 'Civic',
      plate: 'NEW-22',
      createdAt: T0,
      updatedAt: T1,
      currentOwner: { customerId: ana },
    })
    expect(database.current.sqlite.prepare('select vin, plate_key from vehicles where id = ?').get(id)).toEqual({
      vin: null,
      plate_key: 'NEW22',
    })
    expect(await updateVehicleFields(db(), 999, fields, T1)).toBe(false)
  })

  it('transfers ownership: ends the open spell, starts a new one, bumps updated_at, returns the previous owner', async () => {
    const ana = await customer('Ana')
    const bob = await customer('Bob')
    const id = await vehicle({ ownerId: ana })
    expect(await transfer(id, bob, T1, 'Sold')).toBe(ana)
    expect(await findVehicleById(db(), id)).toMatchObject({ currentOwner: { customerId: bob, name: 'Bob' }, updatedAt: T1 })
    expect(await listOwnershipHistory(db(), id)).toEqual([
      { customerId: bob, name: 'Bob', startedAt: T1, endedAt: null, notes: 'Sold' },
      { customerId: ana, name: 'Ana', startedAt: T0, endedAt: T1, notes: '' },
    ])
  })

  it('transfers a vehicle that has no open spell, returning null as the previous owner', async () => {
    const ana = await customer('Ana')
    const bob = await customer('Bob')
    const id = await vehicle({ ownerId: ana })
    database.current.sqlite.prepare('update vehicle_ownerships set ended_at = ? where vehicle_id = ?').run(T1, id)
    expect((await findVehicleById(db(), id))?.currentOwner).toBeNull()
    expect(await transfer(id, bob, T2)).toBeNull()
    expect((await findVehicleById(db(), id))?.currentOwner).toEqual({ customerId: bob, name: 'Bob' })
  })

  it('orders spells with the same start time newest (last recorded) first', async () => {
    const ana = await customer('Ana')
    const bob = await customer('Bob')
    const id = await vehicle({ ownerId: ana }, T0)
    await transfer(id, bob, T0)
    expect((await listOwnershipHistory(db(), id)).map((s) => s.customerId)).toEqual([bob, ana])
  })

  describe('listVehiclesOfCustomer', () => {
    it('splits a customer’s vehicles into current and previous', async () => {
      const ana = await customer('Ana')
      const bob = await customer('Bob')
      const kept = await vehicle({ ownerId: ana, make: 'Honda', model: 'Accord', plate: 'A 1', year: 2003, colour: 'Red' })
      const sold = await vehicle({ ownerId: ana, make: 'Ford', model: 'Focus' })
      await transfer(sold, bob, T1)

      const anas = await listVehiclesOfCustomer(db(), ana)
      expect(anas.current).toEqual([
        { id: kept, vin: '', year: 2003, make: 'Honda', model: 'Accord', plate: 'A 1', plateState: '', colour: 'Red' },
      ])
      expect(anas.previous.map((v) => v.id)).toEqual([sold])
      const bobs = await listVehiclesOfCustomer(db(), bob)
      expect(bobs.current.map((v) => v.id)).toEqual([sold])
      expect(bobs.previous).toEqual([])
    })

    it('a vehicle sold and bought back is current once and not previous; sold twice is previous once', async () => {
      const ana = await customer('Ana')
      const bob = await customer('Bob')
      const id = await vehicle({ ownerId: ana })
      await transfer(id, bob, T1)
      await transfer(id, ana, T2)
      let anas = await listVehiclesOfCustomer(db(), ana)
      expect(anas.current.map((v) => v.id)).toEqual([id])
      expect(anas.previous).toEqual([])

      await transfer(id, bob, T3)
      await transfer(id, ana, T4)
      anas = await listVehiclesOfCustomer(db(), ana)
      expect(anas.current.map((v) => v.id)).toEqual([id])
      expect(anas.previous).toEqual([])
      const bobs = await listVehiclesOfCustomer(db(), bob)
      expect(bobs.current).toEqual([])
      expect(bobs.previous.map((v) => v.id)).toEqual([id])
    })

    it('lists the most recently acquired first, and leaves out archived vehicles', async () => {
      const ana = await customer('Ana')
      const older = await vehicle({ ownerId: ana, make: 'A' }, T0)
      const newer = await vehicle({ ownerId: ana, make: 'B' }, T1)
      const archived = await vehicle({ ownerId: ana, make: 'C' }, T2)
      database.current.sqlite.prepare('update vehicles set archived_at = ? where id = ?').run(T3, archived)
      expect((await listVehiclesOfCustomer(db(), ana)).current.map((v) => v.id)).toEqual([newer, older])
    })

    it('is empty for a customer with no vehicles', async () => {
      const ana = await customer('Ana')
      expect(await listVehiclesOfCustomer(db(), ana)).toEqual({ current: [], previous: [] })
    })
  })

  it('lists vehicle summaries most recently changed first, without archived ones, up to the limit', async () => {
    const ana = await customer('Ana')
    const bob = await customer('Bob')
    const a = await vehicle({ ownerId: ana, make: 'A' }, T0)
    const b = await vehicle({ ownerId: ana, make: 'B' }, T1)
    const c = await vehicle({ ownerId: ana, make: 'C' }, T2)
    const archived = await vehicle({ ownerId: ana, make: 'D' }, T3)
    database.current.sqlite.prepare('update vehicles set archived_at = ? where id = ?').run(T3, archived)
    await transfer(a, bob, T4) // a transfer counts as a change
    expect((await listVehicleSummaries(db(), 100)).map((v) => v.id)).toEqual([a, c, b])
    expect((await listVehicleSummaries(db(), 2)).map((v) => v.id)).toEqual([a, c])
  })

  it('finds summaries by ids, and nothing for no ids', async () => {
    const ana = await customer('Ana')
    const a = await vehicle({ ownerId: ana, make: 'A', vin: VIN })
    await vehicle({ ownerId: ana, make: 'B' })
    const c = await vehicle({ ownerId: ana, make: 'C' })
    const found = await findVehicleSummariesByIds(db(), [c, a, 999])
    expect(found.map((v) => v.id).sort((x, y) => x - y)).toEqual([a, c])
    expect(found.find((v) => v.id === a)).toMatchObject({ vin: VIN, make: 'A' })
    expect(await findVehicleSummariesByIds(db(), [])).toEqual([])
  })
})
