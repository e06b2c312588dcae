import { useState } from 'react'
import type { Customer } from '../../../../shared/domain/customer'
import { hrefFor } from '../../app/routes'
import { navigate } from '../../app/use-hash-route'
import { Kbd } from '../../components/Kbd'
import { ScreenHeader } from '../../components/ScreenHeader'
import { CustomerDetails } from './CustomerDetails'
import { CustomerList } from './CustomerList'
import { NewCustomerForm } from './NewCustomerForm'
import { useCustomerList } from './use-customer-list'
import './customers.css'

interface Props {
  /** The route after "customers": [] (list), ['new'] (form) or ['<id>'] (one customer). */
  readonly rest: readonly string[]
}

function selectedIdFrom(rest: readonly string[]): number | null {
  const [first] = rest
  return first && /^\d+$/.test(first) ? Number(first) : null
}

/** The customer list on the left; the new-customer form or one customer's details on the right. */
export function CustomersScreen({ rest }: Props) {
  const { state, reload } = useCustomerList()
  const [justCreatedId, setJustCreatedId] = useState<number | null>(null)
  const creating = rest[0] === 'new'
  const selectedId = selectedIdFrom(rest)
  // "Saved" shows on the new customer only until another one is opened.
  if (justCreatedId !== null && !creating && selectedId !== justCreatedId) setJustCreatedId(null)

  const onCreated = (customer: Customer) => {
    setJustCreatedId(customer.id)
    reload()
    navigate(hrefFor('customers', customer.id))
  }

  return (
    <>
      <ScreenHeader
        title="Customers"
        takeArrivalFocus={!creating}
        actions={
          <a
            className="button button--primary"
            href={hrefFor('customers', 'new')}
            aria-current={creating ? 'page' : undefined}
            aria-keyshortcuts="Alt+N"
          >
            New customer <Kbd keys="Alt+N" />
          </a>
        }
      />
      <div className="customers-layout">
        <section className="customers-layout__list" aria-label="Customer list">
          <CustomerList state={state} selectedId={selectedId} onRetry={reload} />
        </section>
        <section className="customers-layout__pane" aria-label={creating ? 'New customer' : 'Customer details'}>
          {creating ? <NewCustomerForm onCreated={onCreated} /> : null}
          {!creating && selectedId !== null ? (
            <CustomerDetails key={selectedId} id={selectedId} justCreated={selectedId === justCreatedId} />
          ) : null}
          {!creating && selectedId === null ? (
            <div className="customer-pane__placeholder">
              <p>Choose a customer from the list to see their details,</p>
              <p>
                or add someone new with <a href={hrefFor('customers', 'new')}>New customer</a> (<Kbd keys="Alt+N" />
                ).
              </p>
            </div>
          ) : null}
        </section>
      </div>
    </>
  )
}
