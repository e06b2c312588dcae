import { useRef, useState, type FormEvent } from 'react'
import type { SecurityStatus } from '../../../../shared/domain/security'
import { VAULT_PASSPHRASE_MIN_LENGTH, vaultPassphraseSchema } from '../../../../shared/domain/staff'
import { Field } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { ApiCallError, api, errorMessage } from '../../lib/api'
import { passphraseHint } from '../../lib/passphrase-strength'
import { useSecretInput } from '../../lib/secret-input'
import { CapsLockNote } from './CapsLockNote'
import { GateLayout } from './GateLayout'

interface Props {
  readonly security: SecurityStatus
  readonly onStatus: (status: SecurityStatus) => void
}

const LEAD = 'Radio codes are kept encrypted, so a copy of the database is no use to a thief. The key that opens them has to be protected too; choose how, once.'

/** First start: protect the vault key with this computer's key store, or (when it cannot) with a passphrase. */
export function VaultSetUpScreen({ security, onStatus }: Props) {
  const { trusted, explanation } = security.systemKeyStore
  return (
    <GateLayout title="Set up the code vault" lead={<p>{LEAD}</p>}>
      {trusted ? <KeyStoreChoice explanation={explanation} onStatus={onStatus} /> : <PassphraseChoice explanation={explanation} onStatus={onStatus} />}
    </GateLayout>
  )
}

function KeyStoreChoice({ explanation, onStatus }: { readonly explanation: string; readonly onStatus: Props['onStatus'] }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const setUp = async () => {
    if (busy) return
    setBusy(true)
    setError(null)
    try {
      onStatus(await api.vault.setUp({ passphrase: null }))
    } catch (caught) {
      setError(errorMessage(caught))
      setBusy(false)
    }
  }
  return (
    <>
      <Notice tone="info" title="What protects the key">
        <p data-testid="key-store-explanation">{explanation}</p>
      </Notice>
      <p className="gate__text">Nobody has to type anything when Radio Code Desk starts on this computer. Staff still sign in with their own PIN.</p>
      {error ? (
        <Notice tone="error" title="The vault was not set up">
          <p>{error}</p>
        </Notice>
      ) : null}
      <div className="gate__actions">
        <button type="button" className="button button--primary button--large" onClick={() => void setUp()} aria-disabled={busy} autoFocus>
          {busy ? 'Setting up…' : 'Use this computer’s key store'}
        </button>
      </div>
    </>
  )
}

function passphraseProblem(value: string): string | null {
  if (value === '') return 'Choose a vault passphrase.'
  const result = vaultPassphraseSchema.safeParse(value)
  return result.success ? null : (result.error.issues[0]?.message ?? 'That passphrase cannot be used.')
}

function PassphraseChoice({ explanation, onStatus }: { readonly explanation: string; readonly onStatus: Props['onStatus'] }) {
  const passphrase = useSecretInput()
  const again = useSecretInput()
  const [show, setShow] = useState(false)
  const [submitted, setSubmitted] = useState(false)
  const [leftFirst, setLeftFirst] = useState(false)
  const [busy, setBusy] = useState(false)
  const busyRef = useRef(false)
  const [error, setError] = useState<string | null>(null)

  const problem = passphraseProblem(passphrase.value)
  const mismatch =
    problem === null && again.value !== passphrase.value
      ? again.value === ''
        ? 'Type the passphrase a second time, to be sure it is the one you meant.'
        : 'The two passphrases are not the same. Type it again in this box.'
      : null
  const hint = passphraseHint(passphrase.value)
  const showProblem = problem !== null && (submitted || leftFirst)
  const showMismatch = mismatch !== null && (submitted || (again.value.length >= passphrase.value.length && again.value !== ''))

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (busyRef.current) return
    setSubmitted(true)
    setError(null)
    if (problem) {
      passphrase.focus()
      return
    }
    if (mismatch) {
      again.focus()
      return
    }
    const chosen = passphrase.value
    busyRef.current = true
    setBusy(true)
    try {
      const status = await api.vault.setUp({ passphrase: chosen })
      passphrase.clear()
      again.clear()
      onStatus(status)
    } catch (caught) {
      // Both boxes are emptied: the passphrase is typed again, never kept around.
      passphrase.clear()
      again.clear()
      setSubmitted(false)
      setError(caught instanceof ApiCallError && caught.fields[0] ? caught.fields[0].message : errorMessage(caught))
      passphrase.focus()
    } finally {
      busyRef.current = false
      setBusy(false)
    }
  }

  return (
    <>
      <Notice tone="warning" title="This computer’s key store cannot protect the key">
        <p data-testid="key-store-explanation">{explanation}</p>
      </Notice>
      <p className="gate__text">
        Choose a <strong>vault passphrase</strong> instead. A manager types it each time Radio Code Desk starts; until then nobody can
        sign in or see a code.
      </p>
      <form className="gate__form" noValidate onSubmit={(event) => void submit(event)}>
        <Field
          id="vault-passphrase"
          label="Vault passphrase"
          hint={`At least ${VAULT_PASSPHRASE_MIN_LENGTH} characters. Four or more unrelated words work well; not a saying, a song line, or the shop’s name.`}
          error={showProblem ? (problem ?? undefined) : undefined}
        >
          {(control) => (
            <input
              {...control}
              {...passphrase.inputProps}
              className="input"
              type={show ? 'text' : 'password'}
              autoComplete="new-password"
              spellCheck={false}
              autoFocus
              onBlur={() => setLeftFirst(passphrase.value !== '')}
            />
          )}
        </Field>
        <div className={`strength strength--${hint.strength}`} aria-live="polite" data-testid="passphrase-strength">
          <span className="strength__bar" aria-hidden="true">
            <span className="strength__fill" />
          </span>
          <span className="strength__text">{hint.text ? `Strength: ${hint.text}` : 'Strength: nothing typed yet.'}</span>
        </div>
        <Field id="vault-passphrase-again" label="Vault passphrase again" error={showMismatch ? (mismatch ?? undefined) : undefined}>
          {(control) => (
            <input
              {...control}
              {...again.inputProps}
              className="input"
              type={show ? 'text' : 'password'}
              autoComplete="new-password"
              spellCheck={false}
            />
          )}
        </Field>
        <label className="check">
          <input type="checkbox" checked={show} onChange={(event) => setShow(event.target.checked)} />
          Show what I typed
        </label>
        <CapsLockNote />
        <Notice tone="info" title="Write it down and keep it safe">
          <p>
            Keep the passphrase on paper in the manager’s office or a safe, not at the desk. Nobody can recover it: without it, the
            codes in this database cannot be read.
          </p>
        </Notice>
        {error ? (
          <Notice tone="error" title="The vault was not set up">
            <p>{error}</p>
          </Notice>
        ) : null}
        <div className="gate__actions">
          <button type="submit" className="button button--primary button--large" aria-disabled={busy}>
            {busy ? 'Setting up…' : 'Set up the vault'}
          </button>
        </div>
      </form>
    </>
  )
}
