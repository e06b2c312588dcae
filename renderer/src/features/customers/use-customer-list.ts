import type { CustomerSummary } from '../../../../shared/domain/customer'
import { api } from '../../lib/api'
import { useLiveValue } from '../../lib/use-live-value'

export const CUSTOMER_LIST_LIMIT = 200

export type CustomerListState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly customers: readonly CustomerSummary[] }
  | { readonly status: 'error'; readonly message: string }

/** The customer list; reloads by itself when main reports a change. Old rows stay up while reloading. */
export function useCustomerList(): { state: CustomerListState; reload: () => void } {
  const { state, reload } = useLiveValue(
    'customers',
    () => api.customers.list({ limit: CUSTOMER_LIST_LIMIT }),
    (change) => change.entity === 'customer' || change.entity === 'unknown',
  )
  return { state: state.status === 'ready' ? { status: 'ready', customers: state.value } : state, reload }
}
