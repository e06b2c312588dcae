import { useEffect, useRef, useState, type FormEvent } from 'react'
import { RADIO_CODE_SOURCE_LABELS } from '../../../../shared/domain/radio-code'
import type { RetrievalReceived, RetrievalRequest } from '../../../../shared/domain/retrieval'
import { textContainsCode } from '../../../../shared/domain/code-in-text'
import { Kbd } from '../../components/Kbd'
import { Notice } from '../../components/Notice'
import { ApiCallError, api, errorMessage } from '../../lib/api'
import { CodeField } from '../codes/CodeField'
import { codeShapeProblem, useFormatCheck } from '../codes/use-format-check'
import { cancelOnEscape } from '../../lib/cancel-on-escape'
import { firstMessageByKey } from '../../lib/field-errors'

type Errors = Partial<Record<'code' | 'reason' | 'form', string>>

interface Props {
  readonly request: RetrievalRequest
  /** The radio the code is for (the request's, or the vehicle's installed one). */
  readonly radioId: number | null
  readonly onReceived: (result: RetrievalReceived) => void
  readonly onCancel: () => void
}

/** "Code received": the code typed once, checked like any other, and stored as the radio's code record. */
export function ReceiveCodeForm({ request, radioId, onReceived, onCancel }: Props) {
  const [code, setCode] = useState('')
  const [override, setOverride] = useState(false)
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const [saving, setSaving] = useState(false)
  const codeRef = useRef<HTMLInputElement>(null)
  const check = useFormatCheck(radioId, code)
  const fieldId = `receive-code-${request.id}`

  useEffect(() => {
    codeRef.current?.focus()
  }, [])

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (saving) return
    const problems: Errors = {}
    const shape = codeShapeProblem(code)
    if (shape) problems.code = shape
    else if (check.status === 'checking') problems.code = 'Still checking the format; try again in a moment.'
    else if (check.status === 'problems' && !override) {
      problems.code = 'This code does not fit the usual format. Check it against what you were given. If it is right anyway, tick “The code is right anyway” and say why.'
    }
    if (check.status === 'problems' && override) {
      if (reason.trim() === '') problems.reason = 'Say why the code is right anyway.'
      else if (!shape && textContainsCode(reason, code)) problems.reason = 'Leave the code itself out of the reason: it is not encrypted.'
    }
    setErrors(problems)
    if (problems.code || problems.reason) {
      document.getElementById(problems.code ? fieldId : `${fieldId}-reason`)?.focus()
      return
    }
    setSaving(true)
    try {
      const result = await api.retrieval.receiveCode({
        id: request.id,
        code,
        radioId: request.radioId === null ? radioId : null,
        formatOverrideReason: check.status === 'problems' && override ? reason : null,
      })
      setCode('')
      onReceived(result)
    } catch (error) {
      if (error instanceof ApiCallError && error.fields.length > 0) {
        setErrors(
          firstMessageByKey(error.fields, (path) => {
            const key = path.split('.')[0]
            return key === 'code' ? 'code' : key === 'formatOverrideReason' ? 'reason' : 'form'
          }),
        )
      } else {
        setErrors({ form: errorMessage(error) })
      }
    } finally {
      setSaving(false)
    }
  }

  const cancel = () => {
    setCode('')
    onCancel()
  }

  return (
    <form
      className="receive-form"
      noValidate
      autoComplete="off"
      onSubmit={(event) => void onSubmit(event)}
      onKeyDown={cancelOnEscape(cancel)}
      aria-label="Code received"
      data-testid="receive-code-form"
    >
      {errors.form ? (
        <Notice tone="error" title="The code was not saved">
          <p>{errors.form}</p>
        </Notice>
      ) : null}
      <CodeField
        id={fieldId}
        label="The code you received"
        code={code}
        onCode={(value) => {
          setCode(value)
          setErrors({})
        }}
        check={check}
        override={override}
        onOverride={setOverride}
        reason={reason}
        onReason={(value) => {
          setReason(value)
          setErrors({})
        }}
        errors={{ code: errors.code, reason: errors.reason }}
        inputRef={codeRef}
        compareWith="what you were given"
      />
      <p className="receive-form__source">
        It is saved as the radio’s code, source “{RADIO_CODE_SOURCE_LABELS[request.codeSource]}”, and shows as ••••• from then on.
      </p>
      <div className="form-actions">
        <button type="submit" className="button button--primary" aria-disabled={saving}>
          {saving ? 'Saving…' : 'Save the code'}
        </button>
        <span className="form-actions__hint">
          <Kbd keys="Enter" /> saves · <Kbd keys="Esc" /> cancels
        </span>
        <button type="button" className="button button--quiet form-actions__end" onClick={cancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
