import type { Handlers } from '../router'
import type { AppServices } from '../../services/app-services'
import { getShopSettings, updateShopSettings } from '../../services/shop-settings'

export const settingsHandlers = {
  'settings.getShop': (_input, services) => getShopSettings(services),
  'settings.updateShop': (input, services) => updateShopSettings(services, input),
} satisfies Partial<Handlers<AppServices>>
