import { pinProblem } from '../../../../shared/domain/staff'
import type { SecretInput } from '../../lib/secret-input'

export interface NewPinErrors {
  readonly pin?: string
  readonly confirm?: string
}

/** What is wrong with a new PIN typed twice; empty when it can be used. Same rules as main (pinProblem). */
export function newPinErrors(pin: string, confirm: string): NewPinErrors {
  const problem = pinProblem(pin.trim())
  if (problem) return { pin: problem }
  if (confirm.trim() === '') return { confirm: 'Type the PIN a second time, to be sure it is the one you meant.' }
  if (confirm.trim() !== pin.trim()) return { confirm: 'The two PINs are not the same. Type the PIN again in this box.' }
  return {}
}

/**
 * The new PIN typed in both boxes, taken out of them (both are cleared, so
 * the PIN is in the page only until it is sent), or null when it cannot be
 * used yet: the box to fix then has the focus, and NewPinFields says why.
 */
export function takeNewPin(pin: SecretInput, confirm: SecretInput): string | null {
  const problems = newPinErrors(pin.value, confirm.value)
  if (problems.pin || problems.confirm) {
    ;(problems.pin ? pin : confirm).focus()
    return null
  }
  const chosen = pin.value
  pin.clear()
  confirm.clear()
  return chosen
}
