import { useEffect, useState } from 'react'
import type { Customer } from '../../../../shared/domain/customer'
import { api, errorMessage } from '../../lib/api'
import { useDataChanged } from '../../lib/use-data-changed'

export type CustomerState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly customer: Customer }
  | { readonly status: 'error'; readonly message: string }

type Loaded = { readonly id: number } & ({ readonly customer: Customer } | { readonly message: string })

/** One customer by id (customers.get), kept fresh when main reports a change to them. */
export function useCustomer(id: number): { state: CustomerState; reload: () => void } {
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [version, setVersion] = useState(0)
  const reload = () => setVersion((n) => n + 1)

  useDataChanged((change) => {
    if (change.entity === 'customer' && (change.id === id || change.id === null)) reload()
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
