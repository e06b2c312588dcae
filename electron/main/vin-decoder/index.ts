export type { VinDecodeConfidence, VinDecodeSuggestion, VinDecoder } from './types'
export {
  createCorgiVinDecoder,
  vinDecoderDir,
  type CorgiVinDecoder,
  type CorgiVinDecoderOptions,
  type VinDecoderState,
} from './corgi-vin-decoder'
export { locateCorgi, type CorgiPackage } from './corgi-package'
export { DATABASE_FILE_NAME, SIDECAR_FILE_NAME, databasePaths, prepareCorgiDatabase } from './corgi-database'
