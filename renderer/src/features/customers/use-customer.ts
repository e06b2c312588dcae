import type { CustomerDetail } from '../../../../shared/domain/customer'
import { api } from '../../lib/api'
import { useLiveValue } from '../../lib/use-live-value'

export type CustomerState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly customer: CustomerDetail }
  | { readonly status: 'error'; readonly message: string }

/** One customer by id (customers.get), kept fresh when main reports a change to them. */
export function useCustomer(id: number): { state: CustomerState; reload: () => void } {
  const { state, reload } = useLiveValue(
    id,
    () => api.customers.get({ id }),
    // A vehicle change may be a transfer to or from this customer: their vehicle lists change.
    (change) =>
      change.entity === 'vehicle' ||
      change.entity === 'unknown' ||
      (change.entity === 'customer' && (change.id === id || change.id === null)),
  )
  // While another id loads, the state is loading rather than the previous customer.
  return { state: state.status === 'ready' ? { status: 'ready', customer: state.value } : state, reload }
}
