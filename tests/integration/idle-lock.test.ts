import { describe, expect, it } from 'vitest'
import type { IdleLockSetting } from '../../shared/domain/idle-lock'
import type { SecurityStatus } from '../../shared/domain/security'
import {
  DESK_PIN,
  MANAGER_PIN,
  MINUTE,
  addStaff,
  countRows,
  createHandClock,
  errorOf,
  firstStart,
  signIn,
  useDesks,
  valueOf,
  type Call,
} from './desk-harness'

/*
 * The idle sign-out time as a shop setting: readable by everyone, changed by
 * a manager (audited), used by the desk session at once and after a restart.
 */

const desks = useDesks()

async function signedInName(call: Call): Promise<string | null> {
  return valueOf(await call<SecurityStatus>('security.status', {})).signedIn?.name ?? null
}

describe('idle lock setting', () => {
  it('defaults to 5 minutes and anyone may read it, signed in or not', async () => {
    const desk = await desks.start()
    const expected: IdleLockSetting = { minutes: 5, isDefault: true, defaultMinutes: 5, minMinutes: 1, maxMinutes: 60 }
    expect(valueOf(await desk.call<IdleLockSetting>('settings.getIdleLock', {}))).toEqual(expected)
    await firstStart(desk.call)
    valueOf(await desk.call('session.signOut', {}))
    expect(valueOf(await desk.call<IdleLockSetting>('settings.getIdleLock', {}))).toEqual(expected)
  })

  it('a manager changes it (audited) and the desk session uses it at once', async () => {
    const desk = await desks.start()
    const { manager } = await firstStart(desk.call)
    const set = valueOf(await desk.call<IdleLockSetting>('settings.setIdleLock', { minutes: 10 }))
    expect(set).toMatchObject({ minutes: 10, isDefault: false })
    expect(valueOf(await desk.call<IdleLockSetting>('settings.getIdleLock', {}))).toMatchObject({ minutes: 10, isDefault: false })
    const [audit] = await desk.services.requireDb().selectFrom('audit_log').selectAll().where('action', '=', 'settings.idle-lock.update').execute()
    expect(audit).toMatchObject({ staff_id: manager.id, entity_type: 'shop_settings' })
    expect(JSON.parse(audit!.details_json)).toEqual({ minutesBefore: 5, minutes: 10 })

    // Past the old 5 minutes: still signed in. Past 10 idle minutes: signed out.
    desk.clock.advance(7 * MINUTE)
    expect(await signedInName(desk.call)).toBe('Maria Manager')
    desk.clock.advance(3 * MINUTE)
    expect(await signedInName(desk.call)).toBeNull()
  })

  it('a shorter time applies too: 1 minute', async () => {
    const desk = await desks.start()
    await firstStart(desk.call)
    valueOf(await desk.call('settings.setIdleLock', { minutes: 1 }))
    desk.clock.advance(MINUTE - 1)
    expect(await signedInName(desk.call)).toBe('Maria Manager')
    desk.clock.advance(MINUTE)
    expect(await signedInName(desk.call)).toBeNull()
  })

  it('survives a restart: the next sign-in gets the stored time', async () => {
    const clock = createHandClock()
    const first = await desks.start({ clock })
    const { manager } = await firstStart(first.call)
    valueOf(await first.call('settings.setIdleLock', { minutes: 20 }))
    await desks.stop(first)

    const second = await desks.start({ dataDir: first.dataDir, clock })
    expect(valueOf(await second.call<IdleLockSetting>('settings.getIdleLock', {})).minutes).toBe(20)
    await signIn(second.call, manager.id, MANAGER_PIN)
    expect(second.services.requireSecurity().session.idleTimeoutMs()).toBe(20 * MINUTE)
    clock.advance(15 * MINUTE)
    expect(await signedInName(second.call)).toBe('Maria Manager')
    clock.advance(5 * MINUTE)
    expect(await signedInName(second.call)).toBeNull()
  })

  it('only a manager may change it; nobody signed in: SIGNED_OUT; nothing written', async () => {
    const desk = await desks.start()
    await firstStart(desk.call)
    const clerk = await addStaff(desk.call, 'Dan Desk', 'desk', DESK_PIN, { canRevealCodes: true, canPrintCodes: true })
    await signIn(desk.call, clerk.id, DESK_PIN)
    const before = { audit: await countRows(desk, 'audit_log'), settings: await countRows(desk, 'shop_settings') }
    expect(errorOf(await desk.call('settings.setIdleLock', { minutes: 30 })).code).toBe('FORBIDDEN')
    valueOf(await desk.call('session.signOut', {}))
    const afterSignOut = await countRows(desk, 'audit_log')
    expect(errorOf(await desk.call('settings.setIdleLock', { minutes: 30 })).code).toBe('SIGNED_OUT')
    expect(await countRows(desk, 'audit_log')).toBe(afterSignOut)
    expect(afterSignOut).toBe(before.audit + 1) // the sign-out itself
    expect(await countRows(desk, 'shop_settings')).toBe(before.settings)
    expect(valueOf(await desk.call<IdleLockSetting>('settings.getIdleLock', {})).minutes).toBe(5)
  })

  it('out-of-range or malformed minutes are refused with VALIDATION and change nothing', async () => {
    const desk = await desks.start()
    await firstStart(desk.call)
    const before = await countRows(desk, 'audit_log')
    const cases: [unknown, RegExp][] = [
      [{ minutes: 0 }, /At least 1 minute/],
      [{ minutes: 61 }, /At most 60 minutes/],
      [{ minutes: 2.5 }, /whole minutes/],
      [{ minutes: '5' }, /number/],
      [{ minutes: -3 }, /At least 1/],
      [{}, /number/],
      [{ minutes: 5, seconds: 0 }, /./],
    ]
    for (const [input, message] of cases) {
      const error = errorOf(await desk.call('settings.setIdleLock', input))
      expect(error.code, JSON.stringify(input)).toBe('VALIDATION')
      expect(error.message, JSON.stringify(input)).toMatch(message)
    }
    expect(await countRows(desk, 'audit_log')).toBe(before)
    expect(desk.services.requireSecurity().session.idleTimeoutMs()).toBe(5 * MINUTE)
    expect(errorOf(await desk.call('settings.getIdleLock', { minutes: 1 })).code).toBe('VALIDATION')
  })
})
