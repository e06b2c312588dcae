import path from 'node:path'
import { AppError } from '../../../shared/api/errors'
import type {
  BackupFileInfo,
  BackupListEntry,
  BackupOverview,
  BackupSettings,
  RestorableBackup,
  RestoreReport,
  SecondFolderChoice,
} from '../../../shared/domain/backup'
import type { AppServices } from './app-services'

/*
 * What the contract's backups.* calls do: who may do what, and which files a
 * restore may use. The backup work itself is in ./backups.ts.
 *
 * Anyone signed in may see the backups and take one. Only a manager picks the
 * second folder and restores. Restores use only files the app itself lists
 * (backups/ and the second folder), never a path the renderer made up: a
 * crafted database placed elsewhere must not become the shop's database.
 */

async function requireManager(services: AppServices, message: string): Promise<number> {
  const security = services.requireSecurity()
  const actorId = security.requireActor()
  const actor = await security.staff.requireActive(actorId)
  if (actor.role !== 'manager') throw new AppError('FORBIDDEN', message)
  return actorId
}

function notListed(): AppError {
  return new AppError('VALIDATION', 'Only a backup listed in Settings → Backups can be restored. Nothing was changed.', [
    { path: 'file', message: 'Not one of the listed backups.' },
  ])
}

function backupsChanged(services: AppServices): void {
  services.events.emit('data.changed', { entity: 'backups', id: null })
}

export async function backupOverview(services: AppServices): Promise<BackupOverview> {
  return { ...(await services.backups.status()), canChooseFolder: services.folderChooser !== null }
}

export function listBackups(services: AppServices): Promise<BackupListEntry[]> {
  return services.backups.list()
}

/** "Back up now": audited under whoever is signed in. */
export async function backUpNow(services: AppServices): Promise<BackupFileInfo> {
  services.requireDb()
  const info = await services.backups.backupNowBy(services.actorId())
  backupsChanged(services)
  return info
}

/** Manager only; null or blank turns the second folder off. Audited by the backup service. */
export async function setSecondFolder(services: AppServices, folder: string | null): Promise<BackupSettings> {
  const actorId = await requireManager(services, 'Only a manager can choose where backups are copied. Ask a manager to sign in.')
  const settings = await services.backups.setSecondFolder(folder, actorId)
  backupsChanged(services)
  return settings
}

/** Manager only: the system folder dialog (Electron); the browser preview has none and types the path. */
export async function chooseSecondFolder(services: AppServices): Promise<SecondFolderChoice> {
  const actorId = await requireManager(services, 'Only a manager can choose where backups are copied. Ask a manager to sign in.')
  const chooser = services.folderChooser
  if (!chooser) throw new AppError('CONFLICT', 'This window cannot show a folder dialog. Type the folder’s full path instead.')
  const current = await services.backups.settings()
  const folder = await chooser.chooseFolder({ title: 'Second folder for backups (USB drive or network share)', defaultPath: current.secondFolder })
  if (folder === null) return { chosen: false, settings: current }
  const settings = await services.backups.setSecondFolder(folder, actorId)
  backupsChanged(services)
  return { chosen: true, settings }
}

/**
 * Manager only. The current database is backed up first; the app reopens on
 * the restored data (everyone is signed out; 'data.changed' and
 * 'session.changed' go out as it reopens).
 */
export async function restoreBackup(services: AppServices, file: string): Promise<RestoreReport> {
  const actorId = await requireManager(services, 'Only a manager can restore a backup. Ask a manager to sign in.')
  const listed = await services.backups.findListed(file)
  if (!listed) {
    services.log.warn('restore of a file that is not a listed backup refused', { staffId: actorId })
    throw notListed()
  }
  return services.backups.restore(listed.file, { staffId: actorId })
}

/** The backup app.status offers, when (and only when) the database could not be read at start. */
function offeredAtStart(services: AppServices): RestorableBackup | null {
  const status = services.status
  if (status.state !== 'database-error' || status.problem !== 'DB_UNREADABLE') {
    throw new AppError(
      'FORBIDDEN',
      status.state === 'ready'
        ? 'The database is open and fine. A manager can restore a backup in Settings → Backups.'
        : 'Restoring at start-up is only offered when the database file cannot be read.',
    )
  }
  return status.restorableBackup ?? null
}

/**
 * Restore from the start screen while nobody can sign in (the database cannot
 * be read, so neither can the staff list). Public, so it is kept narrow:
 *  - only while app.status says DB_UNREADABLE (checked again when the restore's
 *    turn comes, so two calls cannot both run, and a working database can
 *    never be rolled back by someone who is not signed in);
 *  - only the very backup app.status offered (the newest one that passed
 *    integrity_check), and only while it is still a listed backup file;
 *  - the damaged files are set aside, never deleted; the restore is audited.
 */
export async function restoreAtStart(services: AppServices, file: string): Promise<RestoreReport> {
  const offered = offeredAtStart(services)
  if (!offered) throw new AppError('NOT_FOUND', 'No good backup was found to restore. Nothing was changed.')
  if (path.resolve(file) !== path.resolve(offered.file)) {
    services.log.warn('start-up restore of a backup that was not offered refused', {})
    throw new AppError('VALIDATION', 'Only the backup offered on this screen can be restored here. Nothing was changed.', [
      { path: 'file', message: 'Not the offered backup.' },
    ])
  }
  const listed = await services.backups.findListed(offered.file)
  if (!listed) throw new AppError('NOT_FOUND', `The backup ${offered.fileName} is no longer there. Start Radio Code Desk again to look for backups.`)
  return services.backups.restore(listed.file, {
    staffId: null,
    atStartUp: true,
    onlyIf: () => {
      offeredAtStart(services)
    },
  })
}
