import { describe, expect, it } from 'vitest'
import { insertCustomer } from '../../../../electron/db/repositories/customers'
import { findInstalledRadioCodes } from '../../../../electron/db/repositories/battery-jobs'
import { findRadioVehicleId, insertRadio, listRadiosOfVehicle, updateRadioDetails } from '../../../../electron/db/repositories/radios'
import { insertVehicle } from '../../../../electron/db/repositories/vehicles'
import { newCustomerSchema } from '../../../../shared/domain/customer'
import { newVehicleSchema } from '../../../../shared/domain/vehicle'
import { useTestDatabase } from '../../../helpers/db'

const database = useTestDatabase()
const db = () => database.current.db
const sqlite = () => database.current.sqlite

const T0 = '2026-11-24T06:00:00.000Z'
const T1 = '2026-11-24T07:00:00.000Z'
const T2 = '2026-11-24T08:00:00.000Z'
/** Looks like AES-GCM output; never a real code. */
const DUMMY_CIPHERTEXT = Buffer.from('dummy-ciphertext-not-a-code').toString('base64')

async function vehicleOf(name: string): Promise<number> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const owner = await insertCustomer(trx, newCustomerSchema.parse({ name }), T0)
      return insertVehicle(trx, newVehicleSchema.parse({ ownerId: owner.id, make: 'Honda' }), T0, null)
    })
}

async function addRadio(vehicleId: number, serial: string, now: string, removedReason = 'replaced', headUnit = ''): Promise<number> {
  return db()
    .transaction()
    .execute((trx) => insertRadio(trx, { vehicleId, serial, headUnit, installedAt: null }, now, null, removedReason))
}

function staffId(): number {
  const result = sqlite()
    .prepare("insert into staff (name, role, created_at, updated_at) values ('Desk', 'desk', ?, ?)")
    .run(T0, T0)
  return Number(result.lastInsertRowid)
}

function addCode(radioId: number, enteredBy: number, options: { verified?: boolean } = {}): number {
  const result = sqlite()
    .prepare(
      `insert into radio_codes (radio_id, code_ciphertext, key_id, source, entered_by, entered_at, verified_by, verified_at)
       values (?, ?, 1, 'owner-card', ?, ?, ?, ?)`,
    )
    .run(radioId, DUMMY_CIPHERTEXT, enteredBy, T1, options.verified ? enteredBy : null, options.verified ? T1 : null)
  return Number(result.lastInsertRowid)
}

/** The old code stays, pointing to the one that replaced it. */
function supersede(oldCodeId: number, newCodeId: number): void {
  sqlite().prepare('update radio_codes set superseded_by = ?, superseded_at = ? where id = ?').run(newCodeId, T2, oldCodeId)
}

describe('radios repository', () => {
  it('inserts a radio with its serial key and lists it', async () => {
    const vehicleId = await vehicleOf('Ana')
    const id = await addRadio(vehicleId, 'U-123 456.7', T0, 'replaced', 'Factory CD')
    expect(sqlite().prepare('select serial, serial_key from radios where id = ?').get(id)).toEqual({
      serial: 'U-123 456.7',
      serial_key: 'U1234567',
    })
    expect(await listRadiosOfVehicle(db(), vehicleId)).toEqual([
      {
        id,
        vehicleId,
        serial: 'U-123 456.7',
        headUnit: 'Factory CD',
        installedAt: null,
        removedAt: null,
        removedReason: '',
        createdAt: T0,
        codeStatus: 'none',
      },
    ])
    expect(await findRadioVehicleId(db(), id)).toBe(vehicleId)
    expect(await findRadioVehicleId(db(), 999)).toBeNull()
  })

  it('a new radio marks the installed one removed with the reason; removed ones keep theirs', async () => {
    const vehicleId = await vehicleOf('Ana')
    const first = await addRadio(vehicleId, 'FIRST', T0)
    const second = await addRadio(vehicleId, 'SECOND', T1, 'Upgraded')
    const third = await addRadio(vehicleId, 'THIRD', T2, 'Stolen')
    const radios = await listRadiosOfVehicle(db(), vehicleId)
    expect(radios.map((r) => [r.id, r.removedAt, r.removedReason])).toEqual([
      [third, null, ''],
      [second, T2, 'Stolen'],
      [first, T1, 'Upgraded'],
    ])
    expect(sqlite().prepare('select count(*) from radios where removed_at is null and vehicle_id = ?').pluck().get(vehicleId)).toBe(1)
  })

  it('lists only this vehicle’s radios; another vehicle’s radio is not marked removed', async () => {
    const mine = await vehicleOf('Ana')
    const theirs = await vehicleOf('Bob')
    const other = await addRadio(theirs, 'OTHER', T0)
    const own = await addRadio(mine, 'MINE', T1)
    expect((await listRadiosOfVehicle(db(), mine)).map((r) => r.id)).toEqual([own])
    expect(await listRadiosOfVehicle(db(), theirs)).toMatchObject([{ id: other, removedAt: null }])
    expect(await listRadiosOfVehicle(db(), 999)).toEqual([])
  })

  it('updates serial, serial key and head unit, and says whether the radio exists', async () => {
    const vehicleId = await vehicleOf('Ana')
    const id = await addRadio(vehicleId, 'OLD', T0)
    expect(await updateRadioDetails(db(), id, 'NEW 99-1', 'Alpine', T1)).toBe(true)
    expect(sqlite().prepare('select serial, serial_key, head_unit, updated_at, created_at from radios where id = ?').get(id)).toEqual({
      serial: 'NEW 99-1',
      serial_key: 'NEW991',
      head_unit: 'Alpine',
      updated_at: T1,
      created_at: T0,
    })
    expect(await updateRadioDetails(db(), 999, 'X', '', T1)).toBe(false)
  })

  describe('code status (never the code)', () => {
    it('is none without codes, on-file with an unverified code, verified with a verified one', async () => {
      const vehicleId = await vehicleOf('Ana')
      const staff = staffId()
      const none = await addRadio(vehicleId, 'NONE', T0)
      const onFile = await addRadio(vehicleId, 'ONFILE', T0)
      const verified = await addRadio(vehicleId, 'VERIFIED', T0)
      addCode(onFile, staff)
      addCode(verified, staff, { verified: true })
      const status = Object.fromEntries((await listRadiosOfVehicle(db(), vehicleId)).map((r) => [r.id, r.codeStatus]))
      expect(status).toEqual({ [none]: 'none', [onFile]: 'on-file', [verified]: 'verified' })
    })

    it('looks only at the current code: superseded codes do not count', async () => {
      const vehicleId = await vehicleOf('Ana')
      const staff = staffId()
      // A verified code corrected by a new, not yet verified one: on-file, not verified.
      const corrected = await addRadio(vehicleId, 'CORRECTED', T0)
      const oldVerified = addCode(corrected, staff, { verified: true })
      supersede(oldVerified, addCode(corrected, staff))
      // An unverified code replaced by a verified one: verified.
      const confirmed = await addRadio(vehicleId, 'CONFIRMED', T0)
      const oldUnverified = addCode(confirmed, staff)
      supersede(oldUnverified, addCode(confirmed, staff, { verified: true }))
      // Several superseded codes in a chain, the last one unverified: still on-file, counted once.
      const chain = await addRadio(vehicleId, 'CHAIN', T0)
      const a = addCode(chain, staff, { verified: true })
      const b = addCode(chain, staff, { verified: true })
      const c = addCode(chain, staff)
      supersede(a, b)
      supersede(b, c)

      const status = Object.fromEntries((await listRadiosOfVehicle(db(), vehicleId)).map((r) => [r.id, r.codeStatus]))
      expect(status).toEqual({ [corrected]: 'on-file', [confirmed]: 'verified', [chain]: 'on-file' })
    })

    it('follows supersession, not the newest row: a newer verified code superseded by an older one does not count', async () => {
      const vehicleId = await vehicleOf('Ana')
      const staff = staffId()
      const radio = await addRadio(vehicleId, 'RESTORED', T0)
      const older = addCode(radio, staff)
      const newerVerified = addCode(radio, staff, { verified: true })
      supersede(newerVerified, older)
      expect((await listRadiosOfVehicle(db(), vehicleId)).map((r) => r.codeStatus)).toEqual(['on-file'])
    })

    it('never returns the ciphertext or any code field', async () => {
      const vehicleId = await vehicleOf('Ana')
      const radio = await addRadio(vehicleId, 'R1', T0)
      addCode(radio, staffId(), { verified: true })
      const radios = await listRadiosOfVehicle(db(), vehicleId)
      expect(JSON.stringify(radios)).not.toContain(DUMMY_CIPHERTEXT)
      expect(Object.keys(radios[0]!).sort()).toEqual(
        ['codeStatus', 'createdAt', 'headUnit', 'id', 'installedAt', 'removedAt', 'removedReason', 'serial', 'vehicleId'].sort(),
      )
    })
  })
})

describe('installed radio codes for many vehicles', () => {
  it('answers for more vehicles than SQLite takes bound variables (a busy Today board), newest radio per vehicle', async () => {
    const first = await vehicleOf('Ana')
    const second = await vehicleOf('Ben')
    const desk = staffId()
    await addRadio(first, 'OLD1', T0)
    const current = await addRadio(first, 'NEW1', T2, '')
    const codeId = addCode(current, desk, { verified: true })
    const other = await addRadio(second, 'B1', T1, '')
    const ids = [first, ...Array.from({ length: 40_000 }, (_, i) => 100_000 + i), second]
    const installed = await findInstalledRadioCodes(db(), ids)
    expect(installed.size).toBe(2)
    expect(installed.get(first)).toEqual({ radioId: current, code: { codeId, radioId: current, verified: true, source: 'owner-card' } })
    expect(installed.get(second)).toEqual({ radioId: other, code: null })
  })
})
