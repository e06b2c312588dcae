import { API_EVENTS, API_METHODS, type ApiEventName } from './methods'

/** Sends one call across the process boundary and resolves to its envelope. */
export type InvokeTransport = (method: string, input: unknown) => Promise<unknown>
/** Subscribes to one event name; returns the unsubscribe function. */
export type EventTransport = (event: ApiEventName, listener: (payload: unknown) => void) => () => void

/**
 * Builds the `window.api` object from the method list: one named async
 * function per contract method, plus a filtered `on()`. Nothing else.
 *
 * Used by the Electron preload and by the browser-preview bridge, so both
 * expose exactly the same surface. Returned objects are frozen.
 */
export function buildApiBridge(invoke: InvokeTransport, subscribe: EventTransport): Record<string, unknown> {
  const namespaces: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {}
  for (const method of API_METHODS) {
    const [namespace, name] = method.split('.') as [string, string]
    const table = (namespaces[namespace] ??= {})
    table[name] = (input: unknown) => invoke(method, input ?? {})
  }
  const bridge: Record<string, unknown> = {}
  for (const [namespace, table] of Object.entries(namespaces)) bridge[namespace] = Object.freeze(table)
  bridge.on = (event: unknown, listener: unknown) => {
    if (typeof event !== 'string' || !(API_EVENTS as readonly string[]).includes(event)) {
      throw new Error(`Unknown event: ${String(event)}`)
    }
    if (typeof listener !== 'function') throw new Error('on() needs a listener function')
    return subscribe(event as ApiEventName, (payload) => (listener as (p: unknown) => void)(payload))
  }
  return Object.freeze(bridge)
}
