import type { VehicleDetail } from '../../../../shared/domain/vehicle'
import { api } from '../../lib/api'
import { useLiveValue } from '../../lib/use-live-value'

export type VehicleState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly detail: VehicleDetail }
  | { readonly status: 'error'; readonly message: string }

/** One vehicle's page data (vehicles.get), kept fresh when main reports a change to it or to a customer. */
export function useVehicle(id: number): { state: VehicleState; reload: () => void; replace: (detail: VehicleDetail) => void } {
  const { state, reload, replace } = useLiveValue(
    id,
    () => api.vehicles.get({ id }),
    // Owner names live on customers; anything unknown might concern this vehicle too.
    (change) => !(change.entity === 'vehicle' && change.id !== null && change.id !== id),
  )
  return { state: state.status === 'ready' ? { status: 'ready', detail: state.value } : state, reload, replace }
}
