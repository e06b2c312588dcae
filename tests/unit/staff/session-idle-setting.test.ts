import { describe, expect, it } from 'vitest'
import { createDeskSession } from '../../../electron/main/staff/session'
import { createTestClock } from '../vault/fixtures'

const MINUTE = 60_000

describe('desk session idle timeout setter', () => {
  it('a new timeout counts from the last activity and applies at once', () => {
    const clock = createTestClock()
    const session = createDeskSession({ now: clock.now })
    expect(session.idleTimeoutMs()).toBe(5 * MINUTE)
    session.signIn(7)
    clock.advance(4 * MINUTE)
    session.setIdleTimeoutMs(30 * MINUTE)
    clock.advance(20 * MINUTE)
    expect(session.currentStaffId()).toBe(7)
    expect(session.snapshot()?.idleSignOutAt).toBe('2026-11-24T09:30:00.000Z')
    // Shortening it below the time already idle signs the member out.
    session.setIdleTimeoutMs(10 * MINUTE)
    expect(session.currentStaffId()).toBeNull()
  })

  it('refuses a timeout that is not a positive number', () => {
    const session = createDeskSession({ now: createTestClock().now })
    for (const ms of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => session.setIdleTimeoutMs(ms)).toThrow(/positive/)
    expect(session.idleTimeoutMs()).toBe(5 * MINUTE)
  })
})
