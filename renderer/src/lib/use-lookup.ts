import { useEffect, useState } from 'react'
import { errorMessage } from './api'

/*
 * A lookup that runs while the desk types (duplicate checks, VIN decode,
 * search): it waits until the input settles for `delayMs`, never blocks typing,
 * and only ever shows the answer for the latest input: an answer that comes
 * back for older text is dropped.
 */

export type LookupState<T> =
  | { readonly status: 'idle' }
  | { readonly status: 'loading'; readonly key: string }
  | { readonly status: 'done'; readonly key: string; readonly value: T }
  | { readonly status: 'error'; readonly key: string; readonly message: string }

type Answer<T> = { readonly key: string } & ({ readonly value: T } | { readonly message: string })

interface Options<T> {
  readonly delayMs: number
  /** Answers kept for the window's life (the same VIN decoded twice answers at once). */
  readonly cache?: Map<string, T>
}

/**
 * `key` null means "nothing to look up". The lookup runs with the key it was
 * started for; a changed key cancels a pending timer and ignores a late answer.
 */
export function useLookup<T>(key: string | null, lookup: (key: string) => Promise<T>, { delayMs, cache }: Options<T>): LookupState<T> {
  const [answer, setAnswer] = useState<Answer<T> | null>(null)
  const cached = key !== null && cache?.has(key) === true

  useEffect(() => {
    if (key === null || cached) return
    let cancelled = false
    const timer = window.setTimeout(() => {
      lookup(key).then(
        (value) => {
          cache?.set(key, value)
          if (!cancelled) setAnswer({ key, value })
        },
        (error: unknown) => {
          if (!cancelled) setAnswer({ key, message: errorMessage(error) })
        },
      )
    }, delayMs)
    return () => {
      cancelled = true
      window.clearTimeout(timer)
    }
    // `lookup` is a fresh closure each render; the key says what to look up.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, cached, delayMs])

  if (key === null) return { status: 'idle' }
  if (cached) return { status: 'done', key, value: cache?.get(key) as T }
  if (!answer || answer.key !== key) return { status: 'loading', key }
  if ('value' in answer) return { status: 'done', key, value: answer.value }
  return { status: 'error', key, message: answer.message }
}
