import type { Kysely } from 'kysely'
import { AppError } from '../../../shared/api/errors'
import type { SecurityStatus } from '../../../shared/domain/security'
import { checkCodeFormat, type KnowledgeEntry } from '../../../shared/knowledge'
import { findRadioVehicleId } from '../../db/repositories/radios'
import { findVehicleById } from '../../db/repositories/vehicles'
import type { Database } from '../../db/schema'
import type { EventBus } from '../events'
import type { Logger } from '../log'
import { createDeskSession, type DeskSession } from '../staff/session'
import { createStaffService, type StaffService } from '../staff/staff-service'
import type { ScryptCost } from '../vault/scrypt'
import {
  createPassphraseProtector,
  createTestKeyProtector,
  type KeyProtector,
  type SafeStorageAssessment,
} from '../vault/key-protector'
import { createRadioCodeService, type RadioCodeService } from '../vault/radio-code-service'
import { createRecoveryService, type RecoveryService } from '../vault/recovery-service'
import { createVault, type Vault } from '../vault/vault'
import { guidanceForVehicle } from './knowledge'

/**
 * Where the vault key can be kept on this machine. The Electron app offers the
 * OS key store (safeStorage); the browser preview and tests offer none (a
 * passphrase is then required) or, for tests only, a built-in test key.
 */
export interface KeyStoreAccess {
  assess(): SafeStorageAssessment
  /** The OS key-store protector; only called when assess() said trusted. */
  systemProtector(): KeyProtector
  /** Tests and the browser preview only: unlock with a built-in test key, no questions asked. */
  readonly testKey?: boolean
}

/** The browser preview and tests: no OS key store. */
export function noSystemKeyStore(options: { testKey?: boolean } = {}): KeyStoreAccess {
  return {
    assess: () => ({
      trusted: false,
      backend: null,
      reason: 'The browser preview has no access to this computer’s key store. Choose a vault passphrase; it will be asked for each time the preview starts.',
    }),
    systemProtector: () => {
      throw new AppError('CONFLICT', 'No system key store in the browser preview.')
    },
    ...(options.testKey ? { testKey: true } : {}),
  }
}

export interface Security {
  readonly vault: Vault
  readonly staff: StaffService
  readonly session: DeskSession
  readonly codes: RadioCodeService
  /** The recovery key: made and confirmed at set-up or in Settings, used when this computer cannot open the vault. */
  readonly recovery: RecoveryService
  status(): Promise<SecurityStatus>
  /** First start: protect the new vault with the OS key store (passphrase null) or a passphrase. */
  setUpVault(passphrase: string | null): Promise<SecurityStatus>
  /** Start-up of a passphrase-protected vault. */
  unlockVault(passphrase: string): Promise<SecurityStatus>
  /** A locked vault opened with the recovery key, then protected like set-up would here: key store (passphrase null) or a new passphrase. */
  recoverVault(recoveryKey: string, newPassphrase: string | null): Promise<SecurityStatus>
  /** The member at the desk (touching the session), or SIGNED_OUT. */
  requireActor(): number
  /** Stops the idle watcher. */
  close(): void
}

export interface SecurityOptions {
  readonly db: Kysely<Database>
  readonly workstationId: string
  readonly now: () => Date
  readonly keyStore: KeyStoreAccess
  readonly events: EventBus
  readonly log: Logger
  readonly idleTimeoutMs?: number
  /** Lower scrypt cost for PIN hashes (tests only). */
  readonly pinHashCost?: ScryptCost
}

/** Format problems for a code on this radio, from the knowledge base; empty when it fits or cannot be checked. */
async function codeFormatProblems(db: Kysely<Database>, radioId: number, code: string): Promise<readonly string[]> {
  const vehicleId = await findRadioVehicleId(db, radioId)
  if (vehicleId === null) return []
  const vehicle = await findVehicleById(db, vehicleId)
  if (!vehicle) return []
  const guidance = guidanceForVehicle(vehicle)
  const entries: KnowledgeEntry[] =
    guidance.kind === 'match'
      ? [guidance.entry]
      : guidance.kind === 'several' || guidance.kind === 'no-year'
        ? guidance.candidates.map((candidate) => candidate.entry)
        : []
  const withFormat = entries.filter((entry) => entry.codeFormat)
  // The knowledge base lists the usual radio first. A code that does not fit it
  // needs an override even if it would fit a rarer unit (a Honda navigation
  // code, say): a wrong card printed from a typo is worse than none.
  const primary = withFormat[0]
  if (!primary) return []
  const check = checkCodeFormat(primary, code)
  if (check.ok) return []
  const alternatives = withFormat.slice(1).filter((entry) => checkCodeFormat(entry, code).ok)
  return alternatives.length === 0
    ? check.problems
    : [...check.problems, `It would fit: ${alternatives.map((entry) => entry.label).join('; ')}. If that is what this car has, say so as the reason.`]
}

/**
 * The vault, staff, desk session and radio codes, wired together. Created once
 * the database is open; the vault starts locked (or uninitialised) and is
 * unlocked here when the OS key store holds its key.
 */
export async function startSecurity(options: SecurityOptions): Promise<Security> {
  const { db, now } = options
  const vault = createVault({ db, workstationId: options.workstationId, now, allowTestKeys: options.keyStore.testKey === true })
  const staff = createStaffService({
    db,
    vault,
    workstationId: options.workstationId,
    now,
    ...(options.pinHashCost ? { pinHashCost: options.pinHashCost } : {}),
  })
  const session = createDeskSession({ now, ...(options.idleTimeoutMs ? { idleTimeoutMs: options.idleTimeoutMs } : {}) })
  const codes = createRadioCodeService({
    db,
    vault,
    staff,
    session,
    workstationId: options.workstationId,
    now,
    checkFormat: (radioId, code) => codeFormatProblems(db, radioId, code),
  })
  const recovery = createRecoveryService({ db, vault, staff, session, now })
  const testProtector = () => createTestKeyProtector({ use: 'browser-preview' })

  /** What set-up would protect a vault with on this computer: the key store, or the passphrase typed. */
  const protectorHere = (passphrase: string | null): KeyProtector => {
    if (passphrase !== null) return createPassphraseProtector(passphrase)
    if (options.keyStore.testKey) return testProtector()
    const assessment = options.keyStore.assess()
    if (!assessment.trusted) throw new AppError('CONFLICT', assessment.reason)
    return options.keyStore.systemProtector()
  }

  // Unlock without asking when the key is held by something that needs no typing.
  let unlockProblem: string | null = null
  const method = await vault.storedWrapMethod()
  if (method === 'test' && !options.keyStore.testKey) {
    unlockProblem = 'This vault is protected by a test key (tests and the browser preview only), which this program does not accept.'
  } else if (method === 'safe-storage' || method === 'test') {
    try {
      await vault.unlock(method === 'test' ? testProtector() : options.keyStore.systemProtector())
    } catch (error) {
      options.log.error('vault could not be unlocked at start-up', error)
      // The protectors' messages are written for the manager and hold no secret.
      unlockProblem = error instanceof Error ? error.message : 'The key store did not give the vault key back.'
    }
  }

  // Idle sign-out happens lazily inside the session; this watcher tells the window.
  let lastStaffId = session.currentStaffId()
  const watcher = setInterval(() => {
    const current = session.currentStaffId()
    if (current !== lastStaffId) {
      lastStaffId = current
      options.events.emit('session.changed', { staffId: current })
    }
  }, 5_000)
  watcher.unref?.()

  const status = async (): Promise<SecurityStatus> => {
    const vaultState = await vault.state()
    const staffId = session.currentStaffId()
    const member = staffId === null ? null : await staff.getStaff(staffId).catch(() => null)
    const assessment = options.keyStore.assess()
    return {
      vault: vaultState,
      protection: await vault.storedWrapMethod(),
      hasRecoveryKey: vaultState === 'uninitialized' ? false : await vault.hasRecoveryKey(),
      unlockProblem: vaultState === 'locked' ? unlockProblem : null,
      systemKeyStore: assessment.trusted
        ? { trusted: true, explanation: assessment.note }
        : { trusted: false, explanation: assessment.reason },
      needsFirstManager: vaultState === 'unlocked' ? await staff.needsFirstManager() : false,
      signedIn: member,
      unlockedUntil: session.snapshot()?.unlockedUntil ?? null,
    }
  }

  return {
    vault,
    staff,
    session,
    codes,
    recovery,
    status,
    async setUpVault(passphrase) {
      if ((await vault.state()) !== 'uninitialized') throw new AppError('CONFLICT', 'The vault is already set up.')
      await vault.initialize(protectorHere(passphrase))
      options.events.emit('session.changed', { staffId: null })
      return status()
    },
    async unlockVault(passphrase) {
      if ((await vault.state()) !== 'locked') return status()
      await vault.unlock(createPassphraseProtector(passphrase))
      options.events.emit('session.changed', { staffId: session.currentStaffId() })
      return status()
    },
    async recoverVault(recoveryKey, newPassphrase) {
      if ((await vault.state()) !== 'locked') throw new AppError('CONFLICT', 'The code vault is not locked, so there is nothing to recover.')
      await recovery.recover(recoveryKey, () => protectorHere(newPassphrase))
      unlockProblem = null
      options.events.emit('session.changed', { staffId: session.currentStaffId() })
      return status()
    },
    requireActor() {
      const staffId = session.currentStaffId()
      if (staffId === null) throw new AppError('SIGNED_OUT', 'Sign in with your PIN first.')
      session.touch()
      return staffId
    },
    close() {
      clearInterval(watcher)
      recovery.forget()
      vault.lock()
    },
  }
}
