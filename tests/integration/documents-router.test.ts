import { afterEach, describe, expect, it } from 'vitest'
import type { ApiResult } from '../../shared/api/errors'
import type { CheckInResult } from '../../shared/domain/battery-job'
import type { Customer } from '../../shared/domain/customer'
import type { PrintOutcome } from '../../shared/domain/printing'
import type { RadioCodeHistoryEntry } from '../../shared/domain/radio-code'
import type { Vehicle, VehicleDetail } from '../../shared/domain/vehicle'
import type { PrintableDocument } from '../../shared/print/document'
import { createTestRouter, startTestServices, TRUSTED_SENDER, type TestServices } from '../helpers/services'
import { errorOf, valueOf } from '../helpers/results'
import { makeTempDir, removeTempDir } from '../helpers/temp-dir'

/* Printing through the contract: previews never carry the code; the card prints only with a PIN. */

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
  valueOf(await call('vault.setUp', { passphrase: null }))
  valueOf(await call('staff.createFirstManager', { name: 'Maria Manager', pin: '2580' }))
  const owner = valueOf(await call<Customer>('customers.create', { name: 'Ana <b>López</b>' }))
  const vehicle = valueOf(await call<Vehicle>('vehicles.create', { ownerId: owner.id, year: 2005, make: 'Honda', model: 'Accord' }))
  const detail = valueOf(await call<VehicleDetail>('radios.add', { vehicleId: vehicle.id, serial: 'U1234567' }))
  valueOf(await call<RadioCodeHistoryEntry>('codes.add', { radioId: detail.radios[0]!.id, code: '41263', source: 'owner-card' }))
  const job = valueOf(await call<CheckInResult>('jobs.checkIn', { vehicleId: vehicle.id, roNumber: 'RO-77' }))
  return { call, vehicle, jobId: job.detail.job.id, printer: started.printer }
}

describe('documents through the router', () => {
  it('a card preview shows the code masked and the customer text escaped', async () => {
    const { call, vehicle } = await start()
    const preview = valueOf(await call<PrintableDocument>('documents.preview', { document: 'code-card', vehicleId: vehicle.id, format: 'wallet' }))
    expect(preview.html).not.toContain('41263')
    expect(preview.html).toContain('•••••')
    expect(preview.html).toContain('Ana &lt;b&gt;López&lt;/b&gt;')
    expect(preview.pageSize.widthMm).toBeCloseTo(85.6, 0)
  })

  it('printing the card needs the PIN; with it the printer gets the code; the reminder never has it', async () => {
    const { call, vehicle, jobId, printer } = await start()
    // The manager's PIN was typed at set-up, within the recent-unlock window; a wrong PIN is still refused.
    const wrong = errorOf(await call('documents.print', { request: { document: 'code-card', vehicleId: vehicle.id, format: 'wallet' }, pin: '0000' }))
    expect(wrong.code).toBe('FORBIDDEN')
    expect(printer.requests).toHaveLength(0)
    const card = valueOf(await call<PrintOutcome>('documents.print', { request: { document: 'code-card', jobId, format: 'wallet' }, pin: '2580' }))
    expect(card.status).toBe('printed')
    // One span per digit, so compare the text without tags and spaces.
    const text = (html: string) => html.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, '').replace(/\s+/g, '')
    expect(text(printer.requests.at(-1)!.document.html)).toContain('41263')
    valueOf(await call<PrintOutcome>('documents.print', { request: { document: 'pickup-reminder', jobId, format: 'receipt' } }))
    expect(text(printer.requests.at(-1)!.document.html)).not.toContain('41263')
    expect(printer.requests.at(-1)!.document.html).toContain('RO-77')
  })
})
