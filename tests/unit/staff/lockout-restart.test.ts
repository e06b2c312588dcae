import { describe, expect, it } from 'vitest'
import { openTestDatabase } from '../../helpers/db'
import { useTempDirs } from '../../helpers/temp-dir'
import { PINS, buildWorld, createTestClock, hireCrew } from '../vault/fixtures'

const tempDirs = useTempDirs()

describe('lockout survives a restart', () => {
  it('is still locked after closing and reopening the database file, and a manager reset clears it', async () => {
    const dir = tempDirs.make()
    const clock = createTestClock()

    const first = await openTestDatabase(dir)
    let deskId: number
    let managerId: number
    try {
      const world = await buildWorld(first, { clock })
      const crew = await hireCrew(world)
      deskId = crew.desk.id
      managerId = crew.manager.id
      for (let i = 0; i < 5; i++) await world.staff.verifyPin(deskId, '9999')
      clock.advance(30_000)
      // The 6th wrong PIN in a row, once the 30-second lock is over, locks for 1 minute.
      await world.staff.verifyPin(deskId, '9999')
      expect(await world.staff.getStaff(deskId)).toMatchObject({ failedPinAttempts: 6, lockedUntil: '2026-11-24T09:01:30.000Z' })
    } finally {
      await first.close()
    }

    // A restart: new process state, same file, opened the way the app opens it.
    clock.advance(10_000)
    const second = await openTestDatabase(dir)
    try {
      const world = await buildWorld(second, { clock, initialize: false })
      expect(await world.staff.verifyPin(deskId, PINS.desk)).toMatchObject({ ok: false, reason: 'locked', lockedUntil: '2026-11-24T09:01:30.000Z' })
      // The counter carried over: the next wrong PIN (after the lock ends) is the 7th and locks for 2 minutes.
      clock.advance(50_000)
      expect(await world.staff.verifyPin(deskId, '9999')).toMatchObject({ reason: 'wrong-pin', lockedUntil: '2026-11-24T09:03:30.000Z' })
      await world.staff.resetPin(managerId, deskId, '3691')
      expect(await world.staff.verifyPin(deskId, '3691')).toMatchObject({ ok: true })
      const actions = (second.sqlite.prepare("select action from audit_log where action like 'staff.%' order by id").all() as { action: string }[]).map(
        (row) => row.action,
      )
      expect(actions.filter((action) => action === 'staff.locked')).toHaveLength(3)
      expect(actions.at(-1)).toBe('staff.pin.reset')
    } finally {
      await second.close()
    }
  })
})
