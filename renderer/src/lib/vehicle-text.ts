import { describeVehicle } from '../../../shared/domain/vehicle'

/** "…004352": the last six of a VIN, as the desk reads them out. */
export function vinTail(vin: string): string {
  return vin.length > 6 ? `…${vin.slice(-6)}` : vin
}

/** "7ABC123 TX" */
export function plateText(plate: string, plateState: string): string {
  return [plate, plateState].filter((part) => part !== '').join(' ')
}

/** "2003 Honda Accord · 7ABC123 TX · VIN …004352 · owner Ana López" (parts left out when unknown). */
export function vehicleLine(v: {
  readonly description: string
  readonly plate: string
  readonly plateState: string
  readonly vin: string
  readonly ownerName?: string | null
}): string {
  const plate = plateText(v.plate, v.plateState)
  return [
    v.description,
    plate,
    v.vin ? `VIN ${vinTail(v.vin)}` : '',
    v.ownerName ? `owner ${v.ownerName}` : '',
  ]
    .filter((part) => part !== '')
    .join(' · ')
}

export { describeVehicle }
