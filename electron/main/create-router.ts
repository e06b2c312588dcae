import { mapSqliteError } from '../db/sqlite-errors'
import { authorizeCall } from './ipc/access'
import { handlers } from './ipc/handlers'
import { createApiRouter, type ApiRouter, type CallSender } from './ipc/router'
import type { AppServices } from './services/app-services'

export interface AppRouterOptions {
  /**
   * Refuse everything but the start-up and sign-in calls until the vault is
   * unlocked and someone is signed in. Always on in the app and the browser
   * preview; integration tests of other features may turn it off.
   */
  readonly accessControl?: boolean
}

/** The router with the real handlers and services; the transports (IPC, browser preview) call it. */
export function createAppRouter(
  services: AppServices,
  isTrustedSender: (sender: CallSender) => boolean,
  options: AppRouterOptions = {},
): ApiRouter {
  return createApiRouter({
    handlers,
    ...(options.accessControl === false ? {} : { authorize: authorizeCall }),
    context: services,
    isTrustedSender,
    log: services.log,
    mapError: mapSqliteError,
  })
}
