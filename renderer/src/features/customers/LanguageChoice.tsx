import { PRINT_LANGUAGES, type PrintLanguage } from '../../../../shared/domain/customer'

const NAMES: Record<PrintLanguage, string> = { en: 'English', es: 'Spanish (Español)' }

interface Props {
  readonly value: PrintLanguage
  readonly error: string | undefined
  readonly onChange: (value: PrintLanguage) => void
}

/** Which language this customer's code card and reminders are printed in. */
export function LanguageChoice({ value, error, onChange }: Props) {
  return (
    <fieldset
      className={`field language-choice${error ? ' field--invalid' : ''}`}
      aria-describedby={error ? 'customer-language-error' : undefined}
    >
      <legend className="field__label">Language for printed cards</legend>
      <div className="language-choice__options">
        {PRINT_LANGUAGES.map((language) => (
          <label key={language} className="language-choice__option" htmlFor={`customer-language-${language}`}>
            <input
              id={`customer-language-${language}`}
              type="radio"
              name="customer-language"
              value={language}
              checked={value === language}
              onChange={() => onChange(language)}
            />
            {NAMES[language]}
          </label>
        ))}
      </div>
      {error ? (
        <p className="field__error" id="customer-language-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  )
}
