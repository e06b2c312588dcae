import { useEffect, useState } from 'react'
import type { CustomerDetail } from '../../../../shared/domain/customer'
import { api, errorMessage } from '../../lib/api'
import { useDataChanged } from '../../lib/use-data-changed'

export type CustomerState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly customer: CustomerDetail }
  | { readonly status: 'error'; readonly message: string }

type Loaded = { readonly id: number } & ({ readonly customer: CustomerDetail } | { readonly message: string })

/** One customer by id (customers.get), kept fresh when main reports a change to them. */
export function useCustomer(id: number): { state: CustomerState; reload: () => void } {
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [version, setVersion] = useState(0)
  const reload = () => setVersion((n) => n + 1)

  useDataChanged((change) => {
    // A vehicle change may be a transfer to or from this customer: their vehicle lists change.
    if (change.entity === 'vehicle' || change.entity === 'unknown') reload()
    else if (change.entity === 'customer' && (change.id === id || change.id === null)) reload()
  })

  useEffect(() => {
    let cancelled = false
    api.customers.get({ id }).then(
      (customer) => {
        if (!cancelled) setLoaded({ id, customer })
      },
      (error: unknown) => {
        if (!cancelled) setLoaded({ id, message: errorMessage(error) })
      },
    )
    return () => {
      cancelled = true
    }
  }, [id, version])

  // While another id loads, show loading rather than the previous customer.
  if (!loaded || loaded.id !== id) return { state: { status: 'loading' }, reload }
  if ('customer' in loaded) return { state: { status: 'ready', customer: loaded.customer }, reload }
  return { state: { status: 'error', message: loaded.message }, reload }
}
