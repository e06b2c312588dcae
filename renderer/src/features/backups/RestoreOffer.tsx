import { useState } from 'react'
import type { RestorableBackup } from '../../../../shared/domain/backup'
import { Notice } from '../../components/Notice'
import { api, errorMessage } from '../../lib/api'
import { formatDateTime } from '../../lib/format'
import { contentsWords } from './backup-words'
import './restore-offer.css'

/**
 * The newest backup that passed its checks, offered for restoring. The
 * damaged file is set aside in the backups folder, never deleted; main only
 * accepts this very backup, and only while the database cannot be read.
 */
export function RestoreOffer({ backup, onRestored }: { readonly backup: RestorableBackup; readonly onRestored: () => void }) {
  const [state, setState] = useState<{ status: 'idle' } | { status: 'restoring' } | { status: 'error'; message: string }>({ status: 'idle' })

  const restore = () => {
    if (state.status === 'restoring') return
    setState({ status: 'restoring' })
    api.backups.restoreAtStart({ file: backup.file }).then(
      () => onRestored(),
      (error: unknown) => setState({ status: 'error', message: errorMessage(error) }),
    )
  }

  return (
    <section className="restore-offer" aria-labelledby="restore-offer-title" data-testid="restore-offer">
      <h2 id="restore-offer-title" className="restore-offer__title">
        A good backup was found
      </h2>
      <p>
        Taken <strong data-testid="restore-offer-when">{formatDateTime(backup.takenAt)}</strong>
        {backup.location === 'second-folder' ? ' (in the second folder)' : ''}. It holds{' '}
        <span data-testid="restore-offer-contents">{contentsWords(backup.contents)}</span>.
      </p>
      <p>Anything entered after that time is not in it. The damaged file is kept in the “backups” folder, not deleted.</p>
      {state.status === 'error' ? (
        <Notice tone="error" title="Not restored">
          <p>{state.message}</p>
        </Notice>
      ) : null}
      <div className="full-screen-message__actions">
        <button type="button" className="button button--primary" aria-disabled={state.status === 'restoring'} onClick={restore}>
          {state.status === 'restoring' ? 'Restoring…' : 'Restore from this backup'}
        </button>
      </div>
    </section>
  )
}
