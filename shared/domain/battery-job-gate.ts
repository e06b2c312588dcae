import { z } from 'zod'
import { tidyText } from './normalize'
import { RADIO_CODE_SOURCES, type RadioCodeSourceName } from './radio-code'

/*
 * The pre-disconnect gate: before the battery comes off a car whose radio may
 * lock, the job records which of four things holds. It is chosen from fixed
 * options, never typed as free text (an optional short note aside), and the
 * server checks that the chosen option is true before storing it:
 *
 *   code-on-file    a current code is on file for the installed radio, and it
 *                   has worked in the radio (verified) or was recorded from
 *                   the owner's code card;
 *   no-code-needed  the radio report says this radio pairs with the car, or
 *                   the technician saw it (no anti-theft light, a pairing unit);
 *   memory-saver    a memory saver is connected (where) and its indicator
 *                   shows power, while the code is being retrieved;
 *   risk-accepted   the customer accepted the risk: who, when, how, and which
 *                   staff member recorded it.
 */

export const GATE_OPTIONS = ['code-on-file', 'no-code-needed', 'memory-saver', 'risk-accepted'] as const
export type GateOption = (typeof GATE_OPTIONS)[number]

export const GATE_OPTION_LABELS: Readonly<Record<GateOption, string>> = {
  'code-on-file': 'Code on file',
  'no-code-needed': 'No code needed',
  'memory-saver': 'Memory saver connected',
  'risk-accepted': 'Customer accepted the risk',
}

/**
 * Where a memory saver is connected: the three connections in the radio-code
 * report, section 4 ("Memory savers"). No others are offered.
 */
export const MEMORY_SAVER_CONNECTIONS = ['obd-ii-port', 'lighter-socket', 'cable-clamps'] as const
export type MemorySaverConnection = (typeof MEMORY_SAVER_CONNECTIONS)[number]

export const MEMORY_SAVER_CONNECTION_LABELS: Readonly<Record<MemorySaverConnection, string>> = {
  'obd-ii-port': 'OBD-II diagnostic connector',
  'lighter-socket': 'Accessory/cigarette-lighter socket',
  'cable-clamps': 'Cable clamps',
}

/** What the report (section 4) warns staff about for a connection; shown when it is chosen. */
export const MEMORY_SAVER_CAVEATS: Readonly<Record<MemorySaverConnection, string | null>> = {
  'obd-ii-port': null,
  'lighter-socket':
    'Lighter sockets are often switched or switch off after a while, so a saver plugged in there may do nothing. Check its indicator before the battery comes off.',
  'cable-clamps': null,
}

/** The caveats that hold for every memory saver (report section 4). */
export const MEMORY_SAVER_GENERAL_CAVEATS: readonly string[] = [
  'Check the saver’s indicator shows power before removing the battery.',
  'With a saver connected the disconnected battery cable stays live: keep its end isolated and switch nothing on.',
  'Follow the maker’s battery procedure even with a saver.',
]

/** Why no code is needed: the radio report, or what the technician saw. */
export const NO_CODE_REASONS = ['knowledge-base-pairs-with-car', 'no-anti-theft-light', 'pairing-radio-observed'] as const
export type NoCodeReason = (typeof NO_CODE_REASONS)[number]

export const NO_CODE_REASON_LABELS: Readonly<Record<NoCodeReason, string>> = {
  'knowledge-base-pairs-with-car': 'The radio report says this radio pairs with the car',
  'no-anti-theft-light': 'Technician: no anti-theft light on the radio',
  'pairing-radio-observed': 'Technician: the radio is a unit that pairs with the car',
}

const NO_CODE_REASON_SHORT: Readonly<Record<NoCodeReason, string>> = {
  'knowledge-base-pairs-with-car': 'the radio report says it pairs with the car',
  'no-anti-theft-light': 'technician saw no anti-theft light',
  'pairing-radio-observed': 'technician saw a radio that pairs with the car',
}

export const RISK_ACCEPTANCE_CHANNELS = ['in-person', 'by-phone'] as const
export type RiskAcceptanceChannel = (typeof RISK_ACCEPTANCE_CHANNELS)[number]

export const RISK_ACCEPTANCE_CHANNEL_LABELS: Readonly<Record<RiskAcceptanceChannel, string>> = {
  'in-person': 'In person',
  'by-phone': 'By phone',
}

/** What the customer is told and accepts; stored with the decision so the record says what was agreed. */
export const RISK_STATEMENT =
  'After the battery is disconnected the radio may lock and ask for its anti-theft code. The shop has no usable code on file for it; getting the code may take time and may cost money.'

/** Sources whose code may clear the gate before it has worked in the radio. */
export const GATE_TRUSTED_UNVERIFIED_SOURCES: readonly RadioCodeSourceName[] = ['owner-card']

// ---------------------------------------------------------------------------
// Input

/** A run of four or more digits looks like a code; notes are not encrypted. */
export function looksLikeItHoldsACode(text: string): boolean {
  return /\d{4,}/.test(text.replace(/[\s-]+/g, ''))
}

export const GATE_NOTE_MAX = 200

const gateNoteSchema = z
  .string()
  .max(1000, `Keep the note under ${GATE_NOTE_MAX} characters.`)
  .transform(tidyText)
  .pipe(
    z
      .string()
      .max(GATE_NOTE_MAX, `Keep the note under ${GATE_NOTE_MAX} characters.`)
      .refine((value) => !looksLikeItHoldsACode(value), 'Leave codes and other long numbers out of the note: notes are not encrypted.'),
  )
  .default('')

const jobIdSchema = z.number().int().positive()

const personNameSchema = z
  .string()
  .max(500, 'Keep the name under 120 characters.')
  .transform(tidyText)
  .pipe(z.string().min(1, 'Enter the name of the person who accepted the risk.').max(120, 'Keep the name under 120 characters.'))

export const gateDecisionSchema = z.discriminatedUnion(
  'option',
  [
    z.strictObject({ jobId: jobIdSchema, option: z.literal('code-on-file'), note: gateNoteSchema }),
    z.strictObject({
      jobId: jobIdSchema,
      option: z.literal('no-code-needed'),
      reason: z.enum(NO_CODE_REASONS, 'Say why no code is needed: the radio report, or what the technician saw.'),
      note: gateNoteSchema,
    }),
    z.strictObject({
      jobId: jobIdSchema,
      option: z.literal('memory-saver'),
      connection: z.enum(MEMORY_SAVER_CONNECTIONS, 'Say where the memory saver is connected.'),
      indicatorChecked: z.literal(true, 'Check that the memory saver’s indicator shows power before the battery comes off.'),
      note: gateNoteSchema,
    }),
    z.strictObject({
      jobId: jobIdSchema,
      option: z.literal('risk-accepted'),
      acceptedBy: personNameSchema,
      how: z.enum(RISK_ACCEPTANCE_CHANNELS, 'Say whether the customer accepted in person or by phone.'),
      /** When the customer accepted; left out: now. */
      acceptedAt: z.iso.datetime({ offset: true, error: 'Give the time as a full date and time.' }).nullable().default(null),
      note: gateNoteSchema,
    }),
  ],
  { error: 'Choose one of the four options: code on file, no code needed, memory saver connected, or the customer accepted the risk.' },
)
export type GateDecisionInput = z.input<typeof gateDecisionSchema>
export type GateDecision = z.output<typeof gateDecisionSchema>

// ---------------------------------------------------------------------------
// What is stored in battery_jobs.gate_detail_json: the decision plus the facts
// the server checked it against. Never a code.

export const gateDetailSchema = z.discriminatedUnion('option', [
  z.object({
    option: z.literal('code-on-file'),
    radioId: z.number(),
    codeId: z.number(),
    verified: z.boolean(),
    source: z.enum(RADIO_CODE_SOURCES),
    note: z.string(),
  }),
  z.object({ option: z.literal('no-code-needed'), reason: z.enum(NO_CODE_REASONS), note: z.string() }),
  z.object({
    option: z.literal('memory-saver'),
    connection: z.enum(MEMORY_SAVER_CONNECTIONS),
    indicatorChecked: z.literal(true),
    retrievalRequestId: z.number().nullable(),
    note: z.string(),
  }),
  z.object({
    option: z.literal('risk-accepted'),
    acceptedBy: z.string(),
    how: z.enum(RISK_ACCEPTANCE_CHANNELS),
    acceptedAt: z.string(),
    statement: z.string(),
    note: z.string(),
  }),
])
export type GateDetail = z.output<typeof gateDetailSchema>

/** One line for the board: "Memory saver connected (OBD-II diagnostic connector)". */
export function describeGate(detail: GateDetail): string {
  switch (detail.option) {
    case 'code-on-file':
      return detail.verified ? 'Code on file (worked in the radio)' : 'Code on file (from the owner’s card)'
    case 'no-code-needed':
      return `No code needed (${NO_CODE_REASON_SHORT[detail.reason]})`
    case 'memory-saver':
      return `Memory saver connected (${MEMORY_SAVER_CONNECTION_LABELS[detail.connection]})`
    case 'risk-accepted':
      return `${detail.acceptedBy} accepted the risk (${RISK_ACCEPTANCE_CHANNEL_LABELS[detail.how].toLowerCase()})`
  }
}

// ---------------------------------------------------------------------------
// Is the chosen option true?

/** What the server knows when a gate option is chosen. */
export interface GateFacts {
  /** The installed radio's current code (never the code itself), or null when there is none (or no radio on file). */
  readonly currentCode: { readonly verified: boolean; readonly source: RadioCodeSourceName } | null
  /** What the radio report expects of this radio (see battery-job-situation.ts). */
  readonly expectation: 'code' | 'no-code' | 'owner-set' | 'unknown'
  /** Now, ISO-8601. */
  readonly now: string
}

/** Whether a code on file may clear the gate: it worked in the radio, or came from the owner's card. */
export function codeClearsGate(code: GateFacts['currentCode']): boolean {
  return code !== null && (code.verified || GATE_TRUSTED_UNVERIFIED_SOURCES.includes(code.source))
}

/** Why the chosen option is not true for this job, in words for the desk; null when it holds. */
export function gateDecisionProblem(decision: GateDecision, facts: GateFacts): string | null {
  switch (decision.option) {
    case 'code-on-file':
      if (facts.currentCode === null) {
        return 'There is no code on file for this car’s radio, so “code on file” cannot be chosen. Enter the code from the owner’s card first, or choose another option.'
      }
      if (!codeClearsGate(facts.currentCode)) {
        return 'The code on file has not worked in this radio yet and did not come from the owner’s code card, so it cannot clear the battery to come off. Connect a memory saver while the code is confirmed, or choose another option.'
      }
      return null
    case 'no-code-needed':
      if (decision.reason === 'knowledge-base-pairs-with-car' && facts.expectation !== 'no-code') {
        return 'The radio report does not say this radio pairs with the car, so it cannot be the reason. Have the technician check the radio (no anti-theft light, a pairing unit), or choose another option.'
      }
      return null
    case 'memory-saver':
      return null
    case 'risk-accepted':
      if (decision.acceptedAt !== null && Date.parse(decision.acceptedAt) > Date.parse(facts.now) + 60_000) {
        return 'The time the customer accepted the risk cannot be in the future.'
      }
      return null
  }
}
