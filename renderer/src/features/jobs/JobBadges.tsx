import type { BatteryJobSummary } from '../../../../shared/domain/battery-job'

/** The small flags a job carries in lists: code unknown, radio locked, card waiting, printing pending. */
export function JobBadges({ job }: { readonly job: BatteryJobSummary }) {
  const closed = job.status === 'handed-over' || job.status === 'card-declined' || job.status === 'cancelled'
  return (
    <span className="job-badges">
      {!closed && job.radioLocked ? <span className="job-badge job-badge--danger">Radio locked</span> : null}
      {!closed && !job.radioLocked && job.codeUnknown ? <span className="job-badge job-badge--warning">Code unknown</span> : null}
      {job.cardWaiting ? (
        <span className="job-badge job-badge--warning">{job.cardAvailable === 'code-unknown' ? 'Waiting for the code' : 'Card waiting'}</span>
      ) : null}
      {job.cardWaiting && job.printingPending ? <span className="job-badge">Printing pending</span> : null}
      {job.retrieval && !closed ? <span className="job-badge job-badge--info">Retrieval {job.retrieval.status}</span> : null}
    </span>
  )
}

const STATUS_CLASS: Record<BatteryJobSummary['status'], string> = {
  'checked-in': 'job-status',
  'code-check': 'job-status',
  'in-service': 'job-status job-status--active',
  done: 'job-status job-status--waiting',
  'handed-over': 'job-status job-status--closed',
  'card-declined': 'job-status job-status--closed',
  cancelled: 'job-status job-status--cancelled',
}

export function JobStatusTag({ status, label }: { readonly status: BatteryJobSummary['status']; readonly label: string }) {
  return (
    <span className={STATUS_CLASS[status]} data-testid="job-status">
      {label}
    </span>
  )
}
