import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { dataPaths } from '../../electron/main/paths'
import { stats, type Stats } from '../measure'

/*
 * Cold open: each run is a fresh Node process that opens the database, checks
 * migrations, starts the services and runs the first search (cold-open-child.ts).
 * Runs alternate between a warm OS file cache and one with the database's
 * pages evicted first (dd iflag=nocache), which is what the first start of
 * the day sees.
 */

const CHILD = path.join(__dirname, 'cold-open-child.ts')

export interface ChildFigures {
  readonly loadedMs: number
  readonly openMs: number
  readonly firstSearchMs: number
  readonly totalMs: number
  readonly rows: number
  readonly maxRssMb?: number
  readonly peakHeapMb?: number
}

export function runChild(args: readonly string[]): ChildFigures {
  const result = spawnSync(process.execPath, ['--import', 'tsx', CHILD, ...args], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 })
  if (result.status !== 0) throw new Error(`cold-open child failed (${result.status}): ${result.stderr}`)
  const line = result.stdout.trim().split('\n').pop() ?? ''
  return JSON.parse(line) as ChildFigures
}

/** Drops the database file's pages from the OS cache (Linux; a no-op where dd cannot). */
export function evictFromPageCache(dataDir: string): boolean {
  let ok = true
  for (const file of [dataPaths(dataDir).dbFile, `${dataPaths(dataDir).dbFile}-wal`]) {
    if (!fs.existsSync(file)) continue
    const result = spawnSync('dd', [`if=${file}`, 'iflag=nocache', 'count=0', 'status=none'])
    ok &&= result.status === 0
  }
  return ok
}

export interface ColdOpenFigures {
  readonly warm: Stats
  readonly warmFloor: Stats
  readonly evicted: Stats
  readonly evictedFloor: Stats
  readonly evictionWorked: boolean
  /** Process start to ready to search (module loading with tsx included), warm runs. */
  readonly processToReady: Stats
  readonly firstSearchRows: number
}

export function benchColdOpen(dataDir: string, managerId: number, query: string, runs: number): ColdOpenFigures {
  const warm: number[] = []
  const warmFloor: number[] = []
  const evicted: number[] = []
  const evictedFloor: number[] = []
  const processToReady: number[] = []
  let evictionWorked = true
  let rows = 0
  const app = ['--mode', 'app', '--data-dir', dataDir, '--manager', String(managerId), '--query', query]
  const floor = ['--mode', 'floor', '--data-dir', dataDir, '--query', query]
  runChild(app) // the first run pays for tsx's own cache; not counted
  for (let i = 0; i < runs; i += 1) {
    const a = runChild(app)
    warm.push(a.totalMs)
    processToReady.push(a.loadedMs + a.totalMs)
    rows = a.rows
    warmFloor.push(runChild(floor).totalMs)
    evictionWorked &&= evictFromPageCache(dataDir)
    evicted.push(runChild(app).totalMs)
    evictionWorked &&= evictFromPageCache(dataDir)
    evictedFloor.push(runChild(floor).totalMs)
  }
  return {
    warm: stats(warm),
    warmFloor: stats(warmFloor),
    evicted: stats(evicted),
    evictedFloor: stats(evictedFloor),
    evictionWorked,
    processToReady: stats(processToReady),
    firstSearchRows: rows,
  }
}
