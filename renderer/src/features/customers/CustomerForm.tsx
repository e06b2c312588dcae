import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import type { RelatedRecord } from '../../../../shared/api/errors'
import type { Customer } from '../../../../shared/domain/customer'
import { consumeArrivalFocus } from '../../app/arrival-focus'
import { hrefFor } from '../../app/routes'
import { Field } from '../../components/Field'
import { Kbd } from '../../components/Kbd'
import { Notice } from '../../components/Notice'
import { SaveProblems } from '../../components/SaveProblems'
import { ApiCallError, api, errorMessage } from '../../lib/api'
import { clearDraft, useDraft } from '../../lib/drafts'
import { clearFlash, peekFlash } from '../../lib/flash'
import { whenPointerSettles } from '../../lib/pointer-settle'
import {
  changedCustomerFields,
  controlIdFor,
  customerDraftFrom,
  emptyCustomerDraft,
  fieldLabel,
  fieldOrder,
  isCustomerDraft,
  isDraftEmpty,
  newPhoneDraft,
  phoneKey,
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
import { usePhoneDuplicates } from './use-phone-duplicates'

export const NEW_CUSTOMER_DRAFT_KEY = 'customers.new'
/** Flash key: the new-customer draft was filled in from a search. */
export const NEW_CUSTOMER_PREFILLED = 'customers.new.prefilled'

export type CustomerFormMode = { readonly kind: 'new' } | { readonly kind: 'edit'; readonly customer: Customer }

interface Props {
  readonly mode: CustomerFormMode
  /** After a save: the customer as saved (for edits, also whether anything changed). */
  readonly onSaved: (customer: { readonly id: number; readonly name: string }, changed: boolean) => void
}

/** Puts the cursor in a field, scrolled to the middle so its label and message show too. */
function focusControl(key: FieldKey, draft: CustomerDraft): void {
  const control = document.getElementById(controlIdFor(key, draft))
  control?.focus({ preventScroll: true })
  control?.scrollIntoView({ block: 'center' })
}

function sameDraft(a: CustomerDraft, b: CustomerDraft): boolean {
  return Object.keys(changedCustomerFields(a, b)).length === 0
}

/**
 * The customer form, for a new customer or an edit. Checks as you type with
 * the shared schema (messages appear once a field was left or after Save),
 * warns while typing when a phone number is already on file for someone else,
 * shows main's VALIDATION and DUPLICATE answers next to the fields, and never
 * drops what was typed: the draft outlives leaving the screen and any failed save.
 */
export function CustomerForm({ mode, onSaved }: Props) {
  const editing = mode.kind === 'edit' ? mode.customer : null
  const draftKey = editing ? `customers.edit.${editing.id}` : NEW_CUSTOMER_DRAFT_KEY
  const [draft, setDraft] = useDraft<CustomerDraft>(
    draftKey,
    () => (editing ? customerDraftFrom(editing) : emptyCustomerDraft()),
    isCustomerDraft,
  )
  // What the edit started from: only fields changed since then are sent.
  const [base] = useDraft<CustomerDraft>(
    `${draftKey}.base`,
    () => (editing ? customerDraftFrom(editing) : emptyCustomerDraft()),
    isCustomerDraft,
  )
  const [prefilled] = useState(() => !editing && peekFlash(NEW_CUSTOMER_PREFILLED) !== null)
  const [restored] = useState(() => !prefilled && (editing ? !sameDraft(draft, base) : !isDraftEmpty(draft)))
  // A field's message shows once it was edited and then left (or after Save):
  // tabbing through an empty form does not scold, and nothing jumps under the pointer.
  const [edited, setEdited] = useState<ReadonlySet<FieldKey>>(() => new Set())
  const [touched, setTouched] = useState<ReadonlySet<FieldKey>>(() => new Set())
  const [submitted, setSubmitted] = useState(false)
  const [serverErrors, setServerErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [duplicateOf, setDuplicateOf] = useState<{ message: string; related: RelatedRecord } | null>(null)
  const [saving, setSaving] = useState(false)
  const [cleared, setCleared] = useState<CustomerDraft | null>(null)
  /** Phone numbers (by phoneKey) the desk confirmed as shared with another customer. */
  const [sharedConfirmed, setSharedConfirmed] = useState<ReadonlySet<string>>(() => new Set())
  const savingRef = useRef(false)
  const nameRef = useRef<HTMLInputElement>(null)

  const alreadyOnFile = useMemo(() => (editing ? editing.phones.map((phone) => phone.number) : []), [editing])
  const duplicates = usePhoneDuplicates(draft.phones, editing?.id ?? null, alreadyOnFile)

  /** Phone rows whose number someone else has and the desk has not confirmed as shared: saving waits. */
  const blockingDuplicates = useMemo(() => {
    const keys = new Set<FieldKey>()
    for (const phone of draft.phones) {
      if ((duplicates[phone.key]?.length ?? 0) > 0 && !sharedConfirmed.has(phoneKey(phone.number))) keys.add(`phones.${phone.key}.number`)
    }
    return keys
  }, [draft.phones, duplicates, sharedConfirmed])

  const clientErrors = useMemo(() => {
    const errors: Record<FieldKey, string> = { ...validateCustomerDraft(draft) }
    for (const phone of draft.phones) {
      const key = `phones.${phone.key}.number`
      if (blockingDuplicates.has(key) && !(key in errors)) {
        errors[key] = `Already on file for ${duplicates[phone.key]?.[0]?.name ?? 'another customer'}. Open that customer, or tick “Shared number”.`
      }
    }
    return errors
  }, [draft, duplicates, blockingDuplicates])

  useEffect(() => {
    consumeArrivalFocus()
    clearFlash(NEW_CUSTOMER_PREFILLED)
    nameRef.current?.focus()
  }, [])

  const errorFor = (key: FieldKey): string | undefined =>
    serverErrors[key] ?? (submitted || touched.has(key) ? clientErrors[key] : undefined)

  const visibleErrors = fieldOrder(draft).flatMap((key) => {
    const message = errorFor(key)
    return message ? [{ key, message }] : []
  })

  const forgetServerError = (...keys: FieldKey[]) => {
    if (duplicateOf) setDuplicateOf(null)
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

  const confirmShared = (rowKey: string, shared: boolean) => {
    const phone = draft.phones.find((row) => row.key === rowKey)
    if (!phone) return
    const key = phoneKey(phone.number)
    setSharedConfirmed((current) => {
      const next = new Set(current)
      if (shared) next.add(key)
      else next.delete(key)
      return next
    })
    forgetServerError(`phones.${rowKey}.number`, 'phones')
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
    setDuplicateOf(null)
    nameRef.current?.focus()
  }

  const undoClear = () => {
    if (cleared) setDraft(cleared)
    setCleared(null)
    nameRef.current?.focus()
  }

  const finish = (customer: { id: number; name: string }, changed: boolean) => {
    clearDraft(draftKey)
    clearDraft(`${draftKey}.base`)
    onSaved(customer, changed)
  }

  const save = async () => {
    if (savingRef.current) return
    setSubmitted(true)
    setFormError(null)
    setDuplicateOf(null)
    const order = fieldOrder(draft)
    const firstClientProblem = order.find((key) => key in clientErrors)
    if (firstClientProblem) {
      setServerErrors({})
      focusControl(firstClientProblem, draft)
      return
    }
    const { input } = toCustomerInput(draft)
    const allowSharedPhone = input.phones?.some((phone) => sharedConfirmed.has(phoneKey(phone.number))) ?? false
    savingRef.current = true
    setSaving(true)
    try {
      if (editing) {
        const patch = changedCustomerFields(draft, base)
        if (Object.keys(patch).length === 0) {
          finish(editing, false)
          return
        }
        const saved = await api.customers.update({ id: editing.id, ...patch, allowSharedPhone })
        finish(saved, true)
      } else {
        const created = await api.customers.create({ ...input, allowSharedPhone })
        setDraft(emptyCustomerDraft())
        finish(created, true)
      }
    } catch (error) {
      if (error instanceof ApiCallError && (error.code === 'VALIDATION' || error.code === 'DUPLICATE') && error.fields.length > 0) {
        const errors = serverFieldErrors(error.fields, draft)
        setServerErrors(errors)
        if (error.code === 'DUPLICATE' && error.related) setDuplicateOf({ message: error.message, related: error.related })
        const first = order.find((key) => key in errors)
        if (first) focusControl(first, draft)
      } else if (error instanceof ApiCallError && error.code === 'DUPLICATE' && error.related) {
        setDuplicateOf({ message: error.message, related: error.related })
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

  const titleId = editing ? 'edit-customer-title' : 'new-customer-title'
  return (
    <form className="customer-form" noValidate onSubmit={onSubmit} onKeyDown={onKeyDown} aria-labelledby={titleId}>
      <h2 id={titleId} className="customer-form__title">
        {editing ? `Edit ${editing.name}` : 'New customer'}
      </h2>
      {prefilled ? (
        <Notice tone="info">
          <p>Filled in from your search. Check it and add the rest.</p>
        </Notice>
      ) : null}
      {restored && !cleared ? (
        <Notice tone="info">
          <p>{editing ? 'Restored your unsaved changes.' : 'Restored what you typed earlier.'}</p>
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
      <SaveProblems
        formError={formError}
        duplicateOf={duplicateOf}
        fieldProblems={submitted ? visibleErrors.map(({ key, message }) => ({ key, message, label: fieldLabel(key, draft) })) : []}
        onFocusField={(key) => focusControl(key, draft)}
      />

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
        blockingDuplicate={(key) => blockingDuplicates.has(key) && !(key in serverErrors)}
        showBlocking={submitted}
        duplicates={duplicates}
        isSharedConfirmed={(phone) => sharedConfirmed.has(phoneKey(phone.number))}
        onConfirmShared={confirmShared}
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
          {saving ? 'Saving…' : editing ? 'Save changes' : 'Save customer'}
        </button>
        <span className="form-actions__hint">
          <Kbd keys="Enter" /> saves; <Kbd keys="Ctrl+Enter" /> from notes
        </span>
        {editing ? (
          <a
            className="button button--quiet form-actions__end"
            href={hrefFor('customers', editing.id)}
            onClick={() => {
              clearDraft(draftKey)
              clearDraft(`${draftKey}.base`)
            }}
          >
            Cancel
          </a>
        ) : (
          <button type="button" className="button button--quiet form-actions__end" onClick={clearForm} disabled={isDraftEmpty(draft)}>
            Clear form
          </button>
        )}
      </div>
    </form>
  )
}
