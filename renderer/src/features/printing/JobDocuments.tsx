import type { BatteryJob } from '../../../../shared/domain/battery-job'
import { DocumentButtons, type DocumentButton } from './DocumentButtons'

/**
 * The job's documents: the code card (or, while the code is unknown, the
 * "how to get your radio code" guide and the dealer request) and the pickup
 * reminder; reprints the same way, with what was printed below.
 */
export function JobDocuments({ job }: { readonly job: BatteryJob }) {
  const printed = job.card.printedAt !== null
  const buttons: DocumentButton[] = []
  if (job.card.available === 'code-card') buttons.push({ document: 'code-card', label: printed ? 'Reprint code card…' : 'Print code card…', primary: !printed })
  if (job.card.available === 'code-unknown') {
    buttons.push({ document: 'code-guide', label: 'Print the “how to get your code” guide…', primary: true })
    buttons.push({ document: 'dealer-request', label: 'Dealer code request…' })
  }
  buttons.push({ document: 'pickup-reminder', label: 'Print pickup reminder…' })
  return <DocumentButtons target={{ jobId: job.id }} buttons={buttons} titleId={`job-${job.id}-documents`} title="Documents" />
}
