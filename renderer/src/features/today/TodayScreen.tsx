import type { AttentionItem, BatteryJobSummary, BoardColumn } from '../../../../shared/domain/battery-job'
import { hrefFor } from '../../app/routes'
import { navigate } from '../../app/use-hash-route'
import { Kbd } from '../../components/Kbd'
import { Notice } from '../../components/Notice'
import { ScreenHeader } from '../../components/ScreenHeader'
import { api } from '../../lib/api'
import { useDraft } from '../../lib/drafts'
import { usePageShortcuts } from '../../lib/use-page-shortcuts'
import { JobBadges } from '../jobs/JobBadges'
import { jobHref, localDay, newJobHref, shortTime } from '../jobs/job-links'
import { useLive } from '../jobs/use-job'
import './today.css'

type View = 'board' | 'end-of-day'

const ATTENTION_TITLES: Record<AttentionItem['kind'], string> = {
  'radio-locked': 'Radio locked',
  'code-unknown': 'Code unknown',
  'card-waiting': 'Card waiting',
  'retrieval-follow-up': 'Follow up',
}

function attentionHref(item: AttentionItem): string {
  return item.jobId !== null ? jobHref(item.jobId) : hrefFor('vehicles', item.vehicleId)
}

function JobCard({ job }: { readonly job: BatteryJobSummary }) {
  return (
    <li className="board-card" data-testid="board-card" data-job-id={job.id}>
      <a className="board-card__link" href={jobHref(job.id)}>
        <span className="board-card__title">{job.vehicle.description}</span>
        <span className="board-card__who">
          {job.customer.name}
          {job.roNumber ? (
            <>
              {' · '}
              <span className="nowrap">RO {job.roNumber}</span>
            </>
          ) : null}
        </span>
        <span className="board-card__meta">
          {job.completedAt ? `done ${shortTime(job.completedAt)}` : `in ${shortTime(job.checkedInAt)}`}
          {job.gateLabel ? ` · ${job.gateLabel}` : ''}
        </span>
        <JobBadges job={job} />
      </a>
    </li>
  )
}

function Column({ column }: { readonly column: BoardColumn }) {
  const titleId = `board-col-${column.key}`
  return (
    <section className={`board-column board-column--${column.key}`} aria-labelledby={titleId} data-testid={`column-${column.key}`}>
      <h3 className="board-column__title" id={titleId}>
        <span>
          {column.key === 'closed' ? 'Closed today' : column.label}
          {column.key === 'closed' ? <span className="board-column__note"> card handed over or declined</span> : null}
        </span>
        <span className="board-column__count">{column.jobs.length}</span>
      </h3>
      {column.jobs.length === 0 ? (
        <p className="board-column__empty">None</p>
      ) : (
        <ul className="board-column__jobs" aria-labelledby={titleId}>
          {column.jobs.map((job) => (
            <JobCard key={job.id} job={job} />
          ))}
        </ul>
      )}
    </section>
  )
}

function Attention({ items }: { readonly items: readonly AttentionItem[] }) {
  if (items.length === 0) {
    return (
      <p className="attention attention--clear" data-testid="attention-clear">
        Nothing needs attention: every code is known, every finished job’s card is handed over and no retrieval request is due.
      </p>
    )
  }
  return (
    <section className="attention" aria-labelledby="attention-title" data-testid="attention">
      <h2 id="attention-title" className="attention__title">
        Needs attention <span className="board-column__count">{items.length}</span>
      </h2>
      <ul className="attention__list">
        {items.map((item, index) => (
          <li key={`${item.kind}-${item.jobId ?? ''}-${item.retrievalRequestId ?? ''}-${index}`} className={`attention__item attention__item--${item.kind}`}>
            <span className="attention__kind">{ATTENTION_TITLES[item.kind]}</span>
            <a href={attentionHref(item)} className="attention__message">
              {item.message}
            </a>
          </li>
        ))}
      </ul>
    </section>
  )
}

function EndOfDay({ day }: { readonly day: string }) {
  const { value: jobs, error } = useLive(() => api.jobs.endOfDay({ day }), [day])
  return (
    <section className="end-of-day" aria-labelledby="end-of-day-title" data-testid="end-of-day">
      <h2 id="end-of-day-title" className="attention__title">
        End of day: finished jobs whose card was not handed over
      </h2>
      {error ? <p className="field__error">{error}</p> : null}
      {jobs === null && !error ? <p className="muted">Loading…</p> : null}
      {jobs !== null && jobs.length === 0 ? (
        <p className="attention attention--clear">Every finished job’s card has been handed over or declined.</p>
      ) : null}
      {jobs !== null && jobs.length > 0 ? (
        <table className="end-of-day__table">
          <thead>
            <tr>
              <th scope="col">Car</th>
              <th scope="col">Customer</th>
              <th scope="col">RO</th>
              <th scope="col">Finished</th>
              <th scope="col">Card</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => (
              <tr key={job.id}>
                <td>
                  <a href={jobHref(job.id)}>{job.vehicle.description}</a>
                </td>
                <td>
                  <a href={hrefFor('customers', job.customer.id)}>{job.customer.name}</a>
                </td>
                <td>{job.roNumber || '—'}</td>
                <td>{shortTime(job.completedAt)}</td>
                <td>
                  {job.cardAvailable === 'code-unknown' ? 'Code still unknown: guide, keep chasing the code' : 'Card waiting to be handed over'}
                  {job.printingPending ? ' · printing pending' : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  )
}

/** The home screen: today's battery jobs by status and what needs attention; refreshes by itself. */
export function TodayScreen() {
  const [view, setView] = useDraft<View>('today.view', () => 'board', (value): value is View => value === 'board' || value === 'end-of-day')
  // Recomputed on every render (each data change re-renders), so the board follows the calendar.
  const shownDay = localDay()
  const { value: board, error } = useLive(() => api.jobs.todayBoard({ day: shownDay }), [shownDay])
  const toggle = () => setView(view === 'board' ? 'end-of-day' : 'board')
  usePageShortcuts({ b: () => navigate(newJobHref()), d: toggle })

  const dateText = new Date(`${shownDay}T12:00:00`).toLocaleDateString(undefined, { weekday: 'long', month: 'long', day: 'numeric' })
  const total = board ? board.columns.reduce((n, c) => n + c.jobs.length, 0) : 0

  return (
    <>
      <ScreenHeader
        title="Today"
        lead={`${dateText}: the cars in for a battery job, and whether each customer leaves with their radio code.`}
        actions={
          <>
            <button type="button" className="button" onClick={toggle} aria-pressed={view === 'end-of-day'} aria-keyshortcuts="D">
              {view === 'board' ? 'End of day' : 'Back to the board'} <Kbd keys="D" />
            </button>
            <a className="button button--primary" href={newJobHref()} aria-keyshortcuts="B">
              New battery job <Kbd keys="B" />
            </a>
          </>
        }
      />
      {error ? (
        <Notice tone="error" title="The board could not be loaded">
          <p>{error}</p>
        </Notice>
      ) : null}
      {view === 'end-of-day' ? (
        <EndOfDay day={shownDay} />
      ) : board === null ? (
        !error ? <p className="muted">Loading today’s jobs…</p> : null
      ) : (
        <>
          <Attention items={board.attention} />
          {total === 0 ? (
            <p className="board-empty" data-testid="board-empty">
              No battery jobs today yet. Start one with <Kbd keys="B" /> here, <Kbd keys="B" /> on a vehicle’s page, or <Kbd keys="Alt+B" /> on a
              highlighted search result.
            </p>
          ) : null}
          <div className="board" aria-label="Today’s battery jobs by status" role="region">
            {board.columns
              .filter((column) => column.key !== 'closed')
              .map((column) => (
                <Column key={column.key} column={column} />
              ))}
          </div>
          {board.columns
            .filter((column) => column.key === 'closed')
            .map((column) => (
              <Column key={column.key} column={column} />
            ))}
        </>
      )}
    </>
  )
}
