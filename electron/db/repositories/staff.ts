import type { Kysely, Transaction } from 'kysely'
import type { StaffRole } from '../../../shared/domain/staff'
import type { Database, Flag } from '../schema'

type Executor = Kysely<Database> | Transaction<Database>

/** Every staff column except pin_hash: what lists and permission checks read. */
const PUBLIC_COLUMNS = [
  'id',
  'name',
  'role',
  'can_reveal_codes',
  'can_print_codes',
  'failed_pin_attempts',
  'locked_until',
  'pin_changed_at',
  'active',
  'created_at',
  'updated_at',
] as const

export interface StaffRecord {
  readonly id: number
  readonly name: string
  readonly role: StaffRole
  readonly canRevealCodes: boolean
  readonly canPrintCodes: boolean
  readonly failedPinAttempts: number
  readonly lockedUntil: string | null
  readonly pinChangedAt: string | null
  readonly active: boolean
  readonly createdAt: string
  readonly updatedAt: string
}

/** A staff record with the PIN hash, for verifying a PIN only. Never leaves the main process. */
export interface StaffAuthRecord extends StaffRecord {
  readonly pinHash: string | null
}

interface PublicRow {
  id: number
  name: string
  role: StaffRole
  can_reveal_codes: Flag
  can_print_codes: Flag
  failed_pin_attempts: number
  locked_until: string | null
  pin_changed_at: string | null
  active: Flag
  created_at: string
  updated_at: string
}

function toRecord(row: PublicRow): StaffRecord {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    canRevealCodes: row.can_reveal_codes === 1,
    canPrintCodes: row.can_print_codes === 1,
    failedPinAttempts: row.failed_pin_attempts,
    lockedUntil: row.locked_until,
    pinChangedAt: row.pin_changed_at,
    active: row.active === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

const flag = (value: boolean): Flag => (value ? 1 : 0)

export async function countStaff(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('staff')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function countActiveManagers(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('staff')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'manager')
    .where('active', '=', 1)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export interface NewStaffRow {
  readonly name: string
  readonly role: StaffRole
  readonly pinHash: string
  readonly canRevealCodes: boolean
  readonly canPrintCodes: boolean
}

export async function insertStaff(trx: Transaction<Database>, staff: NewStaffRow, now: string): Promise<StaffRecord> {
  const row = await trx
    .insertInto('staff')
    .values({
      name: staff.name,
      role: staff.role,
      pin_hash: staff.pinHash,
      can_reveal_codes: flag(staff.canRevealCodes),
      can_print_codes: flag(staff.canPrintCodes),
      pin_changed_at: now,
      created_at: now,
      updated_at: now,
    })
    .returning(PUBLIC_COLUMNS)
    .executeTakeFirstOrThrow()
  return toRecord(row)
}

export async function findStaffById(db: Executor, id: number): Promise<StaffRecord | undefined> {
  const row = await db.selectFrom('staff').select(PUBLIC_COLUMNS).where('id', '=', id).executeTakeFirst()
  return row ? toRecord(row) : undefined
}

export async function findStaffAuthById(db: Executor, id: number): Promise<StaffAuthRecord | undefined> {
  const row = await db
    .selectFrom('staff')
    .select([...PUBLIC_COLUMNS, 'pin_hash'])
    .where('id', '=', id)
    .executeTakeFirst()
  return row ? { ...toRecord(row), pinHash: row.pin_hash } : undefined
}

/** All staff, active first, then by name. Never includes PIN hashes. */
export async function listStaffRecords(db: Executor): Promise<StaffRecord[]> {
  const rows = await db
    .selectFrom('staff')
    .select(PUBLIC_COLUMNS)
    .orderBy('active', 'desc')
    .orderBy('name')
    .orderBy('id')
    .execute()
  return rows.map(toRecord)
}

export async function updateStaffPermissions(
  trx: Transaction<Database>,
  id: number,
  permissions: { canRevealCodes: boolean; canPrintCodes: boolean },
  now: string,
): Promise<boolean> {
  const result = await trx
    .updateTable('staff')
    .set({ can_reveal_codes: flag(permissions.canRevealCodes), can_print_codes: flag(permissions.canPrintCodes), updated_at: now })
    .where('id', '=', id)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

export async function updateStaffActive(trx: Transaction<Database>, id: number, active: boolean, now: string): Promise<boolean> {
  const result = await trx.updateTable('staff').set({ active: flag(active), updated_at: now }).where('id', '=', id).executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** Sets a new PIN hash and clears any lockout. */
export async function updateStaffPin(trx: Transaction<Database>, id: number, pinHash: string, now: string): Promise<boolean> {
  const result = await trx
    .updateTable('staff')
    .set({ pin_hash: pinHash, pin_changed_at: now, failed_pin_attempts: 0, locked_until: null, updated_at: now })
    .where('id', '=', id)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** Stores the lockout counters (they must survive a restart). */
export async function updateStaffLockout(
  trx: Transaction<Database>,
  id: number,
  state: { failedPinAttempts: number; lockedUntil: string | null },
): Promise<void> {
  await trx
    .updateTable('staff')
    .set({ failed_pin_attempts: state.failedPinAttempts, locked_until: state.lockedUntil })
    .where('id', '=', id)
    .execute()
}
