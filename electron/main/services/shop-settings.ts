import { DEFAULT_SHOP_SETTINGS, shopSettingsSchema, type ShopSettings } from '../../../shared/domain/shop'
import { appendAudit } from '../../db/repositories/audit'
import { readShopSetting, writeShopSetting } from '../../db/repositories/settings'
import type { AppServices } from './app-services'

const SHOP_KEY = 'shop'

export async function getShopSettings(services: AppServices): Promise<ShopSettings> {
  const stored = await readShopSetting(services.requireDb(), SHOP_KEY)
  const parsed = shopSettingsSchema.safeParse(stored)
  // A value written by another version that no longer parses falls back to defaults rather than breaking the desk.
  return parsed.success ? parsed.data : DEFAULT_SHOP_SETTINGS
}

export async function updateShopSettings(services: AppServices, settings: ShopSettings): Promise<ShopSettings> {
  const db = services.requireDb()
  const now = services.now().toISOString()
  await db.transaction().execute(async (trx) => {
    await writeShopSetting(trx, SHOP_KEY, settings, now, services.actorId())
    await appendAudit(trx, {
      at: now,
      workstationId: services.workstationId,
      staffId: services.actorId(),
      action: 'settings.shop.update',
      entityType: 'shop_settings',
      entityId: null,
      details: {},
    })
  })
  services.events.emit('data.changed', { entity: 'shop-settings', id: null })
  return settings
}
