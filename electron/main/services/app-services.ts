import type { Kysely } from 'kysely'
import type { AppStatus } from '../../../shared/domain/app-status'
import { AppError } from '../../../shared/api/errors'
import { DatabaseOpenError, openDatabase, type OpenedDatabase } from '../../db/open'
import type { Database } from '../../db/schema'
import type { SearchIndex } from '../../db/search/search-index'
import { sqliteSearchIndex } from '../../db/search/sqlite-search-index'
import { createEventBus, type EventBus } from '../events'
import { createBackupService, type BackupService, type ScheduleOptions } from './backups'
import type { FolderChooser } from '../folder-chooser'
import type { ScryptCost } from '../vault/scrypt'
import fs from 'node:fs'
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
  /** Backups (daily, on exit, manual), their status for Settings, listing and restore. */
  readonly backups: BackupService
  /** The system folder dialog (Electron); null in the browser preview and tests, where the path is typed. */
  readonly folderChooser: FolderChooser | null
  /** Backs up the database (bounded time), then closes everything. */
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
  /** The daily backup timer; false turns it off (tests). Default: first check after 2 minutes, then hourly. */
  readonly backupSchedule?: ScheduleOptions | false
  /** How long close() may spend on the backup on exit (default 15 s); 0 skips it. */
  readonly exitBackupTimeoutMs?: number
  /** The system folder dialog for the backups' second folder (Electron only). */
  readonly folderChooser?: FolderChooser
}

/**
 * Opens the data folder and the database. Never throws for a database
 * problem: the returned status says what is wrong so the UI can show it.
 */
export async function startAppServices(options: StartOptions): Promise<AppServices> {
  const paths = dataPaths(options.dataDir)
  const now = options.now ?? (() => new Date())
  const events = createEventBus()
  let opened: OpenedDatabase | null = null
  let security: Security | null = null
  let status: AppStatus
  let workstationId = ''

  async function startSecurityOn(database: OpenedDatabase): Promise<void> {
    try {
      security = await startSecurity({
        db: database.db,
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

  function readyStatus(database: OpenedDatabase): AppStatus {
    return {
      state: 'ready',
      appVersion: options.appVersion,
      schemaVersion: database.schemaVersion,
      dataDir: paths.dataDir,
      workstationId,
    }
  }

  /*
   * A restore replaces the database while the app runs: the backup service
   * detaches (security and the connection close; requireDb() answers
   * DB_UNAVAILABLE meanwhile), swaps the file and attaches again through
   * openDatabase, so the newer-version guard and migrations apply as at start-up.
   */
  const backups = createBackupService({
    paths,
    now,
    log: options.log,
    get workstationId() {
      return workstationId
    },
    host: {
      current: () => opened,
      async detach() {
        security?.close()
        security = null
        const closing = opened
        opened = null
        await closing?.close()
        events.emit('session.changed', { staffId: null })
      },
      async attach() {
        const database = await openDatabase({ file: paths.dbFile, backupDir: paths.backupsDir, now })
        opened = database
        if (database.preMigrationBackup) options.log.info('backup before migrating', { file: database.preMigrationBackup })
        status = readyStatus(database)
        await startSecurityOn(database)
        events.emit('session.changed', { staffId: null })
        events.emit('data.changed', { entity: 'database', id: null })
        return database
      },
    },
  })

  try {
    workstationId = readOrCreateWorkstationIdSync(paths.workstationFile)
    refuseToStartEmptyOverBackups(paths.dbFile, backups)
    opened = await openDatabase({ file: paths.dbFile, backupDir: paths.backupsDir, now })
    if (opened.preMigrationBackup) options.log.info('backup before migrating', { file: opened.preMigrationBackup })
    status = readyStatus(opened)
  } catch (error) {
    options.log.error('database could not be opened', error)
    const problem = error instanceof DatabaseOpenError ? error.problem : 'DATA_FOLDER_UNAVAILABLE'
    status = {
      state: 'database-error',
      appVersion: options.appVersion,
      dataDir: paths.dataDir,
      problem,
      message:
        error instanceof DatabaseOpenError
          ? error.message
          : `The data folder ${paths.dataDir} cannot be used. Check that it exists and that this Windows user may write to it.`,
      // A damaged file: offer the newest backup that passes integrity_check (never an empty database instead).
      ...(problem === 'DB_UNREADABLE' ? { restorableBackup: safeFindRestorable(backups, options.log) } : {}),
    }
  }
  if (opened) await startSecurityOn(opened)
  if (opened && options.backupSchedule !== false) backups.startSchedule(options.backupSchedule ?? {})
  // Unpacking the decoder's database takes about a second: start it now, never await it.
  const vinDecoder = options.vinDecoder ?? createCorgiVinDecoder({ dataDir: paths.dataDir, log: options.log })
  if ('prepare' in vinDecoder && typeof vinDecoder.prepare === 'function') void vinDecoder.prepare()
  return {
    get status() {
      return status
    },
    paths,
    log: options.log,
    printer: options.printer,
    get workstationId() {
      return workstationId
    },
    now,
    events,
    search: sqliteSearchIndex,
    vinDecoder,
    backups,
    folderChooser: options.folderChooser ?? null,
    requireDb() {
      if (!opened) throw new AppError('DB_UNAVAILABLE', 'The database is not open. See the start screen for why.')
      return opened.db
    },
    actorId() {
      return security?.session.currentStaffId() ?? null
    },
    requireSecurity() {
      if (!security) throw new AppError('DB_UNAVAILABLE', 'The database is not open. See the start screen for why.')
      return security
    },
    async close() {
      backups.stop()
      if (options.exitBackupTimeoutMs !== 0) await backups.backupOnExit(options.exitBackupTimeoutMs ?? 15_000)
      security?.close()
      await vinDecoder.close()
      await opened?.close()
      opened = null
    },
  }
}

/**
 * A missing or empty database file next to good backups is a lost database,
 * not a first start: report it (with the backup to restore) instead of
 * creating an empty database over it.
 */
function refuseToStartEmptyOverBackups(dbFile: string, backups: BackupService): void {
  let size: number | null
  try {
    size = fs.statSync(dbFile).size
  } catch {
    size = null
  }
  if (size !== null && size > 0) return
  if (!backups.findNewestRestorable()) return
  throw new DatabaseOpenError(
    'DB_UNREADABLE',
    `The database file ${dbFile} is ${size === null ? 'missing' : 'empty'}, but backups of it exist. Restore the newest backup rather than starting with an empty database.`,
  )
}

function safeFindRestorable(backups: BackupService, log: Logger): ReturnType<BackupService['findNewestRestorable']> {
  try {
    return backups.findNewestRestorable()
  } catch (error) {
    log.error('looking for a backup to restore failed', error)
    return null
  }
}
