import { z } from 'zod'
import type { Behaviour, ChannelKind } from '../knowledge'
import { newRadioCodeSchema, radioCodeSchema, type RadioCodeHistoryEntry, type RadioCodeSourceName, type StaffRef } from './radio-code'

/*
 * Code retrieval requests: when a radio's code is unknown, the desk follows
 * one legitimate channel from the radio knowledge base (the owner's
 * documents, the dealer, the maker's website...) and tracks it here.
 *
 * Status rules (one place, used by main and shown by the UI):
 *
 *   needed ──► requested ──► (code received) ──► received ──► verified
 *     │            │                                  │
 *     └────────────┴──► failed / cancelled            └──► failed
 *
 * - "received" is reached only through receiveCode, which stores the code as
 *   a code record in the same step (needed → received is allowed: the owner
 *   found the card).
 * - "verified" only after "received": the code worked in the radio (the code
 *   record is marked verified too).
 * - verified, failed and cancelled are closed and final. Trying again means
 *   opening a new request (same channel or another); the old one stays as
 *   history. A closed request still takes notes and its cost (bills arrive
 *   late), nothing else.
 * - Going back (requested → needed) is not offered: a request sent twice is
 *   still "requested"; notes say what happened.
 */

export const RETRIEVAL_STATUSES = ['needed', 'requested', 'received', 'verified', 'failed', 'cancelled'] as const
export type RetrievalStatus = (typeof RETRIEVAL_STATUSES)[number]

export const OPEN_RETRIEVAL_STATUSES = ['needed', 'requested', 'received'] as const satisfies readonly RetrievalStatus[]
export const CLOSED_RETRIEVAL_STATUSES = ['verified', 'failed', 'cancelled'] as const satisfies readonly RetrievalStatus[]

/** Statuses an update may set; "received" comes only with the code (receiveCode). */
export const SETTABLE_RETRIEVAL_STATUSES = ['needed', 'requested', 'verified', 'failed', 'cancelled'] as const
export type SettableRetrievalStatus = (typeof SETTABLE_RETRIEVAL_STATUSES)[number]

export const RETRIEVAL_STATUS_LABELS: Readonly<Record<RetrievalStatus, string>> = {
  needed: 'Needed',
  requested: 'Requested',
  received: 'Code received',
  verified: 'Verified in the radio',
  failed: 'Failed',
  cancelled: 'Cancelled',
}

const TRANSITIONS: Readonly<Record<RetrievalStatus, readonly SettableRetrievalStatus[]>> = {
  needed: ['requested', 'failed', 'cancelled'],
  requested: ['failed', 'cancelled'],
  received: ['verified', 'failed'],
  verified: [],
  failed: [],
  cancelled: [],
}

/** Where an update may take a request from `status` (receiving the code is separate). */
export function nextRetrievalStatuses(status: RetrievalStatus): readonly SettableRetrievalStatus[] {
  return TRANSITIONS[status]
}

export function isClosedRetrievalStatus(status: RetrievalStatus): boolean {
  return (CLOSED_RETRIEVAL_STATUSES as readonly RetrievalStatus[]).includes(status)
}

/** Whether the code may be received now (stored as a code record). */
export function mayReceiveCode(status: RetrievalStatus): boolean {
  return status === 'needed' || status === 'requested'
}

/** Why an update to `to` is refused, or null when it is allowed. */
export function retrievalTransitionProblem(from: RetrievalStatus, to: SettableRetrievalStatus): string | null {
  if (from === to) return null
  if (TRANSITIONS[from].includes(to)) return null
  if (isClosedRetrievalStatus(from)) {
    return `This request is ${RETRIEVAL_STATUS_LABELS[from].toLowerCase()} and closed. Open a new request to try again.`
  }
  if (to === 'verified') return 'A request is verified only after its code was received and worked in the radio.'
  const allowed = TRANSITIONS[from].map((status) => `“${RETRIEVAL_STATUS_LABELS[status]}”`)
  return `A request that is “${RETRIEVAL_STATUS_LABELS[from]}” can only become ${allowed.join(' or ')}.`
}

// ---------------------------------------------------------------------------
// Channels and where a received code is said to come from

export const CHANNEL_KIND_LABELS: Readonly<Record<ChannelKind, string>> = {
  'code-card': 'Code card (owner’s documents)',
  'glovebox-sticker': 'Code sticker in the car',
  'other-label-or-note': 'Label or note in the car',
  'owners-documents': 'Owner’s documents',
  owner: 'The owner (who set the code)',
  dealer: 'Dealer',
  'manufacturer-website': 'Manufacturer website',
  'manufacturer-customer-service': 'Manufacturer customer service',
}

/**
 * The code record's source for a code received through a channel. The
 * manufacturer's customer service has no source of its own: 'other', and the
 * source detail names it.
 */
export const CODE_SOURCE_FOR_CHANNEL: Readonly<Record<ChannelKind, RadioCodeSourceName>> = {
  'code-card': 'owner-card',
  'glovebox-sticker': 'sticker',
  'other-label-or-note': 'sticker',
  'owners-documents': 'owners-manual',
  owner: 'customer',
  dealer: 'dealer',
  'manufacturer-website': 'manufacturer-website',
  'manufacturer-customer-service': 'other',
}

/** One thing the channel needs, with where to find it. */
export interface RetrievalChecklistItem {
  /** Stable within the request: what update uses to tick it. */
  readonly key: string
  /** What is needed, in the knowledge base's words where it gives them. */
  readonly label: string
  readonly whereToFind: readonly string[]
  readonly done: boolean
  /** The desk's note on this item (never the code). */
  readonly note: string
}

/** The channel as the knowledge base described it when the request was opened (kept with the request). */
export interface RetrievalChannelSnapshot {
  /** `<entry id>/<channel kind>/<n>`: the n-th channel of that kind in the entry. */
  readonly ref: string
  readonly kind: ChannelKind
  readonly kindLabel: string
  readonly entryId: string
  readonly entryLabel: string
  readonly description: string
  readonly url: string | null
  readonly region: string | null
  /** What the channel asks for, as the knowledge base states it (may be empty: not stated). */
  readonly asks: readonly string[]
  readonly notes: readonly string[]
}

/** A channel the knowledge base lists for this vehicle, offered when opening a request. */
export interface RetrievalChannelOption extends RetrievalChannelSnapshot {
  readonly behaviour: Behaviour
  /** What the desk must check on the car before relying on this entry (market, audio system, model). */
  readonly mustConfirm: readonly string[]
  /** Source the code record will get when the code comes through this channel. */
  readonly codeSource: RadioCodeSourceName
  /** The checklist a request through this channel starts with. */
  readonly checklist: readonly RetrievalChecklistItem[]
  /** Warnings from the knowledge base (e.g. reported not to give codes by phone). */
  readonly cautions: readonly string[]
}

export interface ChannelNotOffered {
  readonly channel: 'insurer' | 'third-party-service'
  readonly reason: string
}

export interface RetrievalChannelOptions {
  readonly vehicleId: number
  /** How the knowledge base matched the vehicle (see RadioGuidance). */
  readonly guidance: 'match' | 'several' | 'no-year' | 'no-entry' | 'unknown-make' | 'invalid-query'
  readonly explanation: string
  /** Empty when the knowledge base has nothing for this vehicle: no channel is invented. */
  readonly channels: readonly RetrievalChannelOption[]
  /** Channels people ask about that the knowledge base does not support, and why. */
  readonly notOffered: readonly ChannelNotOffered[]
}

export interface RetrievalRequest {
  readonly id: number
  readonly vehicleId: number
  readonly radioId: number | null
  /** The vehicle's owner when the request was opened. */
  readonly customerId: number | null
  readonly channel: RetrievalChannelSnapshot
  readonly codeSource: RadioCodeSourceName
  readonly status: RetrievalStatus
  readonly isOpen: boolean
  /** Statuses retrieval.update may set now. */
  readonly nextStatuses: readonly SettableRetrievalStatus[]
  /** Whether retrieval.receiveCode is possible now. */
  readonly canReceiveCode: boolean
  readonly checklist: readonly RetrievalChecklistItem[]
  /** Calendar date (YYYY-MM-DD) to chase it up; null when none or closed. */
  readonly followUpOn: string | null
  readonly costCents: number | null
  readonly notes: string
  /** The code record made when the code was received (never the code). */
  readonly codeId: number | null
  readonly openedBy: StaffRef | null
  readonly openedAt: string
  readonly updatedAt: string
  readonly closedAt: string | null
}

export interface RetrievalReceived {
  readonly request: RetrievalRequest
  /** The new code record, masked. */
  readonly code: RadioCodeHistoryEntry
}

/** A request due for follow-up, with what the Today view shows about its vehicle. */
export interface RetrievalFollowUp {
  readonly request: RetrievalRequest
  readonly vehicle: {
    readonly id: number
    readonly year: number | null
    readonly make: string
    readonly model: string
    readonly plate: string
    readonly plateState: string
  }
  /** The vehicle's current owner. */
  readonly owner: { readonly customerId: number; readonly name: string } | null
}

// ---------------------------------------------------------------------------
// Inputs

/** A calendar day, YYYY-MM-DD, that exists. */
export const calendarDateSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-12-01.')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00.000Z`)
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
  }, 'That date does not exist.')

export const RETRIEVAL_MAX_COST_CENTS = 10_000_000

export const costCentsSchema = z
  .number()
  .int('The cost is in whole cents.')
  .min(0, 'The cost cannot be negative.')
  .max(RETRIEVAL_MAX_COST_CENTS, 'That cost is too high; check the amount (it is in cents).')

export const retrievalNotesSchema = z
  .string()
  .max(2000, 'Keep notes under 2000 characters.')
  .transform((value) => value.trim())

const checklistNoteSchema = z
  .string()
  .max(200, 'Keep a checklist note under 200 characters.')
  .transform((value) => value.replace(/\s+/g, ' ').trim())

const id = z.number().int().positive()

export const channelRefSchema = z
  .string()
  .trim()
  .min(1, 'Choose a channel.')
  .max(120, 'Choose one of the channels offered for this vehicle.')

export const openRetrievalSchema = z.object({
  vehicleId: id,
  /** Left out: the vehicle's installed radio when it has exactly one. */
  radioId: id.nullable().default(null),
  /** A channel `ref` from retrieval.channelsForVehicle. */
  channel: channelRefSchema,
  followUpOn: calendarDateSchema.nullable().default(null),
  costCents: costCentsSchema.nullable().default(null),
  notes: retrievalNotesSchema.default(''),
})

export const checklistPatchSchema = z
  .array(
    z.object({
      key: z.string().min(1).max(80),
      done: z.boolean().optional(),
      note: checklistNoteSchema.optional(),
    }),
  )
  .max(40)
  .refine((items) => new Set(items.map((item) => item.key)).size === items.length, 'Each checklist item may appear once.')

/** Only the fields given change. */
export const updateRetrievalSchema = z
  .object({
    id,
    status: z.enum(SETTABLE_RETRIEVAL_STATUSES, 'Choose needed, requested, verified, failed or cancelled (a code is received with “Code received”).').optional(),
    checklist: checklistPatchSchema.optional(),
    followUpOn: calendarDateSchema.nullable().optional(),
    costCents: costCentsSchema.nullable().optional(),
    notes: retrievalNotesSchema.optional(),
  })
  .strict()
  .refine(
    (input) =>
      input.status !== undefined ||
      input.checklist !== undefined ||
      input.followUpOn !== undefined ||
      input.costCents !== undefined ||
      input.notes !== undefined,
    'Nothing to change: give a status, checklist, follow-up date, cost or notes.',
  )

export const receiveRetrievalCodeSchema = z.object({
  id,
  code: radioCodeSchema,
  /** Needed only when the request has no radio and the vehicle has several (or none installed). */
  radioId: id.nullable().default(null),
  formatOverrideReason: newRadioCodeSchema.shape.formatOverrideReason,
})

export const dueForFollowUpSchema = z.object({
  onOrBefore: calendarDateSchema,
  limit: z.number().int().min(1).max(500).default(200),
})

export type OpenRetrievalInput = z.output<typeof openRetrievalSchema>
export type UpdateRetrievalInput = z.output<typeof updateRetrievalSchema>
export type ReceiveRetrievalCodeInput = z.output<typeof receiveRetrievalCodeSchema>
export type ChecklistPatch = z.output<typeof checklistPatchSchema>

// ---------------------------------------------------------------------------
// What the request row keeps in checklist_json

const storedItemSchema = z.object({
  key: z.string(),
  label: z.string(),
  whereToFind: z.array(z.string()),
  done: z.boolean(),
  note: z.string(),
})

/** The JSON in code_retrieval_requests.checklist_json. Never holds the code. */
export const storedRetrievalDataSchema = z.object({
  v: z.literal(1),
  channel: z.object({
    ref: z.string(),
    kind: z.string(),
    kindLabel: z.string(),
    entryId: z.string(),
    entryLabel: z.string(),
    description: z.string(),
    url: z.string().nullable(),
    region: z.string().nullable(),
    asks: z.array(z.string()),
    notes: z.array(z.string()),
  }),
  items: z.array(storedItemSchema),
  codeId: z.number().int().positive().nullable(),
})
export type StoredRetrievalData = z.output<typeof storedRetrievalDataSchema>

/** Applies a checklist patch; returns the new items, or the index of a key that does not exist. */
export function applyChecklistPatch(
  items: readonly RetrievalChecklistItem[],
  patch: ChecklistPatch,
): { readonly ok: true; readonly items: RetrievalChecklistItem[] } | { readonly ok: false; readonly badIndex: number } {
  const byKey = new Map(items.map((item) => [item.key, item]))
  for (const [index, change] of patch.entries()) {
    if (!byKey.has(change.key)) return { ok: false, badIndex: index }
  }
  const changes = new Map(patch.map((change) => [change.key, change]))
  return {
    ok: true,
    items: items.map((item) => {
      const change = changes.get(item.key)
      if (!change) return item
      return { ...item, done: change.done ?? item.done, note: change.note ?? item.note }
    }),
  }
}
