import { describe, expect, it } from 'vitest'
import { verifyAuditChain } from '../../electron/db/repositories/audit'
import type { RadioCodeHistoryEntry, RevealedCode } from '../../shared/domain/radio-code'
import type {
  RetrievalChannelOptions,
  RetrievalFollowUp,
  RetrievalReceived,
  RetrievalRequest,
} from '../../shared/domain/retrieval'
import type { Vehicle, VehicleDetail } from '../../shared/domain/vehicle'
import { CHANNEL_KINDS } from '../../shared/knowledge'
import {
  DESK_PIN,
  MANAGER_PIN,
  MINUTE,
  addStaff,
  codeHitsInDatabaseFiles,
  countRows,
  errorOf,
  firstStart,
  signIn,
  useDesks,
  valueOf,
  type Call,
  type Desk,
} from './desk-harness'

/*
 * Code retrieval requests through the real router: channels from the radio
 * knowledge base, the status rules, the checklist, follow-up dates, costs,
 * and receiving the code as a code record in one step.
 */

const desks = useDesks()

const WEBSITE = 'honda-acura-code-radio/manufacturer-website/0'
const US_DEALER = 'honda-acura-code-radio/dealer/0'
const CODE_CARD = 'honda-acura-code-radio/code-card/0'
// A Honda radio code: 5 digits, 1–6 only.
const CODE = '53164'

async function setUp() {
  const desk = await desks.start()
  const world = await firstStart(desk.call)
  return { desk, call: desk.call, ...world }
}

async function open(call: Call, input: Record<string, unknown>): Promise<RetrievalRequest> {
  return valueOf(await call<RetrievalRequest>('retrieval.open', input))
}

async function auditRows(desk: Desk, action: string) {
  return desk.services.requireDb().selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute()
}

async function requestRow(desk: Desk, id: number) {
  return desk.services.requireDb().selectFrom('code_retrieval_requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
}

describe('retrieval.channelsForVehicle', () => {
  it('offers the knowledge base’s channels for a Honda, with what each asks for, and invents none', async () => {
    const { call, vehicleId } = await setUp()
    const options = valueOf(await call<RetrievalChannelOptions>('retrieval.channelsForVehicle', { vehicleId }))
    expect(options.vehicleId).toBe(vehicleId)
    // A 2005 Accord could have the plain radio or navigation: both entries' channels, each saying what to confirm.
    expect(options.guidance).toBe('several')
    const refs = options.channels.map((channel) => channel.ref)
    expect(refs).toEqual(expect.arrayContaining([CODE_CARD, WEBSITE, US_DEALER, 'honda-acura-navigation/dealer/0']))
    for (const channel of options.channels) expect(CHANNEL_KINDS).toContain(channel.kind)
    expect(JSON.stringify(options.channels)).not.toMatch(/insur/i)

    const website = options.channels.find((channel) => channel.ref === WEBSITE)!
    expect(website).toMatchObject({
      kind: 'manufacturer-website',
      url: 'radio-navicode.honda.com',
      asks: ['VIN', 'radio serial', 'contact details'],
      codeSource: 'manufacturer-website',
    })
    expect(website.checklist.map((item) => item.key)).toEqual(['vin', 'radio-serial', 'contact-details'])
    expect(website.checklist.find((item) => item.key === 'radio-serial')!.whereToFind[0]).toBe('On file: U1234567.')

    const dealer = options.channels.find((channel) => channel.ref === US_DEALER)!
    expect(dealer.codeSource).toBe('dealer')
    expect(dealer.checklist.map((item) => item.key)).toEqual(['radio-serial', 'proof-of-ownership'])
    expect(dealer.checklist[1]!.whereToFind.join(' ')).toMatch(/registration or title/)
    expect(options.channels.find((channel) => channel.ref === CODE_CARD)!.codeSource).toBe('owner-card')
    expect(options.channels.find((channel) => channel.ref === 'honda-acura-navigation/dealer/0')!.mustConfirm.join(' ')).toMatch(/Navigation/)

    // Insurers and third-party services: explained, not offered.
    expect(options.notOffered.map((item) => item.channel)).toEqual(['insurer', 'third-party-service'])
    expect(options.notOffered[0]!.reason).toMatch(/should not be listed/)
    expect(options.notOffered[1]!.reason).toMatch(/well-established, secure/)
  })

  it('a make the knowledge base does not cover gets no channels, and no request can be opened for it', async () => {
    const { call, ownerId } = await setUp()
    const tesla = valueOf(await call<Vehicle>('vehicles.create', { ownerId, year: 2020, make: 'Tesla', model: 'Model 3' }))
    const options = valueOf(await call<RetrievalChannelOptions>('retrieval.channelsForVehicle', { vehicleId: tesla.id }))
    expect(options).toMatchObject({ guidance: 'unknown-make', channels: [] })
    const refused = errorOf(await call('retrieval.open', { vehicleId: tesla.id, channel: WEBSITE }))
    expect(refused.code).toBe('VALIDATION')
    expect(refused.fields?.[0]?.path).toBe('channel')
    expect(refused.message).toMatch(/lists no channel/)
  })

  it('answers NOT_FOUND for a vehicle that does not exist and VALIDATION for a bad id', async () => {
    const { call } = await setUp()
    expect(errorOf(await call('retrieval.channelsForVehicle', { vehicleId: 999 })).code).toBe('NOT_FOUND')
    expect(errorOf(await call('retrieval.channelsForVehicle', { vehicleId: 'one' })).code).toBe('VALIDATION')
    expect(errorOf(await call('retrieval.channelsForVehicle', {})).code).toBe('VALIDATION')
  })
})

describe('a request from needed to verified', () => {
  it('needed → requested → received (the code becomes a code record, masked; the request holds no code) → verified', async () => {
    const { desk, call, vehicleId, radioId, manager, ownerId } = await setUp()

    // Opened: radio picked (the only one installed), owner remembered, checklist from the knowledge base.
    const opened = await open(call, { vehicleId, channel: WEBSITE, notes: 'Owner has no card.' })
    expect(opened).toMatchObject({
      vehicleId,
      radioId,
      customerId: ownerId,
      status: 'needed',
      isOpen: true,
      canReceiveCode: true,
      nextStatuses: ['requested', 'failed', 'cancelled'],
      followUpOn: null,
      costCents: null,
      notes: 'Owner has no card.',
      codeId: null,
      codeSource: 'manufacturer-website',
      openedBy: { id: manager.id, name: 'Maria Manager' },
      closedAt: null,
    })
    expect(opened.channel).toMatchObject({ ref: WEBSITE, kind: 'manufacturer-website', url: 'radio-navicode.honda.com' })
    expect(opened.checklist.every((item) => !item.done)).toBe(true)

    // Requested: ticked items, a follow-up date and the cost, in one patch.
    desk.clock.advance(MINUTE)
    const requested = valueOf(
      await call<RetrievalRequest>('retrieval.update', {
        id: opened.id,
        status: 'requested',
        followUpOn: '2026-11-27',
        costCents: 2500,
        checklist: [
          { key: 'vin', done: true, note: 'Read off the dashboard plate' },
          { key: 'radio-serial', done: true },
        ],
      }),
    )
    expect(requested).toMatchObject({ status: 'requested', followUpOn: '2026-11-27', costCents: 2500, notes: 'Owner has no card.' })
    expect(requested.checklist.map((item) => [item.key, item.done, item.note])).toEqual([
      ['vin', true, 'Read off the dashboard plate'],
      ['radio-serial', true, ''],
      ['contact-details', false, ''],
    ])
    expect(requested.nextStatuses).toEqual(['failed', 'cancelled'])

    // The Today view's reminder.
    const due = valueOf(await call<RetrievalFollowUp[]>('retrieval.dueForFollowUp', { onOrBefore: '2026-11-27' }))
    expect(due.map((item) => item.request.id)).toEqual([opened.id])
    expect(valueOf(await call<RetrievalFollowUp[]>('retrieval.dueForFollowUp', { onOrBefore: '2026-11-26' }))).toEqual([])

    // Received: typed once, stored encrypted as the radio's code, source from the channel.
    desk.clock.advance(MINUTE)
    const received = valueOf(await call<RetrievalReceived>('retrieval.receiveCode', { id: opened.id, code: CODE }))
    expect(received.request).toMatchObject({ status: 'received', canReceiveCode: false, nextStatuses: ['verified', 'failed'] })
    expect(received.request.codeId).toBe(received.code.id)
    expect(received.code).toMatchObject({
      radioId,
      masked: '•••••',
      current: true,
      source: 'manufacturer-website',
      verifiedAt: null,
      enteredBy: { id: manager.id },
    })
    expect(received.code.sourceDetail).toMatch(/^Code retrieval request: Manufacturer website/)
    // After receipt, the code may not be typed into the (unencrypted) notes either.
    const leak = errorOf(await call('retrieval.update', { id: opened.id, notes: `dealer said ${CODE}` }))
    expect(leak.code).toBe('VALIDATION')
    expect(leak.fields?.[0]?.path).toBe('notes')
    const history = valueOf(await call<RadioCodeHistoryEntry[]>('codes.history', { radioId }))
    expect(history.map((entry) => entry.id)).toEqual([received.code.id])
    expect(JSON.stringify(history)).not.toContain(CODE)
    expect(JSON.stringify(received)).not.toContain(CODE)
    const revealed = valueOf(await call<RevealedCode>('codes.reveal', { codeId: received.code.id, pin: MANAGER_PIN }))
    expect(revealed.code).toBe(CODE)

    // The request row holds nothing of the code; nor does any audit row; nor do the database files.
    const row = await requestRow(desk, opened.id)
    expect(JSON.stringify(row)).not.toContain(CODE)
    expect(JSON.parse(row.checklist_json)).toMatchObject({ codeId: received.code.id })
    const audit = await desk.services.requireDb().selectFrom('audit_log').select(['action', 'details_json']).execute()
    expect(JSON.stringify(audit)).not.toContain(CODE)
    expect(JSON.stringify(audit)).not.toContain('Owner has no card')
    expect(codeHitsInDatabaseFiles(desk.dataDir, CODE)).toEqual([])

    // Verified: the code record is marked working too; the request is closed and leaves the reminders.
    desk.clock.advance(MINUTE)
    const verified = valueOf(await call<RetrievalRequest>('retrieval.update', { id: opened.id, status: 'verified' }))
    expect(verified).toMatchObject({ status: 'verified', isOpen: false, nextStatuses: [], followUpOn: null, closedAt: '2026-11-24T09:03:00.000Z' })
    const afterVerify = valueOf(await call<RadioCodeHistoryEntry[]>('codes.history', { radioId }))
    expect(afterVerify[0]).toMatchObject({ id: received.code.id, verifiedBy: { id: manager.id } })
    expect(valueOf(await call<RetrievalFollowUp[]>('retrieval.dueForFollowUp', { onOrBefore: '2030-01-01' }))).toEqual([])
    const detail = valueOf(await call<VehicleDetail>('vehicles.get', { id: vehicleId }))
    expect(detail.radios[0]!.codeStatus).toBe('verified')

    // Every step audited, in order, chained; the code's own rows too.
    const actions = (await desk.services.requireDb().selectFrom('audit_log').select('action').orderBy('id').execute()).map((r) => r.action)
    const tail = actions.slice(actions.indexOf('retrieval.open'))
    expect(tail).toEqual(['retrieval.open', 'retrieval.update', 'code.enter', 'retrieval.receive', 'code.reveal', 'code.verify', 'retrieval.update'])
    const [receiveRow] = await auditRows(desk, 'retrieval.receive')
    expect(receiveRow).toMatchObject({ entity_type: 'code_retrieval_request', entity_id: opened.id, staff_id: manager.id })
    expect(JSON.parse(receiveRow!.details_json)).toMatchObject({ vehicleId, radioId, codeId: received.code.id, source: 'manufacturer-website' })
    const updates = await auditRows(desk, 'retrieval.update')
    expect(JSON.parse(updates[0]!.details_json)).toMatchObject({
      statusBefore: 'needed',
      status: 'requested',
      changed: 'status,followUpOn,costCents,checklist',
      checklistDone: '2/3',
    })
    expect(await verifyAuditChain(desk.services.requireDb())).toMatchObject({ ok: true })

    // Closed: no more status, checklist or follow-up changes; the bill that arrives late may still be recorded.
    expect(errorOf(await call('retrieval.update', { id: opened.id, status: 'failed' })).code).toBe('CONFLICT')
    expect(errorOf(await call('retrieval.update', { id: opened.id, followUpOn: '2026-12-01' })).code).toBe('CONFLICT')
    expect(errorOf(await call('retrieval.receiveCode', { id: opened.id, code: CODE })).code).toBe('CONFLICT')
    const billed = valueOf(await call<RetrievalRequest>('retrieval.update', { id: opened.id, costCents: 3000, notes: 'Invoice 12 paid.' }))
    expect(billed).toMatchObject({ status: 'verified', costCents: 3000, notes: 'Invoice 12 paid.' })
  })

  it('control: the file scan does find a code stored in clear text (so zero hits above means something)', async () => {
    const { desk, call, vehicleId } = await setUp()
    await open(call, { vehicleId, channel: US_DEALER, notes: `careless note ${CODE}` })
    expect(codeHitsInDatabaseFiles(desk.dataDir, CODE).length).toBeGreaterThan(0)
  })

  it('the owner finds the card: needed → received directly, source “owner-card”', async () => {
    const { call, vehicleId } = await setUp()
    const request = await open(call, { vehicleId, channel: CODE_CARD })
    expect(request.checklist.map((item) => item.key)).toEqual(['look-for-code'])
    const received = valueOf(await call<RetrievalReceived>('retrieval.receiveCode', { id: request.id, code: '12345' }))
    expect(received.code.source).toBe('owner-card')
    expect(received.request.status).toBe('received')
  })
})

describe('receiving the code', () => {
  it('a code the format check refuses changes nothing; with a reason it is kept', async () => {
    const { desk, call, vehicleId } = await setUp()
    const request = await open(call, { vehicleId, channel: US_DEALER })
    const before = { audit: await countRows(desk, 'audit_log'), codes: await countRows(desk, 'radio_codes') }
    const refused = errorOf(await call('retrieval.receiveCode', { id: request.id, code: '1278' }))
    expect(refused.code).toBe('VALIDATION')
    expect(refused.fields?.[0]?.path).toBe('code')
    expect(await countRows(desk, 'audit_log')).toBe(before.audit)
    expect(await countRows(desk, 'radio_codes')).toBe(before.codes)
    expect(valueOf(await call<RetrievalRequest>('retrieval.get', { id: request.id }))).toEqual(request)

    const kept = valueOf(
      await call<RetrievalReceived>('retrieval.receiveCode', { id: request.id, code: '1278', formatOverrideReason: 'Navigation unit, dealer confirmed' }),
    )
    expect(kept.code).toMatchObject({ source: 'dealer', formatOverrideReason: 'Navigation unit, dealer confirmed' })
    const [receiveRow] = await auditRows(desk, 'retrieval.receive')
    expect(JSON.parse(receiveRow!.details_json)).toMatchObject({ formatOverride: true })
  })

  it('bad input is refused with VALIDATION and writes nothing', async () => {
    const { desk, call, vehicleId } = await setUp()
    const request = await open(call, { vehicleId, channel: US_DEALER })
    const before = await countRows(desk, 'audit_log')
    for (const input of [
      { id: request.id },
      { id: request.id, code: '' },
      { id: request.id, code: '12 34 5!' },
      { id: request.id, code: '1'.repeat(30) },
      { id: request.id, code: '12345', extra: true },
      { id: 'x', code: '12345' },
    ]) {
      expect(errorOf(await call('retrieval.receiveCode', input)).code, JSON.stringify(input)).toBe('VALIDATION')
    }
    expect(errorOf(await call('retrieval.receiveCode', { id: 999, code: '12345' })).code).toBe('NOT_FOUND')
    expect(await countRows(desk, 'audit_log')).toBe(before)
    expect(await countRows(desk, 'radio_codes')).toBe(0)
  })

  it('notes that already hold the code are refused (notes are not encrypted)', async () => {
    const { desk, call, vehicleId } = await setUp()
    const request = await open(call, { vehicleId, channel: US_DEALER, notes: 'Dealer said code:53164 on the phone' })
    const refused = errorOf(await call('retrieval.receiveCode', { id: request.id, code: CODE }))
    expect(refused.code).toBe('VALIDATION')
    expect(refused.message).toMatch(/notes contain the code/)
    expect(await countRows(desk, 'radio_codes')).toBe(0)
    // Same for a checklist note, even split by spaces.
    valueOf(await call('retrieval.update', { id: request.id, notes: '', checklist: [{ key: 'radio-serial', note: 'code 53 164' }] }))
    expect(errorOf(await call('retrieval.receiveCode', { id: request.id, code: CODE })).code).toBe('VALIDATION')
    valueOf(await call('retrieval.update', { id: request.id, checklist: [{ key: 'radio-serial', note: 'serial read off the radio' }] }))
    expect(valueOf(await call<RetrievalReceived>('retrieval.receiveCode', { id: request.id, code: CODE })).request.status).toBe('received')
  })

  it('twice is refused; two desks at once store the code once', async () => {
    const { desk, call, vehicleId } = await setUp()
    const request = await open(call, { vehicleId, channel: US_DEALER })
    const [first, second] = await Promise.all([
      call<RetrievalReceived>('retrieval.receiveCode', { id: request.id, code: '12345' }),
      call<RetrievalReceived>('retrieval.receiveCode', { id: request.id, code: '12346' }),
    ])
    expect([first.ok, second.ok].sort()).toEqual([false, true])
    expect(errorOf(first.ok ? second : first).code).toBe('CONFLICT')
    expect(await countRows(desk, 'radio_codes')).toBe(1)
    expect(errorOf(await call('retrieval.receiveCode', { id: request.id, code: '12345' })).message).toMatch(/already received/)
  })

  it('a request without a radio takes the radio with the code; a vehicle without one is told to add it', async () => {
    const { call, ownerId } = await setUp()
    const car = valueOf(await call<Vehicle>('vehicles.create', { ownerId, year: 1992, make: 'BMW', model: '325i' }))
    const request = await open(call, { vehicleId: car.id, channel: 'bmw-code-radio/dealer/0' })
    expect(request.radioId).toBeNull()
    expect(request.checklist.map((item) => item.key)).toEqual(['the-car-with-the-radio-installed', 'id', 'proof-of-ownership'])
    const noRadio = errorOf(await call('retrieval.receiveCode', { id: request.id, code: '12345' }))
    expect(noRadio).toMatchObject({ code: 'CONFLICT' })
    expect(noRadio.message).toMatch(/Add the radio/)
    const detail = valueOf(await call<VehicleDetail>('radios.add', { vehicleId: car.id, serial: 'BMW-1' }))
    const wrongRadio = errorOf(await call('retrieval.receiveCode', { id: request.id, code: '12345', radioId: 999 }))
    expect(wrongRadio.fields?.[0]?.path).toBe('radioId')
    const received = valueOf(await call<RetrievalReceived>('retrieval.receiveCode', { id: request.id, code: '12345', radioId: detail.radios[0]!.id }))
    expect(received.request.radioId).toBe(detail.radios[0]!.id)
    expect(received.code.source).toBe('dealer')
  })
})

describe('status rules and patch semantics', () => {
  it('verified only after received; no going back; failed, cancelled and verified are closed', async () => {
    const { call, vehicleId } = await setUp()
    const request = await open(call, { vehicleId, channel: US_DEALER })
    const early = errorOf(await call('retrieval.update', { id: request.id, status: 'verified' }))
    expect(early.code).toBe('CONFLICT')
    expect(early.message).toMatch(/only after its code was received/)
    valueOf(await call('retrieval.update', { id: request.id, status: 'requested' }))
    const back = errorOf(await call('retrieval.update', { id: request.id, status: 'needed' }))
    expect(back.code).toBe('CONFLICT')
    // "received" comes only with the code.
    const received = errorOf(await call('retrieval.update', { id: request.id, status: 'received' }))
    expect(received.code).toBe('VALIDATION')
    expect(received.fields?.[0]?.path).toBe('status')

    const failed = valueOf(await call<RetrievalRequest>('retrieval.update', { id: request.id, status: 'failed', notes: 'Dealer has no record.' }))
    expect(failed).toMatchObject({ status: 'failed', isOpen: false, canReceiveCode: false, nextStatuses: [] })
    expect(failed.closedAt).not.toBeNull()
    const reopen = errorOf(await call('retrieval.update', { id: request.id, status: 'requested' }))
    expect(reopen.code).toBe('CONFLICT')
    expect(reopen.message).toMatch(/Open a new request/)
    // Trying again is a new request through the same channel; the failed one stays as history.
    const again = await open(call, { vehicleId, channel: US_DEALER })
    expect(again.id).not.toBe(request.id)
    const list = valueOf(await call<RetrievalRequest[]>('retrieval.listForVehicle', { vehicleId }))
    expect(list.map((item) => [item.id, item.status])).toEqual([
      [again.id, 'needed'],
      [request.id, 'failed'],
    ])
  })

  it('a received code that does not work: received → failed; cancelled from needed', async () => {
    const { call, vehicleId } = await setUp()
    const first = await open(call, { vehicleId, channel: US_DEALER })
    valueOf(await call('retrieval.receiveCode', { id: first.id, code: '12345' }))
    const failed = valueOf(await call<RetrievalRequest>('retrieval.update', { id: first.id, status: 'failed' }))
    expect(failed.status).toBe('failed')
    expect(errorOf(await call('retrieval.update', { id: first.id, status: 'verified' })).code).toBe('CONFLICT')
    const second = await open(call, { vehicleId, channel: WEBSITE })
    expect(errorOf(await call('retrieval.update', { id: second.id, status: 'verified' })).code).toBe('CONFLICT')
    expect(valueOf(await call<RetrievalRequest>('retrieval.update', { id: second.id, status: 'cancelled' })).status).toBe('cancelled')
  })

  it('a second open request through the same channel is refused until the first is closed', async () => {
    const { call, vehicleId } = await setUp()
    const first = await open(call, { vehicleId, channel: US_DEALER })
    const duplicate = errorOf(await call('retrieval.open', { vehicleId, channel: US_DEALER }))
    expect(duplicate.code).toBe('CONFLICT')
    expect(duplicate.message).toContain(`Request ${first.id}`)
    await open(call, { vehicleId, channel: WEBSITE }) // another channel is fine
    valueOf(await call('retrieval.update', { id: first.id, status: 'cancelled' }))
    await open(call, { vehicleId, channel: US_DEALER })
  })

  it('only the fields given change; null clears the follow-up date and the cost; no-op changes write nothing', async () => {
    const { desk, call, vehicleId } = await setUp()
    const request = await open(call, { vehicleId, channel: WEBSITE, followUpOn: '2026-12-01', costCents: 1500, notes: 'First call.' })
    const notesOnly = valueOf(await call<RetrievalRequest>('retrieval.update', { id: request.id, notes: '  Called again.  ' }))
    expect(notesOnly).toMatchObject({ status: 'needed', followUpOn: '2026-12-01', costCents: 1500, notes: 'Called again.' })
    expect(notesOnly.checklist).toEqual(request.checklist)
    const tick = valueOf(await call<RetrievalRequest>('retrieval.update', { id: request.id, checklist: [{ key: 'contact-details', done: true }] }))
    expect(tick.checklist.map((item) => item.done)).toEqual([false, false, true])
    const untick = valueOf(await call<RetrievalRequest>('retrieval.update', { id: request.id, checklist: [{ key: 'contact-details', note: 'phone only' }] }))
    expect(untick.checklist[2]).toMatchObject({ done: true, note: 'phone only' })
    const cleared = valueOf(await call<RetrievalRequest>('retrieval.update', { id: request.id, followUpOn: null, costCents: null }))
    expect(cleared).toMatchObject({ followUpOn: null, costCents: null, notes: 'Called again.' })
    const auditBefore = await countRows(desk, 'audit_log')
    const same = valueOf(await call<RetrievalRequest>('retrieval.update', { id: request.id, followUpOn: null, notes: 'Called again.', status: 'needed' }))
    expect(same).toEqual(cleared)
    expect(await countRows(desk, 'audit_log')).toBe(auditBefore)
  })

  it('closing clears the follow-up date; a follow-up date with a closing status is refused', async () => {
    const { call, vehicleId } = await setUp()
    const request = await open(call, { vehicleId, channel: WEBSITE, followUpOn: '2026-12-01' })
    const refused = errorOf(await call('retrieval.update', { id: request.id, status: 'cancelled', followUpOn: '2026-12-02' }))
    expect(refused).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'followUpOn' }] })
    const cancelled = valueOf(await call<RetrievalRequest>('retrieval.update', { id: request.id, status: 'cancelled' }))
    expect(cancelled).toMatchObject({ status: 'cancelled', followUpOn: null })
  })

  it('bad input is refused with VALIDATION and writes nothing', async () => {
    const { desk, call, vehicleId, ownerId } = await setUp()
    const request = await open(call, { vehicleId, channel: WEBSITE })
    const other = valueOf(await call<Vehicle>('vehicles.create', { ownerId, year: 2006, make: 'Honda', model: 'Civic' }))
    const otherRadio = valueOf(await call<VehicleDetail>('radios.add', { vehicleId: other.id })).radios[0]!.id
    const before = { audit: await countRows(desk, 'audit_log'), requests: await countRows(desk, 'code_retrieval_requests') }
    const cases: [string, Record<string, unknown>, string][] = [
      ['retrieval.open', { vehicleId, channel: 'made-up/insurer/0' }, 'channel'],
      ['retrieval.open', { vehicleId, channel: 'bmw-code-radio/dealer/0' }, 'channel'],
      ['retrieval.open', { vehicleId, channel: '' }, 'channel'],
      ['retrieval.open', { vehicleId, channel: WEBSITE, radioId: otherRadio }, 'radioId'],
      ['retrieval.open', { vehicleId, channel: WEBSITE, followUpOn: '2026-02-30' }, 'followUpOn'],
      ['retrieval.open', { vehicleId, channel: WEBSITE, followUpOn: 'next week' }, 'followUpOn'],
      ['retrieval.open', { vehicleId, channel: WEBSITE, costCents: -1 }, 'costCents'],
      ['retrieval.open', { vehicleId, channel: WEBSITE, costCents: 12.5 }, 'costCents'],
      ['retrieval.open', { vehicleId, channel: WEBSITE, notes: 'x'.repeat(2001) }, 'notes'],
      ['retrieval.open', { vehicleId, channel: WEBSITE, status: 'requested' }, ''],
      ['retrieval.update', { id: request.id }, ''],
      ['retrieval.update', { id: request.id, status: 'done' }, 'status'],
      ['retrieval.update', { id: request.id, checklist: [{ key: 'no-such-item', done: true }] }, 'checklist.0.key'],
      ['retrieval.update', { id: request.id, checklist: [{ key: 'vin', done: 'yes' }] }, 'checklist.0.done'],
      ['retrieval.update', { id: request.id, checklist: [{ key: 'vin' }, { key: 'vin' }] }, 'checklist'],
      ['retrieval.update', { id: request.id, costCents: '25.00' }, 'costCents'],
      ['retrieval.dueForFollowUp', { onOrBefore: '27/11/2026' }, 'onOrBefore'],
      ['retrieval.dueForFollowUp', {}, 'onOrBefore'],
    ]
    for (const [method, input, path] of cases) {
      const error = errorOf(await call(method, input))
      expect(error.code, `${method} ${JSON.stringify(input)}`).toBe('VALIDATION')
      expect(error.message.length).toBeGreaterThan(0)
      if (path) expect(error.fields?.[0]?.path, `${method} ${JSON.stringify(input)}`).toBe(path)
    }
    expect(errorOf(await call('retrieval.open', { vehicleId: 999, channel: WEBSITE })).code).toBe('NOT_FOUND')
    expect(errorOf(await call('retrieval.update', { id: 999, notes: 'x' })).code).toBe('NOT_FOUND')
    expect(errorOf(await call('retrieval.get', { id: 999 })).code).toBe('NOT_FOUND')
    expect(errorOf(await call('retrieval.listForVehicle', { vehicleId: 999 })).code).toBe('NOT_FOUND')
    expect(await countRows(desk, 'audit_log')).toBe(before.audit)
    expect(await countRows(desk, 'code_retrieval_requests')).toBe(before.requests)
    expect(valueOf(await call<RetrievalRequest>('retrieval.get', { id: request.id }))).toEqual(request)
  })
})

describe('who may do what', () => {
  it('changes need someone signed in; reading does not; any active staff member may work a request', async () => {
    const { desk, call, vehicleId, manager } = await setUp()
    const request = await open(call, { vehicleId, channel: US_DEALER, followUpOn: '2026-11-25' })
    const deskUser = await addStaff(call, 'Dan Desk', 'desk', DESK_PIN)
    valueOf(await call('session.signOut', {}))
    const before = await countRows(desk, 'audit_log')
    expect(errorOf(await call('retrieval.open', { vehicleId, channel: WEBSITE })).code).toBe('SIGNED_OUT')
    expect(errorOf(await call('retrieval.update', { id: request.id, status: 'requested' })).code).toBe('SIGNED_OUT')
    expect(errorOf(await call('retrieval.receiveCode', { id: request.id, code: '12345' })).code).toBe('SIGNED_OUT')
    expect(await countRows(desk, 'audit_log')).toBe(before)
    expect(valueOf(await call<RetrievalRequest>('retrieval.get', { id: request.id })).id).toBe(request.id)
    expect(valueOf(await call<RetrievalRequest[]>('retrieval.listForVehicle', { vehicleId }))).toHaveLength(1)
    expect(valueOf(await call<RetrievalFollowUp[]>('retrieval.dueForFollowUp', { onOrBefore: '2026-11-25' }))).toHaveLength(1)
    expect(valueOf(await call<RetrievalChannelOptions>('retrieval.channelsForVehicle', { vehicleId })).channels.length).toBeGreaterThan(0)

    await signIn(call, deskUser.id, DESK_PIN)
    const received = valueOf(await call<RetrievalReceived>('retrieval.receiveCode', { id: request.id, code: '12345' }))
    expect(received.code.enteredBy.id).toBe(deskUser.id)
    const rows = await auditRows(desk, 'retrieval.receive')
    expect(rows[0]!.staff_id).toBe(deskUser.id)

    // A deactivated member is refused even while still signed in at the desk.
    await signIn(call, manager.id, MANAGER_PIN)
    valueOf(await call('staff.setActive', { staffId: deskUser.id, active: false }))
    desk.services.requireSecurity().session.signIn(deskUser.id)
    expect(errorOf(await call('retrieval.open', { vehicleId, channel: WEBSITE })).code).toBe('FORBIDDEN')
  })
})

describe('retrieval.dueForFollowUp', () => {
  it('lists open requests due on or before the date, oldest date first, with the vehicle and its owner', async () => {
    const { call, vehicleId, ownerId } = await setUp()
    const civic = valueOf(await call<Vehicle>('vehicles.create', { ownerId, year: 2004, make: 'Honda', model: 'Civic', plate: 'abc 123' }))
    valueOf(await call('radios.add', { vehicleId: civic.id }))
    const a = await open(call, { vehicleId, channel: US_DEALER, followUpOn: '2026-11-26' })
    const b = await open(call, { vehicleId: civic.id, channel: US_DEALER, followUpOn: '2026-11-25' })
    const c = await open(call, { vehicleId, channel: WEBSITE, followUpOn: '2026-11-30' })
    const d = await open(call, { vehicleId, channel: CODE_CARD, followUpOn: '2026-11-20' })
    await open(call, { vehicleId: civic.id, channel: WEBSITE }) // no date: never due
    valueOf(await call('retrieval.update', { id: d.id, status: 'cancelled' })) // closed: not due
    const received = await open(call, { vehicleId: civic.id, channel: CODE_CARD, followUpOn: '2026-11-24' })
    valueOf(await call('retrieval.receiveCode', { id: received.id, code: '12345' }))

    const due = valueOf(await call<RetrievalFollowUp[]>('retrieval.dueForFollowUp', { onOrBefore: '2026-11-26' }))
    expect(due.map((item) => item.request.id)).toEqual([received.id, b.id, a.id])
    expect(due[1]).toMatchObject({
      vehicle: { id: civic.id, year: 2004, make: 'Honda', model: 'Civic', plate: 'ABC 123' },
      owner: { customerId: ownerId, name: 'Ana López' },
      request: { status: 'needed', followUpOn: '2026-11-25' },
    })
    expect(due.map((item) => item.request.id)).not.toContain(c.id)
    expect(valueOf(await call<RetrievalFollowUp[]>('retrieval.dueForFollowUp', { onOrBefore: '2026-11-26', limit: 1 }))).toHaveLength(1)
    expect(errorOf(await call('retrieval.dueForFollowUp', { onOrBefore: '2026-11-26', limit: 0 })).code).toBe('VALIDATION')
  })
})
