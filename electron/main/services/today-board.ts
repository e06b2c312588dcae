import {
  BOARD_COLUMNS,
  BOARD_COLUMN_LABELS,
  boardDaySchema,
  type AttentionItem,
  type BatteryJobSummary,
  type BoardColumnKey,
  type JobStatus,
  type TodayBoard,
} from '../../../shared/domain/battery-job'
import { describeVehicle } from '../../../shared/domain/vehicle'
import { listBoardJobRecords, listRetrievalRequestsDue } from '../../db/repositories/battery-jobs'
import { parseInput } from '../staff/parse-input'
import type { AppServices } from './app-services'
import { localDayRange, summarizeJobRecords } from './battery-jobs'

/*
 * The Today board, as data (the screen comes later): the day's battery jobs
 * by status, and what needs attention. A job stays on the board until it is
 * closed, whatever day it was checked in: a finished job whose card has not
 * been handed over is the pickup reminder.
 */

const COLUMN_OF: Readonly<Record<JobStatus, BoardColumnKey | null>> = {
  'checked-in': 'checked-in',
  'code-check': 'code-check',
  'in-service': 'in-service',
  done: 'done',
  'handed-over': 'closed',
  'card-declined': 'closed',
  cancelled: null,
}

function who(job: BatteryJobSummary): string {
  const ro = job.roNumber === '' ? '' : `RO ${job.roNumber}, `
  return `${job.vehicle.description} (${ro}${job.customer.name})`
}

function attentionFor(job: BatteryJobSummary): AttentionItem[] {
  const base = { jobId: job.id, retrievalRequestId: job.retrieval?.id ?? null, vehicleId: job.vehicle.id, customerId: job.customer.id }
  const items: AttentionItem[] = []
  if (job.status === 'cancelled' || job.status === 'handed-over' || job.status === 'card-declined') return items
  if (job.radioLocked) {
    items.push({
      ...base,
      kind: 'radio-locked',
      message: `${who(job)}: the radio is locked after the battery service. ${
        job.retrieval ? `Keep after retrieval request ${job.retrieval.id}.` : 'Open a code retrieval request.'
      }`,
    })
  } else if (job.codeUnknown) {
    items.push({
      ...base,
      kind: 'code-unknown',
      message: `${who(job)}: the radio code is unknown. ${
        job.retrieval ? `Retrieval request ${job.retrieval.id} is ${job.retrieval.status}.` : 'No retrieval request is open yet.'
      }`,
    })
  }
  if (job.status === 'done') {
    items.push({
      ...base,
      kind: 'card-waiting',
      message:
        job.cardAvailable === 'code-unknown'
          ? `${who(job)}: finished; the code card is waiting for the code.`
          : `${who(job)}: finished; the code card has not been handed over.`,
    })
  }
  return items
}

/**
 * Today's board for the shop's local day `day` (YYYY-MM-DD): jobs by status
 * (checked in, code check, in service, done, closed today) and attention
 * items: codes unknown, radios locked, cards waiting, and open retrieval
 * requests due for follow-up on or before `day`.
 */
export async function getTodayBoard(services: AppServices, day: string): Promise<TodayBoard> {
  const today = parseInput(boardDaySchema, day)
  const db = services.requireDb()
  const { from, to } = localDayRange(today)
  const jobs = await summarizeJobRecords(db, await listBoardJobRecords(db, from, to))

  const byColumn = new Map<BoardColumnKey, BatteryJobSummary[]>(BOARD_COLUMNS.map((key) => [key, []]))
  for (const job of jobs) {
    const key = COLUMN_OF[job.status]
    if (key) byColumn.get(key)?.push(job)
  }

  const attention: AttentionItem[] = jobs.flatMap(attentionFor)
  for (const request of await listRetrievalRequestsDue(db, today)) {
    const vehicle = describeVehicle({ id: request.vehicleId, ...request.vehicle })
    const job = jobs.find((candidate) => candidate.retrieval?.id === request.id)
    attention.push({
      kind: 'retrieval-follow-up',
      jobId: job?.id ?? null,
      retrievalRequestId: request.id,
      vehicleId: request.vehicleId,
      customerId: request.customerId,
      message: `Retrieval request ${request.id} for the ${vehicle} is due for follow-up (${request.followUpOn}).`,
    })
  }

  return {
    day: today,
    columns: BOARD_COLUMNS.map((key) => ({ key, label: BOARD_COLUMN_LABELS[key], jobs: byColumn.get(key) ?? [] })),
    attention,
  }
}
