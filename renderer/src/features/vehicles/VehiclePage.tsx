import { lazy, Suspense, useEffect, useRef, useState } from 'react'
import type { RadioCodeStatus, RadioSummary } from '../../../../shared/domain/radio'
import { describeVehicle, type VehicleDetail } from '../../../../shared/domain/vehicle'
import { consumeArrivalFocus } from '../../app/arrival-focus'
import { hrefFor } from '../../app/routes'
import { navigate } from '../../app/use-hash-route'
import { Kbd } from '../../components/Kbd'
import { Notice } from '../../components/Notice'
import { LoadFailed, Loading } from '../../components/LoadStatus'
import { clearFlash, peekFlash } from '../../lib/flash'
import { formatDateTime } from '../../lib/format'
import { useRememberRecent } from '../../lib/recent'
import { usePageShortcuts } from '../../lib/use-page-shortcuts'
import { plateText } from '../../lib/vehicle-text'
import { RadioGuidancePanel } from '../radio-knowledge/RadioGuidancePanel'
import { AddRadioForm } from './AddRadioForm'
import { TransferPanel } from './TransferPanel'
import { VehicleJobs } from '../jobs/VehicleJobs'
import { VehicleDocuments } from '../printing/VehicleDocuments'
import { newJobHref } from '../jobs/job-links'
import { useVehicle } from './use-vehicle'

export type VehiclePanel = 'transfer' | 'radio' | null

// The code and retrieval panels are loaded after the page itself (their own chunks).
const RadioCodePanel = lazy(() => import('../codes/RadioCodePanel'))
const RemovedRadioCodes = lazy(() => import('../codes/RadioCodePanel').then((module) => ({ default: module.RemovedRadioCodes })))
const RetrievalPanel = lazy(() => import('../retrieval/RetrievalPanel'))

function PanelLoading() {
  return <p className="muted">Loading…</p>
}

export function vehicleFlashKey(id: number): string {
  return `vehicle:${id}`
}

const CODE_STATUS: Record<RadioCodeStatus, { label: string; className: string }> = {
  none: { label: 'No code on file', className: 'code-status code-status--none' },
  'on-file': { label: 'Code on file', className: 'code-status code-status--on-file' },
  verified: { label: 'Code verified', className: 'code-status code-status--verified' },
}

function CodeStatus({ status }: { readonly status: RadioCodeStatus }) {
  const { label, className } = CODE_STATUS[status]
  return (
    <span className={className} data-testid="code-status">
      {label}
    </span>
  )
}

function dateOnly(iso: string | null): string {
  if (!iso) return ''
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(undefined, { dateStyle: 'medium' })
}

function InstalledRadio({ radio }: { readonly radio: RadioSummary }) {
  return (
    <div className="radio-card" data-testid="installed-radio">
      <dl className="radio-card__facts">
        <div>
          <dt>Serial</dt>
          <dd className="radio-card__serial">{radio.serial || <span className="muted">Not recorded</span>}</dd>
        </div>
        <div>
          <dt>Head unit</dt>
          <dd>{radio.headUnit || <span className="muted">Not described</span>}</dd>
        </div>
        <div>
          <dt>Code</dt>
          <dd>
            <CodeStatus status={radio.codeStatus} />
          </dd>
        </div>
        <div>
          <dt>Recorded</dt>
          <dd>{formatDateTime(radio.installedAt ?? radio.createdAt)}</dd>
        </div>
      </dl>
    </div>
  )
}

function RadioHistory({ radios }: { readonly radios: readonly RadioSummary[] }) {
  return (
    <>
      <h4 className="record-section__title record-section__title--minor">Earlier radios (history)</h4>
      <ul className="radio-history" aria-label="Earlier radios" data-testid="radio-history">
        {radios.map((radio) => (
          <li key={radio.id} className="radio-history__item">
            <span className="radio-history__serial">{radio.serial || 'No serial'}</span>
            {radio.headUnit ? <span>{radio.headUnit}</span> : null}
            <span className="muted">
              removed {dateOnly(radio.removedAt)}
              {radio.removedReason ? ` — ${radio.removedReason}` : ''}
            </span>
            <CodeStatus status={radio.codeStatus} />
            <Suspense fallback={null}>
              <RemovedRadioCodes radioId={radio.id} />
            </Suspense>
          </li>
        ))}
      </ul>
    </>
  )
}

function Owners({ detail }: { readonly detail: VehicleDetail }) {
  return (
    <section className="record-section" aria-labelledby="owners-title">
      <h3 id="owners-title" className="record-section__title">
        Owners
      </h3>
      {detail.owners.length === 0 ? (
        <p className="muted">No owner on file.</p>
      ) : (
        <ol className="owner-history" aria-label="Owners, newest first" data-testid="owner-history">
          {detail.owners.map((spell) => (
            <li key={`${spell.customerId}-${spell.startedAt}`} className="owner-history__item">
              <a href={hrefFor('customers', spell.customerId)} className="owner-history__name">
                {spell.name}
              </a>
              {spell.endedAt === null ? <span className="tag tag--current">current owner</span> : null}
              <span className="owner-history__dates">
                {spell.endedAt === null ? `since ${dateOnly(spell.startedAt)}` : `${dateOnly(spell.startedAt)} – ${dateOnly(spell.endedAt)}`}
              </span>
              {spell.notes ? <span className="owner-history__note">{spell.notes}</span> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

interface Props {
  readonly id: number
  readonly panel: VehiclePanel
}

/** One vehicle's page: what it is, what to expect from its radio, its radios, its owners over time. */
export function VehiclePage({ id, panel }: Props) {
  const { state, reload, replace } = useVehicle(id)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const [flash, setFlashMessage] = useState(() => peekFlash(vehicleFlashKey(id)))
  const ready = state.status === 'ready'
  const detail = state.status === 'ready' ? state.detail : null
  const baseHref = hrefFor('vehicles', id)
  const editHref = hrefFor('vehicles', id, 'edit')
  const transferHref = hrefFor('vehicles', id, 'transfer')
  const radioHref = hrefFor('vehicles', id, 'radio')

  usePageShortcuts(
    { e: () => navigate(editHref), t: () => navigate(transferHref), r: () => navigate(radioHref), b: () => navigate(newJobHref(id)) },
    ready,
  )

  useRememberRecent(
    detail
      ? {
          kind: 'vehicle',
          id: detail.vehicle.id,
          title: describeVehicle(detail.vehicle),
          detail: [plateText(detail.vehicle.plate, detail.vehicle.plateState), detail.vehicle.currentOwner?.name ?? ''].filter(Boolean).join(' · '),
        }
      : null,
  )

  useEffect(() => {
    if (!ready) return
    clearFlash(vehicleFlashKey(id))
    const arrived = consumeArrivalFocus()
    // A panel puts the cursor in its own first box.
    if (panel === null && (arrived || flash !== null)) headingRef.current?.focus()
    // Only when the page first has its data.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, id])

  const closePanel = (message: string | null, next: VehicleDetail | null) => {
    if (next) replace(next)
    if (message) setFlashMessage(message)
    navigate(baseHref, { replace: message !== null })
    requestAnimationFrame(() => headingRef.current?.focus())
  }

  if (state.status === 'loading') return <Loading className="vehicle-page__message" />
  if (state.status === 'error') {
    return <LoadFailed className="vehicle-page__message" title="This vehicle could not be shown" message={state.message} onRetry={reload} />
  }

  const { vehicle, radios, guidance } = state.detail
  const installed = radios.find((radio) => radio.removedAt === null) ?? null
  const removed = radios.filter((radio) => radio.removedAt !== null)
  const title = describeVehicle(vehicle)
  const subtitle = [vehicle.trim, vehicle.engine, vehicle.colour].filter(Boolean).join(' · ')
  const plate = plateText(vehicle.plate, vehicle.plateState)

  return (
    <article className="vehicle-page" aria-labelledby="vehicle-title" data-vehicle-id={vehicle.id}>
      {flash ? (
        <Notice tone="success">
          <p>{flash}</p>
        </Notice>
      ) : null}
      <div className="record-head">
        <div>
          <h2 id="vehicle-title" className="record-head__title" ref={headingRef} tabIndex={-1}>
            {title}
          </h2>
          {subtitle ? <p className="record-head__sub">{subtitle}</p> : null}
          <p className="record-head__owner">
            {vehicle.currentOwner ? (
              <>
                Owner <a href={hrefFor('customers', vehicle.currentOwner.customerId)}>{vehicle.currentOwner.name}</a>
              </>
            ) : (
              <span className="muted">No owner on file</span>
            )}
          </p>
        </div>
        <div className="record-head__actions">
          <a className="button" href={editHref} aria-keyshortcuts="E">
            Edit <Kbd keys="E" />
          </a>
          <a className="button" href={transferHref} aria-keyshortcuts="T" aria-current={panel === 'transfer' ? 'page' : undefined}>
            Transfer to new owner <Kbd keys="T" />
          </a>
          <a className="button button--primary" href={newJobHref(id)} aria-keyshortcuts="B">
            Start battery job <Kbd keys="B" />
          </a>
        </div>
      </div>

      {panel === 'transfer' ? (
        <TransferPanel detail={state.detail} onDone={(next, message) => closePanel(message, next)} onCancel={() => closePanel(null, null)} />
      ) : null}

      <div className="vehicle-page__grid">
        <div className="vehicle-page__main">
          <dl className="facts">
            <div>
              <dt>VIN</dt>
              <dd className="facts__vin" data-testid="vehicle-vin">
                {vehicle.vin || <span className="muted">Not recorded</span>}
              </dd>
            </div>
            <div>
              <dt>Plate</dt>
              <dd>{plate || <span className="muted">Not recorded</span>}</dd>
            </div>
            <div>
              <dt>Notes</dt>
              <dd className="facts__notes">{vehicle.notes || <span className="muted">No notes</span>}</dd>
            </div>
          </dl>

          <RadioGuidancePanel state={{ status: 'ready', guidance }} vehicleText={title} />

          <section className="record-section" aria-labelledby="radios-title">
            <div className="record-section__head">
              <h3 id="radios-title" className="record-section__title">
                Radio
              </h3>
              {panel !== 'radio' ? (
                <a className="button button--small" href={radioHref} aria-keyshortcuts="R">
                  {installed ? 'Replace radio' : 'Add radio'} <Kbd keys="R" />
                </a>
              ) : null}
            </div>
            {panel === 'radio' ? (
              <AddRadioForm
                vehicleId={vehicle.id}
                installed={installed}
                onDone={(next) => closePanel(installed ? 'Radio replaced. The old one is kept below as history.' : 'Radio added.', next)}
                onCancel={() => closePanel(null, null)}
              />
            ) : null}
            {installed ? (
              <>
                <InstalledRadio radio={installed} />
                <Suspense fallback={<PanelLoading />}>
                  <RadioCodePanel key={installed.id} radio={installed} ownerName={vehicle.currentOwner?.name ?? null} />
                </Suspense>
              </>
            ) : (
              <p className="muted">
                No radio recorded. Add it with <a href={radioHref}>Add radio</a> (<Kbd keys="R" />
                ): its serial and what the head unit is.
              </p>
            )}
            <Suspense fallback={null}>
              <RetrievalPanel vehicleId={vehicle.id} radioId={installed?.id ?? null} codeStatus={installed?.codeStatus ?? 'none'} />
            </Suspense>
            {installed && vehicle.currentOwner ? <VehicleDocuments vehicleId={vehicle.id} codeOnFile={installed.codeStatus !== 'none'} /> : null}
            {removed.length > 0 ? <RadioHistory radios={removed} /> : null}
            <p className="record-section__note">Codes always show as •••••. Showing or giving out a code needs permission and your PIN, and is recorded.</p>
          </section>

          <section className="record-section" aria-labelledby="jobs-title">
            <h3 id="jobs-title" className="record-section__title">
              Battery jobs
            </h3>
            <VehicleJobs vehicleId={vehicle.id} />
          </section>
        </div>
        <aside className="vehicle-page__side">
          <Owners detail={state.detail} />
          <p className="record-section__note">Added {formatDateTime(vehicle.createdAt)}</p>
        </aside>
      </div>
    </article>
  )
}
