import { describe, expect, it } from 'vitest'
import { verifyAuditChain } from '../../electron/db/repositories/audit'
import type { RadioCodeHistoryEntry, RevealedCode } from '../../shared/domain/radio-code'
import {
  DESK_PIN,
  MANAGER_PIN,
  MINUTE,
  addStaff,
  countRows,
  errorOf,
  firstStart,
  signIn,
  useDesks,
  valueOf,
  type Desk,
} from './desk-harness'

/*
 * codes.release: giving a code at the counter or on the phone. Same
 * permission and PIN check as a reveal; the proof of ownership, recipient and
 * channel are recorded in the audit row written with the decryption.
 */

const desks = useDesks()
const CODE = '41263'

async function setUp() {
  const desk = await desks.start()
  const world = await firstStart(desk.call)
  const code = valueOf(await desk.call<RadioCodeHistoryEntry>('codes.add', { radioId: world.radioId, code: CODE, source: 'owner-card' }))
  return { desk, call: desk.call, ...world, codeId: code.id }
}

const atCounter = (codeId: number, extra: Record<string, unknown> = {}) => ({
  codeId,
  recipientName: 'Ana López',
  recipientRole: 'owner',
  via: 'in-person',
  proofs: ['registration'],
  ...extra,
})

async function auditRow(desk: Desk, id: number) {
  return desk.services.requireDb().selectFrom('audit_log').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
}

async function rowsWithAction(desk: Desk, action: string) {
  return desk.services.requireDb().selectFrom('audit_log').selectAll().where('action', '=', action).execute()
}

describe('codes.release', () => {
  it('at the counter with a proof: returns the code and audits proofs, recipient, channel and who, never the code', async () => {
    const { desk, call, codeId, radioId, vehicleId, manager } = await setUp()
    const released = valueOf(
      await call<RevealedCode>('codes.release', atCounter(codeId, { pin: MANAGER_PIN, proofs: ['registration', 'photo-id'] })),
    )
    expect(released).toMatchObject({ codeId, radioId, code: CODE, current: true })
    const row = await auditRow(desk, released.auditId)
    expect(row).toMatchObject({ action: 'code.release', entity_type: 'radio_code', entity_id: codeId, staff_id: manager.id })
    expect(JSON.parse(row.details_json)).toEqual({
      radioId,
      vehicleId,
      recipientName: 'Ana López',
      recipientRole: 'owner',
      channel: 'in-person',
      proofs: 'registration,photo-id',
      proofOverride: false,
      noProofReason: null,
      unlock: 'pin',
    })
    expect(row.details_json).not.toContain(CODE)
    expect(await verifyAuditChain(desk.services.requireDb())).toMatchObject({ ok: true })
  })

  it('by phone to the owner who reads out the title; a PIN typed moments ago is enough', async () => {
    const { desk, call, codeId } = await setUp()
    // Signing in counts as an unlock for two minutes.
    const released = valueOf(await call<RevealedCode>('codes.release', atCounter(codeId, { via: 'phone', proofs: ['title'] })))
    expect(released.code).toBe(CODE)
    expect(JSON.parse((await auditRow(desk, released.auditId)).details_json)).toMatchObject({ channel: 'phone', unlock: 'recent-unlock', proofs: 'title' })
    // Later, the PIN is asked again.
    desk.clock.advance(3 * MINUTE)
    const again = errorOf(await call('codes.release', atCounter(codeId)))
    expect(again.code).toBe('FORBIDDEN')
    expect(again.message).toMatch(/Enter your PIN/)
    expect(errorOf(await call('codes.release', atCounter(codeId, { pin: '0000' }))).code).toBe('FORBIDDEN')
    expect(valueOf(await call<RevealedCode>('codes.release', atCounter(codeId, { pin: MANAGER_PIN }))).code).toBe(CODE)
  })

  it('someone collecting for the owner, at the counter, with the owner’s insurance card', async () => {
    const { desk, call, codeId } = await setUp()
    const released = valueOf(
      await call<RevealedCode>('codes.release', atCounter(codeId, { recipientName: 'Luis López', recipientRole: 'for-owner', proofs: ['insurance-card'] })),
    )
    expect(JSON.parse((await auditRow(desk, released.auditId)).details_json)).toMatchObject({
      recipientName: 'Luis López',
      recipientRole: 'for-owner',
      proofs: 'insurance-card',
    })
  })

  it('without a proof of ownership: only a manager, only at the counter, only with a reason (kept in the audit row)', async () => {
    const { desk, call, codeId, manager } = await setUp()
    const reason = 'Known customer for years; registration in the post'
    const released = valueOf(await call<RevealedCode>('codes.release', atCounter(codeId, { proofs: [], noProofReason: reason })))
    expect(JSON.parse((await auditRow(desk, released.auditId)).details_json)).toMatchObject({ proofOverride: true, noProofReason: reason, proofs: '' })

    const clerk = await addStaff(call, 'Dan Desk', 'desk', DESK_PIN, { canRevealCodes: true })
    await signIn(call, clerk.id, DESK_PIN)
    const refused = errorOf(await call('codes.release', atCounter(codeId, { proofs: [], noProofReason: reason })))
    expect(refused.code).toBe('FORBIDDEN')
    expect(refused.message).toMatch(/Only a manager/)
    const denied = await rowsWithAction(desk, 'code.release.denied')
    expect(denied.map((row) => [row.staff_id, JSON.parse(row.details_json).reason])).toEqual([[clerk.id, 'no-proof']])
    // With a proof the clerk (who may reveal) can release.
    expect(valueOf(await call<RevealedCode>('codes.release', atCounter(codeId, { pin: DESK_PIN }))).code).toBe(CODE)
    expect(manager.id).not.toBe(clerk.id)
  })

  it('needs the reveal permission: refused and audited as denied', async () => {
    const { desk, call, codeId } = await setUp()
    const clerk = await addStaff(call, 'Dan Desk', 'desk', DESK_PIN)
    await signIn(call, clerk.id, DESK_PIN)
    const before = await countRows(desk, 'audit_log')
    const refused = errorOf(await call('codes.release', atCounter(codeId, { pin: DESK_PIN })))
    expect(refused.code).toBe('FORBIDDEN')
    expect(await countRows(desk, 'audit_log')).toBe(before + 1)
    const [denied] = await rowsWithAction(desk, 'code.release.denied')
    expect(denied).toMatchObject({ staff_id: clerk.id, entity_id: codeId })
    expect(JSON.parse(denied!.details_json)).toEqual({ reason: 'no-permission' })
    expect(await rowsWithAction(desk, 'code.release')).toEqual([])
  })

  it('signed out: SIGNED_OUT; unknown code: NOT_FOUND; a superseded code: CONFLICT', async () => {
    const { call, codeId, radioId } = await setUp()
    expect(errorOf(await call('codes.release', atCounter(999, { pin: MANAGER_PIN }))).code).toBe('NOT_FOUND')
    valueOf(await call('codes.add', { radioId, code: '41264', source: 'dealer' }))
    const superseded = errorOf(await call('codes.release', atCounter(codeId, { pin: MANAGER_PIN })))
    expect(superseded.code).toBe('CONFLICT')
    expect(superseded.message).toMatch(/newer code/)
    valueOf(await call('session.signOut', {}))
    expect(errorOf(await call('codes.release', atCounter(codeId, { pin: MANAGER_PIN }))).code).toBe('SIGNED_OUT')
  })

  it('bad input is refused with a clear VALIDATION error and nothing is written', async () => {
    const { desk, call, codeId } = await setUp()
    const before = await countRows(desk, 'audit_log')
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [atCounter(codeId, { proofs: [] }), 'proofs', /at least one proof of ownership/],
      [atCounter(codeId, { proofs: ['photo-id'] }), 'proofs', /photo ID alone/],
      [atCounter(codeId, { proofs: ['registration', 'registration'] }), 'proofs', /once/],
      [atCounter(codeId, { proofs: ['library-card'] }), 'proofs.0', /registration, title/],
      [atCounter(codeId, { via: 'phone', recipientRole: 'for-owner' }), 'recipientRole', /only to the owner/],
      [atCounter(codeId, { via: 'phone', proofs: [], noProofReason: 'Trust me' }), 'proofs', /read out a proof/],
      [atCounter(codeId, { noProofReason: 'Also this' }), 'noProofReason', /only when no proof/],
      [atCounter(codeId, { via: 'fax' }), 'via', /counter or by phone/],
      [atCounter(codeId, { recipientRole: 'cousin' }), 'recipientRole', /owner or someone collecting/],
      [atCounter(codeId, { recipientName: '   ' }), 'recipientName', /name of the person/],
      [atCounter(codeId, { pin: 'abcd' }), 'pin', /PIN/],
      [atCounter(codeId, { extra: 1 }), '', /./],
      [{ codeId, recipientName: 'Ana' }, 'recipientRole', /./],
    ]
    for (const [input, path, message] of cases) {
      const error = errorOf(await call('codes.release', input))
      expect(error.code, JSON.stringify(input)).toBe('VALIDATION')
      expect(error.message, JSON.stringify(input)).toMatch(message)
      if (path) expect(error.fields?.map((field) => field.path), JSON.stringify(input)).toContain(path)
    }
    expect(await countRows(desk, 'audit_log')).toBe(before)
  })

  it('a name or reason holding the code is refused before anything is written', async () => {
    const { desk, call, codeId } = await setUp()
    const before = await countRows(desk, 'audit_log')
    const refused = errorOf(await call('codes.release', atCounter(codeId, { pin: MANAGER_PIN, recipientName: 'Ana 41263' })))
    expect(refused).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'recipientName' }] })
    expect(await countRows(desk, 'audit_log')).toBe(before)
  })
})
