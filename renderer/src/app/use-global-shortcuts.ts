import { useEffect, useEffectEvent } from 'react'
import { hrefFor, SECTIONS, type SectionId } from './routes'
import { navigate } from './use-hash-route'

export const SEARCH_INPUT_ID = 'search-input'

interface Options {
  readonly currentSection: SectionId
  readonly onShowHelp: () => void
  /** Ctrl+L: sign out to the name picker. */
  readonly onSwitchPerson: () => void
}

/** True when a key press is text going into a box, so single-key shortcuts must stay out of the way. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  if (target instanceof HTMLInputElement) {
    return !['button', 'submit', 'reset', 'checkbox', 'radio', 'range', 'color', 'file'].includes(target.type)
  }
  return false
}

function goToSearch(currentSection: SectionId): void {
  if (currentSection === 'search') {
    const input = document.getElementById(SEARCH_INPUT_ID)
    if (input instanceof HTMLInputElement) {
      input.focus()
      input.select()
    }
    return
  }
  navigate(hrefFor('search'))
}

/**
 * The app-wide shortcuts. Alt+number, Alt+N, Ctrl+K, Ctrl+L and F1 work everywhere
 * (they never type a character); "/" and "?" only when not typing in a box.
 * Keys are matched by their physical code so keyboard layouts don't matter.
 */
export function useGlobalShortcuts({ currentSection, onShowHelp, onSwitchPerson }: Options): void {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing) return
    const { altKey, ctrlKey, metaKey, shiftKey, code, key } = event

    if (altKey && !ctrlKey && !metaKey && !shiftKey) {
      const digit = /^(?:Digit|Numpad)([1-9])$/.exec(code)?.[1]
      const section = digit ? SECTIONS[Number(digit) - 1] : undefined
      if (section) {
        event.preventDefault()
        closeOpenDialogs()
        navigate(hrefFor(section.id))
        // Same section: no section change to move focus, so do it here.
        if (section.id === currentSection) focusScreenTitle()
        return
      }
      if (code === 'KeyN') {
        event.preventDefault()
        closeOpenDialogs()
        navigate(hrefFor('customers', 'new'))
        return
      }
    }

    if ((ctrlKey || metaKey) && !altKey && !shiftKey && code === 'KeyK') {
      event.preventDefault()
      closeOpenDialogs()
      goToSearch(currentSection)
      return
    }

    if ((ctrlKey || metaKey) && !altKey && !shiftKey && code === 'KeyL') {
      event.preventDefault()
      closeOpenDialogs()
      onSwitchPerson()
      return
    }

    if (key === 'F1' && !altKey && !ctrlKey && !metaKey) {
      event.preventDefault()
      onShowHelp()
      return
    }

    if (ctrlKey || metaKey || altKey || isTyping(event.target)) return
    if (key === '/') {
      event.preventDefault()
      goToSearch(currentSection)
    } else if (key === '?') {
      event.preventDefault()
      onShowHelp()
    }
  })

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event)
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [])
}

function closeOpenDialogs(): void {
  for (const dialog of document.querySelectorAll('dialog[open]')) {
    if (dialog instanceof HTMLDialogElement) dialog.close()
  }
}

function focusScreenTitle(): void {
  document.getElementById('screen-title')?.focus()
}
