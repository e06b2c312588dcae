import { describe, expect, it } from 'vitest'
import { verifyAuditChain } from '../../../electron/db/repositories/audit'
import { RADIO_CODE_MASK } from '../../../shared/domain/radio-code'
import { useTestDatabase } from '../../helpers/db'
import { PINS, buildWorld, hireCrew, seedRadio, type Crew, type World } from './fixtures'

const database = useTestDatabase()

interface CodeRow {
  id: number
  radio_id: number
  code_ciphertext: string
  key_id: number
  source: string
  entered_by: number
  entered_at: string
  verified_by: number | null
  verified_at: string | null
  superseded_by: number | null
  superseded_at: string | null
}

function codeRows(): CodeRow[] {
  return database.current.sqlite.prepare('select * from radio_codes order by id').all() as CodeRow[]
}

function auditRows(action: string) {
  return (database.current.sqlite.prepare('select * from audit_log where action = ? order by id').all(action) as {
    staff_id: number | null
    entity_type: string
    entity_id: number | null
    details_json: string
  }[]).map((row) => ({ ...row, details: JSON.parse(row.details_json) as Record<string, unknown> }))
}

async function setUp(): Promise<{ world: World; crew: Crew; radioId: number }> {
  const world = await buildWorld(database.current)
  const crew = await hireCrew(world)
  const radioId = await seedRadio(database.current)
  return { world, crew, radioId }
}

describe('radio codes: entering and correcting', () => {
  it('stores ciphertext only, with who/when/source, and audits code.enter without the code', async () => {
    const { world, crew, radioId } = await setUp()
    const entry = await world.codes.addCode(crew.desk.id, {
      radioId,
      code: ' 613-54 ',
      source: 'owner-card',
      sourceDetail: 'card in glovebox',
    })
    expect(entry).toMatchObject({
      radioId,
      masked: RADIO_CODE_MASK,
      current: true,
      source: 'owner-card',
      sourceDetail: 'card in glovebox',
      enteredBy: { id: crew.desk.id, name: 'Dana Desk' },
      enteredAt: '2026-11-24T09:00:00.000Z',
      verifiedBy: null,
      supersededBy: null,
    })
    expect(JSON.stringify(entry)).not.toContain('61354')
    const [row] = codeRows()
    expect(row!.code_ciphertext).not.toContain('61354')
    expect(world.vault.decryptCode(radioId, row!.code_ciphertext, row!.key_id)).toBe('61354')
    const audit = auditRows('code.enter')
    expect(audit).toMatchObject([
      {
        staff_id: crew.desk.id,
        entity_type: 'radio_code',
        entity_id: entry.id,
        details: { radioId, source: 'owner-card', supersedes: null, supersededCount: 0, formatOverride: false },
      },
    ])
    expect(audit[0]!.details_json).not.toContain('61354')
  })

  it('a corrected code supersedes the old one, which stays exactly as it was', async () => {
    const { world, crew, radioId } = await setUp()
    const first = await world.codes.addCode(crew.desk.id, { radioId, code: '61354', source: 'customer' })
    const before = codeRows()[0]!
    world.clock.advance(60_000)
    const second = await world.codes.addCode(crew.tech.id, { radioId, code: '61345', source: 'dealer', sourceDetail: 'Honda of Springfield' })
    const [oldRow, newRow] = codeRows()
    expect(oldRow).toEqual({ ...before, superseded_by: second.id, superseded_at: '2026-11-24T09:01:00.000Z' })
    expect(newRow).toMatchObject({ superseded_by: null, source: 'dealer', entered_by: crew.tech.id })
    expect(world.vault.decryptCode(radioId, oldRow!.code_ciphertext)).toBe('61354')
    expect(world.vault.decryptCode(radioId, newRow!.code_ciphertext)).toBe('61345')
    expect(auditRows('code.enter')[1]).toMatchObject({ entity_id: second.id, details: { supersedes: first.id, supersededCount: 1 } })

    const history = await world.codes.listHistory(radioId)
    expect(history.map((item) => [item.id, item.current, item.masked, item.supersededBy])).toEqual([
      [second.id, true, RADIO_CODE_MASK, null],
      [first.id, false, RADIO_CODE_MASK, second.id],
    ])
    expect(JSON.stringify(history)).not.toMatch(/61354|61345/)
  })

  it('validates the input: unknown radio, bad code, unknown source, code typed into a note', async () => {
    const { world, crew, radioId } = await setUp()
    await expect(world.codes.addCode(crew.desk.id, { radioId: 999, code: '61354', source: 'customer' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(world.codes.addCode(crew.desk.id, { radioId, code: '', source: 'customer' })).rejects.toMatchObject({ code: 'VALIDATION' })
    await expect(world.codes.addCode(crew.desk.id, { radioId, code: '61354!', source: 'customer' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'A radio code is letters and digits only.',
    })
    await expect(world.codes.addCode(crew.desk.id, { radioId, code: '61354', source: 'guess' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'Say where the code came from.',
    })
    await expect(
      world.codes.addCode(crew.desk.id, { radioId, code: '61354', source: 'other', sourceDetail: 'code is 613-54 per owner' }),
    ).rejects.toMatchObject({ code: 'VALIDATION', fields: [{ path: 'sourceDetail' }] })
    // Split over words by spaces, as people read codes out, it is still the code.
    await expect(
      world.codes.addCode(crew.desk.id, { radioId, code: '61354', source: 'other', formatOverrideReason: 'owner read out 613 54' }),
    ).rejects.toMatchObject({ code: 'VALIDATION', fields: [{ path: 'formatOverrideReason' }] })
    // A phone number that merely ends in the same digits is fine.
    await world.codes.addCode(crew.desk.id, { radioId, code: '1357', source: 'dealer', sourceDetail: 'dealer 555-1357' })
    expect(codeRows()).toHaveLength(1)
  })

  it('an inactive or unknown member cannot enter codes', async () => {
    const { world, crew, radioId } = await setUp()
    await world.staff.setActive(crew.manager.id, crew.desk.id, false)
    await expect(world.codes.addCode(crew.desk.id, { radioId, code: '61354', source: 'customer' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(world.codes.addCode(999, { radioId, code: '61354', source: 'customer' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('a code that fails the format check needs a reason, which is stored and audited as an override', async () => {
    const world = await buildWorld(database.current, {
      checkFormat: async (_radioId, code) => (code.length === 5 ? [] : ['A Honda code has 5 digits; this has 4.']),
    })
    const crew = await hireCrew(world)
    const radioId = await seedRadio(database.current)
    await expect(world.codes.addCode(crew.desk.id, { radioId, code: '6135', source: 'customer' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/^A Honda code has 5 digits; this has 4\. If the code is right anyway, say why/),
      fields: [{ path: 'code', message: 'A Honda code has 5 digits; this has 4.' }],
    })
    const entry = await world.codes.addCode(crew.desk.id, {
      radioId,
      code: '6135',
      source: 'dealer',
      formatOverrideReason: 'dealer confirmed 4-digit unit',
    })
    expect(entry.formatOverrideReason).toBe('dealer confirmed 4-digit unit')
    expect(auditRows('code.enter')[0]).toMatchObject({ details: { formatOverride: true } })
  })
})

describe('radio codes: verified working', () => {
  it('records who and when, once, audited', async () => {
    const { world, crew, radioId } = await setUp()
    const entry = await world.codes.addCode(crew.desk.id, { radioId, code: '61354', source: 'customer' })
    world.clock.advance(5 * 60_000)
    const verified = await world.codes.markVerified(crew.tech.id, entry.id)
    expect(verified).toMatchObject({ verifiedBy: { id: crew.tech.id, name: 'Tomas Tech' }, verifiedAt: '2026-11-24T09:05:00.000Z' })
    expect(auditRows('code.verify')).toMatchObject([{ staff_id: crew.tech.id, entity_id: entry.id, details: { radioId } }])
    await expect(world.codes.markVerified(crew.tech.id, entry.id)).rejects.toMatchObject({ code: 'CONFLICT' })
    expect(auditRows('code.verify')).toHaveLength(1)
  })

  it('refuses to verify a superseded code', async () => {
    const { world, crew, radioId } = await setUp()
    const old = await world.codes.addCode(crew.desk.id, { radioId, code: '61354', source: 'customer' })
    await world.codes.addCode(crew.desk.id, { radioId, code: '61345', source: 'dealer' })
    await expect(world.codes.markVerified(crew.tech.id, old.id)).rejects.toMatchObject({ code: 'CONFLICT' })
  })
})

describe('radio codes: reveal and print', () => {
  it('needs someone signed in at the desk', async () => {
    const { world, crew, radioId } = await setUp()
    const entry = await world.codes.addCode(crew.desk.id, { radioId, code: '61354', source: 'customer' })
    await expect(world.codes.reveal({ codeId: entry.id, pin: PINS.manager })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Sign in at the desk with your PIN to reveal a code.',
    })
  })

  it('refuses a member without reveal permission, even with the right PIN, and audits the refusal', async () => {
    const { world, crew, radioId } = await setUp()
    const entry = await world.codes.addCode(crew.desk.id, { radioId, code: '61354', source: 'customer' })
    world.session.signIn(crew.desk.id)
    await expect(world.codes.reveal({ codeId: entry.id, pin: PINS.desk })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Your account may not reveal codes. A manager can allow it under Staff.',
    })
    expect(auditRows('code.reveal.denied')).toMatchObject([{ staff_id: crew.desk.id, entity_id: entry.id, details: { reason: 'no-permission' } }])
    expect(auditRows('code.reveal')).toHaveLength(0)
  })

  it('a permitted member with the right PIN gets the code; the reveal is audited in the same transaction', async () => {
    const { world, crew, radioId } = await setUp()
    const entry = await world.codes.addCode(crew.desk.id, { radioId, code: '61354', source: 'customer' })
    world.clock.advance(10 * 60_000)
    world.session.signIn(crew.revealer.id)
    world.clock.advance(3 * 60_000) // the sign-in's unlock has run out
    await expect(world.codes.reveal({ codeId: entry.id, pin: null })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Enter your PIN to reveal this code.',
    })
    const revealed = await world.codes.reveal({ codeId: entry.id, pin: PINS.revealer })
    expect(revealed).toMatchObject({ codeId: entry.id, radioId, code: '61354', current: true })
    const audit = auditRows('code.reveal')
    expect(audit).toMatchObject([{ staff_id: crew.revealer.id, entity_type: 'radio_code', entity_id: entry.id, details: { radioId, current: true, via: 'pin' } }])
    expect(audit[0]!.details_json).not.toContain('61354')
    expect((database.current.sqlite.prepare('select max(id) as id from audit_log').get() as { id: number }).id).toBe(revealed.auditId)
  })

  it('within 2 minutes of a PIN the next reveal needs no PIN; after that it does', async () => {
    const { world, crew, radioId } = await setUp()
    const entry = await world.codes.addCode(crew.desk.id, { radioId, code: '61354', source: 'customer' })
    world.session.signIn(crew.manager.id)
    expect(await world.codes.reveal({ codeId: entry.id })).toMatchObject({ code: '61354' })
    world.clock.advance(2 * 60_000)
    await expect(world.codes.reveal({ codeId: entry.id })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect(auditRows('code.reveal').map((row) => row.details.via)).toEqual(['recent-unlock'])
  })

  it('a wrong PIN is refused, counted toward the lockout, and reveals nothing', async () => {
    const { world, crew, radioId } = await setUp()
    const entry = await world.codes.addCode(crew.desk.id, { radioId, code: '61354', source: 'customer' })
    world.session.signIn(crew.revealer.id)
    world.clock.advance(3 * 60_000)
    await expect(world.codes.reveal({ codeId: entry.id, pin: '9999' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/^Wrong PIN/),
    })
    expect((await world.staff.getStaff(crew.revealer.id)).failedPinAttempts).toBe(1)
    expect(auditRows('code.reveal')).toHaveLength(0)
    expect(auditRows('staff.pin.failed')).toHaveLength(1)
  })

  it('a permission taken away by the manager applies at once, even within the unlock window', async () => {
    const { world, crew, radioId } = await setUp()
    const entry = await world.codes.addCode(crew.desk.id, { radioId, code: '61354', source: 'customer' })
    world.session.signIn(crew.revealer.id)
    expect(await world.codes.reveal({ codeId: entry.id })).toMatchObject({ code: '61354' })
    await world.staff.setPermissions(crew.manager.id, { staffId: crew.revealer.id, canRevealCodes: false, canPrintCodes: true })
    await expect(world.codes.reveal({ codeId: entry.id })).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('printing needs print permission and writes code.print', async () => {
    const { world, crew, radioId } = await setUp()
    const entry = await world.codes.addCode(crew.desk.id, { radioId, code: '61354', source: 'customer' })
    await world.staff.setPermissions(crew.manager.id, { staffId: crew.desk.id, canRevealCodes: true, canPrintCodes: false })
    world.session.signIn(crew.desk.id)
    await expect(world.codes.releaseForPrint({ codeId: entry.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Your account may not print code cards. A manager can allow it under Staff.',
    })
    expect(await world.codes.reveal({ codeId: entry.id })).toMatchObject({ code: '61354' })
    world.session.signIn(crew.revealer.id)
    expect(await world.codes.releaseForPrint({ codeId: entry.id })).toMatchObject({ code: '61354' })
    expect(auditRows('code.print')).toMatchObject([{ staff_id: crew.revealer.id, entity_id: entry.id, details: { radioId, via: 'recent-unlock' } }])
    expect(auditRows('code.print.denied')).toHaveLength(1)
  })

  it('a superseded code can still be revealed for the history, marked as not current', async () => {
    const { world, crew, radioId } = await setUp()
    const old = await world.codes.addCode(crew.desk.id, { radioId, code: '61354', source: 'customer' })
    await world.codes.addCode(crew.desk.id, { radioId, code: '61345', source: 'dealer' })
    world.session.signIn(crew.manager.id)
    expect(await world.codes.reveal({ codeId: old.id })).toMatchObject({ code: '61354', current: false })
    expect(auditRows('code.reveal')[0]).toMatchObject({ details: { current: false } })
  })

  it('a ciphertext moved to another radio’s row is not shown; the integrity failure is audited', async () => {
    const { world, crew, radioId } = await setUp()
    const otherRadio = await seedRadio(database.current, 'OTHER1')
    const a = await world.codes.addCode(crew.desk.id, { radioId, code: '61354', source: 'customer' })
    const b = await world.codes.addCode(crew.desk.id, { radioId: otherRadio, code: '80917', source: 'customer' })
    const sqlite = database.current.sqlite
    const stolen = (sqlite.prepare('select code_ciphertext from radio_codes where id = ?').get(a.id) as { code_ciphertext: string }).code_ciphertext
    sqlite.prepare('update radio_codes set code_ciphertext = ? where id = ?').run(stolen, b.id)
    world.session.signIn(crew.manager.id)
    await expect(world.codes.reveal({ codeId: b.id })).rejects.toMatchObject({
      code: 'INTERNAL',
      message: expect.stringMatching(/failed its integrity check/),
    })
    expect(auditRows('code.reveal')).toHaveLength(0)
    expect(auditRows('code.integrity.failed')).toMatchObject([{ entity_id: b.id, details: { radioId: otherRadio, during: 'reveal' } }])
    expect(await verifyAuditChain(database.current.db)).toMatchObject({ ok: true })
  })

  it('no audit row anywhere contains a code', async () => {
    const { world, crew, radioId } = await setUp()
    const entry = await world.codes.addCode(crew.desk.id, { radioId, code: 'ZX9Q7', source: 'sticker' })
    await world.codes.markVerified(crew.tech.id, entry.id)
    world.session.signIn(crew.manager.id)
    await world.codes.reveal({ codeId: entry.id })
    await world.codes.releaseForPrint({ codeId: entry.id })
    const all = database.current.sqlite.prepare('select details_json from audit_log').all() as { details_json: string }[]
    expect(all.length).toBeGreaterThan(8)
    for (const row of all) expect(row.details_json).not.toMatch(/ZX9Q7/i)
  })
})
