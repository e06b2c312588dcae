import { AppError } from '../../../shared/api/errors'
import { idleLockSetting, storedIdleLockSchema, type IdleLockSetting } from '../../../shared/domain/idle-lock'
import { appendAudit } from '../../db/repositories/audit'
import { readShopSetting, writeShopSetting } from '../../db/repositories/settings'
import type { AppServices } from './app-services'

/*
 * The idle sign-out time: a shop setting (shop_settings key 'idle-lock'),
 * read by everyone, changed by a manager (audited), and applied to the desk
 * session at once and before every sign-in.
 */

export const IDLE_LOCK_KEY = 'idle-lock'

/** The stored minutes, or null when never set (or written by a version whose value no longer parses). */
async function storedMinutes(services: AppServices): Promise<number | null> {
  const parsed = storedIdleLockSchema.safeParse(await readShopSetting(services.requireDb(), IDLE_LOCK_KEY))
  return parsed.success ? parsed.data.minutes : null
}

export async function getIdleLock(services: AppServices): Promise<IdleLockSetting> {
  return idleLockSetting(await storedMinutes(services))
}

/**
 * Gives the desk session the stored idle time. Nothing stored: the session
 * keeps the time it was started with (5 minutes unless a test chose another).
 */
export async function applyStoredIdleLock(services: AppServices): Promise<void> {
  const minutes = await storedMinutes(services)
  if (minutes !== null) services.requireSecurity().session.setIdleTimeoutMs(minutes * 60_000)
}

export async function setIdleLock(services: AppServices, minutes: number): Promise<IdleLockSetting> {
  const security = services.requireSecurity()
  const actorId = security.requireActor()
  const actor = await security.staff.requireActive(actorId)
  if (actor.role !== 'manager') throw new AppError('FORBIDDEN', 'Only a manager can change the idle sign-out time.')
  const before = await getIdleLock(services)
  const now = services.now().toISOString()
  await services
    .requireDb()
    .transaction()
    .execute(async (trx) => {
      await writeShopSetting(trx, IDLE_LOCK_KEY, { minutes }, now, actorId)
      await appendAudit(trx, {
        at: now,
        workstationId: services.workstationId,
        staffId: actorId,
        action: 'settings.idle-lock.update',
        entityType: 'shop_settings',
        entityId: null,
        details: { minutesBefore: before.minutes, minutes },
      })
    })
  security.session.setIdleTimeoutMs(minutes * 60_000)
  services.events.emit('data.changed', { entity: 'shop-settings', id: null })
  return idleLockSetting(minutes)
}
