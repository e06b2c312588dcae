import { hrefFor } from '../../app/routes'
import { EmptyState } from '../../components/EmptyState'
import { ScreenHeader } from '../../components/ScreenHeader'

export function VehiclesScreen() {
  return (
    <>
      <ScreenHeader title="Vehicles" lead="Every car on file, with its owner, VIN, plate and radio." />
      <EmptyState title="Vehicles are not available yet">
        <p>
          Vehicles arrive in a coming update. Each will show its VIN, plate, year, make and model, who owns it, and the
          radio fitted, with whether its anti-theft code is on file.
        </p>
        <p>
          Customers can already be added under <a href={hrefFor('customers')}>Customers</a>.
        </p>
      </EmptyState>
    </>
  )
}
