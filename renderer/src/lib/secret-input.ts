import { useCallback, useRef, useState, type ChangeEvent, type RefObject } from 'react'

/*
 * PINs and passphrases as they are typed. The input is left uncontrolled on
 * purpose: React mirrors a controlled input's value into its `value`
 * attribute, which would put the secret into the DOM. Here the DOM holds it
 * only while it is being typed, and clear() empties the box and the state
 * (call it as soon as the value has been sent). Never put these values into
 * drafts, the address, logs or flash messages.
 */
export interface SecretInput {
  /** What is typed now (kept for checks as you type; cleared by clear()). */
  readonly value: string
  /** Spread onto the <input>. */
  readonly inputProps: {
    readonly ref: RefObject<HTMLInputElement | null>
    readonly onChange: (event: ChangeEvent<HTMLInputElement>) => void
  }
  /** Empties the box and forgets the value. */
  clear(): void
  focus(): void
}

export function useSecretInput(): SecretInput {
  const ref = useRef<HTMLInputElement | null>(null)
  const [value, setValue] = useState('')
  const onChange = useCallback((event: ChangeEvent<HTMLInputElement>) => setValue(event.target.value), [])
  const clear = useCallback(() => {
    if (ref.current) ref.current.value = ''
    setValue('')
  }, [])
  const focus = useCallback(() => ref.current?.focus(), [])
  return { value, inputProps: { ref, onChange }, clear, focus }
}
