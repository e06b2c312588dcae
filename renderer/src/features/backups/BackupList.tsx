import type { BackupListEntry } from '../../../../shared/domain/backup'
import { formatDateTime } from '../../lib/format'
import { contentsWords, KIND_WORDS, LOCATION_WORDS, sizeWords } from './backup-words'

interface Props {
  readonly backups: readonly BackupListEntry[]
  /** Set for a manager: the row's "Restore…" button calls it. */
  readonly onChoose: ((entry: BackupListEntry) => void) | null
  /** The backup whose confirmation is open, if any. */
  readonly chosenFile: string | null
}

/** Every backup in the data folder and the second folder, newest first, with what each holds. */
export function BackupList({ backups, onChoose, chosenFile }: Props) {
  if (backups.length === 0) return <p className="muted">No backups yet.</p>
  return (
    <div className="backup-list">
      <table className="data-table backup-table" aria-labelledby="backup-list-title">
        <thead>
          <tr>
            <th scope="col">Taken</th>
            <th scope="col">Why</th>
            <th scope="col">Where</th>
            <th scope="col">Holds</th>
            <th scope="col">Size</th>
            {onChoose ? (
              <th scope="col">
                <span className="visually-hidden">Restore</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {backups.map((entry) => (
            <tr
              key={entry.file}
              data-testid="backup-row"
              data-file-name={entry.fileName}
              className={entry.file === chosenFile ? 'backup-table__row--chosen' : undefined}
            >
              <th scope="row" className="backup-table__when">
                {formatDateTime(entry.takenAt)}
              </th>
              <td>{KIND_WORDS[entry.kind]}</td>
              <td>{LOCATION_WORDS[entry.location]}</td>
              <td>
                {entry.check.ok ? (
                  <>
                    {contentsWords(entry.check.contents)}
                    {entry.check.contents.needsMigration ? <span className="muted"> (older version: updated when restored)</span> : null}
                  </>
                ) : (
                  <span className="backup-table__bad">Cannot be restored: {entry.check.message}</span>
                )}
              </td>
              <td className="backup-table__size">{sizeWords(entry.sizeBytes)}</td>
              {onChoose ? (
                <td>
                  {entry.check.ok ? (
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={`Restore the backup of ${formatDateTime(entry.takenAt)} (${LOCATION_WORDS[entry.location].toLowerCase()})`}
                      onClick={() => onChoose(entry)}
                    >
                      Restore…
                    </button>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
