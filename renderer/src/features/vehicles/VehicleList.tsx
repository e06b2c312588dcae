import type { KeyboardEvent } from 'react'
import { hrefFor } from '../../app/routes'
import { Kbd } from '../../components/Kbd'
import { moveFocusAmongLinks } from '../../lib/list-keys'
import { describeVehicle, plateText, vinTail } from '../../lib/vehicle-text'
import { VEHICLE_LIST_LIMIT, type VehicleListState } from './use-vehicle-list'

/** Up/Down/Home/End move between the entries; Enter opens one (they are links). */
function moveFocus(event: KeyboardEvent<HTMLUListElement>) {
  moveFocusAmongLinks(event, 'a.vehicle-list__link')
}

/** Recently added or changed vehicles, newest first. */
export function VehicleList({ state, onRetry }: { readonly state: VehicleListState; readonly onRetry: () => void }) {
  if (state.status === 'loading') {
    return (
      <p className="vehicle-list__message" role="status">
        Loading vehicles…
      </p>
    )
  }
  if (state.status === 'error') {
    return (
      <div className="vehicle-list__message" role="alert">
        <p>The vehicle list could not be loaded. {state.message}</p>
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      </div>
    )
  }
  if (state.vehicles.length === 0) {
    return (
      <div className="vehicle-list__message">
        <p className="vehicle-list__empty-title">No vehicles yet.</p>
        <p>
          Vehicles are added from their owner’s page: open the customer (<Kbd keys="Alt+3" />) and press <Kbd keys="V" /> for
          Add vehicle.
        </p>
      </div>
    )
  }
  return (
    <>
      <p className="vehicle-list__count" role="status">
        {state.vehicles.length === VEHICLE_LIST_LIMIT
          ? `The ${VEHICLE_LIST_LIMIT} most recently changed`
          : `${state.vehicles.length} ${state.vehicles.length === 1 ? 'vehicle' : 'vehicles'}, most recently changed first`}
      </p>
      <ul className="vehicle-list" aria-label="Recent vehicles" onKeyDown={moveFocus}>
        {state.vehicles.map((vehicle) => (
          <li key={vehicle.id}>
            <a className="vehicle-list__link" href={hrefFor('vehicles', vehicle.id)}>
              <span className="vehicle-list__title">{describeVehicle(vehicle)}</span>
              <span className="vehicle-list__plate">{plateText(vehicle.plate, vehicle.plateState) || '—'}</span>
              <span className="vehicle-list__vin">{vehicle.vin ? `VIN ${vinTail(vehicle.vin)}` : 'No VIN'}</span>
              <span className="vehicle-list__colour">{vehicle.colour}</span>
            </a>
          </li>
        ))}
      </ul>
    </>
  )
}
