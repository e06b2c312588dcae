import { useEffect, useState } from 'react'
import type { VehicleDetail } from '../../../../shared/domain/vehicle'
import { api, errorMessage } from '../../lib/api'
import { useDataChanged } from '../../lib/use-data-changed'

export type VehicleState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly detail: VehicleDetail }
  | { readonly status: 'error'; readonly message: string }

type Loaded = { readonly id: number } & ({ readonly detail: VehicleDetail } | { readonly message: string })

/** One vehicle's page data (vehicles.get), kept fresh when main reports a change to it or to a customer. */
export function useVehicle(id: number): { state: VehicleState; reload: () => void; replace: (detail: VehicleDetail) => void } {
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [version, setVersion] = useState(0)
  const reload = () => setVersion((n) => n + 1)

  useDataChanged((change) => {
    if (change.entity === 'vehicle' && change.id !== null && change.id !== id) return
    // Owner names live on customers; anything unknown might concern this vehicle too.
    reload()
  })

  useEffect(() => {
    let cancelled = false
    api.vehicles.get({ id }).then(
      (detail) => {
        if (!cancelled) setLoaded({ id, detail })
      },
      (error: unknown) => {
        if (!cancelled) setLoaded({ id, message: errorMessage(error) })
      },
    )
    return () => {
      cancelled = true
    }
  }, [id, version])

  const replace = (detail: VehicleDetail) => setLoaded({ id, detail })
  if (!loaded || loaded.id !== id) return { state: { status: 'loading' }, reload, replace }
  if ('detail' in loaded) return { state: { status: 'ready', detail: loaded.detail }, reload, replace }
  return { state: { status: 'error', message: loaded.message }, reload, replace }
}
