import { useRef, useState, type FormEvent } from 'react'
import { STAFF_ROLES, staffNameSchema, type StaffMember, type StaffRole } from '../../../../shared/domain/staff'
import { Field } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { ApiCallError, api, errorMessage } from '../../lib/api'
import { clearDraft, useDraft } from '../../lib/drafts'
import { useSecretInput } from '../../lib/secret-input'
import { takeNewPin } from '../security/new-pin'
import { NewPinFields } from '../security/NewPinFields'
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '../security/role-words'

const DRAFT_KEY = 'staff.add'

/** What the draft keeps: never the PIN. */
interface StaffDraft {
  readonly name: string
  readonly role: StaffRole
  readonly canRevealCodes: boolean
  readonly canPrintCodes: boolean
}

const EMPTY: StaffDraft = { name: '', role: 'desk', canRevealCodes: false, canPrintCodes: false }

function isStaffDraft(value: unknown): value is StaffDraft {
  if (typeof value !== 'object' || value === null) return false
  const record = value as Record<string, unknown>
  return (
    typeof record['name'] === 'string' &&
    (STAFF_ROLES as readonly unknown[]).includes(record['role']) &&
    typeof record['canRevealCodes'] === 'boolean' &&
    typeof record['canPrintCodes'] === 'boolean' &&
    Object.keys(record).length === 4
  )
}

function nameProblem(name: string): string | null {
  const result = staffNameSchema.safeParse(name)
  return result.success ? null : (result.error.issues[0]?.message ?? 'Enter the person’s name.')
}

interface Props {
  readonly onAdded: (member: StaffMember) => void
}

/** A new person: name, role, PIN twice and what they may do with codes. Manager only (main checks). */
export function AddStaffForm({ onAdded }: Props) {
  const [draft, setDraft] = useDraft<StaffDraft>(DRAFT_KEY, () => EMPTY, isStaffDraft)
  const pin = useSecretInput()
  const confirm = useSecretInput()
  const [submitted, setSubmitted] = useState(false)
  const [leftName, setLeftName] = useState(false)
  const [busy, setBusy] = useState(false)
  const busyRef = useRef(false)
  const [serverErrors, setServerErrors] = useState<{ name?: string | undefined; pin?: string | undefined; form?: string }>({})
  const [added, setAdded] = useState<string | null>(null)

  const isManager = draft.role === 'manager'
  const nameError = serverErrors.name ?? (submitted || leftName ? (nameProblem(draft.name) ?? undefined) : undefined)

  const change = (patch: Partial<StaffDraft>) => {
    setDraft({ ...draft, ...patch })
    setAdded(null)
  }

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (busyRef.current) return
    setSubmitted(true)
    setServerErrors({})
    setAdded(null)
    if (nameProblem(draft.name)) {
      document.getElementById('staff-add-name')?.focus()
      return
    }
    const chosenPin = takeNewPin(pin, confirm)
    if (chosenPin === null) return
    busyRef.current = true
    setBusy(true)
    try {
      const member = await api.staff.add({
        name: draft.name,
        role: draft.role,
        pin: chosenPin,
        canRevealCodes: isManager || draft.canRevealCodes,
        canPrintCodes: isManager || draft.canPrintCodes,
      })
      clearDraft(DRAFT_KEY)
      setDraft(EMPTY)
      setSubmitted(false)
      setLeftName(false)
      setAdded(`${member.name} was added (${ROLE_LABELS[member.role].toLowerCase()}). They can sign in with their PIN now.`)
      onAdded(member)
      document.getElementById('staff-add-name')?.focus()
    } catch (caught) {
      setSubmitted(false)
      if (caught instanceof ApiCallError && caught.code === 'VALIDATION' && caught.fields.length > 0) {
        const byPath = Object.fromEntries(caught.fields.map((field) => [field.path, field.message]))
        setServerErrors({ name: byPath['name'], pin: byPath['pin'], form: byPath['name'] || byPath['pin'] ? '' : caught.message })
      } else {
        setServerErrors({ form: `Not added: ${errorMessage(caught)} The name and role are still here; type the PIN again.` })
      }
    } finally {
      busyRef.current = false
      setBusy(false)
    }
  }

  return (
    <section className="settings-card staff-add" aria-labelledby="staff-add-title">
      <h2 id="staff-add-title">Add a person</h2>
      <p className="settings-card__lead">Everyone at the desk gets their own name and PIN, so the audit log shows who did what.</p>
      <form className="settings-form" noValidate onSubmit={(event) => void submit(event)}>
        <Field id="staff-add-name" label="Name" error={nameError}>
          {(control) => (
            <input
              {...control}
              className="input input--medium"
              type="text"
              autoComplete="off"
              value={draft.name}
              onChange={(event) => {
                change({ name: event.target.value })
                if (serverErrors.name) setServerErrors(({ name: _dropped, ...rest }) => rest)
              }}
              onBlur={() => setLeftName(draft.name.trim() !== '')}
            />
          )}
        </Field>
        <fieldset className="role-choice">
          <legend className="field__label">Role</legend>
          {STAFF_ROLES.map((role) => (
            <label key={role} className="role-choice__option">
              <input type="radio" name="staff-add-role" value={role} checked={draft.role === role} onChange={() => change({ role })} />
              <span>
                <span className="role-choice__name">{ROLE_LABELS[role]}</span>
                <span className="role-choice__text">{ROLE_DESCRIPTIONS[role]}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <NewPinFields idPrefix="staff-add" pin={pin} confirm={confirm} submitted={submitted} serverError={serverErrors.pin} />
        <fieldset className="permission-choice">
          <legend className="field__label">Radio codes</legend>
          <label className="check">
            <input
              type="checkbox"
              checked={isManager || draft.canRevealCodes}
              disabled={isManager}
              onChange={(event) => change({ canRevealCodes: event.target.checked })}
            />
            May reveal codes (with their PIN; each time is recorded)
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={isManager || draft.canPrintCodes}
              disabled={isManager}
              onChange={(event) => change({ canPrintCodes: event.target.checked })}
            />
            May print code cards
          </label>
          {isManager ? <p className="field__hint">Managers always may; there is nothing to choose.</p> : null}
        </fieldset>
        {serverErrors.form ? (
          <Notice tone="error">
            <p>{serverErrors.form}</p>
          </Notice>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button button--primary" aria-disabled={busy}>
            {busy ? 'Adding…' : 'Add to staff'}
          </button>
        </div>
        {added ? (
          <Notice tone="success" testId="staff-added">
            <p>{added}</p>
          </Notice>
        ) : null}
      </form>
    </section>
  )
}
