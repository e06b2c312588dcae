import { Notice } from '../../components/Notice'
import { api } from '../../lib/api'
import { jobHref, shortTime } from './job-links'
import { useLive } from './use-job'
import './jobs.css'

/** On a customer's record: the code cards waiting for them (finished jobs not yet handed over). */
export function PendingCardsBanner({ customerId }: { readonly customerId: number }) {
  const { value: jobs } = useLive(() => api.jobs.pendingCardsForCustomer({ customerId }), [customerId])
  if (!jobs || jobs.length === 0) return null
  return (
    <Notice
      tone="warning"
      testId="card-waiting-banner"
      title={jobs.length === 1 ? 'A radio code card is waiting for this customer' : `${jobs.length} radio code cards are waiting for this customer`}
    >
      <ul className="pending-cards">
        {jobs.map((job) => (
          <li key={job.id}>
            <a href={jobHref(job.id)}>
              {job.vehicle.description}
              {job.roNumber ? ` (RO ${job.roNumber})` : ''}
            </a>{' '}
            — finished {shortTime(job.completedAt)}.{' '}
            {job.cardAvailable === 'code-unknown'
              ? 'The code is still unknown: give them the “how to get your radio code” guide and keep working the retrieval.'
              : 'Hand over the code card and record it on the job.'}
          </li>
        ))}
      </ul>
    </Notice>
  )
}
