import { describeVehicle } from '../../../shared/domain/vehicle'
import type { CustomerResult, RadioResult, SearchMatch, SearchResults, VehicleResult } from '../../../shared/domain/search'
import { customerRowsByIds, jobRefsByIds, radioRowsByIds, vehicleRowsByIds } from '../../db/repositories/search-results'
import type { SearchHit } from '../../db/search/search-index'
import type { AppServices } from './app-services'

const EMPTY = { customers: [], vehicles: [], radios: [], top: null } as const

interface Wanted {
  readonly id: number
  readonly matchedBy: SearchMatch
  readonly exact: boolean
}

/**
 * Finds customers, vehicles and radios by anything the desk types, grouped by
 * kind, in the order the index found them (exact identifier matches first).
 * A repair-order number finds the job's vehicle and customer.
 */
export async function searchRecords(services: AppServices, text: string, limitPerKind: number): Promise<SearchResults> {
  if (text.trim() === '') return { text, ...EMPTY }
  const db = services.requireDb()
  const hits = await services.search.find(db, text, limitPerKind)

  const jobHits = hits.filter((hit) => hit.entityType === 'job')
  const jobs = await jobRefsByIds(
    db,
    jobHits.map((hit) => hit.entityId),
  )
  const expanded: SearchHit[] = []
  for (const hit of hits) {
    if (hit.entityType !== 'job') {
      expanded.push(hit)
      continue
    }
    const job = jobs.find((j) => j.id === hit.entityId)
    if (!job) continue
    expanded.push({ entityType: 'vehicle', entityId: job.vehicle_id, matchedBy: 'ro', exact: hit.exact })
    expanded.push({ entityType: 'customer', entityId: job.customer_id, matchedBy: 'ro', exact: hit.exact })
  }

  const wanted = (type: SearchHit['entityType']): Wanted[] => {
    const seen = new Set<number>()
    const list: Wanted[] = []
    for (const hit of expanded) {
      if (hit.entityType !== type || seen.has(hit.entityId)) continue
      seen.add(hit.entityId)
      list.push({ id: hit.entityId, matchedBy: hit.matchedBy, exact: hit.exact })
    }
    return list.slice(0, limitPerKind)
  }
  const wantedCustomers = wanted('customer')
  const wantedVehicles = wanted('vehicle')
  const wantedRadios = wanted('radio')

  const [customerRows, vehicleRows, radioRows] = await Promise.all([
    customerRowsByIds(db, wantedCustomers.map((w) => w.id)),
    vehicleRowsByIds(db, wantedVehicles.map((w) => w.id)),
    radioRowsByIds(db, wantedRadios.map((w) => w.id)),
  ])

  const customers: CustomerResult[] = []
  for (const w of wantedCustomers) {
    const row = customerRows.find((r) => r.id === w.id)
    if (row) customers.push({ kind: 'customer', id: row.id, name: row.name, phone: row.phone ?? null, matchedBy: w.matchedBy })
  }
  const vehicles: VehicleResult[] = []
  for (const w of wantedVehicles) {
    const row = vehicleRows.find((r) => r.id === w.id)
    if (!row) continue
    vehicles.push({
      kind: 'vehicle',
      id: row.id,
      description: describeVehicle(row),
      vin: row.vin ?? '',
      plate: row.plate,
      plateState: row.plate_state,
      ownerName: row.owner_name ?? null,
      matchedBy: w.matchedBy,
    })
  }
  const radios: RadioResult[] = []
  for (const w of wantedRadios) {
    const row = radioRows.find((r) => r.id === w.id)
    if (!row) continue
    radios.push({
      kind: 'radio',
      id: row.id,
      vehicleId: row.vehicle_id,
      serial: row.serial,
      headUnit: row.head_unit,
      vehicleDescription: describeVehicle({ id: row.vehicle_id, year: row.year, make: row.make, model: row.model }),
      ownerName: row.owner_name ?? null,
      removed: row.removed_at !== null,
      matchedBy: w.matchedBy,
    })
  }

  const present = (k: { kind: string; id: number }) =>
    (k.kind === 'customer' ? customers : k.kind === 'vehicle' ? vehicles : radios).some((r) => r.id === k.id)
  const firstExact = expanded.find((h) => h.exact && h.entityType !== 'job' && present({ kind: h.entityType, id: h.entityId }))
  const firstAny = expanded.find((h) => h.entityType !== 'job' && present({ kind: h.entityType, id: h.entityId }))
  const topHit = firstExact ?? firstAny
  return {
    text,
    customers,
    vehicles,
    radios,
    top: topHit ? { kind: topHit.entityType as 'customer' | 'vehicle' | 'radio', id: topHit.entityId } : null,
  }
}
