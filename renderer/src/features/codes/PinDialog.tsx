import { useEffect, useRef, type FormEvent } from 'react'
import { Kbd } from '../../components/Kbd'

interface Props {
  readonly title: string
  readonly lead: string
  /** Main's answer to the last PIN (wrong PIN, attempts left, locked). */
  readonly error: string | null
  readonly busy: boolean
  readonly onSubmit: (pin: string) => void
  readonly onCancel: () => void
  /** The submit button's words (default: "Show the code"). */
  readonly submitLabel?: string
}

/**
 * Asks for the PIN of the person at the desk, in a modal dialog (Esc
 * cancels). The PIN box is not tied to React state: its value is read once on
 * submit and the box emptied at once, so the PIN is never kept or rendered.
 */
export function PinDialog({ title, lead, error, busy, onSubmit, onCancel, submitLabel = 'Show the code' }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null)
  const pinRef = useRef<HTMLInputElement>(null)

  useEffect(() => {
    const dialog = dialogRef.current
    const input = pinRef.current
    if (dialog && !dialog.open) dialog.showModal()
    input?.focus()
    return () => {
      if (input) input.value = ''
      if (dialog?.open) dialog.close()
    }
  }, [])

  useEffect(() => {
    if (error !== null) pinRef.current?.focus()
  }, [error])

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const input = pinRef.current
    if (!input || busy) return
    const pin = input.value.trim()
    input.value = ''
    if (pin === '') {
      input.focus()
      return
    }
    onSubmit(pin)
  }

  return (
    <dialog
      ref={dialogRef}
      className="modal-dialog pin-dialog"
      aria-labelledby="pin-dialog-title"
      aria-describedby="pin-dialog-lead"
      onCancel={(event) => {
        event.preventDefault()
        onCancel()
      }}
    >
      <form className="pin-dialog__form" onSubmit={submit} autoComplete="off" noValidate>
        <h2 id="pin-dialog-title" className="pin-dialog__title">
          {title}
        </h2>
        <p id="pin-dialog-lead" className="pin-dialog__lead">
          {lead}
        </p>
        <div className={`field${error ? ' field--invalid' : ''}`}>
          <label className="field__label" htmlFor="pin-dialog-pin">
            Your PIN
          </label>
          <input
            id="pin-dialog-pin"
            ref={pinRef}
            className="input pin-input"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={16}
            aria-invalid={error !== null}
            aria-describedby={error ? 'pin-dialog-error' : undefined}
            defaultValue=""
          />
          {error ? (
            <p className="field__error" id="pin-dialog-error" role="alert">
              {error}
            </p>
          ) : null}
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary" aria-disabled={busy}>
            {busy ? 'Checking…' : submitLabel}
          </button>
          <span className="form-actions__hint">
            <Kbd keys="Enter" /> · <Kbd keys="Esc" /> cancels
          </span>
          <button type="button" className="button button--quiet form-actions__end" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  )
}
