import type { Kysely } from 'kysely'
import { AppError } from '../../../shared/api/errors'
import { isLastRecoveryGroup } from '../../../shared/domain/recovery-key'
import { recentRecoveryFailures } from '../../db/repositories/vault-recovery-attempts'
import type { Database } from '../../db/schema'
import type { DeskSession } from '../staff/session'
import type { StaffService } from '../staff/staff-service'
import { KeyProtectorError, type KeyProtector } from './key-protector'
import { createRecoveryKeyProtector, generateRecoveryKey } from './recovery-key-protector'
import type { ScryptCost } from './scrypt'
import type { RecoveryWrapping, Vault } from './vault'

/*
 * The recovery key's life: made (at first start, or by a manager who typed
 * their PIN again), shown once, stored only after the person typed its last
 * group back (so an unread key never replaces a good one), printed only while
 * it is waiting for that confirmation, and used to open the vault on a
 * computer whose key store, or a passphrase nobody remembers, cannot.
 *
 * The key waits in this closure between "made" and "confirmed", like the
 * vault's own keys; it is never logged, audited, stored or put in a print job.
 */

export interface RecoveryService {
  /** A new recovery key, shown once; stored when confirmRecoveryKey() gets its last group. */
  newRecoveryKey(pin: string | null): Promise<{ recoveryKey: string }>
  /** Stores the waiting key's wrapping (retiring the old one); the last group must match. */
  confirmRecoveryKey(lastGroup: string): Promise<void>
  /** The waiting key, for its printed sheet; only to whoever made it. */
  waitingKeyToPrint(): Promise<{ recoveryKey: string; madeBy: number | null }>
  /** Opens the locked vault with the recovery key and protects it for this computer. Slows down repeated failures. */
  recover(recoveryKey: string, protector: () => KeyProtector): Promise<void>
  /** Forgets a waiting key (on close). */
  forget(): void
}

export interface RecoveryServiceOptions {
  readonly db: Kysely<Database>
  readonly vault: Vault
  readonly staff: StaffService
  readonly session: DeskSession
  readonly now: () => Date
  /** Lower scrypt cost for the recovery wrapping (tests only). */
  readonly scryptCost?: ScryptCost
}

/** Failures allowed before each next try waits. */
export const FREE_RECOVERY_ATTEMPTS = 3
const FIRST_WAIT_MS = 5_000
const LONGEST_WAIT_MS = 5 * 60_000

/** How long after the last failure the next try must wait: 0 for the first three, then 5 s, 10 s, 20 s … up to 5 minutes. */
export function recoveryWaitMs(failures: number): number {
  if (failures < FREE_RECOVERY_ATTEMPTS) return 0
  return Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** (failures - FREE_RECOVERY_ATTEMPTS))
}

interface WaitingKey {
  readonly key: string
  /** null: made at first start, before any manager. */
  readonly madeBy: number | null
  readonly wrapping: Promise<RecoveryWrapping>
}

export function createRecoveryService(options: RecoveryServiceOptions): RecoveryService {
  const { vault, staff, session } = options
  const cost = options.scryptCost ? { cost: options.scryptCost } : {}
  let waiting: WaitingKey | null = null
  let recovering = false

  /** Who may handle recovery keys now: null at first start (no manager yet, no key yet), else the signed-in manager. */
  const currentMaker = async (): Promise<number | null> => {
    if (!vault.isUnlocked()) throw new AppError('VAULT_LOCKED', 'The code vault is locked; unlock it first.')
    if (await staff.needsFirstManager()) {
      if (await vault.hasRecoveryKey()) {
        throw new AppError('CONFLICT', 'This vault already has a recovery key. Create the manager; a new key can be made later in Settings.')
      }
      return null
    }
    const actorId = session.currentStaffId()
    if (actorId === null) throw new AppError('SIGNED_OUT', 'Sign in with your PIN first.')
    session.touch()
    const actor = await staff.requireActive(actorId)
    if (actor.role !== 'manager') throw new AppError('FORBIDDEN', 'Only a manager can make a recovery key. Ask a manager to sign in.')
    return actorId
  }

  const requireMaker = async (key: WaitingKey): Promise<void> => {
    const maker = await currentMaker().catch((error: unknown) => {
      // At first start the key just confirmed makes "already has one" true; that is not this key's problem.
      if (key.madeBy === null && error instanceof AppError && error.code === 'CONFLICT') return null
      throw error
    })
    if (maker !== key.madeBy) throw new AppError('FORBIDDEN', 'Only whoever made this recovery key can print or confirm it.')
  }

  const noWaitingKey = () =>
    new AppError('CONFLICT', 'There is no new recovery key waiting (it was confirmed, or Radio Code Desk restarted). Make a new one.')

  return {
    async newRecoveryKey(pin) {
      const maker = await currentMaker()
      if (maker !== null) {
        if (pin === null) throw new AppError('VALIDATION', 'Type your PIN again to make a new recovery key.', [{ path: 'pin', message: 'Type your PIN.' }])
        const check = await staff.verifyPin(maker, pin)
        if (!check.ok) throw new AppError('FORBIDDEN', check.message)
      }
      const key = generateRecoveryKey()
      // Waiting from now on (not after the slow wrap), so the newest request is always the one waiting.
      const wrapping = vault.wrapForRecovery(createRecoveryKeyProtector(key, cost))
      wrapping.catch(() => {})
      waiting = { key, madeBy: maker, wrapping }
      await wrapping
      return { recoveryKey: key }
    },

    async confirmRecoveryKey(lastGroup) {
      const key = waiting
      if (!key) throw noWaitingKey()
      await requireMaker(key)
      if (!isLastRecoveryGroup(key.key, lastGroup)) {
        throw new AppError('VALIDATION', 'That is not the last group of the recovery key shown. Check what you wrote down.', [
          { path: 'lastGroup', message: 'Not the last group shown.' },
        ])
      }
      const wrapping = await key.wrapping
      if (waiting !== key) throw noWaitingKey()
      await vault.storeRecoveryWrapping(wrapping, key.madeBy)
      waiting = null
    },

    async waitingKeyToPrint() {
      const key = waiting
      if (!key) throw noWaitingKey()
      await requireMaker(key)
      return { recoveryKey: key.key, madeBy: key.madeBy }
    },

    async recover(recoveryKey, protector) {
      if (vault.isUnlocked()) throw new AppError('CONFLICT', 'The code vault is already unlocked.')
      if (recovering) throw new AppError('CONFLICT', 'A recovery is already being tried; wait for its answer.')
      recovering = true
      try {
        const failures = await recentRecoveryFailures(options.db)
        const wait = recoveryWaitMs(failures.count)
        if (wait > 0 && failures.lastAt) {
          const left = Date.parse(failures.lastAt) + wait - options.now().getTime()
          if (left > 0) {
            throw new AppError(
              'FORBIDDEN',
              `${failures.count} recovery keys in a row did not open the vault, so the next try must wait ${Math.ceil(left / 1000)} seconds. Check the key against the sheet meanwhile.`,
            )
          }
        }
        const recovery = createRecoveryKeyProtector(recoveryKey, cost)
        try {
          await vault.recover(recovery, protector())
        } catch (error) {
          if (error instanceof KeyProtectorError) throw new AppError('CONFLICT', error.message)
          throw error
        }
      } finally {
        recovering = false
      }
    },

    forget() {
      waiting = null
    },
  }
}
