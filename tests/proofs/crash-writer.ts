/*
 * Child process of the crash-safety proof (tests/integration/backup-crash-safety.test.ts).
 *
 * Opens the shop database with the app's own openDatabase (WAL,
 * synchronous=FULL, foreign keys) and loops: one transaction = one battery job
 * (the app's insertBatteryJob) + its audit row (the app's appendAudit, hash
 * chained). After each COMMIT it prints "commit <seq>" on stdout; the parent
 * SIGKILLs it at a random moment and then checks every acknowledged seq is there.
 *
 * Bundled with esbuild by the test (better-sqlite3 stays external) and run
 * with process.execPath: plain Node, no loader.
 *
 * Usage: node crash-writer.cjs <dbFile> <backupDir>
 */
import { openDatabase } from '../../electron/db/open'
import { appendAudit } from '../../electron/db/repositories/audit'
import { insertBatteryJob } from '../../electron/db/repositories/battery-jobs'

const PREFIX = 'CRASH-'

async function main(): Promise<void> {
  const [file, backupDir] = process.argv.slice(2)
  if (!file || !backupDir) throw new Error('usage: crash-writer <dbFile> <backupDir>')
  const opened = await openDatabase({ file, backupDir })
  const { db, sqlite } = opened
  const vehicle = sqlite.prepare('select id from vehicles order by id limit 1').pluck().get() as number | undefined
  const customer = sqlite.prepare('select id from customers order by id limit 1').pluck().get() as number | undefined
  if (vehicle === undefined || customer === undefined) throw new Error('the parent must create one customer and one vehicle first')
  let seq =
    (sqlite
      .prepare(`select coalesce(max(cast(substr(ro_number, ${PREFIX.length + 1}) as integer)), 0) from battery_jobs where ro_number like '${PREFIX}%'`)
      .pluck()
      .get() as number) + 1
  process.stdout.write(`ready ${seq}\n`)
  for (;;) {
    const at = new Date().toISOString()
    const current = seq
    await db.transaction().execute(async (trx) => {
      const jobId = await insertBatteryJob(
        trx,
        { roNumber: `${PREFIX}${current}`, vehicleId: vehicle, customerId: customer, radioId: null, checkedInBy: null, notes: 'crash proof' },
        at,
      )
      await appendAudit(trx, {
        at,
        workstationId: 'crash-proof',
        staffId: null,
        action: 'job.check-in',
        entityType: 'battery-job',
        entityId: jobId,
        details: { seq: current },
      })
    })
    // Only after COMMIT returned: this is the acknowledgement the parent holds us to.
    process.stdout.write(`commit ${current}\n`)
    seq++
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
})
