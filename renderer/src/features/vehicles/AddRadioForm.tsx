import { useEffect, useRef, useState, type FormEvent } from 'react'
import type { RadioSummary } from '../../../../shared/domain/radio'
import { newRadioSchema } from '../../../../shared/domain/radio'
import type { VehicleDetail } from '../../../../shared/domain/vehicle'
import { Field } from '../../components/Field'
import { Kbd } from '../../components/Kbd'
import { Notice } from '../../components/Notice'
import { ApiCallError, api, errorMessage } from '../../lib/api'
import { clearDraft, useDraft } from '../../lib/drafts'
import { firstMessageByKey } from '../../lib/field-errors'

interface RadioDraft {
  readonly serial: string
  readonly headUnit: string
  readonly reason: string
}

function isRadioDraft(value: unknown): value is RadioDraft {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return typeof v['serial'] === 'string' && typeof v['headUnit'] === 'string' && typeof v['reason'] === 'string'
}

type Errors = Partial<Record<'serial' | 'headUnit' | 'reason' | 'form', string>>

function validate(vehicleId: number, draft: RadioDraft): Errors {
  const errors: Errors = {}
  const result = newRadioSchema.safeParse({ vehicleId, serial: draft.serial, headUnit: draft.headUnit, replacesReason: draft.reason })
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? 'form')
      const field = key === 'replacesReason' ? 'reason' : key === 'serial' || key === 'headUnit' ? key : 'form'
      errors[field] ??= issue.message
    }
  }
  if (!errors.serial && draft.serial.trim() === '' && draft.headUnit.trim() === '') {
    errors.serial = 'Enter the radio serial, or at least describe the head unit.'
  }
  return errors
}

interface Props {
  readonly vehicleId: number
  readonly installed: RadioSummary | null
  readonly onDone: (detail: VehicleDetail) => void
  readonly onCancel: () => void
}

/** Records the radio in the car. A radio already installed is kept as history, never deleted. */
export function AddRadioForm({ vehicleId, installed, onDone, onCancel }: Props) {
  const draftKey = `radios.new.${vehicleId}`
  const [draft, setDraft] = useDraft<RadioDraft>(draftKey, () => ({ serial: '', headUnit: '', reason: '' }), isRadioDraft)
  const [submitted, setSubmitted] = useState(false)
  const [serverErrors, setServerErrors] = useState<Errors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const serialRef = useRef<HTMLInputElement>(null)
  const errors = submitted ? { ...validate(vehicleId, draft), ...serverErrors } : serverErrors

  useEffect(() => {
    serialRef.current?.focus()
  }, [])

  const set = (key: keyof RadioDraft, value: string) => {
    setDraft((current) => ({ ...current, [key]: value }))
    if (serverErrors[key === 'reason' ? 'reason' : key]) setServerErrors({})
  }

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (saving) return
    setSubmitted(true)
    setFormError(null)
    const problems = validate(vehicleId, draft)
    const first = (['serial', 'headUnit', 'reason'] as const).find((key) => problems[key])
    if (first) {
      document.getElementById(`radio-${first}`)?.focus()
      return
    }
    setSaving(true)
    try {
      const detail = await api.radios.add({ vehicleId, serial: draft.serial, headUnit: draft.headUnit, replacesReason: draft.reason })
      clearDraft(draftKey)
      onDone(detail)
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'VALIDATION' && error.fields.length > 0) {
        setServerErrors(
          firstMessageByKey(error.fields, (path) => {
            const key = path.split('.')[0]
            return key === 'headUnit' ? 'headUnit' : key === 'replacesReason' ? 'reason' : key === 'serial' ? 'serial' : 'form'
          }),
        )
      } else {
        setFormError(errorMessage(error))
      }
    } finally {
      setSaving(false)
    }
  }

  return (
    <form className="panel radio-form" noValidate onSubmit={(event) => void onSubmit(event)} aria-labelledby="radio-form-title">
      <h3 id="radio-form-title" className="panel__title">
        {installed ? 'Replace the radio' : 'Add the radio'}
      </h3>
      {installed ? (
        <p className="panel__lead">
          The radio installed now{installed.serial ? ` (serial ${installed.serial})` : ''} is kept as history, with its code
          status.
        </p>
      ) : null}
      {formError ? (
        <Notice tone="error" title="Not saved">
          <p>{formError}</p>
          <p>Everything you typed is still here.</p>
        </Notice>
      ) : null}
      {errors.form ? (
        <Notice tone="error">
          <p>{errors.form}</p>
        </Notice>
      ) : null}
      <div className="radio-form__grid">
        <Field id="radio-serial" label="Radio serial" error={errors.serial} hint="As on the radio’s label or display, e.g. 30012345.">
          {(control) => (
            <input
              {...control}
              ref={serialRef}
              className="input radio-form__serial"
              type="text"
              autoComplete="off"
              spellCheck={false}
              maxLength={40}
              value={draft.serial}
              onChange={(event) => set('serial', event.target.value.toUpperCase())}
            />
          )}
        </Field>
        <Field id="radio-headUnit" label="Head unit" optional error={errors.headUnit} hint="What it is, e.g. factory CD, 6-disc changer, navigation.">
          {(control) => (
            <input
              {...control}
              className="input"
              type="text"
              autoComplete="off"
              maxLength={80}
              value={draft.headUnit}
              onChange={(event) => set('headUnit', event.target.value)}
            />
          )}
        </Field>
      </div>
      {installed ? (
        <Field id="radio-reason" label="Why was the old radio replaced?" optional error={errors.reason}>
          {(control) => (
            <input
              {...control}
              className="input"
              type="text"
              autoComplete="off"
              maxLength={200}
              value={draft.reason}
              onChange={(event) => set('reason', event.target.value)}
            />
          )}
        </Field>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button--primary" aria-disabled={saving}>
          {saving ? 'Saving…' : installed ? 'Save replacement radio' : 'Save radio'}
        </button>
        <span className="form-actions__hint">
          <Kbd keys="Enter" /> saves
        </span>
        <button type="button" className="button button--quiet form-actions__end" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
