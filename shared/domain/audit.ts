import { z } from 'zod'
import type { StaffRef } from './radio-code'

/*
 * The audit log as a manager reads it: filtered, newest first, a page at a
 * time (cursor: the id of the last row of the previous page), and the hash
 * chain checked.
 *
 * "By vehicle" (vehicleId) covers every row about the vehicle: the vehicle
 * itself, its radios (installed or removed), their codes, and its code
 * retrieval requests. It is resolved when reading, so rows written before
 * this viewer existed are found too. entityType/entityId filter one entity
 * exactly.
 */

export const AUDIT_PAGE_MAX = 200
export const AUDIT_PAGE_DEFAULT = 50

/** Entity types the app writes (others may appear in older or newer files). */
export const AUDIT_ENTITY_TYPES = ['customer', 'vehicle', 'radio', 'radio_code', 'code_retrieval_request', 'staff', 'shop_settings'] as const

const instant = z.iso
  .datetime({ offset: true, message: 'Use a date and time like 2026-11-24T09:00:00Z.' })
  .transform((value) => new Date(value).toISOString())

export const auditListSchema = z
  .object({
    staffId: z.number().int().positive().nullable().default(null),
    /** An action name ("code.reveal"), or a family ending in ".*" ("code.*"). */
    action: z
      .string()
      .trim()
      .max(80, 'Keep the action under 80 characters.')
      .regex(/^[a-z0-9_.-]*(\.\*)?$/i, 'An action looks like “code.reveal”, or “code.*” for all of them.')
      .nullable()
      .default(null)
      .transform((value) => (value === '' ? null : value)),
    entityType: z
      .string()
      .trim()
      .max(40)
      .regex(/^[a-z_]*$/, 'An entity type looks like “radio_code”.')
      .nullable()
      .default(null)
      .transform((value) => (value === '' ? null : value)),
    entityId: z.number().int().positive().nullable().default(null),
    /** Everything about this vehicle (see above). */
    vehicleId: z.number().int().positive().nullable().default(null),
    /** From this instant (inclusive). */
    from: instant.nullable().default(null),
    /** Up to this instant (exclusive). */
    to: instant.nullable().default(null),
    limit: z
      .number()
      .int()
      .min(1, 'Ask for at least one row.')
      .max(AUDIT_PAGE_MAX, `At most ${AUDIT_PAGE_MAX} rows a page.`)
      .default(AUDIT_PAGE_DEFAULT),
    /** The next page: rows older than this id (the previous page's nextBefore). */
    before: z.number().int().positive().nullable().default(null),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.entityId !== null && input.entityType === null) {
      ctx.addIssue({ code: 'custom', path: ['entityType'], message: 'Say which kind of record the id belongs to (entity type).' })
    }
    if (input.from !== null && input.to !== null && input.from >= input.to) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'The end of the date range must be after its start.' })
    }
  })

export type AuditListInput = z.output<typeof auditListSchema>

export type AuditDetailValue = string | number | boolean | null

export interface AuditLogRow {
  readonly id: number
  readonly at: string
  readonly workstationId: string
  /** Who did it; null for rows written with nobody signed in. */
  readonly staff: StaffRef | null
  readonly action: string
  readonly entityType: string
  readonly entityId: number | null
  /** Never holds a code or PIN. */
  readonly details: Readonly<Record<string, AuditDetailValue>>
}

export interface AuditPage {
  readonly rows: readonly AuditLogRow[]
  /** Pass as `before` for the next (older) page; null when this is the last page. */
  readonly nextBefore: number | null
}

export type AuditVerification =
  | { readonly ok: true; readonly rows: number }
  | {
      readonly ok: false
      /** The first row that does not fit the chain. */
      readonly brokenAtId: number
      readonly rows: number
      readonly message: string
    }
