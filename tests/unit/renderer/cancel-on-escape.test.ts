import type { KeyboardEvent } from 'react'
import { describe, expect, it } from 'vitest'
import { cancelOnEscape } from '../../../renderer/src/lib/cancel-on-escape'

function keyEvent(key: string): KeyboardEvent<HTMLElement> & { prevented: boolean } {
  const event = {
    key,
    prevented: false,
    preventDefault() {
      event.prevented = true
    },
  }
  return event as unknown as KeyboardEvent<HTMLElement> & { prevented: boolean }
}

describe('cancelOnEscape', () => {
  it('cancels on Esc and marks the key handled', () => {
    let cancelled = 0
    const onKeyDown = cancelOnEscape(() => (cancelled += 1))
    const escape = keyEvent('Escape')
    onKeyDown(escape)
    expect([cancelled, escape.prevented]).toEqual([1, true])
  })

  it('leaves every other key alone', () => {
    let cancelled = 0
    const onKeyDown = cancelOnEscape(() => (cancelled += 1))
    for (const key of ['Enter', 'a', 'Tab', 'Esc']) {
      const event = keyEvent(key)
      onKeyDown(event)
      expect(event.prevented, key).toBe(false)
    }
    expect(cancelled).toBe(0)
  })
})
