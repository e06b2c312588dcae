import type { BackupListEntry, BackupOverview } from '../../../../shared/domain/backup'
import { api } from '../../lib/api'
import { useLiveValue } from '../../lib/use-live-value'

export interface BackupsView {
  readonly overview: BackupOverview
  readonly backups: readonly BackupListEntry[]
}

/** The backups' status and list, reloaded when a backup is taken, the second folder changes or the database is restored. */
export function useBackups() {
  return useLiveValue<BackupsView>(
    'backups',
    async () => {
      const [overview, backups] = await Promise.all([api.backups.status({}), api.backups.list({})])
      return { overview, backups }
    },
    (change) => change.entity === 'backups' || change.entity === 'database',
  )
}
