import { useState, type FormEvent } from 'react'
import {
  RETRIEVAL_MAX_COST_CENTS,
  RETRIEVAL_STATUS_LABELS,
  type RetrievalChecklistItem,
  type RetrievalRequest,
  type SettableRetrievalStatus,
} from '../../../../shared/domain/retrieval'
import { Field } from '../../components/Field'
import { Kbd } from '../../components/Kbd'
import { Notice } from '../../components/Notice'
import { ApiCallError, api, errorMessage } from '../../lib/api'
import { formatDateTime } from '../../lib/format'
import { clearMemoryDraft, useMemoryDraft } from '../../lib/memory-drafts'
import { centsToDollarsText, formatCents, parseDollars } from '../../lib/money'
import { channelHref, formatDay, STATUS_ACTION_LABELS, todayIso } from './channel-text'
import { ReceiveCodeForm } from './ReceiveCodeForm'

type Message = { readonly tone: 'success' | 'error'; readonly text: string }

interface Props {
  readonly request: RetrievalRequest
  /** The vehicle's installed radio, for a request opened before the radio was recorded. */
  readonly installedRadioId: number | null
  readonly onChanged: (request: RetrievalRequest) => void
}

const CLOSING: readonly SettableRetrievalStatus[] = ['failed', 'cancelled']

/** One retrieval request: where it stands, what it needs, and the next steps it allows. */
export function RequestCard({ request, installedRadioId, onChanged }: Props) {
  const [message, setMessage] = useState<Message | null>(null)
  const [receiving, setReceiving] = useState(false)
  const [confirming, setConfirming] = useState<SettableRetrievalStatus | null>(null)
  const [busy, setBusy] = useState(false)
  const [today] = useState(todayIso)
  const titleId = `request-${request.id}-title`
  const channelUrl = request.channel.url ? channelHref(request.channel.url) : null
  const due = request.isOpen && request.followUpOn !== null && request.followUpOn <= today

  const update = async (patch: Omit<Parameters<typeof api.retrieval.update>[0], 'id'>, success: string | null) => {
    setBusy(true)
    try {
      const next = await api.retrieval.update({ id: request.id, ...patch })
      onChanged(next)
      setMessage(success ? { tone: 'success', text: success } : null)
      return true
    } catch (error) {
      setMessage({ tone: 'error', text: errorMessage(error) })
      return false
    } finally {
      setBusy(false)
    }
  }

  const setStatus = async (status: SettableRetrievalStatus) => {
    setConfirming(null)
    const words: Record<SettableRetrievalStatus, string> = {
      needed: 'Back to needed.',
      requested: 'Marked as requested. Set a follow-up date to be reminded.',
      verified: 'Verified: the code is marked as working on the radio too.',
      failed: 'Closed as failed. Open a new request to try another channel.',
      cancelled: 'Cancelled. Open a new request to try again.',
    }
    await update({ status }, words[status])
  }

  const primary = request.status === 'needed' ? 'requested' : request.status === 'received' ? 'verified' : null
  // The usual next step first, "Code received" next, closing ones last.
  const rank = (status: SettableRetrievalStatus) => (status === primary ? 0 : CLOSING.includes(status) ? 2 : 1)
  const actions = [...request.nextStatuses].sort((a, b) => rank(a) - rank(b))
  const leading = actions.filter((status) => status === primary)
  const trailing = actions.filter((status) => status !== primary)

  return (
    <article className={`request-card request-card--${request.status}`} aria-labelledby={titleId} data-testid="request-card" data-request-id={request.id}>
      <header className="request-card__head">
        <div>
          <h5 id={titleId} className="request-card__title">
            {request.channel.kindLabel}
          </h5>
          <p className="request-card__sub">
            {request.channel.entryLabel ? `${request.channel.entryLabel} · ` : ''}Request {request.id}, opened {formatDateTime(request.openedAt)}
            {request.openedBy ? ` by ${request.openedBy.name}` : ''}
          </p>
        </div>
        <span className={`request-status request-status--${request.status}`} data-testid="request-status">
          {RETRIEVAL_STATUS_LABELS[request.status]}
        </span>
      </header>

      {request.channel.description ? <p className="request-card__description">{request.channel.description}</p> : null}
      {request.channel.url ? (
        <p className="request-card__url">
          Website:{' '}
          {channelUrl ? (
            <a href={channelUrl} target="_blank" rel="noreferrer">
              {request.channel.url}
            </a>
          ) : (
            request.channel.url
          )}
        </p>
      ) : null}
      <p className="request-card__facts">
        {request.followUpOn ? (
          <span className={due ? 'request-card__due' : undefined}>
            Follow up by {formatDay(request.followUpOn)}
            {due ? ' (due)' : ''}
          </span>
        ) : request.isOpen ? (
          <span className="muted">No follow-up date</span>
        ) : null}
        {request.costCents !== null ? <span>Cost {formatCents(request.costCents)}</span> : null}
        {request.closedAt ? <span className="muted">Closed {formatDateTime(request.closedAt)}</span> : null}
      </p>

      {message ? (
        <Notice tone={message.tone} testId="request-message">
          <p>{message.text}</p>
        </Notice>
      ) : null}

      {request.checklist.length > 0 ? (
        <div className="request-card__checklist">
          <h6 className="request-card__subtitle">
            What you need ({request.checklist.filter((item) => item.done).length} of {request.checklist.length} done)
          </h6>
          <ul className="checklist">
            {request.checklist.map((item) => (
              <ChecklistRow
                key={`${item.key}:${item.note}:${item.done}`}
                requestId={request.id}
                item={item}
                editable={request.isOpen}
                onSave={(change) => update({ checklist: [{ key: item.key, ...change }] }, null)}
              />
            ))}
          </ul>
        </div>
      ) : null}

      <DetailsForm key={request.updatedAt} request={request} busy={busy} onSave={(patch) => update(patch, 'Saved.')} />

      {receiving ? (
        <ReceiveCodeForm
          request={request}
          radioId={request.radioId ?? installedRadioId}
          onReceived={(result) => {
            setReceiving(false)
            onChanged(result.request)
            setMessage({
              tone: 'success',
              text: 'Code saved on the radio (it shows as •••••). Try it in the radio; when it works, press “Verified: the code worked”.',
            })
          }}
          onCancel={() => setReceiving(false)}
        />
      ) : null}

      {!receiving && (request.canReceiveCode || actions.length > 0) ? (
        <div className="request-card__actions">
          {leading.map((status) => (
            <button key={status} type="button" className="button button--small button--primary" onClick={() => void setStatus(status)} aria-disabled={busy}>
              {STATUS_ACTION_LABELS[status]}
            </button>
          ))}
          {request.canReceiveCode ? (
            <button
              type="button"
              className={`button button--small${primary === null ? ' button--primary' : ''}`}
              onClick={() => {
                setMessage(null)
                setReceiving(true)
              }}
            >
              {STATUS_ACTION_LABELS.received}
            </button>
          ) : null}
          {trailing.map((status) =>
            CLOSING.includes(status) ? (
              <button key={status} type="button" className="button button--small button--quiet" onClick={() => setConfirming(status)} aria-disabled={busy}>
                {STATUS_ACTION_LABELS[status]}
              </button>
            ) : (
              <button key={status} type="button" className="button button--small" onClick={() => void setStatus(status)} aria-disabled={busy}>
                {STATUS_ACTION_LABELS[status]}
              </button>
            ),
          )}
        </div>
      ) : null}
      {confirming ? (
        <div className="request-card__confirm" role="group" aria-label="Close this request?">
          <p>
            {confirming === 'failed' ? 'Close this request as failed?' : 'Cancel this request?'} A closed request cannot be reopened; you can open a new one.
          </p>
          <button type="button" className="button button--small" onClick={() => void setStatus(confirming)} autoFocus>
            {confirming === 'failed' ? 'Yes, it failed' : 'Yes, cancel it'}
          </button>
          <button type="button" className="button button--small button--quiet" onClick={() => setConfirming(null)}>
            Keep it open
          </button>
        </div>
      ) : null}
    </article>
  )
}

function ChecklistRow({
  requestId,
  item,
  editable,
  onSave,
}: {
  readonly requestId: number
  readonly item: RetrievalChecklistItem
  readonly editable: boolean
  readonly onSave: (change: { done?: boolean; note?: string }) => Promise<boolean>
}) {
  const [note, setNote] = useState(item.note)
  const [noting, setNoting] = useState(item.note !== '')
  // Ticked at once; put back if main refuses.
  const [done, setDone] = useState(item.done)
  const id = `request-${requestId}-item-${item.key}`
  const saveNote = () => {
    if (note.trim() !== item.note) void onSave({ note })
  }
  return (
    <li className={`checklist__item${done ? ' checklist__item--done' : ''}`}>
      <label className="check checklist__label">
        <input
          type="checkbox"
          checked={done}
          disabled={!editable}
          onChange={(event) => {
            const checked = event.target.checked
            setDone(checked)
            void onSave({ done: checked }).then((saved) => {
              if (!saved) setDone(!checked)
            })
          }}
        />
        <span>{item.label}</span>
      </label>
      {item.whereToFind.length > 0 ? (
        <ul className="checklist__where">
          {item.whereToFind.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      {editable && noting ? (
        <input
          id={id}
          className="input checklist__note"
          type="text"
          autoComplete="off"
          maxLength={200}
          placeholder="Never the code"
          aria-label={`Note for “${item.label}”`}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          onBlur={saveNote}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault()
              saveNote()
            }
          }}
        />
      ) : editable ? (
        <button
          type="button"
          className="link-button checklist__add-note"
          onClick={() => {
            setNoting(true)
            requestAnimationFrame(() => document.getElementById(id)?.focus())
          }}
        >
          Add a note
        </button>
      ) : item.note ? (
        <p className="checklist__note-text">{item.note}</p>
      ) : null}
    </li>
  )
}

interface DetailsDraft {
  readonly followUpOn: string
  readonly cost: string
  readonly notes: string
}

function DetailsForm({
  request,
  busy,
  onSave,
}: {
  readonly request: RetrievalRequest
  readonly busy: boolean
  readonly onSave: (patch: { followUpOn?: string | null; costCents?: number | null; notes?: string }) => Promise<boolean>
}) {
  const draftKey = `retrieval.edit.${request.id}`
  const saved: DetailsDraft = { followUpOn: request.followUpOn ?? '', cost: centsToDollarsText(request.costCents), notes: request.notes }
  const [draft, setDraft] = useMemoryDraft<DetailsDraft>(draftKey, () => saved)
  const [errors, setErrors] = useState<Partial<Record<keyof DetailsDraft | 'form', string>>>({})
  const base = `request-${request.id}`
  const parsed = parseDollars(draft.cost)
  const cost =
    parsed.ok && parsed.cents !== null && parsed.cents > RETRIEVAL_MAX_COST_CENTS
      ? ({ ok: false, message: `That is more than ${formatCents(RETRIEVAL_MAX_COST_CENTS)}; check the amount.` } as const)
      : parsed
  const dirty =
    (request.isOpen && draft.followUpOn !== saved.followUpOn) ||
    (cost.ok ? cost.cents !== request.costCents : true) ||
    draft.notes.trim() !== request.notes

  const set = (key: keyof DetailsDraft, value: string) => {
    setDraft((current) => ({ ...current, [key]: value }))
    setErrors({})
  }

  const submit = async (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault()
    if (busy) return
    if (!cost.ok) {
      setErrors({ cost: cost.message })
      document.getElementById(`${base}-cost`)?.focus()
      return
    }
    const patch: { followUpOn?: string | null; costCents?: number | null; notes?: string } = {}
    if (request.isOpen && draft.followUpOn !== saved.followUpOn) patch.followUpOn = draft.followUpOn === '' ? null : draft.followUpOn
    if (cost.cents !== request.costCents) patch.costCents = cost.cents
    if (draft.notes.trim() !== request.notes) patch.notes = draft.notes
    if (Object.keys(patch).length === 0) return
    try {
      if (await onSave(patch)) clearMemoryDraft(draftKey)
    } catch (error) {
      if (error instanceof ApiCallError) setErrors({ form: error.message })
    }
  }

  return (
    <form className="request-edit" noValidate autoComplete="off" onSubmit={(event) => void submit(event)} aria-label="Request details">
      <div className="request-edit__grid">
        {request.isOpen ? (
          <Field id={`${base}-follow-up`} label="Follow up on" optional error={errors.followUpOn}>
            {(control) => (
              <input {...control} className="input" type="date" value={draft.followUpOn} onChange={(event) => set('followUpOn', event.target.value)} />
            )}
          </Field>
        ) : null}
        <Field id={`${base}-cost`} label="Cost ($)" optional error={errors.cost} hint="What the dealer or website charges, e.g. 45.00">
          {(control) => (
            <input
              {...control}
              className="input"
              type="text"
              inputMode="decimal"
              autoComplete="off"
              maxLength={14}
              value={draft.cost}
              onChange={(event) => set('cost', event.target.value)}
            />
          )}
        </Field>
      </div>
      <Field id={`${base}-notes`} label="Notes" optional hint="Who you spoke to, reference numbers. Never the code: notes are not encrypted.">
        {(control) => (
          <textarea
            {...control}
            className="input request-edit__notes"
            rows={2}
            maxLength={2000}
            value={draft.notes}
            onChange={(event) => set('notes', event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault()
                void submit()
              }
            }}
          />
        )}
      </Field>
      {errors.form ? <p className="field__error">{errors.form}</p> : null}
      {dirty ? (
        <div className="form-actions">
          <button type="submit" className="button button--small" aria-disabled={busy}>
            Save changes
          </button>
          <span className="form-actions__hint">
            <Kbd keys="Ctrl+Enter" /> saves from the notes
          </span>
        </div>
      ) : null}
    </form>
  )
}
