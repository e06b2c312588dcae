import { z } from 'zod'
import { tidyText } from './normalize'
import type { RadioGuidance } from '../knowledge'
import { optionalVinSchema } from './vin'
import type { RadioSummary } from './radio'

/** Plate text as the desk types it, tidied; the search key strips spaces and dashes. */
const plateSchema = z
  .string()
  .transform((value) => tidyText(value).toUpperCase())
  .pipe(z.string().max(12, 'A plate has at most 12 characters.'))

const plateStateSchema = z
  .string()
  .transform((value) => value.trim().toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{0,3}$/, 'Use the 2-letter state code, for example TX.'))

const shortText = (max: number, label: string) =>
  z
    .string()
    .transform(tidyText)
    .pipe(z.string().max(max, `Keep ${label} under ${max} characters.`))

/** Each vehicle field's rules, without defaults (an update must not reset what it leaves out). */
const vehicleFields = {
  vin: optionalVinSchema,
  year: z
    .number()
    .int('The year is a whole number, like 2009.')
    .min(1950, 'Enter a model year from 1950 on.')
    .max(2100, 'That year is too far in the future.')
    .nullable(),
  make: shortText(40, 'the make'),
  model: shortText(60, 'the model'),
  trim: shortText(60, 'the trim'),
  engine: shortText(60, 'the engine'),
  plate: plateSchema,
  plateState: plateStateSchema,
  colour: shortText(30, 'the colour'),
  notes: z.string().max(2000, 'Keep notes under 2000 characters.'),
}

export const vehicleFieldsSchema = z.object({
  vin: vehicleFields.vin.default(''),
  year: vehicleFields.year.default(null),
  make: vehicleFields.make.default(''),
  model: vehicleFields.model.default(''),
  trim: vehicleFields.trim.default(''),
  engine: vehicleFields.engine.default(''),
  plate: vehicleFields.plate.default(''),
  plateState: vehicleFields.plateState.default(''),
  colour: vehicleFields.colour.default(''),
  notes: vehicleFields.notes.default(''),
})

export const newVehicleSchema = vehicleFieldsSchema.extend({
  ownerId: z.number().int().positive('Choose the customer who owns this vehicle.'),
})

/** An edit: only the fields given change. */
export const updateVehicleSchema = z.object(vehicleFields).partial().extend({ id: z.number().int().positive() })

export const transferVehicleSchema = z.object({
  vehicleId: z.number().int().positive(),
  toCustomerId: z.number().int().positive('Choose the new owner.'),
  notes: z.string().max(500, 'Keep the note under 500 characters.').default(''),
})

export type VehicleFields = z.output<typeof vehicleFieldsSchema>
export type NewVehicleInput = z.input<typeof newVehicleSchema>
export type NewVehicle = z.output<typeof newVehicleSchema>
export type UpdateVehicle = z.output<typeof updateVehicleSchema>
export type TransferVehicle = z.output<typeof transferVehicleSchema>

export interface OwnerRef {
  readonly customerId: number
  readonly name: string
}

export interface Vehicle extends VehicleFields {
  readonly id: number
  readonly vin: string
  readonly currentOwner: OwnerRef | null
  readonly createdAt: string
  readonly updatedAt: string
}

export interface OwnershipSpell {
  readonly customerId: number
  readonly name: string
  readonly startedAt: string
  readonly endedAt: string | null
  readonly notes: string
}

export interface VehicleSummary {
  readonly id: number
  readonly vin: string
  readonly year: number | null
  readonly make: string
  readonly model: string
  readonly plate: string
  readonly plateState: string
  readonly colour: string
}

/** "2009 Honda Accord" / "Honda" / "Vehicle 12": what a list shows. */
export function describeVehicle(v: Pick<VehicleSummary, 'id' | 'year' | 'make' | 'model'>): string {
  const text = [v.year ?? '', v.make, v.model].join(' ').replace(/\s+/g, ' ').trim()
  return text === '' ? `Vehicle ${v.id}` : text
}

export interface VehicleDetail {
  readonly vehicle: Vehicle
  /** Every owner spell, newest first. */
  readonly owners: readonly OwnershipSpell[]
  /** The installed radio first, then removed ones. */
  readonly radios: readonly RadioSummary[]
  /** What the knowledge base says about this vehicle's radio. */
  readonly guidance: RadioGuidance
}
