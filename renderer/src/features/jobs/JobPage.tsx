import { useEffect, useRef, useState } from 'react'
import {
  completionMessage,
  isClosedStatus,
  type ActionState,
  type BatteryJob,
  type BatteryJobDetail,
  type CompletionDocument,
  type CompletionPrompt,
  type JobStatus,
} from '../../../../shared/domain/battery-job'
import { consumeArrivalFocus } from '../../app/arrival-focus'
import { hrefFor } from '../../app/routes'
import { Kbd } from '../../components/Kbd'
import { Notice } from '../../components/Notice'
import { LoadFailed, Loading } from '../../components/LoadStatus'
import { api, errorMessage } from '../../lib/api'
import { clearFlash, peekFlash } from '../../lib/flash'
import { usePageShortcuts } from '../../lib/use-page-shortcuts'
import { JobDocuments } from '../printing/JobDocuments'
import { ChecklistPanel } from './ChecklistPanel'
import { CodeSituationBox } from './CodeSituationBox'
import { GatePanel } from './GatePanel'
import { JobStatusTag } from './JobBadges'
import { jobFlashKey, localDayPlus, shortTime } from './job-links'
import { RetrievalChoice, useRetrievalChannels, type RetrievalPick } from './RetrievalChoice'
import { useJob } from './use-job'
import './jobs.css'

const STEPS: readonly { readonly status: JobStatus; readonly label: string }[] = [
  { status: 'checked-in', label: 'Checked in' },
  { status: 'code-check', label: 'Code check' },
  { status: 'in-service', label: 'In service' },
  { status: 'done', label: 'Done' },
  { status: 'handed-over', label: 'Card handed over' },
]

const DOCUMENT_LABELS: Record<CompletionDocument, string> = {
  'code-card': 'The customer’s radio code card',
  'code-guide': 'The “how to get your radio code” guide',
  'pickup-reminder': 'The pickup reminder',
}

export const PRINTING_PENDING = 'Not printed yet: print the documents below (or save them as PDF).'

function StatusSteps({ job }: { readonly job: BatteryJob }) {
  const order = STEPS.map((s) => s.status)
  const finalLabel = job.status === 'card-declined' ? 'Card declined' : job.status === 'cancelled' ? 'Cancelled' : 'Card handed over'
  const at = job.status === 'card-declined' || job.status === 'cancelled' ? order.length - 1 : order.indexOf(job.status)
  return (
    <ol className="job-steps" aria-label="Job status" data-testid="job-steps">
      {STEPS.map((step, index) => {
        const state = index < at ? 'done' : index === at ? 'current' : 'todo'
        const label = index === STEPS.length - 1 ? finalLabel : step.label
        return (
          <li key={step.status} className={`job-steps__step job-steps__step--${state}${job.status === 'cancelled' && index === at ? ' job-steps__step--cancelled' : ''}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="job-steps__dot" aria-hidden="true">
              {state === 'done' ? '✓' : index + 1}
            </span>
            <span className="job-steps__label">{label}</span>
          </li>
        )
      })}
    </ol>
  )
}

interface ActionButtonProps {
  readonly state: ActionState
  readonly label: string
  readonly keys?: string
  readonly primary?: boolean
  readonly busy: boolean
  readonly onRun: () => void
  readonly onRefused: (reason: string) => void
  readonly testId?: string
}

/** An action the job may or may not allow now; when not, it stays clickable and says why. */
function ActionButton({ state, label, keys, primary = false, busy, onRun, onRefused, testId }: ActionButtonProps) {
  const reasonId = testId ? `${testId}-why` : undefined
  return (
    <span className="job-action">
      <button
        type="button"
        className={`button${primary && state.allowed ? ' button--primary' : ''}`}
        aria-disabled={!state.allowed || busy}
        aria-describedby={!state.allowed ? reasonId : undefined}
        aria-keyshortcuts={keys}
        data-testid={testId}
        onClick={() => {
          if (busy) return
          if (state.allowed) onRun()
          else onRefused(state.reason ?? 'Not possible now.')
        }}
      >
        {label}
        {keys ? <Kbd keys={keys} /> : null}
      </button>
      {!state.allowed && state.reason ? (
        <span className="action-reason" id={reasonId}>
          {state.reason}
        </span>
      ) : null}
    </span>
  )
}

function CompletionPanel({ job, prompt, focusRef }: { readonly job: BatteryJob; readonly prompt: CompletionPrompt | null; readonly focusRef: React.RefObject<HTMLHeadingElement | null> }) {
  const documents = prompt?.documents ?? job.card.documents
  const message = prompt?.message ?? completionMessage(job.card.available)
  const unknown = job.card.available === 'code-unknown'
  // Once the card is out of the printer, the desk's next step is handing it over, not printing.
  const printed = !unknown && !job.card.printingPending && job.card.printedAt !== null
  const heading = unknown
    ? 'Give the customer the “how to get your radio code” guide'
    : printed
      ? 'Code card printed: hand it to the customer'
      : 'Print the customer’s code card'
  return (
    <section className={`job-section completion${printed ? ' completion--printed' : ''}`} aria-labelledby="completion-title" data-testid="completion">
      <h3 id="completion-title" className="record-section__title" ref={focusRef} tabIndex={-1}>
        {heading}
      </h3>
      <p>{printed ? 'Give the card to the customer with the keys, then press “Card handed over” below.' : message}</p>
      <ul className="completion__documents" aria-label="Documents for the customer">
        {documents.map((doc) => (
          <li key={doc}>{DOCUMENT_LABELS[doc]}</li>
        ))}
      </ul>
      {job.card.printingPending ? (
        <Notice tone="info" testId="printing-pending">
          <p>{PRINTING_PENDING}</p>
        </Notice>
      ) : job.card.printedAt ? (
        <p className="muted">Printed {shortTime(job.card.printedAt)}.</p>
      ) : null}
    </section>
  )
}

/** `#/jobs/<id>`: one battery job from check-in to the card in the customer's hand. */
export function JobPage({ id }: { readonly id: number }) {
  const { state, reload, replace } = useJob(id)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const completionRef = useRef<HTMLHeadingElement>(null)
  const [flash, setFlashMessage] = useState(() => peekFlash(jobFlashKey(id)))
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ tone: 'warning' | 'error' | 'success'; text: string } | null>(null)
  const [prompt, setPrompt] = useState<CompletionPrompt | null>(null)
  const [confirmCancel, setConfirmCancel] = useState(false)
  const detail = state.status === 'ready' ? state.detail : null
  const ready = detail !== null

  useEffect(() => {
    if (!ready) return
    clearFlash(jobFlashKey(id))
    if (consumeArrivalFocus() || flash !== null) headingRef.current?.focus()
    // Only when the page first has its data.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, id])

  // "Done" prompts at once: the cursor goes to what to print.
  useEffect(() => {
    if (prompt) completionRef.current?.focus()
  }, [prompt])

  const run = async (work: () => Promise<BatteryJobDetail>, done?: string) => {
    setBusy(true)
    setMessage(null)
    setFlashMessage(null)
    try {
      replace(await work())
      if (done) setMessage({ tone: 'success', text: done })
    } catch (error) {
      setMessage({ tone: 'error', text: errorMessage(error) })
      reload()
    } finally {
      setBusy(false)
    }
  }

  const refused = (reason: string) => setMessage({ tone: 'warning', text: reason })

  const markDone = async () => {
    setBusy(true)
    setMessage(null)
    try {
      const result = await api.jobs.markDone({ jobId: id })
      replace(result.detail)
      setPrompt(result.completion)
    } catch (error) {
      setMessage({ tone: 'error', text: errorMessage(error) })
    } finally {
      setBusy(false)
    }
  }

  const a = detail?.actions
  const status = detail?.job.status
  usePageShortcuts(
    {
      s: () => {
        if (!a) return
        const action = status === 'checked-in' ? 'start-code-check' : status === 'code-check' ? 'start-service' : null
        if (action === null) return
        const allowed = a[action]
        if (!allowed.allowed) {
          refused(allowed.reason ?? 'Not possible now.')
          return
        }
        void run(() => (action === 'start-code-check' ? api.jobs.startCodeCheck({ jobId: id }) : api.jobs.startService({ jobId: id })))
      },
    },
    ready && !busy,
  )

  if (state.status === 'loading') return <Loading className="job-page__message" />
  if (state.status === 'error') {
    return <LoadFailed className="job-page__message" title="This job could not be shown" message={state.message} onRetry={reload} />
  }

  const { job, actions, codeSituation, codeToVerify } = state.detail
  const closed = isClosedStatus(job.status)
  const inService = job.status === 'in-service'

  return (
    <article className="job-page" aria-labelledby="job-title" data-job-id={job.id} data-status={job.status}>
      {flash ? (
        <Notice tone="success" testId="job-flash">
          <p>{flash}</p>
        </Notice>
      ) : null}
      <div className="record-head">
        <div>
          <h2 id="job-title" className="record-head__title" ref={headingRef} tabIndex={-1}>
            Battery job {job.id}: <a href={hrefFor('vehicles', job.vehicle.id)}>{job.vehicle.description}</a>
          </h2>
          <p className="record-head__sub">
            {job.roNumber ? <>RO {job.roNumber} · </> : <>No RO number · </>}
            Customer <a href={hrefFor('customers', job.customer.id)}>{job.customer.name}</a> · checked in {shortTime(job.checkedInAt)}
            {job.checkedInBy ? ` by ${job.checkedInBy.name}` : ''}
          </p>
        </div>
        <JobStatusTag status={job.status} label={job.statusLabel} />
      </div>

      <StatusSteps job={job} />

      {message ? (
        <Notice tone={message.tone} testId="job-message">
          <p>{message.text}</p>
        </Notice>
      ) : null}

      <div className="job-page__grid">
        <div className="job-page__main">
          {job.status === 'done' || prompt ? <CompletionPanel job={job} prompt={prompt} focusRef={completionRef} /> : null}

          {job.status === 'done' ? <JobDocuments job={job} /> : null}

          {job.status === 'done' ? (
            <section className="job-section" aria-labelledby="handover-title">
              <h3 id="handover-title" className="record-section__title">
                When the customer collects the car
              </h3>
              <div className="job-actions">
                <ActionButton
                  state={actions['hand-over-card']}
                  label="Card handed over"
                  primary
                  busy={busy}
                  testId="hand-over"
                  onRefused={refused}
                  onRun={() => void run(() => api.jobs.handOverCard({ jobId: id }), 'The card was handed over. The job is closed.')}
                />
                <ActionButton
                  state={actions['decline-card']}
                  label="Customer declined the card"
                  busy={busy}
                  testId="decline"
                  onRefused={refused}
                  onRun={() => void run(() => api.jobs.declineCard({ jobId: id }), 'Recorded: the customer declined the card. The job is closed.')}
                />
              </div>
            </section>
          ) : null}

          {closed ? <ClosedSummary job={job} /> : null}

          {closed && job.status !== 'cancelled' ? <JobDocuments job={job} /> : null}

          {job.radioLocked ? (
            <Notice tone="error" title="The radio is locked" testId="radio-locked">
              <p>{job.radioStatus}</p>
              {job.retrieval ? <p>Retrieval request {job.retrieval.id} continues ({job.retrieval.status}).</p> : null}
            </Notice>
          ) : null}

          {!closed && job.status !== 'done' ? (
            <section className="job-section" aria-labelledby="next-title">
              <h3 id="next-title" className="record-section__title">
                Next step
              </h3>
              <div className="job-actions">
                {job.status === 'checked-in' ? (
                  <ActionButton state={actions['start-code-check']} label="Start the code check" keys="S" busy={busy} onRefused={refused} onRun={() => void run(() => api.jobs.startCodeCheck({ jobId: id }))} />
                ) : null}
                {job.status === 'code-check' || job.status === 'checked-in' ? (
                  <ActionButton state={actions['start-service']} label="Start the service" keys={job.status === 'code-check' ? 'S' : undefined} primary busy={busy} testId="start-service" onRefused={refused} onRun={() => void run(() => api.jobs.startService({ jobId: id }))} />
                ) : null}
                {job.batteryDisconnectedAt === null ? (
                  <ActionButton
                    state={actions['disconnect-battery']}
                    label="Battery disconnected"
                    primary={inService}
                    busy={busy}
                    testId="disconnect"
                    onRefused={refused}
                    onRun={() => void run(() => api.jobs.markBatteryDisconnected({ jobId: id }), 'Recorded: the battery is disconnected.')}
                  />
                ) : (
                  <span className="job-fact">Battery disconnected {shortTime(job.batteryDisconnectedAt)}</span>
                )}
                {inService ? (
                  <ActionButton state={actions['mark-done']} label="Done" primary={actions['mark-done'].allowed} busy={busy} testId="mark-done" onRefused={refused} onRun={() => void markDone()} />
                ) : null}
              </div>
            </section>
          ) : null}

          {!closed && job.status !== 'done' ? <GatePanel detail={state.detail} onChanged={replace} /> : job.gate ? (
            <p className="job-fact">
              Before the battery came off: <strong>{job.gate.label}</strong>
            </p>
          ) : null}

          {job.status === 'in-service' || job.status === 'done' || (closed && job.serviceStartedAt) ? (
            <ChecklistPanel detail={state.detail} onChanged={replace} />
          ) : null}

          {!closed && job.status !== 'done' ? <JobDocuments job={job} /> : null}

          {!closed ? (
            <div className="job-cancel">
              {confirmCancel ? (
                <div className="job-cancel__confirm" role="group" aria-label="Cancel this job?">
                  <p>
                    Cancel battery job {job.id}? The battery has not been disconnected; the job is kept in the records as cancelled.
                  </p>
                  <button type="button" className="button button--danger" autoFocus onClick={() => void run(() => api.jobs.cancel({ jobId: id }), 'The job was cancelled.').then(() => setConfirmCancel(false))}>
                    Yes, cancel the job
                  </button>
                  <button type="button" className="button button--quiet" onClick={() => setConfirmCancel(false)}>
                    Keep the job
                  </button>
                </div>
              ) : (
                <ActionButton state={actions.cancel} label="Cancel job…" busy={busy} testId="cancel" onRefused={refused} onRun={() => setConfirmCancel(true)} />
              )}
            </div>
          ) : null}
        </div>

        <aside className="job-page__side">
          <CodeSituationBox situation={codeSituation} title="Code" />
          {job.batteryDisconnectedAt ? <p className="job-fact">{job.radioStatus}</p> : null}
          {codeToVerify !== null ? <VerifyCode codeId={codeToVerify} /> : null}
          <RetrievalSide detail={state.detail} onChanged={replace} />
        </aside>
      </div>
    </article>
  )
}

function ClosedSummary({ job }: { readonly job: BatteryJob }) {
  const c = job.card
  return (
    <Notice tone={job.status === 'cancelled' ? 'info' : 'success'} title="This job is closed" testId="job-closed">
      {job.status === 'handed-over' ? (
        <p>
          The customer has their code card: handed over {shortTime(c.handedOverAt)}
          {c.handedOverBy ? ` by ${c.handedOverBy.name}` : ''}.
        </p>
      ) : null}
      {job.status === 'card-declined' ? (
        <p>
          The customer declined the card: recorded {shortTime(c.declinedAt)}
          {c.declinedBy ? ` by ${c.declinedBy.name}` : ''}.
        </p>
      ) : null}
      {job.status === 'cancelled' ? <p>The job was cancelled before the battery came off.</p> : null}
    </Notice>
  )
}

function VerifyCode({ codeId }: { readonly codeId: number }) {
  const [state, setState] = useState<{ busy: boolean; message: string | null }>({ busy: false, message: null })
  return (
    <div className="job-side-box">
      <p>The radio accepted the code on file. Mark the code as verified so the next job can rely on it.</p>
      <button
        type="button"
        className="button button--small"
        disabled={state.busy}
        onClick={() => {
          setState({ busy: true, message: null })
          api.codes.verify({ codeId }).then(
            () => setState({ busy: false, message: 'Code marked as verified.' }),
            (error: unknown) => setState({ busy: false, message: errorMessage(error) }),
          )
        }}
      >
        Mark the code verified
      </button>
      {state.message ? <p role="status">{state.message}</p> : null}
    </div>
  )
}

function RetrievalSide({ detail, onChanged }: { readonly detail: BatteryJobDetail; readonly onChanged: (d: BatteryJobDetail) => void }) {
  const { job, actions, codeSituation } = detail
  const needsOne = job.retrieval === null && (job.radioLocked || job.card.available === 'code-unknown') && actions['link-retrieval'].allowed
  const [pick, setPick] = useState<RetrievalPick>({ open: false, channel: '', followUpOn: localDayPlus(2) })
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const channels = useRetrievalChannels(job.vehicle.id, needsOne)

  if (job.retrieval) {
    return (
      <p className="job-side-box" data-testid="job-retrieval">
        Code retrieval request {job.retrieval.id}: <strong>{job.retrieval.status}</strong>.
      </p>
    )
  }
  if (!needsOne || isClosedStatus(job.status)) return null

  const open = async () => {
    const channel = pick.channel || channels.options?.channels[0]?.ref
    if (!channel) return
    setBusy(true)
    setProblem(null)
    try {
      const request = await api.retrieval.open({ vehicleId: job.vehicle.id, channel, followUpOn: pick.followUpOn || null, notes: `Opened from battery job ${job.id}.` })
      onChanged(await api.jobs.linkRetrieval({ jobId: job.id, retrievalRequestId: request.id }))
    } catch (error) {
      setProblem(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="job-side-box">
      <p>{codeSituation.code ? 'The code on file did not work.' : 'The code is unknown.'} No retrieval request is open for it.</p>
      <RetrievalChoice idPrefix={`job-${job.id}-retrieval`} options={channels.options} error={channels.error} value={pick} onChange={setPick} label="Open a code retrieval request" />
      {pick.open ? (
        <button type="button" className="button button--small" disabled={busy} onClick={() => void open()}>
          Open the request
        </button>
      ) : null}
      {problem ? <p className="field__error">{problem}</p> : null}
    </div>
  )
}
