import type { OpenedDatabase } from '../../../electron/db/open'
import { insertRadio } from '../../../electron/db/repositories/radios'
import { createTestKeyProtector, type KeyProtector } from '../../../electron/main/vault/key-protector'
import { createRadioCodeService, type RadioCodeService, type RadioCodeServiceOptions } from '../../../electron/main/vault/radio-code-service'
import type { ScryptCost } from '../../../electron/main/vault/scrypt'
import { createVault, type Vault } from '../../../electron/main/vault/vault'
import { createDeskSession, type DeskSession } from '../../../electron/main/staff/session'
import { createStaffService, type StaffService } from '../../../electron/main/staff/staff-service'
import type { StaffMember } from '../../../shared/domain/staff'

/** The smallest accepted scrypt cost: keeps tests fast. One test runs the real OWASP cost. */
export const FAST_SCRYPT: ScryptCost = Object.freeze({ N: 2 ** 10, r: 8, p: 1 })

export const WORKSTATION = '6f1c0d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f'

export interface TestClock {
  readonly now: () => Date
  advance(ms: number): void
  set(iso: string): void
}

export function createTestClock(start = '2026-11-24T09:00:00.000Z'): TestClock {
  let t = Date.parse(start)
  return {
    now: () => new Date(t),
    advance(ms) {
      t += ms
    },
    set(iso) {
      t = Date.parse(iso)
    },
  }
}

export function testProtector(): KeyProtector {
  return createTestKeyProtector({ use: 'tests' })
}

export interface World {
  readonly opened: OpenedDatabase
  readonly clock: TestClock
  readonly vault: Vault
  readonly staff: StaffService
  readonly session: DeskSession
  readonly codes: RadioCodeService
}

/** Vault (test key), staff, session and codes over an opened database. `initialize` sets the vault up; otherwise it is unlocked. */
export async function buildWorld(
  opened: OpenedDatabase,
  options: {
    clock?: TestClock
    initialize?: boolean
    /** The test key unless given. */
    protector?: KeyProtector
    checkFormat?: RadioCodeServiceOptions['checkFormat']
  } = {},
): Promise<World> {
  const clock = options.clock ?? createTestClock()
  const vault = createVault({ db: opened.db, workstationId: WORKSTATION, now: clock.now, allowTestKeys: true })
  const protector = options.protector ?? testProtector()
  if (options.initialize ?? true) await vault.initialize(protector)
  else await vault.unlock(protector)
  const staff = createStaffService({ db: opened.db, vault, workstationId: WORKSTATION, now: clock.now, pinHashCost: FAST_SCRYPT })
  const session = createDeskSession({ now: clock.now })
  const codes = createRadioCodeService({
    db: opened.db,
    vault,
    staff,
    session,
    workstationId: WORKSTATION,
    now: clock.now,
    ...(options.checkFormat ? { checkFormat: options.checkFormat } : {}),
  })
  return { opened, clock, vault, staff, session, codes }
}

export interface Crew {
  readonly manager: StaffMember
  readonly desk: StaffMember
  readonly tech: StaffMember
  readonly revealer: StaffMember
}

export const PINS = { manager: '2580', desk: '4826', tech: '7391', revealer: '5173' } as const

export async function hireCrew(world: World): Promise<Crew> {
  const manager = await world.staff.createFirstManager({ name: 'Maria Manager', pin: PINS.manager })
  const desk = await world.staff.addStaff(manager.id, { name: 'Dana Desk', role: 'desk', pin: PINS.desk })
  const tech = await world.staff.addStaff(manager.id, { name: 'Tomas Tech', role: 'technician', pin: PINS.tech })
  const revealer = await world.staff.addStaff(manager.id, {
    name: 'Rita Reveal',
    role: 'desk',
    pin: PINS.revealer,
    canRevealCodes: true,
    canPrintCodes: true,
  })
  return { manager, desk, tech, revealer }
}

/** A vehicle with one installed radio; returns the radio id. */
export async function seedRadio(opened: OpenedDatabase, serial = 'M123456'): Promise<number> {
  const now = '2026-11-24T08:00:00.000Z'
  return opened.db.transaction().execute(async (trx) => {
    const vehicle = await trx
      .insertInto('vehicles')
      .values({ make: 'Honda', model: 'Accord', year: 2009, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow()
    return insertRadio(trx, { vehicleId: vehicle.id, serial, headUnit: 'OEM', installedAt: null }, now, null, '')
  })
}
