import { useState } from 'react'
import { PIN_MAX_LENGTH, PIN_MIN_LENGTH } from '../../../../shared/domain/staff'
import { Field } from '../../components/Field'
import type { SecretInput } from '../../lib/secret-input'
import { newPinErrors } from './new-pin'
import './security.css'

export const PIN_RULES = `${PIN_MIN_LENGTH} to ${PIN_MAX_LENGTH} digits. Not one digit repeated (like 0000) and not a straight run (like 1234).`

interface Props {
  readonly idPrefix: string
  readonly pin: SecretInput
  readonly confirm: SecretInput
  /** After a save was tried: show every problem, not only the ones typed into. */
  readonly submitted: boolean
  readonly pinLabel?: string
  readonly confirmLabel?: string
  /** A problem main reported for the PIN. */
  readonly serverError?: string | undefined
}

/**
 * A new PIN, typed twice, checked as it is typed with the same rules main
 * uses. The boxes are never controlled by React (see useSecretInput), so the
 * PIN never lands in a DOM attribute.
 */
export function NewPinFields({ idPrefix, pin, confirm, submitted, pinLabel = 'PIN', confirmLabel = 'PIN again', serverError }: Props) {
  const [leftPin, setLeftPin] = useState(false)
  const [leftConfirm, setLeftConfirm] = useState(false)
  const errors = newPinErrors(pin.value, confirm.value)
  const pinTyped = pin.value.length > 0
  // Say "too short" only once they stop typing; other problems (letters, 0000, 1234) at once.
  const showPinError =
    Boolean(errors.pin) && (submitted || leftPin || pin.value.length >= PIN_MIN_LENGTH || /\D/.test(pin.value.trim()))
  const confirmTyped = confirm.value.length > 0
  const showConfirmError =
    !errors.pin && Boolean(errors.confirm) && (submitted || leftConfirm || (confirmTyped && confirm.value.length >= pin.value.length))
  const pinOk = pinTyped && !errors.pin
  const bothOk = pinOk && !errors.confirm

  return (
    <div className="new-pin">
      <Field
        id={`${idPrefix}-pin`}
        label={pinLabel}
        hint={pinOk ? '✓ This PIN can be used.' : PIN_RULES}
        error={serverError ?? (showPinError ? errors.pin : undefined)}
        className={pinOk && !serverError ? 'field--ok' : undefined}
      >
        {(control) => (
          <input
            {...control}
            {...pin.inputProps}
            className="input input--pin"
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            spellCheck={false}
            maxLength={16}
            onBlur={() => setLeftPin(pinTyped)}
          />
        )}
      </Field>
      <Field
        id={`${idPrefix}-pin-again`}
        label={confirmLabel}
        hint={bothOk ? '✓ Both PINs are the same.' : 'The same PIN once more.'}
        error={showConfirmError ? errors.confirm : undefined}
        className={bothOk ? 'field--ok' : undefined}
      >
        {(control) => (
          <input
            {...control}
            {...confirm.inputProps}
            className="input input--pin"
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            spellCheck={false}
            maxLength={16}
            onBlur={() => setLeftConfirm(confirmTyped)}
          />
        )}
      </Field>
    </div>
  )
}
