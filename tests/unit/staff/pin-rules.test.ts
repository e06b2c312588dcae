import { describe, expect, it } from 'vitest'
import { enteredPinSchema, newPinSchema, newStaffSchema, pinProblem, vaultPassphraseSchema } from '../../../shared/domain/staff'

describe('PIN rules', () => {
  it('accepts 4 to 8 digits that are not a repeat or a straight run', () => {
    for (const pin of ['4826', '2580', '1357', '90210', '135792', '4826153', '48261537', '1235', '0987']) {
      expect(pinProblem(pin), pin).toBeNull()
    }
  })

  it('says what is wrong in plain words', () => {
    expect(pinProblem('')).toBe('Enter a PIN.')
    expect(pinProblem('12a4')).toMatch(/digits only/)
    expect(pinProblem('12 4')).toMatch(/digits only/)
    expect(pinProblem('482')).toMatch(/at least 4 digits/)
    expect(pinProblem('482615379')).toMatch(/at most 8 digits/)
  })

  it('rejects one digit repeated', () => {
    for (const pin of ['0000', '1111', '99999', '77777777']) expect(pinProblem(pin)).toMatch(/repeated \(like 0000\)/)
  })

  it('rejects straight runs up and down', () => {
    for (const pin of ['1234', '0123', '3456789', '12345678', '4321', '9876', '987654', '6543210']) {
      expect(pinProblem(pin), pin).toMatch(/straight run/)
    }
  })

  it('the schemas trim, and turn problems into validation messages', () => {
    expect(newPinSchema.parse(' 4826 ')).toBe('4826')
    const result = newPinSchema.safeParse('1234')
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toMatch(/straight run/)
    expect(newStaffSchema.safeParse({ name: 'Dana', role: 'desk', pin: '0000' }).success).toBe(false)
    expect(newStaffSchema.parse({ name: '  Dana   Desk ', role: 'desk', pin: '4826' })).toEqual({
      name: 'Dana Desk',
      role: 'desk',
      pin: '4826',
      canRevealCodes: false,
      canPrintCodes: false,
    })
    expect(newStaffSchema.safeParse({ name: 'Dana', role: 'owner', pin: '4826' }).error?.issues[0]?.message).toBe(
      'Choose desk, technician or manager.',
    )
  })

  it('an entered PIN is only checked for shape, so an old PIN (e.g. 1234) can still be typed', () => {
    expect(enteredPinSchema.parse('1234')).toBe('1234')
    expect(enteredPinSchema.safeParse('12ab').success).toBe(false)
  })

  it('a vault passphrase needs 12 characters and some variety', () => {
    expect(vaultPassphraseSchema.safeParse('short').success).toBe(false)
    expect(vaultPassphraseSchema.safeParse('aaaaaaaaaaaaaaaa').success).toBe(false)
    expect(vaultPassphraseSchema.safeParse('lantern orchard pebble').success).toBe(true)
  })
})
