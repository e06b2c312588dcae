import { createHash } from 'node:crypto'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import type { Database } from '../../electron/db/schema'
import type { SearchEntry } from '../../electron/db/search/search-index'
import { sqliteSearchIndex } from '../../electron/db/search/sqlite-search-index'
import { createMemoryLogger } from '../../electron/main/log'
import type { Printer } from '../../electron/main/printing/printer'
import { startAppServices } from '../../electron/main/services/app-services'
import { customerSearchDocument, jobSearchDocument, radioSearchDocument, vehicleSearchDocument } from '../../electron/main/services/search-documents'
import { noSystemKeyStore } from '../../electron/main/services/security'
import type { VinDecoder } from '../../electron/main/vin-decoder'
import { compactKey, phoneDigits, toSearchKey } from '../../shared/domain/normalize'
import { toKeyToken } from '../../electron/db/search/search-index'
import { CODE_SOURCES, COLOURS, TRIMS } from './catalog'
import { Rng } from './prng'
import { makeCode, makePerson, makePlate, makeSerial, makeVin, pickMake, pickState } from './records'

/*
 * Builds a shop database the way the app would hold it after years of use:
 * the app's own start-up (migrations, vault on the test key, first manager,
 * staff), then customers, phones, vehicles with owner history, radios, codes
 * encrypted by the app's vault, ten years of battery jobs and a hash-chained
 * audit log, written in big transactions of prepared statements on a second
 * connection, with search rows written by the app's SearchIndex (addNew), so
 * generation at a million vehicles stays in minutes.
 */

/** Bump when the generated data changes shape: cached databases are keyed by it. */
export const GENERATOR_VERSION = 4

export interface Scale {
  readonly name: string
  readonly customers: number
  readonly vehicles: number
}

/** The seed of the shop and chain data every bench run measures (the cache is keyed by it). */
export const BENCH_SEED = 20261124

export const SCALES = {
  tiny: { name: 'tiny', customers: 200, vehicles: 300 },
  shop: { name: 'shop', customers: 20_000, vehicles: 30_000 },
  chain: { name: 'chain', customers: 666_667, vehicles: 1_000_000 },
} as const satisfies Record<string, Scale>

export const BENCH_MANAGER = { name: 'Test Manager', pin: '2580' } as const
/** The generator's clock: the last day of the ten years of history. */
export const GENERATED_UNTIL = '2026-11-24T09:00:00.000Z'
const TEN_YEARS_MS = 10 * 365.25 * 24 * 3600 * 1000
const DAY_MS = 24 * 3600 * 1000
const CHUNK_VEHICLES = 25_000

export interface GeneratedCounts {
  customers: number
  phones: number
  vehicles: number
  ownerships: number
  radios: number
  codes: number
  jobs: number
  audit: number
  searchWords: number
  searchKeys: number
}

export interface GeneratedShop {
  readonly generatorVersion: number
  readonly scale: Scale
  readonly seed: number
  readonly managerId: number
  readonly counts: GeneratedCounts
  readonly seconds: number
}

const noPrinter: Printer = {
  async listPrinters() {
    return []
  },
  async print() {
    throw new Error('The generator prints nothing.')
  },
}

/** No VIN decoding (its 75 MB database is not part of what the benchmark measures). */
export const noVinDecoder: VinDecoder = {
  async decode() {
    return null
  },
  async close() {},
}

/** The audit row hash, field for field as electron/db/repositories/audit.ts computes it (the smoke test checks the chain). */
function auditHash(prevHash: string, row: readonly [string, string, number | null, string, string, number | null, string]): string {
  return createHash('sha256')
    .update(JSON.stringify([prevHash, ...row]))
    .digest('hex')
}

function iso(ms: number): string {
  return new Date(Math.floor(ms)).toISOString()
}

/** Generates into `dataDir` (which must be empty). */
export async function generateShop(
  dataDir: string,
  scale: Scale,
  seed: number,
  progress: (message: string) => void = () => {},
): Promise<GeneratedShop> {
  const started = performance.now()
  const endMs = Date.parse(GENERATED_UNTIL)
  const startMs = endMs - TEN_YEARS_MS
  const services = await startAppServices({
    dataDir,
    appVersion: 'bench-generator',
    printer: noPrinter,
    log: createMemoryLogger(),
    vinDecoder: noVinDecoder,
    keyStore: noSystemKeyStore({ testKey: true }),
    backupSchedule: false,
    exitBackupTimeoutMs: 0,
    now: () => new Date(startMs),
  })
  if (services.status.state !== 'ready') throw new Error(`services did not start: ${JSON.stringify(services.status)}`)
  const security = services.requireSecurity()
  await security.setUpVault(null)
  const manager = await security.staff.createFirstManager(BENCH_MANAGER)
  security.session.signIn(manager.id)
  const staffIds = [manager.id]
  for (const [name, pin] of [
    ['Dana Desk', '7391'],
    ['Tomás Técnico', '4826'],
    ['Riley Front', '9153'],
  ] as const) {
    const member = await security.staff.addStaff(manager.id, { name, role: name === 'Tomás Técnico' ? 'technician' : 'desk', pin, canPrintCodes: true })
    staffIds.push(member.id)
  }
  const vault = security.vault

  const sqlite = new BetterSqlite3(services.paths.dbFile)
  sqlite.pragma('synchronous = OFF')
  sqlite.pragma('cache_size = -262144')
  sqlite.pragma('temp_store = MEMORY')
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  const counts: GeneratedCounts = { customers: 0, phones: 0, vehicles: 0, ownerships: 0, radios: 0, codes: 0, jobs: 0, audit: 0, searchWords: 0, searchKeys: 0 }
  const workstation = services.workstationId

  const insertCustomer = sqlite.prepare(
    'insert into customers (name, email, preferred_language, notes, search_key, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)',
  )
  const insertPhone = sqlite.prepare(
    'insert into customer_phones (customer_id, label, number, digits, position, created_at) values (?, ?, ?, ?, ?, ?)',
  )
  const insertVehicle = sqlite.prepare(
    `insert into vehicles (vin, year, make, model, trim, engine, plate, plate_state, plate_key, colour, notes, search_key, created_at, updated_at)
     values (?, ?, ?, ?, ?, '', ?, ?, ?, ?, '', '', ?, ?)`,
  )
  const insertOwnership = sqlite.prepare(
    'insert into vehicle_ownerships (vehicle_id, customer_id, started_at, ended_at, recorded_by, notes) values (?, ?, ?, ?, ?, ?)',
  )
  const insertRadio = sqlite.prepare(
    `insert into radios (vehicle_id, serial, serial_key, head_unit, installed_at, removed_at, removed_reason, created_by, created_at, updated_at)
     values (?, ?, ?, ?, null, ?, ?, ?, ?, ?)`,
  )
  const insertCode = sqlite.prepare(
    `insert into radio_codes (radio_id, code_ciphertext, key_id, source, source_detail, format_override_reason, entered_by, entered_at, verified_by, verified_at)
     values (?, ?, ?, ?, '', null, ?, ?, ?, ?)`,
  )
  const supersedeCode = sqlite.prepare('update radio_codes set superseded_by = ?, superseded_at = ? where id = ?')
  const insertJob = sqlite.prepare(
    `insert into battery_jobs (ro_number, ro_key, vehicle_id, customer_id, radio_id, status, checked_in_by, checked_in_at, code_check_at,
       service_started_at, completed_at, gate_decision, gate_detail_json, gate_decided_by, gate_decided_at, battery_disconnected_at, card_printed_at,
       card_handed_over_at, card_handed_over_by, card_declined_at, card_declined_by, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertAudit = sqlite.prepare(
    `insert into audit_log (at, workstation_id, staff_id, action, entity_type, entity_id, details_json, prev_hash, hash)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  let prevHash = (sqlite.prepare('select hash from audit_log order by id desc limit 1').get() as { hash: string } | undefined)?.hash ?? '0'.repeat(64)
  const audit = (at: string, staffId: number, action: string, entityType: string, entityId: number | null, details: Record<string, unknown>) => {
    const row = [at, workstation, staffId, action, entityType, entityId, JSON.stringify(details)] as const
    const hash = auditHash(prevHash, row)
    insertAudit.run(...row, prevHash, hash)
    prevHash = hash
    counts.audit += 1
  }

  const rng = new Rng(seed)
  const { customers: customerTotal, vehicles: vehicleTotal } = scale
  const customerIds: number[] = new Array<number>(customerTotal)
  const customerStates: ReturnType<typeof pickState>[] = new Array(customerTotal)
  let roSequence = 100_000
  let entries: SearchEntry[] = []

  const flush = async () => {
    for (const entry of entries) {
      if (entry.document.words.some((w) => toSearchKey(w) !== '')) counts.searchWords += 1
    }
    await sqliteSearchIndex.addNew(kysely, entries)
    entries = []
  }

  for (let chunkStart = 0; chunkStart < vehicleTotal; chunkStart += CHUNK_VEHICLES) {
    sqlite.exec('begin')
    const chunkEnd = Math.min(vehicleTotal, chunkStart + CHUNK_VEHICLES)
    for (let v = chunkStart; v < chunkEnd; v += 1) {
      const createdMs = startMs + (v / vehicleTotal) * TEN_YEARS_MS * 0.97 + rng.float() * DAY_MS
      const created = iso(createdMs)
      const staffId = rng.pick(staffIds)
      // Vehicles are spread over customers in order: most have one, some two or more.
      const ownerIndex = Math.floor((v * customerTotal) / vehicleTotal)
      if (customerIds[ownerIndex] === undefined) {
        const state = pickState(rng)
        const person = makePerson(rng, state)
        const id = Number(insertCustomer.run(person.name, person.email, person.language, '', toSearchKey(person.name), created, created).lastInsertRowid)
        person.phones.forEach((phone, position) => {
          insertPhone.run(id, phone.label, phone.number, phoneDigits(phone.number), position, created)
          counts.phones += 1
        })
        customerIds[ownerIndex] = id
        customerStates[ownerIndex] = state
        counts.customers += 1
        entries.push({ entityType: 'customer', entityId: id, document: customerSearchDocument({ name: person.name, email: person.email, phones: person.phones }) })
        audit(created, staffId, 'customer.create', 'customer', id, {})
      }
      const ownerId = customerIds[ownerIndex]!
      const state = customerStates[ownerIndex]!

      const make = pickMake(rng)
      const model = rng.pick(make.models)
      const year = Math.min(2026, Math.max(1995, new Date(createdMs).getUTCFullYear() - rng.int(0, 14)))
      const vin = rng.chance(0.05) ? '' : makeVin(rng, make, year, v)
      const plate = rng.chance(0.08) ? '' : makePlate(rng, state)
      const trim = rng.pick(TRIMS)
      const colour = rng.pick(COLOURS)
      const vehicleId = Number(
        insertVehicle.run(vin === '' ? null : vin, year, make.make, model, trim, plate, plate === '' ? '' : state.code, compactKey(plate), colour, created, created)
          .lastInsertRowid,
      )
      counts.vehicles += 1
      // A few vehicles came from an earlier owner who is also a customer.
      if (ownerIndex > 10 && rng.chance(0.03)) {
        const previous = customerIds[rng.int(0, ownerIndex - 1)]
        if (previous !== undefined && previous !== ownerId) {
          insertOwnership.run(vehicleId, previous, iso(createdMs - 400 * DAY_MS), created, staffId, '')
          counts.ownerships += 1
        }
      }
      insertOwnership.run(vehicleId, ownerId, created, null, staffId, '')
      counts.ownerships += 1
      entries.push({ entityType: 'vehicle', entityId: vehicleId, document: vehicleSearchDocument({ vin, year, make: make.make, model, trim, colour, plate }) })
      audit(created, staffId, 'vehicle.create', 'vehicle', vehicleId, { ownerId })

      // Radios: most vehicles have one on file; a few had theirs replaced.
      let radioId: number | null = null
      let codeOnFile: { codeId: number; verified: boolean; source: string } | null = null
      if (rng.chance(0.85)) {
        const radios = rng.chance(0.04) ? 2 : 1
        for (let r = 0; r < radios; r += 1) {
          const last = r === radios - 1
          const serial = makeSerial(rng, make)
          const headUnit = rng.pick(make.headUnits)
          const removedAt = last ? null : iso(createdMs + 200 * DAY_MS)
          radioId = Number(
            insertRadio.run(vehicleId, serial, compactKey(serial), headUnit, removedAt, last ? '' : 'replaced', staffId, created, created).lastInsertRowid,
          )
          counts.radios += 1
          entries.push({ entityType: 'radio', entityId: radioId, document: radioSearchDocument({ serial, headUnit }) })
          audit(created, staffId, 'radio.add', 'radio', radioId, { vehicleId })
          if (rng.chance(0.7)) {
            const sourceOf = () => rng.weighted(CODE_SOURCES.map(([s, w]) => [s, w] as const))
            let previousCode: number | null = null
            if (rng.chance(0.02)) {
              const old = vault.encryptCode(radioId, makeCode(rng, make))
              previousCode = Number(insertCode.run(radioId, old.ciphertext, old.keyId, sourceOf(), staffId, created, null, null).lastInsertRowid)
              counts.codes += 1
            }
            const encrypted = vault.encryptCode(radioId, makeCode(rng, make))
            const verified = rng.chance(0.6)
            const source = sourceOf()
            const codeId = Number(
              insertCode.run(radioId, encrypted.ciphertext, encrypted.keyId, source, staffId, created, verified ? staffId : null, verified ? created : null)
                .lastInsertRowid,
            )
            if (previousCode !== null) supersedeCode.run(codeId, created, previousCode)
            counts.codes += 1
            audit(created, staffId, 'code.enter', 'radio', radioId, { radioId, source: 'other', supersedes: previousCode, supersededCount: previousCode === null ? 0 : 1, formatOverride: false })
            if (last) codeOnFile = { codeId, verified, source }
          }
        }
      }

      // Battery jobs over the years since the vehicle first came in.
      const jobs = rng.weighted([
        [0, 45],
        [1, 35],
        [2, 13],
        [3, 7],
      ] as const)
      for (let j = 0; j < jobs; j += 1) {
        const inMs = createdMs + rng.float() * Math.max(DAY_MS, endMs - createdMs)
        const at = iso(inMs)
        const later = (minutes: number) => iso(inMs + minutes * 60_000)
        const recent = endMs - inMs < 2 * DAY_MS
        const status = recent
          ? rng.pick(['checked-in', 'code-check', 'in-service', 'done'] as const)
          : // Older jobs are closed: the customer took the card (or the guide to getting the code), or declined it.
            rng.weighted([
              ['handed-over', 85],
              ['card-declined', 11],
              ['cancelled', 4],
            ] as const)
        const gate = status === 'checked-in' || status === 'code-check' || status === 'cancelled' ? null : codeOnFile ? 'code-on-file' : rng.pick(['no-code-needed', 'memory-saver', 'risk-accepted'] as const)
        const gateDetail =
          gate === null
            ? '{}'
            : JSON.stringify(
                gate === 'code-on-file' && codeOnFile
                  ? { option: gate, radioId, codeId: codeOnFile.codeId, verified: codeOnFile.verified, source: codeOnFile.source, note: '' }
                  : gate === 'no-code-needed'
                    ? { option: gate, reason: 'no-anti-theft-light', note: '' }
                    : gate === 'memory-saver'
                      ? { option: gate, connection: 'obd-ii-port', indicatorChecked: true, retrievalRequestId: null, note: '' }
                      : { option: gate, acceptedBy: 'the customer', how: 'in-person', acceptedAt: later(9), statement: 'Customer accepted the risk.', note: '' },
              )
        const finished = status === 'handed-over' || status === 'card-declined' || status === 'done'
        const printed = codeOnFile && (status === 'handed-over' || status === 'card-declined')
        roSequence += rng.int(1, 3)
        const ro = `RO-${roSequence}`
        const jobId = Number(
          insertJob.run(
            ro,
            toKeyToken(ro),
            vehicleId,
            ownerId,
            radioId,
            status,
            staffId,
            at,
            status === 'checked-in' ? null : later(3),
            gate ? later(10) : null,
            finished ? later(45) : null,
            gate,
            gateDetail,
            gate ? staffId : null,
            gate ? later(8) : null,
            gate ? later(12) : null,
            printed ? later(46) : null,
            status === 'handed-over' ? later(90) : null,
            status === 'handed-over' ? staffId : null,
            status === 'card-declined' ? later(90) : null,
            status === 'card-declined' ? staffId : null,
            finished ? later(90) : at,
          ).lastInsertRowid,
        )
        counts.jobs += 1
        entries.push({ entityType: 'job', entityId: jobId, document: jobSearchDocument({ roNumber: ro }) })
        audit(at, staffId, 'job.check-in', 'battery_job', jobId, { vehicleId, customerId: ownerId, roNumber: ro, codeSituation: codeOnFile ? 'on-file' : 'none' })
        if (printed) {
          audit(later(46), staffId, 'code.print', 'radio', radioId, { radioId })
          audit(later(46), staffId, 'job.card-printed', 'battery_job', jobId, { format: 'wallet', first: true })
        }
      }
    }
    await flush()
    sqlite.exec('commit')
    progress(`${scale.name}: ${chunkEnd.toLocaleString('en-US')} / ${vehicleTotal.toLocaleString('en-US')} vehicles`)
  }
  // Customers without a vehicle of their own (when there are more customers than vehicles).
  sqlite.exec('begin')
  for (let c = 0; c < customerTotal; c += 1) {
    if (customerIds[c] !== undefined) continue
    const state = pickState(rng)
    const person = makePerson(rng, state)
    const created = iso(startMs + rng.float() * TEN_YEARS_MS)
    const id = Number(insertCustomer.run(person.name, person.email, person.language, '', toSearchKey(person.name), created, created).lastInsertRowid)
    person.phones.forEach((phone, position) => {
      insertPhone.run(id, phone.label, phone.number, phoneDigits(phone.number), position, created)
      counts.phones += 1
    })
    customerIds[c] = id
    counts.customers += 1
    entries.push({ entityType: 'customer', entityId: id, document: customerSearchDocument({ name: person.name, email: person.email, phones: person.phones }) })
  }
  await flush()
  sqlite.exec('commit')

  counts.searchKeys = (sqlite.prepare('select count(*) as n from search_keys').get() as { n: number }).n
  progress(`${scale.name}: analyze and checkpoint`)
  sqlite.exec('analyze')
  sqlite.pragma('wal_checkpoint(TRUNCATE)')
  await kysely.destroy()
  if (sqlite.open) sqlite.close()
  await services.close()
  return {
    generatorVersion: GENERATOR_VERSION,
    scale,
    seed,
    managerId: manager.id,
    counts,
    seconds: (performance.now() - started) / 1000,
  }
}
