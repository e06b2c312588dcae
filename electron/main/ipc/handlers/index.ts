import type { Handlers } from '../router'
import type { AppServices } from '../../services/app-services'
import { appHandlers } from './app'
import { customerHandlers } from './customers'
import { printingHandlers } from './printing'
import { searchHandlers } from './search'
import { securityHandlers } from './security'
import { vehicleHandlers } from './vehicles'
import { settingsHandlers } from './settings'

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
}
