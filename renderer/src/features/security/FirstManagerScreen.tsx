import { useRef, useState, type FormEvent } from 'react'
import type { SecurityStatus } from '../../../../shared/domain/security'
import { staffNameSchema } from '../../../../shared/domain/staff'
import { Field } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { ApiCallError, api, errorMessage } from '../../lib/api'
import { useSecretInput } from '../../lib/secret-input'
import { GateLayout } from './GateLayout'
import { takeNewPin } from './new-pin'
import { NewPinFields } from './NewPinFields'

interface Props {
  readonly onStatus: (status: SecurityStatus) => void
}

function nameProblem(name: string): string | null {
  const result = staffNameSchema.safeParse(name)
  return result.success ? null : (result.error.issues[0]?.message ?? 'Enter the person’s name.')
}

/** First start, after the vault: the shop's manager, who is signed in at once. */
export function FirstManagerScreen({ onStatus }: Props) {
  const [name, setName] = useState('')
  const pin = useSecretInput()
  const confirm = useSecretInput()
  const [submitted, setSubmitted] = useState(false)
  const [leftName, setLeftName] = useState(false)
  const [busy, setBusy] = useState(false)
  const busyRef = useRef(false)
  const [serverErrors, setServerErrors] = useState<{ name?: string; pin?: string; form?: string }>({})

  const nameError = serverErrors.name ?? (submitted || leftName ? (nameProblem(name) ?? undefined) : undefined)

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (busyRef.current) return
    setSubmitted(true)
    setServerErrors({})
    if (nameProblem(name)) {
      document.getElementById('first-manager-name')?.focus()
      return
    }
    const chosenPin = takeNewPin(pin, confirm)
    if (chosenPin === null) return
    busyRef.current = true
    setBusy(true)
    try {
      onStatus(await api.staff.createFirstManager({ name, pin: chosenPin }))
    } catch (caught) {
      setSubmitted(false)
      if (caught instanceof ApiCallError && caught.code === 'VALIDATION' && caught.fields.length > 0) {
        const byPath = Object.fromEntries(caught.fields.map((field) => [field.path, field.message]))
        setServerErrors({ name: byPath['name'], pin: byPath['pin'] })
      } else {
        setServerErrors({ form: errorMessage(caught) })
      }
      pin.focus()
    } finally {
      busyRef.current = false
      setBusy(false)
    }
  }

  return (
    <GateLayout
      title="Create the manager"
      lead={
        <p>
          The first person is the shop’s manager: they add the staff, choose who may see codes, and read the audit log. Everyone signs in
          with their own PIN, so the log shows who did what.
        </p>
      }
    >
      <form className="gate__form" noValidate onSubmit={(event) => void submit(event)}>
        <Field id="first-manager-name" label="Manager’s name" hint="As the staff know them, e.g. “Maria Rivera”." error={nameError}>
          {(control) => (
            <input
              {...control}
              className="input"
              type="text"
              autoComplete="off"
              value={name}
              autoFocus
              onChange={(event) => {
                setName(event.target.value)
                if (serverErrors.name) setServerErrors(({ name: _dropped, ...rest }) => rest)
              }}
              onBlur={() => setLeftName(name.trim() !== '')}
            />
          )}
        </Field>
        <NewPinFields idPrefix="first-manager" pin={pin} confirm={confirm} submitted={submitted} serverError={serverErrors.pin} />
        <p className="gate__text gate__text--muted">
          Keep your PIN to yourself. A forgotten PIN can only be reset by another manager, so add a second manager soon under Settings →
          Staff.
        </p>
        {serverErrors.form ? (
          <Notice tone="error" title="The manager was not created">
            <p>{serverErrors.form}</p>
          </Notice>
        ) : null}
        <div className="gate__actions">
          <button type="submit" className="button button--primary button--large" aria-disabled={busy}>
            {busy ? 'Creating…' : 'Create the manager and sign in'}
          </button>
        </div>
      </form>
    </GateLayout>
  )
}
