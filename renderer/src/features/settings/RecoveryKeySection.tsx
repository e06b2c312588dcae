import { useRef, useState, type FormEvent } from 'react'
import { useDesk } from '../../app/desk-context'
import { Field } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { ApiCallError, api, errorMessage } from '../../lib/api'
import { useSecretInput } from '../../lib/secret-input'
import { RecoveryKeyCard } from '../security/RecoveryKeyCard'
import { RecoveryKeyWarning } from '../security/RecoveryKeyWarning'
import '../security/security.css'

type Step =
  | { readonly step: 'idle'; readonly done: boolean }
  | { readonly step: 'pin' }
  | { readonly step: 'shown'; readonly recoveryKey: string }

/**
 * Settings → Vault recovery key: whether the vault has one, and (manager,
 * with their PIN again) a new one, which replaces the old one once it is
 * written down: for a vault made before recovery keys, or a lost sheet.
 */
export function RecoveryKeySection() {
  const desk = useDesk()
  const [state, setState] = useState<Step>({ step: 'idle', done: false })
  const [version, setVersion] = useState(0)
  const pin = useSecretInput()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const busyRef = useRef(false)

  const make = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (busyRef.current) return
    const typed = pin.value
    pin.clear()
    if (typed === '') {
      setError('Type your PIN.')
      pin.focus()
      return
    }
    setError(null)
    busyRef.current = true
    setBusy(true)
    try {
      const made = await api.vault.newRecoveryKey({ pin: typed })
      setState({ step: 'shown', recoveryKey: made.recoveryKey })
    } catch (caught) {
      setError(caught instanceof ApiCallError && caught.fields[0] ? caught.fields[0].message : errorMessage(caught))
      pin.focus()
    } finally {
      busyRef.current = false
      setBusy(false)
    }
  }

  return (
    <section className="settings-card" aria-labelledby="vault-recovery-title" data-testid="recovery-key-section">
      <h2 id="vault-recovery-title">Vault recovery key</h2>
      <p className="settings-card__lead">
        The spare key to the radio codes, on paper: it opens them on another computer, or when the vault passphrase is forgotten. A new key
        makes the old sheet useless.
      </p>
      <RecoveryKeyWarning version={version} />
      {state.step === 'idle' && state.done ? (
        <Notice tone="success" title="The new recovery key is in use">
          <p>The old recovery sheet no longer opens anything: destroy it.</p>
        </Notice>
      ) : null}
      {!desk.isManager ? <p>Only a manager can make a new recovery key.</p> : null}
      {desk.isManager && state.step === 'idle' ? (
        <div className="form-actions">
          <button type="button" className="button" onClick={() => setState({ step: 'pin' })}>
            Create a new recovery key
          </button>
        </div>
      ) : null}
      {desk.isManager && state.step === 'pin' ? (
        <form className="settings-form" noValidate onSubmit={(event) => void make(event)}>
          <Field id="recovery-key-pin" label={`${desk.member.name}, your PIN`} hint="Typed again, because the key opens every code." error={error ?? undefined}>
            {(control) => (
              <input {...control} {...pin.inputProps} className="input input--short" type="password" inputMode="numeric" autoComplete="off" autoFocus />
            )}
          </Field>
          <div className="form-actions">
            <button type="submit" className="button button--primary" aria-disabled={busy}>
              {busy ? 'Making the key…' : 'Make the new key'}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setState({ step: 'idle', done: false })}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
      {state.step === 'shown' ? (
        <RecoveryKeyCard
          recoveryKey={state.recoveryKey}
          continueLabel="I have written it down: use the new key"
          onConfirmed={() => {
            setState({ step: 'idle', done: true })
            setVersion((n) => n + 1)
          }}
        />
      ) : null}
    </section>
  )
}
