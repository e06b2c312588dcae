import { useEffect, useRef, useState, type FormEvent } from 'react'
import {
  isOwnershipProof,
  RELEASE_PROOF_LABELS,
  RELEASE_PROOF_TYPES,
  releaseCodeSchema,
  type ReleaseChannel,
  type ReleaseProofType,
  type ReleaseRecipientRole,
} from '../../../../shared/domain/code-release'
import type { RevealedCode } from '../../../../shared/domain/radio-code'
import { Field } from '../../components/Field'
import { Kbd } from '../../components/Kbd'
import { Notice } from '../../components/Notice'
import { ApiCallError, api, errorMessage } from '../../lib/api'
import { clearMemoryDraft, useMemoryDraft } from '../../lib/memory-drafts'
import { deskMember, explainRefusal, NO_RELEASE_PERMISSION } from './code-text'
import { cancelOnEscape } from '../../lib/cancel-on-escape'
import { firstMessageByKey } from '../../lib/field-errors'

interface ReleaseDraft {
  readonly name: string
  readonly role: ReleaseRecipientRole
  readonly via: ReleaseChannel
  readonly proofs: readonly ReleaseProofType[]
  readonly noProofReason: string
}

type FieldName = 'recipientName' | 'recipientRole' | 'via' | 'proofs' | 'noProofReason' | 'pin'
type Errors = Partial<Record<FieldName | 'form', string>>

const FIELD_IDS: Readonly<Record<FieldName, string>> = {
  recipientName: 'release-name',
  recipientRole: 'release-role-owner',
  via: 'release-via-in-person',
  proofs: 'release-proof-registration',
  noProofReason: 'release-reason',
  pin: 'release-pin',
}

function fieldOf(path: string): FieldName | 'form' {
  const key = path.split('.')[0] ?? ''
  return key in FIELD_IDS ? (key as FieldName) : 'form'
}

interface Props {
  readonly codeId: number
  readonly radioId: number
  readonly ownerName: string | null
  readonly onReleased: (revealed: RevealedCode, recipient: string) => void
  readonly onCancel: () => void
}

/** "Give code to customer": who, how, which proof of ownership was seen, and a PIN. Audited by main as 'code.release'. */
export function ReleaseForm({ codeId, radioId, ownerName, onReleased, onCancel }: Props) {
  const draftKey = `codes.release.${radioId}`
  const [draft, setDraft] = useMemoryDraft<ReleaseDraft>(draftKey, () => ({
    name: ownerName ?? '',
    role: 'owner',
    via: 'in-person',
    proofs: [],
    noProofReason: '',
  }))
  const [errors, setErrors] = useState<Errors>({})
  const [saving, setSaving] = useState(false)
  const [isManager, setIsManager] = useState(false)
  const nameRef = useRef<HTMLInputElement>(null)
  const pinRef = useRef<HTMLInputElement>(null)

  useEffect(() => {
    nameRef.current?.focus()
    let cancelled = false
    void deskMember().then((member) => {
      if (!cancelled) setIsManager(member?.role === 'manager')
    })
    const pin = pinRef.current
    return () => {
      cancelled = true
      if (pin) pin.value = ''
    }
  }, [])

  const hasOwnershipProof = draft.proofs.some(isOwnershipProof)
  const showReason = isManager && draft.via === 'in-person' && !hasOwnershipProof

  const set = <K extends keyof ReleaseDraft>(key: K, value: ReleaseDraft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }))
    setErrors({})
  }

  const toggleProof = (proof: ReleaseProofType, on: boolean) => {
    set('proofs', on ? RELEASE_PROOF_TYPES.filter((item) => item === proof || draft.proofs.includes(item)) : draft.proofs.filter((item) => item !== proof))
  }

  const input = (pin: string | null) => ({
    codeId,
    pin,
    recipientName: draft.name,
    recipientRole: draft.role,
    via: draft.via,
    proofs: [...draft.proofs],
    noProofReason: showReason ? draft.noProofReason : null,
  })

  const focusFirst = (problems: Errors) => {
    const first = (Object.keys(FIELD_IDS) as FieldName[]).find((key) => problems[key])
    if (first) document.getElementById(FIELD_IDS[first])?.focus()
  }

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (saving) return
    const pinBox = pinRef.current
    const pin = pinBox?.value.trim() ?? ''
    // Until it is sent, the PIN stays in its box (not in state, not in the DOM's markup).
    const checked = releaseCodeSchema.safeParse(input(null))
    if (!checked.success) {
      const problems: Errors = {}
      for (const issue of checked.error.issues) problems[fieldOf(issue.path.map(String).join('.'))] ??= issue.message
      if (!isManager && problems.proofs) {
        problems.proofs = `${problems.proofs} Only a manager can give out a code without one.`
      }
      setErrors(problems)
      focusFirst(problems)
      return
    }
    if (pin !== '' && !/^[0-9]{1,16}$/.test(pin)) {
      setErrors({ pin: 'Enter your PIN (digits only).' })
      focusFirst({ pin: 'x' })
      return
    }
    if (pinBox) pinBox.value = ''
    setSaving(true)
    try {
      const revealed = await api.codes.release(input(pin === '' ? null : pin))
      clearMemoryDraft(draftKey)
      onReleased(revealed, draft.name.trim())
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'VALIDATION' && error.fields.length > 0) {
        const problems: Errors = firstMessageByKey(error.fields, fieldOf)
        setErrors(problems)
        focusFirst(problems)
      } else if (error instanceof ApiCallError && (error.code === 'FORBIDDEN' || error.code === 'SIGNED_OUT')) {
        const refusal = await explainRefusal(error, NO_RELEASE_PERMISSION)
        if (refusal.kind === 'needs-pin') {
          setErrors({ pin: error.message })
          focusFirst({ pin: 'x' })
        } else {
          setErrors({ form: refusal.message })
        }
      } else {
        setErrors({ form: errorMessage(error) })
      }
    } finally {
      setSaving(false)
    }
  }

  const cancel = () => {
    clearMemoryDraft(draftKey)
    onCancel()
  }

  return (
    <form
      className="panel release-form"
      noValidate
      autoComplete="off"
      onSubmit={(event) => void onSubmit(event)}
      onKeyDown={cancelOnEscape(cancel)}
      aria-labelledby="release-title"
      data-testid="release-form"
    >
      <h4 id="release-title" className="panel__title">
        Give the code to the customer
      </h4>
      <p className="panel__lead">
        See a proof of ownership first. Who got the code, how, and what you checked go into the audit log (the code never does).
      </p>
      {errors.form ? (
        <Notice tone="error" title="The code was not given out">
          <p>{errors.form}</p>
        </Notice>
      ) : null}
      <Field
        id="release-name"
        label="Name of the person getting the code"
        error={errors.recipientName}
        hint={ownerName ? `Owner on file: ${ownerName}. Compare with the name on the documents.` : 'No owner on file: compare with the documents.'}
      >
        {(control) => (
          <input
            {...control}
            ref={nameRef}
            className="input input--medium"
            type="text"
            autoComplete="off"
            maxLength={80}
            value={draft.name}
            onChange={(event) => set('name', event.target.value)}
          />
        )}
      </Field>
      <div className="release-form__choices">
        <fieldset className="choice-group" aria-describedby={errors.recipientRole ? 'release-role-error' : undefined}>
          <legend className="field__label">Who is it?</legend>
          <label className="check">
            <input id="release-role-owner" type="radio" name="release-role" checked={draft.role === 'owner'} onChange={() => set('role', 'owner')} />
            <span>The owner</span>
          </label>
          <label className="check">
            <input type="radio" name="release-role" checked={draft.role === 'for-owner'} onChange={() => set('role', 'for-owner')} />
            <span>Someone collecting for the owner</span>
          </label>
          {errors.recipientRole ? (
            <p className="field__error" id="release-role-error">
              {errors.recipientRole}
            </p>
          ) : null}
        </fieldset>
        <fieldset className="choice-group" aria-describedby={errors.via ? 'release-via-error' : undefined}>
          <legend className="field__label">How?</legend>
          <label className="check">
            <input id="release-via-in-person" type="radio" name="release-via" checked={draft.via === 'in-person'} onChange={() => set('via', 'in-person')} />
            <span>At the counter</span>
          </label>
          <label className="check">
            <input type="radio" name="release-via" checked={draft.via === 'phone'} onChange={() => set('via', 'phone')} />
            <span>By phone (owner only)</span>
          </label>
          {errors.via ? (
            <p className="field__error" id="release-via-error">
              {errors.via}
            </p>
          ) : null}
        </fieldset>
      </div>
      <fieldset className="choice-group" aria-describedby={`release-proofs-hint${errors.proofs ? ' release-proofs-error' : ''}`}>
        <legend className="field__label">Proof of ownership seen</legend>
        <div className="release-form__proofs">
          {RELEASE_PROOF_TYPES.map((proof) => (
            <label key={proof} className="check">
              <input
                id={`release-proof-${proof}`}
                type="checkbox"
                checked={draft.proofs.includes(proof)}
                onChange={(event) => toggleProof(proof, event.target.checked)}
              />
              <span>{RELEASE_PROOF_LABELS[proof]}</span>
            </label>
          ))}
        </div>
        {errors.proofs ? (
          <p className="field__error" id="release-proofs-error">
            {errors.proofs}
          </p>
        ) : null}
        <p className="field__hint" id="release-proofs-hint">
          {draft.via === 'phone'
            ? 'By phone: the owner reads a document out (registration, title…) and you compare it with the file.'
            : 'Registration, title, insurance card or purchase documents. A photo ID shows who someone is, not that they own the car.'}
        </p>
      </fieldset>
      {showReason ? (
        <Field
          id="release-reason"
          label="Why without a proof of ownership? (managers only)"
          error={errors.noProofReason}
          hint="For example “known customer, documents in the post”. Kept in the audit log."
        >
          {(control) => (
            <input
              {...control}
              className="input"
              type="text"
              autoComplete="off"
              maxLength={200}
              value={draft.noProofReason}
              onChange={(event) => set('noProofReason', event.target.value)}
            />
          )}
        </Field>
      ) : null}
      <Field id="release-pin" label="Your PIN" error={errors.pin} hint="Not needed if you typed it in the last 2 minutes.">
        {(control) => (
          <input
            {...control}
            ref={pinRef}
            className="input pin-input"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={16}
            defaultValue=""
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button--primary" aria-disabled={saving}>
          {saving ? 'Checking…' : 'Give the code'}
        </button>
        <span className="form-actions__hint">
          <Kbd keys="Enter" /> · <Kbd keys="Esc" /> cancels
        </span>
        <button type="button" className="button button--quiet form-actions__end" onClick={cancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
