import { z } from 'zod'

export const searchQuerySchema = z.object({
  text: z.string().max(100, 'Search text is limited to 100 characters.'),
  limitPerKind: z.number().int().min(1).max(50).default(8),
})

/** Which field of the record matched what was typed. */
export type SearchMatch = 'name' | 'phone' | 'plate' | 'vin' | 'serial' | 'ro'

export interface CustomerResult {
  readonly kind: 'customer'
  readonly id: number
  readonly name: string
  readonly phone: string | null
  readonly matchedBy: SearchMatch
}

export interface VehicleResult {
  readonly kind: 'vehicle'
  readonly id: number
  readonly description: string
  readonly vin: string
  readonly plate: string
  readonly plateState: string
  readonly ownerName: string | null
  readonly matchedBy: SearchMatch
}

export interface RadioResult {
  readonly kind: 'radio'
  readonly id: number
  readonly vehicleId: number
  readonly serial: string
  readonly headUnit: string
  readonly vehicleDescription: string
  readonly ownerName: string | null
  readonly removed: boolean
  readonly matchedBy: SearchMatch
}

export type SearchResult = CustomerResult | VehicleResult | RadioResult

export interface SearchResults {
  readonly text: string
  readonly customers: readonly CustomerResult[]
  readonly vehicles: readonly VehicleResult[]
  readonly radios: readonly RadioResult[]
  /** What Enter opens: the first exact identifier match, else the first result. */
  readonly top: { readonly kind: SearchResult['kind']; readonly id: number } | null
}
