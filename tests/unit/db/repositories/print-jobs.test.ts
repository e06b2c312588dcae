import { describe, expect, it } from 'vitest'
import { findPrintJob, finishPrintJob, insertPrintJob, type NewPrintJob } from '../../../../electron/db/repositories/print-jobs'
import { useTestDatabase } from '../../../helpers/db'

const database = useTestDatabase()

const job: NewPrintJob = {
  documentType: 'test-page',
  batteryJobId: null,
  printerName: 'Front desk',
  options: { pageSize: { widthMm: 215.9, heightMm: 279.4 } },
  requestedBy: null,
  workstationId: '6f1c0d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f',
  requestedAt: '2026-11-24T06:00:00.000Z',
}

describe('print jobs repository', () => {
  it('records a new job as printing, with its options as JSON', async () => {
    const id = await insertPrintJob(database.current.db, job)
    expect(await findPrintJob(database.current.db, id)).toEqual({
      id,
      document_type: 'test-page',
      battery_job_id: null,
      printer_name: 'Front desk',
      options_json: '{"pageSize":{"widthMm":215.9,"heightMm":279.4}}',
      status: 'printing',
      error: '',
      requested_by: null,
      workstation_id: job.workstationId,
      requested_at: job.requestedAt,
      finished_at: null,
    })
  })

  it('finishes a job with its status, error and time, leaving other jobs alone', async () => {
    const first = await insertPrintJob(database.current.db, job)
    const second = await insertPrintJob(database.current.db, job)
    await finishPrintJob(database.current.db, first, 'failed', 'Printer offline', '2026-11-24T06:00:05.000Z')
    expect(await findPrintJob(database.current.db, first)).toMatchObject({
      status: 'failed',
      error: 'Printer offline',
      finished_at: '2026-11-24T06:00:05.000Z',
    })
    expect(await findPrintJob(database.current.db, second)).toMatchObject({ status: 'printing', error: '', finished_at: null })
  })

  it('returns undefined for a job that does not exist', async () => {
    expect(await findPrintJob(database.current.db, 4242)).toBeUndefined()
  })

  it('refuses a battery job id that does not exist', async () => {
    await expect(insertPrintJob(database.current.db, { ...job, batteryJobId: 77 })).rejects.toMatchObject({
      code: 'SQLITE_CONSTRAINT_FOREIGNKEY',
    })
  })

  it('refuses a status outside the allowed list', async () => {
    const id = await insertPrintJob(database.current.db, job)
    await expect(
      finishPrintJob(database.current.db, id, 'exploded' as 'failed', '', '2026-11-24T06:00:05.000Z'),
    ).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_CHECK' })
    expect(await findPrintJob(database.current.db, id)).toMatchObject({ status: 'printing' })
  })
})
