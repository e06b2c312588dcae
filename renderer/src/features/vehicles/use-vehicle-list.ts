import type { VehicleSummary } from '../../../../shared/domain/vehicle'
import { api } from '../../lib/api'
import { useLiveValue } from '../../lib/use-live-value'

export const VEHICLE_LIST_LIMIT = 50

export type VehicleListState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly vehicles: readonly VehicleSummary[] }
  | { readonly status: 'error'; readonly message: string }

/** The most recently changed vehicles (vehicles.list); reloads when main reports a change. */
export function useVehicleList(): { state: VehicleListState; reload: () => void } {
  const { state, reload } = useLiveValue(
    'vehicles',
    () => api.vehicles.list({ limit: VEHICLE_LIST_LIMIT }),
    (change) => change.entity === 'vehicle' || change.entity === 'unknown',
  )
  return { state: state.status === 'ready' ? { status: 'ready', vehicles: state.value } : state, reload }
}
