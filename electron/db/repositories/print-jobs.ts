import { sql, type Kysely } from 'kysely'
import type { Database, PrintJobsTable } from '../schema'

export interface NewPrintJob {
  readonly documentType: string
  readonly batteryJobId: number | null
  readonly printerName: string
  readonly options: Readonly<Record<string, unknown>>
  readonly requestedBy: number | null
  readonly workstationId: string
  readonly requestedAt: string
}

export async function insertPrintJob(db: Kysely<Database>, job: NewPrintJob): Promise<number> {
  const row = await db
    .insertInto('print_jobs')
    .values({
      document_type: job.documentType,
      battery_job_id: job.batteryJobId,
      printer_name: job.printerName,
      options_json: JSON.stringify(job.options),
      status: 'printing',
      requested_by: job.requestedBy,
      workstation_id: job.workstationId,
      requested_at: job.requestedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function finishPrintJob(
  db: Kysely<Database>,
  id: number,
  status: PrintJobsTable['status'],
  error: string,
  finishedAt: string,
): Promise<void> {
  await db.updateTable('print_jobs').set({ status, error, finished_at: finishedAt }).where('id', '=', id).execute()
}

export async function findPrintJob(db: Kysely<Database>, id: number) {
  return db.selectFrom('print_jobs').selectAll().where('id', '=', id).executeTakeFirst()
}

export interface PrintHistoryRow {
  readonly id: number
  readonly documentType: string
  readonly batteryJobId: number | null
  readonly printerName: string
  readonly optionsJson: string
  readonly status: PrintJobsTable['status']
  readonly error: string
  readonly requestedById: number | null
  readonly requestedByName: string | null
  readonly workstationId: string
  readonly requestedAt: string
  readonly finishedAt: string | null
}

/**
 * Print jobs for one battery job, or for one vehicle (its jobs' prints and
 * the prints made from the vehicle page), newest first.
 */
export async function listPrintHistory(
  db: Kysely<Database>,
  target: { readonly batteryJobId: number } | { readonly vehicleId: number },
  limit = 100,
): Promise<PrintHistoryRow[]> {
  let query = db
    .selectFrom('print_jobs as p')
    .leftJoin('staff as s', 's.id', 'p.requested_by')
    .select([
      'p.id as id',
      'p.document_type as documentType',
      'p.battery_job_id as batteryJobId',
      'p.printer_name as printerName',
      'p.options_json as optionsJson',
      'p.status as status',
      'p.error as error',
      'p.requested_by as requestedById',
      's.name as requestedByName',
      'p.workstation_id as workstationId',
      'p.requested_at as requestedAt',
      'p.finished_at as finishedAt',
    ])
  if ('batteryJobId' in target) {
    query = query.where('p.battery_job_id', '=', target.batteryJobId)
  } else {
    const vehicleId = target.vehicleId
    query = query.where((eb) =>
      eb.or([
        eb('p.battery_job_id', 'in', eb.selectFrom('battery_jobs').select('id').where('vehicle_id', '=', vehicleId)),
        eb.and([eb('p.battery_job_id', 'is', null), eb(sql<number>`json_extract(p.options_json, '$.vehicleId')`, '=', vehicleId)]),
      ]),
    )
  }
  return query.orderBy('p.requested_at', 'desc').orderBy('p.id', 'desc').limit(limit).execute()
}
