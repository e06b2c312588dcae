import { describe, expect, it } from 'vitest'
import type { SecretInput } from '../../../renderer/src/lib/secret-input'
import { newPinErrors, takeNewPin } from '../../../renderer/src/features/security/new-pin'

/** A PIN box as the forms use it: a value, focus and clear, with what happened to it recorded. */
function box(value: string): SecretInput & { focused: boolean; cleared: boolean } {
  const state = { value, focused: false, cleared: false }
  return {
    get value() {
      return state.value
    },
    get focused() {
      return state.focused
    },
    get cleared() {
      return state.cleared
    },
    inputProps: { ref: { current: null }, onChange: () => {} },
    focus() {
      state.focused = true
    },
    clear() {
      state.value = ''
      state.cleared = true
    },
  }
}

describe('new PIN typed twice', () => {
  it('takes a good PIN out of both boxes and clears them', () => {
    const pin = box('4826')
    const confirm = box('4826')
    expect(takeNewPin(pin, confirm)).toBe('4826')
    expect([pin.value, confirm.value, pin.cleared, confirm.cleared]).toEqual(['', '', true, true])
    expect([pin.focused, confirm.focused]).toEqual([false, false])
  })

  it('keeps a PIN the rules refuse in its box and puts the cursor there', () => {
    const pin = box('1234')
    const confirm = box('1234')
    expect(newPinErrors(pin.value, confirm.value).pin).toBeTruthy()
    expect(takeNewPin(pin, confirm)).toBeNull()
    expect([pin.focused, confirm.focused, pin.cleared, confirm.cleared]).toEqual([true, false, false, false])
    expect(pin.value).toBe('1234')
  })

  it('sends the cursor to the second box when it is empty or different', () => {
    for (const second of ['', '4827']) {
      const pin = box('4826')
      const confirm = box(second)
      expect(takeNewPin(pin, confirm)).toBeNull()
      expect([pin.focused, confirm.focused, pin.cleared, confirm.cleared]).toEqual([false, true, false, false])
    }
  })
})
