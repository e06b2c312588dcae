import { isClosedStatus } from '../../../../shared/domain/battery-job'
import { Kbd } from '../../components/Kbd'
import { api } from '../../lib/api'
import { JobBadges, JobStatusTag } from './JobBadges'
import { jobHref, newJobHref, shortTime } from './job-links'
import { useLive } from './use-job'
import './jobs.css'

/** A vehicle's battery jobs (newest first), on the vehicle's page, with "Start battery job". */
export function VehicleJobs({ vehicleId }: { readonly vehicleId: number }) {
  const { value: jobs, error } = useLive(() => api.jobs.listForVehicle({ vehicleId }), [vehicleId])
  const open = jobs?.find((job) => !isClosedStatus(job.status)) ?? null

  return (
    <div className="vehicle-jobs" data-testid="vehicle-jobs">
      {error ? <p className="field__error">The battery jobs could not be loaded: {error}</p> : null}
      {jobs === null && !error ? <p className="muted">Loading battery jobs…</p> : null}
      {jobs !== null && jobs.length === 0 ? (
        // The test id is the one the vehicle page's placeholder had, so earlier tests still find "no jobs yet".
        <p className="muted" data-testid="vehicle-jobs-empty">
          No battery jobs yet. Check the car in with <a href={newJobHref(vehicleId)}>Start battery job</a> (<Kbd keys="B" />
          ).
        </p>
      ) : null}
      {open ? (
        <p className="vehicle-jobs__open">
          This car has an open job: <a href={jobHref(open.id)}>job {open.id}</a> ({open.statusLabel.toLowerCase()}).
        </p>
      ) : null}
      {jobs !== null && jobs.length > 0 ? (
        <ul className="record-links" aria-label="Battery jobs, newest first">
          {jobs.map((job) => (
            <li key={job.id}>
              <a className="record-links__link" href={jobHref(job.id)}>
                <span className="record-links__title">
                  Job {job.id}
                  {job.roNumber ? ` · RO ${job.roNumber}` : ''}
                </span>
                <JobStatusTag status={job.status} label={job.statusLabel} />
                <span className="record-links__detail">
                  {shortTime(job.checkedInAt)} · {job.customer.name}
                  {job.gateLabel ? ` · ${job.gateLabel}` : ''}
                </span>
                <JobBadges job={job} />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
