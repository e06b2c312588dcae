import { useRef, useState } from 'react'
import type { BackupOverview } from '../../../../shared/domain/backup'
import { Notice } from '../../components/Notice'
import { api, errorMessage } from '../../lib/api'
import { formatDateTime } from '../../lib/format'
import { ageWords, LOCATION_WORDS, sizeWords } from './backup-words'

interface Props {
  readonly overview: BackupOverview
  /** Called after a backup was written, so the list shows it at once. */
  readonly onBackedUp: () => void
}

/** The last good backup, a warning when there is no recent one, and "Back up now" (anyone signed in). */
export function LastBackupCard({ overview, onBackedUp }: Props) {
  const [running, setRunning] = useState(false)
  const runningRef = useRef(false)
  const [outcome, setOutcome] = useState<{ tone: 'success' | 'error'; text: string } | null>(null)
  const last = overview.lastGood

  const backUpNow = async () => {
    if (runningRef.current) return
    runningRef.current = true
    setRunning(true)
    setOutcome(null)
    try {
      const info = await api.backups.backUpNow({})
      setOutcome({ tone: 'success', text: `Backed up and checked: ${info.fileName} (${sizeWords(info.sizeBytes)}).` })
      onBackedUp()
    } catch (error) {
      setOutcome({ tone: 'error', text: `Not backed up: ${errorMessage(error)}` })
    } finally {
      runningRef.current = false
      setRunning(false)
    }
  }

  return (
    <section className="settings-card" aria-labelledby="last-backup-title">
      <h2 id="last-backup-title">Last good backup</h2>
      <p className="settings-card__lead">
        Radio Code Desk backs up every day, before each update and when it closes. Each backup is checked after it is written.
      </p>
      {last ? (
        <dl className="backup-facts" data-testid="last-backup">
          <div>
            <dt>Taken</dt>
            <dd>
              {formatDateTime(last.takenAt)} <span className="muted">({ageWords(last.takenAt, new Date())})</span>
            </dd>
          </div>
          <div>
            <dt>Where</dt>
            <dd>{LOCATION_WORDS[last.location]}</dd>
          </div>
          <div>
            <dt>File</dt>
            <dd className="backup-facts__file">
              {last.fileName} <span className="muted">({sizeWords(last.sizeBytes)})</span>
            </dd>
          </div>
        </dl>
      ) : null}
      {overview.warning ? (
        <Notice tone="warning" title={last ? 'Backups need attention' : 'No backup yet'} testId="backup-warning">
          <p>{overview.warning} Press “Back up now” to take one.</p>
        </Notice>
      ) : null}
      {overview.lastFailure ? (
        <Notice tone="error" title={`The last backup ${overview.lastFailure.location === 'second-folder' ? 'copy to the second folder ' : ''}failed`}>
          <p>
            {formatDateTime(overview.lastFailure.at)}: {overview.lastFailure.message}
          </p>
        </Notice>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button button--primary" aria-disabled={running} onClick={() => void backUpNow()}>
          {running ? 'Backing up…' : 'Back up now'}
        </button>
      </div>
      {outcome ? (
        <Notice tone={outcome.tone} testId="backup-now-outcome">
          <p>{outcome.text}</p>
        </Notice>
      ) : null}
    </section>
  )
}
