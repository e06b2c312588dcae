import { randomBytes } from 'node:crypto'
import type BetterSqlite3 from 'better-sqlite3'
import type { Kysely } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrateToLatest } from '../../../../electron/db/migrate'
import type { BatteryJobsTable, CodeRetrievalRequestsTable, PrintJobsTable, RadioCodeSource, StaffTable } from '../../../../electron/db/schema'
import { down, up } from '../../../../electron/db/migrations/2026-11-24T0600_initial-schema'
import { rawKysely } from '../../../helpers/kysely'
import { makeTempDir, removeTempDir } from '../../../helpers/temp-dir'

const MIGRATION = '2026-11-24T0600_initial-schema'
const AT = '2026-11-24T06:00:00.000Z'
const LATER = '2026-11-25T09:30:00.000Z'

const ALL_TABLES = [
  'audit_log',
  'battery_jobs',
  'code_retrieval_requests',
  'customer_phones',
  'customers',
  'print_jobs',
  'radio_codes',
  'radios',
  'search_index',
  'search_keys',
  'shop_settings',
  'staff',
  'vault_keys',
  'vehicle_ownerships',
  'vehicles',
  'workstation_settings',
]

/** AES-256-GCM shaped ciphertext: 12-byte IV + 4-byte code + 16-byte tag, base64. */
const ciphertext = () => randomBytes(32).toString('base64')

let dir: string
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let db: Kysely<any>
let sqlite: BetterSqlite3.Database

beforeEach(() => {
  dir = makeTempDir()
  ;({ db, sqlite } = rawKysely(dir))
})

afterEach(async () => {
  await db.destroy()
  removeTempDir(dir)
})

function userTables(): string[] {
  return sqlite
    .prepare(
      "select name from pragma_table_list where schema = 'main' and type in ('table', 'virtual') and name not like 'sqlite_%' and name not like 'kysely_%' order by name",
    )
    .pluck()
    .all() as string[]
}

async function insertId(table: string, values: Record<string, unknown>): Promise<number> {
  const row = await db.insertInto(table).values(values).returning('id').executeTakeFirstOrThrow()
  return row.id as number
}

/** One realistic row (or a few) in every table, as the app will write them. */
async function seedEveryTable() {
  const manager = await insertId('staff', {
    name: 'Maria Gomez',
    role: 'manager',
    pin_hash: 'scrypt$N=16384,r=8,p=1$c2FsdA$aGFzaA',
    can_reveal_codes: 1,
    can_print_codes: 1,
    pin_changed_at: AT,
    created_at: AT,
    updated_at: AT,
  })
  const desk = await insertId('staff', { name: 'Tom Reed', role: 'desk', created_at: AT, updated_at: AT })
  const ana = await insertId('customers', {
    name: 'Ana López',
    email: 'ana@example.com',
    preferred_language: 'es',
    search_key: 'ANA LOPEZ',
    created_at: AT,
    updated_at: AT,
  })
  const bob = await insertId('customers', { name: 'Bob Smith', search_key: 'BOB SMITH', created_at: AT, updated_at: AT })
  await insertId('customer_phones', { customer_id: ana, number: '(555) 010-2030', digits: '5550102030', label: 'mobile', created_at: AT })
  await insertId('customer_phones', { customer_id: ana, number: '555.010.9999', digits: '5550109999', position: 1, created_at: AT })
  const accord = await insertId('vehicles', {
    vin: '1HGCM82633A004352',
    year: 2019,
    make: 'Honda',
    model: 'Accord',
    plate: '7ABC 123',
    plate_state: 'CA',
    plate_key: '7ABC123',
    search_key: 'HONDA ACCORD 7ABC123',
    created_at: AT,
    updated_at: AT,
  })
  await insertId('vehicle_ownerships', { vehicle_id: accord, customer_id: bob, started_at: '2020-01-01T00:00:00.000Z', ended_at: AT, recorded_by: desk })
  await insertId('vehicle_ownerships', { vehicle_id: accord, customer_id: ana, started_at: AT, recorded_by: desk })
  const radio = await insertId('radios', {
    vehicle_id: accord,
    serial: 'HE-123 456',
    serial_key: 'HE123456',
    head_unit: 'Alpine 39100-TVA',
    installed_at: '2019-03-01T00:00:00.000Z',
    created_by: desk,
    created_at: AT,
    updated_at: AT,
  })
  const vaultKey = await insertId('vault_keys', {
    purpose: 'data-key',
    wrap_method: 'safe-storage',
    wrapped_key: randomBytes(60).toString('base64'),
    key_check: randomBytes(16).toString('hex'),
    created_at: AT,
  })
  const firstCode = ciphertext()
  const oldCode = await insertId('radio_codes', {
    radio_id: radio,
    code_ciphertext: firstCode,
    key_id: vaultKey,
    source: 'owner-card',
    entered_by: desk,
    entered_at: AT,
  })
  const newCode = await insertId('radio_codes', {
    radio_id: radio,
    code_ciphertext: ciphertext(),
    key_id: vaultKey,
    source: 'dealer',
    source_detail: 'Honda dealer, Fresno',
    entered_by: manager,
    entered_at: LATER,
    verified_by: manager,
    verified_at: LATER,
  })
  await db.updateTable('radio_codes').set({ superseded_by: newCode, superseded_at: LATER }).where('id', '=', oldCode).execute()
  const retrieval = await insertId('code_retrieval_requests', {
    vehicle_id: accord,
    radio_id: radio,
    customer_id: ana,
    channel: 'dealer-phone',
    status: 'requested',
    checklist_json: JSON.stringify({ vinSent: true, proofOfOwnership: true }),
    follow_up_on: '2026-11-26',
    cost_cents: 2500,
    opened_by: desk,
    opened_at: AT,
    updated_at: AT,
  })
  const job = await insertId('battery_jobs', {
    ro_number: 'RO-10422',
    ro_key: 'RO10422',
    vehicle_id: accord,
    customer_id: ana,
    radio_id: radio,
    retrieval_request_id: retrieval,
    status: 'in-service',
    checked_in_by: desk,
    checked_in_at: AT,
    gate_decision: 'code-on-file',
    gate_decided_by: manager,
    gate_decided_at: AT,
    updated_at: AT,
  })
  await insertId('print_jobs', {
    document_type: 'code-card',
    battery_job_id: job,
    printer_name: 'Front desk',
    options_json: JSON.stringify({ copies: 1 }),
    status: 'printed',
    requested_by: desk,
    workstation_id: '6f1c0d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f',
    requested_at: AT,
    finished_at: AT,
  })
  await db.insertInto('shop_settings').values({ key: 'shop', value_json: '{"shopName":"Joe\'s Auto"}', updated_at: AT, updated_by: manager }).execute()
  await db
    .insertInto('workstation_settings')
    .values({ workstation_id: '6f1c0d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f', key: 'printer.card', value_json: '"Front desk"', updated_at: AT })
    .execute()
  await insertId('audit_log', {
    at: AT,
    workstation_id: '6f1c0d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f',
    staff_id: desk,
    action: 'customer.create',
    entity_type: 'customer',
    entity_id: ana,
    prev_hash: '0'.repeat(64),
    hash: 'a'.repeat(64),
  })
  await db.insertInto('search_index').values({ entity_type: 'customer', entity_id: ana, terms: 'ANA LOPEZ 5550102030' }).execute()
  await insertId('search_keys', { entity_type: 'customer', entity_id: ana, kind: 'phone', key: '5550102030' })
  await insertId('search_keys', { entity_type: 'customer', entity_id: ana, kind: 'phone', key: '~0302010555' })
  await insertId('search_keys', { entity_type: 'vehicle', entity_id: accord, kind: 'vin', key: '1HGCM82633A004352' })
  return { manager, desk, ana, bob, accord, radio, vaultKey, oldCode, newCode, firstCode, retrieval, job }
}

/*
 * Every value schema.ts allows, as records so that a value added to a union in
 * schema.ts but not here is a compile error; the test then proves the CHECK
 * constraints accept each one.
 */
const allOf = <T extends string>(values: Record<T, true>) => Object.keys(values) as T[]
const STAFF_ROLES = allOf<StaffTable['role']>({ desk: true, technician: true, manager: true })
const CODE_SOURCES = allOf<RadioCodeSource>({
  'owner-card': true,
  sticker: true,
  'owners-manual': true,
  customer: true,
  dealer: true,
  'manufacturer-website': true,
  'previous-visit': true,
  other: true,
})
const RETRIEVAL_STATUSES = allOf<CodeRetrievalRequestsTable['status']>({
  needed: true,
  requested: true,
  received: true,
  verified: true,
  failed: true,
  cancelled: true,
})
const JOB_STATUSES = allOf<BatteryJobsTable['status']>({
  'checked-in': true,
  'code-check': true,
  'in-service': true,
  done: true,
  'handed-over': true,
  'card-declined': true,
  cancelled: true,
})
const GATE_DECISIONS = allOf<NonNullable<BatteryJobsTable['gate_decision']>>({
  'code-on-file': true,
  'no-code-needed': true,
  'memory-saver': true,
  'risk-accepted': true,
})
const PRINT_STATUSES = allOf<PrintJobsTable['status']>({
  queued: true,
  printing: true,
  printed: true,
  saved: true,
  failed: true,
  cancelled: true,
})

/** Runs `write` and returns the SQLite error code it failed with (or null if it succeeded). */
async function failureCode(write: () => Promise<unknown>): Promise<string | null> {
  try {
    await write()
    return null
  } catch (error) {
    return (error as { code?: string }).code ?? String(error)
  }
}

describe(`migration ${MIGRATION}`, () => {
  describe('from an empty database (N-1) to N', () => {
    beforeEach(async () => {
      expect(userTables()).toEqual([])
      await migrateToLatest(db, MIGRATION)
    })

    it('creates every table of the product', () => {
      expect(userTables()).toEqual(ALL_TABLES)
    })

    it('takes realistic rows in every table and returns them with their defaults', async () => {
      const ids = await seedEveryTable()
      for (const table of ALL_TABLES) {
        const count = sqlite.prepare(`select count(*) from ${table}`).pluck().get() as number
        expect(count, table).toBeGreaterThan(0)
      }
      const desk = await db.selectFrom('staff').selectAll().where('id', '=', ids.desk).executeTakeFirstOrThrow()
      expect(desk).toMatchObject({ can_reveal_codes: 0, can_print_codes: 0, failed_pin_attempts: 0, active: 1, pin_hash: null })
      const bob = await db.selectFrom('customers').selectAll().where('id', '=', ids.bob).executeTakeFirstOrThrow()
      expect(bob).toMatchObject({ email: '', preferred_language: 'en', notes: '', archived_at: null })
      const code = await db.selectFrom('radio_codes').selectAll().where('id', '=', ids.oldCode).executeTakeFirstOrThrow()
      expect(code).toMatchObject({ code_ciphertext: ids.firstCode, superseded_by: ids.newCode, source_detail: '' })
      expect(Buffer.from(code.code_ciphertext as string, 'base64')).toHaveLength(32)
      const job = await db.selectFrom('battery_jobs').selectAll().where('id', '=', ids.job).executeTakeFirstOrThrow()
      expect(job).toMatchObject({ gate_detail_json: '{}', checklist_json: '{}', notes: '', card_declined_at: null })
    })

    it('refuses values outside the CHECK lists', async () => {
      const ids = await seedEveryTable()
      const checks: Array<[string, () => Promise<unknown>]> = [
        ['staff.role', () => insertId('staff', { name: 'X', role: 'owner', created_at: AT, updated_at: AT })],
        ['customers.preferred_language', () => insertId('customers', { name: 'X', search_key: 'X', preferred_language: 'fr', created_at: AT, updated_at: AT })],
        ['radio_codes.source', () => insertId('radio_codes', { radio_id: ids.radio, code_ciphertext: ciphertext(), key_id: ids.vaultKey, source: 'guess', entered_by: ids.desk, entered_at: AT })],
        ['code_retrieval_requests.status', () => insertId('code_retrieval_requests', { vehicle_id: ids.accord, channel: 'web', status: 'lost', opened_at: AT, updated_at: AT })],
        ['battery_jobs.status', () => insertId('battery_jobs', { vehicle_id: ids.accord, customer_id: ids.ana, status: 'parked', checked_in_at: AT, updated_at: AT })],
        ['battery_jobs.gate_decision', () => insertId('battery_jobs', { vehicle_id: ids.accord, customer_id: ids.ana, status: 'checked-in', gate_decision: 'yolo', checked_in_at: AT, updated_at: AT })],
        ['print_jobs.status', () => insertId('print_jobs', { document_type: 'test-page', status: 'sent', workstation_id: 'w', requested_at: AT })],
        ['vault_keys.purpose', () => insertId('vault_keys', { purpose: 'other', wrap_method: 'test', wrapped_key: 'k', key_check: 'c', created_at: AT })],
        ['vault_keys.wrap_method', () => insertId('vault_keys', { purpose: 'data-key', wrap_method: 'plaintext', wrapped_key: 'k', key_check: 'c', created_at: AT })],
      ]
      for (const [column, write] of checks) {
        expect(await failureCode(write), column).toBe('SQLITE_CONSTRAINT_CHECK')
      }
    })

    it('accepts every value schema.ts declares for the CHECK-constrained columns', async () => {
      const ids = await seedEveryTable()
      for (const role of STAFF_ROLES) await insertId('staff', { name: role, role, created_at: AT, updated_at: AT })
      for (const source of CODE_SOURCES) {
        await insertId('radio_codes', { radio_id: ids.radio, code_ciphertext: ciphertext(), key_id: ids.vaultKey, source, entered_by: ids.desk, entered_at: AT })
      }
      for (const status of RETRIEVAL_STATUSES) {
        await insertId('code_retrieval_requests', { vehicle_id: ids.accord, channel: 'dealer-phone', status, opened_at: AT, updated_at: AT })
      }
      for (const status of JOB_STATUSES) {
        for (const gate_decision of [...GATE_DECISIONS, null]) {
          await insertId('battery_jobs', { vehicle_id: ids.accord, customer_id: ids.ana, status, gate_decision, checked_in_at: AT, updated_at: AT })
        }
      }
      for (const status of PRINT_STATUSES) {
        await insertId('print_jobs', { document_type: 'test-page', status, workstation_id: 'ws-1', requested_at: AT })
      }
      expect(sqlite.prepare('select count(*) from battery_jobs').pluck().get()).toBe(1 + JOB_STATUSES.length * (GATE_DECISIONS.length + 1))
    })

    it('refuses rows without required values', async () => {
      expect(await failureCode(() => insertId('customers', { search_key: 'X', created_at: AT, updated_at: AT }))).toBe('SQLITE_CONSTRAINT_NOTNULL')
      expect(await failureCode(() => insertId('staff', { name: 'X', created_at: AT, updated_at: AT }))).toBe('SQLITE_CONSTRAINT_NOTNULL')
    })

    it('allows many vehicles without a VIN but not two with the same VIN', async () => {
      const vehicle = (vin: string | null) => insertId('vehicles', { vin, created_at: AT, updated_at: AT })
      await vehicle(null)
      await vehicle(null)
      await vehicle(null)
      await vehicle('1HGCM82633A004352')
      expect(await failureCode(() => vehicle('1HGCM82633A004352'))).toBe('SQLITE_CONSTRAINT_UNIQUE')
      expect(sqlite.prepare('select count(*) from vehicles where vin is null').pluck().get()).toBe(3)
    })

    it('allows one current owner per vehicle and any number of past ones', async () => {
      const ids = await seedEveryTable()
      const ownership = (vehicle_id: number, customer_id: number, ended_at: string | null) =>
        insertId('vehicle_ownerships', { vehicle_id, customer_id, started_at: AT, ended_at })
      await ownership(ids.accord, ids.bob, LATER)
      await ownership(ids.accord, ids.ana, LATER)
      expect(await failureCode(() => ownership(ids.accord, ids.bob, null))).toBe('SQLITE_CONSTRAINT_UNIQUE')
      const other = await insertId('vehicles', { created_at: AT, updated_at: AT })
      await ownership(other, ids.bob, null)
      const current = sqlite.prepare('select vehicle_id from vehicle_ownerships where ended_at is null order by vehicle_id').pluck().all()
      expect(current).toEqual([ids.accord, other])
    })

    it('enforces foreign keys on insert and on delete', async () => {
      const ids = await seedEveryTable()
      expect(await failureCode(() => insertId('customer_phones', { customer_id: 9999, number: '5550102030', digits: '5550102030', created_at: AT }))).toBe(
        'SQLITE_CONSTRAINT_FOREIGNKEY',
      )
      expect(await failureCode(() => insertId('radio_codes', { radio_id: ids.radio, code_ciphertext: ciphertext(), key_id: 1, source: 'other', entered_by: 9999, entered_at: AT }))).toBe(
        'SQLITE_CONSTRAINT_FOREIGNKEY',
      )
      expect(await failureCode(() => db.deleteFrom('customers').where('id', '=', ids.ana).execute())).toBe('SQLITE_CONSTRAINT_FOREIGNKEY')
      expect(await failureCode(() => db.deleteFrom('radio_codes').where('id', '=', ids.newCode).execute())).toBe('SQLITE_CONSTRAINT_FOREIGNKEY')
    })

    it('keys shop settings by key and workstation settings by workstation and key', async () => {
      await db.insertInto('shop_settings').values({ key: 'shop', value_json: '{}', updated_at: AT }).execute()
      expect(await failureCode(() => db.insertInto('shop_settings').values({ key: 'shop', value_json: '{}', updated_at: AT }).execute())).toBe(
        'SQLITE_CONSTRAINT_PRIMARYKEY',
      )
      const setting = (workstation_id: string) =>
        db.insertInto('workstation_settings').values({ workstation_id, key: 'printer.card', value_json: '"A"', updated_at: AT }).execute()
      await setting('ws-1')
      await setting('ws-2')
      expect(await failureCode(() => setting('ws-1'))).toBe('SQLITE_CONSTRAINT_PRIMARYKEY')
    })

    it('refuses UPDATE and DELETE on audit_log and keeps the row as written', async () => {
      await seedEveryTable()
      const before = sqlite.prepare('select * from audit_log').all()
      const update = () => db.updateTable('audit_log').set({ action: 'customer.delete' }).execute()
      const remove = () => db.deleteFrom('audit_log').execute()
      await expect(update()).rejects.toThrow('audit_log is append-only')
      await expect(remove()).rejects.toThrow('audit_log is append-only')
      expect(await failureCode(update)).toBe('SQLITE_CONSTRAINT_TRIGGER')
      expect(sqlite.prepare('select * from audit_log').all()).toEqual(before)
    })
  })

  describe('down()', () => {
    it('removes every table, index and trigger, and up() runs again afterwards', async () => {
      await up(db)
      expect(userTables()).toEqual(ALL_TABLES)
      await down(db)
      expect(userTables()).toEqual([])
      expect(sqlite.prepare("select count(*) from sqlite_master where name not like 'sqlite_%'").pluck().get()).toBe(0)
      await up(db)
      expect(userTables()).toEqual(ALL_TABLES)
      expect(sqlite.prepare("select name from sqlite_master where type = 'trigger' order by name").pluck().all()).toEqual([
        'audit_log_no_delete',
        'audit_log_no_update',
      ])
    })
  })
})
