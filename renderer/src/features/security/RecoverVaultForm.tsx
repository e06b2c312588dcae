import { useRef, useState, type FormEvent } from 'react'
import { parseRecoveryKey } from '../../../../shared/domain/recovery-key'
import type { SecurityStatus } from '../../../../shared/domain/security'
import { VAULT_PASSPHRASE_MIN_LENGTH, vaultPassphraseSchema } from '../../../../shared/domain/staff'
import { Field } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { ApiCallError, api, errorMessage } from '../../lib/api'
import { useSecretInput } from '../../lib/secret-input'

interface Props {
  readonly security: SecurityStatus
  readonly onStatus: (status: SecurityStatus) => void
}

/**
 * Opens the vault with the recovery key, then protects it for this computer
 * as set-up would: its key store when it can be trusted, else a new
 * passphrase typed twice. The key's check group catches a typo here, before
 * anything is sent.
 */
export function RecoverVaultForm({ security, onStatus }: Props) {
  const key = useSecretInput()
  const passphrase = useSecretInput()
  const again = useSecretInput()
  const needsPassphrase = !security.systemKeyStore.trusted
  const [keyError, setKeyError] = useState<string | null>(null)
  const [passphraseError, setPassphraseError] = useState<string | null>(null)
  const [againError, setAgainError] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const busyRef = useRef(false)

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (busyRef.current) return
    setError(null)
    const parsed = parseRecoveryKey(key.value)
    setKeyError(parsed.ok ? null : parsed.problem)
    let newPassphrase: string | null = null
    let passphraseProblem: string | null = null
    let againProblem: string | null = null
    if (needsPassphrase) {
      const checked = vaultPassphraseSchema.safeParse(passphrase.value)
      passphraseProblem =
        passphrase.value === '' ? 'Choose a new vault passphrase.' : checked.success ? null : (checked.error.issues[0]?.message ?? 'That passphrase cannot be used.')
      againProblem = passphraseProblem === null && again.value !== passphrase.value ? 'The two passphrases are not the same. Type it again.' : null
      newPassphrase = passphrase.value
    }
    setPassphraseError(passphraseProblem)
    setAgainError(againProblem)
    if (!parsed.ok) return key.focus()
    if (passphraseProblem) return passphrase.focus()
    if (againProblem) return again.focus()

    busyRef.current = true
    setBusy(true)
    try {
      const status = await api.vault.recover({ recoveryKey: key.value, newPassphrase })
      key.clear()
      passphrase.clear()
      again.clear()
      onStatus(status)
    } catch (caught) {
      passphrase.clear()
      again.clear()
      setError(caught instanceof ApiCallError && caught.fields[0] ? caught.fields[0].message : errorMessage(caught))
      key.focus()
    } finally {
      busyRef.current = false
      setBusy(false)
    }
  }

  return (
    <form className="gate__form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="recover-title">
      <h2 id="recover-title" className="gate__subtitle">
        Use the recovery key
      </h2>
      <p className="gate__text">Type the key from the recovery sheet: 8 groups of 4. Upper or lower case, dashes and spaces do not matter.</p>
      <Field id="recovery-key-typed" label="Recovery key" error={keyError ?? undefined}>
        {(control) => (
          <input
            {...control}
            {...key.inputProps}
            className="input recovery__typed-key"
            type="text"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={200}
            onInput={() => setKeyError(null)}
            autoFocus
          />
        )}
      </Field>
      {needsPassphrase ? (
        <>
          <p className="gate__text">
            This computer’s key store cannot protect the vault, so choose a new <strong>vault passphrase</strong>. A manager types it each
            time Radio Code Desk starts.
          </p>
          <Field
            id="recovery-new-passphrase"
            label="New vault passphrase"
            hint={`At least ${VAULT_PASSPHRASE_MIN_LENGTH} characters; a few unrelated words work well.`}
            error={passphraseError ?? undefined}
          >
            {(control) => <input {...control} {...passphrase.inputProps} className="input" type="password" autoComplete="new-password" spellCheck={false} />}
          </Field>
          <Field id="recovery-new-passphrase-again" label="New vault passphrase again" error={againError ?? undefined}>
            {(control) => <input {...control} {...again.inputProps} className="input" type="password" autoComplete="new-password" spellCheck={false} />}
          </Field>
        </>
      ) : (
        <p className="gate__text">The vault will then be protected by this computer’s key store, as set-up does; nobody types anything at start.</p>
      )}
      {error ? (
        <Notice tone="error" title="The vault is still locked">
          <p>{error}</p>
        </Notice>
      ) : null}
      <div className="gate__actions">
        <button type="submit" className="button button--primary button--large" aria-disabled={busy}>
          {busy ? 'Opening the vault…' : 'Open the vault with the recovery key'}
        </button>
      </div>
    </form>
  )
}
