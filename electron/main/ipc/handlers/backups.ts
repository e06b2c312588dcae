import type { Handlers } from '../router'
import type { AppServices } from '../../services/app-services'
import {
  backUpNow,
  backupOverview,
  chooseSecondFolder,
  listBackups,
  restoreAtStart,
  restoreBackup,
  setSecondFolder,
} from '../../services/backup-actions'

export const backupHandlers = {
  'backups.status': (_input, services) => backupOverview(services),
  'backups.list': (_input, services) => listBackups(services),
  'backups.backUpNow': (_input, services) => backUpNow(services),
  'backups.setSecondFolder': (input, services) => setSecondFolder(services, input.folder),
  'backups.chooseSecondFolder': (_input, services) => chooseSecondFolder(services),
  'backups.restore': (input, services) => restoreBackup(services, input.file),
  'backups.restoreAtStart': (input, services) => restoreAtStart(services, input.file),
} satisfies Partial<Handlers<AppServices>>
