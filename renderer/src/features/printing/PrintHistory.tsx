import { useEffect, useState } from 'react'
import type { PrintHistoryEntry } from '../../../../shared/domain/printing'
import { api, errorMessage } from '../../lib/api'
import { formatDateTime } from '../../lib/format'

const STATUS_WORDS: Record<PrintHistoryEntry['status'], string> = {
  queued: 'Waiting',
  printing: 'Printing',
  printed: 'Printed',
  saved: 'Saved',
  failed: 'Failed',
  cancelled: 'Cancelled',
}

function printerWords(entry: PrintHistoryEntry): string {
  return entry.printerName === '' ? 'Default printer' : entry.printerName
}

interface Props {
  readonly target: { readonly jobId: number } | { readonly vehicleId: number }
  /** Changes when something was printed here, so the list reloads. */
  readonly version: number
}

/** What was printed for this job (or vehicle): document, printer, who, when and how it went. */
export function PrintHistory({ target, version }: Props) {
  const [state, setState] = useState<{ status: 'loading' } | { status: 'ready'; entries: readonly PrintHistoryEntry[] } | { status: 'error'; message: string }>({
    status: 'loading',
  })
  const jobId = 'jobId' in target ? target.jobId : null
  const vehicleId = 'vehicleId' in target ? target.vehicleId : null

  useEffect(() => {
    let cancelled = false
    api.documents.history({ jobId, vehicleId }).then(
      (entries) => {
        if (!cancelled) setState({ status: 'ready', entries })
      },
      (error: unknown) => {
        if (!cancelled) setState({ status: 'error', message: errorMessage(error) })
      },
    )
    return () => {
      cancelled = true
    }
  }, [jobId, vehicleId, version])

  if (state.status === 'loading') return <p className="muted">Loading the print history…</p>
  if (state.status === 'error') return <p className="field__error">The print history could not be loaded: {state.message}</p>
  if (state.entries.length === 0) return <p className="muted" data-testid="print-history-empty">Nothing printed yet.</p>
  return (
    <table className="print-history" data-testid="print-history">
      <caption className="visually-hidden">Print history</caption>
      <thead>
        <tr>
          <th scope="col">Document</th>
          <th scope="col">Printer</th>
          <th scope="col">Who</th>
          <th scope="col">When</th>
          <th scope="col">Result</th>
        </tr>
      </thead>
      <tbody>
        {state.entries.map((entry) => (
          <tr key={entry.id} data-status={entry.status}>
            <td>
              {entry.documentLabel}
              {entry.copies !== null && entry.copies > 1 ? ` × ${entry.copies}` : ''}
            </td>
            <td>{printerWords(entry)}</td>
            <td>{entry.requestedBy?.name ?? '—'}</td>
            <td>{formatDateTime(entry.requestedAt)}</td>
            <td className={`print-history__status print-history__status--${entry.status}`} title={entry.error || undefined}>
              {STATUS_WORDS[entry.status]}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
