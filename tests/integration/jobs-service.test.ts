import { afterEach, describe, expect, it } from 'vitest'
import { verifyAuditChain } from '../../electron/db/repositories/audit'
import {
  cancelJob,
  checkInBatteryJob,
  declineCard,
  decideGate,
  getBatteryJob,
  getCodeSituationForVehicle,
  handOverCard,
  linkRetrievalRequest,
  listEndOfDayUncollectedCards,
  listJobsForVehicle,
  listPendingCardsForCustomer,
  localDayOf,
  markBatteryDisconnected,
  markJobDone,
  recordChecklist,
  startCodeCheck,
  startService,
  type OpenRetrievalHook,
} from '../../electron/main/services/battery-jobs'
import { createCustomer } from '../../electron/main/services/customers'
import { retrievalChannelsForVehicle } from '../../electron/main/services/retrieval'
import { addRadio } from '../../electron/main/services/radios'
import { searchRecords } from '../../electron/main/services/search'
import { getTodayBoard } from '../../electron/main/services/today-board'
import { createVehicle } from '../../electron/main/services/vehicles'
import { AppError, type AppErrorCode } from '../../shared/api/errors'
import { GATE_REQUIRED_MESSAGE, type BatteryJobSummary, type TodayBoard } from '../../shared/domain/battery-job'
import { newCustomerSchema } from '../../shared/domain/customer'
import { newRadioSchema } from '../../shared/domain/radio'
import { newVehicleSchema, type NewVehicleInput } from '../../shared/domain/vehicle'
import { startTestServices, type TestServices } from '../helpers/services'
import { makeTempDir, removeTempDir } from '../helpers/temp-dir'

/*
 * Battery jobs through the real services on a real SQLite file: check-in and
 * the code situation, the pre-disconnect gate, the checklist, completion, the
 * card handover, the Today board, pickup reminders and the end-of-day list.
 * The services are called directly (the contract methods come later).
 */

let dataDir: string | null = null
let started: TestServices | null = null

afterEach(async () => {
  await started?.services.close()
  if (dataDir) removeTempDir(dataDir)
  started = null
  dataDir = null
})

const CODE = '14253'

/** Services with a clock at 09:00 local time that moves one second per reading; the desk's manager is signed in. */
async function start() {
  dataDir = makeTempDir()
  let current = new Date(2026, 10, 24, 9, 0, 0).getTime()
  started = await startTestServices(dataDir, {
    now: () => {
      const at = new Date(current)
      current += 1000
      return at
    },
  })
  const { services } = started
  const events: unknown[] = []
  services.events.subscribe((event, payload) => {
    if (event === 'data.changed') events.push(payload)
  })
  const security = services.requireSecurity()
  await security.setUpVault(null)
  const manager = await security.staff.createFirstManager({ name: 'Maria Manager', pin: '2580' })
  security.session.signIn(manager.id)
  const today = localDayOf(new Date(current))
  /** Moves the clock to 09:00 on a later day; the desk signed out overnight and signs in again. */
  const laterDay = (days: number) => {
    current = new Date(2026, 10, 24 + days, 9, 0, 0).getTime()
    security.session.signIn(manager.id)
    return localDayOf(new Date(current))
  }
  return { services, manager, events, today, laterDay }
}

type Services = TestServices['services']

async function carWithRadio(services: Services, owner: string, vehicle: Omit<NewVehicleInput, 'ownerId'>, serial: string) {
  const customer = await createCustomer(services, newCustomerSchema.parse({ name: owner }))
  const created = await createVehicle(services, newVehicleSchema.parse({ ...vehicle, ownerId: customer.id }))
  const detail = await addRadio(services, newRadioSchema.parse({ vehicleId: created.id, serial }))
  return { customer, vehicle: created, radioId: detail.radios[0]!.id }
}

async function failure(promise: Promise<unknown>): Promise<{ code: AppErrorCode; message: string }> {
  try {
    await promise
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, message: error.message }
    throw error
  }
  throw new Error('expected the call to be refused')
}

function column(board: TodayBoard, key: string): BatteryJobSummary[] {
  return [...(board.columns.find((c) => c.key === key)?.jobs ?? [])]
}

function attentionKinds(board: TodayBoard, jobId: number): string[] {
  return board.attention.filter((item) => item.jobId === jobId).map((item) => item.kind)
}

describe('a Honda with no code on file', () => {
  it('goes from check-in to the card handed over, guarded at every step', async () => {
    const { services, manager, events, today, laterDay } = await start()
    const { customer, vehicle, radioId } = await carWithRadio(
      services,
      'Ana López',
      { year: 2005, make: 'Honda', model: 'Accord' },
      'U1234567',
    )

    // Check-in says plainly: this radio usually needs a code, and we have none.
    const { detail: checkedIn, retrievalProblem } = await checkInBatteryJob(services, { vehicleId: vehicle.id, roNumber: 'ro-10442' })
    const jobId = checkedIn.job.id
    expect(retrievalProblem).toBeNull()
    expect(checkedIn.codeSituation.kind).toBe('code-expected-missing')
    expect(checkedIn.codeSituation.askForCodeCard).toBe(true)
    expect(checkedIn.codeSituation.sentence).toMatch(/owner’s manual wallet and the glove box/)
    expect(checkedIn.job).toMatchObject({
      status: 'checked-in',
      roNumber: 'RO-10442',
      customer: { id: customer.id, name: 'Ana López' },
      vehicle: { id: vehicle.id, description: '2005 Honda Accord' },
      checkedInBy: { id: manager.id, name: 'Maria Manager' },
      radioId,
      gate: null,
    })
    expect(checkedIn.job.checkedInAt.slice(0, 4)).toBe('2026')
    expect(await getCodeSituationForVehicle(services, vehicle.id)).toMatchObject({ kind: 'code-expected-missing' })

    expect((await startCodeCheck(services, { jobId })).job.status).toBe('code-check')
    const inService = await startService(services, { jobId })
    expect(inService.job.status).toBe('in-service')
    expect(inService.actions['disconnect-battery']).toEqual({ allowed: false, reason: GATE_REQUIRED_MESSAGE })

    // No battery comes off before the gate.
    expect(await failure(markBatteryDisconnected(services, { jobId }))).toEqual({ code: 'CONFLICT', message: GATE_REQUIRED_MESSAGE })

    // "Code on file" is not true: refused by the server.
    const notOnFile = await failure(decideGate(services, { jobId, option: 'code-on-file' }))
    expect(notOnFile.code).toBe('VALIDATION')
    expect(notOnFile.message).toMatch(/no code on file for this car’s radio/)
    // Nor does the knowledge base say this Honda pairs with the car.
    const notPairing = await failure(decideGate(services, { jobId, option: 'no-code-needed', reason: 'knowledge-base-pairs-with-car' }))
    expect(notPairing.message).toMatch(/does not say this radio pairs with the car/)

    // A memory saver while the code is retrieved: accepted, stored, shown on the board.
    const gated = await decideGate(services, { jobId, option: 'memory-saver', connection: 'obd-ii-port', indicatorChecked: true })
    expect(gated.job.gate).toMatchObject({
      option: 'memory-saver',
      label: 'Memory saver connected (OBD-II diagnostic connector)',
      decidedBy: { id: manager.id, name: 'Maria Manager' },
      detail: { connection: 'obd-ii-port', indicatorChecked: true },
    })
    let board = await getTodayBoard(services, today)
    expect(column(board, 'in-service').map((j) => [j.id, j.gateLabel])).toEqual([[jobId, 'Memory saver connected (OBD-II diagnostic connector)']])
    expect(attentionKinds(board, jobId)).toEqual(['code-unknown'])

    const disconnected = await markBatteryDisconnected(services, { jobId })
    expect(disconnected.job.batteryDisconnectedAt).not.toBeNull()
    expect(disconnected.job.checklist.memorySaver).toEqual({ used: true, connection: 'obd-ii-port' })
    expect((await failure(markBatteryDisconnected(services, { jobId }))).message).toMatch(/already marked as disconnected/)
    expect((await failure(decideGate(services, { jobId, option: 'risk-accepted', acceptedBy: 'Ana López', how: 'in-person' }))).message).toMatch(
      /already disconnected; the decision that allowed it stays/,
    )
    expect((await failure(cancelJob(services, { jobId }))).message).toMatch(/cannot be cancelled/)

    // Done needs the checklist.
    expect(await failure(markJobDone(services, { jobId }))).toEqual({ code: 'CONFLICT', message: 'Record the battery test result first.' })
    const early = await failure(recordChecklist(services, { jobId, registration: 'done' }))
    expect(early.message).toMatch(/record the battery installed first/)
    await recordChecklist(services, { jobId, batteryTest: { result: 'replace', testerCode: 'MX-5521' } })
    await recordChecklist(services, { jobId, batteryInstalled: { partNumber: 'EB-51R', size: '51R' }, registration: 'not-needed' })
    const partly = await recordChecklist(services, { jobId, reconnect: { radioAskedForCode: false } })
    expect(partly.actions['mark-done']).toEqual({ allowed: false, reason: 'After reconnecting: say whether the clock and presets were reset.' })
    const checked = await recordChecklist(services, { jobId, reconnect: { clockPresetsReset: true } })
    expect(checked.job.checklist).toEqual({
      batteryTest: { result: 'replace', testerCode: 'MX-5521' },
      memorySaver: { used: true, connection: 'obd-ii-port' },
      batteryInstalled: { partNumber: 'EB-51R', size: '51R' },
      registration: 'not-needed',
      reconnect: { radioAskedForCode: false, codeEntry: null, clockPresetsReset: true },
    })
    expect(checked.job.radioStatus).toBe('The radio did not ask for a code after reconnecting.')

    // Done: the code is still unknown, so the guide is offered; printing is pending.
    const { detail: done, completion } = await markJobDone(services, { jobId })
    expect(completion).toEqual({
      documents: ['code-guide', 'pickup-reminder'],
      printing: 'pending',
      message: expect.stringMatching(/“how to get your radio code” guide/),
    })
    expect(done.job.status).toBe('done')
    expect(done.job.completedAt).not.toBeNull()
    expect(done.job.card).toMatchObject({ available: 'code-unknown', printingPending: true, printedAt: null, handedOverAt: null })

    board = await getTodayBoard(services, today)
    expect(column(board, 'done').map((j) => j.id)).toEqual([jobId])
    expect(attentionKinds(board, jobId).sort()).toEqual(['card-waiting', 'code-unknown'])

    // The customer's record opened at the counter: a card is waiting.
    expect((await listPendingCardsForCustomer(services, customer.id)).map((j) => [j.id, j.cardWaiting])).toEqual([[jobId, true]])
    // End of day: the finished job whose card was not handed over.
    expect((await listEndOfDayUncollectedCards(services, today)).map((j) => j.id)).toEqual([jobId])

    // No card to hand over while the code is unknown; the job stays on the board, the next day too.
    expect((await failure(handOverCard(services, { jobId }))).message).toMatch(/no working code on file.*guide/)
    const tomorrow = laterDay(1)
    board = await getTodayBoard(services, tomorrow)
    expect(column(board, 'done').map((j) => j.id)).toEqual([jobId])
    expect((await listEndOfDayUncollectedCards(services, tomorrow)).map((j) => j.id)).toEqual([jobId])

    // The code arrives (from the owner's card); the customer comes back and gets their card.
    const security = services.requireSecurity()
    await security.codes.addCode(manager.id, { radioId, code: CODE, source: 'owner-card' })
    const waiting = await getBatteryJob(services, jobId)
    expect(waiting.job.card.available).toBe('code-card')
    expect(waiting.codeSituation.kind).toBe('code-on-file')
    const handed = await handOverCard(services, { jobId })
    expect(handed.job.status).toBe('handed-over')
    expect(handed.job.card).toMatchObject({ handedOverBy: { id: manager.id, name: 'Maria Manager' }, printingPending: false })
    expect(handed.job.card.handedOverAt).not.toBeNull()
    expect(Object.values(handed.actions).every((a) => !a.allowed)).toBe(true)

    board = await getTodayBoard(services, tomorrow)
    expect(column(board, 'done')).toEqual([])
    expect(column(board, 'closed').map((j) => j.id)).toEqual([jobId])
    expect(attentionKinds(board, jobId)).toEqual([])
    expect(await listPendingCardsForCustomer(services, customer.id)).toEqual([])
    expect(await listEndOfDayUncollectedCards(services, tomorrow)).toEqual([])
    // Closed on an earlier day: gone from a later board.
    expect(column(await getTodayBoard(services, laterDay(2)), 'closed')).toEqual([])
    expect((await listJobsForVehicle(services, vehicle.id)).map((j) => [j.id, j.status])).toEqual([[jobId, 'handed-over']])

    // Every change audited, in an unbroken chain, and no audit row carries the code.
    const db = services.requireDb()
    const rows = await db.selectFrom('audit_log').select(['action', 'staff_id', 'details_json']).where('entity_type', '=', 'battery_job').orderBy('id').execute()
    expect(rows.map((r) => r.action)).toEqual([
      'job.check-in',
      'job.code-check',
      'job.service-start',
      'job.gate',
      'job.battery-disconnect',
      'job.checklist',
      'job.checklist',
      'job.checklist',
      'job.checklist',
      'job.done',
      'job.card-handed-over',
    ])
    expect(rows.every((r) => r.staff_id === manager.id)).toBe(true)
    const allAudit = await db.selectFrom('audit_log').select('details_json').execute()
    expect(allAudit.some((r) => r.details_json.includes(CODE))).toBe(false)
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true })
    expect(events.filter((e) => JSON.stringify(e) === JSON.stringify({ entity: 'job', id: jobId }))).toHaveLength(rows.length)
  })
})

describe('a car whose code is on file', () => {
  it('goes straight through and the code card is handed over', async () => {
    const { services, manager, today } = await start()
    const { customer, vehicle, radioId } = await carWithRadio(services, 'Ben Ortiz', { year: 2003, make: 'Honda', model: 'Civic' }, 'U7654321')
    const security = services.requireSecurity()
    const code = await security.codes.addCode(manager.id, { radioId, code: CODE, source: 'dealer' })
    await security.codes.markVerified(manager.id, code.id)

    const { detail } = await checkInBatteryJob(services, { vehicleId: vehicle.id, roNumber: 'RO-20001' })
    const jobId = detail.job.id
    expect(detail.codeSituation).toMatchObject({ kind: 'code-on-file-verified', askForCodeCard: false })

    const gated = await decideGate(services, { jobId, option: 'code-on-file' })
    expect(gated.job.status).toBe('code-check')
    expect(gated.job.gate).toMatchObject({ option: 'code-on-file', label: 'Code on file (worked in the radio)', detail: { codeId: code.id, verified: true } })
    expect(JSON.stringify(gated)).not.toContain(CODE)
    await startService(services, { jobId })
    await markBatteryDisconnected(services, { jobId })
    await recordChecklist(services, {
      jobId,
      batteryTest: { result: 'good-recharge' },
      memorySaver: { used: false },
      reconnect: { radioAskedForCode: true, codeEntry: 'accepted', clockPresetsReset: true },
    })
    const { detail: done, completion } = await markJobDone(services, { jobId })
    expect(completion.documents).toEqual(['code-card', 'pickup-reminder'])
    expect(done.job.radioStatus).toBe('The radio asked for its code; the code was entered and accepted.')
    expect(done.codeToVerify).toBeNull()
    expect((await listPendingCardsForCustomer(services, customer.id)).map((j) => j.id)).toEqual([jobId])

    expect((await handOverCard(services, { jobId })).job.status).toBe('handed-over')
    const board = await getTodayBoard(services, today)
    expect(column(board, 'closed').map((j) => j.id)).toEqual([jobId])
    expect(board.attention).toEqual([])
  })

  it('an unconfirmed code from the customer does not clear the gate; the customer’s go-ahead does', async () => {
    const { services, manager } = await start()
    const { vehicle, radioId } = await carWithRadio(services, 'Cy Park', { year: 2006, make: 'Honda', model: 'Pilot' }, 'U1112223')
    await services.requireSecurity().codes.addCode(manager.id, { radioId, code: CODE, source: 'customer' })
    const { detail } = await checkInBatteryJob(services, { vehicleId: vehicle.id })
    expect(detail.codeSituation.kind).toBe('code-on-file')
    expect(detail.codeSituation.codeClearsGate).toBe(false)
    const refused = await failure(decideGate(services, { jobId: detail.job.id, option: 'code-on-file' }))
    expect(refused.message).toMatch(/has not worked in this radio yet/)

    const accepted = await decideGate(services, {
      jobId: detail.job.id,
      option: 'risk-accepted',
      acceptedBy: 'Cy Park',
      how: 'by-phone',
    })
    expect(accepted.job.gate).toMatchObject({
      option: 'risk-accepted',
      label: 'Cy Park accepted the risk (by phone)',
      decidedBy: { id: manager.id },
      detail: { acceptedBy: 'Cy Park', how: 'by-phone', statement: expect.stringMatching(/radio may lock/) },
    })
    expect(accepted.job.gate?.detail.option === 'risk-accepted' && accepted.job.gate.detail.acceptedAt).toBe(accepted.job.gate?.decidedAt)
  })

  it('the technician’s observation clears the gate as “no code needed”; a radio that then locks keeps the card waiting', async () => {
    const { services } = await start()
    const { vehicle } = await carWithRadio(services, 'Dee Ruiz', { year: 2004, make: 'Honda', model: 'Odyssey' }, 'U5550001')
    const { detail } = await checkInBatteryJob(services, { vehicleId: vehicle.id })
    const jobId = detail.job.id
    const gated = await decideGate(services, { jobId, option: 'no-code-needed', reason: 'no-anti-theft-light' })
    expect(gated.job.gate?.label).toBe('No code needed (technician saw no anti-theft light)')
    await startService(services, { jobId })
    await markBatteryDisconnected(services, { jobId })
    const locked = await recordChecklist(services, {
      jobId,
      batteryTest: { result: 'good' },
      reconnect: { radioAskedForCode: true, codeEntry: 'code-unknown', clockPresetsReset: false },
    })
    expect(locked.job.radioLocked).toBe(true)
    expect(locked.job.radioStatus).toMatch(/The radio is locked.*Continue the retrieval request/)
    const { completion } = await markJobDone(services, { jobId })
    expect(completion.documents).toEqual(['code-guide', 'pickup-reminder'])
    expect((await failure(handOverCard(services, { jobId }))).code).toBe('CONFLICT')
    const board = await getTodayBoard(services, localDayOf(services.now()))
    expect(attentionKinds(board, jobId).sort()).toEqual(['card-waiting', 'radio-locked'])
    // The customer declines the card: closed, with who and when.
    const declined = await declineCard(services, { jobId })
    expect(declined.job.status).toBe('card-declined')
    expect(declined.job.card.declinedBy?.name).toBe('Maria Manager')
    expect(declined.job.card.declinedAt).not.toBeNull()
  })
})

describe('check-in rules, search and retrieval', () => {
  it('finds the job’s vehicle and customer by RO number', async () => {
    const { services } = await start()
    const { customer, vehicle } = await carWithRadio(services, 'Eva Stone', { year: 2005, make: 'Honda', model: 'Accord' }, 'U9990001')
    await checkInBatteryJob(services, { vehicleId: vehicle.id, roNumber: 'RO-10442' })
    for (const typed of ['RO-10442', 'ro10442', 'RO-104']) {
      const results = await searchRecords(services, typed, 10)
      expect(results.vehicles.map((v) => [v.id, v.matchedBy])).toEqual([[vehicle.id, 'ro']])
      expect(results.customers.map((c) => [c.id, c.matchedBy])).toEqual([[customer.id, 'ro']])
    }
  })

  it('refuses a second open job for the car, a repeated RO, an unknown vehicle, and anyone signed out', async () => {
    const { services } = await start()
    const first = await carWithRadio(services, 'Fay Lin', { year: 2005, make: 'Honda', model: 'Accord' }, 'U0000001')
    const second = await carWithRadio(services, 'Gus Lee', { year: 2005, make: 'Honda', model: 'Civic' }, 'U0000002')
    const { detail } = await checkInBatteryJob(services, { vehicleId: first.vehicle.id, roNumber: 'RO-1' })

    expect((await failure(checkInBatteryJob(services, { vehicleId: first.vehicle.id }))).message).toMatch(
      new RegExp(`already has an open battery job \\(job ${detail.job.id}, checked in\\)`),
    )
    expect(await failure(checkInBatteryJob(services, { vehicleId: second.vehicle.id, roNumber: 'ro 1' }))).toMatchObject({
      code: 'CONFLICT',
      message: `Battery job ${detail.job.id} already has the RO number “RO 1”. Check the RO number.`,
    })
    expect((await failure(checkInBatteryJob(services, { vehicleId: 9999 }))).code).toBe('NOT_FOUND')
    expect((await failure(checkInBatteryJob(services, { vehicleId: second.vehicle.id, roNumber: 'RO 2;' }))).code).toBe('VALIDATION')

    // A cancelled job frees the car and its RO.
    expect((await cancelJob(services, { jobId: detail.job.id })).job.status).toBe('cancelled')
    expect((await checkInBatteryJob(services, { vehicleId: first.vehicle.id, roNumber: 'RO-1' })).detail.job.status).toBe('checked-in')

    services.requireSecurity().session.signOut()
    expect((await failure(checkInBatteryJob(services, { vehicleId: second.vehicle.id }))).code).toBe('SIGNED_OUT')
  })

  it('opens a retrieval request at check-in through the hook, and the board lists it when due', async () => {
    const { services, manager, today } = await start()
    const { vehicle, customer } = await carWithRadio(services, 'Hal Moss', { year: 2005, make: 'Honda', model: 'Accord' }, 'U3330001')
    const asked: unknown[] = []
    const openRetrieval: OpenRetrievalHook = async (s, request) => {
      asked.push(request)
      const now = s.now().toISOString()
      return s
        .requireDb()
        .insertInto('code_retrieval_requests')
        .values({
          vehicle_id: request.vehicleId,
          customer_id: customer.id,
          channel: request.channel,
          status: 'needed',
          follow_up_on: request.followUpOn,
          opened_by: manager.id,
          opened_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    }
    const { detail, retrievalProblem } = await checkInBatteryJob(
      services,
      { vehicleId: vehicle.id, retrieval: { channel: 'honda-acura-code-radio/dealer/0', followUpOn: today } },
      { openRetrieval },
    )
    expect(retrievalProblem).toBeNull()
    expect(asked).toEqual([
      expect.objectContaining({ vehicleId: vehicle.id, channel: 'honda-acura-code-radio/dealer/0', followUpOn: today }),
    ])
    expect(detail.job.retrieval).toEqual({ id: expect.any(Number), status: 'needed' })
    const board = await getTodayBoard(services, today)
    const due = board.attention.filter((a) => a.kind === 'retrieval-follow-up')
    expect(due).toEqual([
      expect.objectContaining({ jobId: detail.job.id, retrievalRequestId: detail.job.retrieval?.id, vehicleId: vehicle.id }),
    ])
    expect(attentionKinds(board, detail.job.id)).toEqual(['code-unknown', 'retrieval-follow-up'])

    // A memory-saver gate records the retrieval request it waits for.
    const gated = await decideGate(services, { jobId: detail.job.id, option: 'memory-saver', connection: 'cable-clamps', indicatorChecked: true })
    expect(gated.job.gate?.detail).toMatchObject({ retrievalRequestId: detail.job.retrieval?.id })

    // A request for another vehicle cannot be linked.
    const other = await carWithRadio(services, 'Ida Fox', { year: 2005, make: 'Honda', model: 'Civic' }, 'U3330002')
    const elsewhere = await openRetrieval(services, {
      vehicleId: other.vehicle.id,
      radioId: null,
      channel: 'x',
      followUpOn: null,
      costCents: null,
      notes: '',
    })
    expect((await failure(linkRetrievalRequest(services, { jobId: detail.job.id, retrievalRequestId: elsewhere.id }))).message).toBe(
      'That retrieval request is for another vehicle.',
    )
  })

  it('opens a real retrieval request (retrieval service) in the same step as the check-in', async () => {
    const { services } = await start()
    const { vehicle } = await carWithRadio(services, 'Kim Ash', { year: 2005, make: 'Honda', model: 'Accord' }, 'U4440002')
    const channels = await retrievalChannelsForVehicle(services, vehicle.id)
    const channel = channels.channels[0]?.ref
    if (!channel) throw new Error('the knowledge base offers no channel for a 2005 Accord')
    const { detail, retrievalProblem } = await checkInBatteryJob(services, { vehicleId: vehicle.id, retrieval: { channel } })
    expect(retrievalProblem).toBeNull()
    expect(detail.job.retrieval).toEqual({ id: expect.any(Number), status: 'needed' })
    const request = await services.requireDb().selectFrom('code_retrieval_requests').selectAll().executeTakeFirstOrThrow()
    expect(request).toMatchObject({ id: detail.job.retrieval?.id, vehicle_id: vehicle.id, channel })
  })

  it('a retrieval request that cannot be opened leaves the car checked in and says why', async () => {
    const { services } = await start()
    const { vehicle } = await carWithRadio(services, 'Jo Wu', { year: 2005, make: 'Honda', model: 'Accord' }, 'U4440001')
    const { detail, retrievalProblem } = await checkInBatteryJob(services, { vehicleId: vehicle.id, retrieval: { channel: 'no-such-channel' } })
    expect(detail.job.status).toBe('checked-in')
    expect(detail.job.retrieval).toBeNull()
    expect(retrievalProblem).toMatch(/^The car is checked in, but the retrieval request could not be opened: /)
  })
})
