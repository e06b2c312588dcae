import type { KeyboardEvent } from 'react'

/**
 * onKeyDown for a form or panel that Esc closes: Esc calls `cancel`, and
 * counts as handled (preventDefault) so nothing around it reacts to the same key.
 */
export function cancelOnEscape(cancel: () => void): (event: KeyboardEvent<HTMLElement>) => void {
  return (event) => {
    if (event.key !== 'Escape') return
    event.preventDefault()
    cancel()
  }
}
