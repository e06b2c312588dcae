import fs from 'node:fs'
import path from 'node:path'
import { AppError } from '../../../shared/api/errors'
import {
  BACKUP_WARNING_AGE_MS,
  ROTATED_BACKUP_KINDS,
  backupFileName,
  backupStamp,
  parseBackupFileName,
  type BackupCheck,
  type BackupFileInfo,
  type BackupKind,
  type BackupListEntry,
  type BackupLocation,
  type BackupRefusalReason,
  type BackupSettings,
  type BackupStatus,
  type RestorableBackup,
  type RestoreReport,
} from '../../../shared/domain/backup'
import { backupDatabase, copyBackupFileSync, fsyncFileSync } from '../../db/backup'
import { inspectBackupFileSync } from '../../db/backup-inspect'
import { DEFAULT_ROTATION, planRotation, type RotationPolicy } from '../../db/backup-rotation'
import type { OpenedDatabase } from '../../db/open'
import { appendAudit } from '../../db/repositories/audit'
import { readShopSetting, writeShopSetting } from '../../db/repositories/settings'
import { removeSidecarsAndFile, setAsideDamagedFilesSync, stageRestoreCopy, swapInRestoredCopySync } from '../../db/restore'
import type { Logger } from '../log'
import type { DataPaths } from '../paths'

/** shop_settings key holding BackupSettings. */
export const BACKUP_SETTINGS_KEY = 'backup'
/**
 * A copy of the second-folder setting outside the database, so the start
 * screen can look for backups there when the database itself cannot be read.
 */
export const BACKUP_SETTINGS_MIRROR = 'backup-settings.json'

export const DAILY_INTERVAL_MS = 24 * 60 * 60 * 1000

/** How the backup service reaches the app's one database connection. */
export interface DatabaseHost {
  /** The open database, or null (not opened, or being swapped). */
  current(): OpenedDatabase | null
  /** Closes the database and everything built on it. */
  detach(): Promise<void>
  /** Opens the data folder's database with openDatabase (migrating an older file) and restarts what uses it. */
  attach(): Promise<OpenedDatabase>
}

export interface BackupServiceOptions {
  readonly paths: DataPaths
  readonly now: () => Date
  readonly log: Logger
  readonly workstationId: string
  readonly host: DatabaseHost
  readonly rotation?: RotationPolicy
  /** Backup API pages per step (default 100: one step per event-loop turn). */
  readonly pagesPerStep?: number
}

export interface ScheduleOptions {
  /** First check after start-up (default 2 minutes: start-up stays fast). */
  readonly firstCheckAfterMs?: number
  /** Then every (default 1 hour); a backup runs when the newest one is a day old. */
  readonly checkEveryMs?: number
}

/** A restore that was refused; nothing was changed. */
export class BackupRefusedError extends AppError {
  readonly reason: BackupRefusalReason | 'SAME_FILE' | 'BUSY'
  constructor(reason: BackupRefusalReason | 'SAME_FILE' | 'BUSY', message: string) {
    super(reason === 'NOT_FOUND' ? 'NOT_FOUND' : reason === 'BUSY' ? 'CONFLICT' : 'VALIDATION', message)
    this.reason = reason
  }
}

export interface RestoreOptions {
  /** Who asked (audited); null at start-up, when nobody can sign in. */
  readonly staffId?: number | null
  /**
   * Runs once it is this restore's turn (after any backup or restore before
   * it) and before anything is touched; throwing refuses the restore. For
   * conditions that another restore could change meanwhile, such as "the
   * database is still unreadable".
   */
  readonly onlyIf?: () => void
  /** The restore offered by the start screen for an unreadable database (said so in the audit row). */
  readonly atStartUp?: boolean
}

export interface BackupService {
  /** For Settings: last good backup (time, file, size, where) and a warning when none is recent. */
  status(): Promise<BackupStatus>
  settings(): Promise<BackupSettings>
  /** Manager only (the caller checks). Null turns the second folder off. The folder must be writable. */
  setSecondFolder(folder: string | null, staffId: number | null): Promise<BackupSettings>
  /**
   * Backs up the open database now: into backups/, then a checked copy into
   * the second folder when one is set. Resolves with the data-folder file.
   * Backups run one at a time; a second call waits for the first.
   */
  backupNow(kind?: Extract<BackupKind, 'daily' | 'exit' | 'manual'>, signal?: AbortSignal): Promise<BackupFileInfo>
  /**
   * Every backup in both places, newest first, with what each holds (read-only;
   * counts only: each file was checked when written, and restore checks again).
   */
  list(): Promise<BackupListEntry[]>
  /**
   * A backup taken by someone at the desk ("Back up now"): like
   * backupNow('manual'), and audited as backup.manual.
   */
  backupNowBy(staffId: number | null): Promise<BackupFileInfo>
  /** Checks one file (integrity_check) and says what it holds; never changes anything. */
  inspect(file: string): BackupCheck
  /**
   * The listed backup (in backups/ or the second folder, named as a backup,
   * a plain file and not a link) at `file`, or null. Restores asked for over
   * the contract only accept files this finds: never an arbitrary path.
   */
  findListed(file: string): Promise<BackupFileInfo | null>
  /**
   * Manager only (the caller checks). Replaces the database by `file`:
   * refuses (BackupRefusedError, nothing changed) a file that is garbage,
   * damaged, foreign or from a newer version; otherwise backs up the current
   * database (or sets aside the damaged files), swaps the restored copy in,
   * reopens (migrating an older backup) and reports. Everyone is signed out.
   */
  restore(file: string, options?: RestoreOptions): Promise<RestoreReport>
  /** The newest backup in either place that passes integrity_check and is not from a newer version. */
  findNewestRestorable(): RestorableBackup | null
  /** Starts the daily timer (unref'd: it never keeps the app alive). */
  startSchedule(options?: ScheduleOptions): void
  /** Backs up before closing, bounded by `timeoutMs`; skipped when nothing changed since the last backup. Never throws. */
  backupOnExit(timeoutMs?: number): Promise<BackupFileInfo | null>
  /** Stops the timer. */
  stop(): void
}

export function createBackupService(options: BackupServiceOptions): BackupService {
  const { paths, now, log, host } = options
  const rotation = options.rotation ?? DEFAULT_ROTATION
  let queue: Promise<unknown> = Promise.resolve()
  let running = 0
  let timer: NodeJS.Timeout | null = null
  let lastFailure: BackupStatus['lastFailure'] = null
  /** total_changes() of the connection at the last backup, to skip an exit backup when nothing changed. */
  let changesAtLastBackup: { sqlite: unknown; changes: number } | null = null

  /** Runs `task` after every earlier backup/restore has finished. */
  function exclusive<T>(task: () => Promise<T>): Promise<T> {
    running++
    const result = queue.then(task, task)
    queue = result.then(
      () => undefined,
      () => undefined,
    )
    return result.finally(() => {
      running--
    })
  }

  function mirrorFile(): string {
    return path.join(paths.dataDir, BACKUP_SETTINGS_MIRROR)
  }

  function readMirror(): BackupSettings {
    try {
      const parsed = JSON.parse(fs.readFileSync(mirrorFile(), 'utf8')) as Partial<BackupSettings>
      return { secondFolder: typeof parsed.secondFolder === 'string' ? parsed.secondFolder : null }
    } catch {
      return { secondFolder: null }
    }
  }

  function writeMirror(settings: BackupSettings): void {
    try {
      const tmp = `${mirrorFile()}.tmp`
      fs.writeFileSync(tmp, JSON.stringify(settings))
      fs.renameSync(tmp, mirrorFile())
    } catch (error) {
      log.warn('backup settings mirror could not be written', { error: String(error) })
    }
  }

  async function settings(): Promise<BackupSettings> {
    const current = host.current()
    if (!current) return readMirror()
    const stored = (await readShopSetting(current.db, BACKUP_SETTINGS_KEY)) as Partial<BackupSettings> | undefined
    const result = { secondFolder: typeof stored?.secondFolder === 'string' ? stored.secondFolder : null }
    if (readMirror().secondFolder !== result.secondFolder) writeMirror(result)
    return result
  }

  function listFolder(location: BackupLocation, folder: string | null): BackupFileInfo[] {
    if (!folder) return []
    let names: string[]
    try {
      names = fs.readdirSync(folder)
    } catch {
      return []
    }
    const found: BackupFileInfo[] = []
    for (const fileName of names) {
      const parsed = parseBackupFileName(fileName)
      if (!parsed) continue
      const file = path.join(folder, fileName)
      try {
        const stat = fs.statSync(file)
        if (!stat.isFile()) continue
        found.push({ file, fileName, location, kind: parsed.kind, takenAt: parsed.takenAt, sizeBytes: stat.size })
      } catch {
        // vanished while listing
      }
    }
    return found.sort((a, b) => b.takenAt.localeCompare(a.takenAt))
  }

  function listAll(secondFolder: string | null): BackupFileInfo[] {
    return [
      ...listFolder('data-folder', paths.backupsDir),
      ...listFolder('second-folder', secondFolder),
    ].sort((a, b) => b.takenAt.localeCompare(a.takenAt))
  }

  function rotate(folder: string, location: BackupLocation): void {
    const rotated = listFolder(location, folder).filter((b) => ROTATED_BACKUP_KINDS.includes(b.kind))
    for (const old of planRotation(rotated, rotation).remove) {
      try {
        fs.rmSync(old.file, { force: true })
      } catch (error) {
        log.warn('old backup could not be removed', { file: old.file, error: String(error) })
      }
    }
  }

  async function runBackup(kind: BackupKind, signal?: AbortSignal): Promise<BackupFileInfo> {
    const current = host.current()
    if (!current) throw new AppError('DB_UNAVAILABLE', 'The database is not open, so there is nothing to back up.')
    const at = now()
    const fileName = backupFileName(kind, at)
    const destination = path.join(paths.backupsDir, fileName)
    const changes = totalChanges(current)
    let result
    try {
      result = await backupDatabase(current.sqlite, destination, {
        ...(options.pagesPerStep ? { pagesPerStep: options.pagesPerStep } : {}),
        ...(signal ? { signal } : {}),
      })
    } catch (error) {
      lastFailure = { at: at.toISOString(), location: 'data-folder', message: messageOf(error) }
      log.error('backup failed', error, { file: destination })
      throw error
    }
    changesAtLastBackup = { sqlite: current.sqlite, changes }
    log.info('backup written', { file: destination, bytes: result.sizeBytes, ms: Math.round(result.durationMs) })
    if (ROTATED_BACKUP_KINDS.includes(kind)) rotate(paths.backupsDir, 'data-folder')
    const info: BackupFileInfo = {
      file: destination,
      fileName,
      location: 'data-folder',
      kind,
      takenAt: at.toISOString(),
      sizeBytes: result.sizeBytes,
    }
    const { secondFolder } = await settings()
    if (secondFolder && !signal?.aborted) {
      const copy = path.join(secondFolder, fileName)
      try {
        copyBackupFileSync(destination, copy)
        if (ROTATED_BACKUP_KINDS.includes(kind)) rotate(secondFolder, 'second-folder')
        lastFailure = null
      } catch (error) {
        lastFailure = { at: at.toISOString(), location: 'second-folder', message: messageOf(error) }
        log.error('backup copy to the second folder failed', error, { folder: secondFolder })
      }
    } else {
      lastFailure = null
    }
    return info
  }

  function newestRestorable(secondFolder: string | null): RestorableBackup | null {
    for (const candidate of listAll(secondFolder)) {
      const check = inspectBackupFileSync(candidate.file, { thorough: true })
      if (!check.ok) continue
      return {
        file: candidate.file,
        fileName: candidate.fileName,
        location: candidate.location,
        takenAt: candidate.takenAt,
        contents: check.contents,
      }
    }
    return null
  }

  /** Audits a restore a signed-in manager asked for that was refused (nothing changed); never throws. */
  async function auditRefusedRestore(source: string, staffId: number | null, reason: string): Promise<void> {
    const current = host.current()
    if (!current) return
    try {
      await current.db.transaction().execute((trx) =>
        appendAudit(trx, {
          at: now().toISOString(),
          workstationId: options.workstationId,
          staffId,
          action: 'backup.restore.refused',
          entityType: 'database',
          entityId: null,
          details: { from: path.basename(source), reason },
        }),
      )
    } catch (error) {
      log.error('refused-restore audit row could not be written', error)
    }
  }

  async function restore(file: string, restoreOptions: RestoreOptions): Promise<RestoreReport> {
    const started = performance.now()
    const staffId = restoreOptions.staffId ?? null
    restoreOptions.onlyIf?.()
    const source = path.resolve(file)
    const dbFile = path.resolve(paths.dbFile)
    if (source === dbFile || source.startsWith(`${dbFile}-`) || source.startsWith(`${dbFile}.`)) {
      await auditRefusedRestore(source, staffId, 'SAME_FILE')
      throw new BackupRefusedError('SAME_FILE', 'That is the database itself, not a backup of it.')
    }
    const check = inspectBackupFileSync(source, { thorough: true })
    if (!check.ok) {
      await auditRefusedRestore(source, staffId, check.reason)
      throw new BackupRefusedError(check.reason, `${check.message} Nothing was changed.`)
    }

    // 1. A checked copy of the backup next to the database; the live file is untouched so far.
    const staged = await stageRestoreCopy(source, dbFile)
    const at = now()
    let safetyBackup: string | null = null
    let damagedFilesKeptIn: string | null = null
    try {
      // 2. Keep what is there now: a backup of the open database, or the damaged files as they are.
      const current = host.current()
      if (current) {
        safetyBackup = (await backupDatabase(current.sqlite, path.join(paths.backupsDir, backupFileName('pre-restore', at))))
          .file
      } else if (fs.existsSync(dbFile)) {
        damagedFilesKeptIn = path.join(paths.backupsDir, `damaged_${backupStamp(at)}`)
        setAsideDamagedFilesSync(dbFile, damagedFilesKeptIn)
      }
    } catch (error) {
      removeSidecarsAndFile(staged)
      throw new AppError(
        'CONFLICT',
        `The current database could not be saved before restoring (${messageOf(error)}). Nothing was changed.`,
      )
    }

    // 3. Close, swap, reopen.
    await host.detach()
    try {
      swapInRestoredCopySync(staged, dbFile)
    } catch (error) {
      removeSidecarsAndFile(staged)
      await host.attach().catch((again: unknown) => log.error('database could not be reopened after a failed swap', again))
      throw new AppError('INTERNAL', `The restored copy could not be put in place (${messageOf(error)}). The database was not changed.`)
    }
    let opened: OpenedDatabase
    try {
      opened = await host.attach()
    } catch (error) {
      log.error('restored database could not be opened; putting the previous one back', error)
      if (safetyBackup) {
        const back = await stageRestoreCopy(safetyBackup, dbFile)
        swapInRestoredCopySync(back, dbFile)
        await host.attach().catch((again: unknown) => log.error('previous database could not be reopened', again))
      } else if (damagedFilesKeptIn) {
        for (const name of fs.readdirSync(damagedFilesKeptIn)) {
          fs.copyFileSync(path.join(damagedFilesKeptIn, name), path.join(path.dirname(dbFile), name))
        }
      }
      throw new AppError('INTERNAL', `The restored database could not be opened: ${messageOf(error)}. The previous one was put back.`)
    }

    const migrated = opened.preMigrationBackup !== null
    try {
      const staffExists =
        staffId !== null &&
        (await opened.db.selectFrom('staff').select('id').where('id', '=', staffId).executeTakeFirst()) !== undefined
      await opened.db.transaction().execute((trx) =>
        appendAudit(trx, {
          at: now().toISOString(),
          workstationId: options.workstationId,
          staffId: staffExists ? staffId : null,
          action: 'backup.restore',
          entityType: 'database',
          entityId: null,
          details: {
            from: path.basename(source),
            takenAt: parseBackupFileName(path.basename(source))?.takenAt ?? null,
            safetyBackup: safetyBackup ? path.basename(safetyBackup) : null,
            damagedFilesKeptIn: damagedFilesKeptIn ? path.basename(damagedFilesKeptIn) : null,
            requestedByStaffId: staffId,
            atStartUp: restoreOptions.atStartUp === true,
          },
        }),
      )
    } catch (error) {
      log.error('restore audit row could not be written', error)
    }
    log.info('database restored', { from: source, safetyBackup, damagedFilesKeptIn, migrated })
    return {
      restoredFrom: source,
      safetyBackup,
      damagedFilesKeptIn,
      contents: check.contents,
      schemaVersion: opened.schemaVersion,
      migrated,
      durationMs: performance.now() - started,
    }
  }

  async function isDailyDue(): Promise<boolean> {
    if (!host.current()) return false
    const newest = listFolder('data-folder', paths.backupsDir).find((b) => b.kind !== 'pre-restore')
    return !newest || now().getTime() - Date.parse(newest.takenAt) >= DAILY_INTERVAL_MS
  }

  const service: BackupService = {
    async status() {
      const { secondFolder } = await settings()
      const inData = listFolder('data-folder', paths.backupsDir)[0] ?? null
      const inSecond = listFolder('second-folder', secondFolder)[0] ?? null
      const lastGood = [inData, inSecond]
        .filter((b): b is BackupFileInfo => b !== null)
        .sort((a, b) => b.takenAt.localeCompare(a.takenAt))[0] ?? null
      const ageMs = lastGood ? now().getTime() - Date.parse(lastGood.takenAt) : Infinity
      const days = Math.floor(ageMs / DAILY_INTERVAL_MS)
      return {
        lastGood,
        lastGoodInDataFolder: inData,
        lastGoodInSecondFolder: inSecond,
        secondFolder,
        lastFailure,
        warning: !lastGood
          ? 'There is no backup of this database yet.'
          : ageMs > BACKUP_WARNING_AGE_MS
            ? `The newest backup is ${days} days old.`
            : secondFolder && !inSecond
              ? `No backup has been written to ${secondFolder} yet.`
              : null,
        backupRunning: running > 0,
      }
    },

    settings,

    async setSecondFolder(folder, staffId) {
      const current = host.current()
      if (!current) throw new AppError('DB_UNAVAILABLE', 'The database is not open.')
      let value: string | null = null
      if (folder !== null && folder.trim() !== '') {
        value = path.resolve(folder.trim())
        if (!path.isAbsolute(folder.trim())) {
          throw new AppError('VALIDATION', 'Choose a full folder path (for example E:\\Radio Code Desk backups).', [
            { path: 'folder', message: 'Not a full path.' },
          ])
        }
        if (path.resolve(paths.backupsDir) === value || value.startsWith(path.resolve(paths.dataDir) + path.sep) || value === path.resolve(paths.dataDir)) {
          throw new AppError('VALIDATION', 'The second folder must be somewhere else than the data folder (a USB drive or a network share).', [
            { path: 'folder', message: 'Inside the data folder.' },
          ])
        }
        try {
          fs.mkdirSync(value, { recursive: true })
          const probe = path.join(value, `.radio-code-desk-write-test-${process.pid}`)
          fs.writeFileSync(probe, 'ok')
          fsyncFileSync(probe)
          fs.rmSync(probe)
        } catch (error) {
          throw new AppError('VALIDATION', `Radio Code Desk cannot write to ${value}: ${messageOf(error)}`, [
            { path: 'folder', message: 'Not writable.' },
          ])
        }
      }
      const result: BackupSettings = { secondFolder: value }
      const at = now().toISOString()
      await current.db.transaction().execute(async (trx) => {
        await writeShopSetting(trx, BACKUP_SETTINGS_KEY, result, at, staffId)
        await appendAudit(trx, {
          at,
          workstationId: options.workstationId,
          staffId,
          action: 'backup.second-folder.set',
          entityType: 'shop_settings',
          entityId: null,
          details: { secondFolder: value },
        })
      })
      writeMirror(result)
      return result
    },

    backupNow(kind = 'manual', signal) {
      return exclusive(() => runBackup(kind, signal))
    },

    async list() {
      const { secondFolder } = await settings()
      return listAll(secondFolder).map((info) => ({ ...info, check: inspectBackupFileSync(info.file, { countsOnly: true }) }))
    },

    backupNowBy(staffId) {
      return exclusive(async () => {
        const info = await runBackup('manual')
        const current = host.current()
        if (current) {
          await current.db.transaction().execute((trx) =>
            appendAudit(trx, {
              at: now().toISOString(),
              workstationId: options.workstationId,
              staffId,
              action: 'backup.manual',
              entityType: 'database',
              entityId: null,
              details: { file: info.fileName, sizeBytes: info.sizeBytes },
            }),
          )
          // The audit row is the only change since the backup: no need for another on exit.
          changesAtLastBackup = { sqlite: current.sqlite, changes: totalChanges(current) }
        }
        return info
      })
    },

    inspect(file) {
      return inspectBackupFileSync(path.resolve(file), { thorough: true })
    },

    async findListed(file) {
      const wanted = path.resolve(file)
      const { secondFolder } = await settings()
      const match = listAll(secondFolder).find((info) => path.resolve(info.file) === wanted)
      if (!match) return null
      try {
        // A link planted in the folder could point anywhere; only plain files count.
        if (!fs.lstatSync(match.file).isFile()) return null
      } catch {
        return null
      }
      return match
    },

    restore(file, restoreOptions = {}) {
      return exclusive(() => restore(file, restoreOptions))
    },

    findNewestRestorable() {
      return newestRestorable(readMirror().secondFolder)
    },

    startSchedule(scheduleOptions = {}) {
      if (timer) return
      const every = scheduleOptions.checkEveryMs ?? 60 * 60 * 1000
      const tick = () => {
        timer = null
        void (async () => {
          try {
            if (await isDailyDue()) await service.backupNow('daily')
          } catch (error) {
            log.error('daily backup failed', error)
          } finally {
            if (stopped === false) {
              timer = setTimeout(tick, every)
              timer.unref()
            }
          }
        })()
      }
      stopped = false
      timer = setTimeout(tick, scheduleOptions.firstCheckAfterMs ?? 2 * 60 * 1000)
      timer.unref()
    },

    async backupOnExit(timeoutMs = 15_000) {
      service.stop()
      const current = host.current()
      if (!current) return null
      if (
        changesAtLastBackup?.sqlite === current.sqlite &&
        changesAtLastBackup.changes === totalChanges(current) &&
        listFolder('data-folder', paths.backupsDir).length > 0
      ) {
        return null
      }
      const controller = new AbortController()
      const deadline = setTimeout(() => controller.abort(), timeoutMs)
      deadline.unref()
      try {
        return await service.backupNow('exit', controller.signal)
      } catch (error) {
        log.error(controller.signal.aborted ? 'backup on exit took too long and was stopped' : 'backup on exit failed', error)
        return null
      } finally {
        clearTimeout(deadline)
      }
    },

    stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      timer = null
    },
  }
  let stopped = true
  return service
}

function totalChanges(opened: OpenedDatabase): number {
  return opened.sqlite.prepare('select total_changes()').pluck().get() as number
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** The folder a backup of `location` goes to (exported for tests and the Settings screen). */
export function backupFolderFor(location: BackupLocation, paths: DataPaths, secondFolder: string | null): string | null {
  return location === 'data-folder' ? paths.backupsDir : secondFolder
}
