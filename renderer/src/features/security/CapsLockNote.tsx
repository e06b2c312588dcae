import { useEffect, useState } from 'react'

/** "Caps Lock is on" while it is, for passphrase boxes (a wrong-case passphrase is the usual mistake). */
export function CapsLockNote() {
  const [on, setOn] = useState(false)
  useEffect(() => {
    const check = (event: KeyboardEvent) => {
      if (typeof event.getModifierState === 'function') setOn(event.getModifierState('CapsLock'))
    }
    window.addEventListener('keydown', check)
    window.addEventListener('keyup', check)
    return () => {
      window.removeEventListener('keydown', check)
      window.removeEventListener('keyup', check)
    }
  }, [])
  return (
    <p className="caps-lock-note" aria-live="polite">
      {on ? 'Caps Lock is on.' : ''}
    </p>
  )
}
