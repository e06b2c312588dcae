import { z } from 'zod'
import { tidyText } from './normalize'

/** The shop's own details, printed on every card and reminder. */
export const shopSettingsSchema = z.object({
  shopName: z.string().transform(tidyText).pipe(z.string().max(80, 'Keep the shop name under 80 characters.')),
  shopPhone: z.string().transform(tidyText).pipe(z.string().max(40, 'Keep the phone under 40 characters.')),
  shopAddress: z.string().max(200, 'Keep the address under 200 characters.').transform((v) => v.trim()),
})

export type ShopSettings = z.output<typeof shopSettingsSchema>

export const DEFAULT_SHOP_SETTINGS: ShopSettings = { shopName: '', shopPhone: '', shopAddress: '' }
