import { z } from 'zod'
import { checklistIncompleteForDone, radioLockedAfterReconnect, type Checklist } from './battery-job-checklist'
import type { GateDetail, GateOption } from './battery-job-gate'
import type { CodeSituation, CodeSituationKind } from './battery-job-situation'
import { tidyText } from './normalize'
import type { StaffRef } from './radio-code'

export * from './battery-job-checklist'
export * from './battery-job-gate'
export * from './battery-job-situation'

/*
 * The battery-service job: the workflow the product exists for. No battery
 * comes off a code radio without the code or a deliberate decision, and no
 * customer leaves without their code.
 *
 * Statuses
 *   checked-in    the car is at the shop; the desk was told the code situation
 *   code-check    the code question is being worked (card asked for, code
 *                 entered, retrieval opened) or the pre-disconnect decision made
 *   in-service    the technician has the car
 *   done          service finished; the card (or guide) and pickup reminder
 *                 are to be printed; the job stays on the board as a pickup
 *                 reminder until it is closed
 *   handed-over   closed: the customer has their code card
 *   card-declined closed: the customer declined the card (who recorded it, when)
 *   cancelled     closed: the job was stopped before the battery came off
 *
 * Actions and where they lead (anything not listed is refused, with a reason):
 *
 *   action              from                          to            also needs
 *   start-code-check    checked-in                    code-check
 *   decide-gate         checked-in                    code-check    battery still connected; the option is true (server)
 *                       code-check, in-service        (same)
 *   start-service       code-check                    in-service
 *   disconnect-battery  in-service                    (same)        a gate decision; not already disconnected
 *   record-checklist    in-service, done              (same)        a consistent checklist (see battery-job-checklist.ts)
 *   mark-done           in-service                    done          battery test; after a disconnect the whole
 *                                                                   after-reconnecting part; registration after a
 *                                                                   new battery; a memory-saver gate matches the checklist
 *   hand-over-card      done                          handed-over   a code on file that has not failed in the radio,
 *                                                                   or no code needed (otherwise: guide, keep waiting)
 *   decline-card        done                          card-declined
 *   cancel              checked-in, code-check,       cancelled     battery never disconnected
 *                       in-service
 *   link-retrieval      checked-in … done             (same)
 *
 * handed-over, card-declined and cancelled are final.
 */

export const JOB_STATUSES = ['checked-in', 'code-check', 'in-service', 'done', 'handed-over', 'card-declined', 'cancelled'] as const
export type JobStatus = (typeof JOB_STATUSES)[number]

/** Before the service is finished. */
export const OPEN_JOB_STATUSES = ['checked-in', 'code-check', 'in-service'] as const satisfies readonly JobStatus[]
/** Final: nothing more happens to the job. */
export const CLOSED_JOB_STATUSES = ['handed-over', 'card-declined', 'cancelled'] as const satisfies readonly JobStatus[]

export const JOB_STATUS_LABELS: Readonly<Record<JobStatus, string>> = {
  'checked-in': 'Checked in',
  'code-check': 'Code check',
  'in-service': 'In service',
  done: 'Done – card waiting',
  'handed-over': 'Card handed over',
  'card-declined': 'Card declined',
  cancelled: 'Cancelled',
}

export function isOpenStatus(status: JobStatus): boolean {
  return (OPEN_JOB_STATUSES as readonly JobStatus[]).includes(status)
}

export function isClosedStatus(status: JobStatus): boolean {
  return (CLOSED_JOB_STATUSES as readonly JobStatus[]).includes(status)
}

export const JOB_ACTIONS = [
  'start-code-check',
  'decide-gate',
  'start-service',
  'disconnect-battery',
  'record-checklist',
  'mark-done',
  'hand-over-card',
  'decline-card',
  'cancel',
  'link-retrieval',
] as const
export type JobAction = (typeof JOB_ACTIONS)[number]

/**
 * What the customer takes home for the radio:
 * - code-card: a code is on file and it has not failed in the radio;
 * - no-code-needed: no code on file and none is needed (gate or knowledge base);
 * - code-unknown: the code is still unknown (or the one on file failed): the
 *   customer gets the “how to get your radio code” guide and the job waits.
 */
export type CardAvailability = 'code-card' | 'no-code-needed' | 'code-unknown'

export interface JobFacts {
  readonly status: JobStatus
  readonly gate: GateOption | null
  readonly batteryDisconnected: boolean
  readonly checklist: Checklist
  readonly card: CardAvailability
}

export type TransitionResult = { readonly allowed: true; readonly to: JobStatus } | { readonly allowed: false; readonly reason: string }

const allow = (to: JobStatus): TransitionResult => ({ allowed: true, to })
const refuse = (reason: string): TransitionResult => ({ allowed: false, reason })

const CLOSED_REASONS: Readonly<Record<(typeof CLOSED_JOB_STATUSES)[number], string>> = {
  'handed-over': 'This job is closed: the customer has their code card.',
  'card-declined': 'This job is closed: the customer declined the code card.',
  cancelled: 'This job was cancelled.',
}

const ALREADY_IN_SERVICE = 'The car is already in service.'
const ALREADY_DONE = 'The job is already done.'
const FINISH_FIRST = 'Finish the job first: mark it done when the service is complete.'
const START_SERVICE_FIRST = 'Start the service first.'

export const GATE_REQUIRED_MESSAGE =
  'Before the battery comes off, choose how the radio is protected: code on file, no code needed, memory saver connected, or the customer accepted the risk.'

/** Problems that stop mark-done once the job is in service; empty when it may be marked done. */
export function doneProblems(facts: Pick<JobFacts, 'gate' | 'batteryDisconnected' | 'checklist'>): string[] {
  const problems = checklistIncompleteForDone(facts.checklist, facts).map((p) => p.message)
  if (facts.gate === 'memory-saver' && facts.batteryDisconnected && facts.checklist.memorySaver?.used !== true) {
    problems.push('The pre-disconnect check says a memory saver was connected, but the checklist says none was used. Correct the checklist.')
  }
  return problems
}

/** Whether `action` may happen to a job in this state, and the status it leads to; or why not, in words for the desk. */
export function transition(facts: JobFacts, action: JobAction): TransitionResult {
  const { status } = facts
  if (status === 'handed-over' || status === 'card-declined' || status === 'cancelled') return refuse(CLOSED_REASONS[status])

  switch (action) {
    case 'start-code-check':
      if (status === 'checked-in') return allow('code-check')
      if (status === 'code-check') return refuse('The code check has already started.')
      return refuse(status === 'in-service' ? ALREADY_IN_SERVICE : ALREADY_DONE)

    case 'decide-gate':
      if (status === 'done') return refuse('The job is done; the pre-disconnect decision can no longer change.')
      if (facts.batteryDisconnected) {
        return refuse('The battery is already disconnected; the decision that allowed it stays on the job.')
      }
      return allow(status === 'checked-in' ? 'code-check' : status)

    case 'start-service':
      if (status === 'code-check') return allow('in-service')
      if (status === 'checked-in') {
        return refuse('Check the radio code first: start the code check or record the pre-disconnect decision.')
      }
      return refuse(status === 'in-service' ? ALREADY_IN_SERVICE : ALREADY_DONE)

    case 'disconnect-battery':
      if (status === 'done') return refuse(ALREADY_DONE)
      if (status !== 'in-service') {
        return refuse('Start the service first: the battery is disconnected only while the car is in service.')
      }
      if (facts.batteryDisconnected) return refuse('The battery is already marked as disconnected.')
      if (facts.gate === null) return refuse(GATE_REQUIRED_MESSAGE)
      return allow('in-service')

    case 'record-checklist':
      if (status === 'in-service' || status === 'done') return allow(status)
      return refuse(`${START_SERVICE_FIRST} The checklist is the technician’s record of the service.`)

    case 'mark-done': {
      if (status === 'done') return refuse(ALREADY_DONE)
      if (status !== 'in-service') return refuse(`${START_SERVICE_FIRST} A job is marked done after its service.`)
      const [first] = doneProblems(facts)
      return first === undefined ? allow('done') : refuse(first)
    }

    case 'hand-over-card':
      if (status !== 'done') return refuse(FINISH_FIRST)
      if (facts.card === 'code-unknown') {
        return refuse(
          'There is no working code on file for this radio yet, so there is no code card to hand over. Give the customer the “how to get your radio code” guide; the job stays on the board as a pickup reminder until the code is found, or record that the customer declined the card.',
        )
      }
      return allow('handed-over')

    case 'decline-card':
      if (status !== 'done') return refuse(FINISH_FIRST)
      return allow('card-declined')

    case 'cancel':
      if (status === 'done') {
        return refuse('The service is finished: close the job by handing over the card, or record that the customer declined it.')
      }
      if (facts.batteryDisconnected) {
        return refuse(
          'The battery has already been disconnected on this car, so the job cannot be cancelled: finish it, so the customer leaves with their code card or the guide.',
        )
      }
      return allow('cancelled')

    case 'link-retrieval':
      return allow(status)
  }
}

export interface ActionState {
  readonly allowed: boolean
  /** Why not, when refused. */
  readonly reason: string | null
}

/** Every action with whether it is possible now: what the job screen enables. */
export function availableActions(facts: JobFacts): Readonly<Record<JobAction, ActionState>> {
  const out = {} as Record<JobAction, ActionState>
  for (const action of JOB_ACTIONS) {
    const result = transition(facts, action)
    out[action] = result.allowed ? { allowed: true, reason: null } : { allowed: false, reason: result.reason }
  }
  return out
}

/** What the customer can take home, from the code on file, the gate and what happened after reconnecting. */
export function cardAvailability(input: {
  readonly code: { readonly verified: boolean } | null
  readonly situation: CodeSituationKind
  readonly gate: GateOption | null
  readonly checklist: Checklist
}): CardAvailability {
  const locked = radioLockedAfterReconnect(input.checklist)
  if (input.code) return input.code.verified || !locked ? 'code-card' : 'code-unknown'
  if (!locked && (input.gate === 'no-code-needed' || input.situation === 'no-code-expected')) return 'no-code-needed'
  return 'code-unknown'
}

/** Documents to print when a job is marked done. */
export type CompletionDocument = 'code-card' | 'code-guide' | 'pickup-reminder'

export function completionDocuments(card: CardAvailability): CompletionDocument[] {
  switch (card) {
    case 'code-card':
      return ['code-card', 'pickup-reminder']
    case 'no-code-needed':
      return ['pickup-reminder']
    case 'code-unknown':
      return ['code-guide', 'pickup-reminder']
  }
}

export function completionMessage(card: CardAvailability): string {
  switch (card) {
    case 'code-card':
      return 'Print the customer’s code card and the pickup reminder now. The job stays on the board until the card is handed over.'
    case 'no-code-needed':
      return 'Print the pickup reminder now. No code is needed for this radio; record the handover when the customer collects the car.'
    case 'code-unknown':
      return 'The code is still unknown: print the customer’s “how to get your radio code” guide and the pickup reminder. The job stays on the board as a pickup reminder until the code card is handed over or the customer declines it.'
  }
}

/** What the job says about the radio after the service, for the job screen and the board. */
export function radioStatusSentence(checklist: Checklist, batteryDisconnected: boolean, hasCode: boolean): string {
  const r = checklist.reconnect
  if (!batteryDisconnected) return 'The battery has not been disconnected.'
  if (r.radioAskedForCode === null) return 'After reconnecting: not yet checked whether the radio asked for a code.'
  if (!r.radioAskedForCode) return 'The radio did not ask for a code after reconnecting.'
  switch (r.codeEntry) {
    case 'accepted':
      return 'The radio asked for its code; the code was entered and accepted.'
    case 'rejected':
      return hasCode
        ? 'The radio is locked: the code on file was not accepted. Stop after two tries (radios lock out), check where the code came from, and continue the retrieval request.'
        : 'The radio is locked: the code entered was not accepted. Stop after two tries (radios lock out) and continue the retrieval request.'
    case 'code-unknown':
      return 'The radio is locked: it asked for a code and the code is unknown. Continue the retrieval request.'
    case null:
      return 'The radio asked for a code; not yet recorded whether it was entered and accepted.'
  }
}

// ---------------------------------------------------------------------------
// Inputs

const id = z.number().int().positive()

/** A repair-order number as the shop writes it: letters, digits, dashes, slashes. */
export const roNumberSchema = z
  .string()
  .max(200, 'An RO number has at most 30 characters.')
  .transform((value) => tidyText(value).toUpperCase())
  .pipe(
    z
      .string()
      .max(30, 'An RO number has at most 30 characters.')
      .regex(/^[0-9A-Z][0-9A-Z\-/ ]*$|^$/, 'An RO number is letters and digits (dashes allowed).'),
  )

export const checkInSchema = z.strictObject({
  vehicleId: id,
  /** Who is dropping the car off; left out: the vehicle's current owner. */
  customerId: id.nullable().default(null),
  roNumber: roNumberSchema.default(''),
  notes: z
    .string()
    .max(2000, 'Keep notes under 500 characters.')
    .transform(tidyText)
    .pipe(z.string().max(500, 'Keep notes under 500 characters.'))
    .default(''),
  /**
   * Open a code retrieval request in the same step (when the code may be
   * needed and none is on file): the channel `ref` the retrieval screen offers.
   */
  retrieval: z
    .strictObject({
      channel: z.string().trim().min(1, 'Choose a channel.').max(120, 'Choose one of the channels offered for this vehicle.'),
      followUpOn: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-12-01.')
        .nullable()
        .default(null),
    })
    .nullable()
    .default(null),
})
export type CheckInInput = z.input<typeof checkInSchema>
export type CheckIn = z.output<typeof checkInSchema>

export const jobIdSchema = z.strictObject({ jobId: id })
export type JobIdInput = z.input<typeof jobIdSchema>

export const linkRetrievalSchema = z.strictObject({ jobId: id, retrievalRequestId: id })
export type LinkRetrievalInput = z.input<typeof linkRetrievalSchema>

/** A calendar day in the shop's local time, YYYY-MM-DD. */
export const boardDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-12-01.')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00.000Z`)
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
  }, 'That date does not exist.')

// ---------------------------------------------------------------------------
// Outputs

export interface JobVehicleRef {
  readonly id: number
  /** "2005 Honda Accord". */
  readonly description: string
  readonly year: number | null
  readonly make: string
  readonly model: string
  readonly vin: string
  readonly plate: string
  readonly plateState: string
}

export interface JobCustomerRef {
  readonly id: number
  readonly name: string
}

export interface JobGate {
  readonly option: GateOption
  /** "Memory saver connected (OBD-II diagnostic connector)". */
  readonly label: string
  readonly detail: GateDetail
  readonly decidedBy: StaffRef | null
  readonly decidedAt: string
}

export interface JobCard {
  readonly available: CardAvailability
  /** What to print (or printed) for the customer. */
  readonly documents: readonly CompletionDocument[]
  /** Done and the card not printed yet (printing arrives in a later version). */
  readonly printingPending: boolean
  readonly printedAt: string | null
  readonly handedOverAt: string | null
  readonly handedOverBy: StaffRef | null
  readonly declinedAt: string | null
  readonly declinedBy: StaffRef | null
}

export interface BatteryJob {
  readonly id: number
  readonly roNumber: string
  readonly status: JobStatus
  readonly statusLabel: string
  readonly vehicle: JobVehicleRef
  readonly customer: JobCustomerRef
  /** The installed radio when the job was checked in or its gate decided. */
  readonly radioId: number | null
  readonly retrieval: { readonly id: number; readonly status: string } | null
  readonly checkedInBy: StaffRef | null
  readonly checkedInAt: string
  readonly codeCheckAt: string | null
  readonly serviceStartedAt: string | null
  readonly completedAt: string | null
  readonly gate: JobGate | null
  readonly batteryDisconnectedAt: string | null
  readonly checklist: Checklist
  /** The radio asked for a code after reconnecting and did not get one that works. */
  readonly radioLocked: boolean
  readonly radioStatus: string
  readonly card: JobCard
  readonly notes: string
  readonly updatedAt: string
}

export interface BatteryJobDetail {
  readonly job: BatteryJob
  /** The code situation now (codes entered since check-in count). */
  readonly codeSituation: CodeSituation
  readonly actions: Readonly<Record<JobAction, ActionState>>
  /** The current code, when the radio accepted a code after reconnecting and the code is not yet marked verified: offer “mark it verified”. */
  readonly codeToVerify: number | null
}

export interface CheckInResult {
  readonly detail: BatteryJobDetail
  /** Set when a retrieval request was asked for and could not be opened; the job is checked in regardless. */
  readonly retrievalProblem: string | null
}

export interface CompletionPrompt {
  readonly documents: readonly CompletionDocument[]
  /** Printing arrives in a later version: until then it is recorded as pending. */
  readonly printing: 'pending'
  readonly message: string
}

export interface MarkDoneResult {
  readonly detail: BatteryJobDetail
  readonly completion: CompletionPrompt
}

/** A job in a list (board, vehicle page, pickup reminders). */
export interface BatteryJobSummary {
  readonly id: number
  readonly roNumber: string
  readonly status: JobStatus
  readonly statusLabel: string
  readonly vehicle: JobVehicleRef
  readonly customer: JobCustomerRef
  readonly checkedInAt: string
  readonly completedAt: string | null
  readonly gateLabel: string | null
  readonly batteryDisconnectedAt: string | null
  readonly codeSituation: CodeSituationKind
  /** No code on file, and the radio may need one (and no-code-needed was not decided). */
  readonly codeUnknown: boolean
  readonly radioLocked: boolean
  /** Done, and the card not yet handed over or declined. */
  readonly cardWaiting: boolean
  readonly cardAvailable: CardAvailability
  readonly printingPending: boolean
  readonly retrieval: { readonly id: number; readonly status: string } | null
}

export const BOARD_COLUMNS = ['checked-in', 'code-check', 'in-service', 'done', 'closed'] as const
export type BoardColumnKey = (typeof BOARD_COLUMNS)[number]

export const BOARD_COLUMN_LABELS: Readonly<Record<BoardColumnKey, string>> = {
  'checked-in': 'Checked in',
  'code-check': 'Code check',
  'in-service': 'In service',
  done: 'Done – card waiting',
  closed: 'Closed today: card handed over or declined',
}

export interface BoardColumn {
  readonly key: BoardColumnKey
  readonly label: string
  readonly jobs: readonly BatteryJobSummary[]
}

export type AttentionKind = 'code-unknown' | 'radio-locked' | 'card-waiting' | 'retrieval-follow-up'

export interface AttentionItem {
  readonly kind: AttentionKind
  readonly jobId: number | null
  readonly retrievalRequestId: number | null
  readonly vehicleId: number
  readonly customerId: number | null
  readonly message: string
}

export interface TodayBoard {
  /** The shop's local day, YYYY-MM-DD. */
  readonly day: string
  /**
   * Today's jobs by status: every job not yet closed (whatever day it was
   * checked in), and jobs checked in or closed today. The last column holds
   * jobs closed today (card handed over or declined).
   */
  readonly columns: readonly BoardColumn[]
  /** Codes unknown, radios locked, cards waiting, retrieval requests due for follow-up. */
  readonly attention: readonly AttentionItem[]
}
