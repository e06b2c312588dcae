import { useEffect, useState } from 'react'
import type { CustomerSummary } from '../../../../shared/domain/customer'
import { api, errorMessage } from '../../lib/api'
import { useDataChanged } from '../../lib/use-data-changed'

export const CUSTOMER_LIST_LIMIT = 200

export type CustomerListState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly customers: readonly CustomerSummary[] }
  | { readonly status: 'error'; readonly message: string }

/** The customer list; reloads by itself when main reports a change. Old rows stay up while reloading. */
export function useCustomerList(): { state: CustomerListState; reload: () => void } {
  const [state, setState] = useState<CustomerListState>({ status: 'loading' })
  const [version, setVersion] = useState(0)
  const reload = () => setVersion((n) => n + 1)

  useDataChanged((change) => {
    if (change.entity === 'customer' || change.entity === 'unknown') reload()
  })

  useEffect(() => {
    let cancelled = false
    api.customers.list({ limit: CUSTOMER_LIST_LIMIT }).then(
      (customers) => {
        if (!cancelled) setState({ status: 'ready', customers })
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
