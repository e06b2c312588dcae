import type { ApiMethod } from '../../../shared/api/contract'
import { AppError } from '../../../shared/api/errors'
import type { AppServices } from '../services/app-services'

/**
 * Calls that work before anyone is signed in at the desk: what the start-up
 * screens need (status, vault set-up and unlock, first manager, the sign-in
 * picker) and signing in and out. Everything else needs an unlocked vault and
 * a signed-in staff member, so a desk left alone locks itself.
 */
export const PUBLIC_METHODS: ReadonlySet<ApiMethod> = new Set<ApiMethod>([
  'app.status',
  'security.status',
  'vault.setUp',
  'vault.unlock',
  // The recovery key: opening a locked vault, and the key's own screen at first start. Each checks who may use it.
  'vault.recover',
  'vault.newRecoveryKey',
  'vault.confirmRecoveryKey',
  'vault.printRecoverySheet',
  'staff.createFirstManager',
  'staff.roster',
  'session.signIn',
  'session.signOut',
  // Only while the database cannot be read, and only the backup app.status offers (see services/backup-actions.ts).
  'backups.restoreAtStart',
])

/** Throws VAULT_LOCKED or SIGNED_OUT unless the desk may act; counts the call as activity. */
export function requireSignedIn(services: AppServices): void {
  const security = services.requireSecurity()
  if (!security.vault.isUnlocked()) {
    throw new AppError('VAULT_LOCKED', 'The code vault is locked. A manager must unlock it on the start screen.')
  }
  security.requireActor()
}

/** The router's authorize hook: public calls always pass; the rest need a signed-in desk. */
export function authorizeCall(method: ApiMethod, services: AppServices): void {
  if (!PUBLIC_METHODS.has(method)) requireSignedIn(services)
}
