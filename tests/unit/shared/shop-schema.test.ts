import { describe, expect, it } from 'vitest'
import { DEFAULT_SHOP_SETTINGS, shopSettingsSchema } from '../../../shared/domain/shop'

describe('shopSettingsSchema', () => {
  it('tidies the name and phone and trims the address', () => {
    expect(
      shopSettingsSchema.parse({ shopName: '  Joe’s   Auto ', shopPhone: ' (555)  010-2030 ', shopAddress: '  1 Main St\nFresno  ' }),
    ).toEqual({ shopName: 'Joe’s Auto', shopPhone: '(555) 010-2030', shopAddress: '1 Main St\nFresno' })
  })

  it('accepts the defaults', () => {
    expect(shopSettingsSchema.parse(DEFAULT_SHOP_SETTINGS)).toEqual(DEFAULT_SHOP_SETTINGS)
  })

  it('refuses over-long values with a message per field', () => {
    const result = shopSettingsSchema.safeParse({ shopName: 'x'.repeat(81), shopPhone: '1'.repeat(41), shopAddress: 'x'.repeat(201) })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['shopName', 'Keep the shop name under 80 characters.'],
      ['shopPhone', 'Keep the phone under 40 characters.'],
      ['shopAddress', 'Keep the address under 200 characters.'],
    ])
  })

  it('measures the name after tidying', () => {
    expect(shopSettingsSchema.safeParse({ shopName: ` ${'x'.repeat(80)}   `, shopPhone: '', shopAddress: '' }).success).toBe(true)
  })

  it('needs every field', () => {
    const result = shopSettingsSchema.safeParse({ shopName: 'Joe' })
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['shopPhone', 'shopAddress'])
  })
})
