import { useEffect, useEffectEvent } from 'react'
import { api } from './api'

/** What main says changed; lists use it to refresh by themselves. */
export interface DataChange {
  readonly entity: string
  readonly id: number | null
}

function toDataChange(payload: unknown): DataChange {
  if (typeof payload === 'object' && payload !== null) {
    const { entity, id } = payload as { entity?: unknown; id?: unknown }
    return { entity: typeof entity === 'string' ? entity : 'unknown', id: typeof id === 'number' ? id : null }
  }
  return { entity: 'unknown', id: null }
}

/** Calls `listener` whenever main reports that data changed (from this window or another). */
export function useDataChanged(listener: (change: DataChange) => void): void {
  const onChange = useEffectEvent((payload: unknown) => listener(toDataChange(payload)))
  useEffect(() => api.on('data.changed', (payload) => onChange(payload)), [])
}
