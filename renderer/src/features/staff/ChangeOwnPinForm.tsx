import { useState, type FormEvent } from 'react'
import { Field } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { ApiCallError, api, errorMessage } from '../../lib/api'
import { useSecretInput } from '../../lib/secret-input'
import { takeNewPin } from '../security/new-pin'
import { NewPinFields } from '../security/NewPinFields'

/**
 * Settings → Staff, for whoever is signed in: a new PIN for yourself, with
 * the current one. Main counts a wrong current PIN toward the lockout and
 * writes 'staff.pin.change' to the audit log.
 */
export function ChangeOwnPinForm({ name }: { readonly name: string }) {
  const current = useSecretInput()
  const pin = useSecretInput()
  const confirm = useSecretInput()
  const [submitted, setSubmitted] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<{ current?: string | undefined; pin?: string | undefined; form?: string | undefined }>({})
  const [saved, setSaved] = useState(false)
  // Bumped when the boxes are emptied after a try, so the new-PIN fields forget they were typed in (no "Enter a PIN." on empty boxes).
  const [attempt, setAttempt] = useState(0)

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (busy) return
    setSubmitted(true)
    setSaved(false)
    setError({})
    if (current.value.trim() === '') {
      setError({ current: 'Type the PIN you use now.' })
      current.focus()
      return
    }
    const newPin = takeNewPin(pin, confirm)
    if (newPin === null) return
    const input = { currentPin: current.value, newPin }
    current.clear()
    setAttempt((n) => n + 1)
    setBusy(true)
    try {
      await api.staff.changeOwnPin(input)
      setSubmitted(false)
      setSaved(true)
    } catch (caught) {
      setSubmitted(false)
      const newPinProblem = caught instanceof ApiCallError ? caught.fields.find((problem) => problem.path === 'newPin') : undefined
      if (newPinProblem) {
        setError({ pin: newPinProblem.message })
        pin.focus()
      } else if (caught instanceof ApiCallError && caught.code === 'FORBIDDEN') {
        setError({ current: caught.message })
        current.focus()
      } else {
        setError({ form: errorMessage(caught) })
        current.focus()
      }
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="settings-card" aria-labelledby="own-pin-title">
      <h2 id="own-pin-title">Your PIN</h2>
      <p className="settings-card__lead">Signed in as {name}. Choose a new PIN any time you think someone has seen yours.</p>
      <form className="settings-form" noValidate onSubmit={(event) => void submit(event)}>
        <Field id="own-pin-current" label="Current PIN" error={error.current}>
          {(control) => (
            <input
              {...control}
              {...current.inputProps}
              className="input input--pin"
              type="password"
              inputMode="numeric"
              autoComplete="current-password"
              spellCheck={false}
              maxLength={16}
            />
          )}
        </Field>
        <NewPinFields
          key={attempt}
          idPrefix="own-pin"
          pin={pin}
          confirm={confirm}
          submitted={submitted}
          pinLabel="New PIN"
          confirmLabel="New PIN again"
          serverError={error.pin}
        />
        {error.form ? (
          <Notice tone="error" title="Your PIN was not changed">
            <p>{error.form}</p>
          </Notice>
        ) : null}
        {saved ? (
          <Notice tone="success" testId="own-pin-saved">
            <p>Your PIN is changed. Use the new one from now on.</p>
          </Notice>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button button--primary" aria-disabled={busy}>
            {busy ? 'Saving…' : 'Change my PIN'}
          </button>
        </div>
      </form>
    </section>
  )
}
