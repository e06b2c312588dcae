import type { ApiMethod } from '../../../../shared/api/contract'
import type { Handler, Handlers } from '../router'
import type { AppServices } from '../../services/app-services'
import { applyStoredIdleLock, getIdleLock, setIdleLock } from '../../services/idle-lock'

export const idleLockHandlers = {
  'settings.getIdleLock': (_input, services) => getIdleLock(services),
  'settings.setIdleLock': (input, services) => setIdleLock(services, input.minutes),
} satisfies Partial<Handlers<AppServices>>

/**
 * Wraps a sign-in handler so the desk session gets the shop's idle sign-out
 * time before anyone signs in (the session is created at start-up, before the
 * setting can be read; this keeps it right after a restart or a restore).
 */
export function withStoredIdleLock<M extends ApiMethod>(handler: Handler<M, AppServices>): Handler<M, AppServices> {
  return async (input, services) => {
    await applyStoredIdleLock(services)
    return handler(input, services)
  }
}
