import type { FieldProblem } from '../../../../shared/api/errors'
import { firstMessageByKey } from '../../lib/field-errors'
import { tidyText } from '../../../../shared/domain/normalize'
import { vehicleFieldsSchema, type Vehicle, type VehicleFields } from '../../../../shared/domain/vehicle'
import type { VinDecodeSuggestion } from '../../../../shared/domain/vin-decode'

/*
 * The vehicle form's state, and how it maps to the contract's input and back
 * (errors by field). Validation uses the schema main checks with.
 */

/** Fields a VIN decode can suggest. */
export const SUGGESTABLE = ['year', 'make', 'model', 'trim', 'engine'] as const
export type SuggestField = (typeof SUGGESTABLE)[number]

export const TEXT_FIELDS = ['vin', 'year', 'make', 'model', 'trim', 'engine', 'plate', 'plateState', 'colour', 'notes'] as const
export type TextField = (typeof TEXT_FIELDS)[number]

export interface VehicleDraft {
  readonly vin: string
  /** As typed; parsed on save. */
  readonly year: string
  readonly make: string
  readonly model: string
  readonly trim: string
  readonly engine: string
  readonly plate: string
  readonly plateState: string
  readonly colour: string
  readonly notes: string
  /** Fields last filled from the VIN decode and not changed by hand since: a new decode may replace them. */
  readonly suggested: readonly SuggestField[]
  /** The owner, for a new vehicle (null: not chosen yet). */
  readonly ownerId: number | null
  readonly ownerName: string
}

export function emptyVehicleDraft(owner: { id: number; name: string } | null = null): VehicleDraft {
  return {
    vin: '',
    year: '',
    make: '',
    model: '',
    trim: '',
    engine: '',
    plate: '',
    plateState: '',
    colour: '',
    notes: '',
    suggested: [],
    ownerId: owner?.id ?? null,
    ownerName: owner?.name ?? '',
  }
}

export function vehicleDraftFrom(vehicle: Vehicle): VehicleDraft {
  return {
    vin: vehicle.vin,
    year: vehicle.year === null ? '' : String(vehicle.year),
    make: vehicle.make,
    model: vehicle.model,
    trim: vehicle.trim,
    engine: vehicle.engine,
    plate: vehicle.plate,
    plateState: vehicle.plateState,
    colour: vehicle.colour,
    notes: vehicle.notes,
    suggested: [],
    ownerId: vehicle.currentOwner?.customerId ?? null,
    ownerName: vehicle.currentOwner?.name ?? '',
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

/** Checks a draft read back from storage (it may come from an older build). */
export function isVehicleDraft(value: unknown): value is VehicleDraft {
  return (
    isRecord(value) &&
    TEXT_FIELDS.every((key) => typeof value[key] === 'string') &&
    Array.isArray(value['suggested']) &&
    value['suggested'].every((item: unknown) => (SUGGESTABLE as readonly unknown[]).includes(item)) &&
    (value['ownerId'] === null || (typeof value['ownerId'] === 'number' && Number.isInteger(value['ownerId']))) &&
    typeof value['ownerName'] === 'string'
  )
}

export function isVehicleDraftEmpty(draft: VehicleDraft): boolean {
  return TEXT_FIELDS.every((key) => draft[key].trim() === '')
}

/** A field of the form, or 'ownerId' / 'form'. */
export type VehicleFieldKey = TextField | 'ownerId' | 'form'
export type VehicleFieldErrors = Readonly<Partial<Record<VehicleFieldKey, string>>>

/** '' → null; "2003" → 2003; anything else is a message. */
export function parseYear(text: string): { ok: true; year: number | null } | { ok: false; message: string } {
  const trimmed = text.trim()
  if (trimmed === '') return { ok: true, year: null }
  if (!/^\d{4}$/.test(trimmed)) return { ok: false, message: 'The model year is 4 digits, like 2009.' }
  return { ok: true, year: Number(trimmed) }
}

/** The fields as the contract takes them (year parsed; an unreadable year is left out and reported by validate). */
export function toVehicleFields(draft: VehicleDraft): Omit<VehicleFields, 'year'> & { year: number | null } {
  const year = parseYear(draft.year)
  return {
    vin: draft.vin,
    year: year.ok ? year.year : null,
    make: draft.make,
    model: draft.model,
    trim: draft.trim,
    engine: draft.engine,
    plate: draft.plate,
    plateState: draft.plateState,
    colour: draft.colour,
    notes: draft.notes,
  }
}

function keyForPath(path: readonly PropertyKey[] | string): VehicleFieldKey {
  const first = typeof path === 'string' ? path.split('.')[0] : path.map(String)[0]
  if (first === 'ownerId' || first === 'toCustomerId') return 'ownerId'
  return (TEXT_FIELDS as readonly string[]).includes(first ?? '') ? (first as TextField) : 'form'
}

/** Errors by field, from the shared schema; empty when the draft can be saved. */
export function validateVehicleDraft(draft: VehicleDraft): VehicleFieldErrors {
  const errors: Partial<Record<VehicleFieldKey, string>> = {}
  const year = parseYear(draft.year)
  if (!year.ok) errors.year = year.message
  const result = vehicleFieldsSchema.safeParse(toVehicleFields(draft))
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = keyForPath(issue.path)
      errors[key] ??= issue.message
    }
  }
  return errors
}

export function serverVehicleErrors(fields: readonly FieldProblem[]): VehicleFieldErrors {
  return firstMessageByKey(fields, keyForPath)
}

/** Only what changed since the form opened: vehicles.update is a patch. */
export function changedVehicleFields(draft: VehicleDraft, base: VehicleDraft): Partial<VehicleFields> {
  const now = toVehicleFields(draft)
  const before = toVehicleFields(base)
  const patch: Record<string, unknown> = {}
  for (const key of TEXT_FIELDS) {
    const a = now[key]
    const b = before[key]
    const same = typeof a === 'string' && typeof b === 'string' ? (key === 'notes' ? a === b : tidyText(a) === tidyText(b)) : a === b
    if (!same) patch[key] = a
  }
  return patch as Partial<VehicleFields>
}

export const FIELD_LABELS: Record<VehicleFieldKey, string> = {
  vin: 'VIN',
  year: 'Year',
  make: 'Make',
  model: 'Model',
  trim: 'Trim',
  engine: 'Engine',
  plate: 'Plate',
  plateState: 'State',
  colour: 'Colour',
  notes: 'Notes',
  ownerId: 'Owner',
  form: 'Form',
}

export const FIELD_ORDER: readonly VehicleFieldKey[] = ['ownerId', 'vin', 'year', 'make', 'model', 'trim', 'engine', 'plate', 'plateState', 'colour', 'notes', 'form']

export function controlId(key: VehicleFieldKey): string {
  if (key === 'ownerId') return 'vehicle-owner-search'
  if (key === 'form') return 'vehicle-vin'
  return `vehicle-${key}`
}

// ---- decode suggestions ----------------------------------------------------------

export type SuggestionStatus = 'same' | 'fill' | 'conflict'

export interface SuggestionRow {
  readonly field: SuggestField
  readonly value: string
  readonly current: string
  readonly status: SuggestionStatus
}

function suggestedValue(suggestion: VinDecodeSuggestion, field: SuggestField): string | null {
  const value = suggestion[field]
  return value === null || value === '' ? null : String(value)
}

/** For each suggested field: the same as typed, an empty (or earlier-suggested) field to fill, or something the desk typed. */
export function suggestionRows(suggestion: VinDecodeSuggestion, draft: VehicleDraft): SuggestionRow[] {
  const rows: SuggestionRow[] = []
  for (const field of SUGGESTABLE) {
    const value = suggestedValue(suggestion, field)
    if (value === null) continue
    const current = draft[field]
    const status: SuggestionStatus =
      tidyText(current).toLowerCase() === value.toLowerCase()
        ? 'same'
        : current.trim() === '' || draft.suggested.includes(field)
          ? 'fill'
          : 'conflict'
    rows.push({ field, value, current, status })
  }
  return rows
}

/** "Use these": fills empty and earlier-suggested fields; never what the desk typed (those are `conflict` rows). */
export function applySuggestion(draft: VehicleDraft, suggestion: VinDecodeSuggestion, only?: SuggestField): VehicleDraft {
  let next: VehicleDraft = draft
  const suggested = new Set(draft.suggested)
  for (const row of suggestionRows(suggestion, draft)) {
    if (only ? row.field !== only : row.status !== 'fill') continue
    next = { ...next, [row.field]: row.value }
    suggested.add(row.field)
  }
  return { ...next, suggested: [...suggested] }
}
