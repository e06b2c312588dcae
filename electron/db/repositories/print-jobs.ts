import type { Kysely } from 'kysely'
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
