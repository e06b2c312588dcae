import { useRef, useState, type FormEvent } from 'react'
import { isLastRecoveryGroup, recoveryKeyGroups, RECOVERY_KEY_GROUPS } from '../../../../shared/domain/recovery-key'
import type { SecurityStatus } from '../../../../shared/domain/security'
import { Field } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { api, errorMessage } from '../../lib/api'

interface Props {
  /** The key just made; shown here once, never kept anywhere else in the window. */
  readonly recoveryKey: string
  readonly onConfirmed: (status: SecurityStatus) => void
  /** The button that confirms, e.g. "Continue". */
  readonly continueLabel: string
}

/**
 * A new recovery key: the groups in large print, what the key is for, the
 * printed sheet, and "type the last group" before it is stored (main stores
 * it only then, so a key nobody wrote down never replaces a good one).
 */
export function RecoveryKeyCard({ recoveryKey, onConfirmed, continueLabel }: Props) {
  const groups = recoveryKeyGroups(recoveryKey)
  const [typed, setTyped] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const busyRef = useRef(false)
  const [printing, setPrinting] = useState(false)
  const [printed, setPrinted] = useState<{ tone: 'success' | 'error' | 'info'; text: string } | null>(null)

  const print = async () => {
    if (printing) return
    setPrinting(true)
    setPrinted(null)
    try {
      const outcome = await api.vault.printRecoverySheet({})
      setPrinted({ tone: outcome.status === 'printed' ? 'success' : outcome.status === 'cancelled' ? 'info' : 'error', text: outcome.message })
    } catch (caught) {
      setPrinted({ tone: 'error', text: errorMessage(caught) })
    } finally {
      setPrinting(false)
    }
  }

  const confirm = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (busyRef.current) return
    if (!isLastRecoveryGroup(recoveryKey, typed)) {
      setError(
        typed.trim() === ''
          ? `Type group ${RECOVERY_KEY_GROUPS} (the last one) from what you wrote down.`
          : `That is not group ${RECOVERY_KEY_GROUPS}. Check what you wrote down against the key above.`,
      )
      document.getElementById('recovery-last-group')?.focus()
      return
    }
    setError(null)
    busyRef.current = true
    setBusy(true)
    try {
      onConfirmed(await api.vault.confirmRecoveryKey({ lastGroup: typed }))
    } catch (caught) {
      setError(errorMessage(caught))
      busyRef.current = false
      setBusy(false)
    }
  }

  return (
    <div className="recovery">
      <Notice tone="warning" title="Shown only this once">
        <p>
          Write the recovery key down on paper, or print the recovery sheet, now. Keep it away from this computer: in the shop safe or with
          the owner’s papers. If this computer breaks, is replaced, or the vault passphrase is forgotten, the recovery key is the only way
          to read the radio codes again. Without it, and without this computer, nobody can recover them.
        </p>
      </Notice>
      <ol className="recovery__key" aria-label="Recovery key" data-testid="recovery-key">
        {groups.map((group, index) => (
          <li key={index} className="recovery__group">
            <span className="recovery__number" aria-hidden="true">
              {index + 1}
            </span>
            <span className="recovery__chars">{group}</span>
          </li>
        ))}
      </ol>
      <p className="gate__text gate__text--muted">
        Letters and digits only: 0–9 and A–Z without I, L, O or U. Anyone holding this key and a copy of the shop’s data can read every
        code, so do not photograph it or email it.
      </p>
      <div className="gate__actions">
        <button type="button" className="button" onClick={() => void print()} aria-disabled={printing}>
          {printing ? 'Printing…' : 'Print the recovery sheet'}
        </button>
      </div>
      {printed ? (
        <Notice tone={printed.tone}>
          <p>{printed.text}</p>
        </Notice>
      ) : null}
      <form className="gate__form" noValidate onSubmit={(event) => void confirm(event)}>
        <Field
          id="recovery-last-group"
          label={`Group ${RECOVERY_KEY_GROUPS} of the key, as you wrote it down`}
          hint="So we know the key is on paper before it is put to use."
          error={error ?? undefined}
        >
          {(control) => (
            <input
              {...control}
              className="input input--short recovery__input"
              type="text"
              autoComplete="off"
              spellCheck={false}
              maxLength={12}
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
            />
          )}
        </Field>
        <div className="gate__actions">
          <button type="submit" className="button button--primary button--large" aria-disabled={busy}>
            {busy ? 'Saving…' : continueLabel}
          </button>
        </div>
      </form>
    </div>
  )
}
