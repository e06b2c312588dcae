import { useState } from 'react'
import type { StaffMember } from '../../../../shared/domain/staff'
import { useDesk } from '../../app/desk-context'
import { Notice } from '../../components/Notice'
import { api, errorMessage } from '../../lib/api'
import { clockTime, stillLocked } from '../security/lock-words'
import { ROLE_LABELS } from '../security/role-words'
import { AddStaffForm } from './AddStaffForm'
import { ResetPinPanel } from './ResetPinPanel'
import { useStaffList, type StaffListState } from './use-staff-list'
import './staff.css'

type Message = { readonly tone: 'success' | 'error'; readonly text: string }

/** "Active", "Inactive", "Locked until 10:42", "Locked: needs a new PIN". */
function statusText(member: StaffMember): { text: string; tone: 'ok' | 'off' | 'locked' } {
  if (!member.active) return { text: 'Inactive: cannot sign in', tone: 'off' }
  if (member.needsManagerReset) return { text: 'Locked: needs a PIN reset', tone: 'locked' }
  if (stillLocked(member.lockedUntil, false) && member.lockedUntil) return { text: `Locked until ${clockTime(member.lockedUntil)}`, tone: 'locked' }
  if (member.failedPinAttempts > 0) {
    return { text: `Active (${member.failedPinAttempts} wrong PIN${member.failedPinAttempts === 1 ? '' : 's'} in a row)`, tone: 'ok' }
  }
  return { text: 'Active', tone: 'ok' }
}

/**
 * Settings → Staff. A manager sees everyone with role, permissions and lock
 * state, and can add people, change what they may do with codes (saved at
 * once), reset a PIN, and deactivate or reactivate someone. Others see who
 * is on staff, read-only.
 */
export function StaffSection() {
  const desk = useDesk()
  const { state, reload, replace } = useStaffList()
  if (!desk.isManager) return <StaffReadOnly state={state} onRetry={reload} />
  return <StaffManager state={state} reload={reload} replace={replace} selfId={desk.member.id} onSelfDeactivated={desk.switchPerson} />
}

function StaffReadOnly({ state, onRetry }: { readonly state: StaffListState; readonly onRetry: () => void }) {
  return (
    <section className="settings-card" aria-labelledby="staff-title">
      <h2 id="staff-title">Staff</h2>
      <p className="settings-card__lead">Who works at this desk. Only a manager can add people, change what they may do, or reset a PIN.</p>
      <StaffLoading state={state} onRetry={onRetry} />
      {state.status === 'ready' ? (
        <table className="data-table" aria-labelledby="staff-title">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {state.staff.map((member) => (
              <tr key={member.id}>
                <th scope="row">{member.name}</th>
                <td>{ROLE_LABELS[member.role]}</td>
                <td>{member.active ? 'Active' : 'Inactive'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  )
}

function StaffLoading({ state, onRetry }: { readonly state: StaffListState; readonly onRetry: () => void }) {
  if (state.status === 'loading') return <p role="status">Loading the staff list…</p>
  if (state.status === 'error') {
    return (
      <>
        <Notice tone="error" title="The staff list could not be loaded">
          <p>{state.message}</p>
        </Notice>
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      </>
    )
  }
  return null
}

interface ManagerProps {
  readonly state: StaffListState
  readonly reload: () => void
  readonly replace: (member: StaffMember) => void
  readonly selfId: number
  readonly onSelfDeactivated: () => void
}

function StaffManager({ state, reload, replace, selfId, onSelfDeactivated }: ManagerProps) {
  const [message, setMessage] = useState<Message | null>(null)
  const [pending, setPending] = useState<ReadonlySet<number>>(() => new Set())
  const [resetting, setResetting] = useState<StaffMember | null>(null)
  /** Permissions being saved, shown ahead of main's answer. */
  const [shown, setShown] = useState<ReadonlyMap<number, { canRevealCodes: boolean; canPrintCodes: boolean }>>(() => new Map())

  /** Runs one change for one person (one at a time each); the member after it, or null when refused. */
  const run = async (
    member: StaffMember,
    work: () => Promise<StaffMember>,
    said: (after: StaffMember) => string,
  ): Promise<StaffMember | null> => {
    if (pending.has(member.id)) return null
    setPending((current) => new Set(current).add(member.id))
    setMessage(null)
    try {
      const after = await work()
      replace(after)
      setMessage({ tone: 'success', text: said(after) })
      return after
    } catch (error) {
      setMessage({ tone: 'error', text: `${member.name}: not changed. ${errorMessage(error)}` })
      return null
    } finally {
      setPending((current) => {
        const next = new Set(current)
        next.delete(member.id)
        return next
      })
    }
  }

  const setPermission = (member: StaffMember, change: { canRevealCodes?: boolean; canPrintCodes?: boolean }) => {
    if (pending.has(member.id)) return
    const wanted = {
      canRevealCodes: change.canRevealCodes ?? member.canRevealCodes,
      canPrintCodes: change.canPrintCodes ?? member.canPrintCodes,
    }
    // The box shows the new state at once; it goes back if main refuses.
    setShown((current) => new Map(current).set(member.id, wanted))
    void run(
      member,
      () => api.staff.setPermissions({ staffId: member.id, ...wanted }),
      (after) =>
        `Saved: ${after.name} ${after.canRevealCodes ? 'may' : 'may not'} reveal codes and ${after.canPrintCodes ? 'may' : 'may not'} print code cards.`,
    ).finally(() =>
      setShown((current) => {
        const next = new Map(current)
        next.delete(member.id)
        return next
      }),
    )
  }

  const setActive = (member: StaffMember, active: boolean) =>
    void run(
      member,
      () => api.staff.setActive({ staffId: member.id, active }),
      (after) =>
        after.active
          ? `${after.name} is active again and can sign in.`
          : `${after.name} is deactivated and cannot sign in. Their history stays in the records; Reactivate undoes this.`,
    ).then((after) => {
      // A manager who deactivated their own account is done at this desk.
      if (after && !after.active && after.id === selfId) onSelfDeactivated()
    })

  const goToAddForm = () => {
    const name = document.getElementById('staff-add-name')
    name?.scrollIntoView({ block: 'center' })
    name?.focus({ preventScroll: true })
  }

  const focusRowAction = (id: number) => {
    window.requestAnimationFrame(() => document.getElementById(`staff-${id}-reset`)?.focus())
  }

  return (
    <>
      <section className="settings-card staff-card" aria-labelledby="staff-title">
        <div className="staff-card__head">
          <div>
            <h2 id="staff-title">Staff</h2>
            <p className="settings-card__lead">
              Who works at this desk and what they may do with radio codes. Changes are saved at once and recorded in the audit log.
            </p>
          </div>
          <button type="button" className="button button--primary" onClick={goToAddForm}>
            Add a person
          </button>
        </div>
        <div aria-live="polite" className="staff-message">
          {message ? (
            <Notice tone={message.tone} testId="staff-message">
              <p>{message.text}</p>
            </Notice>
          ) : null}
        </div>
        <StaffLoading state={state} onRetry={reload} />
        {state.status === 'ready' ? (
          <table className="data-table staff-table" aria-labelledby="staff-title">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Radio codes</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {state.staff.map((member) => {
                const status = statusText(member)
                const busy = pending.has(member.id)
                const isSelf = member.id === selfId
                const permissions = shown.get(member.id) ?? member
                return (
                  <tr key={member.id} className={member.active ? undefined : 'data-table__row--off'} data-testid={`staff-row-${member.id}`}>
                    <th scope="row">
                      {member.name}
                      {isSelf ? <span className="staff-table__you"> (you)</span> : null}
                    </th>
                    <td className="staff-table__nowrap">{ROLE_LABELS[member.role]}</td>
                    <td>
                      {member.role === 'manager' ? (
                        <span className="muted">Reveals and prints (manager)</span>
                      ) : (
                        <div className="staff-table__permissions" aria-busy={busy}>
                          <label className="check">
                            <input
                              type="checkbox"
                              checked={permissions.canRevealCodes}
                              aria-disabled={busy}
                              aria-label={`${member.name} may reveal codes`}
                              onChange={(event) => setPermission(member, { canRevealCodes: event.target.checked })}
                            />
                            <span aria-hidden="true">May reveal codes</span>
                          </label>
                          <label className="check">
                            <input
                              type="checkbox"
                              checked={permissions.canPrintCodes}
                              aria-disabled={busy}
                              aria-label={`${member.name} may print code cards`}
                              onChange={(event) => setPermission(member, { canPrintCodes: event.target.checked })}
                            />
                            <span aria-hidden="true">May print code cards</span>
                          </label>
                        </div>
                      )}
                    </td>
                    <td>
                      <span className={`staff-status staff-status--${status.tone}`}>{status.text}</span>
                    </td>
                    <td className="staff-table__actions">
                      <button
                        type="button"
                        id={`staff-${member.id}-reset`}
                        className="button button--small"
                        aria-label={isSelf ? 'Change your PIN' : `Reset ${member.name}’s PIN`}
                        onClick={() => {
                          setMessage(null)
                          setResetting(member)
                        }}
                      >
                        {isSelf ? 'Change PIN' : 'Reset PIN'}
                      </button>
                      {member.active ? (
                        <button
                          type="button"
                          className="button button--small"
                          aria-disabled={busy}
                          aria-label={isSelf ? 'Deactivate your own account (signs you out)' : `Deactivate ${member.name}`}
                          onClick={() => setActive(member, false)}
                        >
                          Deactivate
                        </button>
                      ) : (
                        <button
                          type="button"
                          className="button button--small"
                          aria-disabled={busy}
                          aria-label={`Reactivate ${member.name}`}
                          onClick={() => setActive(member, true)}
                        >
                          Reactivate
                        </button>
                      )}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        ) : null}
        {resetting ? (
          <ResetPinPanel
            key={resetting.id}
            member={resetting}
            isSelf={resetting.id === selfId}
            onCancel={() => {
              focusRowAction(resetting.id)
              setResetting(null)
            }}
            onDone={(after) => {
              replace(after)
              setResetting(null)
              setMessage({
                tone: 'success',
                text:
                  after.id === selfId
                    ? 'Your new PIN is set. Use it from now on.'
                    : `${after.name}’s PIN was reset and any lockout cleared. ${after.name} can sign in with the new PIN now. The reset is recorded in the audit log.`,
              })
              focusRowAction(after.id)
            }}
          />
        ) : null}
      </section>
      <AddStaffForm onAdded={() => reload()} />
    </>
  )
}
