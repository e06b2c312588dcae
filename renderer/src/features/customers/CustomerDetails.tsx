import { useEffect, useRef, useState } from 'react'
import type { VehicleSummary } from '../../../../shared/domain/vehicle'
import { consumeArrivalFocus } from '../../app/arrival-focus'
import { hrefFor, hrefWithQuery } from '../../app/routes'
import { navigate } from '../../app/use-hash-route'
import { Kbd } from '../../components/Kbd'
import { Notice } from '../../components/Notice'
import { LoadFailed, Loading } from '../../components/LoadStatus'
import { clearFlash, peekFlash } from '../../lib/flash'
import { formatDateTime } from '../../lib/format'
import { useRememberRecent } from '../../lib/recent'
import { usePageShortcuts } from '../../lib/use-page-shortcuts'
import { describeVehicle, plateText, vinTail } from '../../lib/vehicle-text'
import { useCustomer } from './use-customer'
import { PendingCardsBanner } from '../jobs/PendingCardsBanner'
import { newJobHref } from '../jobs/job-links'

interface Props {
  readonly id: number
}

const LANGUAGE_NAMES = { en: 'English', es: 'Spanish' } as const

function capitalize(text: string): string {
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : text
}

export function customerFlashKey(id: number): string {
  return `customer:${id}`
}

function VehicleLinks({ vehicles, label, past = false }: { readonly vehicles: readonly VehicleSummary[]; readonly label: string; readonly past?: boolean }) {
  return (
    <ul className={`record-links${past ? ' record-links--past' : ''}`} aria-label={label}>
      {vehicles.map((vehicle) => {
        const detail = [plateText(vehicle.plate, vehicle.plateState), vehicle.vin ? `VIN ${vinTail(vehicle.vin)}` : '', vehicle.colour]
          .filter(Boolean)
          .join(' · ')
        return (
          <li key={vehicle.id}>
            <a className="record-links__link" href={hrefFor('vehicles', vehicle.id)}>
              <span className="record-links__title">{describeVehicle(vehicle)}</span>
              {detail ? <span className="record-links__detail">{detail}</span> : null}
            </a>
          </li>
        )
      })}
    </ul>
  )
}

/** One customer's page, from customers.get: details, vehicles now and before, and the actions on them. */
export function CustomerDetails({ id }: Props) {
  const { state, reload } = useCustomer(id)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const [flash] = useState(() => peekFlash(customerFlashKey(id)))
  const ready = state.status === 'ready'
  const customer = state.status === 'ready' ? state.customer : null

  const addVehicleHref = hrefWithQuery({ customer: id }, 'vehicles', 'new')
  const editHref = hrefFor('customers', id, 'edit')
  const onlyVehicle = customer && customer.vehicles.current.length === 1 ? customer.vehicles.current[0] : undefined
  usePageShortcuts(
    {
      v: () => navigate(addVehicleHref),
      e: () => navigate(editHref),
      ...(onlyVehicle ? { b: () => navigate(newJobHref(onlyVehicle.id)) } : {}),
    },
    ready,
  )

  useRememberRecent(
    customer
      ? {
          kind: 'customer',
          id: customer.id,
          title: customer.name,
          detail: customer.phones[0]?.number ?? customer.email,
        }
      : null,
  )

  useEffect(() => {
    if (!ready) return
    clearFlash(customerFlashKey(id))
    const arrived = consumeArrivalFocus()
    if (flash !== null || arrived) headingRef.current?.focus()
  }, [ready, flash, id])

  if (state.status === 'loading') return <Loading className="customer-pane__message" />
  if (state.status === 'error') {
    return <LoadFailed className="customer-pane__message" title="This customer could not be shown" message={state.message} onRetry={reload} />
  }

  const { vehicles } = state.customer
  const shown = state.customer
  return (
    <article className="customer-details" aria-labelledby="customer-details-name" data-customer-id={shown.id}>
      {flash ? (
        <Notice tone="success">
          <p>{flash}</p>
        </Notice>
      ) : null}
      <PendingCardsBanner customerId={shown.id} />
      <div className="record-head">
        <h2 id="customer-details-name" className="customer-details__name" ref={headingRef} tabIndex={-1}>
          {shown.name}
        </h2>
        <div className="record-head__actions">
          <a className="button" href={editHref} aria-keyshortcuts="E">
            Edit <Kbd keys="E" />
          </a>
          <a className="button button--primary" href={addVehicleHref} aria-keyshortcuts="V">
            Add vehicle <Kbd keys="V" />
          </a>
        </div>
      </div>
      <dl className="customer-details__facts">
        <div>
          <dt>Phone</dt>
          <dd>
            {shown.phones.length === 0 ? (
              <span className="muted">None on file</span>
            ) : (
              <ul className="customer-details__phones">
                {shown.phones.map((phone) => (
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
          <dd>{shown.email || <span className="muted">None on file</span>}</dd>
        </div>
        <div>
          <dt>Printed cards in</dt>
          <dd>{LANGUAGE_NAMES[shown.preferredLanguage]}</dd>
        </div>
        <div>
          <dt>Notes</dt>
          <dd className="customer-details__notes">{shown.notes || <span className="muted">No notes</span>}</dd>
        </div>
        <div>
          <dt>Added</dt>
          <dd>{formatDateTime(shown.createdAt)}</dd>
        </div>
      </dl>

      <section className="customer-details__vehicles" aria-labelledby="customer-vehicles-title">
        <h3 id="customer-vehicles-title" className="record-section__title">
          Vehicles
        </h3>
        {vehicles.current.length === 0 ? (
          <p className="muted">
            No vehicles yet. Add one with <a href={addVehicleHref}>Add vehicle</a> (<Kbd keys="V" />
            ).
          </p>
        ) : (
          <>
            <VehicleLinks vehicles={vehicles.current} label="Current vehicles" />
            <p className="customer-details__start-jobs">
              {vehicles.current.map((vehicle) => (
                <a key={vehicle.id} className="button button--small" href={newJobHref(vehicle.id)} aria-keyshortcuts={vehicles.current.length === 1 ? 'B' : undefined}>
                  Start battery job{vehicles.current.length === 1 ? '' : `: ${describeVehicle(vehicle)}`}
                  {vehicles.current.length === 1 ? <Kbd keys="B" /> : null}
                </a>
              ))}
            </p>
          </>
        )}
        {vehicles.previous.length > 0 ? (
          <>
            <h3 className="record-section__title record-section__title--minor" id="customer-previous-vehicles-title">
              Previously owned
            </h3>
            <VehicleLinks vehicles={vehicles.previous} label="Previously owned vehicles" past />
          </>
        ) : null}
      </section>
    </article>
  )
}
