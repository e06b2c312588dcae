import { useEffect, useEffectEvent } from 'react'
import { isTyping } from '../app/use-global-shortcuts'

/*
 * One-key actions on a page ("V" adds a vehicle on a customer's page). They
 * only fire when the cursor is not in a text box and no dialog is open, so
 * they never eat a typed letter. Letters are matched case-insensitively.
 */
export function usePageShortcuts(actions: Readonly<Record<string, () => void>>, enabled = true): void {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (!enabled || event.defaultPrevented || event.isComposing || event.repeat) return
    if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return
    if (document.querySelector('dialog[open]')) return
    const action = actions[event.key.toLowerCase()]
    if (!action) return
    event.preventDefault()
    action()
  })

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event)
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [])
}
