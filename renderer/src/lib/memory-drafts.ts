import { useEffect, useState, type Dispatch, type SetStateAction } from 'react'

/*
 * Drafts kept in this window's memory only: leaving the page and coming back
 * finds the form as it was, but nothing is written to sessionStorage or disk,
 * and a reload starts empty. For forms next to secrets (the code entry's
 * source and reason, the release form) where typed notes might hold something
 * that must not be stored in plain text.
 *
 * Still never for the code itself or a PIN: those live only in their form and
 * are dropped when it is saved, cancelled or closed.
 */
const drafts = new Map<string, unknown>()

export function useMemoryDraft<T>(key: string, initial: () => T): [T, Dispatch<SetStateAction<T>>] {
  const [value, setValue] = useState<T>(() => (drafts.has(key) ? (drafts.get(key) as T) : initial()))
  useEffect(() => {
    drafts.set(key, value)
  }, [key, value])
  return [value, setValue]
}

export function clearMemoryDraft(key: string): void {
  drafts.delete(key)
}

/** Drops every memory draft whose key starts with `prefix` (e.g. on sign-out). */
export function clearMemoryDrafts(prefix = ''): void {
  for (const key of [...drafts.keys()]) if (key.startsWith(prefix)) drafts.delete(key)
}
