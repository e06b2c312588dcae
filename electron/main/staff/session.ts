/*
 * Who is at the desk on this workstation: pure, with an injected clock.
 *
 * - signIn(staffId) after a verified PIN; that PIN also counts as an unlock.
 * - The member is signed out after `idleTimeoutMs` without activity (touch()).
 * - A reveal needs a PIN typed within `revealWindowMs` (the "recent unlock"),
 *   otherwise the PIN is asked again.
 *
 * It holds only an id and times. Roles and permissions are re-read from the
 * database at each reveal, so a manager's change takes effect at once.
 */

export const DEFAULT_IDLE_TIMEOUT_MS = 5 * 60 * 1000
export const DEFAULT_REVEAL_WINDOW_MS = 2 * 60 * 1000

export interface DeskSessionOptions {
  readonly now: () => Date
  readonly idleTimeoutMs?: number
  readonly revealWindowMs?: number
}

export interface DeskSessionSnapshot {
  readonly staffId: number
  readonly signedInAt: string
  readonly idleSignOutAt: string
  /** Until when a reveal needs no PIN; null when a PIN is needed now. */
  readonly unlockedUntil: string | null
}

export interface DeskSession {
  signIn(staffId: number): void
  signOut(): void
  /** The member at the desk, or null (nobody, or signed out for being idle). Does not count as activity. */
  currentStaffId(): number | null
  /** Records activity by the member at the desk (keeps the session alive). */
  touch(): void
  /** Records a PIN just verified for the member at the desk. */
  recordUnlock(staffId: number): void
  /** Whether the member at the desk typed their PIN within the reveal window. */
  hasRecentUnlock(staffId: number): boolean
  snapshot(): DeskSessionSnapshot | null
  /** Changes the idle sign-out time (the shop setting); counts from the last activity, so it applies at once. */
  setIdleTimeoutMs(ms: number): void
  idleTimeoutMs(): number
}

export function createDeskSession(options: DeskSessionOptions): DeskSession {
  let idleTimeoutMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS
  const revealWindowMs = options.revealWindowMs ?? DEFAULT_REVEAL_WINDOW_MS
  const nowMs = () => options.now().getTime()
  let state: { staffId: number; signedInAt: number; lastActivityAt: number; unlockedAt: number | null } | null = null

  const live = () => {
    if (state && nowMs() - state.lastActivityAt >= idleTimeoutMs) state = null
    return state
  }

  return {
    signIn(staffId) {
      const now = nowMs()
      state = { staffId, signedInAt: now, lastActivityAt: now, unlockedAt: now }
    },
    signOut() {
      state = null
    },
    currentStaffId() {
      return live()?.staffId ?? null
    },
    touch() {
      const current = live()
      if (current) current.lastActivityAt = nowMs()
    },
    recordUnlock(staffId) {
      const current = live()
      if (!current || current.staffId !== staffId) throw new Error('Only the member signed in at the desk can unlock.')
      const now = nowMs()
      current.unlockedAt = now
      current.lastActivityAt = now
    },
    hasRecentUnlock(staffId) {
      const current = live()
      if (!current || current.staffId !== staffId || current.unlockedAt === null) return false
      const age = nowMs() - current.unlockedAt
      return age >= 0 && age < revealWindowMs
    },
    snapshot() {
      const current = live()
      if (!current) return null
      const unlockEnds = current.unlockedAt === null ? null : current.unlockedAt + revealWindowMs
      return {
        staffId: current.staffId,
        signedInAt: new Date(current.signedInAt).toISOString(),
        idleSignOutAt: new Date(current.lastActivityAt + idleTimeoutMs).toISOString(),
        unlockedUntil: unlockEnds !== null && unlockEnds > nowMs() ? new Date(unlockEnds).toISOString() : null,
      }
    },
    setIdleTimeoutMs(ms) {
      if (!Number.isFinite(ms) || ms <= 0) throw new Error('The idle timeout must be a positive number of milliseconds.')
      idleTimeoutMs = ms
    },
    idleTimeoutMs() {
      return idleTimeoutMs
    },
  }
}
