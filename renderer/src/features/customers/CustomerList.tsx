import type { KeyboardEvent } from 'react'
import { hrefFor } from '../../app/routes'
import { Kbd } from '../../components/Kbd'
import { moveFocusAmongLinks } from '../../lib/list-keys'
import { CUSTOMER_LIST_LIMIT, type CustomerListState } from './use-customer-list'

interface Props {
  readonly state: CustomerListState
  readonly selectedId: number | null
  readonly onRetry: () => void
}

/** Up/Down/Home/End move between the entries; Enter opens one (they are links). */
function moveFocus(event: KeyboardEvent<HTMLUListElement>) {
  moveFocusAmongLinks(event, 'a.customer-list__link')
}

/** Customers by name, with their first phone. */
export function CustomerList({ state, selectedId, onRetry }: Props) {
  if (state.status === 'loading') {
    return (
      <p className="customer-list__message" role="status">
        Loading customers…
      </p>
    )
  }
  if (state.status === 'error') {
    return (
      <div className="customer-list__message" role="alert">
        <p>The customer list could not be loaded. {state.message}</p>
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      </div>
    )
  }
  if (state.customers.length === 0) {
    return (
      <div className="customer-list__message">
        <p className="customer-list__empty-title">No customers yet.</p>
        <p>
          Add the first one with <strong>New customer</strong> (<Kbd keys="Alt+N" />
          ).
        </p>
      </div>
    )
  }
  return (
    <>
      <p className="customer-list__count" role="status">
        {state.customers.length === CUSTOMER_LIST_LIMIT
          ? `Showing the first ${CUSTOMER_LIST_LIMIT} by name`
          : `${state.customers.length} ${state.customers.length === 1 ? 'customer' : 'customers'}`}
      </p>
      <ul className="customer-list" aria-label="Customers" onKeyDown={moveFocus}>
        {state.customers.map((customer) => (
          <li key={customer.id}>
            <a
              className="customer-list__link"
              href={hrefFor('customers', customer.id)}
              aria-current={customer.id === selectedId ? 'true' : undefined}
            >
              <span className="customer-list__name">{customer.name}</span>
              <span className="customer-list__phone">{customer.primaryPhone ?? 'No phone'}</span>
            </a>
          </li>
        ))}
      </ul>
    </>
  )
}
