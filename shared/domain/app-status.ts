import type { RestorableBackup } from './backup'

/** Why the database could not be opened; each has its own screen text. */
export type DatabaseProblem =
  | 'DB_FROM_NEWER_VERSION'
  | 'DB_UNREADABLE'
  | 'DB_MIGRATION_FAILED'
  | 'DATA_FOLDER_UNAVAILABLE'

export type AppStatus =
  | {
      readonly state: 'ready'
      readonly appVersion: string
      readonly schemaVersion: string
      readonly dataDir: string
      readonly workstationId: string
    }
  | {
      readonly state: 'database-error'
      readonly appVersion: string
      readonly dataDir: string
      readonly problem: DatabaseProblem
      readonly message: string
      /**
       * For DB_UNREADABLE: the newest backup that passed its checks (offer
       * "Restore from this backup"); null when none was found. Absent for other problems.
       */
      readonly restorableBackup?: RestorableBackup | null
    }
