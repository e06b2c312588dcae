import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { verifyAuditChain } from '../../electron/db/repositories/audit'
import type { ApiRouter } from '../../electron/main/ipc/router'
import { jobSearchDocument } from '../../electron/main/services/search-documents'
import type { VinDecodeSuggestion } from '../../electron/main/vin-decoder'
import type { ApiResult } from '../../shared/api/errors'
import type { Customer, CustomerDetail, PhoneMatch } from '../../shared/domain/customer'
import type { SearchResults } from '../../shared/domain/search'
import type { Vehicle, VehicleDetail } from '../../shared/domain/vehicle'
import { computeCheckDigit } from '../../shared/domain/vin'
import type { KnowledgeEntry } from '../../shared/knowledge'
import { createTestRouter, startTestServices, TRUSTED_SENDER, type TestServices } from '../helpers/services'
import { makeTempDir, removeTempDir } from '../helpers/temp-dir'
import { errorOf, valueOf } from '../helpers/results'

/*
 * The front-desk records (customers, vehicles, radios, search) through the
 * real router, handlers and services on a real SQLite file in a temp dir.
 */

const START = Date.parse('2026-11-24T06:00:00.000Z')

let dataDir: string | null = null
let started: TestServices | null = null

afterEach(async () => {
  await started?.services.close()
  if (dataDir) removeTempDir(dataDir)
  started = null
  dataDir = null
})

type Call = <T>(method: string, input: unknown) => Promise<ApiResult<T>>

/** Services on a fresh data folder, with a clock that moves one minute per reading (so "newest first" means something). */
async function start(): Promise<{ call: Call; router: ApiRouter; ticks: string[] } & TestServices> {
  dataDir = makeTempDir()
  let minutes = 0
  const ticks: string[] = []
  started = await startTestServices(dataDir, {
    now: () => {
      const at = new Date(START + minutes * 60_000)
      minutes += 1
      ticks.push(at.toISOString())
      return at
    },
  })
  const router = createTestRouter(started.services)
  const call: Call = <T>(method: string, input: unknown) => router(TRUSTED_SENDER, method, input) as Promise<ApiResult<T>>
  return { ...started, router, call, ticks }
}



/** A valid VIN: `base` (17 characters) with the North American check digit put in position 9. */
function withCheckDigit(base: string): string {
  const digit = computeCheckDigit(base)
  if (digit === null) throw new Error(`not a VIN template: ${base}`)
  return base.slice(0, 8) + digit + base.slice(9)
}

/** The same VIN with a check digit that does not add up. */
function withWrongCheckDigit(base: string): string {
  const right = computeCheckDigit(base)
  const wrong = right === '1' ? '2' : '1'
  return base.slice(0, 8) + wrong + base.slice(9)
}

const ACCORD_VIN = '1HGCM82633A004352' // a real-world valid VIN (check digit 3)
const SECOND_VIN = withCheckDigit('2T1BURHE0JC012345')

const TABLES = [
  'customers',
  'customer_phones',
  'vehicles',
  'vehicle_ownerships',
  'radios',
  'audit_log',
  'search_keys',
  'search_words',
] as const

async function countRows(services: TestServices['services']): Promise<Record<string, number>> {
  const db = services.requireDb()
  const counts: Record<string, number> = {}
  for (const table of TABLES) {
    const row = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db)
    counts[table] = Number(row.rows[0]?.n)
  }
  return counts
}

/** Every row of the record tables, for "nothing changed at all". */
async function dumpRows(services: TestServices['services']): Promise<Record<string, unknown[]>> {
  const db = services.requireDb()
  const out: Record<string, unknown[]> = {}
  for (const table of TABLES) {
    if (table === 'search_words') {
      out[table] = (await sql`select rowid, terms from search_words order by rowid`.execute(db)).rows
    } else {
      out[table] = (await sql`select * from ${sql.table(table)} order by id`.execute(db)).rows
    }
  }
  return out
}

async function auditActions(services: TestServices['services'], entityType: string, entityId: number) {
  return services
    .requireDb()
    .selectFrom('audit_log')
    .select(['action', 'details_json'])
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute()
}

async function createCustomer(call: Call, input: Record<string, unknown>): Promise<Customer> {
  return valueOf(await call<Customer>('customers.create', input))
}

async function createVehicle(call: Call, input: Record<string, unknown>): Promise<Vehicle> {
  return valueOf(await call<Vehicle>('vehicles.create', input))
}

function guidanceEntries(guidance: VehicleDetail['guidance']): KnowledgeEntry[] {
  switch (guidance.kind) {
    case 'match':
      return [guidance.entry]
    case 'several':
    case 'no-year':
      return guidance.candidates.map((candidate) => candidate.entry)
    default:
      return []
  }
}

// ---------------------------------------------------------------------------

describe('customers', () => {
  it('creates a customer with two phones, in the order typed', async () => {
    const { call } = await start()
    const ana = await createCustomer(call, {
      name: 'Ana López',
      phones: [
        { label: 'mobile', number: '555-010-2030' },
        { label: 'work', number: '(555) 010 9999' },
      ],
    })
    expect(ana.phones.map((p) => [p.label, p.number])).toEqual([
      ['mobile', '555-010-2030'],
      ['work', '(555) 010 9999'],
    ])
    const got = valueOf(await call<CustomerDetail>('customers.get', { id: ana.id }))
    expect(got.phones.map((p) => p.number)).toEqual(['555-010-2030', '(555) 010 9999'])
  })

  it('update replaces name, phones and language; get shows it; the audit rows chain', async () => {
    const { call, services } = await start()
    const ana = await createCustomer(call, {
      name: 'Ana Lopez',
      preferredLanguage: 'en',
      phones: [
        { label: 'mobile', number: '555-010-2030' },
        { label: 'work', number: '555-010-9999' },
      ],
    })
    const updated = valueOf(
      await call<CustomerDetail>('customers.update', {
        id: ana.id,
        name: '  Ana   María López ',
        preferredLanguage: 'es',
        // Keeps her own mobile (not a duplicate of herself), drops work, adds home.
        phones: [
          { label: 'home', number: '555-020-1111' },
          { label: 'mobile', number: '(555) 010-2030' },
        ],
      }),
    )
    expect(updated).toMatchObject({ id: ana.id, name: 'Ana María López', preferredLanguage: 'es', createdAt: ana.createdAt })
    expect(updated.updatedAt > ana.updatedAt).toBe(true)
    expect(updated.phones.map((p) => [p.label, p.number])).toEqual([
      ['home', '555-020-1111'],
      ['mobile', '(555) 010-2030'],
    ])

    const got = valueOf(await call<CustomerDetail>('customers.get', { id: ana.id }))
    expect(got).toEqual(updated)

    expect((await auditActions(services, 'customer', ana.id)).map((row) => row.action)).toEqual([
      'customer.create',
      'customer.update',
    ])
    expect(await verifyAuditChain(services.requireDb())).toEqual({ ok: true, rows: 2 })

    // Search follows the change: the dropped phone no longer finds her, the new one does.
    const byOldPhone = valueOf(await call<SearchResults>('search.query', { text: '5550109999' }))
    expect(byOldPhone.customers).toEqual([])
    const byNewPhone = valueOf(await call<SearchResults>('search.query', { text: '555 020 1111' }))
    expect(byNewPhone.customers.map((c) => c.id)).toEqual([ana.id])
    const byNewName = valueOf(await call<SearchResults>('search.query', { text: 'maria' }))
    expect(byNewName.customers.map((c) => c.id)).toEqual([ana.id])
  })

  it.each([['(555) 010 2030'], ['+1 555 010 2030'], ['555.010.2030'], ['1-555-010-2030']])(
    'refuses a second customer with the same phone typed as %s: DUPLICATE pointing at the first, nothing written',
    async (typed) => {
      const { call, services } = await start()
      const ana = await createCustomer(call, { name: 'Ana', phones: [{ number: '555-010-2030' }] })
      const before = await dumpRows(services)

      const error = errorOf(
        await call('customers.create', {
          name: 'Another Ana',
          phones: [{ number: '555-777-0000' }, { number: typed }],
        }),
      )
      expect(error.code).toBe('DUPLICATE')
      expect(error.related).toEqual({ entity: 'customer', id: ana.id })
      expect(error.fields?.map((f) => f.path)).toEqual(['phones.1.number'])
      expect(error.message).toContain('Ana')
      expect(await dumpRows(services)).toEqual(before)
    },
  )

  it('creates the second customer when the desk confirms the phone is shared', async () => {
    const { call, services } = await start()
    const ana = await createCustomer(call, { name: 'Ana', phones: [{ number: '555-010-2030' }] })
    const before = await countRows(services)
    const bob = await createCustomer(call, {
      name: 'Bob',
      phones: [{ number: '(555) 010 2030' }],
      allowSharedPhone: true,
    })
    expect(bob.id).not.toBe(ana.id)
    const after = await countRows(services)
    expect(after.customers).toBe(before.customers! + 1)
    expect(after.customer_phones).toBe(before.customer_phones! + 1)
    expect(valueOf(await call<CustomerDetail>('customers.get', { id: bob.id })).phones.map((p) => p.number)).toEqual([
      '(555) 010 2030',
    ])
  })

  it('refuses an update that takes another customer’s phone, and leaves the record as it was', async () => {
    const { call, services } = await start()
    const ana = await createCustomer(call, { name: 'Ana', phones: [{ number: '555-010-2030' }] })
    const bob = await createCustomer(call, { name: 'Bob', phones: [{ number: '555-777-0000' }] })
    const before = await dumpRows(services)
    const error = errorOf(
      await call('customers.update', { id: bob.id, name: 'Bob', phones: [{ number: '+1 (555) 010-2030' }] }),
    )
    expect(error).toMatchObject({ code: 'DUPLICATE', related: { entity: 'customer', id: ana.id } })
    expect(error.fields?.map((f) => f.path)).toEqual(['phones.0.number'])
    expect(await dumpRows(services)).toEqual(before)
  })

  it('a number confirmed as shared does not block later edits; a new number of someone else still does', async () => {
    const { call, services } = await start()
    const ana = await createCustomer(call, { name: 'Ana', phones: [{ number: '555-010-2030' }] })
    const carla = await createCustomer(call, { name: 'Carla', phones: [{ number: '555-999-1234' }] })
    const bob = await createCustomer(call, { name: 'Bob', phones: [{ number: '555-010-2030' }], allowSharedPhone: true })

    // Renaming Bob (his shared number kept, even retyped) needs no new confirmation.
    const renamed = valueOf(
      await call<CustomerDetail>('customers.update', {
        id: bob.id,
        name: 'Bob Smith',
        phones: [{ number: '+1 (555) 010-2030' }],
      }),
    )
    expect(renamed).toMatchObject({ name: 'Bob Smith' })
    expect(renamed.phones.map((p) => p.number)).toEqual(['+1 (555) 010-2030'])

    // Adding Carla's number is still refused, pointing at the number that was added.
    const before = await dumpRows(services)
    const error = errorOf(
      await call('customers.update', {
        id: bob.id,
        name: 'Bob Smith',
        phones: [{ number: '555-010-2030' }, { number: '555.999.1234' }],
      }),
    )
    expect(error).toMatchObject({ code: 'DUPLICATE', related: { entity: 'customer', id: carla.id } })
    expect(error.fields?.map((f) => f.path)).toEqual(['phones.1.number'])
    expect(await dumpRows(services)).toEqual(before)
    expect(ana.id).not.toBe(bob.id)
  })

  it('findByPhone finds the match in any format and leaves out exceptCustomerId', async () => {
    const { call } = await start()
    const ana = await createCustomer(call, { name: 'Ana', phones: [{ number: '555-010-2030' }] })
    const bob = await createCustomer(call, {
      name: 'Bob',
      phones: [{ number: '+1 555 010 2030' }],
      allowSharedPhone: true,
    })
    await createCustomer(call, { name: 'Carla', phones: [{ number: '555-999-1234' }] })

    for (const typed of ['(555) 010-2030', '5550102030', '+1 555 010 2030', '1.555.010.2030']) {
      const matches = valueOf(await call<PhoneMatch[]>('customers.findByPhone', { numbers: [typed] }))
      expect(matches.map((m) => m.customerId), typed).toEqual([ana.id, bob.id])
    }
    expect(valueOf(await call<PhoneMatch[]>('customers.findByPhone', { numbers: ['555 010 2030'] }))).toEqual([
      { customerId: ana.id, name: 'Ana', number: '555-010-2030' },
      { customerId: bob.id, name: 'Bob', number: '+1 555 010 2030' },
    ])
    const exceptAna = valueOf(
      await call<PhoneMatch[]>('customers.findByPhone', { numbers: ['(555) 010-2030'], exceptCustomerId: ana.id }),
    )
    expect(exceptAna.map((m) => m.customerId)).toEqual([bob.id])
    // Too few digits to mean anything, and an unknown number: no matches.
    expect(valueOf(await call<PhoneMatch[]>('customers.findByPhone', { numbers: ['2030'] }))).toEqual([])
    expect(valueOf(await call<PhoneMatch[]>('customers.findByPhone', { numbers: ['555-444-3333'] }))).toEqual([])
  })

  it.each([
    ['an empty name', { name: '  ' }, 'name'],
    ['a phone with too few digits', { name: 'Ana', phones: [{ number: '010-20' }] }, 'phones.0.number'],
    ['a language we cannot print', { name: 'Ana', preferredLanguage: 'fr' }, 'preferredLanguage'],
    ['an incomplete email', { name: 'Ana', email: 'ana@' }, 'email'],
    ['a field the contract does not know', { name: 'Ana', nickname: 'A' }, ''],
  ])('update with %s answers VALIDATION and changes nothing', async (_label, patch, path) => {
    const { call, services } = await start()
    const ana = await createCustomer(call, { name: 'Ana Lopez', email: 'ana@example.com', phones: [{ number: '555-010-2030' }] })
    const before = await dumpRows(services)
    const error = errorOf(await call('customers.update', { id: ana.id, ...patch }))
    expect(error.code).toBe('VALIDATION')
    expect(error.fields?.map((f) => f.path)).toContain(path)
    expect(await dumpRows(services)).toEqual(before)
    expect(valueOf(await call<CustomerDetail>('customers.get', { id: ana.id }))).toMatchObject({
      name: 'Ana Lopez',
      email: 'ana@example.com',
    })
  })

  it('update of a customer that does not exist answers NOT_FOUND and writes nothing', async () => {
    const { call, services } = await start()
    await createCustomer(call, { name: 'Ana' })
    const before = await dumpRows(services)
    expect(errorOf(await call('customers.update', { id: 999, name: 'Ghost' })).code).toBe('NOT_FOUND')
    expect(await dumpRows(services)).toEqual(before)
  })
})

// ---------------------------------------------------------------------------

describe('vehicles', () => {
  it('creates a vehicle for a customer with the VIN normalised and the owner set', async () => {
    const { call, services } = await start()
    const ana = await createCustomer(call, { name: 'Ana' })
    const vehicle = await createVehicle(call, {
      ownerId: ana.id,
      vin: ' 1hgcm-8263 3a00 4352 ',
      year: 2003,
      make: ' Honda ',
      model: 'Accord',
      plate: ' 7abc  123 ',
      plateState: 'tx',
    })
    expect(vehicle).toMatchObject({
      vin: ACCORD_VIN,
      year: 2003,
      make: 'Honda',
      model: 'Accord',
      plate: '7ABC 123',
      plateState: 'TX',
      currentOwner: { customerId: ana.id, name: 'Ana' },
    })
    expect(valueOf(await call<VehicleDetail>('vehicles.get', { id: vehicle.id })).vehicle).toEqual(vehicle)
    expect((await auditActions(services, 'vehicle', vehicle.id)).map((row) => row.action)).toEqual(['vehicle.create'])
    expect(await verifyAuditChain(services.requireDb())).toMatchObject({ ok: true })
  })

  it('refuses a VIN with the letter O and says where it is; nothing written', async () => {
    const { call, services } = await start()
    const ana = await createCustomer(call, { name: 'Ana' })
    const before = await dumpRows(services)
    // Position 12 typed as the letter O instead of zero.
    const error = errorOf(await call('vehicles.create', { ownerId: ana.id, vin: '1HGCM82633AO04352' }))
    expect(error.code).toBe('VALIDATION')
    const vinProblems = (error.fields ?? []).filter((f) => f.path === 'vin')
    expect(vinProblems.length).toBeGreaterThan(0)
    expect(vinProblems.map((f) => f.message).join(' ')).toMatch(/position 12\b/)
    expect(vinProblems.map((f) => f.message).join(' ')).toMatch(/\bO\b/)
    expect(await dumpRows(services)).toEqual(before)
  })

  it('accepts a VIN whose check digit does not add up (a warning, not an error)', async () => {
    const { call } = await start()
    const ana = await createCustomer(call, { name: 'Ana' })
    const vin = withWrongCheckDigit(SECOND_VIN)
    expect(vin).not.toBe(SECOND_VIN)
    const vehicle = await createVehicle(call, { ownerId: ana.id, vin })
    expect(vehicle.vin).toBe(vin)
  })

  it('the same VIN again (typed another way) is DUPLICATE pointing at the existing vehicle; nothing written', async () => {
    const { call, services } = await start()
    const ana = await createCustomer(call, { name: 'Ana' })
    const bob = await createCustomer(call, { name: 'Bob' })
    const first = await createVehicle(call, { ownerId: ana.id, vin: ACCORD_VIN })
    const before = await dumpRows(services)
    const error = errorOf(await call('vehicles.create', { ownerId: bob.id, vin: '1hgcm82633a004352', make: 'Honda' }))
    expect(error.code).toBe('DUPLICATE')
    expect(error.related).toEqual({ entity: 'vehicle', id: first.id })
    expect(error.fields?.map((f) => f.path)).toEqual(['vin'])
    expect(await dumpRows(services)).toEqual(before)
  })

  it('vehicles without a VIN are not duplicates of each other', async () => {
    const { call } = await start()
    const ana = await createCustomer(call, { name: 'Ana' })
    const one = await createVehicle(call, { ownerId: ana.id, make: 'Ford' })
    const two = await createVehicle(call, { ownerId: ana.id, make: 'Ford', vin: '  ' })
    expect(one.id).not.toBe(two.id)
    expect([one.vin, two.vin]).toEqual(['', ''])
    expect(valueOf(await call<Vehicle | null>('vehicles.findByVin', { vin: '' }))).toBeNull()
  })

  it('vehicles.create for an owner who does not exist answers NOT_FOUND and writes nothing', async () => {
    const { call, services } = await start()
    const before = await dumpRows(services)
    expect(errorOf(await call('vehicles.create', { ownerId: 4242, vin: ACCORD_VIN })).code).toBe('NOT_FOUND')
    expect(await dumpRows(services)).toEqual(before)
  })

  it('findByVin finds the vehicle whatever the separators and case, and null for an unknown VIN', async () => {
    const { call } = await start()
    const ana = await createCustomer(call, { name: 'Ana' })
    const vehicle = await createVehicle(call, { ownerId: ana.id, vin: ACCORD_VIN, make: 'Honda' })
    for (const typed of ['1hgcm82633a004352', '1HGCM-82633-A004352', 'VIN: 1hgcm 82633 a004352']) {
      const found = valueOf(await call<Vehicle | null>('vehicles.findByVin', { vin: typed }))
      expect(found?.id, typed).toBe(vehicle.id)
      expect(found?.currentOwner).toEqual({ customerId: ana.id, name: 'Ana' })
    }
    expect(valueOf(await call<Vehicle | null>('vehicles.findByVin', { vin: SECOND_VIN }))).toBeNull()
  })

  it('vehicles.get returns the owner history, radios and knowledge-base guidance', async () => {
    const { call } = await start()
    const ana = await createCustomer(call, { name: 'Ana' })
    const accord = await createVehicle(call, { ownerId: ana.id, year: 2005, make: 'honda', model: 'Accord' })
    const detail = valueOf(await call<VehicleDetail>('vehicles.get', { id: accord.id }))
    expect(detail.vehicle.id).toBe(accord.id)
    expect(detail.owners).toEqual([
      { customerId: ana.id, name: 'Ana', startedAt: accord.createdAt, endedAt: null, notes: '' },
    ])
    expect(detail.radios).toEqual([])

    expect(['match', 'several']).toContain(detail.guidance.kind)
    const entries = guidanceEntries(detail.guidance)
    expect(entries.length).toBeGreaterThan(0)
    // A Honda radio that takes a five-digit code is among what the desk is shown...
    expect(
      entries.some(
        (entry) => entry.makes.includes('Honda') && entry.behaviour === 'code' && entry.codeFormat?.lengths?.includes(5),
      ),
    ).toBe(true)
    // ...and the model year was used: nothing offered is bounded to years that exclude 2005.
    for (const entry of entries) {
      expect(entry.makes).toContain('Honda')
      if (entry.years?.from != null) expect(entry.years.from, entry.id).toBeLessThanOrEqual(2005)
      if (entry.years?.to != null) expect(entry.years.to, entry.id).toBeGreaterThanOrEqual(2005)
    }
  })

  it('guidance is unknown-make for a make the knowledge base does not cover, and asks for the year when it matters', async () => {
    const { call } = await start()
    const ana = await createCustomer(call, { name: 'Ana' })
    const zastava = await createVehicle(call, { ownerId: ana.id, year: 1988, make: 'Zastava', model: 'Yugo' })
    const noYear = await createVehicle(call, { ownerId: ana.id, make: 'Honda', model: 'Accord' })
    const withYear = await createVehicle(call, { ownerId: ana.id, year: 2005, make: 'Honda', model: 'Accord' })

    const unknown = valueOf(await call<VehicleDetail>('vehicles.get', { id: zastava.id })).guidance
    expect(unknown.kind).toBe('unknown-make')
    if (unknown.kind === 'unknown-make') {
      expect(unknown.make).toBe('Zastava')
      expect(unknown.knownMakes).toContain('Honda')
    }

    const yearless = valueOf(await call<VehicleDetail>('vehicles.get', { id: noYear.id })).guidance
    expect(yearless.kind).toBe('no-year')
    const dated = valueOf(await call<VehicleDetail>('vehicles.get', { id: withYear.id })).guidance
    // Without the year the desk sees every Honda entry, including ones the year would rule out.
    expect(guidanceEntries(yearless).length).toBeGreaterThan(guidanceEntries(dated).length)
    expect(guidanceEntries(dated).every((entry) => guidanceEntries(yearless).some((e) => e.id === entry.id))).toBe(true)
  })

  it('update changes the fields, search follows, and a VIN taken by another vehicle is DUPLICATE', async () => {
    const { call, services } = await start()
    const ana = await createCustomer(call, { name: 'Ana' })
    const accord = await createVehicle(call, { ownerId: ana.id, vin: ACCORD_VIN, year: 2003, make: 'Honda', model: 'Accord', plate: 'OLD 111' })
    const other = await createVehicle(call, { ownerId: ana.id, vin: SECOND_VIN, make: 'Toyota' })

    const updated = valueOf(
      await call<Vehicle>('vehicles.update', {
        id: accord.id,
        vin: ACCORD_VIN,
        year: 2004,
        make: 'Honda',
        model: 'Accord EX',
        plate: 'new 222',
        plateState: 'ca',
        colour: 'Blue',
      }),
    )
    expect(updated).toMatchObject({ id: accord.id, year: 2004, model: 'Accord EX', plate: 'NEW 222', plateState: 'CA', colour: 'Blue' })
    expect(updated.currentOwner).toEqual({ customerId: ana.id, name: 'Ana' })
    expect(valueOf(await call<VehicleDetail>('vehicles.get', { id: accord.id })).vehicle).toEqual(updated)
    expect((await auditActions(services, 'vehicle', accord.id)).map((row) => row.action)).toEqual(['vehicle.create', 'vehicle.update'])

    expect(valueOf(await call<SearchResults>('search.query', { text: 'new222' })).vehicles.map((v) => v.id)).toEqual([accord.id])
    expect(valueOf(await call<SearchResults>('search.query', { text: 'OLD111' })).vehicles).toEqual([])

    const before = await dumpRows(services)
    const error = errorOf(await call('vehicles.update', { id: other.id, vin: ACCORD_VIN.toLowerCase(), make: 'Toyota' }))
    expect(error).toMatchObject({ code: 'DUPLICATE', related: { entity: 'vehicle', id: accord.id } })
    expect(await dumpRows(services)).toEqual(before)
    expect(errorOf(await call('vehicles.update', { id: 999, make: 'Ford' })).code).toBe('NOT_FOUND')
    expect(await dumpRows(services)).toEqual(before)
  })

  it('transfer moves the vehicle to the new owner and keeps the history and the radios', async () => {
    const { call, services } = await start()
    const ana = await createCustomer(call, { name: 'Ana' })
    const bob = await createCustomer(call, { name: 'Bob' })
    const accord = await createVehicle(call, { ownerId: ana.id, vin: ACCORD_VIN, year: 2003, make: 'Honda', model: 'Accord' })
    const withRadio = valueOf(await call<VehicleDetail>('radios.add', { vehicleId: accord.id, serial: 'U1234567', headUnit: 'Factory' }))

    const detail = valueOf(
      await call<VehicleDetail>('vehicles.transfer', { vehicleId: accord.id, toCustomerId: bob.id, notes: 'Sold privately' }),
    )
    expect(detail.vehicle.currentOwner).toEqual({ customerId: bob.id, name: 'Bob' })
    expect(detail.owners).toHaveLength(2)
    const [newest, oldest] = detail.owners
    expect(newest).toMatchObject({ customerId: bob.id, name: 'Bob', endedAt: null, notes: 'Sold privately' })
    expect(oldest).toMatchObject({ customerId: ana.id, name: 'Ana', startedAt: accord.createdAt })
    expect(oldest!.endedAt).not.toBeNull()
    expect(oldest!.endedAt).toBe(newest!.startedAt)
    expect(newest!.startedAt > oldest!.startedAt).toBe(true)
    expect(detail.radios).toEqual(withRadio.radios)
    expect(valueOf(await call<VehicleDetail>('vehicles.get', { id: accord.id }))).toEqual(detail)

    const anaNow = valueOf(await call<CustomerDetail>('customers.get', { id: ana.id }))
    expect(anaNow.vehicles.current).toEqual([])
    expect(anaNow.vehicles.previous.map((v) => v.id)).toEqual([accord.id])
    const bobNow = valueOf(await call<CustomerDetail>('customers.get', { id: bob.id }))
    expect(bobNow.vehicles.current.map((v) => v.id)).toEqual([accord.id])
    expect(bobNow.vehicles.previous).toEqual([])

    const audit = await auditActions(services, 'vehicle', accord.id)
    expect(audit.map((row) => row.action)).toEqual(['vehicle.create', 'vehicle.transfer'])
    expect(JSON.parse(audit[1]!.details_json)).toEqual({ from: ana.id, to: bob.id })
    expect(await verifyAuditChain(services.requireDb())).toMatchObject({ ok: true })

    // The search result names the new owner.
    const found = valueOf(await call<SearchResults>('search.query', { text: ACCORD_VIN }))
    expect(found.vehicles).toMatchObject([{ id: accord.id, ownerName: 'Bob' }])
  })

  it('a vehicle sold and bought back is current once for its owner, and previous for the other', async () => {
    const { call } = await start()
    const ana = await createCustomer(call, { name: 'Ana' })
    const bob = await createCustomer(call, { name: 'Bob' })
    const accord = await createVehicle(call, { ownerId: ana.id, make: 'Honda' })
    valueOf(await call('vehicles.transfer', { vehicleId: accord.id, toCustomerId: bob.id }))
    const back = valueOf(await call<VehicleDetail>('vehicles.transfer', { vehicleId: accord.id, toCustomerId: ana.id }))
    expect(back.owners.map((o) => [o.customerId, o.endedAt === null])).toEqual([
      [ana.id, true],
      [bob.id, false],
      [ana.id, false],
    ])
    const anaNow = valueOf(await call<CustomerDetail>('customers.get', { id: ana.id }))
    expect(anaNow.vehicles.current.map((v) => v.id)).toEqual([accord.id])
    expect(anaNow.vehicles.previous).toEqual([])
    const bobNow = valueOf(await call<CustomerDetail>('customers.get', { id: bob.id }))
    expect(bobNow.vehicles.current).toEqual([])
    expect(bobNow.vehicles.previous.map((v) => v.id)).toEqual([accord.id])
  })

  it('transfer to the current owner is CONFLICT, to a missing customer or of a missing vehicle NOT_FOUND; nothing changes', async () => {
    const { call, services } = await start()
    const ana = await createCustomer(call, { name: 'Ana' })
    const accord = await createVehicle(call, { ownerId: ana.id, vin: ACCORD_VIN, make: 'Honda' })
    const before = await dumpRows(services)

    expect(errorOf(await call('vehicles.transfer', { vehicleId: accord.id, toCustomerId: ana.id })).code).toBe('CONFLICT')
    expect(errorOf(await call('vehicles.transfer', { vehicleId: accord.id, toCustomerId: 9999 })).code).toBe('NOT_FOUND')
    expect(errorOf(await call('vehicles.transfer', { vehicleId: 9999, toCustomerId: ana.id })).code).toBe('NOT_FOUND')
    expect(errorOf(await call('vehicles.transfer', { vehicleId: accord.id, toCustomerId: 0 })).code).toBe('VALIDATION')

    expect(await dumpRows(services)).toEqual(before)
    const detail = valueOf(await call<VehicleDetail>('vehicles.get', { id: accord.id }))
    expect(detail.vehicle.currentOwner).toEqual({ customerId: ana.id, name: 'Ana' })
    expect(detail.owners).toHaveLength(1)
  })
})

// ---------------------------------------------------------------------------

describe('radios', () => {
  it('radios.add records the radio; another add moves the first to history with its reason', async () => {
    const { call, services } = await start()
    const ana = await createCustomer(call, { name: 'Ana' })
    const accord = await createVehicle(call, { ownerId: ana.id, year: 2003, make: 'Honda', model: 'Accord' })

    const one = valueOf(await call<VehicleDetail>('radios.add', { vehicleId: accord.id, serial: ' u123 4567 ', headUnit: 'Factory CD' }))
    expect(one.radios).toHaveLength(1)
    const first = one.radios[0]!
    expect(first).toMatchObject({
      vehicleId: accord.id,
      serial: 'U123 4567',
      headUnit: 'Factory CD',
      removedAt: null,
      codeStatus: 'none',
    })

    const two = valueOf(
      await call<VehicleDetail>('radios.add', {
        vehicleId: accord.id,
        serial: 'ALP-998877',
        headUnit: 'Alpine touchscreen',
        replacesReason: ' Upgraded   to touchscreen ',
      }),
    )
    expect(two.radios.map((r) => r.id)).toEqual([two.radios[0]!.id, first.id])
    expect(two.radios[0]).toMatchObject({ serial: 'ALP-998877', removedAt: null, removedReason: '' })
    expect(two.radios[1]).toMatchObject({ id: first.id, removedReason: 'Upgraded to touchscreen' })
    expect(two.radios[1]!.removedAt).not.toBeNull()

    // A third radio: the second gets the default reason, the first keeps its own.
    const three = valueOf(await call<VehicleDetail>('radios.add', { vehicleId: accord.id, serial: 'Z1' }))
    expect(three.radios.map((r) => [r.serial, r.removedAt === null, r.removedReason])).toEqual([
      ['Z1', true, ''],
      ['ALP-998877', false, 'replaced'],
      ['U123 4567', false, 'Upgraded to touchscreen'],
    ])
    expect(three.radios[2]!.removedAt).toBe(two.radios[1]!.removedAt)
    expect(valueOf(await call<VehicleDetail>('vehicles.get', { id: accord.id })).radios).toEqual(three.radios)

    const audit = await services.requireDb().selectFrom('audit_log').select('action').where('entity_type', '=', 'radio').execute()
    expect(audit.map((row) => row.action)).toEqual(['radio.add', 'radio.add', 'radio.add'])
  })

  it('radios.update corrects the serial: search finds the new one, not the old', async () => {
    const { call, services } = await start()
    const ana = await createCustomer(call, { name: 'Ana' })
    const accord = await createVehicle(call, { ownerId: ana.id, make: 'Honda' })
    const added = valueOf(await call<VehicleDetail>('radios.add', { vehicleId: accord.id, serial: 'U1234567', headUnit: 'Factory' }))
    const radioId = added.radios[0]!.id
    expect(valueOf(await call<SearchResults>('search.query', { text: 'U1234567' })).radios.map((r) => r.id)).toEqual([radioId])

    const updated = valueOf(await call<VehicleDetail>('radios.update', { id: radioId, serial: 'u7654321', headUnit: 'Factory AM/FM' }))
    expect(updated.radios).toMatchObject([{ id: radioId, serial: 'U7654321', headUnit: 'Factory AM/FM', removedAt: null }])

    const byNew = valueOf(await call<SearchResults>('search.query', { text: 'u7654321' }))
    expect(byNew.radios.map((r) => r.id)).toEqual([radioId])
    expect(byNew.top).toEqual({ kind: 'radio', id: radioId })
    expect(valueOf(await call<SearchResults>('search.query', { text: 'U1234567' })).radios).toEqual([])
    expect((await auditActions(services, 'radio', radioId)).map((row) => row.action)).toEqual(['radio.add', 'radio.update'])
  })

  it('radios for a missing vehicle or a missing radio answer NOT_FOUND and write nothing', async () => {
    const { call, services } = await start()
    const before = await dumpRows(services)
    expect(errorOf(await call('radios.add', { vehicleId: 77, serial: 'X' })).code).toBe('NOT_FOUND')
    expect(errorOf(await call('radios.update', { id: 77, serial: 'X', headUnit: '' })).code).toBe('NOT_FOUND')
    expect(await dumpRows(services)).toEqual(before)
  })
})

// ---------------------------------------------------------------------------

describe('vehicles.decodeVin', () => {
  const suggestion: VinDecodeSuggestion = {
    vin: ACCORD_VIN,
    year: 2003,
    make: 'Honda',
    model: 'Accord',
    trim: 'EX',
    engine: '2.4L I4',
    source: 'vpic-offline',
    sourceVersion: '2.0.1',
    confidence: 'high',
    notes: [],
  }

  it('passes the normalised VIN to the decoder and returns its answer', async () => {
    const { call, vinDecoder } = await start()
    vinDecoder.answers.set(ACCORD_VIN, suggestion)
    expect(valueOf(await call('vehicles.decodeVin', { vin: ' 1hgcm-82633-a004352 ' }))).toEqual(suggestion)
    expect(vinDecoder.decoded).toEqual([ACCORD_VIN])
    expect(valueOf(await call('vehicles.decodeVin', { vin: SECOND_VIN.toLowerCase() }))).toBeNull()
    expect(vinDecoder.decoded).toEqual([ACCORD_VIN, SECOND_VIN])
  })

  it('an invalid VIN answers VALIDATION and the decoder is not asked', async () => {
    const { call, vinDecoder } = await start()
    vinDecoder.answers.set(ACCORD_VIN, suggestion)
    for (const vin of ['1HGCM82633AO04352', '1HGCM8263', '', '1HGCM82633A0043521']) {
      expect(errorOf(await call('vehicles.decodeVin', { vin })).code, vin).toBe('VALIDATION')
    }
    expect(vinDecoder.decoded).toEqual([])
  })
})

// ---------------------------------------------------------------------------

describe('search.query', () => {
  async function seed(call: Call) {
    const ana = await createCustomer(call, { name: 'Ana María López', phones: [{ label: 'mobile', number: '(555) 010-2030' }] })
    const bob = await createCustomer(call, { name: 'Bob Smith', phones: [{ number: '555-777-4411' }] })
    const accord = await createVehicle(call, {
      ownerId: ana.id,
      vin: ACCORD_VIN,
      year: 2003,
      make: 'Honda',
      model: 'Accord',
      plate: '7ABC 123',
      plateState: 'TX',
    })
    const radio = valueOf(await call<VehicleDetail>('radios.add', { vehicleId: accord.id, serial: 'U1234567', headUnit: 'Alpine' }))
      .radios[0]!
    return { ana, bob, accord, radio }
  }

  const search = async (call: Call, text: string, limitPerKind?: number) =>
    valueOf(await call<SearchResults>('search.query', limitPerKind === undefined ? { text } : { text, limitPerKind }))

  it('finds a customer by name parts in any order, accents or not', async () => {
    const { call } = await start()
    const { ana } = await seed(call)
    for (const text of ['ana lopez', 'lopez ana', 'LÓP mar', 'maria']) {
      const results = await search(call, text)
      expect(results.customers.map((c) => c.id), text).toEqual([ana.id])
      expect(results.customers[0]).toMatchObject({ kind: 'customer', name: 'Ana María López', phone: '(555) 010-2030', matchedBy: 'name' })
      expect(results.top, text).toEqual({ kind: 'customer', id: ana.id })
    }
    expect((await search(call, 'ana smith')).customers).toEqual([])
  })

  it('finds a customer by phone typed in another format, and by the last four digits', async () => {
    const { call } = await start()
    const { ana } = await seed(call)
    for (const text of ['555.010.2030', '555 010 2030', '5550102030', '+1 555 010 2030', '1-555-010-2030']) {
      const results = await search(call, text)
      expect(results.customers.map((c) => c.id), text).toEqual([ana.id])
      expect(results.customers[0]!.matchedBy, text).toBe('phone')
      expect(results.top, text).toEqual({ kind: 'customer', id: ana.id })
    }
    const lastFour = await search(call, '2030')
    expect(lastFour.customers.map((c) => c.id)).toEqual([ana.id])
    expect(lastFour.customers[0]!.matchedBy).toBe('phone')
  })

  it('finds a vehicle by plate with or without spaces, by full VIN and by the last six of the VIN', async () => {
    const { call } = await start()
    const { accord } = await seed(call)
    for (const text of ['7abc123', '7ABC 123', '7-abc-123', ACCORD_VIN, ACCORD_VIN.toLowerCase(), '004352', 'a004352']) {
      const results = await search(call, text)
      expect(results.vehicles.map((v) => v.id), text).toEqual([accord.id])
      expect(results.customers, text).toEqual([])
      expect(results.top, text).toEqual({ kind: 'vehicle', id: accord.id })
    }
    const byVin = await search(call, ACCORD_VIN)
    expect(byVin.vehicles[0]).toEqual({
      kind: 'vehicle',
      id: accord.id,
      description: '2003 Honda Accord',
      vin: ACCORD_VIN,
      plate: '7ABC 123',
      plateState: 'TX',
      ownerName: 'Ana María López',
      matchedBy: 'vin',
    })
    expect((await search(call, '7abc123')).vehicles[0]!.matchedBy).toBe('plate')
    expect((await search(call, '004352')).vehicles[0]!.matchedBy).toBe('vin')
  })

  it('finds a radio by serial, with its vehicle and owner', async () => {
    const { call } = await start()
    const { accord, radio } = await seed(call)
    const results = await search(call, 'u123-4567')
    expect(results.radios).toEqual([
      {
        kind: 'radio',
        id: radio.id,
        vehicleId: accord.id,
        serial: 'U1234567',
        headUnit: 'Alpine',
        vehicleDescription: '2003 Honda Accord',
        ownerName: 'Ana María López',
        removed: false,
        matchedBy: 'serial',
      },
    ])
    expect(results.top).toEqual({ kind: 'radio', id: radio.id })
  })

  it('groups results by kind, and top is the exact identifier match rather than the first word match', async () => {
    const { call } = await start()
    const { accord } = await seed(call)
    // A customer whose name contains the plate as a word: a name hit, not an exact identifier.
    const plateName = await createCustomer(call, { name: 'Customer 7ABC123' })
    const results = await search(call, '7abc123')
    expect(results.customers.map((c) => [c.id, c.matchedBy])).toEqual([[plateName.id, 'name']])
    expect(results.vehicles.map((v) => [v.id, v.matchedBy])).toEqual([[accord.id, 'plate']])
    expect(results.top).toEqual({ kind: 'vehicle', id: accord.id })
    for (const item of results.customers) expect(item.kind).toBe('customer')
    for (const item of results.vehicles) expect(item.kind).toBe('vehicle')
    for (const item of results.radios) expect(item.kind).toBe('radio')

    // Without an exact identifier, top is the first result.
    const byWord = await search(call, 'hond')
    expect(byWord.top).toEqual({ kind: 'vehicle', id: accord.id })
  })

  it('empty or blank text gives empty groups and no top', async () => {
    const { call } = await start()
    await seed(call)
    for (const text of ['', '   ']) {
      expect(await search(call, text)).toEqual({ text, customers: [], vehicles: [], radios: [], top: null })
    }
    expect(await search(call, 'zzzz-nothing')).toMatchObject({ customers: [], vehicles: [], radios: [], top: null })
  })

  it('never carries a code: no code field anywhere, and no ciphertext even when a code is on file', async () => {
    const { call, services } = await start()
    const { accord, radio } = await seed(call)
    const db = services.requireDb()
    const staff = await db
      .insertInto('staff')
      .values({ name: 'Desk', role: 'desk', pin_hash: null, locked_until: null, pin_changed_at: null, created_at: 'x', updated_at: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow()
    const ciphertext = Buffer.from('not-a-real-ciphertext-12345').toString('base64')
    await db
      .insertInto('radio_codes')
      .values({
        radio_id: radio.id,
        code_ciphertext: ciphertext,
        key_id: 1,
        source: 'owner-card',
        format_override_reason: null,
        entered_by: staff.id,
        entered_at: '2026-11-24T07:00:00.000Z',
        verified_by: null,
        verified_at: null,
        superseded_by: null,
        superseded_at: null,
      })
      .execute()

    const keysOf = (value: unknown): string[] =>
      value && typeof value === 'object'
        ? Object.entries(value).flatMap(([key, inner]) => [key, ...keysOf(inner)])
        : []
    for (const text of ['u1234567', ACCORD_VIN, 'ana', '2030', 'honda']) {
      const results = await search(call, text)
      const all = [...results.customers, ...results.vehicles, ...results.radios]
      expect(all.length, text).toBeGreaterThan(0)
      expect(keysOf(results).filter((key) => /code/i.test(key)), text).toEqual([])
      expect(JSON.stringify(results), text).not.toContain(ciphertext)
    }
    // The vehicle page says a code is on file, and still does not carry it.
    const detail = valueOf(await call<VehicleDetail>('vehicles.get', { id: accord.id }))
    expect(detail.radios.map((r) => r.codeStatus)).toEqual(['on-file'])
    expect(JSON.stringify(detail)).not.toContain(ciphertext)
  })

  it('respects limitPerKind, and refuses one out of range', async () => {
    const { call } = await start()
    for (let i = 1; i <= 12; i += 1) await createCustomer(call, { name: `Garcia ${i}`, phones: [{ number: `555-300-${String(i).padStart(4, '0')}` }] })
    expect((await search(call, 'garcia', 3)).customers).toHaveLength(3)
    expect((await search(call, 'garcia')).customers).toHaveLength(8)
    expect((await search(call, 'garcia', 50)).customers).toHaveLength(12)
    expect((await search(call, '555300', 5)).customers).toHaveLength(5)
    expect(errorOf(await call('search.query', { text: 'garcia', limitPerKind: 0 })).code).toBe('VALIDATION')
    expect(errorOf(await call('search.query', { text: 'garcia', limitPerKind: 51 })).code).toBe('VALIDATION')
  })

  it('a repair-order number finds the job’s vehicle and customer', async () => {
    const { call, services } = await start()
    const { ana, bob, accord } = await seed(call)
    const db = services.requireDb()
    const job = await db
      .insertInto('battery_jobs')
      .values({
        ro_number: 'RO-48213',
        ro_key: 'RO48213',
        vehicle_id: accord.id,
        customer_id: ana.id,
        radio_id: null,
        retrieval_request_id: null,
        status: 'checked-in',
        checked_in_by: null,
        checked_in_at: '2026-11-24T07:00:00.000Z',
        code_check_at: null,
        service_started_at: null,
        completed_at: null,
        gate_decision: null,
        gate_decided_by: null,
        gate_decided_at: null,
        battery_disconnected_at: null,
        card_printed_at: null,
        card_handed_over_at: null,
        card_handed_over_by: null,
        card_declined_at: null,
        card_declined_by: null,
        updated_at: '2026-11-24T07:00:00.000Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await services.search.put(db, 'job', job.id, jobSearchDocument({ roNumber: 'RO-48213' }))

    const results = await search(call, 'ro48213')
    expect(results.vehicles.map((v) => [v.id, v.matchedBy])).toEqual([[accord.id, 'ro']])
    expect(results.customers.map((c) => [c.id, c.matchedBy])).toEqual([[ana.id, 'ro']])
    expect(results.customers.map((c) => c.id)).not.toContain(bob.id)
    expect(results.radios).toEqual([])
    expect(results.top).toEqual({ kind: 'vehicle', id: accord.id })
  })
})

// ---------------------------------------------------------------------------

describe('data.changed events', () => {
  it('create, update, transfer and radio changes tell open windows; refused calls do not', async () => {
    const { call, services } = await start()
    const events: unknown[] = []
    services.events.subscribe((event, payload) => events.push([event, payload]))

    const ana = await createCustomer(call, { name: 'Ana', phones: [{ number: '555-010-2030' }] })
    const bob = await createCustomer(call, { name: 'Bob' })
    valueOf(await call('customers.update', { id: ana.id, name: 'Ana L', phones: [{ number: '555-010-2030' }] }))
    const accord = await createVehicle(call, { ownerId: ana.id, vin: ACCORD_VIN })
    valueOf(await call('vehicles.update', { id: accord.id, vin: ACCORD_VIN, make: 'Honda' }))
    valueOf(await call('vehicles.transfer', { vehicleId: accord.id, toCustomerId: bob.id }))
    const radioId = valueOf(await call<VehicleDetail>('radios.add', { vehicleId: accord.id, serial: 'A1' })).radios[0]!.id
    valueOf(await call('radios.update', { id: radioId, serial: 'A2', headUnit: '' }))

    expect(events).toEqual([
      ['data.changed', { entity: 'customer', id: ana.id }],
      ['data.changed', { entity: 'customer', id: bob.id }],
      ['data.changed', { entity: 'customer', id: ana.id }],
      ['data.changed', { entity: 'vehicle', id: accord.id }],
      ['data.changed', { entity: 'vehicle', id: accord.id }],
      ['data.changed', { entity: 'vehicle', id: accord.id }],
      ['data.changed', { entity: 'vehicle', id: accord.id }],
      ['data.changed', { entity: 'vehicle', id: accord.id }],
    ])

    events.length = 0
    errorOf(await call('customers.create', { name: 'Dup', phones: [{ number: '5550102030' }] }))
    errorOf(await call('vehicles.create', { ownerId: bob.id, vin: ACCORD_VIN }))
    errorOf(await call('vehicles.transfer', { vehicleId: accord.id, toCustomerId: bob.id }))
    errorOf(await call('customers.update', { id: 999, name: 'Ghost' }))
    expect(events).toEqual([])
  })
})

describe('edits change only what they name', () => {
  it('vehicles.update with a few fields keeps the VIN, plate and everything else', async () => {
    const { call } = await start()
    const owner = await createCustomer(call, { name: 'Ana' })
    const vehicle = await createVehicle(call, {
      ownerId: owner.id,
      vin: ACCORD_VIN,
      year: 2003,
      make: 'Honda',
      model: 'Accord',
      plate: '7ABC123',
      plateState: 'TX',
      colour: 'Silver',
    })
    const updated = valueOf(await call<Vehicle>('vehicles.update', { id: vehicle.id, colour: 'Blue' }))
    expect(updated).toMatchObject({ vin: ACCORD_VIN, year: 2003, model: 'Accord', plate: '7ABC123', plateState: 'TX', colour: 'Blue' })
    const cleared = valueOf(await call<Vehicle>('vehicles.update', { id: vehicle.id, year: null }))
    expect(cleared).toMatchObject({ year: null, vin: ACCORD_VIN })
  })

  it('customers.update with only a name keeps the phones, email and language', async () => {
    const { call } = await start()
    const created = await createCustomer(call, {
      name: 'Ana',
      email: 'ana@example.com',
      preferredLanguage: 'es',
      phones: [{ label: 'mobile', number: '555-010-2030' }],
    })
    const updated = valueOf(await call<CustomerDetail>('customers.update', { id: created.id, name: 'Ana López' }))
    expect(updated).toMatchObject({ name: 'Ana López', email: 'ana@example.com', preferredLanguage: 'es' })
    expect(updated.phones.map((p) => p.number)).toEqual(['555-010-2030'])
  })
})
