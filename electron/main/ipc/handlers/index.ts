import type { Handlers } from '../router'
import type { AppServices } from '../../services/app-services'
import { appHandlers } from './app'
import { customerHandlers } from './customers'
import { printingHandlers } from './printing'
import { searchHandlers } from './search'
import { securityHandlers } from './security'
import { vehicleHandlers } from './vehicles'
import { settingsHandlers } from './settings'
import { retrievalHandlers } from './retrieval'
import { codeReleaseHandlers } from './code-release'
import { auditHandlers } from './audit'
import { jobHandlers } from './jobs'
import { documentHandlers } from './documents'
import { csvHandlers } from './csv'
import { idleLockHandlers, withStoredIdleLock } from './idle-lock'
import { backupHandlers } from './backups'
import { vaultRecoveryHandlers } from './vault-recovery'

/**
 * Every handler, one table per feature. The annotation makes a contract
 * method without a handler (or a handler without a method) a compile error.
 */
export const handlers: Handlers<AppServices> = {
  ...appHandlers,
  ...customerHandlers,
  ...settingsHandlers,
  ...printingHandlers,
  ...vehicleHandlers,
  ...searchHandlers,
  ...securityHandlers,
  ...retrievalHandlers,
  ...codeReleaseHandlers,
  ...auditHandlers,
  ...idleLockHandlers,
  ...jobHandlers,
  ...documentHandlers,
  ...backupHandlers,
  ...vaultRecoveryHandlers,
  ...csvHandlers,
  // The shop's idle sign-out time is applied to the desk session before each sign-in.
  'session.signIn': withStoredIdleLock(securityHandlers['session.signIn']),
  'staff.createFirstManager': withStoredIdleLock(securityHandlers['staff.createFirstManager']),
}
