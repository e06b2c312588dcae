import { z } from 'zod'
import { isLogoDataUrl, LOGO_MAX_CHARS } from '../print/kit'
import { tidyText } from './normalize'

/** The shop's own details, printed on every card and reminder. */
export const shopSettingsSchema = z.object({
  shopName: z.string().transform(tidyText).pipe(z.string().max(80, 'Keep the shop name under 80 characters.')),
  shopPhone: z.string().transform(tidyText).pipe(z.string().max(40, 'Keep the phone under 40 characters.')),
  shopAddress: z.string().max(200, 'Keep the address under 200 characters.').transform((v) => v.trim()),
  /** The shop's logo for printed documents: a PNG, JPEG, GIF, WebP or SVG image as a base64 data: URL; null or absent: none. */
  logoDataUrl: z
    .string()
    .max(LOGO_MAX_CHARS, `Use a smaller logo file (under ${Math.floor((LOGO_MAX_CHARS * 3) / 4 / 1024)} KB).`)
    .refine(isLogoDataUrl, 'The logo must be a PNG, JPEG, GIF, WebP or SVG image.')
    .nullable()
    .optional(),
})

export type ShopSettings = z.output<typeof shopSettingsSchema>

export const DEFAULT_SHOP_SETTINGS: ShopSettings = { shopName: '', shopPhone: '', shopAddress: '' }
