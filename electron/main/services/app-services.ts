import type { Kysely } from 'kysely'
import type { AppStatus } from '../../../shared/domain/app-status'
import { AppError } from '../../../shared/api/errors'
import { DatabaseOpenError, openDatabase, type OpenedDatabase } from '../../db/open'
import type { Database } from '../../db/schema'
import type { SearchIndex } from '../../db/search/search-index'
import { sqliteSearchIndex } from '../../db/search/sqlite-search-index'
import { createEventBus, type EventBus } from '../events'
import type { ScryptCost } from '../vault/scrypt'
import { noSystemKeyStore, startSecurity, type KeyStoreAccess, type Security } from './security'
import type { Logger } from '../log'
import { dataPaths, type DataPaths } from '../paths'
import type { Printer } from '../printing/printer'
import { createCorgiVinDecoder, type VinDecoder } from '../vin-decoder'
import { readOrCreateWorkstationIdSync } from '../workstation'

/** Everything a handler may use. Built once at start-up; free of Electron. */
export interface AppServices {
  readonly status: AppStatus
  readonly paths: DataPaths
  readonly log: Logger
  readonly printer: Printer
  readonly workstationId: string
  readonly now: () => Date
  /** Tells open windows that data changed, so lists refresh by themselves. */
  readonly events: EventBus
  /** The database, or DB_UNAVAILABLE when it could not be opened. */
  requireDb(): Kysely<Database>
  /** Vault, staff, desk session and codes (need the database). */
  requireSecurity(): Security
  /** The staff member at the desk, for audit rows; null before anyone has signed in. */
  actorId(): number | null
  readonly search: SearchIndex
  /** Offline VIN decoding (suggestions only); prepares its data in the background. */
  readonly vinDecoder: VinDecoder
  close(): Promise<void>
}

export interface StartOptions {
  readonly dataDir: string
  readonly appVersion: string
  readonly printer: Printer
  readonly log: Logger
  readonly now?: () => Date
  /** Replaces the offline VIN decoder (tests that do not need its 75 MB database). */
  readonly vinDecoder?: VinDecoder
  /** Where the vault key may be kept; default: nowhere (a passphrase is required). */
  readonly keyStore?: KeyStoreAccess
  /** Lower scrypt cost for PIN hashes (tests only). */
  readonly pinHashCost?: ScryptCost
  /** Sign the desk out after this long without activity (default 5 minutes). */
  readonly idleTimeoutMs?: number
}

/**
 * Opens the data folder and the database. Never throws for a database
 * problem: the returned status says what is wrong so the UI can show it.
 */
export async function startAppServices(options: StartOptions): Promise<AppServices> {
  const paths = dataPaths(options.dataDir)
  const now = options.now ?? (() => new Date())
  let opened: OpenedDatabase | null = null
  let status: AppStatus
  let workstationId = ''
  try {
    workstationId = readOrCreateWorkstationIdSync(paths.workstationFile)
    opened = await openDatabase({ file: paths.dbFile, backupDir: paths.backupsDir, now })
    if (opened.preMigrationBackup) options.log.info('backup before migrating', { file: opened.preMigrationBackup })
    status = {
      state: 'ready',
      appVersion: options.appVersion,
      schemaVersion: opened.schemaVersion,
      dataDir: paths.dataDir,
      workstationId,
    }
  } catch (error) {
    options.log.error('database could not be opened', error)
    status = {
      state: 'database-error',
      appVersion: options.appVersion,
      dataDir: paths.dataDir,
      problem: error instanceof DatabaseOpenError ? error.problem : 'DATA_FOLDER_UNAVAILABLE',
      message:
        error instanceof DatabaseOpenError
          ? error.message
          : `The data folder ${paths.dataDir} cannot be used. Check that it exists and that this Windows user may write to it.`,
    }
  }
  const db = opened?.db ?? null
  const events = createEventBus()
  let security: Security | null = null
  if (opened) {
    try {
      security = await startSecurity({
        db: opened.db,
        workstationId,
        now,
        keyStore: options.keyStore ?? noSystemKeyStore(),
        events,
        log: options.log,
        ...(options.pinHashCost ? { pinHashCost: options.pinHashCost } : {}),
        ...(options.idleTimeoutMs ? { idleTimeoutMs: options.idleTimeoutMs } : {}),
      })
    } catch (error) {
      options.log.error('security services could not start', error)
    }
  }
  // Unpacking the decoder's database takes about a second: start it now, never await it.
  const vinDecoder = options.vinDecoder ?? createCorgiVinDecoder({ dataDir: paths.dataDir, log: options.log })
  if ('prepare' in vinDecoder && typeof vinDecoder.prepare === 'function') void vinDecoder.prepare()
  return {
    status,
    paths,
    log: options.log,
    printer: options.printer,
    workstationId,
    now,
    events,
    search: sqliteSearchIndex,
    vinDecoder,
    requireDb() {
      if (!db) throw new AppError('DB_UNAVAILABLE', 'The database is not open. See the start screen for why.')
      return db
    },
    actorId() {
      return security?.session.currentStaffId() ?? null
    },
    requireSecurity() {
      if (!security) throw new AppError('DB_UNAVAILABLE', 'The database is not open. See the start screen for why.')
      return security
    },
    async close() {
      security?.close()
      await vinDecoder.close()
      await opened?.close()
      opened = null
    },
  }
}
