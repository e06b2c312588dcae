import { isClosedStatus } from '../../../../shared/domain/battery-job'
import { idFrom } from '../../app/routes'
import { Kbd } from '../../components/Kbd'
import { ScreenHeader } from '../../components/ScreenHeader'
import { api } from '../../lib/api'
import { usePageShortcuts } from '../../lib/use-page-shortcuts'
import { navigate } from '../../app/use-hash-route'
import { CheckInScreen } from './CheckInScreen'
import { JobBadges, JobStatusTag } from './JobBadges'
import { jobHref, localDay, newJobHref, shortTime } from './job-links'
import { JobPage } from './JobPage'
import { useLive } from './use-job'
import './jobs.css'

interface Props {
  readonly rest: readonly string[]
  readonly query: Readonly<Record<string, string>>
}

/** `#/jobs` (open jobs), `#/jobs/new?vehicle=<id>` (check-in), `#/jobs/<id>` (one job). */
export function JobsScreen({ rest, query }: Props) {
  const [first] = rest
  if (first === 'new') return <CheckInScreen vehicleId={idFrom(query['vehicle'])} />
  const id = idFrom(first)
  if (id !== null) return <JobPage key={id} id={id} />
  return <OpenJobs />
}

function OpenJobs() {
  const day = localDay()
  const { value: board, error } = useLive(() => api.jobs.todayBoard({ day }), [day])
  usePageShortcuts({ b: () => navigate(newJobHref()) })
  const jobs = board ? board.columns.filter((c) => c.key !== 'closed').flatMap((c) => c.jobs) : null
  const open = jobs?.filter((job) => !isClosedStatus(job.status)) ?? null
  return (
    <>
      <ScreenHeader
        title="Jobs"
        lead="Battery jobs not yet closed, oldest first. The Today board (Alt+1) shows them by status."
        actions={
          <a className="button button--primary" href={newJobHref()} aria-keyshortcuts="B">
            New battery job <Kbd keys="B" />
          </a>
        }
      />
      {error ? <p className="field__error">The jobs could not be loaded: {error}</p> : null}
      {open === null && !error ? <p className="muted">Loading…</p> : null}
      {open !== null && open.length === 0 ? <p className="muted">No open battery jobs.</p> : null}
      {open !== null && open.length > 0 ? (
        <ul className="record-links job-list" aria-label="Open battery jobs">
          {open.map((job) => (
            <li key={job.id}>
              <a className="record-links__link" href={jobHref(job.id)}>
                <span className="record-links__title">
                  {job.vehicle.description}
                  {job.roNumber ? ` · RO ${job.roNumber}` : ''}
                </span>
                <JobStatusTag status={job.status} label={job.statusLabel} />
                <span className="record-links__detail">
                  Job {job.id} · {job.customer.name} · in {shortTime(job.checkedInAt)}
                </span>
                <JobBadges job={job} />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  )
}
