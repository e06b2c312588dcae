import { MAX_PHONES, PHONE_LABELS, type FieldKey, type PhoneDraft } from './customer-draft'

interface Props {
  readonly phones: readonly PhoneDraft[]
  readonly errorFor: (key: FieldKey) => string | undefined
  readonly onChange: (rowKey: string, patch: Partial<Pick<PhoneDraft, 'label' | 'number'>>) => void
  readonly onBlur: (key: FieldKey) => void
  readonly onAdd: () => void
  readonly onRemove: (rowKey: string) => void
}

/** One row per phone (kind + number); up to five. Rows left empty are not saved. */
export function PhoneFields({ phones, errorFor, onChange, onBlur, onAdd, onRemove }: Props) {
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
        const numberError = errorFor(numberKey)
        const numberId = `customer-phone-${phone.key}-number`
        const labelId = `customer-phone-${phone.key}-label`
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
                aria-invalid={Boolean(numberError)}
                aria-describedby={numberError ? `${numberId}-error` : undefined}
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
