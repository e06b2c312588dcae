import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { isClosedStatus, type CheckInInput } from '../../../../shared/domain/battery-job'
import { describeVehicle } from '../../../../shared/domain/vehicle'
import { useArrivalFocus } from '../../app/arrival-focus'
import { hrefFor } from '../../app/routes'
import { navigate } from '../../app/use-hash-route'
import { CustomerPicker, type PickedCustomer } from '../../components/CustomerPicker'
import { Field } from '../../components/Field'
import { Kbd } from '../../components/Kbd'
import { Notice } from '../../components/Notice'
import { ScreenHeader } from '../../components/ScreenHeader'
import { api, ApiCallError, errorMessage } from '../../lib/api'
import { clearDraft, useDraft } from '../../lib/drafts'
import { setFlash } from '../../lib/flash'
import { useSearch } from '../../lib/use-search'
import { plateText } from '../../lib/vehicle-text'
import { CodeSituationBox } from './CodeSituationBox'
import { jobFlashKey, jobHref, localDayPlus, newJobHref } from './job-links'
import { isRetrievalPick, RetrievalChoice, useRetrievalChannels, type RetrievalPick } from './RetrievalChoice'
import { useLive } from './use-job'
import './jobs.css'

interface CheckInDraft {
  readonly roNumber: string
  readonly notes: string
  /** null: the current owner. */
  readonly customer: PickedCustomer | null
  /** null: not chosen yet (the default follows the code situation). */
  readonly retrieval: RetrievalPick | null
}

function isCheckInDraft(value: unknown): value is CheckInDraft {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  const customer = v['customer']
  return (
    typeof v['roNumber'] === 'string' &&
    typeof v['notes'] === 'string' &&
    (customer === null || (typeof customer === 'object' && typeof (customer as Record<string, unknown>)['id'] === 'number')) &&
    (v['retrieval'] === null || isRetrievalPick(v['retrieval']))
  )
}

const EMPTY: CheckInDraft = { roNumber: '', notes: '', customer: null, retrieval: null }

/** `#/jobs/new`: find the car first (search), then check it in. */
export function CheckInScreen({ vehicleId }: { readonly vehicleId: number | null }) {
  if (vehicleId === null) return <VehicleFinder />
  return <CheckInForm key={vehicleId} vehicleId={vehicleId} />
}

function VehicleFinder() {
  const inputRef = useRef<HTMLInputElement>(null)
  const [text, setText] = useDraft('jobs.new.find', () => '', (value): value is string => typeof value === 'string')
  const [index, setIndex] = useState(0)
  const { answer } = useSearch(text)
  useArrivalFocus(inputRef)
  const results = answer && 'results' in answer ? answer.results : null
  const options = results
    ? [
        ...results.vehicles.map((v) => ({ vehicleId: v.id, title: v.description, rest: [plateText(v.plate, v.plateState), v.ownerName ?? ''] })),
        ...results.radios.map((r) => ({ vehicleId: r.vehicleId, title: r.vehicleDescription, rest: [`radio ${r.serial}`, r.ownerName ?? ''] })),
      ].filter((option, i, all) => all.findIndex((o) => o.vehicleId === option.vehicleId) === i)
    : []
  const active = Math.min(index, options.length - 1)

  const pick = (id: number) => {
    clearDraft('jobs.new.find')
    navigate(newJobHref(id))
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault()
      setIndex(Math.min(active + 1, options.length - 1))
    } else if (event.key === 'ArrowUp') {
      event.preventDefault()
      setIndex(Math.max(active - 1, 0))
    } else if (event.key === 'Enter') {
      event.preventDefault()
      const option = options[active]
      if (option) pick(option.vehicleId)
    }
  }

  return (
    <>
      <ScreenHeader title="New battery job" lead="Find the car: plate, VIN (or its last digits), radio serial, or the owner’s name or phone." takeArrivalFocus={false} />
      <div className="job-panel job-finder">
        <Field id="job-find-vehicle" label="Which car?" hint="↑ ↓ choose · Enter checks it in. A car not on file yet: add it under Vehicles first.">
          {(control) => (
            <input
              {...control}
              ref={inputRef}
              className="input"
              type="search"
              autoComplete="off"
              value={text}
              onChange={(event) => {
                setText(event.target.value)
                setIndex(0)
              }}
              onKeyDown={onKeyDown}
            />
          )}
        </Field>
        {answer && 'error' in answer ? <p className="field__error">Search did not work: {answer.error}</p> : null}
        {results && options.length === 0 && text.trim() !== '' ? (
          <p className="muted">
            No car on file matches. <a href={hrefFor('vehicles', 'new')}>Add the vehicle</a> first.
          </p>
        ) : null}
        {options.length > 0 ? (
          <ul className="record-links" aria-label="Cars found">
            {options.map((option, i) => (
              <li key={option.vehicleId}>
                <a
                  className={`record-links__link${i === active ? ' record-links__link--active' : ''}`}
                  href={newJobHref(option.vehicleId)}
                  aria-current={i === active ? 'true' : undefined}
                >
                  <span className="record-links__title">{option.title}</span>
                  <span className="record-links__detail">{option.rest.filter(Boolean).join(' · ')}</span>
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </>
  )
}

function CheckInForm({ vehicleId }: { readonly vehicleId: number }) {
  const draftKey = `jobs.checkin:${vehicleId}`
  const [draft, setDraft] = useDraft<CheckInDraft>(draftKey, () => EMPTY, isCheckInDraft)
  const [changeCustomer, setChangeCustomer] = useState(false)
  const [saving, setSaving] = useState(false)
  const [problem, setProblem] = useState<{ message: string; fields: Record<string, string> } | null>(null)
  const roRef = useRef<HTMLInputElement>(null)
  useArrivalFocus(roRef)

  const vehicle = useLive(() => api.vehicles.get({ id: vehicleId }), [vehicleId])
  const situation = useLive(() => api.jobs.codeSituation({ vehicleId }), [vehicleId])
  const jobs = useLive(() => api.jobs.listForVehicle({ vehicleId }), [vehicleId])
  const offerRetrieval = situation.value?.offerRetrieval === true
  const channels = useRetrievalChannels(vehicleId, offerRetrieval)

  const openJob = jobs.value?.find((job) => !isClosedStatus(job.status)) ?? null
  const owner = vehicle.value?.vehicle.currentOwner ?? null
  const customer = draft.customer ?? (owner ? { id: owner.customerId, name: owner.name } : null)
  const hasChannels = (channels.options?.channels.length ?? 0) > 0
  const retrieval: RetrievalPick = draft.retrieval ?? {
    open: situation.value?.kind === 'code-expected-missing',
    channel: '',
    followUpOn: localDayPlus(2),
  }

  useEffect(() => {
    if (vehicle.value) roRef.current?.focus()
  }, [vehicle.value])

  const update = (patch: Partial<CheckInDraft>) => setDraft((current) => ({ ...current, ...patch }))

  const submit = async (event?: FormEvent) => {
    event?.preventDefault()
    if (saving) return
    setSaving(true)
    setProblem(null)
    const wantsRetrieval = offerRetrieval && hasChannels && retrieval.open
    const channel = retrieval.channel || channels.options?.channels[0]?.ref || ''
    const input: CheckInInput = {
      vehicleId,
      customerId: draft.customer?.id ?? null,
      roNumber: draft.roNumber,
      notes: draft.notes,
      retrieval: wantsRetrieval ? { channel, followUpOn: retrieval.followUpOn || null } : null,
    }
    try {
      const result = await api.jobs.checkIn(input)
      clearDraft(draftKey)
      const job = result.detail.job
      const messages = [`Checked in: battery job ${job.id}.`]
      if (job.retrieval) messages.push(`Retrieval request ${job.retrieval.id} is open for the code.`)
      if (result.retrievalProblem) messages.push(result.retrievalProblem)
      setFlash(jobFlashKey(job.id), messages.join(' '))
      navigate(jobHref(job.id), { replace: true })
    } catch (error) {
      const fields: Record<string, string> = {}
      if (error instanceof ApiCallError) for (const f of error.fields) fields[f.path] = f.message
      setProblem({ message: errorMessage(error), fields })
      setSaving(false)
    }
  }

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && event.ctrlKey) {
      event.preventDefault()
      void submit()
    }
  }

  if (vehicle.error) {
    return (
      <>
        <ScreenHeader title="New battery job" />
        <Notice tone="error" title="This car could not be loaded">
          <p>{vehicle.error}</p>
        </Notice>
      </>
    )
  }
  const title = vehicle.value ? describeVehicle(vehicle.value.vehicle) : '…'

  return (
    <>
      <ScreenHeader title="New battery job" lead="Check the car in. Before the battery comes off, the job makes sure the radio code is known or a deliberate decision is recorded." takeArrivalFocus={false} />
      <form className="job-panel check-in" onSubmit={(event) => void submit(event)} onKeyDown={onKeyDown} aria-label="Check in for a battery job" noValidate>
        {openJob ? (
          <Notice tone="warning" title="This car already has an open battery job">
            <p>
              <a href={jobHref(openJob.id)}>Open job {openJob.id}</a> ({openJob.statusLabel.toLowerCase()}) instead of checking it in again.
            </p>
          </Notice>
        ) : null}
        <div className="check-in__grid">
          <div className="check-in__main">
            <dl className="facts">
              <div>
                <dt>Vehicle</dt>
                <dd>
                  <a href={hrefFor('vehicles', vehicleId)} data-testid="check-in-vehicle">
                    {title}
                  </a>
                  {vehicle.value ? (
                    <span className="muted"> {plateText(vehicle.value.vehicle.plate, vehicle.value.vehicle.plateState)}</span>
                  ) : null}
                </dd>
              </div>
              <div>
                <dt>Customer</dt>
                <dd>
                  {customer ? <strong data-testid="check-in-customer">{customer.name}</strong> : <span className="muted">No owner on file: choose who is dropping the car off.</span>}
                  {draft.customer === null && owner ? <span className="muted"> (current owner)</span> : null}{' '}
                  {!changeCustomer ? (
                    <button type="button" className="link-button" onClick={() => setChangeCustomer(true)}>
                      {customer ? 'Someone else is dropping it off' : 'Choose the customer'}
                    </button>
                  ) : null}
                  {draft.customer !== null ? (
                    <button type="button" className="link-button" onClick={() => update({ customer: null })}>
                      Use the current owner
                    </button>
                  ) : null}
                </dd>
              </div>
            </dl>
            {changeCustomer ? (
              <CustomerPicker
                id="check-in-customer-search"
                label="Customer dropping the car off"
                hint="Search by name or phone; ↑ ↓ and Enter pick."
                error={problem?.fields['customerId']}
                onPick={(picked) => {
                  update({ customer: picked })
                  setChangeCustomer(false)
                }}
              />
            ) : problem?.fields['customerId'] ? (
              <p className="field__error">{problem.fields['customerId']}</p>
            ) : null}
            <Field id="check-in-ro" label="RO number" optional error={problem?.fields['roNumber']} hint="The repair order, as written on it.">
              {(control) => (
                <input
                  {...control}
                  ref={roRef}
                  className="input input--medium"
                  autoComplete="off"
                  value={draft.roNumber}
                  onChange={(event) => update({ roNumber: event.target.value })}
                />
              )}
            </Field>
            <Field id="check-in-notes" label="Notes" optional error={problem?.fields['notes']} hint="Never a radio code: notes are not encrypted.">
              {(control) => (
                <textarea {...control} className="input" rows={2} value={draft.notes} onChange={(event) => update({ notes: event.target.value })} />
              )}
            </Field>
          </div>
          <div className="check-in__side">
            {situation.error ? <p className="field__error">The code situation could not be loaded: {situation.error}</p> : null}
            {situation.value ? <CodeSituationBox situation={situation.value} /> : <p className="muted">Checking the radio code situation…</p>}
            {offerRetrieval ? (
              <RetrievalChoice
                idPrefix="check-in-retrieval"
                options={channels.options}
                error={channels.error}
                value={retrieval}
                onChange={(next) => update({ retrieval: next })}
                label="If there is no card: open a code retrieval request now, with the check-in"
              />
            ) : null}
          </div>
        </div>
        {problem ? (
          <Notice tone="error" title="Not checked in">
            <p>{problem.message}</p>
          </Notice>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={saving || !situation.value || !customer}>
            {saving ? 'Checking in…' : 'Check in'} <Kbd keys="Ctrl+Enter" />
          </button>
          <a className="button button--quiet" href={hrefFor('vehicles', vehicleId)}>
            Back to the vehicle
          </a>
          <span className="form-actions__hint">The draft is kept if you leave this screen.</span>
        </div>
      </form>
    </>
  )
}
