import { hrefFor, idFrom } from '../../app/routes'
import { navigate } from '../../app/use-hash-route'
import { Kbd } from '../../components/Kbd'
import { ScreenHeader } from '../../components/ScreenHeader'
import { LoadFailed, Loading } from '../../components/LoadStatus'
import { setFlash } from '../../lib/flash'
import { customerFlashKey, CustomerDetails } from './CustomerDetails'
import { CustomerForm } from './CustomerForm'
import { CustomerList } from './CustomerList'
import { useCustomer } from './use-customer'
import { useCustomerList } from './use-customer-list'
import './customers.css'

interface Props {
  /** The route after "customers": [] (list), ['new'] (form), ['<id>'] (one customer) or ['<id>', 'edit']. */
  readonly rest: readonly string[]
}

function EditCustomer({ id }: { readonly id: number }) {
  const { state, reload } = useCustomer(id)
  if (state.status === 'loading') return <Loading className="customer-pane__message" />
  if (state.status === 'error') {
    return <LoadFailed className="customer-pane__message" title="This customer could not be opened for editing" message={state.message} onRetry={reload} />
  }
  return (
    <CustomerForm
      mode={{ kind: 'edit', customer: state.customer }}
      onSaved={(customer, changed) => {
        setFlash(customerFlashKey(customer.id), changed ? `Saved your changes to ${customer.name}.` : 'Nothing was changed.')
        navigate(hrefFor('customers', customer.id), { replace: true })
      }}
    />
  )
}

/** The customer list on the left; the customer form or one customer's page on the right. */
export function CustomersScreen({ rest }: Props) {
  const { state, reload } = useCustomerList()
  const creating = rest[0] === 'new'
  const selectedId = creating ? null : idFrom(rest[0])
  const editing = selectedId !== null && rest[1] === 'edit'

  return (
    <>
      <ScreenHeader
        title="Customers"
        takeArrivalFocus={!creating && selectedId === null}
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
        <section
          className="customers-layout__pane"
          aria-label={creating ? 'New customer' : editing ? 'Edit customer' : 'Customer details'}
        >
          {creating ? (
            <CustomerForm
              mode={{ kind: 'new' }}
              onSaved={(customer) => {
                setFlash(customerFlashKey(customer.id), `Saved. ${customer.name} is now on file.`)
                reload()
                navigate(hrefFor('customers', customer.id), { replace: true })
              }}
            />
          ) : null}
          {editing ? <EditCustomer key={selectedId} id={selectedId} /> : null}
          {!creating && !editing && selectedId !== null ? <CustomerDetails key={selectedId} id={selectedId} /> : null}
          {!creating && selectedId === null ? (
            <div className="customer-pane__placeholder">
              <p>Choose a customer from the list to see their details,</p>
              <p>
                or add someone new with <a href={hrefFor('customers', 'new')}>New customer</a> (<Kbd keys="Alt+N" />
                ).
              </p>
              <p>
                To find someone by phone, plate or VIN, use <a href={hrefFor('search')}>Search</a> (<Kbd keys="Ctrl+K" />
                ).
              </p>
            </div>
          ) : null}
        </section>
      </div>
    </>
  )
}
