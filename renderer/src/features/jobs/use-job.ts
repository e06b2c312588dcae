import { useEffect, useState } from 'react'
import type { BatteryJobDetail } from '../../../../shared/domain/battery-job'
import { api, errorMessage } from '../../lib/api'
import { useDataChanged } from '../../lib/use-data-changed'
import { useLiveValue } from '../../lib/use-live-value'

export type JobState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly detail: BatteryJobDetail }
  | { readonly status: 'error'; readonly message: string }

/**
 * One battery job (jobs.get), kept fresh when main reports a change: to this
 * job, or to anything its code situation depends on (codes, radios, retrieval
 * requests, the vehicle).
 */
export function useJob(id: number): { state: JobState; reload: () => void; replace: (detail: BatteryJobDetail) => void } {
  const { state, reload, replace } = useLiveValue(
    id,
    () => api.jobs.get({ jobId: id }),
    (change) => !(change.entity === 'job' && change.id !== null && change.id !== id),
  )
  return { state: state.status === 'ready' ? { status: 'ready', detail: state.value } : state, reload, replace }
}

/** Any list that follows main's data: reloads on every change. */
export function useLive<T>(load: () => Promise<T>, deps: readonly unknown[]): { value: T | null; error: string | null; reload: () => void } {
  const [state, setState] = useState<{ key: string; value: T | null; error: string | null }>({ key: '', value: null, error: null })
  const [version, setVersion] = useState(0)
  const reload = () => setVersion((n) => n + 1)
  const key = JSON.stringify(deps)

  useDataChanged(() => reload())

  useEffect(() => {
    let cancelled = false
    load().then(
      (value) => {
        if (!cancelled) setState({ key, value, error: null })
      },
      (error: unknown) => {
        if (!cancelled) setState((previous) => ({ key, value: previous.key === key ? previous.value : null, error: errorMessage(error) }))
      },
    )
    return () => {
      cancelled = true
    }
    // `load` is a new function every render; `key` says when its inputs changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, version])

  return state.key === key ? { value: state.value, error: state.error, reload } : { value: null, error: null, reload }
}
