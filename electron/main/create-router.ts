import { mapSqliteError } from '../db/sqlite-errors'
import { handlers } from './ipc/handlers'
import { createApiRouter, type ApiRouter, type CallSender } from './ipc/router'
import type { AppServices } from './services/app-services'

/** The router with the real handlers and services; the transports (IPC, browser preview) call it. */
export function createAppRouter(services: AppServices, isTrustedSender: (sender: CallSender) => boolean): ApiRouter {
  return createApiRouter({ handlers, context: services, isTrustedSender, log: services.log, mapError: mapSqliteError })
}
