import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react'
import type { AuditListInput, AuditLogRow, AuditVerification } from '../../../../shared/domain/audit'
import type { StaffMember } from '../../../../shared/domain/staff'
import { hrefFor } from '../../app/routes'
import { useDesk } from '../../app/desk-context'
import { Field } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { api, errorMessage } from '../../lib/api'
import { ACTION_FAMILIES, RECORD_TYPES, actionWords, detailPairs, entityWords } from './audit-words'
import './audit.css'

const PAGE_SIZE = 50

/** The filter form as typed (strings); applied only when "Show" is pressed. */
interface Filters {
  readonly staffId: string
  readonly action: string
  readonly vehicleId: string
  readonly entityType: string
  readonly entityId: string
  readonly from: string
  readonly to: string
}

const NO_FILTERS: Filters = { staffId: '', action: '', vehicleId: '', entityType: '', entityId: '', from: '', to: '' }

type FilterErrors = Partial<Record<keyof Filters, string>>

type Query = Partial<Omit<AuditListInput, 'limit'>>

/** A local calendar day (YYYY-MM-DD) as the instant it starts. */
function startOfDay(day: string, plusDays = 0): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!match) return null
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plusDays)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

function positiveId(text: string): number | null {
  return /^\d{1,12}$/.test(text.trim()) && Number(text) > 0 ? Number(text) : null
}

/** The contract's filter input, or what is wrong with the form. */
export function toQuery(filters: Filters): { query: Query } | { errors: FilterErrors } {
  const errors: FilterErrors = {}
  const query: { -readonly [K in keyof Query]: Query[K] } = {}
  if (filters.staffId) query.staffId = Number(filters.staffId)
  if (filters.action) query.action = filters.action
  if (filters.vehicleId.trim()) {
    const id = positiveId(filters.vehicleId)
    if (id === null) errors.vehicleId = 'A vehicle number is digits only (it is in the vehicle page’s address, e.g. 12).'
    else query.vehicleId = id
  }
  if (filters.entityId.trim() || filters.entityType) {
    const id = positiveId(filters.entityId)
    if (!filters.entityType) errors.entityType = 'Choose which kind of record the number belongs to.'
    else if (id === null) errors.entityId = filters.entityId.trim() ? 'A record number is digits only.' : 'Type the record’s number.'
    else {
      query.entityType = filters.entityType
      query.entityId = id
    }
  }
  const from = filters.from ? startOfDay(filters.from) : null
  const to = filters.to ? startOfDay(filters.to, 1) : null
  if (filters.from && !from) errors.from = 'Choose a date.'
  if (filters.to && !to) errors.to = 'Choose a date.'
  if (from && to && from >= to) errors.to = 'The last day must not be before the first day.'
  if (from) query.from = from
  if (to) query.to = to
  return Object.keys(errors).length > 0 ? { errors } : { query }
}

type LogState =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly message: string }
  | {
      readonly status: 'ready'
      readonly rows: readonly AuditLogRow[]
      readonly nextBefore: number | null
      readonly more: 'idle' | 'loading' | { readonly error: string }
    }

type Check = { readonly status: 'idle' } | { readonly status: 'checking' } | { readonly status: 'done'; readonly result: AuditVerification } | { readonly status: 'error'; readonly message: string }

const whenFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' })

function when(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : whenFormat.format(date)
}

interface Props {
  /** From the address (#/settings/audit?vehicle=12): start filtered. */
  readonly initial: { readonly vehicleId?: string; readonly staffId?: string; readonly action?: string }
}

/** Settings → Audit log: a manager reads who did what, newest first, and checks the log's hash chain. */
export function AuditLogSection({ initial }: Props) {
  const desk = useDesk()
  if (!desk.isManager) {
    return (
      <section className="settings-card" aria-labelledby="audit-title">
        <h2 id="audit-title">Audit log</h2>
        <Notice tone="info">
          <p>Only a manager can read the audit log. Ask a manager to sign in (Switch person, Ctrl+L).</p>
        </Notice>
      </section>
    )
  }
  return <AuditLog initial={initial} />
}

function AuditLog({ initial }: Props) {
  const startFilters: Filters = {
    ...NO_FILTERS,
    vehicleId: initial.vehicleId && positiveId(initial.vehicleId) ? initial.vehicleId : '',
    staffId: initial.staffId && positiveId(initial.staffId) ? initial.staffId : '',
    action: initial.action && ACTION_FAMILIES.some((family) => family.value === initial.action) ? initial.action : '',
  }
  const [filters, setFilters] = useState<Filters>(startFilters)
  const [applied, setApplied] = useState<{ query: Query; before: number | null; version: number }>(() => {
    const result = toQuery(startFilters)
    return { query: 'query' in result ? result.query : {}, before: null, version: 0 }
  })
  const [errors, setErrors] = useState<FilterErrors>({})
  const [log, setLog] = useState<LogState>({ status: 'loading' })
  const [staff, setStaff] = useState<readonly StaffMember[]>([])
  const [check, setCheck] = useState<Check>({ status: 'idle' })
  const [highlight, setHighlight] = useState<number | null>(null)
  const firstNewRow = useRef<number | null>(null)

  const staffNames = useMemo(() => new Map(staff.map((member) => [member.id, member.name])), [staff])

  useEffect(() => {
    let cancelled = false
    api.staff.list({}).then(
      (list) => {
        if (!cancelled) setStaff([...list].sort((a, b) => a.name.localeCompare(b.name)))
      },
      () => {
        // The person filter then offers only "Anyone"; the log still loads.
      },
    )
    return () => {
      cancelled = true
    }
  }, [])

  useEffect(() => {
    let cancelled = false
    api.audit.list({ ...applied.query, limit: PAGE_SIZE, before: applied.before }).then(
      (page) => {
        if (!cancelled) setLog({ status: 'ready', rows: page.rows, nextBefore: page.nextBefore, more: 'idle' })
      },
      (error: unknown) => {
        if (!cancelled) setLog({ status: 'error', message: errorMessage(error) })
      },
    )
    return () => {
      cancelled = true
    }
  }, [applied])

  // After "Older entries" (or jumping to a broken entry), the cursor goes to the first row that came in.
  useEffect(() => {
    if (firstNewRow.current === null || log.status !== 'ready' || log.more !== 'idle') return
    const row = document.getElementById(`audit-row-${firstNewRow.current}`)
    firstNewRow.current = null
    row?.focus()
  }, [log])

  const change = (field: keyof Filters, value: string) => {
    setFilters((current) => ({ ...current, [field]: value }))
    if (errors[field]) setErrors(({ [field]: _dropped, ...rest }) => rest)
  }

  const show = (event?: FormEvent<HTMLFormElement>, next: Filters = filters) => {
    event?.preventDefault()
    const result = toQuery(next)
    if ('errors' in result) {
      setErrors(result.errors)
      const first = (Object.keys(NO_FILTERS) as (keyof Filters)[]).find((key) => key in result.errors)
      if (first) document.getElementById(`audit-filter-${first}`)?.focus()
      return
    }
    setErrors({})
    setHighlight(null)
    setLog({ status: 'loading' })
    setApplied((current) => ({ query: result.query, before: null, version: current.version + 1 }))
  }

  const clearFilters = () => {
    setFilters(NO_FILTERS)
    show(undefined, NO_FILTERS)
  }

  const older = () => {
    if (log.status !== 'ready' || log.nextBefore === null || log.more === 'loading') return
    const before = log.nextBefore
    setLog({ ...log, more: 'loading' })
    api.audit.list({ ...applied.query, limit: PAGE_SIZE, before }).then(
      (page) => {
        firstNewRow.current = page.rows[0]?.id ?? null
        setLog((current) => {
          if (current.status !== 'ready') return current
          return { status: 'ready', rows: [...current.rows, ...page.rows], nextBefore: page.nextBefore, more: 'idle' }
        })
      },
      (error: unknown) => setLog((current) => (current.status === 'ready' ? { ...current, more: { error: errorMessage(error) } } : current)),
    )
  }

  const verify = () => {
    if (check.status === 'checking') return
    setCheck({ status: 'checking' })
    api.audit.verify({}).then(
      (result) => setCheck({ status: 'done', result }),
      (error: unknown) => setCheck({ status: 'error', message: errorMessage(error) }),
    )
  }

  const showAround = (id: number) => {
    setFilters(NO_FILTERS)
    setErrors({})
    setHighlight(id)
    firstNewRow.current = id
    setLog({ status: 'loading' })
    setApplied((current) => ({ query: {}, before: id + 1, version: current.version + 1 }))
  }

  const filtered = Object.keys(applied.query).length > 0 || applied.before !== null

  return (
    <section className="settings-card audit" aria-labelledby="audit-title">
      <div className="audit__head">
        <div>
          <h2 id="audit-title">Audit log</h2>
          <p className="settings-card__lead">
            Who did what at this desk, newest first. Entries cannot be changed; each one is chained to the one before, so a change or a
            removal shows up when the log is checked. Codes and PINs are never written here.
          </p>
        </div>
        <button type="button" className="button" onClick={verify} aria-disabled={check.status === 'checking'}>
          {check.status === 'checking' ? 'Checking…' : 'Check the log'}
        </button>
      </div>
      <div aria-live="polite" className="audit__check">
        {check.status === 'done' && check.result.ok ? (
          <Notice tone="success" testId="audit-check">
            <p>
              <strong>
                All {check.result.rows} {check.result.rows === 1 ? 'entry checks' : 'entries check'} out.
              </strong>{' '}
              None has been changed or removed since it was written.
            </p>
          </Notice>
        ) : null}
        {check.status === 'done' && !check.result.ok ? (
          <Notice tone="error" title={`The audit log does not check out: it breaks at entry ${check.result.brokenAtId}`} testId="audit-check">
            <p>{check.result.message}</p>
            <p>
              Entries before {check.result.brokenAtId} are fine. Do not delete or restore anything yet: the shop’s IT support needs this
              database as it is.
            </p>
            <p>
              <button type="button" className="link-button" onClick={() => showAround(check.result.ok ? 0 : check.result.brokenAtId)}>
                Show the entries from {check.result.brokenAtId} back
              </button>
            </p>
          </Notice>
        ) : null}
        {check.status === 'error' ? (
          <Notice tone="error" title="The log could not be checked">
            <p>{check.message}</p>
          </Notice>
        ) : null}
      </div>

      <form className="audit-filters" noValidate onSubmit={show} aria-label="Filter the audit log">
        <Field id="audit-filter-staffId" label="Person" className="audit-filters__person">
          {(control) => (
            <select {...control} className="input" value={filters.staffId} onChange={(event) => change('staffId', event.target.value)}>
              <option value="">Anyone</option>
              {staff.map((member) => (
                <option key={member.id} value={String(member.id)}>
                  {member.name}
                  {member.active ? '' : ' (inactive)'}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="audit-filter-action" label="What" className="audit-filters__action">
          {(control) => (
            <select {...control} className="input" value={filters.action} onChange={(event) => change('action', event.target.value)}>
              <option value="">Anything</option>
              {ACTION_FAMILIES.map((family) => (
                <option key={family.value} value={family.value}>
                  {family.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="audit-filter-vehicleId" label="Vehicle number" error={errors.vehicleId} className="audit-filters__vehicle">
          {(control) => (
            <input
              {...control}
              className="input"
              type="text"
              inputMode="numeric"
              autoComplete="off"
              value={filters.vehicleId}
              onChange={(event) => change('vehicleId', event.target.value)}
            />
          )}
        </Field>
        <Field id="audit-filter-from" label="From" error={errors.from} className="audit-filters__date">
          {(control) => (
            <input {...control} className="input" type="date" value={filters.from} onChange={(event) => change('from', event.target.value)} />
          )}
        </Field>
        <Field id="audit-filter-to" label="To (including)" error={errors.to} className="audit-filters__date">
          {(control) => (
            <input {...control} className="input" type="date" value={filters.to} onChange={(event) => change('to', event.target.value)} />
          )}
        </Field>
        <Field id="audit-filter-entityType" label="Record" error={errors.entityType} className="audit-filters__record">
          {(control) => (
            <select {...control} className="input" value={filters.entityType} onChange={(event) => change('entityType', event.target.value)}>
              <option value="">Any record</option>
              {RECORD_TYPES.map((type) => (
                <option key={type.value} value={type.value}>
                  {type.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="audit-filter-entityId" label="Record number" error={errors.entityId} className="audit-filters__record-id">
          {(control) => (
            <input
              {...control}
              className="input"
              type="text"
              inputMode="numeric"
              autoComplete="off"
              value={filters.entityId}
              onChange={(event) => change('entityId', event.target.value)}
            />
          )}
        </Field>
        <div className="audit-filters__actions">
          <button type="submit" className="button button--primary">
            Show entries
          </button>
          {filtered ? (
            <button type="button" className="button button--quiet" onClick={clearFilters}>
              Clear filters
            </button>
          ) : null}
        </div>
        <p className="audit-filters__note">
          Vehicle number: everything about one vehicle, including its radios, codes and retrieval requests. It is the number in the
          vehicle page’s address (…/vehicles/12) and in the Record column below.
        </p>
      </form>

      {log.status === 'loading' ? <p role="status">Loading the audit log…</p> : null}
      {log.status === 'error' ? (
        <Notice tone="error" title="The audit log could not be loaded">
          <p>{log.message}</p>
        </Notice>
      ) : null}
      {log.status === 'ready' ? (
        <>
          <p className="audit__count" role="status">
            {log.rows.length === 0
              ? filtered
                ? 'No entries match these filters.'
                : 'The audit log is empty.'
              : `Showing ${log.rows.length} ${log.rows.length === 1 ? 'entry' : 'entries'}${filtered ? ' that match' : ''}, newest first${log.nextBefore === null ? '. That is all of them.' : '.'}`}
          </p>
          {log.rows.length > 0 ? (
            <table className="data-table audit-table" aria-labelledby="audit-title">
              <thead>
                <tr>
                  <th scope="col">Entry</th>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                  <th scope="col">Record</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {log.rows.map((row) => (
                  <AuditRow key={row.id} row={row} staffNames={staffNames} highlighted={row.id === highlight} />
                ))}
              </tbody>
            </table>
          ) : null}
          {log.nextBefore !== null ? (
            <div className="form-actions">
              <button type="button" className="button" onClick={older} aria-disabled={log.more === 'loading'}>
                {log.more === 'loading' ? 'Loading…' : 'Older entries'}
              </button>
            </div>
          ) : null}
          {typeof log.more === 'object' ? (
            <Notice tone="error" title="Older entries could not be loaded">
              <p>{log.more.error}</p>
            </Notice>
          ) : null}
        </>
      ) : null}
    </section>
  )
}

function RecordCell({ row, staffNames }: { readonly row: AuditLogRow; readonly staffNames: ReadonlyMap<number, string> }) {
  const words = entityWords(row, staffNames)
  if (row.entityId !== null && row.entityType === 'vehicle') return <a href={hrefFor('vehicles', row.entityId)}>{words}</a>
  if (row.entityId !== null && row.entityType === 'customer') return <a href={hrefFor('customers', row.entityId)}>{words}</a>
  return <>{words}</>
}

function AuditRow({
  row,
  staffNames,
  highlighted,
}: {
  readonly row: AuditLogRow
  readonly staffNames: ReadonlyMap<number, string>
  readonly highlighted: boolean
}) {
  const details = detailPairs(row.details)
  return (
    <tr id={`audit-row-${row.id}`} tabIndex={-1} className={highlighted ? 'audit-table__row--broken' : undefined} data-testid="audit-row">
      <td className="audit-table__id">{row.id}</td>
      <td className="audit-table__when">{when(row.at)}</td>
      <td>{row.staff ? row.staff.name || `Staff member ${row.staff.id}` : <span className="muted">Nobody signed in</span>}</td>
      <td>
        <span className="audit-table__action">{actionWords(row.action)}</span>
        <code className="audit-table__code">{row.action}</code>
      </td>
      <td>
        <RecordCell row={row} staffNames={staffNames} />
      </td>
      <td>
        {details.length === 0 ? (
          <span className="muted">—</span>
        ) : (
          <ul className="audit-details">
            {details.map((pair) => (
              <li key={pair.key}>
                <span className="audit-details__label">{pair.label}:</span> {pair.value}
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  )
}
