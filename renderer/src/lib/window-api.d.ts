import type { ApiBridge } from '../../../shared/api/contract'

declare global {
  interface Window {
    /**
     * Put here by the Electron preload (or the browser-preview bridge).
     * Optional on purpose: a window opened without it must show an error
     * screen, not crash. Only lib/api.ts reads it.
     */
    readonly api?: ApiBridge
  }
}

export {}
