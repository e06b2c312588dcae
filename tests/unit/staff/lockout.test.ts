import { describe, expect, it } from 'vitest'
import {
  CLEAR_LOCKOUT,
  LOCKOUT_CAP_MS,
  LOCKOUT_THRESHOLD,
  MANAGER_RESET_AFTER,
  afterFailure,
  afterManagerReset,
  afterSuccess,
  describeLock,
  lockStatus,
  lockoutDelayMs,
  type LockoutState,
} from '../../../electron/main/staff/lockout'

const SECOND = 1000
const MINUTE = 60 * SECOND
const start = new Date('2026-11-24T09:00:00.000Z')

describe('lockout policy', () => {
  it('locks after 5 wrong PINs, then longer with each one: 30 s, 1, 2, 5, 15 min, then 1 h (the cap)', () => {
    const expected = [0, 0, 0, 0, 30 * SECOND, MINUTE, 2 * MINUTE, 5 * MINUTE, 15 * MINUTE, 60 * MINUTE, 60 * MINUTE, 60 * MINUTE]
    expect(expected.map((_, i) => lockoutDelayMs(i + 1))).toEqual(expected)
    expect(lockoutDelayMs(0)).toBe(0)
    expect(lockoutDelayMs(99)).toBe(LOCKOUT_CAP_MS)
    expect(LOCKOUT_THRESHOLD).toBe(5)
  })

  it('walks every step: each failure, made once the lock has run out, sets the next lock', () => {
    let state: LockoutState = CLEAR_LOCKOUT
    let now = start
    const locks: (number | null)[] = []
    const attemptsLeft: number[] = []
    for (let failure = 1; failure <= 11; failure++) {
      const before = lockStatus(state, now)
      expect(before.locked, `before failure ${failure}`).toBe(false)
      if (!before.locked) attemptsLeft.push(before.attemptsBeforeLock)
      state = afterFailure(state, now)
      expect(state.failedPinAttempts).toBe(failure)
      const after = lockStatus(state, now)
      locks.push(after.locked ? after.retryAfterMs : null)
      // Just before the lock ends it still holds; at its end it is over.
      if (after.locked && after.retryAfterMs !== null) {
        expect(lockStatus(state, new Date(now.getTime() + after.retryAfterMs - 1)).locked).toBe(true)
        now = new Date(now.getTime() + after.retryAfterMs)
      }
    }
    expect(attemptsLeft.slice(0, 5)).toEqual([5, 4, 3, 2, 1])
    expect(locks).toEqual([null, null, null, null, 30 * SECOND, MINUTE, 2 * MINUTE, 5 * MINUTE, 15 * MINUTE, 60 * MINUTE, 60 * MINUTE])
  })

  it('after 100 wrong PINs in a row only a manager reset unlocks (NIST 800-63B ceiling)', () => {
    const state = { failedPinAttempts: MANAGER_RESET_AFTER - 1, lockedUntil: null }
    const next = afterFailure(state, start)
    const farFuture = new Date(start.getTime() + 365 * 24 * 60 * MINUTE)
    expect(lockStatus(next, farFuture)).toEqual({ locked: true, until: null, retryAfterMs: null })
    expect(describeLock(lockStatus(next, farFuture))).toMatch(/manager must reset/)
    expect(lockStatus(afterManagerReset(), farFuture).locked).toBe(false)
  })

  it('a correct PIN and a manager reset clear everything', () => {
    expect(afterSuccess()).toEqual({ failedPinAttempts: 0, lockedUntil: null })
    expect(afterManagerReset()).toEqual({ failedPinAttempts: 0, lockedUntil: null })
    expect(lockStatus(afterSuccess(), start)).toEqual({ locked: false, attemptsBeforeLock: 5 })
  })

  it('a damaged locked_until counts as locked until reset, not as unlocked', () => {
    expect(lockStatus({ failedPinAttempts: 5, lockedUntil: 'not a date' }, start)).toMatchObject({ locked: true, until: null })
  })

  it('describes the wait for the desk', () => {
    expect(describeLock({ locked: true, until: 'x', retryAfterMs: 30 * SECOND })).toMatch(/Try again in 30 seconds/)
    expect(describeLock({ locked: true, until: 'x', retryAfterMs: 90 * SECOND })).toMatch(/Try again in 2 minutes/)
    expect(describeLock({ locked: false, attemptsBeforeLock: 5 })).toBe('')
  })
})
