import type { VinValidation } from '../../../shared/domain/vin'
import type { RawCorgiResult } from './corgi-worker'
import type { VinDecodeConfidence, VinDecodeSuggestion } from './types'

/** corgi error codes that mean the VIN itself could not be read (length, characters). */
const STRUCTURE_ERRORS = new Set(['100', '101'])
/** corgi: "Low confidence in pattern matches". */
const LOW_CONFIDENCE = '401'

const CONFIGURATION_LETTER: Readonly<Record<string, string>> = {
  'In-Line': 'I',
  'V-Shaped': 'V',
  'Horizontally opposed (boxer)': 'H',
  'W Shaped': 'W',
  'W-Shaped': 'W',
}

/** Engine model codes short enough to show ("J30A4", "2ZR-FE"); vPIC also has sentences there. */
const SHORT_ENGINE_CODE = /^[A-Z0-9][A-Z0-9+\-.]{1,11}$/i

type Patterns = RawCorgiResult['patterns']

function first(patterns: Patterns, element: string): string | null {
  return patterns.find((pattern) => pattern.element === element)?.value ?? null
}

/**
 * A short engine description for the desk: "2.4L I4", "3.5L V6 Turbo",
 * "1.8L I4 Hybrid", "6.7L V8 Diesel", "Electric", "V6 (J30A4)". Null when the data has nothing.
 */
export function engineText(raw: Pick<RawCorgiResult, 'patterns' | 'engine'>): string | null {
  const patterns = raw.patterns
  const engine = raw.engine
  const displacement = first(patterns, 'Displacement (L)') ?? engine?.displacement ?? null
  const cylinders = first(patterns, 'Engine Number of Cylinders') ?? engine?.cylinders ?? null
  const configuration = first(patterns, 'Engine Configuration')
  const engineModel = first(patterns, 'Engine Model') ?? engine?.model ?? null
  const fuel = first(patterns, 'Fuel Type - Primary') ?? engine?.fuel ?? null
  const secondFuel = first(patterns, 'Fuel Type - Secondary')
  const electrification = first(patterns, 'Electrification Level') ?? ''
  const turbo = first(patterns, 'Turbo') === 'Yes'

  const parts: string[] = []
  const litres = displacement === null ? NaN : Number.parseFloat(displacement)
  if (Number.isFinite(litres) && litres > 0) parts.push(`${litres.toFixed(1)}L`)
  const count = cylinders === null ? NaN : Number.parseInt(cylinders, 10)
  if (configuration === 'Rotary') parts.push('Rotary')
  else if (Number.isFinite(count) && count > 0) {
    const letter = configuration ? CONFIGURATION_LETTER[configuration] : undefined
    parts.push(letter ? `${letter}${count}` : `${count}-cyl`)
  }
  if (parts.length > 0 && !(Number.isFinite(litres) && litres > 0) && engineModel && SHORT_ENGINE_CODE.test(engineModel)) {
    parts.push(`(${engineModel})`)
  }

  const electric = /electric/i.test(fuel ?? '')
  if (parts.length === 0) {
    if (electric || /^BEV/.test(electrification)) return 'Electric'
    if (engineModel && SHORT_ENGINE_CODE.test(engineModel)) return engineModel
    return null
  }
  if (turbo) parts.push('Turbo')
  if (/^PHEV/.test(electrification)) parts.push('Plug-in Hybrid')
  else if (/electric/i.test(secondFuel ?? '') || /^(HEV|MHEV)/.test(electrification)) parts.push('Hybrid')
  if (/diesel/i.test(fuel ?? '')) parts.push('Diesel')
  return parts.join(' ')
}

/**
 * Turns what corgi found into a suggestion, or null when it found nothing
 * useful (not even the maker). `validation` is our own check of the same VIN.
 */
export function toSuggestion(
  raw: RawCorgiResult,
  validation: VinValidation,
  sourceVersion: string,
): VinDecodeSuggestion | null {
  if (raw.errors.some((error) => STRUCTURE_ERRORS.has(error.code))) return null
  const make = raw.vehicle?.make ?? raw.wmi?.make ?? null
  if (!make) return null

  const model = raw.vehicle?.model ?? null
  const corgiYear = raw.vehicle?.year ?? raw.modelYear?.year ?? null
  const year = corgiYear && corgiYear > 0 ? corgiYear : validation.modelYear.year
  const trim = raw.vehicle?.trim ?? null
  const notes: string[] = []

  let confidence: VinDecodeConfidence
  const weak = raw.errors.some((error) => error.code === LOW_CONFIDENCE) || (raw.confidence !== null && raw.confidence < 0.5)
  if (!model || weak) confidence = 'low'
  else if (!validation.checkDigit.valid || (raw.confidence ?? 0) < 0.6) confidence = 'medium'
  else confidence = 'high'

  if (!model) {
    notes.push(
      'Only the maker was found in the offline data; vehicles built for markets outside North America are often missing. Fill in the model by hand.',
    )
  } else if (weak) {
    notes.push('The match in the offline data is weak: check make and model against the car.')
  }
  if (!validation.checkDigit.valid && /^[0-9X]$/.test(validation.checkDigit.actual ?? '')) {
    notes.push('The VIN’s check digit does not match: if this is not the car in front of you, a character of the VIN is probably wrong.')
  }
  if (year === null) notes.push('The VIN does not give the model year; ask the customer or check the door-jamb label.')
  if (trim && /[,/]/.test(trim)) notes.push(`The VIN does not say which trim; the data lists “${trim}”.`)

  return {
    vin: validation.vin,
    year,
    make,
    model,
    trim,
    engine: engineText(raw),
    source: 'vpic-offline',
    sourceVersion,
    confidence,
    notes,
  }
}
