import { useRef, useState, type FormEvent } from 'react'
import type { SecurityStatus } from '../../../../shared/domain/security'
import { Field } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { api, errorMessage } from '../../lib/api'
import { useSecretInput } from '../../lib/secret-input'
import { CapsLockNote } from './CapsLockNote'
import { GateLayout } from './GateLayout'

interface Props {
  readonly onStatus: (status: SecurityStatus) => void
}

/** Start-up of a passphrase-protected vault: a manager types the passphrase. */
export function VaultUnlockScreen({ onStatus }: Props) {
  const passphrase = useSecretInput()
  const [busy, setBusy] = useState(false)
  const busyRef = useRef(false)
  const [error, setError] = useState<string | null>(null)
  const [tries, setTries] = useState(0)

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (busyRef.current) return
    const typed = passphrase.value
    if (typed === '') {
      setError('Type the vault passphrase first.')
      passphrase.focus()
      return
    }
    // Out of the box at once: it is never shown again, right or wrong.
    passphrase.clear()
    busyRef.current = true
    setBusy(true)
    setError(null)
    try {
      onStatus(await api.vault.unlock({ passphrase: typed }))
    } catch (caught) {
      setTries((n) => n + 1)
      setError(errorMessage(caught))
      passphrase.focus()
    } finally {
      busyRef.current = false
      setBusy(false)
    }
  }

  return (
    <GateLayout
      title="Unlock the code vault"
      lead={
        <p>
          Radio codes stay locked each time Radio Code Desk starts, until a manager types the vault passphrase. Then everyone can sign in
          with their own PIN.
        </p>
      }
    >
      <form className="gate__form" noValidate onSubmit={(event) => void submit(event)}>
        <Field id="vault-unlock-passphrase" label="Vault passphrase" error={undefined}>
          {(control) => (
            <input
              {...control}
              {...passphrase.inputProps}
              aria-describedby={error ? 'vault-unlock-error' : undefined}
              className="input"
              type="password"
              autoComplete="off"
              spellCheck={false}
              autoFocus
            />
          )}
        </Field>
        <CapsLockNote />
        {error ? (
          <div id="vault-unlock-error">
            <Notice tone="error" title={tries > 1 ? `The vault is still locked (try ${tries})` : 'The vault is still locked'}>
              <p>{error}</p>
            </Notice>
          </div>
        ) : null}
        <div className="gate__actions">
          <button type="submit" className="button button--primary button--large" aria-disabled={busy}>
            {busy ? 'Unlocking…' : 'Unlock'}
          </button>
        </div>
        <p className="gate__text gate__text--muted">
          No manager here? Radio Code Desk stays locked until one arrives; nothing typed into the app is lost.
        </p>
      </form>
    </GateLayout>
  )
}
