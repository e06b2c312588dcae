import { useEffect, useRef, useState, type FormEvent } from 'react'
import type { StaffMember } from '../../../../shared/domain/staff'
import { Kbd } from '../../components/Kbd'
import { Notice } from '../../components/Notice'
import { ApiCallError, api, errorMessage } from '../../lib/api'
import { useSecretInput } from '../../lib/secret-input'
import { takeNewPin } from '../security/new-pin'
import { NewPinFields } from '../security/NewPinFields'
import { cancelOnEscape } from '../../lib/cancel-on-escape'

interface Props {
  readonly member: StaffMember
  readonly isSelf: boolean
  readonly onDone: (member: StaffMember) => void
  readonly onCancel: () => void
}

/** A manager sets a new PIN for someone (clears their lockout). Main writes 'staff.pin.reset' to the audit log. */
export function ResetPinPanel({ member, isSelf, onDone, onCancel }: Props) {
  const pin = useSecretInput()
  const confirm = useSecretInput()
  const [submitted, setSubmitted] = useState(false)
  const [busy, setBusy] = useState(false)
  const busyRef = useRef(false)
  const [error, setError] = useState<{ pin?: string | undefined; form?: string | undefined }>({})
  const focusPin = pin.focus

  useEffect(() => {
    focusPin()
  }, [focusPin])

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (busyRef.current) return
    setSubmitted(true)
    setError({})
    const newPin = takeNewPin(pin, confirm)
    if (newPin === null) return
    busyRef.current = true
    setBusy(true)
    try {
      onDone(await api.staff.resetPin({ staffId: member.id, newPin }))
    } catch (caught) {
      setSubmitted(false)
      const field = caught instanceof ApiCallError ? caught.fields.find((problem) => problem.path === 'newPin') : undefined
      setError(field ? { pin: field.message } : { form: errorMessage(caught) })
      pin.focus()
    } finally {
      busyRef.current = false
      setBusy(false)
    }
  }

  return (
    <section className="panel reset-pin" aria-labelledby="reset-pin-title" onKeyDown={cancelOnEscape(onCancel)}>
      <h3 id="reset-pin-title" className="panel__title">
        {isSelf ? 'Change your PIN' : `Reset ${member.name}’s PIN`}
      </h3>
      <p className="panel__lead">
        {isSelf
          ? 'Your old PIN stops working at once.'
          : `Choose the new PIN together with ${member.name}, or tell it to them in person. It also ends a lockout. The reset is recorded in the audit log.`}
      </p>
      <form className="settings-form" noValidate onSubmit={(event) => void submit(event)}>
        <NewPinFields
          idPrefix="reset-pin"
          pin={pin}
          confirm={confirm}
          submitted={submitted}
          pinLabel="New PIN"
          confirmLabel="New PIN again"
          serverError={error.pin}
        />
        {error.form ? (
          <Notice tone="error" title="The PIN was not changed">
            <p>{error.form}</p>
          </Notice>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button button--primary" aria-disabled={busy}>
            {busy ? 'Saving…' : 'Set the new PIN'}
          </button>
          <button type="button" className="button button--quiet" onClick={onCancel}>
            Cancel <Kbd keys="Esc" />
          </button>
        </div>
      </form>
    </section>
  )
}
