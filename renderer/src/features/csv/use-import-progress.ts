import { useEffect, useState } from 'react'
import type { ImportProgress } from '../../../../shared/domain/csv-import'
import { api } from '../../lib/api'

function toProgress(payload: unknown): ImportProgress | null {
  if (typeof payload !== 'object' || payload === null) return null
  const { done, total } = payload as { done?: unknown; total?: unknown }
  return typeof done === 'number' && typeof total === 'number' && total >= 0 && done >= 0 ? { done, total } : null
}

/**
 * The 'import.progress' events main sends while an import writes its
 * batches. Subscribed while the wizard is open (not only once the import
 * starts), so the first events are not missed while a subscription opens.
 */
export function useImportProgress(): { readonly progress: ImportProgress | null; readonly reset: () => void } {
  const [progress, setProgress] = useState<ImportProgress | null>(null)
  useEffect(
    () =>
      api.on('import.progress', (payload) => {
        const next = toProgress(payload)
        if (next) setProgress(next)
      }),
    [],
  )
  return { progress, reset: () => setProgress(null) }
}
