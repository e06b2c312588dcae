import { useRef, useState, type FormEvent } from 'react'
import type { BackupOverview } from '../../../../shared/domain/backup'
import { useDesk } from '../../app/desk-context'
import { Field } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { api, ApiCallError, errorMessage } from '../../lib/api'
import { formatDateTime } from '../../lib/format'

interface Props {
  readonly overview: BackupOverview
  readonly onChanged: () => void
}

type Outcome = { readonly tone: 'success' | 'error'; readonly text: string }

/**
 * The second folder (a USB drive or a network share) every backup is also
 * copied to. A manager picks it: with the system folder dialog in the app, by
 * typing its path in the browser preview.
 */
export function SecondFolderCard({ overview, onChanged }: Props) {
  const desk = useDesk()
  const [typed, setTyped] = useState('')
  const [fieldError, setFieldError] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [busy, setBusy] = useState(false)
  const busyRef = useRef(false)
  const folder = overview.secondFolder

  const run = async (work: () => Promise<Outcome | null>) => {
    if (busyRef.current) return
    busyRef.current = true
    setBusy(true)
    setOutcome(null)
    setFieldError(null)
    try {
      const result = await work()
      if (result) setOutcome(result)
      onChanged()
    } catch (error) {
      const field = error instanceof ApiCallError ? error.fields.find((f) => f.path === 'folder') : undefined
      if (field) setFieldError(error instanceof ApiCallError ? error.message : field.message)
      else setOutcome({ tone: 'error', text: `Not changed: ${errorMessage(error)}` })
    } finally {
      busyRef.current = false
      setBusy(false)
    }
  }

  const saveTyped = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (typed.trim() === '') {
      setFieldError('Type the folder’s full path, for example E:\\Radio Code Desk backups.')
      return
    }
    void run(async () => {
      const settings = await api.backups.setSecondFolder({ folder: typed.trim() })
      setTyped('')
      return { tone: 'success', text: `Saved. Each backup is now also copied to ${settings.secondFolder ?? ''}.` }
    })
  }

  const choose = () =>
    void run(async () => {
      const choice = await api.backups.chooseSecondFolder({})
      return choice.chosen ? { tone: 'success', text: `Saved. Each backup is now also copied to ${choice.settings.secondFolder ?? ''}.` } : null
    })

  const stop = () =>
    void run(async () => {
      await api.backups.setSecondFolder({ folder: null })
      return { tone: 'success', text: 'Backups are no longer copied to a second folder.' }
    })

  return (
    <section className="settings-card" aria-labelledby="second-folder-title">
      <h2 id="second-folder-title">Second folder</h2>
      <p className="settings-card__lead">
        A copy of every backup on a USB drive or a network share keeps the shop’s data safe if this computer’s disk fails.
      </p>
      <p className="second-folder__current" data-testid="second-folder">
        {folder ? (
          <>
            Copied to <strong className="backup-facts__file">{folder}</strong>
            {overview.lastGoodInSecondFolder ? (
              <span className="muted"> (last copy {formatDateTime(overview.lastGoodInSecondFolder.takenAt)})</span>
            ) : null}
          </>
        ) : (
          'Not set: backups are kept only in the data folder on this computer.'
        )}
      </p>
      {!desk.isManager ? <p className="muted">Only a manager can choose the second folder.</p> : null}
      {desk.isManager && overview.canChooseFolder ? (
        <div className="form-actions">
          <button type="button" className="button" aria-disabled={busy} onClick={choose}>
            {folder ? 'Choose another folder…' : 'Choose folder…'}
          </button>
          {folder ? (
            <button type="button" className="button button--quiet" aria-disabled={busy} onClick={stop}>
              Stop copying
            </button>
          ) : null}
        </div>
      ) : null}
      {desk.isManager && !overview.canChooseFolder ? (
        <form className="settings-form" noValidate onSubmit={saveTyped}>
          <Field
            id="second-folder-path"
            label={folder ? 'Another folder' : 'Folder'}
            hint="The folder’s full path. It is created if it does not exist; Radio Code Desk checks it can write there."
            error={fieldError ?? undefined}
          >
            {(control) => (
              <input
                {...control}
                className="input"
                type="text"
                autoComplete="off"
                spellCheck={false}
                value={typed}
                onChange={(event) => {
                  setTyped(event.target.value)
                  setFieldError(null)
                }}
              />
            )}
          </Field>
          <div className="form-actions">
            <button type="submit" className="button" aria-disabled={busy}>
              Use this folder
            </button>
            {folder ? (
              <button type="button" className="button button--quiet" aria-disabled={busy} onClick={stop}>
                Stop copying
              </button>
            ) : null}
          </div>
        </form>
      ) : null}
      {desk.isManager && overview.canChooseFolder && fieldError ? (
        <Notice tone="error">
          <p>{fieldError}</p>
        </Notice>
      ) : null}
      {outcome ? (
        <Notice tone={outcome.tone} testId="second-folder-outcome">
          <p>{outcome.text}</p>
        </Notice>
      ) : null}
    </section>
  )
}
