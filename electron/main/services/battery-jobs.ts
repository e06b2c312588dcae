import type { Kysely, Transaction } from 'kysely'
import { AppError } from '../../../shared/api/errors'
import {
  JOB_STATUS_LABELS,
  RISK_STATEMENT,
  availableActions,
  boardDaySchema,
  cardAvailability,
  checkInSchema,
  jobChecklistPatchSchema,
  checklistProblems,
  codeClearsGate,
  codeUnknown,
  completionDocuments,
  completionMessage,
  describeGate,
  doneProblems,
  gateDecisionProblem,
  gateDecisionSchema,
  jobIdSchema,
  linkRetrievalSchema,
  mergeChecklist,
  radioLockedAfterReconnect,
  radioStatusSentence,
  summarizeCodeSituation,
  transition,
  type BatteryJob,
  type BatteryJobDetail,
  type BatteryJobSummary,
  type CheckInInput,
  type CheckInResult,
  type JobChecklistPatchInput,
  type CodeSituation,
  type GateDecisionInput,
  type GateDetail,
  type JobAction,
  type JobFacts,
  type JobIdInput,
  type JobStatus,
  type JobVehicleRef,
  type LinkRetrievalInput,
  type MarkDoneResult,
} from '../../../shared/domain/battery-job'
import { describeVehicle } from '../../../shared/domain/vehicle'
import type { RadioGuidance } from '../../../shared/knowledge'
import { appendAudit, type AuditEntry } from '../../db/repositories/audit'
import {
  findBatteryJobRecord,
  findInstalledRadioCodes,
  findOpenJobForVehicle,
  findRetrievalRequestRef,
  findUnclosedJobWithRo,
  insertBatteryJob,
  listJobRecordsForVehicle,
  listJobRecordsWaitingForCard,
  updateBatteryJob,
  type BatteryJobChange,
  type BatteryJobRecord,
} from '../../db/repositories/battery-jobs'
import { findCustomerById } from '../../db/repositories/customers'
import { findVehicleById } from '../../db/repositories/vehicles'
import type { Database } from '../../db/schema'
import { parseInput } from '../staff/parse-input'
import type { AppServices } from './app-services'
import { guidanceForVehicle } from './knowledge'
import { openRetrievalRequest } from './retrieval'
import { jobSearchDocument } from './search-documents'

/*
 * Battery jobs: check-in, the code situation, the pre-disconnect gate, the
 * technician's checklist, completion and the card handover. The rules live
 * in shared/domain/battery-job*.ts (pure, unit-tested); this file loads the
 * facts, applies a rule, and writes the change with its audit row in one
 * transaction. Every change needs a signed-in staff member (SIGNED_OUT
 * otherwise): the job records who did what. No audit row carries a code.
 */

type Executor = Kysely<Database> | Transaction<Database>
type AuditDetails = AuditEntry['details']

/** Opens a code retrieval request (normally the retrieval service); returns its id. */
export type OpenRetrievalHook = (
  services: AppServices,
  request: {
    readonly vehicleId: number
    readonly radioId: number | null
    readonly channel: string
    readonly followUpOn: string | null
    readonly costCents: number | null
    readonly notes: string
  },
) => Promise<{ readonly id: number }>

export interface BatteryJobHooks {
  /** Default: the retrieval service's openRetrievalRequest. */
  readonly openRetrieval?: OpenRetrievalHook
}

const defaultOpenRetrieval: OpenRetrievalHook = (services, request) => openRetrievalRequest(services, request)

// ---------------------------------------------------------------------------
// Local days

/** The shop's local calendar day of a moment, YYYY-MM-DD (the main process runs on the shop's computer). */
export function localDayOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** [start, end) of a local calendar day as ISO-8601 UTC, for comparing with stored timestamps. */
export function localDayRange(day: string): { readonly from: string; readonly to: string } {
  const parsed = parseInput(boardDaySchema, day)
  const [y, m, d] = parsed.split('-').map(Number) as [number, number, number]
  return { from: new Date(y, m - 1, d).toISOString(), to: new Date(y, m - 1, d + 1).toISOString() }
}

// ---------------------------------------------------------------------------
// Facts and views

/** The signed-in staff member (SIGNED_OUT otherwise), still active. */
async function requireActor(services: AppServices): Promise<number> {
  const security = services.requireSecurity()
  const actorId = security.requireActor()
  await security.staff.requireActive(actorId)
  return actorId
}

function vehicleRef(record: BatteryJobRecord): JobVehicleRef {
  return {
    id: record.vehicleId,
    description: describeVehicle({ id: record.vehicleId, ...record.vehicle }),
    ...record.vehicle,
  }
}

/** Looks up knowledge-base guidance once per make/model/year in a list. */
function guidanceCache(): (vehicle: { make: string; model: string; year: number | null }) => RadioGuidance {
  const cache = new Map<string, RadioGuidance>()
  return (vehicle) => {
    const key = JSON.stringify([vehicle.make, vehicle.model, vehicle.year])
    let guidance = cache.get(key)
    if (!guidance) {
      guidance = guidanceForVehicle(vehicle)
      cache.set(key, guidance)
    }
    return guidance
  }
}

type InstalledCodes = Awaited<ReturnType<typeof findInstalledRadioCodes>>

function situationOf(
  vehicleId: number,
  vehicle: { make: string; model: string; year: number | null },
  codes: InstalledCodes,
  guidance: (v: { make: string; model: string; year: number | null }) => RadioGuidance = guidanceForVehicle,
): CodeSituation {
  const installed = codes.get(vehicleId)
  return summarizeCodeSituation({ code: installed?.code ?? null, radioOnFile: installed !== undefined, guidance: guidance(vehicle) })
}

function factsOf(record: BatteryJobRecord, situation: CodeSituation): JobFacts {
  const gate = record.gate?.detail.option ?? null
  return {
    status: record.status,
    gate,
    batteryDisconnected: record.batteryDisconnectedAt !== null,
    checklist: record.checklist,
    card: cardAvailability({ code: situation.code, situation: situation.kind, gate, checklist: record.checklist }),
  }
}

function toJob(record: BatteryJobRecord, situation: CodeSituation): BatteryJob {
  const facts = factsOf(record, situation)
  return {
    id: record.id,
    roNumber: record.roNumber,
    status: record.status,
    statusLabel: JOB_STATUS_LABELS[record.status],
    vehicle: vehicleRef(record),
    customer: { id: record.customerId, name: record.customerName },
    radioId: record.radioId,
    retrieval: record.retrieval,
    checkedInBy: record.checkedInBy,
    checkedInAt: record.checkedInAt,
    codeCheckAt: record.codeCheckAt,
    serviceStartedAt: record.serviceStartedAt,
    completedAt: record.completedAt,
    gate: record.gate
      ? {
          option: record.gate.detail.option,
          label: describeGate(record.gate.detail),
          detail: record.gate.detail,
          decidedBy: record.gate.decidedBy,
          decidedAt: record.gate.decidedAt,
        }
      : null,
    batteryDisconnectedAt: record.batteryDisconnectedAt,
    checklist: record.checklist,
    radioLocked: radioLockedAfterReconnect(record.checklist),
    radioStatus: radioStatusSentence(record.checklist, facts.batteryDisconnected, situation.code !== null),
    card: {
      available: facts.card,
      documents: completionDocuments(facts.card),
      printingPending: record.status === 'done' && record.cardPrintedAt === null,
      printedAt: record.cardPrintedAt,
      handedOverAt: record.cardHandedOverAt,
      handedOverBy: record.cardHandedOverBy,
      declinedAt: record.cardDeclinedAt,
      declinedBy: record.cardDeclinedBy,
    },
    notes: record.notes,
    updatedAt: record.updatedAt,
  }
}

function toSummary(record: BatteryJobRecord, situation: CodeSituation): BatteryJobSummary {
  const facts = factsOf(record, situation)
  return {
    id: record.id,
    roNumber: record.roNumber,
    status: record.status,
    statusLabel: JOB_STATUS_LABELS[record.status],
    vehicle: vehicleRef(record),
    customer: { id: record.customerId, name: record.customerName },
    checkedInAt: record.checkedInAt,
    completedAt: record.completedAt,
    gateLabel: record.gate ? describeGate(record.gate.detail) : null,
    batteryDisconnectedAt: record.batteryDisconnectedAt,
    codeSituation: situation.kind,
    codeUnknown: codeUnknown(situation) && facts.gate !== 'no-code-needed',
    radioLocked: radioLockedAfterReconnect(record.checklist),
    cardWaiting: record.status === 'done',
    cardAvailable: facts.card,
    printingPending: record.status === 'done' && record.cardPrintedAt === null,
    retrieval: record.retrieval,
  }
}

/** Summaries for a list of job records, with one code lookup for all their vehicles. */
export async function summarizeJobRecords(db: Executor, records: readonly BatteryJobRecord[]): Promise<BatteryJobSummary[]> {
  const codes = await findInstalledRadioCodes(
    db,
    records.map((r) => r.vehicleId),
  )
  const guidance = guidanceCache()
  return records.map((record) => toSummary(record, situationOf(record.vehicleId, record.vehicle, codes, guidance)))
}

async function requireRecord(db: Executor, jobId: number): Promise<BatteryJobRecord> {
  const record = await findBatteryJobRecord(db, jobId)
  if (!record) throw new AppError('NOT_FOUND', 'That battery job was not found.')
  return record
}

async function detailOf(db: Executor, record: BatteryJobRecord): Promise<BatteryJobDetail> {
  const codes = await findInstalledRadioCodes(db, [record.vehicleId])
  const situation = situationOf(record.vehicleId, record.vehicle, codes)
  const code = situation.code
  return {
    job: toJob(record, situation),
    codeSituation: situation,
    actions: availableActions(factsOf(record, situation)),
    codeToVerify: code !== null && !code.verified && record.checklist.reconnect.codeEntry === 'accepted' ? code.codeId : null,
  }
}

// ---------------------------------------------------------------------------
// One change: load, check the rule, write, audit, tell the windows

interface Planned {
  readonly change: BatteryJobChange
  readonly details: AuditDetails
}

interface PlanContext {
  readonly trx: Transaction<Database>
  readonly record: BatteryJobRecord
  readonly situation: CodeSituation
  readonly codes: InstalledCodes
  readonly to: JobStatus
  readonly now: string
  readonly actorId: number
}

const AUDIT_ACTIONS: Readonly<Record<JobAction, string>> = {
  'start-code-check': 'job.code-check',
  'decide-gate': 'job.gate',
  'start-service': 'job.service-start',
  'disconnect-battery': 'job.battery-disconnect',
  'record-checklist': 'job.checklist',
  'mark-done': 'job.done',
  'hand-over-card': 'job.card-handed-over',
  'decline-card': 'job.card-declined',
  cancel: 'job.cancel',
  'link-retrieval': 'job.retrieval-link',
}

async function applyAction(
  services: AppServices,
  jobId: number,
  action: JobAction,
  plan: (ctx: PlanContext) => Planned | Promise<Planned>,
): Promise<BatteryJobDetail> {
  const actorId = await requireActor(services)
  const db = services.requireDb()
  const now = services.now().toISOString()
  await db.transaction().execute(async (trx) => {
    const record = await requireRecord(trx, jobId)
    const codes = await findInstalledRadioCodes(trx, [record.vehicleId])
    const situation = situationOf(record.vehicleId, record.vehicle, codes)
    const result = transition(factsOf(record, situation), action)
    if (!result.allowed) throw new AppError('CONFLICT', result.reason)
    const planned = await plan({ trx, record, situation, codes, to: result.to, now, actorId })
    if (!(await updateBatteryJob(trx, jobId, record.status, planned.change, now))) {
      throw new AppError('CONFLICT', 'Someone else changed this job just now. Look at it again and retry.')
    }
    await appendAudit(trx, {
      at: now,
      workstationId: services.workstationId,
      staffId: actorId,
      action: AUDIT_ACTIONS[action],
      entityType: 'battery_job',
      entityId: jobId,
      details: { from: record.status, to: result.to, ...planned.details },
    })
  })
  services.events.emit('data.changed', { entity: 'job', id: jobId })
  return detailOf(db, await requireRecord(db, jobId))
}

// ---------------------------------------------------------------------------
// The service API

/** What the desk is told about this car's radio code (also shown before check-in). */
export async function getCodeSituationForVehicle(services: AppServices, vehicleId: number): Promise<CodeSituation> {
  const db = services.requireDb()
  const vehicle = await findVehicleById(db, vehicleId)
  if (!vehicle) throw new AppError('NOT_FOUND', 'That vehicle was not found.')
  return situationOf(vehicle.id, vehicle, await findInstalledRadioCodes(db, [vehicle.id]))
}

/**
 * Checks a car in for battery service: records the RO number, vehicle,
 * customer (default: the current owner), who checked it in and when, and
 * says the code situation. With `retrieval`, also opens a code retrieval
 * request for the car and links it; if that fails the job is still checked
 * in and `retrievalProblem` says why.
 */
export async function checkInBatteryJob(services: AppServices, input: CheckInInput, hooks: BatteryJobHooks = {}): Promise<CheckInResult> {
  const checkIn = parseInput(checkInSchema, input)
  const actorId = await requireActor(services)
  const db = services.requireDb()
  const vehicle = await findVehicleById(db, checkIn.vehicleId)
  if (!vehicle) throw new AppError('NOT_FOUND', 'That vehicle was not found.')
  const customerId = checkIn.customerId ?? vehicle.currentOwner?.customerId ?? null
  if (customerId === null) {
    throw new AppError('VALIDATION', 'This vehicle has no owner on file: choose the customer dropping it off.', [
      { path: 'customerId', message: 'Choose the customer dropping the car off.' },
    ])
  }
  if (!(await findCustomerById(db, customerId))) throw new AppError('NOT_FOUND', 'That customer was not found.')
  const open = await findOpenJobForVehicle(db, vehicle.id)
  if (open) {
    throw new AppError(
      'CONFLICT',
      `This car already has an open battery job (job ${open.id}, ${JOB_STATUS_LABELS[open.status].toLowerCase()}). Open that job instead.`,
    )
  }
  const sameRo = checkIn.roNumber === '' ? undefined : await findUnclosedJobWithRo(db, checkIn.roNumber)
  if (sameRo) {
    throw new AppError('CONFLICT', `Battery job ${sameRo.id} already has the RO number “${checkIn.roNumber}”. Check the RO number.`, [
      { path: 'roNumber', message: `Already on battery job ${sameRo.id}.` },
    ])
  }
  const now = services.now().toISOString()
  const jobId = await db.transaction().execute(async (trx) => {
    const codes = await findInstalledRadioCodes(trx, [vehicle.id])
    const situation = situationOf(vehicle.id, vehicle, codes)
    const id = await insertBatteryJob(
      trx,
      {
        roNumber: checkIn.roNumber,
        vehicleId: vehicle.id,
        customerId,
        radioId: codes.get(vehicle.id)?.radioId ?? null,
        checkedInBy: actorId,
        notes: checkIn.notes,
      },
      now,
    )
    await services.search.put(trx, 'job', id, jobSearchDocument({ roNumber: checkIn.roNumber }))
    await appendAudit(trx, {
      at: now,
      workstationId: services.workstationId,
      staffId: actorId,
      action: 'job.check-in',
      entityType: 'battery_job',
      entityId: id,
      details: { vehicleId: vehicle.id, customerId, roNumber: checkIn.roNumber, codeSituation: situation.kind },
    })
    return id
  })
  services.events.emit('data.changed', { entity: 'job', id: jobId })

  let retrievalProblem: string | null = null
  if (checkIn.retrieval) {
    try {
      const opened = await (hooks.openRetrieval ?? defaultOpenRetrieval)(services, {
        vehicleId: vehicle.id,
        radioId: null,
        channel: checkIn.retrieval.channel,
        followUpOn: checkIn.retrieval.followUpOn,
        costCents: null,
        notes: `Opened at check-in of battery job ${jobId}.`,
      })
      await linkRetrievalRequest(services, { jobId, retrievalRequestId: opened.id })
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      retrievalProblem = `The car is checked in, but the retrieval request could not be opened: ${error.message}`
    }
  }
  return { detail: await getBatteryJob(services, jobId), retrievalProblem }
}

/** The desk starts working the code question (asking for the card, entering the code). */
export async function startCodeCheck(services: AppServices, input: JobIdInput): Promise<BatteryJobDetail> {
  const { jobId } = parseInput(jobIdSchema, input)
  return applyAction(services, jobId, 'start-code-check', ({ now, situation }) => ({
    change: { status: 'code-check', codeCheckAt: now },
    details: { codeSituation: situation.kind },
  }))
}

/**
 * Records the pre-disconnect decision, after checking it is true against the
 * records (a usable code on file for the installed radio; the knowledge base
 * for "pairs with the car"). Replaces an earlier decision until the battery
 * is disconnected. From checked-in it moves the job to code-check.
 */
export async function decideGate(services: AppServices, input: GateDecisionInput): Promise<BatteryJobDetail> {
  const decision = parseInput(gateDecisionSchema, input)
  return applyAction(services, decision.jobId, 'decide-gate', ({ record, situation, codes, to, now, actorId }) => {
    const problem = gateDecisionProblem(decision, {
      currentCode: situation.code,
      expectation: situation.expectation.kind,
      now,
    })
    if (problem) throw new AppError('VALIDATION', problem, [{ path: 'option', message: problem }])
    let detail: GateDetail
    switch (decision.option) {
      case 'code-on-file': {
        const code = situation.code
        if (!code) throw new AppError('VALIDATION', 'There is no code on file for this car’s radio.')
        detail = { option: 'code-on-file', radioId: code.radioId, codeId: code.codeId, verified: code.verified, source: code.source, note: decision.note }
        break
      }
      case 'no-code-needed':
        detail = { option: 'no-code-needed', reason: decision.reason, note: decision.note }
        break
      case 'memory-saver':
        detail = {
          option: 'memory-saver',
          connection: decision.connection,
          indicatorChecked: true,
          retrievalRequestId: record.retrieval?.id ?? null,
          note: decision.note,
        }
        break
      case 'risk-accepted':
        detail = {
          option: 'risk-accepted',
          acceptedBy: decision.acceptedBy,
          how: decision.how,
          acceptedAt: decision.acceptedAt ?? now,
          statement: RISK_STATEMENT,
          note: decision.note,
        }
        break
    }
    const details: AuditDetails = {
      option: detail.option,
      replaces: record.gate?.detail.option ?? null,
      reason: detail.option === 'no-code-needed' ? detail.reason : null,
      connection: detail.option === 'memory-saver' ? detail.connection : null,
      how: detail.option === 'risk-accepted' ? detail.how : null,
      codeVerified: detail.option === 'code-on-file' ? detail.verified : null,
    }
    return {
      change: {
        gate: { detail, decidedBy: actorId, decidedAt: now },
        radioId: codes.get(record.vehicleId)?.radioId ?? record.radioId,
        ...(to !== record.status ? { status: to, codeCheckAt: now } : {}),
      },
      details,
    }
  })
}

/** The technician takes the car. */
export async function startService(services: AppServices, input: JobIdInput): Promise<BatteryJobDetail> {
  const { jobId } = parseInput(jobIdSchema, input)
  return applyAction(services, jobId, 'start-service', ({ now, record }) => ({
    change: { status: 'in-service', serviceStartedAt: now },
    details: { gate: record.gate?.detail.option ?? null },
  }))
}

/**
 * Records that the battery is disconnected: refused without a gate decision,
 * and for "code on file" when the code on file has changed since and no
 * longer qualifies. With a memory-saver decision the checklist's memory-saver
 * part is filled in from it.
 */
export async function markBatteryDisconnected(services: AppServices, input: JobIdInput): Promise<BatteryJobDetail> {
  const { jobId } = parseInput(jobIdSchema, input)
  return applyAction(services, jobId, 'disconnect-battery', ({ record, situation, now }) => {
    const gate = record.gate?.detail
    if (gate?.option === 'code-on-file' && !codeClearsGate(situation.code)) {
      throw new AppError(
        'CONFLICT',
        'The code on file changed since the pre-disconnect decision and no longer qualifies. Decide again before the battery comes off.',
      )
    }
    const checklist =
      gate?.option === 'memory-saver' && record.checklist.memorySaver === null
        ? { ...record.checklist, memorySaver: { used: true, connection: gate.connection } }
        : undefined
    return {
      change: { batteryDisconnectedAt: now, ...(checklist ? { checklist } : {}) },
      details: { gate: gate?.option ?? null },
    }
  })
}

/** Fills in or corrects parts of the technician's checklist (in service, or done before the job closes). */
export async function recordChecklist(services: AppServices, input: JobChecklistPatchInput): Promise<BatteryJobDetail> {
  const { jobId, ...patch } = parseInput(jobChecklistPatchSchema, input)
  return applyAction(services, jobId, 'record-checklist', ({ record }) => {
    const checklist = mergeChecklist(record.checklist, patch)
    const batteryDisconnected = record.batteryDisconnectedAt !== null
    const problems = checklistProblems(checklist, { batteryDisconnected })
    const [first] = problems
    if (first) throw new AppError('VALIDATION', first.message, problems)
    if (record.status === 'done') {
      const [missing] = doneProblems({ gate: record.gate?.detail.option ?? null, batteryDisconnected, checklist })
      if (missing) throw new AppError('VALIDATION', `The job is done, so its checklist must stay complete: ${missing}`)
    }
    return {
      change: { checklist },
      details: {
        parts: Object.keys(patch)
          .filter((key) => patch[key as keyof typeof patch] !== undefined)
          .join(','),
        batteryTest: checklist.batteryTest?.result ?? null,
        radioLocked: radioLockedAfterReconnect(checklist),
      },
    }
  })
}

/**
 * Marks the service done (the checklist must be complete) and answers with
 * what to print now: the code card and pickup reminder, or the "how to get
 * your radio code" guide when the code is still unknown. Printing comes in a
 * later version; until then the job shows printing as pending.
 */
export async function markJobDone(services: AppServices, input: JobIdInput): Promise<MarkDoneResult> {
  const { jobId } = parseInput(jobIdSchema, input)
  let card: JobFacts['card'] = 'code-unknown'
  const detail = await applyAction(services, jobId, 'mark-done', ({ record, situation, now }) => {
    card = factsOf(record, situation).card
    return {
      change: { status: 'done', completedAt: now },
      details: { card, printing: 'pending', radioLocked: radioLockedAfterReconnect(record.checklist) },
    }
  })
  return { detail, completion: { documents: completionDocuments(card), printing: 'pending', message: completionMessage(card) } }
}

/** The customer has their code card: closes the job (who handed it over, when). */
export async function handOverCard(services: AppServices, input: JobIdInput): Promise<BatteryJobDetail> {
  const { jobId } = parseInput(jobIdSchema, input)
  return applyAction(services, jobId, 'hand-over-card', ({ record, situation, now, actorId }) => ({
    change: { status: 'handed-over', cardHandedOver: { at: now, by: actorId } },
    details: { card: factsOf(record, situation).card },
  }))
}

/** The customer declined the code card: closes the job (who recorded it, when). */
export async function declineCard(services: AppServices, input: JobIdInput): Promise<BatteryJobDetail> {
  const { jobId } = parseInput(jobIdSchema, input)
  return applyAction(services, jobId, 'decline-card', ({ record, situation, now, actorId }) => ({
    change: { status: 'card-declined', cardDeclined: { at: now, by: actorId } },
    details: { card: factsOf(record, situation).card },
  }))
}

/** Stops a job before its battery was disconnected. */
export async function cancelJob(services: AppServices, input: JobIdInput): Promise<BatteryJobDetail> {
  const { jobId } = parseInput(jobIdSchema, input)
  return applyAction(services, jobId, 'cancel', () => ({ change: { status: 'cancelled' }, details: {} }))
}

/** Links a code retrieval request for the same vehicle to the job (replacing an earlier link). */
export async function linkRetrievalRequest(services: AppServices, input: LinkRetrievalInput): Promise<BatteryJobDetail> {
  const { jobId, retrievalRequestId } = parseInput(linkRetrievalSchema, input)
  return applyAction(services, jobId, 'link-retrieval', async ({ trx, record }) => {
    const request = await findRetrievalRequestRef(trx, retrievalRequestId)
    if (!request) throw new AppError('NOT_FOUND', 'That retrieval request was not found.')
    if (request.vehicleId !== record.vehicleId) {
      throw new AppError('VALIDATION', 'That retrieval request is for another vehicle.', [
        { path: 'retrievalRequestId', message: 'That retrieval request is for another vehicle.' },
      ])
    }
    return {
      change: { retrievalRequestId },
      details: { retrievalRequestId, replaces: record.retrieval?.id ?? null },
    }
  })
}

/** A job with its code situation now, and which actions are possible (and why not). */
export async function getBatteryJob(services: AppServices, jobId: number): Promise<BatteryJobDetail> {
  const db = services.requireDb()
  return detailOf(db, await requireRecord(db, jobId))
}

/** A vehicle's battery jobs, newest first. */
export async function listJobsForVehicle(services: AppServices, vehicleId: number): Promise<BatteryJobSummary[]> {
  const db = services.requireDb()
  return summarizeJobRecords(db, await listJobRecordsForVehicle(db, vehicleId))
}

/**
 * Finished jobs of this customer whose card is waiting (not handed over or
 * declined): what the desk is reminded of whenever the customer's record is
 * opened at the counter.
 */
export async function listPendingCardsForCustomer(services: AppServices, customerId: number): Promise<BatteryJobSummary[]> {
  const db = services.requireDb()
  return summarizeJobRecords(db, await listJobRecordsWaitingForCard(db, { customerId }))
}

/** End of day: every job finished by the end of `day` (local) whose card was not handed over or declined, oldest first. */
export async function listEndOfDayUncollectedCards(services: AppServices, day: string): Promise<BatteryJobSummary[]> {
  const db = services.requireDb()
  const { to } = localDayRange(day)
  return summarizeJobRecords(db, await listJobRecordsWaitingForCard(db, { completedBefore: to }))
}
