/**
 * Offline VIN decoding: suggestions the desk can accept or overwrite. A decode
 * that fails (unknown VIN, VIN built for another market, database not ready,
 * worker crashed) gives null or a suggestion with notes; it never throws and
 * never blocks saving a job.
 */

import type { VinDecodeSuggestion } from '../../../shared/domain/vin-decode'

export type { VinDecodeConfidence, VinDecodeSuggestion } from '../../../shared/domain/vin-decode'

export interface VinDecoder {
  /** Never throws; null when nothing useful could be decoded. */
  decode(vin: string): Promise<VinDecodeSuggestion | null>
  close(): Promise<void>
}
