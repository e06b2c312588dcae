import { describe, expect, it } from 'vitest'
import type { SignInResult } from '../../shared/domain/security'
import type { StaffMember } from '../../shared/domain/staff'
import { errorOf, valueOf } from '../helpers/results'
import { addStaff, countRows, DESK_PIN, firstStart, signIn, useDesks } from './desk-harness'

/* Anyone signed in changes their own PIN, with the current one; a wrong current PIN counts toward the lockout. */

const desks = useDesks()
const NEW_PIN = '4826'

async function deskSignedIn() {
  const desk = await desks.start({ accessControl: true })
  await firstStart(desk.call)
  const dan = await addStaff(desk.call, 'Dan Desk', 'desk', DESK_PIN)
  await desk.call('session.signOut', {})
  await signIn(desk.call, dan.id, DESK_PIN)
  return { desk, dan }
}

async function auditActions(desk: Awaited<ReturnType<typeof deskSignedIn>>['desk']): Promise<string[]> {
  const rows = await desk.services.requireDb().selectFrom('audit_log').select('action').orderBy('id').execute()
  return rows.map((row) => row.action)
}

describe('changing your own PIN', () => {
  it('a desk user changes their PIN with the current one: the new PIN signs in, the old one no longer does, and it is audited', async () => {
    const { desk, dan } = await deskSignedIn()
    const changed = valueOf(await desk.call<StaffMember>('staff.changeOwnPin', { currentPin: DESK_PIN, newPin: NEW_PIN }))
    expect(changed).toMatchObject({ id: dan.id, failedPinAttempts: 0 })
    expect((await auditActions(desk)).at(-1)).toBe('staff.pin.change')

    await desk.call('session.signOut', {})
    const old = valueOf(await desk.call<SignInResult>('session.signIn', { staffId: dan.id, pin: DESK_PIN }))
    expect(old.ok).toBe(false)
    await signIn(desk.call, dan.id, NEW_PIN)
  })

  it('a wrong current PIN is refused, counts toward the lockout, and changes nothing', async () => {
    const { desk, dan } = await deskSignedIn()
    const refused = errorOf(await desk.call('staff.changeOwnPin', { currentPin: '0000', newPin: NEW_PIN }))
    expect(refused.code).toBe('FORBIDDEN')
    expect(refused.message).toMatch(/current PIN is not right/)
    expect(valueOf(await desk.call<StaffMember[]>('staff.list', {})).find((m) => m.id === dan.id)?.failedPinAttempts).toBe(1)
    expect(await auditActions(desk)).not.toContain('staff.pin.change')

    await desk.call('session.signOut', {})
    await signIn(desk.call, dan.id, DESK_PIN)
  })

  it('a new PIN that breaks the rules gets a field error before the current PIN is checked; signed out, the call is refused', async () => {
    const { desk } = await deskSignedIn()
    const weak = errorOf(await desk.call('staff.changeOwnPin', { currentPin: DESK_PIN, newPin: '1234' }))
    expect(weak.code).toBe('VALIDATION')
    expect(weak.fields?.map((field) => field.path)).toContain('newPin')
    const auditBefore = await countRows(desk, 'audit_log')
    await desk.call('session.signOut', {})
    const afterSignOut = await countRows(desk, 'audit_log')
    expect(errorOf(await desk.call('staff.changeOwnPin', { currentPin: DESK_PIN, newPin: NEW_PIN })).code).toBe('SIGNED_OUT')
    expect(await countRows(desk, 'audit_log')).toBe(afterSignOut)
    expect(afterSignOut).toBeGreaterThanOrEqual(auditBefore)
  })
})
