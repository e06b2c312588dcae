import { useEffect, useState } from 'react'
import { errorMessage } from './api'
import { useDataChanged, type DataChange } from './use-data-changed'

export type LiveValue<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly value: T }
  | { readonly status: 'error'; readonly message: string }

type Loaded<T> = { readonly key: string } & ({ readonly value: T } | { readonly message: string })

/**
 * A value loaded from main and kept fresh: it reloads whenever main reports a
 * change that `concerns` says matters. While a reload runs, the last value
 * stays on screen; while a different `key` (another record) loads, the state
 * is 'loading' rather than the previous record. Stale answers are dropped.
 */
export function useLiveValue<T>(
  key: string | number,
  load: () => Promise<T>,
  concerns: (change: DataChange) => boolean,
): { state: LiveValue<T>; reload: () => void; replace: (value: T) => void } {
  const keyText = String(key)
  const [loaded, setLoaded] = useState<Loaded<T> | null>(null)
  const [version, setVersion] = useState(0)
  const reload = () => setVersion((n) => n + 1)

  useDataChanged((change) => {
    if (concerns(change)) reload()
  })

  useEffect(() => {
    let cancelled = false
    load().then(
      (value) => {
        if (!cancelled) setLoaded({ key: keyText, value })
      },
      (error: unknown) => {
        if (!cancelled) setLoaded({ key: keyText, message: errorMessage(error) })
      },
    )
    return () => {
      cancelled = true
    }
    // `load` is a new function every render; `keyText` says when what it loads changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [keyText, version])

  const replace = (value: T) => setLoaded({ key: keyText, value })
  if (!loaded || loaded.key !== keyText) return { state: { status: 'loading' }, reload, replace }
  if ('value' in loaded) return { state: { status: 'ready', value: loaded.value }, reload, replace }
  return { state: { status: 'error', message: loaded.message }, reload, replace }
}
