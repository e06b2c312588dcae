import { useEffect, useEffectEvent, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import type { SecurityStatus } from '../../../../shared/domain/security'
import type { StaffRosterEntry } from '../../../../shared/domain/staff'
import { Kbd } from '../../components/Kbd'
import { Notice } from '../../components/Notice'
import { api, errorMessage } from '../../lib/api'
import { useSecretInput } from '../../lib/secret-input'
import { GateLayout } from './GateLayout'
import { lockWords, stillLocked } from './lock-words'
import { ROLE_LABELS } from './role-words'

interface Props {
  readonly onStatus: (status: SecurityStatus) => void
  /** Put the cursor on this person's name first (whoever was just signed out). */
  readonly suggestedStaffId: number | null
  /** Why the desk is signed out, when it was not this person's own choice. */
  readonly notice: string | null
}

type ListState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly staff: readonly StaffRosterEntry[] }
  | { readonly status: 'error'; readonly message: string }

/** Who is at the desk: pick your name, then type your PIN. */
export function SignInScreen({ onStatus, suggestedStaffId, notice }: Props) {
  const [list, setList] = useState<ListState>({ status: 'loading' })
  const [version, setVersion] = useState(0)
  const [chosen, setChosen] = useState<StaffRosterEntry | null>(null)
  const [focusId, setFocusId] = useState<number | null>(suggestedStaffId)

  useEffect(() => {
    let cancelled = false
    api.staff.roster({}).then(
      (staff) => {
        if (!cancelled) setList({ status: 'ready', staff })
      },
      (error: unknown) => {
        if (!cancelled) setList({ status: 'error', message: errorMessage(error) })
      },
    )
    return () => {
      cancelled = true
    }
  }, [version])

  if (chosen) {
    return (
      <PinStep
        key={chosen.id}
        member={chosen}
        onStatus={onStatus}
        onBack={() => {
          setFocusId(chosen.id)
          setChosen(null)
          // Lock states may have changed meanwhile.
          setVersion((n) => n + 1)
        }}
      />
    )
  }

  return (
    <GateLayout title="Who is at the desk?" lead={<p>Choose your name, then type your PIN.</p>} wide>
      {notice ? (
        <Notice tone="info" testId="signed-out-notice">
          <p>{notice}</p>
        </Notice>
      ) : null}
      {list.status === 'loading' ? <p role="status">Loading the staff list…</p> : null}
      {list.status === 'error' ? (
        <>
          <Notice tone="error" title="The staff list could not be loaded">
            <p>{list.message}</p>
          </Notice>
          <button type="button" className="button" onClick={() => setVersion((n) => n + 1)}>
            Try again
          </button>
        </>
      ) : null}
      {list.status === 'ready' ? <NamePicker staff={list.staff} focusId={focusId} onPick={setChosen} /> : null}
    </GateLayout>
  )
}

interface PickerProps {
  readonly staff: readonly StaffRosterEntry[]
  readonly focusId: number | null
  readonly onPick: (member: StaffRosterEntry) => void
}

/** Big name buttons; arrow keys move, typing the first letters jumps to a name, Enter picks. */
function NamePicker({ staff, focusId, onPick }: PickerProps) {
  const [active, setActive] = useState(() => Math.max(0, staff.findIndex((member) => member.id === focusId)))
  const buttons = useRef<(HTMLButtonElement | null)[]>([])
  const typed = useRef({ text: '', at: 0 })

  const arrival = useRef(active)

  // Only on arrival: afterwards focus follows the keys.
  useEffect(() => {
    buttons.current[arrival.current]?.focus()
  }, [])

  const moveTo = (index: number) => {
    const next = Math.min(Math.max(index, 0), staff.length - 1)
    setActive(next)
    buttons.current[next]?.focus()
  }

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const { key } = event
    if (key === 'ArrowDown' || key === 'ArrowRight') moveTo(active + 1)
    else if (key === 'ArrowUp' || key === 'ArrowLeft') moveTo(active - 1)
    else if (key === 'Home') moveTo(0)
    else if (key === 'End') moveTo(staff.length - 1)
    else if (key.length === 1 && /\S/.test(key)) {
      // Type-ahead: letters typed within a second add up ("da" → Dan, not the next D).
      const now = Date.now()
      const text = now - typed.current.at < 1000 ? typed.current.text + key.toLowerCase() : key.toLowerCase()
      typed.current = { text, at: now }
      const repeat = [...text].every((char) => char === text[0])
      const order = staff.map((_, offset) => (active + (repeat ? 1 : 0) + offset) % staff.length)
      const match = order.find((index) => {
        const name = staff[index]?.name.toLowerCase() ?? ''
        return repeat ? name.startsWith(text[0] ?? '') : name.startsWith(text)
      })
      if (match !== undefined) moveTo(match)
    } else return
    event.preventDefault()
  }

  if (staff.length === 0) {
    return (
      <Notice tone="error" title="Nobody can sign in">
        <p>There is no active staff account. Restore a backup, or ask whoever looks after the shop’s computers.</p>
      </Notice>
    )
  }

  return (
    <>
      <ul className="name-picker" aria-label="Staff" onKeyDown={onKeyDown}>
        {staff.map((member, index) => {
          const locked = stillLocked(member.lockedUntil, member.needsManagerReset)
          return (
            <li key={member.id}>
              <button
                type="button"
                className="name-picker__button"
                ref={(element) => {
                  buttons.current[index] = element
                }}
                tabIndex={index === active ? 0 : -1}
                onFocus={() => setActive(index)}
                onClick={() => onPick(member)}
              >
                <span className="name-picker__name">{member.name}</span>
                <span className="name-picker__role">
                  {ROLE_LABELS[member.role]}
                  {locked ? <span className="tag tag--danger">Locked</span> : null}
                </span>
              </button>
            </li>
          )
        })}
      </ul>
      <p className="gate__text gate__text--muted gate__keys">
        <Kbd keys="↑" /> <Kbd keys="↓" /> move, typing the first letters of a name jumps to it, <Kbd keys="Enter" /> chooses.
      </p>
    </>
  )
}

type PinOutcome =
  | { readonly kind: 'none' }
  | { readonly kind: 'error'; readonly text: string }
  | { readonly kind: 'locked'; readonly lockedUntil: string | null; readonly afterWrongPin: boolean }
  | { readonly kind: 'unlocked' }

interface PinStepProps {
  readonly member: StaffRosterEntry
  readonly onStatus: (status: SecurityStatus) => void
  readonly onBack: () => void
}

function PinStep({ member, onStatus, onBack }: PinStepProps) {
  const pin = useSecretInput()
  const [outcome, setOutcome] = useState<PinOutcome>(() =>
    stillLocked(member.lockedUntil, member.needsManagerReset)
      ? { kind: 'locked', lockedUntil: member.needsManagerReset ? null : member.lockedUntil, afterWrongPin: false }
      : { kind: 'none' },
  )
  const [busy, setBusy] = useState(false)
  const busyRef = useRef(false)
  const lockedUntil = outcome.kind === 'locked' ? outcome.lockedUntil : null
  const locked = outcome.kind === 'locked'

  // A time lock ends by itself: offer the PIN box again then.
  useEffect(() => {
    if (lockedUntil === null) return
    const timer = window.setTimeout(() => setOutcome({ kind: 'unlocked' }), Math.max(0, new Date(lockedUntil).getTime() - Date.now()) + 300)
    return () => window.clearTimeout(timer)
  }, [lockedUntil])

  const focusPin = pin.focus
  useEffect(() => {
    if (!locked) focusPin()
  }, [locked, focusPin])

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (busyRef.current) return
    const typed = pin.value.trim()
    if (typed === '') {
      setOutcome({ kind: 'error', text: 'Type your PIN, then press Enter.' })
      pin.focus()
      return
    }
    if (!/^[0-9]+$/.test(typed)) {
      pin.clear()
      setOutcome({ kind: 'error', text: 'A PIN is digits only. Type it again.' })
      pin.focus()
      return
    }
    pin.clear()
    busyRef.current = true
    setBusy(true)
    try {
      const result = await api.session.signIn({ staffId: member.id, pin: typed })
      if (result.ok) {
        onStatus(result.status)
        return
      }
      if (result.reason === 'locked' || (result.reason === 'wrong-pin' && result.lockedUntil !== null)) {
        setOutcome({ kind: 'locked', lockedUntil: result.lockedUntil, afterWrongPin: result.reason === 'wrong-pin' })
      } else if (result.reason === 'wrong-pin' && result.attemptsBeforeLock === 0) {
        // Locked until a manager resets the PIN.
        setOutcome({ kind: 'locked', lockedUntil: null, afterWrongPin: true })
      } else {
        setOutcome({ kind: 'error', text: result.message })
      }
    } catch (error) {
      setOutcome({ kind: 'error', text: errorMessage(error) })
    } finally {
      busyRef.current = false
      setBusy(false)
    }
  }

  // Esc goes back to the names from anywhere on this step (focus may be on the page itself).
  const backOnEscape = useEffectEvent((event: globalThis.KeyboardEvent) => {
    if (event.key === 'Escape' && !event.defaultPrevented && !busyRef.current) {
      event.preventDefault()
      onBack()
    }
  })
  useEffect(() => {
    const listener = (event: globalThis.KeyboardEvent) => backOnEscape(event)
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [])

  // When the account locks, the PIN box goes away: the cursor moves to "Choose another name".
  const backButton = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (locked) backButton.current?.focus()
  }, [locked])

  const words = outcome.kind === 'locked' ? lockWords(outcome.lockedUntil) : null

  return (
    <GateLayout
      title={locked ? `${member.name} is locked out` : `Enter your PIN, ${member.name}`}
      lead={
        <p>
          Signing in as <strong>{member.name}</strong> ({ROLE_LABELS[member.role].toLowerCase()}).
        </p>
      }
    >
      <div className="pin-step">
        {words && outcome.kind === 'locked' ? (
          <div className="notice notice--error" role="alert" data-testid="sign-in-locked">
            <p className="notice__title">
              {outcome.afterWrongPin ? 'Wrong PIN. ' : ''}
              {words.title}
            </p>
            <div className="notice__body">
              <p>{words.text}</p>
            </div>
          </div>
        ) : (
          <form className="gate__form" noValidate onSubmit={(event) => void submit(event)}>
            <div className="field">
              <label className="field__label" htmlFor="sign-in-pin">
                PIN
              </label>
              <input
                {...pin.inputProps}
                id="sign-in-pin"
                className="input input--pin input--pin-large"
                type="password"
                inputMode="numeric"
                autoComplete="off"
                spellCheck={false}
                maxLength={16}
                aria-invalid={outcome.kind === 'error'}
                aria-describedby={outcome.kind === 'error' ? 'sign-in-message' : undefined}
              />
            </div>
            {outcome.kind === 'error' ? (
              <div className="notice notice--error" role="alert" id="sign-in-message" data-testid="sign-in-message">
                <div className="notice__body">
                  <p>{outcome.text}</p>
                </div>
              </div>
            ) : null}
            {outcome.kind === 'unlocked' ? (
              <Notice tone="info">
                <p>The lock has run out: you can try your PIN again.</p>
              </Notice>
            ) : null}
            <div className="gate__actions">
              <button type="submit" className="button button--primary button--large" aria-disabled={busy}>
                {busy ? 'Checking…' : 'Sign in'} <Kbd keys="Enter" />
              </button>
            </div>
          </form>
        )}
        <div className="gate__actions">
          <button type="button" className="button button--quiet" onClick={onBack} ref={backButton}>
            Not {member.name}? Choose another name <Kbd keys="Esc" />
          </button>
        </div>
      </div>
    </GateLayout>
  )
}
