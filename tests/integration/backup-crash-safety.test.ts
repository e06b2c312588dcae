import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { build } from 'esbuild'
import { Kysely, SqliteDialect } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../electron/db/open'
import { verifyAuditChain } from '../../electron/db/repositories/audit'
import type { Database } from '../../electron/db/schema'
import { makeTempDir, removeTempDir } from '../helpers/temp-dir'

/*
 * Proof 1 (quality anchors A5 #1): kill -9 during writes.
 *
 * A child process (tests/proofs/crash-writer.ts, plain Node on the same
 * binary) writes battery jobs and their audit rows in transactions with the
 * app's openDatabase and repositories, printing each commit. The parent kills
 * it with SIGKILL at a random moment, then checks: integrity_check ok,
 * foreign_key_check empty, jobs = audit rows, and every acknowledged commit is
 * there. CRASH_CYCLES overrides the number of cycles (default 120).
 */

const ROOT = path.resolve(__dirname, '../..')
const CYCLES = Number(process.env['CRASH_CYCLES'] ?? 120)
const PREFIX = 'CRASH-'

let dir = ''
let bundle = ''

beforeAll(async () => {
  dir = makeTempDir('rcd-crash-')
  // Next to node_modules, so the external better-sqlite3 resolves.
  bundle = path.join(ROOT, '.tmp', 'proofs', `crash-writer-${process.pid}.cjs`)
  await build({
    entryPoints: [path.join(ROOT, 'tests/proofs/crash-writer.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['better-sqlite3'],
    outfile: bundle,
    logLevel: 'silent',
  })
})

afterAll(() => {
  if (dir) removeTempDir(dir)
  if (bundle) fs.rmSync(bundle, { force: true })
})

interface CycleResult {
  readonly acknowledged: number[]
  readonly ready: boolean
  readonly stderr: string
}

/**
 * Spawns the writer and SIGKILLs it `killAfterMs` after it said "ready"
 * (mid-write), or after spawn when `duringOpen` (while it opens the database).
 */
function runAndKill(dbFile: string, killAfterMs: number, duringOpen: boolean): Promise<CycleResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, dbFile, path.join(dir, 'backups')], { stdio: ['ignore', 'pipe', 'pipe'] })
    const acknowledged: number[] = []
    let ready = false
    let buffered = ''
    let stderr = ''
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk
      let newline: number
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline)
        buffered = buffered.slice(newline + 1)
        if (line.startsWith('commit ')) acknowledged.push(Number(line.slice(7)))
        else if (line.startsWith('ready ')) {
          ready = true
          if (!duringOpen) setTimeout(() => child.kill('SIGKILL'), killAfterMs)
        }
      }
    })
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk
    })
    // During open: kill on time. Otherwise this is only a safety net should "ready" never come.
    const timer = setTimeout(() => child.kill('SIGKILL'), duringOpen ? killAfterMs : 20_000)
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      if (signal !== 'SIGKILL') {
        reject(new Error(`crash-writer exited by itself (code ${code}, signal ${signal}): ${stderr}`))
        return
      }
      resolve({ acknowledged, ready, stderr })
    })
  })
}

interface Verdict {
  readonly integrityOk: boolean
  readonly problems: string[]
  readonly lost: number
  readonly rows: number
}

function verify(dbFile: string, acknowledged: ReadonlySet<number>): Verdict {
  // Read-write, as the app opens it: SQLite recovers the hot WAL on open.
  const sqlite = new BetterSqlite3(dbFile, { fileMustExist: true })
  try {
    const problems: string[] = []
    const integrity = sqlite.pragma('integrity_check', { simple: true })
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`)
    const fk = sqlite.pragma('foreign_key_check') as unknown[]
    if (fk.length > 0) problems.push(`foreign_key_check: ${JSON.stringify(fk.slice(0, 3))}`)
    const jobs = sqlite.prepare(`select count(*) from battery_jobs where ro_number like '${PREFIX}%'`).pluck().get() as number
    const audits = sqlite.prepare("select count(*) from audit_log where action = 'job.check-in'").pluck().get() as number
    if (jobs !== audits) problems.push(`jobs ${jobs} != audit rows ${audits}`)
    const present = new Set(
      (sqlite.prepare(`select ro_number from battery_jobs where ro_number like '${PREFIX}%'`).pluck().all() as string[]).map((ro) =>
        Number(ro.slice(PREFIX.length)),
      ),
    )
    let lost = 0
    for (const seq of acknowledged) if (!present.has(seq)) lost++
    return { integrityOk: problems.length === 0, problems, lost, rows: jobs }
  } finally {
    sqlite.close()
  }
}

describe('crash safety: SIGKILL during writes', () => {
  it(`survives ${CYCLES} kills with no integrity failure and no lost acknowledged commit`, async () => {
    const dbFile = path.join(dir, 'radio-code-desk.sqlite')
    // Created (and migrated) before the kills: the proof is about commits, not about a first start.
    const setup = await openDatabase({ file: dbFile, backupDir: path.join(dir, 'backups') })
    setup.sqlite
      .prepare("insert into customers (name, search_key, created_at, updated_at) values ('Crash Test', 'CRASH TEST', 'now', 'now')")
      .run()
    setup.sqlite.prepare("insert into vehicles (make, model, created_at, updated_at) values ('Honda', 'Civic', 'now', 'now')").run()
    await setup.close()

    const started = performance.now()
    const acknowledged = new Set<number>()
    let integrityFailures = 0
    let lostCommits = 0
    let killedWhileWriting = 0
    const failures: string[] = []
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      // One cycle in five is killed 20–200 ms after spawn (often while opening the database);
      // the others 1–150 ms after the writer said it is ready (mid-transaction, mid-commit, mid-checkpoint).
      const duringOpen = cycle % 5 === 4
      const result = await runAndKill(dbFile, duringOpen ? 20 + Math.floor(Math.random() * 180) : 1 + Math.floor(Math.random() * 150), duringOpen)
      if (!duringOpen && !result.ready) failures.push(`cycle ${cycle}: the writer never became ready: ${result.stderr}`)
      for (const seq of result.acknowledged) acknowledged.add(seq)
      if (result.acknowledged.length > 0) killedWhileWriting++
      const verdict = verify(dbFile, acknowledged)
      if (!verdict.integrityOk) {
        integrityFailures++
        failures.push(`cycle ${cycle}: ${verdict.problems.join('; ')}`)
      }
      lostCommits += verdict.lost
      if (verdict.lost > 0) failures.push(`cycle ${cycle}: ${verdict.lost} acknowledged commits missing`)
    }
    const seconds = (performance.now() - started) / 1000

    const sqlite = new BetterSqlite3(dbFile, { fileMustExist: true })
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
    const chain = await verifyAuditChain(db)
    await db.destroy()

    console.log(`crash cycles: ${CYCLES}, integrity failures: ${integrityFailures}, lost commits: ${lostCommits}`)
    console.log(
      `crash proof figures: ${acknowledged.size} acknowledged commits, ${killedWhileWriting} kills mid-write, audit chain ${chain.ok ? 'intact' : 'BROKEN'}, ${seconds.toFixed(1)} s`,
    )
    expect(failures).toEqual([])
    expect(integrityFailures).toBe(0)
    expect(lostCommits).toBe(0)
    expect(acknowledged.size).toBeGreaterThan(CYCLES) // the kills really hit a writing process
    expect(killedWhileWriting).toBeGreaterThanOrEqual(Math.floor(CYCLES / 2))
    expect(chain.ok).toBe(true)
  }, 180_000)
})
