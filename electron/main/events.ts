import type { ApiEventName } from '../../shared/api/methods'

export type EventListener = (event: ApiEventName, payload: unknown) => void

/** Main-to-renderer events; each transport (IPC, browser preview) subscribes once and forwards. */
export interface EventBus {
  emit(event: ApiEventName, payload: unknown): void
  subscribe(listener: EventListener): () => void
}

export function createEventBus(): EventBus {
  const listeners = new Set<EventListener>()
  return {
    emit(event, payload) {
      for (const listener of listeners) listener(event, payload)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
