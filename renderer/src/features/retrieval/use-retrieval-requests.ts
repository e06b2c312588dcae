import { useEffect, useState } from 'react'
import type { RetrievalRequest } from '../../../../shared/domain/retrieval'
import { api, errorMessage } from '../../lib/api'
import { useDataChanged } from '../../lib/use-data-changed'

export type RequestsState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly requests: readonly RetrievalRequest[] }
  | { readonly status: 'error'; readonly message: string }

type Loaded = { readonly vehicleId: number } & ({ readonly requests: readonly RetrievalRequest[] } | { readonly message: string })

/** A vehicle's code retrieval requests, newest first; refreshed when main reports a change. */
export function useRetrievalRequests(vehicleId: number): {
  state: RequestsState
  reload: () => void
  replace: (request: RetrievalRequest) => void
} {
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [version, setVersion] = useState(0)
  const reload = () => setVersion((n) => n + 1)

  useDataChanged((change) => {
    if (change.entity === 'retrieval-request' || change.entity === 'radio' || (change.entity === 'vehicle' && change.id === vehicleId)) reload()
  })

  useEffect(() => {
    let cancelled = false
    api.retrieval.listForVehicle({ vehicleId }).then(
      (requests) => {
        if (!cancelled) setLoaded({ vehicleId, requests })
      },
      (error: unknown) => {
        if (!cancelled) setLoaded({ vehicleId, message: errorMessage(error) })
      },
    )
    return () => {
      cancelled = true
    }
  }, [vehicleId, version])

  const replace = (request: RetrievalRequest) =>
    setLoaded((current) => {
      if (!current || current.vehicleId !== vehicleId || !('requests' in current)) return current
      const others = current.requests.filter((item) => item.id !== request.id)
      return { vehicleId, requests: [request, ...others].sort((a, b) => b.id - a.id) }
    })

  if (!loaded || loaded.vehicleId !== vehicleId) return { state: { status: 'loading' }, reload, replace }
  if ('requests' in loaded) return { state: { status: 'ready', requests: loaded.requests }, reload, replace }
  return { state: { status: 'error', message: loaded.message }, reload, replace }
}
