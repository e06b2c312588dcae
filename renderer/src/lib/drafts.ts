import { useEffect, useState, type Dispatch, type SetStateAction } from 'react'

/*
 * Drafts of forms. Leaving a half-typed form (to look something up, say) and
 * coming back finds it as it was; so does reloading the window (Ctrl+R),
 * because drafts are mirrored to sessionStorage, which lives exactly as long
 * as the window. Only a successful save or "Clear form" clears a draft.
 *
 * Never use this for secrets (radio codes, PINs): sessionStorage is plain text.
 */
const drafts = new Map<string, unknown>()
const STORAGE_PREFIX = 'radio-code-desk:draft:'

function readStored(key: string): { found: true; value: unknown } | { found: false } {
  try {
    const text = window.sessionStorage.getItem(STORAGE_PREFIX + key)
    return text === null ? { found: false } : { found: true, value: JSON.parse(text) as unknown }
  } catch {
    return { found: false }
  }
}

function writeStored(key: string, value: unknown): void {
  try {
    window.sessionStorage.setItem(STORAGE_PREFIX + key, JSON.stringify(value))
  } catch {
    // Storage full or unavailable: the in-memory draft still covers leaving the screen.
  }
}

function initialValue<T>(key: string, initial: () => T, isValid: (value: unknown) => value is T): T {
  if (drafts.has(key)) return drafts.get(key) as T
  const stored = readStored(key)
  return stored.found && isValid(stored.value) ? stored.value : initial()
}

/**
 * useState that outlives the component. `isValid` checks a value read back
 * from storage (it may come from an older build); anything else is dropped.
 */
export function useDraft<T>(
  key: string,
  initial: () => T,
  isValid: (value: unknown) => value is T,
): [T, Dispatch<SetStateAction<T>>] {
  const [value, setValue] = useState<T>(() => initialValue(key, initial, isValid))
  useEffect(() => {
    drafts.set(key, value)
    writeStored(key, value)
  }, [key, value])
  return [value, setValue]
}

export function clearDraft(key: string): void {
  drafts.delete(key)
  try {
    window.sessionStorage.removeItem(STORAGE_PREFIX + key)
  } catch {
    // Nothing stored.
  }
}

/** A draft's current value (memory first, then storage), or null. For filling a form in from elsewhere. */
export function readDraft<T>(key: string, isValid: (value: unknown) => value is T): T | null {
  if (drafts.has(key)) {
    const value = drafts.get(key)
    return isValid(value) ? value : null
  }
  const stored = readStored(key)
  return stored.found && isValid(stored.value) ? stored.value : null
}

/** Replaces a draft from outside its form (the form picks it up when it next opens). */
export function writeDraft(key: string, value: unknown): void {
  drafts.set(key, value)
  writeStored(key, value)
}
