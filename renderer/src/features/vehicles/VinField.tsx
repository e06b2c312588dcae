import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'
import { fromScannerInput, normalizeVin, type VinValidation } from '../../../../shared/domain/vin'

interface Props {
  readonly value: string
  readonly validation: VinValidation
  /** Errors show once the field was left, Enter was pressed, or Save was tried. */
  readonly showErrors: boolean
  /** A message from the form (duplicate, server) shown under the field. */
  readonly formError: string | undefined
  readonly onChange: (vin: string) => void
  /** Enter (a scanner's last key) or leaving the field: the VIN is accepted as it is now. */
  readonly onAccept: () => void
  readonly onBlur: () => void
}

const MAX_RAW_LENGTH = 30

/**
 * The VIN box. Normalises as you type (upper case; spaces, dashes and other
 * separators dropped) without moving the cursor. A USB barcode scanner types
 * very fast and ends with Enter: Enter here never submits the form; it
 * accepts the scan, dropping the extra leading character Code 39 VIN labels
 * carry (fromScannerInput). A scanner that ends with Tab is handled on leaving.
 */
export function VinField({ value, validation, showErrors, formError, onChange, onAccept, onBlur }: Props) {
  const ownRef = useRef<HTMLInputElement | null>(null)
  const caret = useRef<number | null>(null)
  const [dropped, setDropped] = useState<{ prefix: string; vin: string } | null>(null)

  useLayoutEffect(() => {
    const input = ownRef.current
    if (caret.current !== null && input && document.activeElement === input) {
      input.setSelectionRange(caret.current, caret.current)
    }
    caret.current = null
  }, [value])

  const acceptScan = () => {
    const scanned = fromScannerInput(value)
    if (scanned.vin !== value) onChange(scanned.vin)
    setDropped(scanned.droppedPrefix ? { prefix: scanned.droppedPrefix, vin: scanned.vin } : null)
    onAccept()
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
      // Not a submit: a scanner ends every read with Enter.
      event.preventDefault()
      event.stopPropagation()
      acceptScan()
    }
  }

  const { vin, errors, warnings, modelYear, checkDigit } = validation
  const empty = vin.length === 0
  const complete = vin.length === 17
  // Letters VINs never use show at once; "too short" waits until the field is left.
  const shownErrors = errors.filter((error) => error.code !== 'EMPTY' && (showErrors || complete || vin.length > 17 || error.code !== 'LENGTH'))
  const checkWarning = warnings.find((warning) => warning.code === 'CHECK_DIGIT_MISMATCH' || warning.code === 'NO_CHECK_DIGIT')
  const otherWarnings = warnings.filter((warning) => warning !== checkWarning)
  const statusId = 'vehicle-vin-status'
  const describedBy = [formError ? 'vehicle-vin-error' : '', statusId].filter(Boolean).join(' ')

  return (
    <div className={`field vin-field${shownErrors.length > 0 || formError ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor="vehicle-vin">
        VIN <span className="field__optional">(scan the barcode or type it)</span>
      </label>
      <input
        ref={ownRef}
        id="vehicle-vin"
        className="input vin-field__input"
        type="text"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={MAX_RAW_LENGTH}
        aria-invalid={shownErrors.length > 0 || Boolean(formError)}
        aria-describedby={describedBy}
        value={value}
        onChange={(event) => {
          const raw = event.target.value
          const at = event.target.selectionStart ?? raw.length
          const next = normalizeVin(raw)
          caret.current = normalizeVin(raw.slice(0, at)).length
          if (dropped) setDropped(null)
          onChange(next)
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          // A scanner set to end with Tab: accept its read the same way.
          const scanned = fromScannerInput(value)
          if (scanned.droppedPrefix) acceptScan()
          onBlur()
        }}
      />
      {formError ? (
        <p className="field__error" id="vehicle-vin-error">
          {formError}
        </p>
      ) : null}
      <div id={statusId} className="vin-field__status" aria-live="polite">
        {empty ? <p className="field__hint">17 letters and digits. Spaces and dashes are removed; Enter accepts a scan.</p> : null}
        {!empty && !complete && shownErrors.length === 0 ? (
          <p className="field__hint" data-testid="vin-count">
            {vin.length} of 17 characters
          </p>
        ) : null}
        {shownErrors.map((error) => (
          <p key={`${error.code}-${error.position ?? ''}`} className="field__error">
            {error.message}
          </p>
        ))}
        {dropped && dropped.vin === vin ? (
          <p className="field__hint">Scanned: the extra “{dropped.prefix}” at the start of the barcode was dropped.</p>
        ) : null}
        {complete && errors.length === 0 ? (
          <p className="vin-field__facts" data-testid="vin-facts">
            <span className="vin-field__ok">17 characters</span>
            {modelYear.year !== null ? (
              <span>
                Model year from the VIN (position 10): <strong data-testid="vin-model-year">{modelYear.year}</strong>
                {modelYear.confidence === 'low' ? ' (uncertain)' : ''}
              </span>
            ) : (
              <span>No model year in position 10</span>
            )}
            {checkDigit.valid ? <span>Check digit OK</span> : null}
          </p>
        ) : null}
        {checkWarning && errors.length === 0 ? (
          <div className="vin-field__warning" role="status" data-testid="vin-check-warning">
            <p className="vin-field__warning-title">Check the VIN: the check digit does not match</p>
            <p>{checkWarning.message}</p>
            <p>You can still save it: vehicles built outside North America may not use a check digit.</p>
          </div>
        ) : null}
        {otherWarnings.map((warning) => (
          <p key={warning.code} className="field__hint">
            {warning.message}
          </p>
        ))}
      </div>
    </div>
  )
}
