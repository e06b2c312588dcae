import { useState, type FormEvent } from 'react'
import {
  BATTERY_TEST_RESULT_LABELS,
  BATTERY_TEST_RESULTS,
  CODE_ENTRY_RESULT_LABELS,
  CODE_ENTRY_RESULTS,
  MEMORY_SAVER_CONNECTION_LABELS,
  MEMORY_SAVER_CONNECTIONS,
  REGISTRATION_RESULT_LABELS,
  REGISTRATION_RESULTS,
  type BatteryJobDetail,
  type BatteryTestResult,
  type Checklist,
  type CodeEntryResult,
  type JobChecklistPatchInput,
  type MemorySaverConnection,
  type RegistrationResult,
} from '../../../../shared/domain/battery-job'
import { Field } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { api, ApiCallError, errorMessage } from '../../lib/api'
import { clearDraft, useDraft } from '../../lib/drafts'

type YesNo = '' | 'yes' | 'no'

interface Values {
  readonly testResult: BatteryTestResult | ''
  readonly testerCode: string
  readonly saverUsed: YesNo
  readonly saverConnection: MemorySaverConnection | ''
  readonly replaced: YesNo
  readonly partNumber: string
  readonly size: string
  readonly registration: RegistrationResult | ''
  readonly askedForCode: YesNo
  readonly codeEntry: CodeEntryResult | ''
  readonly clockReset: YesNo
}

function yesNo(value: boolean | null): YesNo {
  return value === null ? '' : value ? 'yes' : 'no'
}

function fromChecklist(c: Checklist): Values {
  return {
    testResult: c.batteryTest?.result ?? '',
    testerCode: c.batteryTest?.testerCode ?? '',
    saverUsed: c.memorySaver ? (c.memorySaver.used ? 'yes' : 'no') : '',
    saverConnection: c.memorySaver?.connection ?? '',
    replaced: c.batteryInstalled ? 'yes' : c.registration === null && c.batteryInstalled === null ? '' : 'no',
    partNumber: c.batteryInstalled?.partNumber ?? '',
    size: c.batteryInstalled?.size ?? '',
    registration: c.registration ?? '',
    askedForCode: yesNo(c.reconnect.radioAskedForCode),
    codeEntry: c.reconnect.codeEntry ?? '',
    clockReset: yesNo(c.reconnect.clockPresetsReset),
  }
}

function isValues(value: unknown): value is Values | null {
  if (value === null) return true
  if (typeof value !== 'object') return false
  const v = value as Record<string, unknown>
  return typeof v['testResult'] === 'string' && typeof v['testerCode'] === 'string' && typeof v['askedForCode'] === 'string'
}

function bool(value: YesNo): boolean | null {
  return value === '' ? null : value === 'yes'
}

function toPatch(jobId: number, v: Values, disconnected: boolean): JobChecklistPatchInput {
  const patch: { -readonly [K in keyof JobChecklistPatchInput]: JobChecklistPatchInput[K] } = { jobId }
  if (v.testResult !== '') patch.batteryTest = { result: v.testResult, testerCode: v.testerCode }
  if (v.saverUsed === 'no') patch.memorySaver = { used: false, connection: null }
  else if (v.saverUsed === 'yes') patch.memorySaver = { used: true, connection: v.saverConnection === '' ? null : v.saverConnection }
  if (disconnected) {
    if (v.replaced === 'yes') {
      patch.batteryInstalled = { partNumber: v.partNumber, size: v.size }
      if (v.registration !== '') patch.registration = v.registration
    } else if (v.replaced === 'no') {
      patch.batteryInstalled = null
      patch.registration = null
    }
    patch.reconnect = {
      radioAskedForCode: bool(v.askedForCode),
      codeEntry: v.askedForCode === 'yes' && v.codeEntry !== '' ? v.codeEntry : null,
      clockPresetsReset: bool(v.clockReset),
    }
  }
  return patch
}

function YesNoChoice({ name, label, value, onChange }: { readonly name: string; readonly label: string; readonly value: YesNo; readonly onChange: (v: YesNo) => void }) {
  return (
    <div className="checklist-row" role="radiogroup" aria-label={label}>
      <span className="checklist-row__label">{label}</span>
      <span className="choice-list choice-list--row">
        {(['yes', 'no'] as const).map((option) => (
          <label key={option} className="choice choice--small">
            <input type="radio" name={name} checked={value === option} onChange={() => onChange(option)} />
            <span>{option === 'yes' ? 'Yes' : 'No'}</span>
          </label>
        ))}
      </span>
    </div>
  )
}

interface Props {
  readonly detail: BatteryJobDetail
  readonly onChanged: (detail: BatteryJobDetail) => void
}

/** The technician's checklist. Typed answers are kept as a draft until saved. */
export function ChecklistPanel({ detail, onChanged }: Props) {
  const { job, actions } = detail
  const draftKey = `jobs.checklist:${job.id}`
  const [draft, setDraft] = useDraft<Values | null>(draftKey, () => null, isValues)
  const [saving, setSaving] = useState(false)
  const [saved, setSaved] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const values = draft ?? fromChecklist(job.checklist)
  const disconnected = job.batteryDisconnectedAt !== null
  const editable = actions['record-checklist'].allowed
  const set = (patch: Partial<Values>) => {
    setSaved(false)
    setDraft({ ...values, ...patch })
  }
  const n = job.id

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (saving) return
    setSaving(true)
    setProblem(null)
    try {
      const next = await api.jobs.recordChecklist(toPatch(job.id, values, disconnected))
      clearDraft(draftKey)
      setDraft(null)
      setSaved(true)
      onChanged(next)
    } catch (error) {
      const fields = error instanceof ApiCallError ? error.fields.map((f) => f.message).filter((m) => m !== errorMessage(error)) : []
      setProblem([errorMessage(error), ...fields].join(' '))
    } finally {
      setSaving(false)
    }
  }

  return (
    <section className="job-section" aria-labelledby="checklist-title" data-testid="checklist">
      <h3 id="checklist-title" className="record-section__title">
        Technician’s checklist
      </h3>
      {!editable ? <p className="action-reason">{actions['record-checklist'].reason}</p> : null}
      <form className="checklist" onSubmit={(event) => void submit(event)} aria-label="Technician’s checklist" noValidate>
        <fieldset className="checklist__group" disabled={!editable}>
          <legend className="checklist__legend">Battery test</legend>
          <div className="choice-list choice-list--row" role="radiogroup" aria-label="Battery test result">
            {BATTERY_TEST_RESULTS.map((result) => (
              <label key={result} className="choice choice--small">
                <input type="radio" name={`test-${n}`} checked={values.testResult === result} onChange={() => set({ testResult: result })} />
                <span>{BATTERY_TEST_RESULT_LABELS[result]}</span>
              </label>
            ))}
          </div>
          <Field id={`tester-code-${n}`} label="Tester’s code" optional hint="As the battery tester prints it (not the radio code).">
            {(control) => (
              <input {...control} className="input input--medium" autoComplete="off" value={values.testerCode} onChange={(event) => set({ testerCode: event.target.value })} />
            )}
          </Field>
        </fieldset>

        <fieldset className="checklist__group" disabled={!editable}>
          <legend className="checklist__legend">Memory saver</legend>
          <YesNoChoice name={`saver-${n}`} label="Memory saver used?" value={values.saverUsed} onChange={(v) => set({ saverUsed: v, saverConnection: v === 'no' ? '' : values.saverConnection })} />
          {values.saverUsed === 'yes' ? (
            <div className="choice-list choice-list--row" role="radiogroup" aria-label="Memory saver kind">
              {MEMORY_SAVER_CONNECTIONS.map((connection) => (
                <label key={connection} className="choice choice--small">
                  <input type="radio" name={`saver-kind-${n}`} checked={values.saverConnection === connection} onChange={() => set({ saverConnection: connection })} />
                  <span>{MEMORY_SAVER_CONNECTION_LABELS[connection]}</span>
                </label>
              ))}
            </div>
          ) : null}
        </fieldset>

        {disconnected ? (
          <>
            <fieldset className="checklist__group" disabled={!editable}>
              <legend className="checklist__legend">Battery</legend>
              <YesNoChoice name={`replaced-${n}`} label="New battery installed?" value={values.replaced} onChange={(v) => set({ replaced: v })} />
              {values.replaced === 'yes' ? (
                <>
                  <div className="checklist__pair">
                    <Field id={`part-${n}`} label="Part number" optional>
                      {(control) => <input {...control} className="input" value={values.partNumber} onChange={(event) => set({ partNumber: event.target.value })} />}
                    </Field>
                    <Field id={`size-${n}`} label="Size" optional hint="Group size, e.g. H6, 51R, 24F.">
                      {(control) => <input {...control} className="input" value={values.size} onChange={(event) => set({ size: event.target.value })} />}
                    </Field>
                  </div>
                  <div className="choice-list" role="radiogroup" aria-label="Battery registration or coding">
                    {REGISTRATION_RESULTS.map((result) => (
                      <label key={result} className="choice choice--small">
                        <input type="radio" name={`registration-${n}`} checked={values.registration === result} onChange={() => set({ registration: result })} />
                        <span>{REGISTRATION_RESULT_LABELS[result]}</span>
                      </label>
                    ))}
                  </div>
                </>
              ) : null}
            </fieldset>

            <fieldset className="checklist__group" disabled={!editable}>
              <legend className="checklist__legend">After reconnecting</legend>
              <YesNoChoice
                name={`asked-${n}`}
                label="Did the radio ask for a code?"
                value={values.askedForCode}
                onChange={(v) => set({ askedForCode: v, codeEntry: v === 'no' ? '' : values.codeEntry })}
              />
              {values.askedForCode === 'yes' ? (
                <div className="choice-list" role="radiogroup" aria-label="Code entered?">
                  {CODE_ENTRY_RESULTS.map((result) => (
                    <label key={result} className="choice choice--small">
                      <input type="radio" name={`entry-${n}`} checked={values.codeEntry === result} onChange={() => set({ codeEntry: result })} />
                      <span>{CODE_ENTRY_RESULT_LABELS[result]}</span>
                    </label>
                  ))}
                </div>
              ) : null}
              <YesNoChoice name={`clock-${n}`} label="Clock and presets reset?" value={values.clockReset} onChange={(v) => set({ clockReset: v })} />
            </fieldset>
          </>
        ) : (
          <p className="muted">The new battery and the after-reconnecting checks open once the battery is marked disconnected.</p>
        )}

        {problem ? (
          <Notice tone="error" title="Checklist not saved">
            <p>{problem}</p>
          </Notice>
        ) : null}
        {editable ? (
          <div className="form-actions">
            <button type="submit" className="button" disabled={saving || draft === null}>
              {saving ? 'Saving…' : 'Save checklist'}
            </button>
            <span className="form-actions__hint" role="status">
              {draft !== null ? 'Not saved yet (kept as a draft if you leave).' : saved ? 'Checklist saved.' : ''}
            </span>
          </div>
        ) : null}
      </form>
    </section>
  )
}
