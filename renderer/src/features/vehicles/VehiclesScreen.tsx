import { describeVehicle } from '../../../../shared/domain/vehicle'
import { hrefFor, idFrom } from '../../app/routes'
import { navigate } from '../../app/use-hash-route'
import { Kbd } from '../../components/Kbd'
import { LoadFailed, Loading } from '../../components/LoadStatus'
import { ScreenHeader } from '../../components/ScreenHeader'
import { setFlash } from '../../lib/flash'
import { useCustomer } from '../customers/use-customer'
import { useVehicleList } from './use-vehicle-list'
import { useVehicle } from './use-vehicle'
import { VehicleForm } from './VehicleForm'
import { VehicleList } from './VehicleList'
import { vehicleFlashKey, VehiclePage, type VehiclePanel } from './VehiclePage'
import './vehicles.css'

interface Props {
  /** After "vehicles": [] (recent list), ['new'], ['<id>'], ['<id>', 'edit' | 'transfer' | 'radio']. */
  readonly rest: readonly string[]
  readonly query: Readonly<Record<string, string>>
}

function savedMessage(title: string, ownerName: string): string {
  return ownerName ? `Saved. The ${title} is on file for ${ownerName}.` : `Saved. The ${title} is on file.`
}

function NewVehicleForOwner({ ownerId }: { readonly ownerId: number }) {
  const { state, reload } = useCustomer(ownerId)
  if (state.status === 'loading') return <Loading className="vehicle-page__message" />
  if (state.status === 'error') return <LoadFailed className="vehicle-page__message" title="The owner could not be loaded" message={state.message} onRetry={reload} />
  return <NewVehicle owner={{ id: state.customer.id, name: state.customer.name }} />
}

function NewVehicle({ owner }: { readonly owner: { id: number; name: string } | null }) {
  return (
    <VehicleForm
      key={owner?.id ?? 'any'}
      mode={{ kind: 'new', owner }}
      onSaved={(vehicle, _changed, ownerName) => {
        setFlash(vehicleFlashKey(vehicle.id), savedMessage(describeVehicle(vehicle), ownerName))
        navigate(hrefFor('vehicles', vehicle.id), { replace: true })
      }}
    />
  )
}

function EditVehicle({ id }: { readonly id: number }) {
  const { state, reload } = useVehicle(id)
  if (state.status === 'loading') return <Loading className="vehicle-page__message" />
  if (state.status === 'error') return <LoadFailed className="vehicle-page__message" title="This vehicle could not be opened for editing" message={state.message} onRetry={reload} />
  return (
    <VehicleForm
      mode={{ kind: 'edit', vehicle: state.detail.vehicle }}
      onSaved={(vehicle, changed) => {
        setFlash(vehicleFlashKey(vehicle.id), changed ? 'Saved your changes.' : 'Nothing was changed.')
        navigate(hrefFor('vehicles', vehicle.id), { replace: true })
      }}
    />
  )
}

function RecentVehicles() {
  const { state, reload } = useVehicleList()
  return (
    <section className="vehicle-list-panel" aria-label="Recent vehicles">
      <VehicleList state={state} onRetry={reload} />
    </section>
  )
}

/** Recent vehicles; one vehicle's page; the vehicle form. */
export function VehiclesScreen({ rest, query }: Props) {
  const creating = rest[0] === 'new'
  const id = creating ? null : idFrom(rest[0])
  const sub = rest[1]
  const panel: VehiclePanel = sub === 'transfer' ? 'transfer' : sub === 'radio' ? 'radio' : null
  const ownerId = idFrom(query['customer'])

  return (
    <>
      <ScreenHeader
        title="Vehicles"
        lead={
          id === null && !creating ? (
            <>
              Recently added or changed vehicles. To find any car by plate, VIN or owner, use{' '}
              <a href={hrefFor('search')}>Search</a> (<Kbd keys="Ctrl+K" />
              ).
            </>
          ) : undefined
        }
        takeArrivalFocus={id === null && !creating}
        actions={
          id !== null || creating ? (
            <a className="button button--quiet" href={hrefFor('vehicles')}>
              All recent vehicles
            </a>
          ) : (
            <a className="button" href={hrefFor('vehicles', 'new')}>
              New vehicle
            </a>
          )
        }
      />
      {creating ? ownerId !== null ? <NewVehicleForOwner key={ownerId} ownerId={ownerId} /> : <NewVehicle owner={null} /> : null}
      {id !== null && sub === 'edit' ? <EditVehicle key={id} id={id} /> : null}
      {id !== null && sub !== 'edit' ? <VehiclePage key={id} id={id} panel={panel} /> : null}
      {id === null && !creating ? <RecentVehicles /> : null}
    </>
  )
}
