import BetterSqlite3 from 'better-sqlite3'
import { dataPaths } from '../../electron/main/paths'
import { Rng } from '../generator/prng'
import { stats, type Stats } from '../measure'
import type { AppSession } from './app-session'

/*
 * The reads behind the screens a desk opens all day, through the router:
 * a customer's page, a vehicle's page, the Customers and Vehicles lists, the
 * Today board and the audit log (everything, and one rare action). Each is
 * called with different records drawn from the data. Read-only: safe on the
 * cached database. The Today board, the Vehicles list, a vehicle's owners and
 * the audit log by action each read a whole table until migration
 * 2026-11-24T1100; this is where that would show again.
 */

export interface DeskScreenFigure {
  readonly screen: string
  readonly method: string
  readonly times: Stats
}

interface Samples {
  readonly customerIds: number[]
  readonly vehicleIds: number[]
  readonly days: string[]
}

function drawSamples(dbFile: string, count: number, seed: number): Samples {
  const sqlite = new BetterSqlite3(dbFile, { readonly: true })
  try {
    const rng = new Rng(seed)
    const maxCustomer = sqlite.prepare('select max(id) from customers').pluck().get() as number
    const maxVehicle = sqlite.prepare('select max(id) from vehicles').pluck().get() as number
    const lastJobDay = (sqlite.prepare('select max(checked_in_at) from battery_jobs').pluck().get() as string | null) ?? new Date().toISOString()
    const last = Date.parse(lastJobDay.slice(0, 10))
    return {
      customerIds: Array.from({ length: count }, () => rng.int(1, maxCustomer)),
      vehicleIds: Array.from({ length: count }, () => rng.int(1, maxVehicle)),
      days: Array.from({ length: count }, (_, index) => new Date(last - index * 86_400_000).toISOString().slice(0, 10)),
    }
  } finally {
    sqlite.close()
  }
}

export async function benchDeskScreens(session: AppSession, dataDir: string, runs: number, seed: number): Promise<DeskScreenFigure[]> {
  const samples = drawSamples(dataPaths(dataDir).dbFile, runs, seed)
  const screens: { screen: string; method: string; input: (index: number) => unknown }[] = [
    { screen: 'customer page', method: 'customers.get', input: (i) => ({ id: samples.customerIds[i] }) },
    { screen: 'vehicle page', method: 'vehicles.get', input: (i) => ({ id: samples.vehicleIds[i] }) },
    { screen: 'vehicle page: jobs', method: 'jobs.listForVehicle', input: (i) => ({ vehicleId: samples.vehicleIds[i] }) },
    { screen: 'Customers list', method: 'customers.list', input: () => ({ limit: 100 }) },
    { screen: 'Vehicles list', method: 'vehicles.list', input: () => ({ limit: 100 }) },
    { screen: 'Today board', method: 'jobs.todayBoard', input: (i) => ({ day: samples.days[i] }) },
    { screen: 'audit log, newest', method: 'audit.list', input: () => ({}) },
    { screen: 'audit log, one rare action', method: 'audit.list', input: () => ({ action: 'vault.unlock' }) },
  ]
  const figures: DeskScreenFigure[] = []
  for (const { screen, method, input } of screens) {
    await session.call(method, input(0)) // warm: the first call prepares the statements
    const times: number[] = []
    for (let index = 0; index < runs; index += 1) {
      const start = performance.now()
      await session.call(method, input(index))
      times.push(performance.now() - start)
    }
    figures.push({ screen, method, times: stats(times) })
  }
  return figures
}
