import { describe, expect, it } from 'vitest'
import {
  customerSearchDocument,
  jobSearchDocument,
  radioSearchDocument,
  vehicleSearchDocument,
} from '../../../electron/main/services/search-documents'

const phoneKeys = (numbers: string[]) =>
  customerSearchDocument({ name: 'Ana', email: '', phones: numbers.map((number) => ({ number })) }).keys.map((k) => `${k.kind}:${k.value}`)

describe('search documents', () => {
  it('a customer contributes name words, the email’s local part, and phone digits', () => {
    expect(customerSearchDocument({ name: 'Ana López', email: 'ana.l@example.com', phones: [] })).toEqual({
      words: ['Ana López', 'ana.l'],
      keys: [],
    })
  })

  it('a US number is findable with and without the leading 1, however it was typed', () => {
    expect(phoneKeys(['(555) 010-2030'])).toEqual(['phone:5550102030', 'phone:15550102030'])
    expect(phoneKeys(['+1 555 010 2030'])).toEqual(['phone:15550102030', 'phone:5550102030'])
  })

  it('other lengths are kept as typed, with no country-code variant', () => {
    expect(phoneKeys(['010-2030'])).toEqual(['phone:0102030'])
    expect(phoneKeys(['+44 20 7946 0958'])).toEqual(['phone:442079460958'])
    expect(phoneKeys(['25550102030'])).toEqual(['phone:25550102030'])
  })

  it('a vehicle contributes VIN and plate keys only when known', () => {
    const base = { vin: '', year: null, make: 'Honda', model: 'Accord', trim: '', colour: 'Blue', plate: '' }
    expect(vehicleSearchDocument(base).keys).toEqual([])
    expect(vehicleSearchDocument({ ...base, vin: '1HGCM82633A004352', plate: '7ABC 123', year: 2003 })).toEqual({
      words: ['2003', 'Honda', 'Accord', '', 'Blue'],
      keys: [
        { kind: 'vin', value: '1HGCM82633A004352' },
        { kind: 'plate', value: '7ABC 123' },
      ],
    })
  })

  it('a radio contributes its serial; a job its repair-order number', () => {
    expect(radioSearchDocument({ serial: '', headUnit: 'Alpine' })).toEqual({ words: ['Alpine'], keys: [] })
    expect(radioSearchDocument({ serial: 'U123', headUnit: '' }).keys).toEqual([{ kind: 'serial', value: 'U123' }])
    expect(jobSearchDocument({ roNumber: 'RO-48213' })).toEqual({ words: [], keys: [{ kind: 'ro', value: 'RO-48213' }] })
    expect(jobSearchDocument({ roNumber: '' }).keys).toEqual([])
  })
})
