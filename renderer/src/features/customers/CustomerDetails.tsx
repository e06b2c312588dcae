import { useEffect, useRef } from 'react'
import { Notice } from '../../components/Notice'
import { formatDateTime } from '../../lib/format'
import { useCustomer } from './use-customer'

interface Props {
  readonly id: number
  /** Set right after this customer was created: say so, and put focus on them. */
  readonly justCreated: boolean
}

const LANGUAGE_NAMES = { en: 'English', es: 'Spanish' } as const

function capitalize(text: string): string {
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : text
}

/** One customer's details, from customers.get. */
export function CustomerDetails({ id, justCreated }: Props) {
  const { state, reload } = useCustomer(id)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const ready = state.status === 'ready'

  useEffect(() => {
    if (justCreated && ready) headingRef.current?.focus()
  }, [justCreated, ready])

  if (state.status === 'loading') {
    return (
      <p className="customer-pane__message" role="status">
        Loading…
      </p>
    )
  }
  if (state.status === 'error') {
    return (
      <div className="customer-pane__message">
        <Notice tone="error" title="This customer could not be shown">
          <p>{state.message}</p>
        </Notice>
        <button type="button" className="button" onClick={reload}>
          Try again
        </button>
      </div>
    )
  }

  const { customer } = state
  return (
    <article className="customer-details" aria-labelledby="customer-details-name" data-customer-id={customer.id}>
      {justCreated ? (
        <Notice tone="success">
          <p>Saved. {customer.name} is now on file.</p>
        </Notice>
      ) : null}
      <h2 id="customer-details-name" className="customer-details__name" ref={headingRef} tabIndex={-1}>
        {customer.name}
      </h2>
      <dl className="customer-details__facts">
        <div>
          <dt>Phone</dt>
          <dd>
            {customer.phones.length === 0 ? (
              <span className="muted">None on file</span>
            ) : (
              <ul className="customer-details__phones">
                {customer.phones.map((phone) => (
                  <li key={phone.id}>
                    <span className="customer-details__phone-label">{capitalize(phone.label)}</span>{' '}
                    <span className="customer-details__phone-number">{phone.number}</span>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt>Email</dt>
          <dd>{customer.email || <span className="muted">None on file</span>}</dd>
        </div>
        <div>
          <dt>Printed cards in</dt>
          <dd>{LANGUAGE_NAMES[customer.preferredLanguage]}</dd>
        </div>
        <div>
          <dt>Notes</dt>
          <dd className="customer-details__notes">{customer.notes || <span className="muted">No notes</span>}</dd>
        </div>
        <div>
          <dt>Added</dt>
          <dd>{formatDateTime(customer.createdAt)}</dd>
        </div>
      </dl>
    </article>
  )
}
