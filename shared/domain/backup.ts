import { z } from 'zod'

/**
 * Backups and restore: what Settings shows and what the restore screen asks.
 * Pure types and helpers; the work happens in electron/main/services/backups.ts.
 */

/** Why a backup was taken; it is also the first part of the file name. */
export type BackupKind = 'daily' | 'exit' | 'manual' | 'pre-migration' | 'pre-restore'

export const BACKUP_KINDS: readonly BackupKind[] = ['daily', 'exit', 'manual', 'pre-migration', 'pre-restore']

/** Kinds the rotation (7 daily, 4 weekly, 12 monthly) prunes; the others are kept until someone deletes them. */
export const ROTATED_BACKUP_KINDS: readonly BackupKind[] = ['daily', 'exit']

/** The data folder's `backups/`, or the second folder the manager picked (USB drive, network share). */
export type BackupLocation = 'data-folder' | 'second-folder'

export interface BackupFileInfo {
  /** Absolute path. */
  readonly file: string
  readonly fileName: string
  readonly location: BackupLocation
  readonly kind: BackupKind
  /** ISO time the backup was taken (from the file name). */
  readonly takenAt: string
  readonly sizeBytes: number
}

/** What a backup holds, read from the file read-only. */
export interface BackupContents {
  readonly customers: number
  readonly vehicles: number
  readonly radioCodes: number
  readonly batteryJobs: number
  readonly auditRows: number
  /** Last migration applied in the backup ('' for none). */
  readonly schemaVersion: string
  /** True when this version would update the backup's schema after restoring it. */
  readonly needsMigration: boolean
}

/** Why a file cannot be restored. Nothing is changed when a restore is refused. */
export type BackupRefusalReason =
  | 'NOT_FOUND'
  | 'NOT_SQLITE'
  | 'DAMAGED'
  | 'NOT_RADIO_CODE_DESK'
  | 'FROM_NEWER_VERSION'

export type BackupCheck =
  | { readonly ok: true; readonly contents: BackupContents }
  | { readonly ok: false; readonly reason: BackupRefusalReason; readonly message: string }

export type BackupListEntry = BackupFileInfo & { readonly check: BackupCheck }

export interface BackupSettings {
  /** Absolute path of the second folder, or null when only the data folder is used. */
  readonly secondFolder: string | null
}

/** For Settings: the last good backup in each place and a warning when there is no recent one. */
export interface BackupStatus {
  readonly lastGood: BackupFileInfo | null
  readonly lastGoodInDataFolder: BackupFileInfo | null
  readonly lastGoodInSecondFolder: BackupFileInfo | null
  readonly secondFolder: string | null
  /** The last attempt that failed (e.g. the USB drive was not plugged in), if it failed after the last success. */
  readonly lastFailure: { readonly at: string; readonly location: BackupLocation; readonly message: string } | null
  /** Set when the newest good backup is older than BACKUP_WARNING_AGE_MS, or there is none. */
  readonly warning: string | null
  readonly backupRunning: boolean
}

/** backups.status: the status, and whether this app shows a folder dialog (Electron) or the folder is typed (browser preview). */
export interface BackupOverview extends BackupStatus {
  readonly canChooseFolder: boolean
}

/** backups.chooseSecondFolder: whether a folder was picked (false: the dialog was cancelled), and the settings now. */
export interface SecondFolderChoice {
  readonly chosen: boolean
  readonly settings: BackupSettings
}

const noNulCharacters = (value: string) => !value.includes('\0')

/** A folder path typed by a manager (browser preview); null or blank turns the second folder off. */
export const secondFolderInputSchema = z.object({
  folder: z
    .string()
    .max(1000, 'Keep the folder path under 1,000 characters.')
    .refine(noNulCharacters, 'That is not a folder path.')
    .nullable(),
})

/** A backup to restore, as listed by backups.list or offered by app.status (any other path is refused). */
export const restoreBackupInputSchema = z.object({
  file: z
    .string()
    .min(1, 'Choose a backup to restore.')
    .max(4096, 'That is not a backup file path.')
    .refine(noNulCharacters, 'That is not a backup file path.'),
})

export const BACKUP_WARNING_AGE_MS = 2 * 24 * 60 * 60 * 1000

export interface RestoreReport {
  readonly restoredFrom: string
  /** Copy of the database as it was just before the restore (null when there was no readable file). */
  readonly safetyBackup: string | null
  /** Where the damaged files were moved aside (restore at start-up after corruption), or null. */
  readonly damagedFilesKeptIn: string | null
  readonly contents: BackupContents
  /** Schema version after reopening (migrated when the backup was older). */
  readonly schemaVersion: string
  readonly migrated: boolean
  readonly durationMs: number
}

/** The newest backup that passed its checks, offered on the start screen when the database cannot be opened. */
export interface RestorableBackup {
  readonly file: string
  readonly fileName: string
  readonly location: BackupLocation
  readonly takenAt: string
  readonly contents: BackupContents
}

/** "daily_2026-11-24T06-30-15-123Z.sqlite" → kind and ISO time; null for names that are not backups. */
export function parseBackupFileName(fileName: string): { kind: BackupKind; takenAt: string } | null {
  const match = /^([a-z-]+?)_(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)(?:_.*)?\.sqlite$/.exec(fileName)
  if (!match) return null
  const kind = match[1] as BackupKind
  if (!BACKUP_KINDS.includes(kind)) return null
  const stamp = match[2]!
  const takenAt = `${stamp.slice(0, 10)}T${stamp.slice(11, 13)}:${stamp.slice(14, 16)}:${stamp.slice(17, 19)}.${stamp.slice(20, 23)}Z`
  if (Number.isNaN(Date.parse(takenAt))) return null
  return { kind, takenAt }
}

/** The file-name stamp for a time: the ISO string with ':' and '.' replaced (safe on Windows). */
export function backupStamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-')
}

export function backupFileName(kind: BackupKind, at: Date, suffix = ''): string {
  return `${kind}_${backupStamp(at)}${suffix ? `_${suffix}` : ''}.sqlite`
}
