import type { StaffMember } from './staff'

/** What the start-up screens need to know: vault, first manager, who is at the desk. */
export interface SecurityStatus {
  readonly vault: 'uninitialized' | 'locked' | 'unlocked'
  /** How the vault key is protected; null before first start. */
  readonly protection: 'safe-storage' | 'passphrase' | 'test' | null
  /** Whether this computer's key store can protect the vault key, in a sentence for the manager. */
  readonly systemKeyStore: { readonly trusted: boolean; readonly explanation: string }
  readonly needsFirstManager: boolean
  readonly signedIn: StaffMember | null
  /** Until when revealing a code needs no PIN (a PIN was typed recently). */
  readonly unlockedUntil: string | null
}

export type SignInResult =
  | { readonly ok: true; readonly status: SecurityStatus }
  | {
      readonly ok: false
      readonly reason: 'wrong-pin' | 'locked' | 'not-found' | 'inactive' | 'no-pin'
      readonly message: string
      readonly lockedUntil: string | null
      readonly attemptsBeforeLock: number | null
    }
