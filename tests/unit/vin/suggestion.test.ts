import { describe, expect, it } from 'vitest'
import { validateVin } from '../../../shared/domain/vin'
import type { RawCorgiResult } from '../../../electron/main/vin-decoder/corgi-worker'
import { engineText, toSuggestion } from '../../../electron/main/vin-decoder/suggestion'

const now = new Date('2026-06-01T12:00:00Z')

type Pattern = RawCorgiResult['patterns'][number]
const p = (element: string, value: string): Pattern => ({ element, value, confidence: 0.9 })

function raw(overrides: Partial<RawCorgiResult> = {}): RawCorgiResult {
  return {
    valid: true,
    vehicle: { make: 'Honda', model: 'Accord', year: 2003, trim: 'EX-V6', series: null, fuelType: 'Gasoline' },
    wmi: { make: 'Honda', manufacturer: 'AMERICAN HONDA MOTOR CO., INC.', country: 'UNITED STATES (USA)' },
    modelYear: { year: 2003, source: 'position', confidence: 1 },
    checkDigit: { isValid: true, expected: '3', actual: '3' },
    engine: null,
    errors: [],
    confidence: 0.96,
    matchedSchema: 'Honda Accord Schema 2003',
    patterns: [],
    ...overrides,
  }
}

describe('engineText', () => {
  const engine = (patterns: Pattern[], fallback: RawCorgiResult['engine'] = null) => engineText({ patterns, engine: fallback })

  it('litres, layout letter and cylinders: "2.4L I4", "3.5L V6", "2.5L H4", "6.0L W12"', () => {
    expect(engine([p('Displacement (L)', '2.4'), p('Engine Configuration', 'In-Line'), p('Engine Number of Cylinders', '4')])).toBe('2.4L I4')
    expect(engine([p('Displacement (L)', '3.5'), p('Engine Configuration', 'V-Shaped'), p('Engine Number of Cylinders', '6')])).toBe('3.5L V6')
    expect(engine([p('Displacement (L)', '2.5'), p('Engine Configuration', 'Horizontally opposed (boxer)'), p('Engine Number of Cylinders', '4')])).toBe(
      '2.5L H4',
    )
    expect(engine([p('Displacement (L)', '5.998'), p('Engine Configuration', 'W Shaped'), p('Engine Number of Cylinders', '12')])).toBe('6.0L W12')
  })

  it('rounds to one decimal and writes whole litres with ".0"', () => {
    expect(engine([p('Displacement (L)', '2'), p('Engine Number of Cylinders', '4')])).toBe('2.0L 4-cyl')
    expect(engine([p('Displacement (L)', '1.998')])).toBe('2.0L')
  })

  it('adds Turbo, Hybrid, Plug-in Hybrid and Diesel', () => {
    expect(engine([p('Displacement (L)', '1.4'), p('Engine Number of Cylinders', '4'), p('Turbo', 'Yes')])).toBe('1.4L 4-cyl Turbo')
    expect(engine([p('Displacement (L)', '1.4'), p('Turbo', 'No')])).toBe('1.4L')
    expect(
      engine([p('Displacement (L)', '1.8'), p('Engine Configuration', 'In-Line'), p('Engine Number of Cylinders', '4'), p('Fuel Type - Secondary', 'Electric')]),
    ).toBe('1.8L I4 Hybrid')
    expect(engine([p('Displacement (L)', '2.0'), p('Electrification Level', 'PHEV (Plug-in Hybrid Electric Vehicle)')])).toBe('2.0L Plug-in Hybrid')
    expect(
      engine([p('Displacement (L)', '6.7'), p('Engine Configuration', 'V-Shaped'), p('Engine Number of Cylinders', '8'), p('Fuel Type - Primary', 'Diesel')]),
    ).toBe('6.7L V8 Diesel')
  })

  it('without a displacement, adds a short engine code; electric cars say Electric', () => {
    expect(engine([p('Engine Configuration', 'V-Shaped'), p('Engine Number of Cylinders', '6'), p('Engine Model', 'J30A4')])).toBe('V6 (J30A4)')
    expect(engine([p('Engine Number of Cylinders', '4'), p('Engine Model', 'LFV - Direct Injection, Variable Valve Timing, GEN 1')])).toBe('4-cyl')
    expect(engine([p('Fuel Type - Primary', 'Electric')])).toBe('Electric')
    expect(engine([p('Engine Configuration', 'Rotary'), p('Displacement (L)', '1.3')])).toBe('1.3L Rotary')
    expect(engine([])).toBeNull()
  })

  it("falls back to corgi's engine summary when there are no patterns", () => {
    expect(engine([], { model: null, cylinders: '6', displacement: '3.5', fuel: 'Gasoline' })).toBe('3.5L 6-cyl')
  })

  it("takes the first (corgi's best) value of each element", () => {
    expect(engine([p('Displacement (L)', '3.5'), p('Displacement (L)', '2.7')])).toBe('3.5L')
  })
})

describe('toSuggestion', () => {
  const good = validateVin('1HGCM82633A004352', { now })

  it('a clean decode is a high-confidence suggestion without notes', () => {
    expect(toSuggestion(raw(), good, '2.0.1')).toEqual({
      vin: '1HGCM82633A004352',
      year: 2003,
      make: 'Honda',
      model: 'Accord',
      trim: 'EX-V6',
      engine: null,
      source: 'vpic-offline',
      sourceVersion: '2.0.1',
      confidence: 'high',
      notes: [],
    })
  })

  it('null when corgi could not read the VIN or found no maker', () => {
    expect(toSuggestion(raw({ errors: [{ code: '100', severity: 'error', message: 'Invalid VIN length', details: null }] }), good, '2.0.1')).toBeNull()
    expect(toSuggestion(raw({ vehicle: null, wmi: null }), good, '2.0.1')).toBeNull()
  })

  it('maker only (no patterns) → low confidence with a note to fill in the model', () => {
    const suggestion = toSuggestion(raw({ vehicle: null, patterns: [], confidence: null }), good, '2.0.1')
    expect(suggestion).toMatchObject({ make: 'Honda', model: null, year: 2003, confidence: 'low' })
    expect(suggestion?.notes).toEqual([
      'Only the maker was found in the offline data; vehicles built for markets outside North America are often missing. Fill in the model by hand.',
    ])
  })

  it("corgi's low-confidence flag → low", () => {
    const suggestion = toSuggestion(
      raw({ errors: [{ code: '401', severity: 'warning', message: 'Low confidence in pattern matches', details: null }], confidence: 0.4 }),
      good,
      '2.0.1',
    )
    expect(suggestion?.confidence).toBe('low')
    expect(suggestion?.notes).toEqual(['The match in the offline data is weak: check make and model against the car.'])
  })

  it('a wrong check digit → medium, with a note', () => {
    const typo = validateVin('1HGCM82633A004353', { now })
    const suggestion = toSuggestion(raw({ checkDigit: { isValid: false, expected: '5', actual: '3' } }), typo, '2.0.1')
    expect(suggestion?.confidence).toBe('medium')
    expect(suggestion?.notes).toEqual([
      'The VIN’s check digit does not match: if this is not the car in front of you, a character of the VIN is probably wrong.',
    ])
  })

  it('several trims listed → a note; year 0 from corgi → our own year, else a note', () => {
    const trims = toSuggestion(raw({ vehicle: { make: 'Volkswagen', model: 'Jetta', year: 2017, trim: 'SEL, SEL Premium', series: null, fuelType: null } }), good, '2.0.1')
    expect(trims?.notes).toEqual(['The VIN does not say which trim; the data lists “SEL, SEL Premium”.'])

    const zeroYear = raw({ vehicle: { make: 'Volkswagen', model: 'Golf', year: 0, trim: null, series: null, fuelType: null }, modelYear: { year: 0, source: 'position', confidence: 0 } })
    expect(toSuggestion(zeroYear, good, '2.0.1')?.year).toBe(2003)
    const noYear = validateVin('WVWZZZ1KZ0W123456', { now })
    const suggestion = toSuggestion(zeroYear, noYear, '2.0.1')
    expect(suggestion?.year).toBeNull()
    expect(suggestion?.notes).toContain('The VIN does not give the model year; ask the customer or check the door-jamb label.')
  })
})
