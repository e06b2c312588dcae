import { useState } from 'react'
import { useDesk } from '../../app/desk-context'
import { Notice } from '../../components/Notice'
import { RecoveryKeyWarning } from '../security/RecoveryKeyWarning'
import { BackupList } from './BackupList'
import { LastBackupCard } from './LastBackupCard'
import { clearRestoreOutcome, peekRestoreOutcome } from './restore-notice'
import { isRestorable, RestoreConfirm } from './RestoreConfirm'
import { SecondFolderCard } from './SecondFolderCard'
import { useBackups } from './use-backups'
import './backups.css'

/**
 * Settings → Backups: the last good backup (with a warning when there is no
 * recent one), "Back up now", the second folder, and every backup with what
 * it holds; a manager restores one after a confirmation step.
 */
export function BackupsSection() {
  const desk = useDesk()
  const { state, reload } = useBackups()
  const [chosenFile, setChosenFile] = useState<string | null>(null)
  // What a restore from this window did (shown once, after signing in again).
  const [restoreOutcome] = useState(() => {
    const note = peekRestoreOutcome()
    clearRestoreOutcome()
    return note
  })

  if (state.status === 'loading') return <p role="status">Loading backups…</p>
  if (state.status === 'error') {
    return (
      <>
        <Notice tone="error" title="The backups could not be listed">
          <p>{state.message}</p>
        </Notice>
        <button type="button" className="button" onClick={reload}>
          Try again
        </button>
      </>
    )
  }

  const { overview, backups } = state.value
  const chosen = backups.find((entry) => entry.file === chosenFile)
  const restorable = chosen && isRestorable(chosen) ? chosen : null

  return (
    <div className="backups">
      <RecoveryKeyWarning />
      {restoreOutcome ? (
        <Notice tone={restoreOutcome.tone} testId="restore-outcome">
          <p>{restoreOutcome.text}</p>
        </Notice>
      ) : null}
      <div className="settings-layout">
        <LastBackupCard overview={overview} onBackedUp={reload} />
        <SecondFolderCard overview={overview} onChanged={reload} />
      </div>
      <section className="settings-card backups__list" aria-labelledby="backup-list-title">
        <h2 id="backup-list-title">Backups</h2>
        <p className="settings-card__lead">
          {desk.isManager
            ? 'Newest first. To go back to one, press Restore… next to it: you see what it holds and confirm before anything changes.'
            : 'Newest first. Only a manager can restore a backup.'}
        </p>
        {restorable ? <RestoreConfirm key={restorable.file} entry={restorable} onCancel={() => setChosenFile(null)} /> : null}
        <BackupList backups={backups} chosenFile={chosenFile} onChoose={desk.isManager ? (entry) => setChosenFile(entry.file) : null} />
      </section>
    </div>
  )
}
