import { safeStorage } from 'electron'
import {
  assessSafeStorage,
  createSafeStorageProtectorWith,
  reportSafeStorage,
  type KeyProtector,
  type SafeStorageAssessment,
} from './key-protector'

/*
 * The one vault file that imports Electron (listed in eslint.config.js).
 * All logic lives in key-protector.ts. Call these after app 'ready'.
 */

/** Whether safeStorage protects the vault key on this computer, and the sentence to show the manager. */
export function assessElectronSafeStorage(): SafeStorageAssessment {
  return assessSafeStorage(reportSafeStorage(safeStorage, process.platform))
}

/** The safeStorage-backed KeyProtector. Wrapping refuses when safeStorage is not trustworthy. */
export function createElectronSafeStorageProtector(): KeyProtector {
  return createSafeStorageProtectorWith(safeStorage, process.platform)
}
