import { useState } from 'react'
import type { AppStatus, DatabaseProblem } from '../../../shared/domain/app-status'
import { RestoreOffer } from '../features/backups/RestoreOffer'
import './full-screen-message.css'

type DatabaseErrorStatus = Extract<AppStatus, { state: 'database-error' }>

const TEXT: Record<DatabaseProblem, { title: string; steps: readonly string[] }> = {
  DB_FROM_NEWER_VERSION: {
    title: 'This database needs a newer version of Radio Code Desk',
    steps: [
      'Install the newest version of Radio Code Desk on this computer (the same version the other computers in the shop use), then start it again.',
      'Your data was not changed. Do not delete or move the data folder.',
      'Until then, use a computer that already has the newer version.',
    ],
  },
  DB_UNREADABLE: {
    title: 'The database file cannot be read',
    steps: [
      'Your data was not changed or replaced. Do not delete anything in the data folder.',
      'Close Radio Code Desk and start it again. If this screen comes back, the file may be damaged.',
      'Call whoever looks after the shop’s computers: they can restore the latest copy from the "backups" folder inside the data folder.',
    ],
  },
  DB_MIGRATION_FAILED: {
    title: 'Updating the database to this version failed',
    steps: [
      'Nothing was lost. Close Radio Code Desk and start it again.',
      'If this screen comes back, call whoever looks after the shop’s computers and give them the log file ("logs" folder inside the data folder).',
    ],
  },
  DATA_FOLDER_UNAVAILABLE: {
    title: 'The data folder cannot be used',
    steps: [
      'Check that the drive holding the data folder is connected and not full.',
      'Check that this Windows user is allowed to write to the data folder, then start Radio Code Desk again.',
    ],
  },
}

interface Props {
  readonly status: DatabaseErrorStatus
  /** After a restore from the offered backup: ask main for the app status again. */
  readonly onRestored: () => void
}

/** Shown instead of the app when the database could not be opened safely. */
export function DatabaseErrorScreen({ status, onRestored }: Props) {
  const text = TEXT[status.problem]
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle')
  const details = [
    `Radio Code Desk ${status.appVersion}`,
    `Problem: ${status.problem}`,
    status.message,
    `Data folder: ${status.dataDir}`,
  ].join('\n')

  const copy = () => {
    navigator.clipboard.writeText(details).then(
      () => setCopied('copied'),
      () => setCopied('failed'),
    )
  }

  return (
    <main className="full-screen-message" aria-labelledby="db-error-title" data-problem={status.problem}>
      <div className="full-screen-message__card">
        <p className="full-screen-message__product">Radio Code Desk</p>
        <h1 id="db-error-title" className="full-screen-message__title">
          {text.title}
        </h1>
        <p className="full-screen-message__message" data-testid="db-error-message">
          {status.message}
        </p>
        {status.restorableBackup ? <RestoreOffer backup={status.restorableBackup} onRestored={onRestored} /> : null}
        <h2 className="full-screen-message__subtitle">{status.restorableBackup ? 'If you would rather not restore now' : 'What to do next'}</h2>
        <ol className="full-screen-message__steps">
          {text.steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
        <dl className="full-screen-message__facts">
          <div>
            <dt>Data folder</dt>
            <dd data-testid="db-error-data-dir">{status.dataDir}</dd>
          </div>
          <div>
            <dt>This version</dt>
            <dd>{status.appVersion}</dd>
          </div>
          <div>
            <dt>Problem code</dt>
            <dd>{status.problem}</dd>
          </div>
        </dl>
        <div className="full-screen-message__actions">
          <button type="button" className="button" onClick={copy}>
            Copy details for support
          </button>
          <span className="full-screen-message__copied" role="status">
            {copied === 'copied' ? 'Copied.' : copied === 'failed' ? 'Could not copy; write the details down instead.' : ''}
          </span>
        </div>
      </div>
    </main>
  )
}
