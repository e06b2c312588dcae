import { useEffect, useState, type Ref } from 'react'
import { normalizeRadioCode } from '../../../../shared/domain/radio-code'
import type { FormatCheck } from './use-format-check'

/** A code left on screen hides itself this long after the last keystroke. */
export const CODE_AUTO_HIDE_MS = 20_000

interface Props {
  readonly id: string
  readonly label: string
  readonly code: string
  readonly onCode: (code: string) => void
  readonly check: FormatCheck
  /** "The code is right anyway" */
  readonly override: boolean
  readonly onOverride: (value: boolean) => void
  readonly reason: string
  readonly onReason: (value: string) => void
  readonly errors: { readonly code?: string | undefined; readonly reason?: string | undefined }
  readonly inputRef?: Ref<HTMLInputElement>
  /** What the desk copies from, for the hints: "the card" (default), "what you were given". */
  readonly compareWith?: string
}

/**
 * The code box. Typo-safety: the desk copies the code from the owner's card
 * (or hears it from a dealer), so the code is SHOWN while typing, large and
 * monospaced, to be compared character by character with the card; typing it
 * twice blind would only repeat a misread. It hides itself (dots) 20 seconds
 * after typing stops, and "Hide"/"Show" switch it by hand. As the desk types,
 * the knowledge base's format check for this radio says what does not fit;
 * a code that does not fit is saved only with "The code is right anyway" and
 * a reason. The code is never kept in drafts: the form forgets it when it
 * closes.
 */
export function CodeField({ id, label, code, onCode, check, override, onOverride, reason, onReason, errors, inputRef, compareWith = 'the card' }: Props) {
  const [visible, setVisible] = useState(true)
  const length = normalizeRadioCode(code).length

  useEffect(() => {
    if (!visible || code === '') return
    const timer = window.setTimeout(() => setVisible(false), CODE_AUTO_HIDE_MS)
    return () => window.clearTimeout(timer)
  }, [code, visible])

  const hintId = `${id}-hint`
  const checkId = `${id}-check`
  const errorId = `${id}-error`
  const describedBy = [errors.code ? errorId : null, checkId, hintId].filter(Boolean).join(' ')

  return (
    <div className="code-field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="code-field__row">
        <input
          id={id}
          ref={inputRef}
          className={`input code-input${visible ? '' : ' code-input--hidden'}`}
          type="text"
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="characters"
          spellCheck={false}
          data-1p-ignore
          data-lpignore="true"
          data-form-type="other"
          maxLength={40}
          aria-invalid={Boolean(errors.code) || check.status === 'invalid'}
          aria-describedby={describedBy}
          value={code}
          onChange={(event) => {
            onCode(event.target.value.toUpperCase())
            setVisible(true)
          }}
        />
        <button
          type="button"
          className="button button--small code-field__toggle"
          aria-pressed={!visible}
          aria-controls={id}
          onClick={() => setVisible((value) => !value)}
        >
          {visible ? 'Hide' : 'Show'}
        </button>
      </div>
      <p className="field__hint" id={hintId}>
        {length > 0 ? `${length} character${length === 1 ? '' : 's'}. ` : ''}
        Shown while you type so you can compare it with {compareWith}; it hides itself 20 seconds after you stop typing.
      </p>
      {errors.code ? (
        <p className="field__error" id={errorId}>
          {errors.code}
        </p>
      ) : null}
      <div id={checkId} className="code-field__check" aria-live="polite" data-testid="format-check">
        <CheckLine check={check} compareWith={compareWith} />
      </div>
      {check.status === 'problems' ? (
        <div className="code-field__override">
          <label className="check">
            <input type="checkbox" checked={override} onChange={(event) => onOverride(event.target.checked)} />
            <span>The code is right anyway</span>
          </label>
          {override ? (
            <div className={`field${errors.reason ? ' field--invalid' : ''}`}>
              <label className="field__label" htmlFor={`${id}-reason`}>
                Why is it right?
              </label>
              <input
                id={`${id}-reason`}
                className="input"
                type="text"
                autoComplete="off"
                maxLength={200}
                aria-invalid={Boolean(errors.reason)}
                aria-describedby={`${id}-reason-hint${errors.reason ? ` ${id}-reason-error` : ''}`}
                value={reason}
                onChange={(event) => onReason(event.target.value)}
              />
              {errors.reason ? (
                <p className="field__error" id={`${id}-reason-error`}>
                  {errors.reason}
                </p>
              ) : null}
              <p className="field__hint" id={`${id}-reason-hint`}>
                For example “read twice from the dealer’s letter” or “this car has the navigation radio”. Not the code itself.
              </p>
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  )
}

function CheckLine({ check, compareWith }: { readonly check: FormatCheck; readonly compareWith: string }) {
  switch (check.status) {
    case 'empty':
      return null
    case 'checking':
      return <p className="muted">Checking the format…</p>
    case 'invalid':
      return <p className="code-field__bad">{check.message}</p>
    case 'fits':
      return <p className="code-field__fits">No format problems for this radio.</p>
    case 'failed':
      return (
        <p className="muted">
          The format could not be checked ({check.message}). Compare the code with {compareWith}.
        </p>
      )
    case 'problems':
      return (
        <div className="code-field__problems">
          <p className="code-field__problems-title">Check this code against {compareWith}</p>
          <ul>
            {check.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )
  }
}
