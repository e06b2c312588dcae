import { useRef, useState, type FormEvent } from 'react'
import type { SecurityStatus } from '../../../../shared/domain/security'
import { Field } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { api, errorMessage } from '../../lib/api'
import { useSecretInput } from '../../lib/secret-input'
import { CapsLockNote } from './CapsLockNote'
import { GateLayout } from './GateLayout'
import { RecoverVaultForm } from './RecoverVaultForm'

interface Props {
  readonly security: SecurityStatus
  readonly onStatus: (status: SecurityStatus) => void
}

/**
 * A locked vault at start-up. Passphrase-protected: a manager types it, or,
 * when it is forgotten, uses the recovery key. Protected by a key store
 * that did not give the key back (another computer or Windows account):
 * the recovery key is the way in.
 */
export function VaultUnlockScreen({ security, onStatus }: Props) {
  const [recovering, setRecovering] = useState(false)
  if (security.protection !== 'passphrase') {
    return (
      <GateLayout
        title="This computer cannot open the code vault"
        lead={
          <p>
            The radio codes in this data are locked with the key store of the computer (and Windows account) that set them up, and this
            one cannot open it. This happens after moving to a new computer or restoring a backup on another one.
          </p>
        }
      >
        {security.unlockProblem ? (
          <Notice tone="warning" title="What the key store said">
            <p data-testid="unlock-problem">{security.unlockProblem}</p>
          </Notice>
        ) : null}
        {security.hasRecoveryKey ? (
          <RecoverVaultForm security={security} onStatus={onStatus} />
        ) : (
          <NoRecoveryKey />
        )}
      </GateLayout>
    )
  }
  if (recovering) {
    return (
      <GateLayout title="Unlock the code vault" lead={<p>A forgotten passphrase can be replaced with the recovery key from the recovery sheet.</p>}>
        <RecoverVaultForm security={security} onStatus={onStatus} />
        <div className="gate__actions">
          <button type="button" className="button button--quiet" onClick={() => setRecovering(false)}>
            Back to the passphrase
          </button>
        </div>
      </GateLayout>
    )
  }
  return <PassphraseUnlock security={security} onStatus={onStatus} onRecover={() => setRecovering(true)} />
}

function NoRecoveryKey() {
  return (
    <Notice tone="error" title="This vault has no recovery key">
      <p>
        Start Radio Code Desk on the computer and Windows account that set the vault up, and it opens as before. There, a manager can make a
        recovery key (Settings → Shop, printers and sign-out) to move the codes to another computer.
      </p>
    </Notice>
  )
}

function PassphraseUnlock({ security, onStatus, onRecover }: Props & { readonly onRecover: () => void }) {
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
      {security.hasRecoveryKey ? (
        <div className="gate__actions">
          <button type="button" className="button button--quiet" onClick={onRecover}>
            Passphrase forgotten? Use the recovery key
          </button>
        </div>
      ) : null}
    </GateLayout>
  )
}
