import { describe, expect, it } from 'vitest'
import { createDeskSession } from '../../../electron/main/staff/session'
import { createTestClock } from '../vault/fixtures'

const MINUTE = 60_000

describe('desk session', () => {
  it('holds who is at the desk and signs them out after the idle timeout', () => {
    const clock = createTestClock()
    const session = createDeskSession({ now: clock.now, idleTimeoutMs: 5 * MINUTE })
    expect(session.currentStaffId()).toBeNull()
    session.signIn(7)
    expect(session.currentStaffId()).toBe(7)
    clock.advance(4 * MINUTE)
    session.touch()
    clock.advance(4 * MINUTE)
    expect(session.currentStaffId()).toBe(7)
    clock.advance(1 * MINUTE)
    expect(session.currentStaffId()).toBeNull()
    expect(session.snapshot()).toBeNull()
  })

  it('counts a PIN as an unlock for 2 minutes only', () => {
    const clock = createTestClock()
    const session = createDeskSession({ now: clock.now })
    session.signIn(7)
    expect(session.hasRecentUnlock(7)).toBe(true)
    expect(session.hasRecentUnlock(8)).toBe(false)
    clock.advance(2 * MINUTE - 1)
    expect(session.hasRecentUnlock(7)).toBe(true)
    clock.advance(1)
    expect(session.hasRecentUnlock(7)).toBe(false)
    expect(session.currentStaffId()).toBe(7)
    session.recordUnlock(7)
    expect(session.hasRecentUnlock(7)).toBe(true)
    expect(session.snapshot()).toEqual({
      staffId: 7,
      signedInAt: '2026-11-24T09:00:00.000Z',
      idleSignOutAt: '2026-11-24T09:07:00.000Z',
      unlockedUntil: '2026-11-24T09:04:00.000Z',
    })
  })

  it('only the member at the desk can unlock; signing out or another sign-in ends the unlock', () => {
    const clock = createTestClock()
    const session = createDeskSession({ now: clock.now })
    expect(() => session.recordUnlock(7)).toThrow(/signed in at the desk/)
    session.signIn(7)
    expect(() => session.recordUnlock(8)).toThrow(/signed in at the desk/)
    session.signIn(8)
    expect(session.hasRecentUnlock(7)).toBe(false)
    session.signOut()
    expect(session.hasRecentUnlock(8)).toBe(false)
    expect(session.currentStaffId()).toBeNull()
  })

  it('a clock that jumps back does not extend an unlock', () => {
    const clock = createTestClock()
    const session = createDeskSession({ now: clock.now })
    session.signIn(7)
    clock.advance(-10 * MINUTE)
    expect(session.hasRecentUnlock(7)).toBe(false)
  })
})
