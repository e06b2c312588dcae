import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import type { AuditLogRow, AuditPage, AuditVerification } from '../../shared/domain/audit'
import type { RadioCodeHistoryEntry } from '../../shared/domain/radio-code'
import type { RetrievalRequest } from '../../shared/domain/retrieval'
import type { Vehicle, VehicleDetail } from '../../shared/domain/vehicle'
import {
  DESK_PIN,
  MANAGER_PIN,
  MINUTE,
  addStaff,
  errorOf,
  firstStart,
  signIn,
  useDesks,
  valueOf,
  type Call,
  type Desk,
} from './desk-harness'

/*
 * audit.list and audit.verify: the manager's view of the audit log, and the
 * hash chain check that says which row was tampered with.
 */

const desks = useDesks()

async function setUp() {
  const desk = await desks.start()
  const world = await firstStart(desk.call)
  return { desk, call: desk.call, ...world }
}

async function list(call: Call, input: Record<string, unknown> = {}): Promise<AuditPage> {
  return valueOf(await call<AuditPage>('audit.list', input))
}

async function allIds(desk: Desk): Promise<number[]> {
  return (await desk.services.requireDb().selectFrom('audit_log').select('id').orderBy('id', 'desc').execute()).map((row) => row.id)
}

/** Drops the append-only triggers, as someone editing the file by hand could. */
async function dropAuditTriggers(desk: Desk): Promise<void> {
  const db = desk.services.requireDb()
  await sql`drop trigger audit_log_no_update`.execute(db)
  await sql`drop trigger audit_log_no_delete`.execute(db)
}

describe('audit.list', () => {
  it('newest first, with staff names and parsed details', async () => {
    const { desk, call, manager } = await setUp()
    const page = await list(call)
    expect(page.rows.map((row) => row.id)).toEqual(await allIds(desk))
    expect(page.nextBefore).toBeNull()
    const newest = page.rows[0]!
    expect(newest).toMatchObject({ action: 'radio.add', entityType: 'radio', staff: { id: manager.id, name: 'Maria Manager' } })
    const create = page.rows.find((row) => row.action === 'staff.create')!
    expect(create.details).toEqual({ role: 'manager', firstManager: true })
    expect(create.workstationId).toBe(desk.services.workstationId)
  })

  it('pages by cursor: nextBefore leads to the older rows, without gaps or repeats', async () => {
    const { desk, call } = await setUp()
    for (let i = 0; i < 6; i++) valueOf(await call('customers.create', { name: `Customer ${i}` }))
    const ids = await allIds(desk)
    const seen: number[] = []
    let before: number | null = null
    for (let pages = 0; pages < 20; pages++) {
      const page: AuditPage = await list(call, { limit: 4, before })
      expect(page.rows.length).toBeLessThanOrEqual(4)
      seen.push(...page.rows.map((row) => row.id))
      if (page.nextBefore === null) break
      expect(page.nextBefore).toBe(page.rows.at(-1)!.id)
      before = page.nextBefore
    }
    expect(seen).toEqual(ids)
    // A page that ends exactly at the last row says so.
    const exact = await list(call, { limit: ids.length })
    expect(exact.nextBefore).toBeNull()
    expect((await list(call, { limit: ids.length - 1 })).nextBefore).toBe(ids.at(-2))
  })

  it('filters by person, action (exact or family), entity and date range', async () => {
    const { desk, call, manager, radioId } = await setUp()
    // Ten-minute steps below: longer than the default idle sign-out.
    valueOf(await call('settings.setIdleLock', { minutes: 60 }))
    const clerk = await addStaff(call, 'Dan Desk', 'desk', DESK_PIN)
    desk.clock.advance(10 * MINUTE)
    const code = valueOf(await call<RadioCodeHistoryEntry>('codes.add', { radioId, code: '12345', source: 'owner-card' }))
    valueOf(await call('codes.reveal', { codeId: code.id, pin: MANAGER_PIN }))
    await signIn(call, clerk.id, DESK_PIN)
    valueOf(await call('codes.verify', { codeId: code.id }))
    desk.clock.advance(10 * MINUTE)
    valueOf(await call('customers.create', { name: 'Late customer' }))
    expect(errorOf(await call('audit.list', {})).code).toBe('FORBIDDEN')
    await signIn(call, manager.id, MANAGER_PIN)

    const byClerk = await list(call, { staffId: clerk.id })
    expect(byClerk.rows.map((row) => row.action)).toEqual(['customer.create', 'code.verify', 'staff.sign-in'])
    expect(byClerk.rows.every((row) => row.staff?.name === 'Dan Desk')).toBe(true)

    expect((await list(call, { action: 'code.reveal' })).rows.map((row) => row.entityId)).toEqual([code.id])
    expect((await list(call, { action: 'code.*' })).rows.map((row) => row.action)).toEqual(['code.verify', 'code.reveal', 'code.enter'])
    // An exact action matches only itself (not "staff.sign-out", not "staff.create").
    expect((await list(call, { action: 'staff.sign-in' })).rows.map((row) => row.staff?.name)).toEqual(['Maria Manager', 'Dan Desk', 'Maria Manager'])
    expect((await list(call, { entityType: 'radio_code', entityId: code.id })).rows.map((row) => row.action)).toEqual([
      'code.verify',
      'code.reveal',
      'code.enter',
    ])
    expect((await list(call, { entityType: 'staff' })).rows.every((row) => row.entityType === 'staff')).toBe(true)

    // Dates: from inclusive, to exclusive; any offset is understood.
    const middle = await list(call, { from: '2026-11-24T09:10:00Z', to: '2026-11-24T09:20:00Z' })
    expect(middle.rows.map((row) => row.action)).toEqual(['code.verify', 'staff.sign-in', 'code.reveal', 'code.enter'])
    const late = await list(call, { from: '2026-11-24T10:20:00+01:00' })
    expect(late.rows.map((row) => row.action)).toEqual(['staff.sign-in', 'customer.create'])
    const early = await list(call, { to: '2026-11-24T09:10:00.000Z' })
    expect(early.rows.every((row) => row.at < '2026-11-24T09:10:00.000Z')).toBe(true)
    expect(early.rows.length).toBeGreaterThan(0)

    // Filters combine.
    expect((await list(call, { staffId: clerk.id, action: 'code.*' })).rows.map((row) => row.action)).toEqual(['code.verify'])
  })

  it('by vehicle: the vehicle, its radios, their codes and its retrieval requests; not another vehicle’s', async () => {
    const { call, vehicleId, radioId, ownerId } = await setUp()
    const code = valueOf(await call<RadioCodeHistoryEntry>('codes.add', { radioId, code: '12345', source: 'owner-card' }))
    const request = valueOf(await call<RetrievalRequest>('retrieval.open', { vehicleId, channel: 'honda-acura-code-radio/dealer/0' }))
    valueOf(await call('retrieval.update', { id: request.id, status: 'cancelled' }))
    valueOf(await call('vehicles.update', { id: vehicleId, colour: 'Blue' }))
    // A replaced radio still belongs to the vehicle's history.
    const replaced = valueOf(await call<VehicleDetail>('radios.add', { vehicleId, serial: 'NEW-1', replacesReason: 'upgrade' }))
    const other = valueOf(await call<Vehicle>('vehicles.create', { ownerId, year: 2001, make: 'BMW', model: '330i' }))
    const otherRadio = valueOf(await call<VehicleDetail>('radios.add', { vehicleId: other.id })).radios[0]!.id
    valueOf(await call('codes.add', { radioId: otherRadio, code: '23456', source: 'dealer' }))

    const rows = (await list(call, { vehicleId })).rows
    const key = (row: AuditLogRow) => `${row.entityType}:${row.entityId}:${row.action}`
    expect(rows.map(key)).toEqual([
      `radio:${replaced.radios[0]!.id}:radio.add`,
      `vehicle:${vehicleId}:vehicle.update`,
      `code_retrieval_request:${request.id}:retrieval.update`,
      `code_retrieval_request:${request.id}:retrieval.open`,
      `radio_code:${code.id}:code.enter`,
      `radio:${radioId}:radio.add`,
      `vehicle:${vehicleId}:vehicle.create`,
    ])
    const otherRows = (await list(call, { vehicleId: other.id })).rows
    expect(otherRows.map((row) => row.action)).toEqual(['code.enter', 'radio.add', 'vehicle.create'])
    // Combined with an entity type: only that vehicle's codes.
    expect((await list(call, { vehicleId, entityType: 'radio_code' })).rows.map((row) => row.entityId)).toEqual([code.id])
  })

  it('manager only: a desk member gets FORBIDDEN, nobody signed in gets SIGNED_OUT', async () => {
    const { call } = await setUp()
    const clerk = await addStaff(call, 'Dan Desk', 'desk', DESK_PIN, { canRevealCodes: true, canPrintCodes: true })
    await signIn(call, clerk.id, DESK_PIN)
    expect(errorOf(await call('audit.list', {})).code).toBe('FORBIDDEN')
    expect(errorOf(await call('audit.verify', {})).code).toBe('FORBIDDEN')
    valueOf(await call('session.signOut', {}))
    expect(errorOf(await call('audit.list', {})).code).toBe('SIGNED_OUT')
    expect(errorOf(await call('audit.verify', {})).code).toBe('SIGNED_OUT')
  })

  it('bad filters are refused with VALIDATION', async () => {
    const { call } = await setUp()
    const cases: [Record<string, unknown>, string][] = [
      [{ limit: 0 }, 'limit'],
      [{ limit: 201 }, 'limit'],
      [{ limit: 2.5 }, 'limit'],
      [{ entityId: 3 }, 'entityType'],
      [{ from: '2026-11-25T00:00:00Z', to: '2026-11-24T00:00:00Z' }, 'to'],
      [{ from: '2026-11-24T00:00:00Z', to: '2026-11-24T00:00:00Z' }, 'to'],
      [{ from: 'yesterday' }, 'from'],
      [{ action: "code' or 1=1" }, 'action'],
      [{ action: '%' }, 'action'],
      [{ entityType: 'Radio Code' }, 'entityType'],
      [{ before: -1 }, 'before'],
      [{ staffId: 'me' }, 'staffId'],
      [{ page: 2 }, ''],
    ]
    for (const [input, path] of cases) {
      const error = errorOf(await call('audit.list', input))
      expect(error.code, JSON.stringify(input)).toBe('VALIDATION')
      if (path) expect(error.fields?.[0]?.path, JSON.stringify(input)).toBe(path)
    }
    expect(errorOf(await call('audit.verify', { deep: true })).code).toBe('VALIDATION')
  })
})

describe('audit.verify', () => {
  it('an untouched log verifies', async () => {
    const { desk, call } = await setUp()
    const result = valueOf(await call<AuditVerification>('audit.verify', {}))
    expect(result).toEqual({ ok: true, rows: (await allIds(desk)).length })
  })

  it('an edited row (trigger dropped, details changed) is found, by its id', async () => {
    const { desk, call, radioId } = await setUp()
    const code = valueOf(await call<RadioCodeHistoryEntry>('codes.add', { radioId, code: '12345', source: 'owner-card' }))
    valueOf(await call('codes.reveal', { codeId: code.id, pin: MANAGER_PIN }))
    valueOf(await call('customers.create', { name: 'After' }))
    const db = desk.services.requireDb()
    const reveal = await db.selectFrom('audit_log').select('id').where('action', '=', 'code.reveal').executeTakeFirstOrThrow()

    // The triggers refuse the edit as long as they exist.
    await expect(sql`update audit_log set staff_id = null where id = ${reveal.id}`.execute(db)).rejects.toThrow(/append-only/)
    await dropAuditTriggers(desk)
    await sql`update audit_log set staff_id = null where id = ${reveal.id}`.execute(db)

    const result = valueOf(await call<AuditVerification>('audit.verify', {}))
    expect(result).toMatchObject({ ok: false, brokenAtId: reveal.id })
    if (result.ok) throw new Error('unreachable')
    expect(result.message).toContain(`row ${reveal.id}`)
    expect(result.message).toMatch(/changed after it was written/)
    expect(result.rows).toBe((await allIds(desk)).length)
  })

  it('a deleted row breaks the chain at the row after it', async () => {
    const { desk, call } = await setUp()
    valueOf(await call('customers.create', { name: 'One' }))
    valueOf(await call('customers.create', { name: 'Two' }))
    valueOf(await call('customers.create', { name: 'Three' }))
    const ids = (await allIds(desk)).reverse()
    const victim = ids[ids.length - 2]!
    await dropAuditTriggers(desk)
    await sql`delete from audit_log where id = ${victim}`.execute(desk.services.requireDb())
    const result = valueOf(await call<AuditVerification>('audit.verify', {}))
    expect(result).toMatchObject({ ok: false, brokenAtId: ids[ids.length - 1] })
    if (result.ok) throw new Error('unreachable')
    expect(result.message).toMatch(/does not follow the row before it/)
  })
})
