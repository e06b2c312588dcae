import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import type { RelatedRecord } from '../../../../shared/api/errors'
import { describeVehicle, type Vehicle } from '../../../../shared/domain/vehicle'
import { validateVin } from '../../../../shared/domain/vin'
import { consumeArrivalFocus } from '../../app/arrival-focus'
import { hrefFor } from '../../app/routes'
import { CustomerPicker } from '../../components/CustomerPicker'
import { Field } from '../../components/Field'
import { Kbd } from '../../components/Kbd'
import { Notice } from '../../components/Notice'
import { SaveProblems } from '../../components/SaveProblems'
import { ApiCallError, api, errorMessage } from '../../lib/api'
import { clearDraft, useDraft } from '../../lib/drafts'
import { useRadioGuidance } from '../../lib/knowledge'
import { whenPointerSettles } from '../../lib/pointer-settle'
import { RadioGuidancePanel } from '../radio-knowledge/RadioGuidancePanel'
import { DecodeSuggestions } from './DecodeSuggestions'
import { useVinLookups } from './use-vin-lookups'
import {
  applySuggestion,
  changedVehicleFields,
  controlId,
  emptyVehicleDraft,
  FIELD_LABELS,
  FIELD_ORDER,
  isVehicleDraft,
  isVehicleDraftEmpty,
  parseYear,
  serverVehicleErrors,
  suggestionRows,
  toVehicleFields,
  validateVehicleDraft,
  vehicleDraftFrom,
  type SuggestField,
  type TextField,
  type VehicleDraft,
  type VehicleFieldErrors,
  type VehicleFieldKey,
} from './vehicle-draft'
import { VinField } from './VinField'

export type VehicleFormMode =
  | { readonly kind: 'new'; readonly owner: { readonly id: number; readonly name: string } | null }
  | { readonly kind: 'edit'; readonly vehicle: Vehicle }

interface Props {
  readonly mode: VehicleFormMode
  readonly onSaved: (vehicle: Vehicle, changed: boolean, ownerName: string) => void
}

function focusVin(): void {
  document.getElementById('vehicle-vin')?.focus()
}

function focusControl(key: VehicleFieldKey): void {
  const control = document.getElementById(controlId(key))
  control?.focus({ preventScroll: true })
  control?.scrollIntoView({ block: 'center' })
}

/**
 * Add or edit a vehicle. The VIN box takes scans; once the VIN is usable the
 * form checks (in the background) whether it is already on file and what the
 * offline decoder suggests. Radio guidance follows the make, model and year
 * as they are typed. Nothing typed is lost: the draft outlives leaving the
 * screen and any failed save.
 */
export function VehicleForm({ mode, onSaved }: Props) {
  const editing = mode.kind === 'edit' ? mode.vehicle : null
  const owner = mode.kind === 'new' ? mode.owner : null
  const draftKey = editing ? `vehicles.edit.${editing.id}` : `vehicles.new.${owner ? owner.id : 'any'}`
  const initial = () => (editing ? vehicleDraftFrom(editing) : emptyVehicleDraft(owner))
  const [draft, setDraft] = useDraft<VehicleDraft>(draftKey, initial, isVehicleDraft)
  const [base] = useDraft<VehicleDraft>(`${draftKey}.base`, initial, isVehicleDraft)
  const [restored] = useState(() =>
    editing ? Object.keys(changedVehicleFields(draft, base)).length > 0 : !isVehicleDraftEmpty(draft),
  )
  const [edited, setEdited] = useState<ReadonlySet<VehicleFieldKey>>(() => new Set())
  const [touched, setTouched] = useState<ReadonlySet<VehicleFieldKey>>(() => new Set())
  const [submitted, setSubmitted] = useState(false)
  const [serverErrors, setServerErrors] = useState<VehicleFieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [duplicateOf, setDuplicateOf] = useState<{ message: string; related: RelatedRecord } | null>(null)
  const [saving, setSaving] = useState(false)
  const savingRef = useRef(false)
  const pickerRef = useRef<HTMLInputElement | null>(null)

  const vinCheck = useMemo(() => validateVin(draft.vin), [draft.vin])
  const vinUsable = vinCheck.valid && vinCheck.vin.length === 17
  const lookups = useVinLookups(vinCheck.vin, vinUsable, editing?.id ?? null)
  const duplicate = lookups.duplicate.status === 'done' ? lookups.duplicate.value : null
  const suggestion = lookups.decode.status === 'done' ? lookups.decode.value : null

  const year = parseYear(draft.year)
  const guidance = useRadioGuidance(
    draft.make.trim() === '' ? null : { make: draft.make, model: draft.model, year: year.ok ? year.year : null },
  )

  const clientErrors = useMemo(() => {
    const errors: Partial<Record<VehicleFieldKey, string>> = { ...validateVehicleDraft(draft) }
    if (!editing && draft.ownerId === null) errors.ownerId = 'Choose the customer who owns this vehicle.'
    if (duplicate) errors.vin = 'This VIN is already on file. Open that vehicle instead of adding it again.'
    if (!errors.vin && draft.vin.trim() === '' && draft.make.trim() === '' && draft.plate.trim() === '') {
      errors.vin = 'Enter the VIN (or at least the make or the plate) so this vehicle can be found again.'
    }
    return errors
  }, [draft, editing, duplicate])

  useEffect(() => {
    consumeArrivalFocus()
    if (!editing && draft.ownerId === null) pickerRef.current?.focus()
    else focusVin()
    // Only when the form opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const errorFor = (key: VehicleFieldKey): string | undefined => {
    if (serverErrors[key]) return serverErrors[key]
    return submitted || touched.has(key) ? clientErrors[key] : undefined
  }

  const visibleErrors = FIELD_ORDER.flatMap((key) => {
    const message = errorFor(key)
    return message && (submitted || key in serverErrors) ? [{ key, message }] : []
  })

  const forget = (key: VehicleFieldKey) => {
    if (duplicateOf) setDuplicateOf(null)
    if (key in serverErrors || 'form' in serverErrors) {
      setServerErrors((current) => {
        const next = { ...current }
        delete next[key]
        delete next.form
        return next
      })
    }
  }

  const setField = (key: TextField, value: string) => {
    setDraft((current) => ({
      ...current,
      [key]: value,
      // Typed by hand: a later decode must ask before replacing it.
      suggested: current.suggested.filter((field) => field !== key),
    }))
    if (!edited.has(key)) setEdited((current) => new Set(current).add(key))
    forget(key)
  }

  const touch = (key: VehicleFieldKey) => {
    if (edited.has(key) && !touched.has(key)) whenPointerSettles(() => setTouched((current) => new Set(current).add(key)))
  }

  const acceptSuggestions = () => {
    if (!suggestion) return
    setDraft((current) => applySuggestion(current, suggestion))
  }

  const replaceWithSuggestion = (field: SuggestField) => {
    if (!suggestion) return
    setDraft((current) => applySuggestion(current, suggestion, field))
    forget(field)
  }

  const finish = (vehicle: Vehicle, changed: boolean) => {
    clearDraft(draftKey)
    clearDraft(`${draftKey}.base`)
    onSaved(vehicle, changed, vehicle.currentOwner?.name ?? draft.ownerName)
  }

  const save = async () => {
    if (savingRef.current) return
    setSubmitted(true)
    setFormError(null)
    setDuplicateOf(null)
    const first = FIELD_ORDER.find((key) => key in clientErrors)
    if (first) {
      setServerErrors({})
      focusControl(first)
      return
    }
    savingRef.current = true
    setSaving(true)
    try {
      if (editing) {
        const patch = changedVehicleFields(draft, base)
        if (Object.keys(patch).length === 0) {
          finish(editing, false)
          return
        }
        finish(await api.vehicles.update({ id: editing.id, ...patch }), true)
      } else if (draft.ownerId !== null) {
        finish(await api.vehicles.create({ ownerId: draft.ownerId, ...toVehicleFields(draft) }), true)
      }
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'DUPLICATE' && error.related) {
        setDuplicateOf({ message: error.message, related: error.related })
        setServerErrors(serverVehicleErrors(error.fields))
        focusControl('vin')
      } else if (error instanceof ApiCallError && error.code === 'VALIDATION' && error.fields.length > 0) {
        const errors = serverVehicleErrors(error.fields)
        setServerErrors(errors)
        const firstServer = FIELD_ORDER.find((key) => key in errors)
        if (firstServer) focusControl(firstServer)
      } else {
        setFormError(errorMessage(error))
      }
    } finally {
      savingRef.current = false
      setSaving(false)
    }
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    void save()
  }

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      void save()
    } else if (event.altKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyU' && suggestion) {
      event.preventDefault()
      acceptSuggestions()
    }
  }

  const text = (key: Exclude<TextField, 'vin' | 'notes'>, options: { optional?: boolean; className?: string; inputMode?: 'numeric'; maxLength?: number; upper?: boolean } = {}) => (
    <Field id={controlId(key)} label={FIELD_LABELS[key]} optional={options.optional ?? false} error={errorFor(key)} className={options.className}>
      {(control) => (
        <input
          {...control}
          className={`input${draft.suggested.includes(key as SuggestField) ? ' input--suggested' : ''}`}
          type="text"
          autoComplete="off"
          spellCheck={false}
          inputMode={options.inputMode}
          maxLength={options.maxLength}
          value={draft[key]}
          onChange={(event) => setField(key, options.upper ? event.target.value.toUpperCase() : event.target.value)}
          onBlur={() => touch(key)}
        />
      )}
    </Field>
  )

  const titleId = editing ? 'edit-vehicle-title' : 'new-vehicle-title'
  const vehicleText = describeVehicle({ id: editing?.id ?? 0, year: year.ok ? year.year : null, make: draft.make, model: draft.model })
  const conflicts = suggestion ? suggestionRows(suggestion, draft).filter((row) => row.status === 'conflict').length : 0

  return (
    <form className="vehicle-form" noValidate onSubmit={onSubmit} onKeyDown={onKeyDown} aria-labelledby={titleId}>
      <div className="vehicle-form__main">
        <h2 id={titleId} className="vehicle-form__title">
          {editing ? `Edit ${describeVehicle(editing)}` : draft.ownerId !== null ? `New vehicle for ${draft.ownerName}` : 'New vehicle'}
        </h2>
        {restored ? (
          <Notice tone="info">
            <p>{editing ? 'Restored your unsaved changes.' : 'Restored what you typed earlier.'}</p>
          </Notice>
        ) : null}
        <SaveProblems
          formError={formError}
          duplicateOf={duplicateOf}
          fieldProblems={submitted ? visibleErrors.map(({ key, message }) => ({ key, message, label: FIELD_LABELS[key] })) : []}
          onFocusField={(key) => focusControl(key)}
        />

        {!editing ? (
          draft.ownerId !== null ? (
            <p className="vehicle-form__owner">
              <span className="vehicle-form__owner-label">Owner</span>
              <a href={hrefFor('customers', draft.ownerId)} className="vehicle-form__owner-name">
                {draft.ownerName}
              </a>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  setDraft((current) => ({ ...current, ownerId: null, ownerName: '' }))
                  requestAnimationFrame(() => pickerRef.current?.focus())
                }}
              >
                Change owner
              </button>
            </p>
          ) : (
            <CustomerPicker
              id={controlId('ownerId')}
              label="Owner"
              hint="Search by name or phone; ↑ ↓ and Enter pick."
              error={errorFor('ownerId')}
              inputRef={pickerRef}
              onPick={(customer) => {
                setDraft((current) => ({ ...current, ownerId: customer.id, ownerName: customer.name }))
                forget('ownerId')
                requestAnimationFrame(() => focusVin())
              }}
            />
          )
        ) : null}

        <VinField
          value={draft.vin}
          validation={vinCheck}
          showErrors={submitted || touched.has('vin')}
          formError={serverErrors.vin ?? (!duplicate && vinCheck.errors.length === 0 && (submitted || touched.has('vin')) ? clientErrors.vin : undefined)}
          onChange={(vin) => setField('vin', vin)}
          onAccept={() => touch('vin')}
          onBlur={() => touch('vin')}
        />

        {duplicate ? (
          <Notice tone="warning" title="This VIN is already on file" testId="vin-duplicate">
            <p>
              This VIN is already on file: {describeVehicle(duplicate)}
              {duplicate.currentOwner ? `, owner ${duplicate.currentOwner.name}` : ''} —{' '}
              <a href={hrefFor('vehicles', duplicate.id)}>Open it</a>
            </p>
            <p className="muted">
              If the car changed hands, open it and use <strong>Transfer to new owner</strong>; its radio and history go with it.
            </p>
          </Notice>
        ) : null}

        <DecodeSuggestions state={lookups.decode} draft={draft} onUse={acceptSuggestions} onReplace={replaceWithSuggestion} />

        <p className="field__hint vehicle-form__hint">Fill in what you know: the VIN, the make or the plate is enough to save.</p>
        <div className="vehicle-form__grid">
          {text('year', { className: 'vehicle-form__year', inputMode: 'numeric', maxLength: 4 })}
          {text('make', { className: 'vehicle-form__wide' })}
          {text('model', { className: 'vehicle-form__model' })}
          {text('trim', { className: 'vehicle-form__half' })}
          {text('engine', { className: 'vehicle-form__half' })}
          {text('plate', { className: 'vehicle-form__plate', upper: true, maxLength: 12 })}
          {text('plateState', { className: 'vehicle-form__state', upper: true, maxLength: 3 })}
          {text('colour', { className: 'vehicle-form__colour' })}
        </div>
        {conflicts > 0 ? (
          <p className="field__hint">
            {conflicts === 1 ? 'One field differs' : `${conflicts} fields differ`} from the VIN; what you typed is kept unless you choose otherwise above.
          </p>
        ) : null}

        <Field id="vehicle-notes" label="Notes" optional error={errorFor('notes')}>
          {(control) => (
            <textarea
              {...control}
              className="input vehicle-form__notes"
              rows={2}
              value={draft.notes}
              onChange={(event) => setField('notes', event.target.value)}
              onBlur={() => touch('notes')}
            />
          )}
        </Field>

        <div className="form-actions">
          <button type="submit" className="button button--primary" aria-disabled={saving}>
            {saving ? 'Saving…' : editing ? 'Save changes' : 'Save vehicle'}
          </button>
          <span className="form-actions__hint">
            <Kbd keys="Enter" /> saves; in the VIN box it accepts a scan
          </span>
          <a
            className="button button--quiet form-actions__end"
            href={editing ? hrefFor('vehicles', editing.id) : owner ? hrefFor('customers', owner.id) : hrefFor('vehicles')}
            onClick={() => {
              clearDraft(draftKey)
              clearDraft(`${draftKey}.base`)
            }}
          >
            Cancel
          </a>
        </div>
      </div>
      <aside className="vehicle-form__aside" aria-label="Radio guidance">
        <RadioGuidancePanel state={guidance} vehicleText={vehicleText} />
      </aside>
    </form>
  )
}
