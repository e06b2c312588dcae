/*
 * How a PIN lockout is said at the desk: "Locked until 10:42 (about 2 minutes)",
 * or, after very many wrong PINs, that a manager must reset the PIN.
 */

const clock = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' })

/** "about 30 seconds", "about 2 minutes", "about 1 hour". */
export function aboutHowLong(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000))
  if (seconds < 60) return `about ${Math.max(10, Math.ceil(seconds / 10) * 10)} seconds`
  const minutes = Math.round(seconds / 60)
  if (minutes < 60) return `about ${minutes} minute${minutes === 1 ? '' : 's'}`
  const hours = Math.round(minutes / 60)
  return `about ${hours} hour${hours === 1 ? '' : 's'}`
}

/** "10:42 AM" in the computer's own locale. */
export function clockTime(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : clock.format(date)
}

export interface LockWords {
  readonly title: string
  readonly text: string
}

/** lockedUntil null: only a manager reset unlocks the account. */
export function lockWords(lockedUntil: string | null, now: Date = new Date()): LockWords {
  if (lockedUntil === null) {
    return {
      title: 'Ask a manager to reset your PIN',
      text: 'This account is locked after too many wrong PINs in a row. A manager can set a new PIN under Settings → Staff.',
    }
  }
  const left = new Date(lockedUntil).getTime() - now.getTime()
  return {
    title: `Locked until ${clockTime(lockedUntil)} (${aboutHowLong(left)})`,
    text: 'Too many wrong PINs. The PIN box comes back by itself then; or ask a manager to reset your PIN under Settings → Staff.',
  }
}

/** True while a time lock is still running. */
export function stillLocked(lockedUntil: string | null, needsManagerReset: boolean, now: Date = new Date()): boolean {
  if (needsManagerReset) return true
  return lockedUntil !== null && new Date(lockedUntil).getTime() > now.getTime()
}
