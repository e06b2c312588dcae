import { hrefFor } from '../../app/routes'
import { MAX_PHONES, PHONE_LABELS, type FieldKey, type PhoneDraft } from './customer-draft'
import type { PhoneDuplicates } from './use-phone-duplicates'

interface Props {
  readonly phones: readonly PhoneDraft[]
  readonly errorFor: (key: FieldKey) => string | undefined
  /** True when the row's only problem is a number someone else has: its box below says so, not a second message. */
  readonly blockingDuplicate: (key: FieldKey) => boolean
  /** After Save was tried: a blocking duplicate is shown as an error. */
  readonly showBlocking: boolean
  /** Customers who already have a row's number (by row key). */
  readonly duplicates: PhoneDuplicates
  readonly isSharedConfirmed: (phone: PhoneDraft) => boolean
  readonly onConfirmShared: (rowKey: string, shared: boolean) => void
  readonly onChange: (rowKey: string, patch: Partial<Pick<PhoneDraft, 'label' | 'number'>>) => void
  readonly onBlur: (key: FieldKey) => void
  readonly onAdd: () => void
  readonly onRemove: (rowKey: string) => void
}

/** One row per phone (kind + number); up to five. Rows left empty are not saved. */
export function PhoneFields({ phones, errorFor, blockingDuplicate, showBlocking, duplicates, isSharedConfirmed, onConfirmShared, onChange, onBlur, onAdd, onRemove }: Props) {
  const listError = errorFor('phones')
  return (
    <fieldset className="phone-fields" aria-describedby={listError ? 'customer-phones-error' : 'customer-phones-hint'}>
      <legend className="field__label">
        Phone <span className="field__optional">(optional)</span>
      </legend>
      <p className="field__hint" id="customer-phones-hint">
        Any format: 555-010-2030, (555) 010 2030… Empty rows are not saved.
      </p>
      {phones.map((phone, index) => {
        const numberKey = `phones.${phone.key}.number`
        const fullError = errorFor(numberKey)
        const duplicateOnly = blockingDuplicate(numberKey)
        const numberError = duplicateOnly ? undefined : fullError
        const numberId = `customer-phone-${phone.key}-number`
        const labelId = `customer-phone-${phone.key}-label`
        const matches = duplicates[phone.key] ?? []
        const shared = isSharedConfirmed(phone)
        const first = matches[0]
        const describedBy = [numberError ? `${numberId}-error` : '', first ? `${numberId}-duplicate` : ''].filter(Boolean).join(' ')
        return (
          <div key={phone.key} className={`phone-row${numberError ? ' phone-row--invalid' : ''}`}>
            <div className="phone-row__controls">
              <select
                id={labelId}
                className="input phone-row__label"
                aria-label={`Phone ${index + 1} kind`}
                value={phone.label}
                onChange={(event) => onChange(phone.key, { label: event.target.value })}
              >
                {PHONE_LABELS.map((label) => (
                  <option key={label} value={label}>
                    {label.charAt(0).toUpperCase() + label.slice(1)}
                  </option>
                ))}
                {(PHONE_LABELS as readonly string[]).includes(phone.label) ? null : (
                  <option value={phone.label}>{phone.label}</option>
                )}
              </select>
              <input
                id={numberId}
                className="input phone-row__number"
                type="tel"
                inputMode="tel"
                autoComplete="off"
                aria-label={`Phone ${index + 1} number`}
                aria-invalid={Boolean(fullError)}
                aria-describedby={describedBy || undefined}
                value={phone.number}
                onChange={(event) => onChange(phone.key, { number: event.target.value })}
                onBlur={() => onBlur(numberKey)}
              />
              {phones.length > 1 ? (
                <button
                  type="button"
                  className="button button--quiet phone-row__remove"
                  aria-label={`Remove phone ${index + 1}`}
                  onClick={() => onRemove(phone.key)}
                >
                  Remove
                </button>
              ) : null}
            </div>
            {numberError ? (
              <p className="field__error" id={`${numberId}-error`}>
                {numberError}
              </p>
            ) : null}
            {first ? (
              <div
                className={`phone-duplicate${shared ? ' phone-duplicate--shared' : ''}${duplicateOnly && showBlocking && fullError ? ' phone-duplicate--blocking' : ''}`}
                role="status"
                data-testid="phone-duplicate"
              >
                <p id={`${numberId}-duplicate`}>
                  {first.number} is already on file for <strong>{first.name}</strong>
                  {matches.length > 1 ? ` and ${matches.length - 1} more` : ''}.{' '}
                  <a href={hrefFor('customers', first.customerId)}>Open {first.name}</a>
                </p>
                {duplicateOnly && showBlocking && fullError ? (
                  <p className="phone-duplicate__ask">Not saved yet: open {first.name}, or tick “Shared number” if they share it.</p>
                ) : null}
                <label className="phone-duplicate__confirm">
                  <input type="checkbox" checked={shared} onChange={(event) => onConfirmShared(phone.key, event.target.checked)} />
                  Shared number (same household or business): keep it on both
                </label>
              </div>
            ) : null}
          </div>
        )
      })}
      {listError ? (
        <p className="field__error" id="customer-phones-error">
          {listError}
        </p>
      ) : null}
      {phones.length < MAX_PHONES ? (
        <button type="button" id="customer-add-phone" className="button button--quiet phone-fields__add" onClick={onAdd}>
          + Add another phone
        </button>
      ) : (
        <p className="field__hint">Up to {MAX_PHONES} phone numbers per customer.</p>
      )}
    </fieldset>
  )
}
