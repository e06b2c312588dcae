import type { SignInResult } from '../../../../shared/domain/security'
import { toStaffRoster } from '../../../../shared/domain/staff'
import { appendAudit } from '../../../db/repositories/audit'
import type { Handlers } from '../router'
import type { AppServices } from '../../services/app-services'

async function auditSignIn(services: AppServices, staffId: number, action: string): Promise<void> {
  const now = services.now().toISOString()
  await services
    .requireDb()
    .transaction()
    .execute((trx) =>
      appendAudit(trx, { at: now, workstationId: services.workstationId, staffId, action, entityType: 'staff', entityId: staffId, details: {} }),
    )
}

export const securityHandlers = {
  'security.status': (_input, services) => services.requireSecurity().status(),
  'vault.setUp': (input, services) => services.requireSecurity().setUpVault(input.passphrase),
  'vault.unlock': (input, services) => services.requireSecurity().unlockVault(input.passphrase),
  'staff.createFirstManager': async (input, services) => {
    const security = services.requireSecurity()
    const manager = await security.staff.createFirstManager(input)
    security.session.signIn(manager.id)
    await auditSignIn(services, manager.id, 'staff.sign-in')
    services.events.emit('session.changed', { staffId: manager.id })
    return security.status()
  },
  // Public: the sign-in screen lists names to pick from.
  'staff.roster': async (_input, services) => toStaffRoster(await services.requireSecurity().staff.listStaff()),
  'staff.list': (_input, services) => services.requireSecurity().staff.listStaff(),
  'staff.add': (input, services) => {
    const security = services.requireSecurity()
    return security.staff.addStaff(security.requireActor(), input)
  },
  'staff.changeOwnPin': (input, services) => {
    const security = services.requireSecurity()
    return security.staff.changeOwnPin(security.requireActor(), input.currentPin, input.newPin)
  },
  'staff.setPermissions': (input, services) => {
    const security = services.requireSecurity()
    return security.staff.setPermissions(security.requireActor(), input)
  },
  'staff.setActive': (input, services) => {
    const security = services.requireSecurity()
    return security.staff.setActive(security.requireActor(), input.staffId, input.active)
  },
  'staff.resetPin': (input, services) => {
    const security = services.requireSecurity()
    return security.staff.resetPin(security.requireActor(), input.staffId, input.newPin)
  },
  'session.signIn': async (input, services): Promise<SignInResult> => {
    const security = services.requireSecurity()
    const check = await security.staff.verifyPin(input.staffId, input.pin)
    if (!check.ok) {
      return {
        ok: false,
        reason: check.reason,
        message: check.message,
        lockedUntil: 'lockedUntil' in check ? check.lockedUntil : null,
        attemptsBeforeLock: 'attemptsBeforeLock' in check ? check.attemptsBeforeLock : null,
      }
    }
    security.session.signIn(check.staff.id)
    await auditSignIn(services, check.staff.id, 'staff.sign-in')
    services.events.emit('session.changed', { staffId: check.staff.id })
    return { ok: true, status: await security.status() }
  },
  'session.signOut': async (_input, services) => {
    const security = services.requireSecurity()
    const staffId = security.session.currentStaffId()
    security.session.signOut()
    if (staffId !== null) await auditSignIn(services, staffId, 'staff.sign-out')
    services.events.emit('session.changed', { staffId: null })
    return security.status()
  },
  'codes.add': async (input, services) => {
    const security = services.requireSecurity()
    const entry = await security.codes.addCode(security.requireActor(), input)
    services.events.emit('data.changed', { entity: 'radio', id: entry.radioId })
    return entry
  },
  'codes.checkFormat': async (input, services) => ({
    problems: await services.requireSecurity().codes.checkFormat(input.radioId, input.code),
  }),
  'codes.verify': async (input, services) => {
    const security = services.requireSecurity()
    const entry = await security.codes.markVerified(security.requireActor(), input.codeId)
    services.events.emit('data.changed', { entity: 'radio', id: entry.radioId })
    return entry
  },
  'codes.history': (input, services) => services.requireSecurity().codes.listHistory(input.radioId),
  'codes.reveal': (input, services) => {
    const security = services.requireSecurity()
    security.requireActor()
    return security.codes.reveal(input)
  },
} satisfies Partial<Handlers<AppServices>>
