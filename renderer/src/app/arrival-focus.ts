import { useEffect, type RefObject } from 'react'

/*
 * Moving to another section puts keyboard focus on that screen (its heading,
 * or its main input) so the next Tab starts there. The hash router asks for
 * it; the first screen element that uses useArrivalFocus takes it.
 */
let pending = false

export function requestArrivalFocus(): void {
  pending = true
}

/** Clears the request; true if there was one. For screens that always focus something on mount. */
export function consumeArrivalFocus(): boolean {
  const was = pending
  pending = false
  return was
}

export function useArrivalFocus(ref: RefObject<HTMLElement | null>, enabled = true): void {
  useEffect(() => {
    if (enabled && ref.current && consumeArrivalFocus()) ref.current.focus()
  }, [ref, enabled])
}
