import { afterEach, expect } from 'vitest'
import { dataPaths } from '../../electron/main/paths'
import type { ApiResult } from '../../shared/api/errors'
import type { CheckInResult } from '../../shared/domain/battery-job'
import type { Customer } from '../../shared/domain/customer'
import type { RadioCodeHistoryEntry } from '../../shared/domain/radio-code'
import type { SecurityStatus, SignInResult } from '../../shared/domain/security'
import type { StaffMember } from '../../shared/domain/staff'
import type { Vehicle, VehicleDetail } from '../../shared/domain/vehicle'
import { createTestRouter, startTestServices, TRUSTED_SENDER, type TestServices } from '../helpers/services'
import { makeTempDir, removeTempDir } from '../helpers/temp-dir'
import { valueOf } from '../helpers/results'
import { codeHitsInDatabaseFile } from '../helpers/secret-scan'
export { errorOf, valueOf } from '../helpers/results'

/*
 * Shared set-up for the retrieval, release, audit-viewer and idle-lock tests:
 * the real router, handlers and services on a real SQLite file in a temp dir,
 * a clock the test moves by hand, the vault on the test key and cheap PIN
 * hashes (see tests/helpers/services.ts).
 */

export type Call = <T>(method: string, input: unknown) => Promise<ApiResult<T>>

export interface HandClock {
  readonly now: () => Date
  advance(ms: number): void
  set(iso: string): void
}

export function createHandClock(start = '2026-11-24T09:00:00.000Z'): HandClock {
  let t = Date.parse(start)
  return {
    now: () => new Date(t),
    advance(ms) {
      t += ms
    },
    set(iso) {
      t = Date.parse(iso)
    },
  }
}

export interface Desk extends TestServices {
  readonly call: Call
  readonly dataDir: string
  readonly clock: HandClock
}

export const MINUTE = 60_000
export const MANAGER_PIN = '2580'
export const DESK_PIN = '7391'



/**
 * Call once per test file. `desks.start()` inside a test starts services on
 * a fresh data folder (or `dataDir`, to restart on the same one); everything
 * started is closed and removed after each test.
 */
export function useDesks() {
  const started: TestServices[] = []
  const dirs: string[] = []
  afterEach(async () => {
    for (const item of started.splice(0)) await item.services.close()
    for (const dir of dirs.splice(0)) removeTempDir(dir)
  })
  return {
    /** `accessControl: true` puts the vault and sign-in checks in front of every call, as in the app. */
    async start(options: { dataDir?: string; clock?: HandClock; accessControl?: boolean } = {}): Promise<Desk> {
      const dataDir = options.dataDir ?? makeTempDir()
      if (!options.dataDir) dirs.push(dataDir)
      const clock = options.clock ?? createHandClock()
      const services = await startTestServices(dataDir, { now: clock.now })
      started.push(services)
      const router = createTestRouter(services.services, { accessControl: options.accessControl ?? false })
      const call: Call = <T>(method: string, input: unknown) => router(TRUSTED_SENDER, method, input) as Promise<ApiResult<T>>
      return { ...services, call, dataDir, clock }
    },
    /** Closes one desk early (to restart on its data folder). */
    async stop(desk: Desk) {
      const index = started.findIndex((item) => item.services === desk.services)
      if (index >= 0) started.splice(index, 1)
      await desk.services.close()
    },
  }
}

export interface World {
  readonly manager: StaffMember
  readonly ownerId: number
  readonly vehicleId: number
  readonly radioId: number
}

/** Vault on the test key, the first manager (signed in), an owner and a 2005 Honda Accord with its radio. */
export async function firstStart(
  call: Call,
  vehicle: { make?: string; model?: string; year?: number; serial?: string; ownerName?: string } = {},
): Promise<World> {
  valueOf(await call<SecurityStatus>('vault.setUp', { passphrase: null }))
  const status = valueOf(await call<SecurityStatus>('staff.createFirstManager', { name: 'Maria Manager', pin: MANAGER_PIN }))
  const owner = valueOf(await call<Customer>('customers.create', { name: vehicle.ownerName ?? 'Ana López' }))
  const created = valueOf(
    await call<Vehicle>('vehicles.create', {
      ownerId: owner.id,
      year: vehicle.year ?? 2005,
      make: vehicle.make ?? 'Honda',
      model: vehicle.model ?? 'Accord',
    }),
  )
  const detail = valueOf(await call<VehicleDetail>('radios.add', { vehicleId: created.id, serial: vehicle.serial ?? 'U1234567' }))
  return { manager: status.signedIn!, ownerId: owner.id, vehicleId: created.id, radioId: detail.radios[0]!.id }
}

/** firstStart, then the radio's code (from the owner's card) and a battery job checked in for the vehicle (RO-77). */
export async function firstStartWithJob(
  call: Call,
  options: { code: string; ownerName?: string },
): Promise<World & { readonly jobId: number }> {
  const world = await firstStart(call, options.ownerName === undefined ? {} : { ownerName: options.ownerName })
  valueOf(await call<RadioCodeHistoryEntry>('codes.add', { radioId: world.radioId, code: options.code, source: 'owner-card' }))
  const job = valueOf(await call<CheckInResult>('jobs.checkIn', { vehicleId: world.vehicleId, roNumber: 'RO-77' }))
  return { ...world, jobId: job.detail.job.id }
}

/** Adds a staff member (the manager must be signed in). */
export async function addStaff(
  call: Call,
  name: string,
  role: 'desk' | 'technician' | 'manager',
  pin: string,
  permissions: { canRevealCodes?: boolean; canPrintCodes?: boolean } = {},
): Promise<StaffMember> {
  return valueOf(await call<StaffMember>('staff.add', { name, role, pin, ...permissions }))
}

export async function signIn(call: Call, staffId: number, pin: string): Promise<void> {
  const result = valueOf(await call<SignInResult>('session.signIn', { staffId, pin }))
  expect(result.ok).toBe(true)
}

/** Rows in a table (to prove a refused call wrote nothing). */
export async function countRows(desk: Desk, table: 'audit_log' | 'code_retrieval_requests' | 'radio_codes' | 'shop_settings'): Promise<number> {
  const row = await desk.services
    .requireDb()
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Where `needle` occurs in the desk's database file and its WAL (see codeHitsInDatabaseFile). */
export function codeHitsInDatabaseFiles(dataDir: string, needle: string): string[] {
  return codeHitsInDatabaseFile(dataPaths(dataDir).dbFile, needle)
}
