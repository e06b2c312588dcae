import { AppError } from '../../../shared/api/errors'
import { textContainsCode } from '../../../shared/domain/code-in-text'
import { findRadioCodeSecret } from '../../db/repositories/radio-codes'
import type { RadioSummary } from '../../../shared/domain/radio'
import {
  CHANNEL_KIND_LABELS,
  CODE_SOURCE_FOR_CHANNEL,
  RETRIEVAL_STATUS_LABELS,
  applyChecklistPatch,
  isClosedRetrievalStatus,
  mayReceiveCode,
  nextRetrievalStatuses,
  retrievalTransitionProblem,
  storedRetrievalDataSchema,
  type OpenRetrievalInput,
  type ReceiveRetrievalCodeInput,
  type RetrievalChannelOptions,
  type RetrievalChannelSnapshot,
  type RetrievalChecklistItem,
  type RetrievalFollowUp,
  type RetrievalReceived,
  type RetrievalRequest,
  type RetrievalStatus,
  type StoredRetrievalData,
  type UpdateRetrievalInput,
} from '../../../shared/domain/retrieval'
import { retrievalChannelsFor, type RetrievalRadioFacts } from '../../../shared/domain/retrieval-channels'
import { CHANNEL_KINDS, type ChannelKind } from '../../../shared/knowledge'
import { appendAudit, type AuditEntry } from '../../db/repositories/audit'
import { listRadiosOfVehicle } from '../../db/repositories/radios'
import {
  findCodeState,
  findRetrievalRequest,
  findWaitingRequestIds,
  insertRetrievalRequest,
  listRequestsDueForFollowUp,
  listRetrievalRequestsOfVehicle,
  updateRetrievalRequest,
  type RetrievalRequestPatch,
  type RetrievalRequestRow,
} from '../../db/repositories/retrieval-requests'
import { findVehicleById } from '../../db/repositories/vehicles'
import type { AppServices } from './app-services'
import { keyedLockFor } from './keyed-lock'
import { getKnowledgeBase } from './knowledge'

/*
 * Code retrieval requests (status rules: shared/domain/retrieval.ts).
 *
 * Every change writes its audit row (entity 'code_retrieval_request') in the
 * same transaction; details carry ids, statuses and the channel, never notes
 * or a code. Receiving the code calls the code service's addCode: if it
 * refuses (format, notes, permission), the request does not change. The
 * request row never holds the code: only the id of the code record.
 */

const ENTITY = 'code_retrieval_request'

function isChannelKind(value: string): value is ChannelKind {
  return (CHANNEL_KINDS as readonly string[]).includes(value)
}

/** The stored JSON; a row written by another version that does not parse still shows (without its checklist). */
function storedData(row: RetrievalRequestRow): StoredRetrievalData {
  let parsed: unknown
  try {
    parsed = JSON.parse(row.checklistJson)
  } catch {
    parsed = null
  }
  const result = storedRetrievalDataSchema.safeParse(parsed)
  if (result.success) return result.data
  const kind = row.channel.split('/')[1] ?? ''
  return {
    v: 1,
    channel: {
      ref: row.channel,
      kind,
      kindLabel: isChannelKind(kind) ? CHANNEL_KIND_LABELS[kind] : kind,
      entryId: row.channel.split('/')[0] ?? '',
      entryLabel: '',
      description: '',
      url: null,
      region: null,
      asks: [],
      notes: [],
    },
    items: [],
    codeId: null,
  }
}

function toRequest(row: RetrievalRequestRow): RetrievalRequest {
  const data = storedData(row)
  const kind = data.channel.kind
  const channel: RetrievalChannelSnapshot = { ...data.channel, kind: isChannelKind(kind) ? kind : 'dealer' }
  return {
    id: row.id,
    vehicleId: row.vehicleId,
    radioId: row.radioId,
    customerId: row.customerId,
    channel,
    codeSource: isChannelKind(kind) ? CODE_SOURCE_FOR_CHANNEL[kind] : 'other',
    status: row.status,
    isOpen: !isClosedRetrievalStatus(row.status),
    nextStatuses: nextRetrievalStatuses(row.status),
    canReceiveCode: mayReceiveCode(row.status),
    checklist: data.items,
    followUpOn: row.followUpOn,
    costCents: row.costCents,
    notes: row.notes,
    codeId: data.codeId,
    openedBy: row.openedById === null ? null : { id: row.openedById, name: row.openedByName ?? '' },
    openedAt: row.openedAt,
    updatedAt: row.updatedAt,
    closedAt: row.closedAt,
  }
}

function auditEntry(services: AppServices, now: string, staffId: number, action: string, requestId: number, details: AuditEntry['details']): AuditEntry {
  return { at: now, workstationId: services.workstationId, staffId, action, entityType: ENTITY, entityId: requestId, details }
}

/** The member at the desk, active (SIGNED_OUT / FORBIDDEN otherwise). */
async function requireActiveActor(services: AppServices): Promise<number> {
  const security = services.requireSecurity()
  const actorId = security.requireActor()
  await security.staff.requireActive(actorId)
  return actorId
}

async function requireVehicle(services: AppServices, vehicleId: number) {
  const vehicle = await findVehicleById(services.requireDb(), vehicleId)
  if (!vehicle) throw new AppError('NOT_FOUND', 'That vehicle was not found.')
  return vehicle
}

async function requireRow(services: AppServices, id: number): Promise<RetrievalRequestRow> {
  const row = await findRetrievalRequest(services.requireDb(), id)
  if (!row) throw new AppError('NOT_FOUND', 'That retrieval request was not found.')
  return row
}

function radioFacts(radio: RadioSummary | null): RetrievalRadioFacts | null {
  return radio ? { serial: radio.serial } : null
}

function installedRadios(radios: readonly RadioSummary[]): RadioSummary[] {
  return radios.filter((radio) => radio.removedAt === null)
}

function emitChanged(services: AppServices, requestId: number): void {
  services.events.emit('data.changed', { entity: 'retrieval-request', id: requestId })
}

const lockOf = (services: AppServices) => keyedLockFor(services, 'retrieval-request')

// ---------------------------------------------------------------------------

/** The knowledge base's channels for the vehicle, each with what it asks for and the checklist it starts with. */
export async function retrievalChannelsForVehicle(services: AppServices, vehicleId: number): Promise<RetrievalChannelOptions> {
  const vehicle = await requireVehicle(services, vehicleId)
  const installed = installedRadios(await listRadiosOfVehicle(services.requireDb(), vehicleId))
  return retrievalChannelsFor(getKnowledgeBase(), vehicle, radioFacts(installed.length === 1 ? (installed[0] ?? null) : null))
}

export async function openRetrievalRequest(services: AppServices, input: OpenRetrievalInput): Promise<RetrievalRequest> {
  const actorId = await requireActiveActor(services)
  const db = services.requireDb()
  const vehicle = await requireVehicle(services, input.vehicleId)
  const radios = await listRadiosOfVehicle(db, vehicle.id)
  let radio: RadioSummary | null = null
  if (input.radioId !== null) {
    radio = radios.find((candidate) => candidate.id === input.radioId) ?? null
    if (!radio) {
      throw new AppError('VALIDATION', 'That radio is not on this vehicle.', [{ path: 'radioId', message: 'That radio is not on this vehicle.' }])
    }
  } else {
    const installed = installedRadios(radios)
    radio = installed.length === 1 ? (installed[0] ?? null) : null
  }
  const options = retrievalChannelsFor(getKnowledgeBase(), vehicle, radioFacts(radio))
  const option = options.channels.find((candidate) => candidate.ref === input.channel)
  if (!option) {
    const message =
      options.channels.length === 0
        ? `The radio knowledge base lists no channel for this vehicle, so there is nothing to follow. ${options.explanation}`
        : 'Choose one of the channels the knowledge base lists for this vehicle.'
    throw new AppError('VALIDATION', message, [{ path: 'channel', message }])
  }
  const waiting = await findWaitingRequestIds(db, vehicle.id, option.ref)
  if (waiting.length > 0) {
    throw new AppError('CONFLICT', `Request ${waiting[0]} already follows this channel for this vehicle. Update that one instead.`)
  }
  const data: StoredRetrievalData = {
    v: 1,
    channel: {
      ref: option.ref,
      kind: option.kind,
      kindLabel: option.kindLabel,
      entryId: option.entryId,
      entryLabel: option.entryLabel,
      description: option.description,
      url: option.url,
      region: option.region,
      asks: [...option.asks],
      notes: [...option.notes],
    },
    items: option.checklist.map((item) => ({ ...item, whereToFind: [...item.whereToFind] })),
    codeId: null,
  }
  const now = services.now().toISOString()
  const id = await db.transaction().execute(async (trx) => {
    const requestId = await insertRetrievalRequest(
      trx,
      {
        vehicleId: vehicle.id,
        radioId: radio?.id ?? null,
        customerId: vehicle.currentOwner?.customerId ?? null,
        channel: option.ref,
        checklistJson: JSON.stringify(data),
        followUpOn: input.followUpOn,
        costCents: input.costCents,
        notes: input.notes,
        openedBy: actorId,
      },
      now,
    )
    await appendAudit(
      trx,
      auditEntry(services, now, actorId, 'retrieval.open', requestId, {
        vehicleId: vehicle.id,
        radioId: radio?.id ?? null,
        channel: option.ref,
        kind: option.kind,
        followUpOn: input.followUpOn,
        costCents: input.costCents,
      }),
    )
    return requestId
  })
  emitChanged(services, id)
  return getRetrievalRequest(services, id)
}

export async function getRetrievalRequest(services: AppServices, id: number): Promise<RetrievalRequest> {
  return toRequest(await requireRow(services, id))
}

/** A vehicle's requests, newest first. */
export async function listRetrievalRequestsForVehicle(services: AppServices, vehicleId: number): Promise<RetrievalRequest[]> {
  await requireVehicle(services, vehicleId)
  return (await listRetrievalRequestsOfVehicle(services.requireDb(), vehicleId)).map(toRequest)
}

/** Open requests to chase up on or before the date, the oldest follow-up date first. */
export async function retrievalRequestsDueForFollowUp(services: AppServices, onOrBefore: string, limit: number): Promise<RetrievalFollowUp[]> {
  const rows = await listRequestsDueForFollowUp(services.requireDb(), onOrBefore, limit)
  return rows.map((row) => ({ request: toRequest(row), vehicle: row.vehicle, owner: row.owner }))
}

function closedMessage(status: RetrievalStatus): string {
  return `This request is ${RETRIEVAL_STATUS_LABELS[status].toLowerCase()} and closed: only its notes and cost can change. Open a new request to try again.`
}

/** Changes only the fields given (see the status rules in shared/domain/retrieval.ts). */
export async function updateRetrievalRequestFields(services: AppServices, input: UpdateRetrievalInput): Promise<RetrievalRequest> {
  const actorId = await requireActiveActor(services)
  const security = services.requireSecurity()
  const db = services.requireDb()
  return lockOf(services).run(input.id, async () => {
    const row = await requireRow(services, input.id)
    const data = storedData(row)
    const from = row.status
    const changesStatus = input.status !== undefined && input.status !== from
    if (isClosedRetrievalStatus(from) && (changesStatus || input.checklist !== undefined || input.followUpOn !== undefined)) {
      throw new AppError('CONFLICT', closedMessage(from))
    }
    let to: RetrievalStatus = from
    if (input.status !== undefined && changesStatus) {
      const problem = retrievalTransitionProblem(from, input.status)
      if (problem) throw new AppError('CONFLICT', problem, [{ path: 'status', message: problem }])
      to = input.status
    }
    const closing = to !== from && isClosedRetrievalStatus(to)
    if (closing && input.followUpOn !== undefined && input.followUpOn !== null) {
      throw new AppError('VALIDATION', 'A closed request has no follow-up date.', [
        { path: 'followUpOn', message: 'A closed request has no follow-up date.' },
      ])
    }
    let items: RetrievalChecklistItem[] = data.items
    if (input.checklist !== undefined) {
      const applied = applyChecklistPatch(data.items, input.checklist)
      if (!applied.ok) {
        throw new AppError('VALIDATION', 'That item is not on this request’s checklist.', [
          { path: `checklist.${applied.badIndex}.key`, message: 'That item is not on this request’s checklist.' },
        ])
      }
      items = applied.items
    }

    const now = services.now().toISOString()
    const patch: { -readonly [K in keyof RetrievalRequestPatch]: RetrievalRequestPatch[K] } = {}
    const changed: string[] = []
    if (to !== from) {
      patch.status = to
      changed.push('status')
    }
    if (closing) {
      patch.closedAt = now
      if (row.followUpOn !== null) {
        patch.followUpOn = null
        changed.push('followUpOn')
      }
    } else if (input.followUpOn !== undefined && input.followUpOn !== row.followUpOn) {
      patch.followUpOn = input.followUpOn
      changed.push('followUpOn')
    }
    if (input.costCents !== undefined && input.costCents !== row.costCents) {
      patch.costCents = input.costCents
      changed.push('costCents')
    }
    if (input.notes !== undefined && input.notes !== row.notes) {
      patch.notes = input.notes
      changed.push('notes')
    }
    if (JSON.stringify(items) !== JSON.stringify(data.items)) {
      patch.checklistJson = JSON.stringify({ ...data, items })
      changed.push('checklist')
    }
    if (changed.length === 0) return toRequest(row)

    // Notes are not encrypted: once the code has been received, refuse notes that contain it.
    if (data.codeId !== null && (changed.includes('notes') || changed.includes('checklist'))) {
      const secret = await findRadioCodeSecret(db, data.codeId)
      const code = secret ? security.vault.decryptCode(secret.radioId, secret.ciphertext, secret.keyId) : null
      const leaks =
        code !== null &&
        ((changed.includes('notes') && textContainsCode(input.notes, code)) || items.some((item) => textContainsCode(item.note, code)))
      if (leaks) {
        const message = 'Notes are not encrypted, so they may not contain the radio code. Remove the code from the note.'
        throw new AppError('VALIDATION', message, [{ path: changed.includes('notes') ? 'notes' : 'checklist', message }])
      }
    }

    if (to === 'verified' && from !== 'verified') {
      // The code worked in the radio: the code record says so too (once).
      if (data.codeId === null) throw new AppError('CONFLICT', 'This request has no received code to verify.')
      const code = await findCodeState(db, data.codeId)
      if (!code) throw new AppError('CONFLICT', 'The code record this request received was not found.')
      if (code.verifiedAt === null) {
        await security.codes.markVerified(actorId, data.codeId)
        services.events.emit('data.changed', { entity: 'radio', id: code.radioId })
      }
    }

    await db.transaction().execute(async (trx) => {
      if (!(await updateRetrievalRequest(trx, row.id, patch, now, [from]))) {
        throw new AppError('CONFLICT', 'Someone else changed this request just now. Look at it again and retry.')
      }
      await appendAudit(
        trx,
        auditEntry(services, now, actorId, 'retrieval.update', row.id, {
          vehicleId: row.vehicleId,
          changed: changed.join(','),
          statusBefore: from,
          status: to,
          followUpOn: patch.followUpOn !== undefined ? patch.followUpOn : row.followUpOn,
          costCents: patch.costCents !== undefined ? patch.costCents : row.costCents,
          checklistDone: `${items.filter((item) => item.done).length}/${items.length}`,
        }),
      )
    })
    emitChanged(services, row.id)
    return getRetrievalRequest(services, row.id)
  })
}

function sourceDetailFor(channel: RetrievalChannelSnapshot): string {
  const where = [channel.region, channel.url].filter((part): part is string => part !== null && part !== '').join(', ')
  return `Code retrieval request: ${channel.kindLabel}${where ? ` (${where})` : ''}`.slice(0, 200)
}

/**
 * The code came through the channel: it becomes the radio's code record in
 * one step (typed once), and the request becomes "received". If the code
 * service refuses the code (format without a reason, a code in the notes),
 * nothing changes.
 */
export async function receiveRetrievalCode(services: AppServices, input: ReceiveRetrievalCodeInput): Promise<RetrievalReceived> {
  const actorId = await requireActiveActor(services)
  const security = services.requireSecurity()
  const db = services.requireDb()
  return lockOf(services).run(input.id, async () => {
    const row = await requireRow(services, input.id)
    const data = storedData(row)
    if (!mayReceiveCode(row.status)) {
      if (row.status === 'received') {
        throw new AppError('CONFLICT', 'The code for this request was already received. Mark the request verified once the code works in the radio.')
      }
      throw new AppError('CONFLICT', closedMessage(row.status))
    }
    const radios = await listRadiosOfVehicle(db, row.vehicleId)
    let radioId: number
    if (row.radioId !== null) {
      if (input.radioId !== null && input.radioId !== row.radioId) {
        throw new AppError('VALIDATION', 'This request is for another radio of the vehicle.', [
          { path: 'radioId', message: 'This request is for another radio of the vehicle.' },
        ])
      }
      radioId = row.radioId
    } else if (input.radioId !== null) {
      if (!radios.some((radio) => radio.id === input.radioId)) {
        throw new AppError('VALIDATION', 'That radio is not on this vehicle.', [{ path: 'radioId', message: 'That radio is not on this vehicle.' }])
      }
      radioId = input.radioId
    } else {
      const installed = installedRadios(radios)
      const only = installed.length === 1 ? installed[0] : undefined
      if (!only) {
        throw new AppError(
          'CONFLICT',
          installed.length === 0
            ? 'Add the radio to the vehicle first, then enter the code.'
            : 'The vehicle has several radios installed: say which one the code is for.',
          [{ path: 'radioId', message: 'Say which radio the code is for.' }],
        )
      }
      radioId = only.id
    }
    const notesWithCode =
      textContainsCode(row.notes, input.code) || data.items.some((item) => textContainsCode(item.note, input.code))
    if (notesWithCode) {
      const message = 'This request’s notes contain the code, and notes are not encrypted. Remove it from the notes first, then enter it here.'
      throw new AppError('VALIDATION', message, [{ path: 'code', message }])
    }

    // addCode checks, encrypts, stores and audits in its own transaction; a refusal throws before anything is written.
    const kind = isChannelKind(data.channel.kind) ? data.channel.kind : null
    const code = await security.codes.addCode(actorId, {
      radioId,
      code: input.code,
      source: kind ? CODE_SOURCE_FOR_CHANNEL[kind] : 'other',
      sourceDetail: sourceDetailFor(toRequest(row).channel),
      formatOverrideReason: input.formatOverrideReason,
    })
    const now = services.now().toISOString()
    await db.transaction().execute(async (trx) => {
      const updated = await updateRetrievalRequest(
        trx,
        row.id,
        { status: 'received', radioId, checklistJson: JSON.stringify({ ...data, codeId: code.id }) },
        now,
        ['needed', 'requested'],
      )
      if (!updated) throw new AppError('CONFLICT', 'Someone else changed this request just now. The code was saved on the radio; look at the request again.')
      await appendAudit(
        trx,
        auditEntry(services, now, actorId, 'retrieval.receive', row.id, {
          vehicleId: row.vehicleId,
          radioId,
          codeId: code.id,
          statusBefore: row.status,
          source: code.source,
          formatOverride: code.formatOverrideReason !== null,
        }),
      )
    })
    services.events.emit('data.changed', { entity: 'radio', id: radioId })
    emitChanged(services, row.id)
    return { request: await getRetrievalRequest(services, row.id), code }
  })
}
