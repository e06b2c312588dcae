import { z } from 'zod'
import type { NewCustomer } from './customer'
import type { CsvRowProblem, ImportRow } from './csv-rows'
import { dedupePhones, nameKey, phoneKey } from './csv-rows'

/*
 * CSV import: duplicate rules. Pure: the service looks up what is on file and
 * hands it in.
 *
 * Inside the file:
 *  - a row that repeats an earlier row cell for cell is an error;
 *  - a VIN on two rows is an error (one vehicle, one row);
 *  - rows are one customer when they carry the same customer number, or
 *    (without one) the same name and a shared phone number (or the same name
 *    and email when there is no phone). "SMITH, John" and "John Smith" are the
 *    same name. The same phone under another name stays two customers
 *    (households share numbers) with a warning.
 *
 * Against the records on file, per customer group:
 *  - a VIN on file points to that vehicle's owner, when the owner's name or a
 *    phone matches the file; otherwise the row is a conflict (never merged
 *    silently into someone else);
 *  - a phone on file under the same name points to that customer;
 *  - a phone on file under another name is only a warning, unless the row
 *    says "merge" itself (the desk looked and it is the same person).
 *
 * What happens to a duplicate is the chosen policy, or the row's override:
 *  - merge: fill in what is missing on the record on file (phones added, empty
 *    fields filled; nothing on file is overwritten);
 *  - skip: leave the row out;
 *  - create: a new customer (sharing the phone); a VIN on file cannot be
 *    created twice, so that is an error.
 * A row that is not a duplicate is created, except that an override "skip"
 * leaves out any row (also one with errors).
 */

export const DUPLICATE_POLICIES = ['merge', 'skip', 'create'] as const
export type DuplicatePolicy = (typeof DUPLICATE_POLICIES)[number]
export const duplicatePolicySchema = z.enum(DUPLICATE_POLICIES, 'Choose merge, skip or create for duplicates.')
/** Per-line overrides: line number (as in the report) → policy. */
export const importOverridesSchema = z.record(z.string().regex(/^\d+$/), duplicatePolicySchema).default({})
export type ImportOverrides = Readonly<Record<string, DuplicatePolicy>>

/** What is on file for the VINs and phones of the file. */
export interface ExistingVehicle {
  readonly vehicleId: number
  readonly ownerId: number | null
  readonly ownerName: string
}
export interface ExistingCustomer {
  readonly customerId: number
  readonly name: string
}
export interface ExistingRecords {
  /** By normalised VIN. */
  readonly vehiclesByVin: ReadonlyMap<string, ExistingVehicle>
  /** By phoneKey. */
  readonly customersByPhone: ReadonlyMap<string, readonly ExistingCustomer[]>
}

export type CustomerTarget = { readonly kind: 'new'; readonly group: number } | { readonly kind: 'existing'; readonly customerId: number; readonly name: string }

export interface RowDecision {
  readonly line: number
  readonly action: 'create' | 'merge' | 'skip'
  /** Why it is a duplicate ("VIN on file", "phone on file"), or null. */
  readonly duplicateOf: { readonly customerId: number; readonly name: string; readonly by: 'vin' | 'phone' } | null
  readonly customer: CustomerTarget
  /** The vehicle on file this row's vehicle merges into, or null (a new vehicle, or none). */
  readonly existingVehicleId: number | null
  readonly row: ImportRow
}

export interface NewCustomerGroup {
  readonly group: number
  readonly customer: NewCustomer
  readonly lines: readonly number[]
}

export interface ImportPlan {
  readonly decisions: readonly RowDecision[]
  readonly newCustomers: readonly NewCustomerGroup[]
  readonly errors: readonly CsvRowProblem[]
  readonly warnings: readonly CsvRowProblem[]
}

/** Lines that repeat an earlier line cell for cell (blank-insensitive): line → the earlier line. */
export function findRepeatedRows(records: readonly { line: number; cells: readonly string[] }[]): Map<number, number> {
  const first = new Map<string, number>()
  const repeats = new Map<number, number>()
  for (const record of records) {
    const key = JSON.stringify(record.cells.map((cell) => cell.trim()))
    const earlier = first.get(key)
    if (earlier === undefined) first.set(key, record.line)
    else repeats.set(record.line, earlier)
  }
  return repeats
}

interface Group {
  readonly id: number
  readonly nameKey: string
  readonly ref: string
  readonly rows: ImportRow[]
  customer: NewCustomer
  readonly phoneKeys: Set<string>
}

function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b)
}

/**
 * Decides what happens to each valid row. `errorLines` are rows that failed
 * validation: they are only left out when overridden with "skip" (the
 * service refuses the import otherwise).
 */
export function planImport(
  rows: readonly ImportRow[],
  existing: ExistingRecords,
  policy: DuplicatePolicy,
  overrides: ImportOverrides = {},
): ImportPlan {
  const errors: CsvRowProblem[] = []
  const warnings: CsvRowProblem[] = []
  const override = (line: number): DuplicatePolicy | undefined => overrides[String(line)]

  // ---- inside the file ----
  const vinLines = new Map<string, number>()
  const kept: ImportRow[] = []
  for (const row of rows) {
    if (override(row.line) === 'skip') {
      kept.push(row)
      continue
    }
    const vin = row.vehicle?.vin ?? ''
    if (vin !== '') {
      const earlier = vinLines.get(vin)
      if (earlier !== undefined) {
        errors.push({ line: row.line, field: 'VIN', message: `VIN ${vin} is also on line ${earlier}. Each vehicle belongs on one line: remove one of them.` })
        continue
      }
      vinLines.set(vin, row.line)
    }
    kept.push(row)
  }

  const groups: Group[] = []
  const byRef = new Map<string, Group>()
  const byPhone = new Map<string, Group[]>()
  const byNameEmail = new Map<string, Group>()
  const groupOf = new Map<number, Group>()
  for (const row of kept) {
    if (override(row.line) === 'skip') continue
    const key = nameKey(row.customer.name)
    const phoneKeys = row.customer.phones.map((phone) => phoneKey(phone.number))
    let group: Group | undefined
    if (row.customerRef !== '') {
      group = byRef.get(row.customerRef)
      if (group && group.nameKey !== key) {
        errors.push({
          line: row.line,
          field: 'Customer number',
          message: `Customer number ${row.customerRef} is on line ${group.rows[0]?.line} as ${group.customer.name}, but here as ${row.customer.name}.`,
        })
        continue
      }
    } else {
      for (const phone of phoneKeys) {
        const candidates = byPhone.get(phone) ?? []
        group = candidates.find((candidate) => candidate.ref === '' && candidate.nameKey === key)
        if (group) break
        const other = candidates.find((candidate) => candidate.nameKey !== key)
        if (other) {
          warnings.push({
            line: row.line,
            field: 'Phone',
            message: `This phone number is also on line ${other.rows[0]?.line} for ${other.customer.name}; they are imported as two customers sharing the number.`,
          })
        }
      }
      if (!group && phoneKeys.length === 0 && row.customer.email !== '') group = byNameEmail.get(`${key}|${row.customer.email.toLowerCase()}`)
    }
    if (group) {
      const phones = dedupePhones([...group.customer.phones, ...row.customer.phones])
      if (phones.length > 5) {
        errors.push({ line: row.line, field: 'Phone', message: `With this line, ${group.customer.name} would have more than five phone numbers.` })
        continue
      }
      group.customer = {
        ...group.customer,
        phones,
        email: group.customer.email || row.customer.email,
        notes: group.customer.notes || row.customer.notes,
      }
      group.rows.push(row)
    } else {
      group = { id: groups.length + 1, nameKey: key, ref: row.customerRef, rows: [row], customer: row.customer, phoneKeys: new Set() }
      groups.push(group)
      if (row.customerRef !== '') byRef.set(row.customerRef, group)
      else if (phoneKeys.length === 0 && row.customer.email !== '') byNameEmail.set(`${key}|${row.customer.email.toLowerCase()}`, group)
    }
    for (const phone of phoneKeys) {
      if (group.phoneKeys.has(phone)) continue
      group.phoneKeys.add(phone)
      byPhone.set(phone, [...(byPhone.get(phone) ?? []), group])
    }
    groupOf.set(row.line, group)
  }

  // ---- against the records on file, per group ----
  interface GroupMatch {
    readonly candidate: ExistingCustomer | null
    readonly by: 'vin' | 'phone'
    readonly otherName: ExistingCustomer | null
  }
  const matches = new Map<number, GroupMatch>()
  const rowConflict = new Map<number, string>()
  for (const group of groups) {
    const phoneHits = [...group.phoneKeys].flatMap((phone) => existing.customersByPhone.get(phone) ?? [])
    const sameNameHit = phoneHits.find((hit) => nameKey(hit.name) === group.nameKey) ?? null
    const otherNameHit = phoneHits.find((hit) => nameKey(hit.name) !== group.nameKey) ?? null
    let vinOwner: ExistingCustomer | null = null
    for (const row of group.rows) {
      const hit = row.vehicle && row.vehicle.vin !== '' ? existing.vehiclesByVin.get(row.vehicle.vin) : undefined
      if (!hit) continue
      if (hit.ownerId === null) {
        rowConflict.set(row.line, `VIN ${row.vehicle?.vin} is on file (vehicle ${hit.vehicleId}) without an owner. Open it at the desk, or choose Skip for this line.`)
        continue
      }
      const owner = { customerId: hit.ownerId, name: hit.ownerName }
      const ownerMatches = sameName(hit.ownerName, group.customer.name) || phoneHits.some((p) => p.customerId === hit.ownerId)
      if (!ownerMatches) {
        rowConflict.set(
          row.line,
          `VIN ${row.vehicle?.vin} is on file for ${hit.ownerName} (customer ${hit.ownerId}), but this line says ${group.customer.name}. If the car changed hands, transfer it at the desk; or choose Skip for this line.`,
        )
      } else if (vinOwner && vinOwner.customerId !== owner.customerId) {
        rowConflict.set(
          row.line,
          `VIN ${row.vehicle?.vin} is on file for ${hit.ownerName} (customer ${hit.ownerId}), but another vehicle of ${group.customer.name} in this file is on file for customer ${vinOwner.customerId}. Check the file; or choose Skip for this line.`,
        )
      } else {
        vinOwner = owner
      }
    }
    matches.set(group.id, vinOwner ? { candidate: vinOwner, by: 'vin', otherName: null } : { candidate: sameNameHit, by: 'phone', otherName: otherNameHit })
  }

  // ---- decisions ----
  const decisions: RowDecision[] = []
  const createdGroups = new Set<number>()
  for (const row of kept) {
    const rowOverride = override(row.line)
    if (rowOverride === 'skip') {
      decisions.push({ line: row.line, action: 'skip', duplicateOf: null, customer: { kind: 'new', group: 0 }, existingVehicleId: null, row })
      continue
    }
    const group = groupOf.get(row.line)
    if (!group) continue
    const match = matches.get(group.id) ?? { candidate: null, by: 'phone' as const, otherName: null }
    const effective = rowOverride ?? policy
    const candidate = match.candidate ?? (rowOverride === 'merge' ? match.otherName : null)
    const vinHit = row.vehicle && row.vehicle.vin !== '' ? existing.vehiclesByVin.get(row.vehicle.vin) : undefined
    const conflict = rowConflict.get(row.line)

    if (candidate === null && !vinHit) {
      if (match.otherName) {
        warnings.push({
          line: row.line,
          field: 'Phone',
          message: `A phone number here is on file for ${match.otherName.name} (customer ${match.otherName.customerId}); a new customer sharing the number is created. Choose Merge for this line if it is the same person.`,
        })
      }
      createdGroups.add(group.id)
      decisions.push({ line: row.line, action: 'create', duplicateOf: null, customer: { kind: 'new', group: group.id }, existingVehicleId: null, row })
      continue
    }

    const duplicateOf = candidate
      ? { customerId: candidate.customerId, name: candidate.name, by: vinHit ? ('vin' as const) : match.by }
      : null
    if (effective === 'skip') {
      decisions.push({ line: row.line, action: 'skip', duplicateOf, customer: { kind: 'new', group: 0 }, existingVehicleId: null, row })
      continue
    }
    if (conflict) {
      errors.push({ line: row.line, field: 'VIN', message: conflict })
      continue
    }
    if (effective === 'create') {
      if (vinHit) {
        errors.push({
          line: row.line,
          field: 'VIN',
          message: `VIN ${row.vehicle?.vin} is already on file (vehicle ${vinHit.vehicleId}, owner ${vinHit.ownerName}); a second vehicle with the same VIN cannot be created. Choose Merge or Skip for this line.`,
        })
        continue
      }
      createdGroups.add(group.id)
      decisions.push({ line: row.line, action: 'create', duplicateOf, customer: { kind: 'new', group: group.id }, existingVehicleId: null, row })
      continue
    }
    // merge
    const target = candidate ?? (vinHit && vinHit.ownerId !== null ? { customerId: vinHit.ownerId, name: vinHit.ownerName } : null)
    if (!target) {
      createdGroups.add(group.id)
      decisions.push({ line: row.line, action: 'create', duplicateOf: null, customer: { kind: 'new', group: group.id }, existingVehicleId: null, row })
      continue
    }
    decisions.push({
      line: row.line,
      action: 'merge',
      duplicateOf,
      customer: { kind: 'existing', customerId: target.customerId, name: target.name },
      existingVehicleId: vinHit?.vehicleId ?? null,
      row,
    })
  }

  const newCustomers = groups
    .filter((group) => createdGroups.has(group.id))
    .map((group) => ({ group: group.id, customer: group.customer, lines: group.rows.map((row) => row.line) }))
  return { decisions, newCustomers, errors, warnings }
}
