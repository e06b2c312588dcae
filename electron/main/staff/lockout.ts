/*
 * PIN lockout policy, pure: counts consecutive wrong PINs per account (OWASP:
 * per account, not per source) and decides how long the account is locked.
 * The state is the staff row's failed_pin_attempts and locked_until, so a
 * restart does not reset it.
 *
 * - Fewer than 5 wrong PINs in a row: no lock.
 * - The 5th wrong PIN locks for 30 s; each further one locks longer:
 *   1 min, 2 min, 5 min, 15 min, then 1 h for every one after (the cap).
 * - 100 wrong PINs in a row (NIST SP 800-63B §5.2.2's ceiling) lock the
 *   account until a manager resets it.
 * - A correct PIN, or a manager reset, clears both.
 * - While locked, a PIN is not checked at all and the attempt is not counted
 *   (so someone cannot keep a colleague locked out by typing wrong PINs).
 */

export const LOCKOUT_THRESHOLD = 5

const SECOND = 1000
const MINUTE = 60 * SECOND

/** Lock length after the 5th, 6th, … wrong PIN in a row; the last one repeats (the cap). */
export const LOCKOUT_STEPS_MS: readonly number[] = [30 * SECOND, 1 * MINUTE, 2 * MINUTE, 5 * MINUTE, 15 * MINUTE, 60 * MINUTE]
export const LOCKOUT_CAP_MS = 60 * MINUTE

/** After this many wrong PINs in a row only a manager reset unlocks the account. */
export const MANAGER_RESET_AFTER = 100

export interface LockoutState {
  readonly failedPinAttempts: number
  /** ISO-8601 UTC, or null. */
  readonly lockedUntil: string | null
}

export type LockStatus =
  | { readonly locked: false; readonly attemptsBeforeLock: number }
  | { readonly locked: true; readonly until: string; readonly retryAfterMs: number }
  | { readonly locked: true; readonly until: null; readonly retryAfterMs: null }

export const CLEAR_LOCKOUT: LockoutState = Object.freeze({ failedPinAttempts: 0, lockedUntil: null })

/** How long the account locks once it has this many wrong PINs in a row (0 = no lock). */
export function lockoutDelayMs(consecutiveFailures: number): number {
  if (consecutiveFailures < LOCKOUT_THRESHOLD) return 0
  const step = consecutiveFailures - LOCKOUT_THRESHOLD
  return Math.min(LOCKOUT_STEPS_MS[Math.min(step, LOCKOUT_STEPS_MS.length - 1)] ?? LOCKOUT_CAP_MS, LOCKOUT_CAP_MS)
}

export function lockStatus(state: LockoutState, now: Date): LockStatus {
  if (state.failedPinAttempts >= MANAGER_RESET_AFTER) return { locked: true, until: null, retryAfterMs: null }
  if (state.lockedUntil !== null) {
    const until = Date.parse(state.lockedUntil)
    const left = until - now.getTime()
    if (Number.isNaN(until)) return { locked: true, until: null, retryAfterMs: null }
    if (left > 0) return { locked: true, until: state.lockedUntil, retryAfterMs: left }
  }
  return { locked: false, attemptsBeforeLock: Math.max(0, LOCKOUT_THRESHOLD - state.failedPinAttempts) }
}

/** The state after a wrong PIN (only call when lockStatus said not locked). */
export function afterFailure(state: LockoutState, now: Date): LockoutState {
  const failedPinAttempts = state.failedPinAttempts + 1
  const delay = lockoutDelayMs(failedPinAttempts)
  return {
    failedPinAttempts,
    lockedUntil: delay > 0 ? new Date(now.getTime() + delay).toISOString() : null,
  }
}

/** The state after a correct PIN. */
export function afterSuccess(): LockoutState {
  return CLEAR_LOCKOUT
}

/** The state after a manager reset (the caller writes the audit row). */
export function afterManagerReset(): LockoutState {
  return CLEAR_LOCKOUT
}

/** "Try again in 2 minutes." for the desk. */
export function describeLock(status: LockStatus): string {
  if (!status.locked) return ''
  if (status.until === null) return 'This account is locked after too many wrong PINs. A manager must reset the PIN.'
  const seconds = Math.ceil(status.retryAfterMs / SECOND)
  const wait =
    seconds < 60 ? `${seconds} second${seconds === 1 ? '' : 's'}` : `${Math.ceil(seconds / 60)} minute${Math.ceil(seconds / 60) === 1 ? '' : 's'}`
  return `Too many wrong PINs: this account is locked. Try again in ${wait}, or ask a manager to reset the PIN.`
}
