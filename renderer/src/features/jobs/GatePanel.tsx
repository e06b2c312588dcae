import { useState, type FormEvent } from 'react'
import {
  GATE_OPTION_LABELS,
  GATE_OPTIONS,
  MEMORY_SAVER_CAVEATS,
  MEMORY_SAVER_CONNECTION_LABELS,
  MEMORY_SAVER_CONNECTIONS,
  MEMORY_SAVER_GENERAL_CAVEATS,
  NO_CODE_REASON_LABELS,
  NO_CODE_REASONS,
  RISK_ACCEPTANCE_CHANNEL_LABELS,
  RISK_ACCEPTANCE_CHANNELS,
  RISK_STATEMENT,
  type BatteryJobDetail,
  type GateDecisionInput,
  type GateOption,
  type MemorySaverConnection,
  type NoCodeReason,
  type RiskAcceptanceChannel,
} from '../../../../shared/domain/battery-job'
import { Field } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { api, ApiCallError, errorMessage } from '../../lib/api'
import { clearDraft, useDraft } from '../../lib/drafts'
import { shortTime } from './job-links'

interface GateDraft {
  readonly option: GateOption | ''
  readonly reason: NoCodeReason | ''
  readonly connection: MemorySaverConnection | ''
  readonly indicatorChecked: boolean
  readonly acceptedBy: string
  readonly how: RiskAcceptanceChannel | ''
  readonly note: string
}

const EMPTY: GateDraft = { option: '', reason: '', connection: '', indicatorChecked: false, acceptedBy: '', how: '', note: '' }

function isGateDraft(value: unknown): value is GateDraft {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return typeof v['option'] === 'string' && typeof v['indicatorChecked'] === 'boolean' && typeof v['acceptedBy'] === 'string' && typeof v['note'] === 'string'
}

/** Why each option cannot be chosen for this job now (null: it can). */
function optionProblems(detail: BatteryJobDetail): Record<GateOption, string | null> {
  const s = detail.codeSituation
  return {
    'code-on-file': s.codeClearsGate
      ? null
      : s.code === null
        ? 'No code is on file for this car’s radio. Enter the code from the owner’s card first, or choose another option.'
        : 'The code on file has not worked in this radio yet and did not come from the owner’s code card.',
    'no-code-needed': null,
    'memory-saver': null,
    'risk-accepted': null,
  }
}

function reasonProblem(detail: BatteryJobDetail, reason: NoCodeReason): string | null {
  if (reason === 'knowledge-base-pairs-with-car' && detail.codeSituation.expectation.kind !== 'no-code') {
    return 'The radio report does not say this radio pairs with the car.'
  }
  return null
}

interface Props {
  readonly detail: BatteryJobDetail
  readonly onChanged: (detail: BatteryJobDetail) => void
}

/**
 * The pre-disconnect gate: four explicit choices, never free text. Options
 * that are not true for this car are shown disabled with the reason.
 */
export function GatePanel({ detail, onChanged }: Props) {
  const { job, actions } = detail
  const draftKey = `jobs.gate:${job.id}`
  const [draft, setDraft] = useDraft<GateDraft>(draftKey, () => EMPTY, isGateDraft)
  const [changing, setChanging] = useState(false)
  const [saving, setSaving] = useState(false)
  const [problem, setProblem] = useState<{ message: string; fields: Record<string, string> } | null>(null)
  const decide = actions['decide-gate']
  const problems = optionProblems(detail)
  const update = (patch: Partial<GateDraft>) => setDraft((current) => ({ ...current, ...patch }))
  const acceptedBy = draft.acceptedBy

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (saving) return
    const base = { jobId: job.id, note: draft.note }
    let input: GateDecisionInput
    switch (draft.option) {
      case '':
        setProblem({ message: 'Choose one of the four options.', fields: {} })
        return
      case 'code-on-file':
        input = { ...base, option: 'code-on-file' }
        break
      case 'no-code-needed':
        if (draft.reason === '') {
          setProblem({ message: 'Say why no code is needed.', fields: { reason: 'Choose the reason.' } })
          return
        }
        input = { ...base, option: 'no-code-needed', reason: draft.reason }
        break
      case 'memory-saver':
        if (draft.connection === '' || !draft.indicatorChecked) {
          setProblem({
            message: draft.connection === '' ? 'Say where the memory saver is connected.' : 'Check that the memory saver’s indicator shows power.',
            fields: draft.connection === '' ? { connection: 'Choose the connection.' } : { indicatorChecked: 'Confirm the indicator shows power.' },
          })
          return
        }
        input = { ...base, option: 'memory-saver', connection: draft.connection, indicatorChecked: true }
        break
      case 'risk-accepted':
        if (draft.how === '') {
          setProblem({ message: 'Say whether the customer accepted in person or by phone.', fields: { how: 'Choose in person or by phone.' } })
          return
        }
        input = { ...base, option: 'risk-accepted', acceptedBy, how: draft.how }
        break
    }
    setSaving(true)
    setProblem(null)
    try {
      const next = await api.jobs.decideGate(input)
      clearDraft(draftKey)
      setDraft(EMPTY)
      setChanging(false)
      onChanged(next)
    } catch (error) {
      const fields: Record<string, string> = {}
      if (error instanceof ApiCallError) for (const f of error.fields) fields[f.path] = f.message
      setProblem({ message: errorMessage(error), fields })
    } finally {
      setSaving(false)
    }
  }

  const showForm = decide.allowed && (job.gate === null || changing)

  return (
    <section className="job-section" aria-labelledby="gate-title" data-testid="gate">
      <div className="record-section__head">
        <h3 id="gate-title" className="record-section__title">
          Before the battery comes off
        </h3>
        {job.gate && decide.allowed && !changing ? (
          <button type="button" className="button button--small" onClick={() => setChanging(true)}>
            Change the decision
          </button>
        ) : null}
      </div>
      {job.gate ? (
        <p className="gate-decided" data-testid="gate-decided">
          <span className="gate-decided__mark" aria-hidden="true">
            ✓
          </span>{' '}
          <strong>{job.gate.label}</strong>
          <span className="muted">
            {' '}
            — recorded {shortTime(job.gate.decidedAt)}
            {job.gate.decidedBy ? ` by ${job.gate.decidedBy.name}` : ''}
          </span>
        </p>
      ) : (
        <p className="muted">Choose how the radio is protected. The battery can be marked disconnected only after this.</p>
      )}
      {!decide.allowed && job.gate === null ? <p className="action-reason">{decide.reason}</p> : null}
      {showForm ? (
        <form className="gate-form" onSubmit={(event) => void submit(event)} aria-label="Pre-disconnect decision" noValidate>
          <fieldset className="gate-options">
            <legend className="visually-hidden">How is the radio protected?</legend>
            {GATE_OPTIONS.map((option, index) => {
              const why = problems[option]
              const checked = draft.option === option
              return (
                <div key={option} className={`gate-option${checked ? ' gate-option--chosen' : ''}${why ? ' gate-option--unavailable' : ''}`}>
                  <label className="choice">
                    <input
                      type="radio"
                      name={`gate-${job.id}`}
                      value={option}
                      checked={checked}
                      disabled={why !== null}
                      aria-describedby={why ? `gate-why-${option}` : undefined}
                      onChange={() => update(option === 'risk-accepted' && draft.acceptedBy === '' ? { option, acceptedBy: job.customer.name } : { option })}
                    />
                    <span className="choice__text">
                      <span className="choice__title">
                        {index + 1}. {GATE_OPTION_LABELS[option]}
                      </span>
                      {why ? (
                        <span className="choice__detail choice__detail--why" id={`gate-why-${option}`}>
                          {why}
                        </span>
                      ) : null}
                    </span>
                  </label>
                  {checked ? <GateOptionDetails option={option} draft={draft} update={update} detail={detail} acceptedBy={acceptedBy} fields={problem?.fields ?? {}} /> : null}
                </div>
              )
            })}
          </fieldset>
          {draft.option !== '' ? (
            <Field id={`gate-note-${job.id}`} label="Note" optional error={problem?.fields['note']} hint="Short; never a code or other long number.">
              {(control) => <input {...control} className="input" value={draft.note} onChange={(event) => update({ note: event.target.value })} />}
            </Field>
          ) : null}
          {problem ? (
            <Notice tone="error">
              <p>{problem.message}</p>
            </Notice>
          ) : null}
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={saving || draft.option === ''}>
              {saving ? 'Recording…' : 'Record the decision'}
            </button>
            {changing ? (
              <button type="button" className="button button--quiet" onClick={() => setChanging(false)}>
                Keep the current decision
              </button>
            ) : null}
          </div>
        </form>
      ) : null}
    </section>
  )
}

function GateOptionDetails({
  option,
  draft,
  update,
  detail,
  acceptedBy,
  fields,
}: {
  readonly option: GateOption
  readonly draft: GateDraft
  readonly update: (patch: Partial<GateDraft>) => void
  readonly detail: BatteryJobDetail
  readonly acceptedBy: string
  readonly fields: Readonly<Record<string, string>>
}) {
  const id = detail.job.id
  switch (option) {
    case 'code-on-file':
      return (
        <p className="gate-option__details muted">
          {detail.codeSituation.code?.verified ? 'The code on file has worked in this radio.' : 'The code on file came from the owner’s code card.'}
        </p>
      )
    case 'no-code-needed':
      return (
        <div className="gate-option__details choice-list" role="radiogroup" aria-label="Why no code is needed">
          {NO_CODE_REASONS.map((reason) => {
            const why = reasonProblem(detail, reason)
            return (
              <label key={reason} className="choice choice--small">
                <input
                  type="radio"
                  name={`gate-reason-${id}`}
                  checked={draft.reason === reason}
                  disabled={why !== null}
                  onChange={() => update({ reason })}
                />
                <span className="choice__text">
                  <span>{NO_CODE_REASON_LABELS[reason]}</span>
                  {why ? <span className="choice__detail choice__detail--why">{why}</span> : null}
                </span>
              </label>
            )
          })}
          {fields['reason'] ? <p className="field__error">{fields['reason']}</p> : null}
        </div>
      )
    case 'memory-saver': {
      const caveat = draft.connection === '' ? null : MEMORY_SAVER_CAVEATS[draft.connection]
      return (
        <div className="gate-option__details">
          <div className="choice-list" role="radiogroup" aria-label="Where is the memory saver connected?">
            {MEMORY_SAVER_CONNECTIONS.map((connection) => (
              <label key={connection} className="choice choice--small">
                <input
                  type="radio"
                  name={`gate-connection-${id}`}
                  checked={draft.connection === connection}
                  onChange={() => update({ connection })}
                />
                <span>{MEMORY_SAVER_CONNECTION_LABELS[connection]}</span>
              </label>
            ))}
          </div>
          {fields['connection'] ? <p className="field__error">{fields['connection']}</p> : null}
          {caveat ? <p className="job-caution">{caveat}</p> : null}
          <ul className="gate-caveats">
            {MEMORY_SAVER_GENERAL_CAVEATS.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
          <label className="check-row">
            <input type="checkbox" checked={draft.indicatorChecked} onChange={(event) => update({ indicatorChecked: event.target.checked })} />
            <span>The memory saver’s indicator shows power</span>
          </label>
          {fields['indicatorChecked'] ? <p className="field__error">{fields['indicatorChecked']}</p> : null}
        </div>
      )
    }
    case 'risk-accepted':
      return (
        <div className="gate-option__details">
          <blockquote className="risk-statement" data-testid="risk-statement">
            {RISK_STATEMENT}
          </blockquote>
          <Field id={`gate-accepted-by-${id}`} label="Who accepted the risk" error={fields['acceptedBy']}>
            {(control) => (
              <input {...control} className="input input--medium" value={acceptedBy} onChange={(event) => update({ acceptedBy: event.target.value })} />
            )}
          </Field>
          <div className="choice-list choice-list--row" role="radiogroup" aria-label="How did they accept?">
            {RISK_ACCEPTANCE_CHANNELS.map((how) => (
              <label key={how} className="choice choice--small">
                <input type="radio" name={`gate-how-${id}`} checked={draft.how === how} onChange={() => update({ how })} />
                <span>{RISK_ACCEPTANCE_CHANNEL_LABELS[how]}</span>
              </label>
            ))}
          </div>
          {fields['how'] ? <p className="field__error">{fields['how']}</p> : null}
        </div>
      )
  }
}
