import { afterEach, describe, expect, it } from 'vitest'
import type { ApiResult } from '../../shared/api/errors'
import type { BatteryJobDetail, CheckInResult, MarkDoneResult, TodayBoard } from '../../shared/domain/battery-job'
import type { CodeSituation } from '../../shared/domain/battery-job-situation'
import type { Customer } from '../../shared/domain/customer'
import type { SearchResults } from '../../shared/domain/search'
import type { SecurityStatus } from '../../shared/domain/security'
import type { Vehicle, VehicleDetail } from '../../shared/domain/vehicle'
import { localDayOf } from '../../electron/main/services/battery-jobs'
import { createTestRouter, startTestServices, TRUSTED_SENDER, type TestServices } from '../helpers/services'
import { makeTempDir, removeTempDir } from '../helpers/temp-dir'
import { errorOf, valueOf } from '../helpers/results'

/*
 * The battery-service job through the real router with access control on, as
 * the desk will drive it: check in, the pre-disconnect gate, the checklist,
 * done, card handed over, and the Today board in between.
 */

let dataDir: string | null = null
let started: TestServices | null = null

afterEach(async () => {
  await started?.services.close()
  if (dataDir) removeTempDir(dataDir)
  started = null
  dataDir = null
})

type Call = <T>(method: string, input: unknown) => Promise<ApiResult<T>>


async function start() {
  dataDir = makeTempDir()
  started = await startTestServices(dataDir)
  const router = createTestRouter(started.services, { accessControl: true })
  const call: Call = <T>(method: string, input: unknown) => router(TRUSTED_SENDER, method, input) as Promise<ApiResult<T>>
  valueOf(await call<SecurityStatus>('vault.setUp', { passphrase: null }))
  valueOf(await call<SecurityStatus>('staff.createFirstManager', { name: 'Maria Manager', pin: '2580' }))
  const owner = valueOf(await call<Customer>('customers.create', { name: 'Ana López' }))
  const vehicle = valueOf(await call<Vehicle>('vehicles.create', { ownerId: owner.id, year: 2005, make: 'Honda', model: 'Accord' }))
  const detail = valueOf(await call<VehicleDetail>('radios.add', { vehicleId: vehicle.id, serial: 'U1234567' }))
  return { call, owner, vehicle, radioId: detail.radios[0]!.id }
}

describe('battery job through the router', () => {
  it('a Honda with no code: expected-missing, gate refused until chosen, memory saver, checklist, done, handed over', async () => {
    const { call, owner, vehicle } = await start()
    const situation = valueOf(await call<CodeSituation>('jobs.codeSituation', { vehicleId: vehicle.id }))
    expect(situation.kind).toBe('code-expected-missing')
    expect(situation.askForCodeCard).toBe(true)

    const checkIn = valueOf(await call<CheckInResult>('jobs.checkIn', { vehicleId: vehicle.id, roNumber: 'RO-48213' }))
    const jobId = checkIn.detail.job.id
    expect(checkIn.detail.job.status).toBe('checked-in')

    const day = localDayOf(new Date())
    const board = valueOf(await call<TodayBoard>('jobs.todayBoard', { day }))
    expect(JSON.stringify(board)).toContain('RO-48213')

    const found = valueOf(await call<SearchResults>('search.query', { text: 'ro48213' }))
    expect(found.customers.map((c) => c.id)).toContain(owner.id)

    valueOf(await call('jobs.startCodeCheck', { jobId }))
    const onFile = errorOf(await call('jobs.decideGate', { jobId, option: 'code-on-file' }))
    expect(onFile.code).toBe('VALIDATION')
    valueOf(await call('jobs.startService', { jobId }))
    expect(errorOf(await call('jobs.markBatteryDisconnected', { jobId })).code).toBe('CONFLICT')

    valueOf(await call('jobs.decideGate', { jobId, option: 'memory-saver', connection: 'obd-ii-port', indicatorChecked: true }))
    const disconnected = valueOf(await call<BatteryJobDetail>('jobs.markBatteryDisconnected', { jobId }))
    expect(disconnected.job.status).toBe('in-service')

    valueOf(
      await call('jobs.recordChecklist', {
        jobId,
        batteryTest: { result: 'replace' },
        memorySaver: { used: true, connection: 'obd-ii-port' },
        batteryInstalled: { size: 'H6' },
        registration: 'not-needed',
        reconnect: { radioAskedForCode: false, codeEntry: null, clockPresetsReset: true },
      }),
    )
    const done = valueOf(await call<MarkDoneResult>('jobs.markDone', { jobId }))
    expect(done.detail.job.status).toBe('done')
    expect(done.completion.printing).toBe('pending')

    const pending = valueOf(await call<unknown[]>('jobs.pendingCardsForCustomer', { customerId: owner.id }))
    expect(pending).toHaveLength(1)
    const declined = valueOf(await call<BatteryJobDetail>('jobs.declineCard', { jobId }))
    expect(declined.job.status).toBe('card-declined')
    expect(valueOf(await call<unknown[]>('jobs.pendingCardsForCustomer', { customerId: owner.id }))).toHaveLength(0)
  })

  it('nothing works signed out, and a gate with made-up input is refused with a clear message', async () => {
    const { call, vehicle } = await start()
    const jobId = valueOf(await call<CheckInResult>('jobs.checkIn', { vehicleId: vehicle.id })).detail.job.id
    const junk = errorOf(await call('jobs.decideGate', { jobId, option: 'tech-said-ok' }))
    expect(junk.code).toBe('VALIDATION')
    expect(junk.message).toMatch(/one of the four options/)
    valueOf(await call('session.signOut', {}))
    expect(errorOf(await call('jobs.get', { jobId })).code).toBe('SIGNED_OUT')
  })
})
