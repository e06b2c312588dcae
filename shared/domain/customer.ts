import { z } from 'zod'
import { phoneDigits, tidyText } from './normalize'

export const PRINT_LANGUAGES = ['en', 'es'] as const
export type PrintLanguage = (typeof PRINT_LANGUAGES)[number]

export const phoneInputSchema = z.object({
  label: z
    .string()
    .max(30, 'Keep the phone label under 30 characters.')
    .transform(tidyText)
    .default('mobile'),
  number: z
    .string()
    .transform(tidyText)
    .refine((value) => phoneDigits(value).length >= 7, 'A phone number needs at least 7 digits.')
    .refine((value) => phoneDigits(value).length <= 15, 'A phone number has at most 15 digits.'),
  })
  .strict()

/** Each customer field's rules, without defaults (an update must not reset what it leaves out). */
const customerFields = {
  name: z
    .string()
    .transform(tidyText)
    .pipe(z.string().min(1, 'Enter the customer’s name.').max(120, 'Keep the name under 120 characters.')),
  phones: z.array(phoneInputSchema).max(5, 'Up to five phone numbers per customer.'),
  email: z
    .string()
    .transform((value) => value.trim())
    .pipe(z.union([z.literal(''), z.email('That email address does not look complete.')])),
  preferredLanguage: z.enum(PRINT_LANGUAGES, 'Printed material is available in English or Spanish.'),
  notes: z.string().max(2000, 'Keep notes under 2000 characters.'),
}

export const newCustomerSchema = z.object({
  name: customerFields.name,
  phones: customerFields.phones.default([]),
  email: customerFields.email.default(''),
  preferredLanguage: customerFields.preferredLanguage.default('en'),
  notes: customerFields.notes.default(''),
})

export type NewCustomerInput = z.input<typeof newCustomerSchema>
export type NewCustomer = z.output<typeof newCustomerSchema>

export interface CustomerPhone {
  readonly id: number
  readonly label: string
  readonly number: string
}

export interface Customer {
  readonly id: number
  readonly name: string
  readonly phones: readonly CustomerPhone[]
  readonly email: string
  readonly preferredLanguage: PrintLanguage
  readonly notes: string
  readonly createdAt: string
  readonly updatedAt: string
}

export interface CustomerSummary {
  readonly id: number
  readonly name: string
  readonly primaryPhone: string | null
}

/**
 * Create and update inputs. A phone number already on file for another
 * customer is refused unless `allowSharedPhone` says the desk checked it (a
 * household can share one number); otherwise it is the same person twice.
 */
export const createCustomerSchema = newCustomerSchema.extend({ allowSharedPhone: z.boolean().default(false) })
/** An edit: only the fields given change; `phones`, when given, replaces the whole list. */
export const updateCustomerSchema = z
  .object(customerFields)
  .partial()
  .extend({ id: z.number().int().positive(), allowSharedPhone: z.boolean().default(false) })
export type CreateCustomerInput = z.input<typeof createCustomerSchema>
export type UpdateCustomerInput = z.input<typeof updateCustomerSchema>

export interface PhoneMatch {
  readonly customerId: number
  readonly name: string
  readonly number: string
}

export interface CustomerDetail extends Customer {
  readonly vehicles: {
    readonly current: readonly import('./vehicle').VehicleSummary[]
    readonly previous: readonly import('./vehicle').VehicleSummary[]
  }
}
