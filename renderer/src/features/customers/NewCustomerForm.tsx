import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import type { Customer } from '../../../../shared/domain/customer'
import { consumeArrivalFocus } from '../../app/arrival-focus'
import { Field } from '../../components/Field'
import { Kbd } from '../../components/Kbd'
import { Notice } from '../../components/Notice'
import { ApiCallError, api, errorMessage } from '../../lib/api'
import { clearDraft, useDraft } from '../../lib/drafts'
import { whenPointerSettles } from '../../lib/pointer-settle'
import {
  controlIdFor,
  emptyCustomerDraft,
  fieldLabel,
  fieldOrder,
  isCustomerDraft,
  isDraftEmpty,
  newPhoneDraft,
  serverFieldErrors,
  toCustomerInput,
  validateCustomerDraft,
  type CustomerDraft,
  type FieldErrors,
  type FieldKey,
  type PhoneDraft,
} from './customer-draft'
import { LanguageChoice } from './LanguageChoice'
import { PhoneFields } from './PhoneFields'

const DRAFT_KEY = 'customers.new'

interface Props {
  readonly onCreated: (customer: Customer) => void
}

/** Puts the cursor in a field, scrolled to the middle so its label and message show too. */
function focusControl(key: FieldKey, draft: CustomerDraft): void {
  const control = document.getElementById(controlIdFor(key, draft))
  control?.focus({ preventScroll: true })
  control?.scrollIntoView({ block: 'center' })
}

/**
 * The "New customer" form. Checks as you type with the shared schema (messages
 * appear once a field was left or after Save), shows main's VALIDATION answers
 * next to the fields, and never drops what was typed: the draft outlives
 * leaving the screen and any failed save.
 */
export function NewCustomerForm({ onCreated }: Props) {
  const [draft, setDraft] = useDraft<CustomerDraft>(DRAFT_KEY, emptyCustomerDraft, isCustomerDraft)
  const [restored] = useState(() => !isDraftEmpty(draft))
  // A field's message shows once it was edited and then left (or after Save):
  // tabbing through an empty form does not scold, and nothing jumps under the pointer.
  const [edited, setEdited] = useState<ReadonlySet<FieldKey>>(() => new Set())
  const [touched, setTouched] = useState<ReadonlySet<FieldKey>>(() => new Set())
  const [submitted, setSubmitted] = useState(false)
  const [serverErrors, setServerErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const [cleared, setCleared] = useState<CustomerDraft | null>(null)
  const savingRef = useRef(false)
  const nameRef = useRef<HTMLInputElement>(null)

  const clientErrors = useMemo(() => validateCustomerDraft(draft), [draft])

  useEffect(() => {
    consumeArrivalFocus()
    nameRef.current?.focus()
  }, [])

  const errorFor = (key: FieldKey): string | undefined =>
    serverErrors[key] ?? (submitted || touched.has(key) ? clientErrors[key] : undefined)

  const visibleErrors = fieldOrder(draft).flatMap((key) => {
    const message = errorFor(key)
    return message ? [{ key, message }] : []
  })

  const forgetServerError = (...keys: FieldKey[]) => {
    if (keys.some((key) => key in serverErrors || 'form' in serverErrors)) {
      setServerErrors((current) => {
        const next = { ...current }
        for (const key of [...keys, 'form']) delete next[key]
        return next
      })
    }
  }

  const markEdited = (...keys: FieldKey[]) => {
    if (keys.some((key) => !edited.has(key))) setEdited((current) => new Set([...current, ...keys]))
  }

  const update = (patch: Partial<CustomerDraft>, ...keys: FieldKey[]) => {
    setDraft((current) => ({ ...current, ...patch }))
    setCleared(null)
    markEdited(...keys)
    forgetServerError(...keys)
  }

  const updatePhone = (rowKey: string, patch: Partial<Pick<PhoneDraft, 'label' | 'number'>>) => {
    setDraft((current) => ({
      ...current,
      phones: current.phones.map((phone) => (phone.key === rowKey ? { ...phone, ...patch } : phone)),
    }))
    setCleared(null)
    markEdited(`phones.${rowKey}.number`)
    forgetServerError(`phones.${rowKey}.number`, `phones.${rowKey}.label`, 'phones')
  }

  const touch = (key: FieldKey) => {
    if (edited.has(key) && !touched.has(key)) whenPointerSettles(() => setTouched((current) => new Set(current).add(key)))
  }

  const addPhone = () => {
    const phone = newPhoneDraft(draft.phones.length === 0 ? 'mobile' : 'home')
    setDraft((current) => ({ ...current, phones: [...current.phones, phone] }))
    // The new row's number box, once it exists.
    requestAnimationFrame(() => document.getElementById(`customer-phone-${phone.key}-number`)?.focus())
  }

  const removePhone = (rowKey: string) => {
    const index = draft.phones.findIndex((phone) => phone.key === rowKey)
    const remaining = draft.phones.filter((phone) => phone.key !== rowKey)
    setDraft((current) => ({ ...current, phones: current.phones.filter((phone) => phone.key !== rowKey) }))
    forgetServerError('phones')
    const neighbour = remaining[Math.min(index, remaining.length - 1)]
    requestAnimationFrame(() =>
      document.getElementById(neighbour ? `customer-phone-${neighbour.key}-number` : 'customer-add-phone')?.focus(),
    )
  }

  const clearForm = () => {
    setCleared(draft)
    setDraft(emptyCustomerDraft())
    setEdited(new Set())
    setTouched(new Set())
    setSubmitted(false)
    setServerErrors({})
    setFormError(null)
    nameRef.current?.focus()
  }

  const undoClear = () => {
    if (cleared) setDraft(cleared)
    setCleared(null)
    nameRef.current?.focus()
  }

  const save = async () => {
    if (savingRef.current) return
    setSubmitted(true)
    setFormError(null)
    const order = fieldOrder(draft)
    const firstClientProblem = order.find((key) => key in clientErrors)
    if (firstClientProblem) {
      setServerErrors({})
      focusControl(firstClientProblem, draft)
      return
    }
    savingRef.current = true
    setSaving(true)
    try {
      const customer = await api.customers.create(toCustomerInput(draft).input)
      clearDraft(DRAFT_KEY)
      setDraft(emptyCustomerDraft())
      onCreated(customer)
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'VALIDATION' && error.fields.length > 0) {
        const errors = serverFieldErrors(error.fields, draft)
        setServerErrors(errors)
        const first = order.find((key) => key in errors)
        if (first) focusControl(first, draft)
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
    }
  }

  return (
    <form className="customer-form" noValidate onSubmit={onSubmit} onKeyDown={onKeyDown} aria-labelledby="new-customer-title">
      <h2 id="new-customer-title" className="customer-form__title">
        New customer
      </h2>
      {restored && !cleared ? (
        <Notice tone="info">
          <p>Restored what you typed earlier.</p>
        </Notice>
      ) : null}
      {cleared ? (
        <Notice tone="info">
          <p>
            Form cleared.{' '}
            <button type="button" className="link-button" onClick={undoClear}>
              Undo
            </button>
          </p>
        </Notice>
      ) : null}
      {formError ? (
        <Notice tone="error" title="Not saved">
          <p>{formError}</p>
          <p>Everything you typed is still here.</p>
        </Notice>
      ) : null}
      {submitted && visibleErrors.length > 0 ? (
        <Notice tone="error" title={visibleErrors.length === 1 ? 'Check one field' : `Check ${visibleErrors.length} fields`}>
          <ul className="customer-form__summary">
            {visibleErrors.map(({ key, message }) => (
              <li key={key}>
                <button type="button" className="link-button" onClick={() => focusControl(key, draft)}>
                  {fieldLabel(key, draft)}
                </button>
                : {message}
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}

      <Field id="customer-name" label="Name" error={errorFor('name')}>
        {(control) => (
          <input
            {...control}
            ref={nameRef}
            className="input"
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={draft.name}
            onChange={(event) => update({ name: event.target.value }, 'name')}
            onBlur={() => touch('name')}
          />
        )}
      </Field>

      <PhoneFields
        phones={draft.phones}
        errorFor={errorFor}
        onChange={updatePhone}
        onBlur={touch}
        onAdd={addPhone}
        onRemove={removePhone}
      />

      <div className="customer-form__row">
        <Field id="customer-email" label="Email" optional error={errorFor('email')}>
          {(control) => (
            <input
              {...control}
              className="input"
              type="email"
              inputMode="email"
              autoComplete="off"
              spellCheck={false}
              value={draft.email}
              onChange={(event) => update({ email: event.target.value }, 'email')}
              onBlur={() => touch('email')}
            />
          )}
        </Field>

        <LanguageChoice
          value={draft.preferredLanguage}
          error={errorFor('preferredLanguage')}
          onChange={(preferredLanguage) => update({ preferredLanguage }, 'preferredLanguage')}
        />
      </div>

      <Field id="customer-notes" label="Notes" optional error={errorFor('notes')}>
        {(control) => (
          <textarea
            {...control}
            className="input customer-form__notes"
            rows={2}
            value={draft.notes}
            onChange={(event) => update({ notes: event.target.value }, 'notes')}
            onBlur={() => touch('notes')}
          />
        )}
      </Field>

      <div className="form-actions">
        <button type="submit" className="button button--primary" aria-disabled={saving}>
          {saving ? 'Saving…' : 'Save customer'}
        </button>
        <span className="form-actions__hint">
          <Kbd keys="Enter" /> saves; <Kbd keys="Ctrl+Enter" /> from notes
        </span>
        <button type="button" className="button button--quiet form-actions__end" onClick={clearForm} disabled={isDraftEmpty(draft)}>
          Clear form
        </button>
      </div>
    </form>
  )
}
