import { describe, expect, it } from 'vitest'
import { verifyAuditChain } from '../../../electron/db/repositories/audit'
import { createVault } from '../../../electron/main/vault/vault'
import { createStaffService } from '../../../electron/main/staff/staff-service'
import { useTestDatabase } from '../../helpers/db'
import { FAST_SCRYPT, PINS, WORKSTATION, buildWorld, createTestClock, hireCrew } from '../vault/fixtures'

const database = useTestDatabase()

function auditRows(action?: string) {
  const sqlite = database.current.sqlite
  const rows = (
    action
      ? sqlite.prepare('select * from audit_log where action = ? order by id').all(action)
      : sqlite.prepare('select * from audit_log order by id').all()
  ) as { staff_id: number | null; action: string; entity_type: string; entity_id: number | null; details_json: string }[]
  return rows.map((row) => ({ ...row, details: JSON.parse(row.details_json) as Record<string, unknown> }))
}

describe('staff service: first start', () => {
  it('creates the first manager only while no staff exists', async () => {
    const world = await buildWorld(database.current)
    expect(await world.staff.needsFirstManager()).toBe(true)
    const manager = await world.staff.createFirstManager({ name: ' Maria  Manager ', pin: PINS.manager })
    expect(manager).toMatchObject({ name: 'Maria Manager', role: 'manager', canRevealCodes: true, canPrintCodes: true, active: true })
    expect(await world.staff.needsFirstManager()).toBe(false)
    await expect(world.staff.createFirstManager({ name: 'Mallory', pin: '9513' })).rejects.toMatchObject({ code: 'CONFLICT' })
    expect(auditRows('staff.create')).toMatchObject([{ staff_id: manager.id, entity_id: manager.id, details: { role: 'manager', firstManager: true } }])
  })

  it('needs an unlocked vault (the pepper) to hash a PIN', async () => {
    const clock = createTestClock()
    const vault = createVault({ db: database.current.db, workstationId: WORKSTATION, now: clock.now, allowTestKeys: true })
    const staff = createStaffService({ db: database.current.db, vault, workstationId: WORKSTATION, now: clock.now, pinHashCost: FAST_SCRYPT })
    await expect(staff.createFirstManager({ name: 'Maria', pin: PINS.manager })).rejects.toMatchObject({
      code: 'VAULT_LOCKED',
      message: expect.stringMatching(/vault is locked/),
    })
  })

  it('rejects weak PINs with the rule’s message', async () => {
    const world = await buildWorld(database.current)
    await expect(world.staff.createFirstManager({ name: 'Maria', pin: '1234' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/straight run/),
    })
  })
})

describe('staff service: permissions', () => {
  it('a desk user or technician cannot add staff, change permissions, reset PINs or deactivate', async () => {
    const world = await buildWorld(database.current)
    const crew = await hireCrew(world)
    for (const actor of [crew.desk, crew.tech, crew.revealer]) {
      await expect(world.staff.addStaff(actor.id, { name: 'Eve', role: 'desk', pin: '9513' })).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: 'Only a manager can do this. Ask a manager to sign in.',
      })
      await expect(
        world.staff.setPermissions(actor.id, { staffId: actor.id, canRevealCodes: true, canPrintCodes: true }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' })
      await expect(world.staff.resetPin(actor.id, crew.desk.id, '9513')).rejects.toMatchObject({ code: 'FORBIDDEN' })
      await expect(world.staff.setActive(actor.id, crew.manager.id, false)).rejects.toMatchObject({ code: 'FORBIDDEN' })
    }
    expect((await world.staff.listStaff()).map((member) => member.name)).not.toContain('Eve')
  })

  it('lists staff without PIN hashes', async () => {
    const world = await buildWorld(database.current)
    await hireCrew(world)
    const list = await world.staff.listStaff()
    expect(list).toHaveLength(4)
    const text = JSON.stringify(list)
    expect(text).not.toMatch(/scrypt|pin_?hash/i)
    for (const member of list) expect(Object.keys(member)).not.toContain('pinHash')
  })

  it('the manager sets who may reveal and print; the change is audited with before and after', async () => {
    const world = await buildWorld(database.current)
    const crew = await hireCrew(world)
    expect(crew.desk).toMatchObject({ canRevealCodes: false, canPrintCodes: false })
    const updated = await world.staff.setPermissions(crew.manager.id, { staffId: crew.desk.id, canRevealCodes: true, canPrintCodes: false })
    expect(updated).toMatchObject({ canRevealCodes: true, canPrintCodes: false })
    expect(auditRows('staff.permissions')).toMatchObject([
      {
        staff_id: crew.manager.id,
        entity_id: crew.desk.id,
        details: { canRevealCodesBefore: false, canRevealCodes: true, canPrintCodesBefore: false, canPrintCodes: false },
      },
    ])
    await expect(
      world.staff.setPermissions(crew.manager.id, { staffId: crew.manager.id, canRevealCodes: false, canPrintCodes: false }),
    ).rejects.toMatchObject({ code: 'CONFLICT' })
  })

  it('the only active manager cannot be deactivated; a deactivated member cannot use their PIN', async () => {
    const world = await buildWorld(database.current)
    const crew = await hireCrew(world)
    await expect(world.staff.setActive(crew.manager.id, crew.manager.id, false)).rejects.toMatchObject({ code: 'CONFLICT' })
    await world.staff.setActive(crew.manager.id, crew.tech.id, false)
    expect(await world.staff.verifyPin(crew.tech.id, PINS.tech)).toMatchObject({ ok: false, reason: 'inactive' })
    await expect(world.staff.addStaff(crew.tech.id, { name: 'Eve', role: 'desk', pin: '9513' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect(auditRows('staff.deactivate')).toHaveLength(1)
  })
})

describe('staff service: PIN checks and lockout', () => {
  it('accepts the right PIN and refuses a wrong one, saying how many tries are left; failures are audited', async () => {
    const world = await buildWorld(database.current)
    const crew = await hireCrew(world)
    expect(await world.staff.verifyPin(crew.desk.id, PINS.desk)).toMatchObject({ ok: true, staff: { id: crew.desk.id } })
    const wrong = await world.staff.verifyPin(crew.desk.id, '1111')
    expect(wrong).toMatchObject({ ok: false, reason: 'wrong-pin', attemptsBeforeLock: 4 })
    expect(wrong.ok ? '' : wrong.message).toBe('Wrong PIN. 4 more wrong PINs lock this account for a while.')
    expect(auditRows('staff.pin.failed')).toMatchObject([
      { staff_id: crew.desk.id, entity_type: 'staff', entity_id: crew.desk.id, details: { reason: 'wrong-pin', counted: true, failedAttempts: 1 } },
    ])
    expect(JSON.stringify(auditRows())).not.toContain('1111')
    expect(JSON.stringify(auditRows())).not.toContain(PINS.desk)
  })

  it('locks after five wrong PINs; while locked even the right PIN is refused and not counted; then it works and resets', async () => {
    const world = await buildWorld(database.current)
    const crew = await hireCrew(world)
    for (let i = 1; i <= 4; i++) expect(await world.staff.verifyPin(crew.desk.id, '9999')).toMatchObject({ reason: 'wrong-pin', attemptsBeforeLock: 5 - i })
    const fifth = await world.staff.verifyPin(crew.desk.id, '9999')
    expect(fifth).toMatchObject({ ok: false, reason: 'wrong-pin', attemptsBeforeLock: 0, lockedUntil: '2026-11-24T09:00:30.000Z' })
    expect(auditRows('staff.locked')).toMatchObject([
      { entity_id: crew.desk.id, details: { failedAttempts: 5, lockedUntil: '2026-11-24T09:00:30.000Z', lockMs: 30_000, untilManagerReset: false } },
    ])
    const whileLocked = await world.staff.verifyPin(crew.desk.id, PINS.desk)
    expect(whileLocked).toMatchObject({ ok: false, reason: 'locked' })
    expect(whileLocked.ok ? '' : whileLocked.message).toMatch(/Try again in 30 seconds/)
    expect((await world.staff.getStaff(crew.desk.id)).failedPinAttempts).toBe(5)
    expect(auditRows('staff.pin.failed').at(-1)).toMatchObject({ details: { reason: 'locked', counted: false } })

    world.clock.advance(30_000)
    const sixth = await world.staff.verifyPin(crew.desk.id, '9999')
    expect(sixth).toMatchObject({ reason: 'wrong-pin', lockedUntil: '2026-11-24T09:01:30.000Z' })
    world.clock.advance(60_000)
    expect(await world.staff.verifyPin(crew.desk.id, PINS.desk)).toMatchObject({ ok: true })
    expect(await world.staff.getStaff(crew.desk.id)).toMatchObject({ failedPinAttempts: 0, lockedUntil: null })
  })

  it('parallel guesses are checked one at a time, so they cannot slip past the lock', async () => {
    const world = await buildWorld(database.current)
    const crew = await hireCrew(world)
    const results = await Promise.all(Array.from({ length: 12 }, () => world.staff.verifyPin(crew.desk.id, '9999')))
    expect(results.filter((result) => !result.ok && result.reason === 'wrong-pin')).toHaveLength(5)
    expect(results.filter((result) => !result.ok && result.reason === 'locked')).toHaveLength(7)
    expect((await world.staff.getStaff(crew.desk.id)).failedPinAttempts).toBe(5)
  })

  it('a manager reset gives a new PIN, clears the lock, and is audited', async () => {
    const world = await buildWorld(database.current)
    const crew = await hireCrew(world)
    for (let i = 0; i < 5; i++) await world.staff.verifyPin(crew.desk.id, '9999')
    expect((await world.staff.getStaff(crew.desk.id)).lockedUntil).not.toBeNull()
    const reset = await world.staff.resetPin(crew.manager.id, crew.desk.id, '3691')
    expect(reset).toMatchObject({ failedPinAttempts: 0, lockedUntil: null, needsManagerReset: false })
    expect(auditRows('staff.pin.reset')).toMatchObject([
      { staff_id: crew.manager.id, entity_id: crew.desk.id, details: { wasLocked: true, failedAttemptsBefore: 5, ownPin: false } },
    ])
    expect(await world.staff.verifyPin(crew.desk.id, PINS.desk)).toMatchObject({ ok: false, reason: 'wrong-pin' })
    expect(await world.staff.verifyPin(crew.desk.id, '3691')).toMatchObject({ ok: true })
    await expect(world.staff.resetPin(crew.manager.id, crew.desk.id, '0000')).rejects.toMatchObject({ code: 'VALIDATION' })
    expect(await verifyAuditChain(database.current.db)).toMatchObject({ ok: true })
  })

  it('an unknown staff id is simply not found', async () => {
    const world = await buildWorld(database.current)
    await hireCrew(world)
    expect(await world.staff.verifyPin(999, '4826')).toMatchObject({ ok: false, reason: 'not-found' })
    await expect(world.staff.getStaff(999)).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
