import { useEffect, useState } from 'react'
import type { VehicleSummary } from '../../../../shared/domain/vehicle'
import { api, errorMessage } from '../../lib/api'
import { useDataChanged } from '../../lib/use-data-changed'

export const VEHICLE_LIST_LIMIT = 50

export type VehicleListState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly vehicles: readonly VehicleSummary[] }
  | { readonly status: 'error'; readonly message: string }

/** The most recently changed vehicles (vehicles.list); reloads when main reports a change. */
export function useVehicleList(): { state: VehicleListState; reload: () => void } {
  const [state, setState] = useState<VehicleListState>({ status: 'loading' })
  const [version, setVersion] = useState(0)
  const reload = () => setVersion((n) => n + 1)

  useDataChanged((change) => {
    if (change.entity === 'vehicle' || change.entity === 'unknown') reload()
  })

  useEffect(() => {
    let cancelled = false
    api.vehicles.list({ limit: VEHICLE_LIST_LIMIT }).then(
      (vehicles) => {
        if (!cancelled) setState({ status: 'ready', vehicles })
      },
      (error: unknown) => {
        if (!cancelled) setState({ status: 'error', message: errorMessage(error) })
      },
    )
    return () => {
      cancelled = true
    }
  }, [version])

  return { state, reload }
}
