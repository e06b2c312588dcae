import { useEffect, useRef, useState, type FormEvent } from 'react'
import { textContainsCode } from '../../../../shared/domain/code-in-text'
import {
  RADIO_CODE_SOURCE_LABELS,
  RADIO_CODE_SOURCES,
  type RadioCodeHistoryEntry,
  type RadioCodeSourceName,
} from '../../../../shared/domain/radio-code'
import { Field } from '../../components/Field'
import { Kbd } from '../../components/Kbd'
import { Notice } from '../../components/Notice'
import { ApiCallError, api, errorMessage } from '../../lib/api'
import { clearMemoryDraft, useMemoryDraft } from '../../lib/memory-drafts'
import { CodeField } from './CodeField'
import { codeShapeProblem, useFormatCheck } from './use-format-check'
import { cancelOnEscape } from '../../lib/cancel-on-escape'
import { firstMessageByKey } from '../../lib/field-errors'

const NOTE_HAS_CODE = 'Leave the code itself out of notes: notes are not encrypted.'

/** Everything but the code: kept in memory while the desk looks something up. */
interface EnterDraft {
  readonly source: RadioCodeSourceName | ''
  readonly detail: string
  readonly override: boolean
  readonly reason: string
}

type Errors = Partial<Record<'code' | 'source' | 'detail' | 'reason' | 'form', string>>

interface Props {
  readonly radioId: number
  /** A code is on file: the new one replaces it (the old one stays in history). */
  readonly replacing: boolean
  readonly onSaved: (entry: RadioCodeHistoryEntry) => void
  readonly onCancel: () => void
}

export function enterCodeDraftKey(radioId: number): string {
  return `codes.enter.${radioId}`
}

/** "Enter code" / "Correct the code": the code, where it came from, and the format check. */
export function EnterCodeForm({ radioId, replacing, onSaved, onCancel }: Props) {
  const draftKey = enterCodeDraftKey(radioId)
  const [draft, setDraft] = useMemoryDraft<EnterDraft>(draftKey, () => ({ source: '', detail: '', override: false, reason: '' }))
  // The code lives only here, never in a draft.
  const [code, setCode] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const [saving, setSaving] = useState(false)
  const codeRef = useRef<HTMLInputElement>(null)
  const check = useFormatCheck(radioId, code)

  useEffect(() => {
    codeRef.current?.focus()
  }, [])

  const set = <K extends keyof EnterDraft>(key: K, value: EnterDraft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }))
    setErrors((current) => ({ ...current, [key]: undefined, form: undefined }))
  }

  const validate = (): Errors => {
    const problems: Errors = {}
    const shape = codeShapeProblem(code)
    if (shape) problems.code = shape
    else if (check.status === 'checking') problems.code = 'Still checking the format; try again in a moment.'
    else if (check.status === 'problems' && !draft.override) {
      problems.code = 'This code does not fit the usual format. Check it against the card. If it is right anyway, tick “The code is right anyway” and say why.'
    }
    if (draft.source === '') problems.source = 'Say where the code came from.'
    if (check.status === 'problems' && draft.override && draft.reason.trim() === '') problems.reason = 'Say why the code is right anyway.'
    if (!shape) {
      if (textContainsCode(draft.detail, code)) problems.detail = NOTE_HAS_CODE
      if (draft.override && textContainsCode(draft.reason, code)) problems.reason = NOTE_HAS_CODE
    }
    return problems
  }

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (saving) return
    const problems = validate()
    const first = (['code', 'source', 'detail', 'reason'] as const).find((key) => problems[key])
    setErrors(problems)
    if (first) {
      const target = { code: 'enter-code', source: 'enter-code-source', detail: 'enter-code-detail', reason: 'enter-code-reason' }[first]
      document.getElementById(target)?.focus()
      return
    }
    setSaving(true)
    try {
      const entry = await api.codes.add({
        radioId,
        code,
        source: draft.source as RadioCodeSourceName,
        sourceDetail: draft.detail,
        formatOverrideReason: check.status === 'problems' && draft.override ? draft.reason : null,
      })
      // Forget the code at once: out of state (and so out of the DOM), and no draft of the rest.
      setCode('')
      clearMemoryDraft(draftKey)
      onSaved(entry)
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'VALIDATION' && error.fields.length > 0) {
        setErrors(
          firstMessageByKey(error.fields, (path) => {
            const key = path.split('.')[0]
            return key === 'code' ? 'code' : key === 'sourceDetail' ? 'detail' : key === 'formatOverrideReason' ? 'reason' : key === 'source' ? 'source' : 'form'
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
    clearMemoryDraft(draftKey)
    onCancel()
  }

  return (
    <form
      className="panel code-form"
      noValidate
      autoComplete="off"
      onSubmit={(event) => void onSubmit(event)}
      onKeyDown={cancelOnEscape(cancel)}
      aria-labelledby="enter-code-title"
      data-testid="enter-code-form"
    >
      <h4 id="enter-code-title" className="panel__title">
        {replacing ? 'Correct the code' : 'Enter the code'}
      </h4>
      {replacing ? (
        <Notice tone="info">
          <p>This replaces the code on file; the old one stays in history.</p>
        </Notice>
      ) : null}
      {errors.form ? (
        <Notice tone="error" title="Not saved">
          <p>{errors.form}</p>
          <p>Everything you typed is still here.</p>
        </Notice>
      ) : null}
      <CodeField
        id="enter-code"
        label="Radio code"
        code={code}
        onCode={(value) => {
          setCode(value)
          setErrors((current) => ({ ...current, code: undefined, form: undefined }))
        }}
        check={check}
        override={draft.override}
        onOverride={(value) => set('override', value)}
        reason={draft.reason}
        onReason={(value) => set('reason', value)}
        errors={{ code: errors.code, reason: errors.reason }}
        inputRef={codeRef}
      />
      <div className="code-form__grid">
        <Field id="enter-code-source" label="Where did it come from?" error={errors.source}>
          {(control) => (
            <select
              {...control}
              className="input"
              value={draft.source}
              onChange={(event) => set('source', event.target.value as RadioCodeSourceName | '')}
            >
              <option value="">Choose…</option>
              {RADIO_CODE_SOURCES.map((source) => (
                <option key={source} value={source}>
                  {RADIO_CODE_SOURCE_LABELS[source]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="enter-code-detail" label="Detail" optional error={errors.detail} hint="For example “card in the glovebox” or the dealer’s name. Never the code.">
          {(control) => (
            <input
              {...control}
              className="input"
              type="text"
              autoComplete="off"
              maxLength={200}
              value={draft.detail}
              onChange={(event) => set('detail', event.target.value)}
            />
          )}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" aria-disabled={saving}>
          {saving ? 'Saving…' : replacing ? 'Save the corrected code' : 'Save the code'}
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
