import { describe, expect, it, vi } from 'vitest'
import { buildApiBridge, type EventTransport, type InvokeTransport } from '../../../shared/api/bridge'
import { apiContract } from '../../../shared/api/contract'
import { API_EVENTS, API_METHODS } from '../../../shared/api/methods'

function build() {
  const invoke = vi.fn<InvokeTransport>(async (method, input) => ({ ok: true, value: { method, input } }))
  const unsubscribe = vi.fn()
  const subscribe = vi.fn<EventTransport>(() => unsubscribe)
  const bridge = buildApiBridge(invoke, subscribe)
  return { bridge, invoke, subscribe, unsubscribe }
}

type Table = Record<string, (input?: unknown) => Promise<unknown>>

describe('API_METHODS', () => {
  it('equals the contract’s methods at run time too', () => {
    expect([...API_METHODS].sort()).toEqual(Object.keys(apiContract).sort())
    expect(new Set(API_METHODS).size).toBe(API_METHODS.length)
  })

  it('names every method namespace.name', () => {
    for (const method of API_METHODS) expect(method).toMatch(/^[a-z]+\.[a-zA-Z]+$/)
  })
})

describe('buildApiBridge', () => {
  it('exposes exactly one function per contract method, grouped by namespace, plus on()', () => {
    const { bridge } = build()
    const exposed = Object.entries(bridge)
      .filter(([key]) => key !== 'on')
      .flatMap(([namespace, table]) => Object.keys(table as Table).map((name) => `${namespace}.${name}`))
    expect(exposed.sort()).toEqual([...API_METHODS].sort())
    expect(typeof bridge['on']).toBe('function')
    for (const method of API_METHODS) {
      const [namespace, name] = method.split('.') as [string, string]
      expect(typeof (bridge[namespace] as Table)[name], method).toBe('function')
    }
  })

  it('calls the transport with the method name and input and returns its answer', async () => {
    const { bridge, invoke } = build()
    const input = { name: 'Ana', phones: [] }
    const result = await (bridge['customers'] as Table)['create']!(input)
    expect(invoke).toHaveBeenCalledExactlyOnceWith('customers.create', input)
    expect(result).toEqual({ ok: true, value: { method: 'customers.create', input } })
  })

  it('sends {} when a method is called without input', async () => {
    const { bridge, invoke } = build()
    await (bridge['app'] as Table)['status']!()
    expect(invoke).toHaveBeenCalledWith('app.status', {})
  })

  it('subscribes to known events and returns the unsubscribe function', () => {
    const { bridge, subscribe, unsubscribe } = build()
    const listener = vi.fn()
    const off = (bridge['on'] as (e: unknown, l: unknown) => () => void)(API_EVENTS[0], listener)
    expect(subscribe).toHaveBeenCalledWith(API_EVENTS[0], expect.any(Function))
    const forward = subscribe.mock.calls[0]![1]
    forward({ entity: 'customer', id: 1 })
    expect(listener).toHaveBeenCalledWith({ entity: 'customer', id: 1 })
    off()
    expect(unsubscribe).toHaveBeenCalledOnce()
  })

  it('on() refuses unknown event names and non-function listeners without subscribing', () => {
    const { bridge, subscribe } = build()
    const on = bridge['on'] as (e: unknown, l: unknown) => unknown
    for (const event of ['data.deleted', 'radio-code-desk:api', '', '__proto__', 42, null, undefined]) {
      expect(() => on(event, () => undefined), String(event)).toThrow(/Unknown event/)
    }
    expect(() => on(API_EVENTS[0], 'not a function')).toThrow(/listener/)
    expect(subscribe).not.toHaveBeenCalled()
  })

  it('is frozen, and so is every namespace table', () => {
    const { bridge } = build()
    expect(Object.isFrozen(bridge)).toBe(true)
    for (const [key, value] of Object.entries(bridge)) if (key !== 'on') expect(Object.isFrozen(value), key).toBe(true)
    expect(() => {
      ;(bridge as Record<string, unknown>)['extra'] = 1
    }).toThrow(TypeError)
    expect(() => {
      ;(bridge['customers'] as Table)['create'] = async () => 'hijacked'
    }).toThrow(TypeError)
  })
})
