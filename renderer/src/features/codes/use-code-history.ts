import { useEffect, useState } from 'react'
import type { RadioCodeHistoryEntry } from '../../../../shared/domain/radio-code'
import { api, errorMessage } from '../../lib/api'
import { useDataChanged } from '../../lib/use-data-changed'

export type HistoryState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly entries: readonly RadioCodeHistoryEntry[] }
  | { readonly status: 'error'; readonly message: string }

type Loaded = { readonly radioId: number } & ({ readonly entries: readonly RadioCodeHistoryEntry[] } | { readonly message: string })

/** A radio's masked code history (codes.history), refreshed when main says the radio changed. `enabled` false: not loaded yet. */
export function useCodeHistory(radioId: number, enabled = true): { state: HistoryState; reload: () => void } {
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [version, setVersion] = useState(0)
  const reload = () => setVersion((n) => n + 1)

  useDataChanged((change) => {
    if (change.entity === 'radio' && (change.id === null || change.id === radioId)) reload()
  })

  useEffect(() => {
    if (!enabled) return
    let cancelled = false
    api.codes.history({ radioId }).then(
      (entries) => {
        if (!cancelled) setLoaded({ radioId, entries })
      },
      (error: unknown) => {
        if (!cancelled) setLoaded({ radioId, message: errorMessage(error) })
      },
    )
    return () => {
      cancelled = true
    }
  }, [radioId, version, enabled])

  if (!loaded || loaded.radioId !== radioId) return { state: { status: 'loading' }, reload }
  if ('entries' in loaded) return { state: { status: 'ready', entries: loaded.entries }, reload }
  return { state: { status: 'error', message: loaded.message }, reload }
}
