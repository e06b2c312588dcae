import { useEffect, useRef, useState } from 'react'
import type { BackupContents, BackupListEntry } from '../../../../shared/domain/backup'
import { Notice } from '../../components/Notice'
import { api, errorMessage } from '../../lib/api'
import { formatDateTime } from '../../lib/format'
import { contentsWords, KIND_WORDS, LOCATION_WORDS } from './backup-words'
import { noteRestoreOutcome, noteRestoreSignOut } from './restore-notice'

/** A listed backup that passed its check (only these offer Restore…). */
export type RestorableEntry = BackupListEntry & { readonly check: { readonly ok: true; readonly contents: BackupContents } }

export function isRestorable(entry: BackupListEntry): entry is RestorableEntry {
  return entry.check.ok
}

interface Props {
  readonly entry: RestorableEntry
  readonly onCancel: () => void
}

/**
 * The confirmation step before a restore (manager only): what the backup
 * holds and when it was taken, that the current data is backed up first, and
 * that everyone is signed out while the app reopens on the restored data.
 */
export function RestoreConfirm({ entry, onCancel }: Props) {
  const [state, setState] = useState<{ status: 'idle' } | { status: 'restoring' } | { status: 'error'; message: string }>({ status: 'idle' })
  const headingRef = useRef<HTMLHeadingElement>(null)
  const contents = entry.check.contents
  const when = formatDateTime(entry.takenAt)

  useEffect(() => {
    headingRef.current?.focus()
  }, [entry.file])

  const restore = async () => {
    if (state.status === 'restoring') return
    setState({ status: 'restoring' })
    // Set before the call: the sign-in screen appears while the call is still on its way.
    noteRestoreSignOut(`The data was restored from the backup of ${when}. Everyone was signed out; sign in again to work on the restored data.`)
    try {
      const report = await api.backups.restore({ file: entry.file })
      noteRestoreOutcome({
        tone: 'success',
        text:
          `Restored the backup of ${when} (${contentsWords(report.contents)})` +
          (report.migrated ? ', updated to this version' : '') +
          (report.safetyBackup ? `. The data as it was just before is kept as the backup “${baseName(report.safetyBackup)}”.` : '.'),
      })
    } catch (error) {
      noteRestoreSignOut(null)
      const message = errorMessage(error)
      noteRestoreOutcome({ tone: 'error', text: `The backup was not restored: ${message}` })
      setState({ status: 'error', message })
    }
  }

  return (
    <section className="restore-confirm" aria-labelledby="restore-confirm-title" data-testid="restore-confirm">
      <h3 id="restore-confirm-title" ref={headingRef} tabIndex={-1}>
        Restore the backup of {when}?
      </h3>
      <dl className="backup-facts">
        <div>
          <dt>Taken</dt>
          <dd>
            {when} ({KIND_WORDS[entry.kind].toLowerCase()}, {LOCATION_WORDS[entry.location].toLowerCase()})
          </dd>
        </div>
        <div>
          <dt>Holds</dt>
          <dd data-testid="restore-confirm-contents">{contentsWords(contents)}</dd>
        </div>
        <div>
          <dt>File</dt>
          <dd className="backup-facts__file">{entry.fileName}</dd>
        </div>
        <div>
          <dt>Data version</dt>
          <dd className="backup-facts__file">
            {contents.schemaVersion || 'none'}
            {contents.needsMigration ? ' (older: updated as it is restored)' : ' (this version)'}
          </dd>
        </div>
      </dl>
      <ul className="restore-confirm__points">
        <li>
          <strong>Your current data is backed up first</strong> (as a “before a restore” backup in this list), so this can be undone the same
          way.
        </li>
        <li>Everything entered since {when} is replaced by what the backup holds.</li>
        {contents.needsMigration ? <li>The backup is from an older version; it is updated to this version as it is restored.</li> : null}
        <li>Everyone is signed out while Radio Code Desk reopens on the restored data; sign in again afterwards.</li>
      </ul>
      {state.status === 'error' ? (
        <Notice tone="error" title="Not restored" testId="restore-error">
          <p>{state.message}</p>
        </Notice>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button restore-confirm__go" aria-disabled={state.status === 'restoring'} onClick={() => void restore()}>
          {state.status === 'restoring' ? 'Restoring…' : 'Restore this backup'}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel} disabled={state.status === 'restoring'}>
          Cancel
        </button>
      </div>
    </section>
  )
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file
}
