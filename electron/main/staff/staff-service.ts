import type { Kysely } from 'kysely'
import { AppError } from '../../../shared/api/errors'
import {
  enteredPinSchema,
  firstManagerSchema,
  newPinSchema,
  newStaffSchema,
  staffPermissionsSchema,
  type StaffMember,
} from '../../../shared/domain/staff'
import { appendAudit, type AuditEntry } from '../../db/repositories/audit'
import {
  countActiveManagers,
  countStaff,
  findStaffAuthById,
  findStaffById,
  insertStaff,
  listStaffRecords,
  updateStaffActive,
  updateStaffLockout,
  updateStaffPermissions,
  updateStaffPin,
  type StaffRecord,
} from '../../db/repositories/staff'
import type { Database } from '../../db/schema'
import type { ScryptCost } from '../vault/scrypt'
import type { Vault } from '../vault/vault'
import { CLEAR_LOCKOUT, MANAGER_RESET_AFTER, afterFailure, describeLock, lockStatus, lockoutDelayMs } from './lockout'
import { parseInput } from './parse-input'
import { hashPin, verifyPin as verifyPinHash } from './pin-hash'

export interface StaffServiceOptions {
  readonly db: Kysely<Database>
  /** Must be unlocked for anything that hashes or checks a PIN (it holds the pepper). */
  readonly vault: Vault
  readonly workstationId: string
  readonly now: () => Date
  /** scrypt cost for new PIN hashes; OWASP's unless a test asks for less. */
  readonly pinHashCost?: ScryptCost
}

export type PinCheck =
  | { readonly ok: true; readonly staff: StaffMember }
  | {
      readonly ok: false
      readonly reason: 'wrong-pin'
      readonly message: string
      /** Wrong PINs still allowed before the account locks (0 when this one locked it). */
      readonly attemptsBeforeLock: number
      readonly lockedUntil: string | null
    }
  | {
      readonly ok: false
      readonly reason: 'locked'
      readonly message: string
      /** null: only a manager reset unlocks it. */
      readonly lockedUntil: string | null
    }
  | { readonly ok: false; readonly reason: 'not-found' | 'inactive' | 'no-pin'; readonly message: string }

export interface StaffService {
  /** True until the first manager exists (first start). */
  needsFirstManager(): Promise<boolean>
  /** First start only: creates the manager. CONFLICT once any staff exists. */
  createFirstManager(input: unknown): Promise<StaffMember>
  /** Manager only. */
  addStaff(actorId: number, input: unknown): Promise<StaffMember>
  /** Everyone, active first. Never carries PIN hashes. */
  listStaff(): Promise<StaffMember[]>
  getStaff(staffId: number): Promise<StaffMember>
  /** Manager only: who may reveal and print codes. */
  setPermissions(actorId: number, input: unknown): Promise<StaffMember>
  /** Manager only: someone who left is deactivated (kept for the history, cannot sign in). */
  setActive(actorId: number, staffId: number, active: boolean): Promise<StaffMember>
  /** Manager only: new PIN for someone, clears the lockout; audited. */
  resetPin(actorId: number, staffId: number, newPin: string): Promise<StaffMember>
  /** Anyone signed in: a new PIN for themselves, with their current PIN (lockout applies); audited. */
  changeOwnPin(actorId: number, currentPin: string, newPin: string): Promise<StaffMember>
  /** Checks a PIN with the lockout policy; failures and locks are audited. Never throws for a wrong PIN. */
  verifyPin(staffId: number, pin: string): Promise<PinCheck>
  /** The active staff member, or FORBIDDEN. */
  requireActive(staffId: number): Promise<StaffRecord>
}

function toMember(record: StaffRecord, now: Date): StaffMember {
  const status = lockStatus(record, now)
  return {
    id: record.id,
    name: record.name,
    role: record.role,
    canRevealCodes: record.role === 'manager' || record.canRevealCodes,
    canPrintCodes: record.role === 'manager' || record.canPrintCodes,
    active: record.active,
    lockedUntil: status.locked ? status.until : null,
    needsManagerReset: status.locked && status.until === null,
    failedPinAttempts: record.failedPinAttempts,
    pinChangedAt: record.pinChangedAt,
    createdAt: record.createdAt,
  }
}

export function createStaffService(options: StaffServiceOptions): StaffService {
  const { db, vault } = options
  const cost = options.pinHashCost ? { cost: options.pinHashCost } : {}
  /** One PIN check at a time per account, so parallel guesses cannot slip past the lockout. */
  const pinQueues = new Map<number, Promise<unknown>>()

  const entry = (
    now: string,
    staffId: number | null,
    action: string,
    entityId: number,
    details: AuditEntry['details'],
  ): AuditEntry => ({ at: now, workstationId: options.workstationId, staffId, action, entityType: 'staff', entityId, details })

  const requireActive = async (staffId: number): Promise<StaffRecord> => {
    const record = await findStaffById(db, staffId)
    if (!record || !record.active) throw new AppError('FORBIDDEN', 'Sign in with an active staff account first.')
    return record
  }

  const requireManager = async (actorId: number): Promise<StaffRecord> => {
    const actor = await requireActive(actorId)
    if (actor.role !== 'manager') throw new AppError('FORBIDDEN', 'Only a manager can do this. Ask a manager to sign in.')
    return actor
  }

  const getMember = async (staffId: number): Promise<StaffMember> => {
    const record = await findStaffById(db, staffId)
    if (!record) throw new AppError('NOT_FOUND', 'That staff member was not found.')
    return toMember(record, options.now())
  }

  const checkPin = async (staffId: number, pin: string): Promise<PinCheck> => {
    const shape = enteredPinSchema.safeParse(pin)
    const record = await findStaffAuthById(db, staffId)
    if (!record) return { ok: false, reason: 'not-found', message: 'That staff member was not found.' }
    const nowDate = options.now()
    const now = nowDate.toISOString()
    if (!record.active) {
      await db.transaction().execute(async (trx) => {
        await appendAudit(trx, entry(now, record.id, 'staff.pin.failed', record.id, { reason: 'inactive', counted: false }))
      })
      return { ok: false, reason: 'inactive', message: 'This staff account has been deactivated. Ask a manager.' }
    }
    const before = lockStatus(record, nowDate)
    if (before.locked) {
      await db.transaction().execute(async (trx) => {
        await appendAudit(trx, entry(now, record.id, 'staff.pin.failed', record.id, { reason: 'locked', counted: false }))
      })
      return { ok: false, reason: 'locked', message: describeLock(before), lockedUntil: before.until }
    }
    if (!record.pinHash) return { ok: false, reason: 'no-pin', message: 'This account has no PIN yet. Ask a manager to set one.' }
    const pepper = vault.pepper()
    const matches = shape.success ? await verifyPinHash(shape.data, pepper, record.pinHash) : false

    return db.transaction().execute(async (trx): Promise<PinCheck> => {
      // Re-read inside the transaction: the counters are what the row says now.
      const current = (await findStaffAuthById(trx, staffId)) ?? record
      const status = lockStatus(current, nowDate)
      if (status.locked) return { ok: false, reason: 'locked', message: describeLock(status), lockedUntil: status.until }
      if (matches) {
        if (current.failedPinAttempts !== 0 || current.lockedUntil !== null) await updateStaffLockout(trx, staffId, CLEAR_LOCKOUT)
        return { ok: true, staff: toMember({ ...current, failedPinAttempts: 0, lockedUntil: null }, nowDate) }
      }
      const next = afterFailure(current, nowDate)
      await updateStaffLockout(trx, staffId, next)
      await appendAudit(trx, entry(now, staffId, 'staff.pin.failed', staffId, { reason: 'wrong-pin', counted: true, failedAttempts: next.failedPinAttempts }))
      const after = lockStatus(next, nowDate)
      if (after.locked) {
        await appendAudit(
          trx,
          entry(now, staffId, 'staff.locked', staffId, {
            failedAttempts: next.failedPinAttempts,
            lockedUntil: after.until,
            lockMs: after.until === null ? null : lockoutDelayMs(next.failedPinAttempts),
            untilManagerReset: next.failedPinAttempts >= MANAGER_RESET_AFTER,
          }),
        )
        return { ok: false, reason: 'wrong-pin', message: `Wrong PIN. ${describeLock(after)}`, attemptsBeforeLock: 0, lockedUntil: after.until }
      }
      const left = after.attemptsBeforeLock
      return {
        ok: false,
        reason: 'wrong-pin',
        message: `Wrong PIN. ${left} more wrong ${left === 1 ? 'PIN locks' : 'PINs lock'} this account for a while.`,
        attemptsBeforeLock: left,
        lockedUntil: null,
      }
    })
  }

  // One PIN check at a time per person, so two quick tries cannot both slip under the lockout count.
  const verifyPin = (staffId: number, pin: string): Promise<PinCheck> => {
    const previous = pinQueues.get(staffId) ?? Promise.resolve()
    const run = previous.then(
      () => checkPin(staffId, pin),
      () => checkPin(staffId, pin),
    )
    const settled = run.catch(() => undefined)
    pinQueues.set(staffId, settled)
    void settled.then(() => {
      if (pinQueues.get(staffId) === settled) pinQueues.delete(staffId)
    })
    return run
  }

  return {
    async needsFirstManager() {
      return (await countStaff(db)) === 0
    },

    async createFirstManager(input) {
      const { name, pin } = parseInput(firstManagerSchema, input)
      if ((await countStaff(db)) > 0) throw new AppError('CONFLICT', 'The first manager already exists. Sign in as a manager to add staff.')
      const pinHash = await hashPin(pin, vault.pepper(), cost)
      const now = options.now().toISOString()
      const record = await db.transaction().execute(async (trx) => {
        if ((await countStaff(trx)) > 0) throw new AppError('CONFLICT', 'The first manager already exists. Sign in as a manager to add staff.')
        const created = await insertStaff(trx, { name, role: 'manager', pinHash, canRevealCodes: true, canPrintCodes: true }, now)
        await appendAudit(trx, entry(now, created.id, 'staff.create', created.id, { role: 'manager', firstManager: true }))
        return created
      })
      return toMember(record, options.now())
    },

    async addStaff(actorId, input) {
      await requireManager(actorId)
      const staff = parseInput(newStaffSchema, input)
      const pinHash = await hashPin(staff.pin, vault.pepper(), cost)
      const now = options.now().toISOString()
      const isManager = staff.role === 'manager'
      const record = await db.transaction().execute(async (trx) => {
        const created = await insertStaff(
          trx,
          {
            name: staff.name,
            role: staff.role,
            pinHash,
            canRevealCodes: isManager || staff.canRevealCodes,
            canPrintCodes: isManager || staff.canPrintCodes,
          },
          now,
        )
        await appendAudit(
          trx,
          entry(now, actorId, 'staff.create', created.id, {
            role: created.role,
            canRevealCodes: created.canRevealCodes,
            canPrintCodes: created.canPrintCodes,
          }),
        )
        return created
      })
      return toMember(record, options.now())
    },

    async listStaff() {
      const now = options.now()
      return (await listStaffRecords(db)).map((record) => toMember(record, now))
    },

    getStaff: getMember,

    async setPermissions(actorId, input) {
      await requireManager(actorId)
      const permissions = parseInput(staffPermissionsSchema, input)
      const target = await findStaffById(db, permissions.staffId)
      if (!target) throw new AppError('NOT_FOUND', 'That staff member was not found.')
      if (target.role === 'manager') throw new AppError('CONFLICT', 'Managers may always reveal and print codes; there is nothing to change.')
      const now = options.now().toISOString()
      await db.transaction().execute(async (trx) => {
        await updateStaffPermissions(trx, target.id, permissions, now)
        await appendAudit(
          trx,
          entry(now, actorId, 'staff.permissions', target.id, {
            canRevealCodesBefore: target.canRevealCodes,
            canRevealCodes: permissions.canRevealCodes,
            canPrintCodesBefore: target.canPrintCodes,
            canPrintCodes: permissions.canPrintCodes,
          }),
        )
      })
      return getMember(target.id)
    },

    async setActive(actorId, staffId, active) {
      await requireManager(actorId)
      const target = await findStaffById(db, staffId)
      if (!target) throw new AppError('NOT_FOUND', 'That staff member was not found.')
      if (target.active === active) return toMember(target, options.now())
      const now = options.now().toISOString()
      await db.transaction().execute(async (trx) => {
        if (!active && target.role === 'manager' && (await countActiveManagers(trx)) <= 1) {
          throw new AppError('CONFLICT', 'This is the only active manager. Add another manager before deactivating this one.')
        }
        await updateStaffActive(trx, staffId, active, now)
        await appendAudit(trx, entry(now, actorId, active ? 'staff.reactivate' : 'staff.deactivate', staffId, { role: target.role }))
      })
      return getMember(staffId)
    },

    async resetPin(actorId, staffId, newPin) {
      await requireManager(actorId)
      const pin = parseInput(newPinSchema, newPin)
      const target = await findStaffById(db, staffId)
      if (!target) throw new AppError('NOT_FOUND', 'That staff member was not found.')
      const pinHash = await hashPin(pin, vault.pepper(), cost)
      const nowDate = options.now()
      const now = nowDate.toISOString()
      const status = lockStatus(target, nowDate)
      await db.transaction().execute(async (trx) => {
        await updateStaffPin(trx, staffId, pinHash, now)
        await appendAudit(
          trx,
          entry(now, actorId, 'staff.pin.reset', staffId, {
            wasLocked: status.locked,
            failedAttemptsBefore: target.failedPinAttempts,
            ownPin: actorId === staffId,
          }),
        )
      })
      return getMember(staffId)
    },

    verifyPin,

    async changeOwnPin(actorId, currentPin, newPin) {
      const pin = parseInput(newPinSchema, newPin)
      // The lockout policy applies: this is a PIN check like any other.
      const check = await verifyPin(actorId, currentPin)
      if (!check.ok) throw new AppError('FORBIDDEN', check.reason === 'wrong-pin' ? `Your current PIN is not right. ${check.message.replace(/^Wrong PIN\. /, '')}` : check.message)
      const pinHash = await hashPin(pin, vault.pepper(), cost)
      const now = options.now().toISOString()
      await db.transaction().execute(async (trx) => {
        await updateStaffPin(trx, actorId, pinHash, now)
        await appendAudit(trx, entry(now, actorId, 'staff.pin.change', actorId, {}))
      })
      return getMember(actorId)
    },

    requireActive,
  }
}
