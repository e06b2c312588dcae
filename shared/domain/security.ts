import { z } from 'zod'
import { parseRecoveryKey, RECOVERY_KEY_GROUP_LENGTH } from './recovery-key'
import { enteredPinSchema, vaultPassphraseSchema, type StaffMember } from './staff'

/** What the start-up screens need to know: vault, first manager, who is at the desk. */
export interface SecurityStatus {
  readonly vault: 'uninitialized' | 'locked' | 'unlocked'
  /** How the vault key is protected; null before first start. */
  readonly protection: 'safe-storage' | 'passphrase' | 'test' | null
  /** Whether a recovery key can open the vault when this computer (or the passphrase) cannot. */
  readonly hasRecoveryKey: boolean
  /** Why the vault could not be unlocked without typing anything at start-up (key store refused), in words; null otherwise. */
  readonly unlockProblem: string | null
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

/** A typed recovery key: checked (length, characters, check group) before any slow work. */
export const recoveryKeyTextSchema = z
  .string()
  .max(200, 'A recovery key is 8 groups of 4 letters and digits.')
  .superRefine((value, context) => {
    const parsed = parseRecoveryKey(value)
    if (!parsed.ok) context.addIssue({ code: 'custom', message: parsed.problem })
  })

/** How the recovered vault is protected on this computer from now on: its key store (passphrase null) or a new passphrase. */
export const vaultRecoverSchema = z.object({
  recoveryKey: recoveryKeyTextSchema,
  newPassphrase: vaultPassphraseSchema.nullable(),
})

/**
 * A new recovery key. At first start (no manager yet, no recovery key) no PIN;
 * otherwise the signed-in manager's PIN, typed again.
 */
export const newRecoveryKeySchema = z.object({ pin: enteredPinSchema.nullable() })

/** "I wrote it down": the last group of the key just shown. */
export const confirmRecoveryKeySchema = z.object({
  lastGroup: z.string().min(1, 'Type the last group of the recovery key.').max(RECOVERY_KEY_GROUP_LENGTH * 3),
})

export interface NewRecoveryKey {
  /** Formatted "XXXX-XXXX-…". Shown once; it is stored nowhere in clear. */
  readonly recoveryKey: string
}

/** The recovery sheet's print: not recorded as a print job (the key must not be kept anywhere), only audited as printed. */
export interface RecoverySheetOutcome {
  readonly status: 'printed' | 'failed' | 'cancelled'
  /** Where the spool printer saved the PDF (browser preview and tests only). */
  readonly savedTo: string | null
  readonly message: string
}
