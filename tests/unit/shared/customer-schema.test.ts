import { describe, expect, it } from 'vitest'
import { newCustomerSchema } from '../../../shared/domain/customer'

function problems(input: unknown): Record<string, string> {
  const result = newCustomerSchema.safeParse(input)
  if (result.success) return {}
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]))
}

describe('newCustomerSchema', () => {
  it('fills defaults for everything but the name', () => {
    expect(newCustomerSchema.parse({ name: 'Ana' })).toEqual({
      name: 'Ana',
      phones: [],
      email: '',
      preferredLanguage: 'en',
      notes: '',
    })
  })

  it('tidies the name, trims the email and defaults the phone label', () => {
    const parsed = newCustomerSchema.parse({
      name: '  Ana   López ',
      email: '  ana@example.com ',
      phones: [{ number: '  (555)   010-2030 ' }],
    })
    expect(parsed.name).toBe('Ana López')
    expect(parsed.email).toBe('ana@example.com')
    expect(parsed.phones).toEqual([{ label: 'mobile', number: '(555) 010-2030' }])
  })

  it('asks for a name when it is empty or only spaces', () => {
    expect(problems({ name: '' })).toEqual({ name: 'Enter the customer’s name.' })
    expect(problems({ name: '   ' })).toEqual({ name: 'Enter the customer’s name.' })
  })

  it('refuses a name over 120 characters', () => {
    expect(problems({ name: 'x'.repeat(121) })).toEqual({ name: 'Keep the name under 120 characters.' })
    expect(problems({ name: 'x'.repeat(120) })).toEqual({})
  })

  it('explains a bad email', () => {
    expect(problems({ name: 'Ana', email: 'ana@' })).toEqual({ email: 'That email address does not look complete.' })
    expect(problems({ name: 'Ana', email: '   ' })).toEqual({})
  })

  it('needs 7 to 15 digits in a phone number', () => {
    expect(problems({ name: 'Ana', phones: [{ number: '555-01' }] })).toEqual({
      'phones.0.number': 'A phone number needs at least 7 digits.',
    })
    expect(problems({ name: 'Ana', phones: [{ number: '1'.repeat(16) }] })).toEqual({
      'phones.0.number': 'A phone number has at most 15 digits.',
    })
    expect(problems({ name: 'Ana', phones: [{ number: '555-0102' }] })).toEqual({})
  })

  it('allows at most five phones and a 30-character label', () => {
    const phone = { number: '5550102030' }
    expect(problems({ name: 'Ana', phones: Array(6).fill(phone) })).toEqual({ phones: 'Up to five phone numbers per customer.' })
    expect(problems({ name: 'Ana', phones: [{ ...phone, label: 'x'.repeat(31) }] })).toEqual({
      'phones.0.label': 'Keep the phone label under 30 characters.',
    })
  })

  it('offers only English or Spanish', () => {
    expect(problems({ name: 'Ana', preferredLanguage: 'fr' })).toEqual({
      preferredLanguage: 'Printed material is available in English or Spanish.',
    })
  })

  it('refuses wrong types', () => {
    expect(Object.keys(problems({ name: 42 }))).toEqual(['name'])
    expect(Object.keys(problems({ name: 'Ana', phones: 'x' }))).toEqual(['phones'])
    expect(Object.keys(problems({ name: 'Ana', notes: 'x'.repeat(2001) }))).toEqual(['notes'])
    expect(newCustomerSchema.safeParse(null).success).toBe(false)
  })
})
