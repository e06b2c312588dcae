import type { Vehicle } from '../../../../shared/domain/vehicle'
import type { VinDecodeSuggestion } from '../../../../shared/domain/vin-decode'
import { api } from '../../lib/api'
import { useLookup, type LookupState } from '../../lib/use-lookup'

/** Decodes are offline and deterministic: one answer per VIN for the window's life. */
const decodeCache = new Map<string, VinDecodeSuggestion | null>()

export interface VinLookups {
  /** The vehicle already on file with this VIN (other than the one being edited). */
  readonly duplicate: LookupState<Vehicle | null>
  readonly decode: LookupState<VinDecodeSuggestion | null>
}

/**
 * Once the VIN is usable: is it already on file (vehicles.findByVin), and
 * what does the offline decoder suggest (vehicles.decodeVin)? Both debounced,
 * both off the typing path; an answer for an older VIN is dropped.
 */
export function useVinLookups(vin: string, usable: boolean, exceptVehicleId: number | null): VinLookups {
  const key = usable ? vin : null
  const found = useLookup(key, (value) => api.vehicles.findByVin({ vin: value }), { delayMs: 200 })
  const decode = useLookup(key, (value) => api.vehicles.decodeVin({ vin: value }), { delayMs: 250, cache: decodeCache })
  const duplicate: LookupState<Vehicle | null> =
    found.status === 'done' && found.value !== null && found.value.id === exceptVehicleId ? { ...found, value: null } : found
  return { duplicate, decode }
}
