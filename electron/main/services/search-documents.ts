import { phoneDigits } from '../../../shared/domain/normalize'
import type { SearchDocument, SearchKey } from '../../db/search/search-index'

/*
 * What each kind of record contributes to search. Kept in one place so the
 * desk's "find it by anything" promise is readable in one screen.
 */

export function customerSearchDocument(customer: { name: string; email: string; phones: readonly { number: string }[] }): SearchDocument {
  const keys: SearchKey[] = []
  for (const phone of customer.phones) {
    const digits = phoneDigits(phone.number)
    keys.push({ kind: 'phone', value: digits })
    // "+1 (555) 010-2030" is also found as "555 010 2030", and the other way round
    // (the same rule as the duplicate check in findCustomersByPhoneDigits).
    if (digits.length === 11 && digits.startsWith('1')) keys.push({ kind: 'phone', value: digits.slice(1) })
    if (digits.length === 10) keys.push({ kind: 'phone', value: `1${digits}` })
  }
  return { words: [customer.name, customer.email.split('@')[0] ?? ''], keys }
}

export function vehicleSearchDocument(vehicle: {
  vin: string
  year: number | null
  make: string
  model: string
  trim: string
  colour: string
  plate: string
}): SearchDocument {
  const keys: SearchKey[] = []
  if (vehicle.vin !== '') keys.push({ kind: 'vin', value: vehicle.vin })
  if (vehicle.plate !== '') keys.push({ kind: 'plate', value: vehicle.plate })
  return {
    words: [String(vehicle.year ?? ''), vehicle.make, vehicle.model, vehicle.trim, vehicle.colour],
    keys,
  }
}

export function radioSearchDocument(radio: { serial: string; headUnit: string }): SearchDocument {
  return { words: [radio.headUnit], keys: radio.serial === '' ? [] : [{ kind: 'serial', value: radio.serial }] }
}

export function jobSearchDocument(job: { roNumber: string }): SearchDocument {
  return { words: [], keys: job.roNumber === '' ? [] : [{ kind: 'ro', value: job.roNumber }] }
}
