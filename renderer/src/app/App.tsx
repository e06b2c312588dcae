import { useEffect, useMemo, useState, type Dispatch, type SetStateAction } from 'react'
import type { AppStatus } from '../../../shared/domain/app-status'
import type { SecurityStatus } from '../../../shared/domain/security'
import { FirstManagerScreen } from '../features/security/FirstManagerScreen'
import { RecoveryKeyScreen } from '../features/security/RecoveryKeyScreen'
import { SignInScreen } from '../features/security/SignInScreen'
import { VaultSetUpScreen } from '../features/security/VaultSetUpScreen'
import { VaultUnlockScreen } from '../features/security/VaultUnlockScreen'
import { takeRestoreSignOutNote } from '../features/backups/restore-notice'
import { api, errorMessage, hasApiBridge, onAccessLost, openEventStream } from '../lib/api'
import { requestArrivalFocus } from './arrival-focus'
import { AppShell } from './AppShell'
import { DatabaseErrorScreen } from './DatabaseErrorScreen'
import { DeskContext, type Desk } from './desk-context'
import { LoadingScreen } from './LoadingScreen'
import { StartupErrorScreen } from './StartupErrorScreen'

type ReadyStatus = Extract<AppStatus, { state: 'ready' }>

type Boot =
  | { readonly state: 'loading' }
  | { readonly state: 'database-error'; readonly status: AppStatus }
  | { readonly state: 'desk'; readonly status: ReadyStatus; readonly security: SecurityStatus }
  | { readonly state: 'startup-error'; readonly reason: 'no-bridge' | 'status-failed'; readonly message: string }

/** Which start-up step the desk is at; 'ready' is the working app. Also the root's data-app-state. */
export type DeskGate = 'setup-vault' | 'unlock-vault' | 'recovery-key' | 'first-manager' | 'sign-in' | 'ready'

export function deskGate(security: SecurityStatus): DeskGate {
  if (security.vault === 'uninitialized') return 'setup-vault'
  if (security.vault === 'locked') return 'unlock-vault'
  // First start: the recovery key is written down before anything else is set up.
  if (security.needsFirstManager && !security.hasRecoveryKey) return 'recovery-key'
  if (security.needsFirstManager) return 'first-manager'
  if (security.signedIn === null) return 'sign-in'
  return 'ready'
}

interface SignedOut {
  /** The name to put the cursor on in the picker. */
  readonly staffId: number | null
  readonly notice: string | null
}

/**
 * Asks main for the app status, then who is at the desk, and shows the right
 * step: set up or unlock the vault, create the first manager, sign in, or the
 * app. The root element's data-app-state says which (tests wait on it).
 *
 * Whenever main says the session changed (idle sign-out, someone signed in or
 * out) or a call is refused as SIGNED_OUT / VAULT_LOCKED, the desk is checked
 * again. The app is unmounted while nobody is signed in, so nothing of the
 * last person's screen stays on show; typed forms live on as drafts and come
 * back with the route after signing in.
 */
export function App() {
  const bridge = hasApiBridge()
  const [boot, setBoot] = useState<Boot>(() =>
    bridge
      ? { state: 'loading' }
      : {
          state: 'startup-error',
          reason: 'no-bridge',
          message: 'This window is not connected to Radio Code Desk’s database, so nothing can be shown or saved.',
        },
  )
  const [attempt, setAttempt] = useState(0)
  const [signedOut, setSignedOut] = useState<SignedOut>({ staffId: null, notice: null })
  const [sync] = useState(() => createDeskSync(setBoot, setSignedOut))
  const security = boot.state === 'desk' ? boot.security : null

  useEffect(() => {
    if (!bridge) return
    // Data changes first, so lists opened later miss nothing; then the status.
    openEventStream('data.changed')
    let cancelled = false
    const run = async () => {
      const status = await api.app.status({})
      if (status.state !== 'ready') return { state: 'database-error', status } as const
      const desk = await api.security.status({})
      return { state: 'desk', status, security: desk } as const
    }
    run().then(
      (next) => {
        if (cancelled) return
        if (next.state === 'desk') sync.start(next.security)
        setBoot(next)
      },
      (error: unknown) => {
        if (!cancelled) setBoot({ state: 'startup-error', reason: 'status-failed', message: errorMessage(error) })
      },
    )
    return () => {
      cancelled = true
    }
  }, [bridge, attempt, sync])

  const inDesk = boot.state === 'desk'
  useEffect(() => {
    if (!inDesk) return
    const offSession = api.on('session.changed', () => sync.recheck())
    const offAccess = onAccessLost(() => sync.recheck())
    return () => {
      offSession()
      offAccess()
    }
  }, [inDesk, sync])

  const member = security?.signedIn ?? null
  const desk = useMemo<Desk | null>(
    () => (member ? { member, isManager: member.role === 'manager' && member.active, switchPerson: sync.switchPerson, recheck: sync.recheck } : null),
    [member, sync],
  )

  const retry = () => {
    setBoot({ state: 'loading' })
    setAttempt((n) => n + 1)
  }

  const gate = security ? deskGate(security) : null
  const appState = boot.state === 'desk' && gate ? gate : boot.state

  return (
    <div className="app-root" data-app-state={appState}>
      {boot.state === 'loading' ? <LoadingScreen /> : null}
      {boot.state === 'desk' && gate === 'setup-vault' ? <VaultSetUpScreen security={boot.security} onStatus={sync.apply} /> : null}
      {boot.state === 'desk' && gate === 'unlock-vault' ? <VaultUnlockScreen security={boot.security} onStatus={sync.apply} /> : null}
      {boot.state === 'desk' && gate === 'recovery-key' ? <RecoveryKeyScreen onStatus={sync.apply} /> : null}
      {boot.state === 'desk' && gate === 'first-manager' ? <FirstManagerScreen onStatus={sync.apply} /> : null}
      {boot.state === 'desk' && gate === 'sign-in' ? (
        <SignInScreen onStatus={sync.apply} suggestedStaffId={signedOut.staffId} notice={signedOut.notice} />
      ) : null}
      {boot.state === 'desk' && gate === 'ready' && desk ? (
        <DeskContext.Provider value={desk}>
          <AppShell status={boot.status} />
        </DeskContext.Provider>
      ) : null}
      {boot.state === 'database-error' && boot.status.state === 'database-error' ? <DatabaseErrorScreen status={boot.status} onRestored={retry} /> : null}
      {boot.state === 'startup-error' && boot.reason === 'no-bridge' ? (
        <StartupErrorScreen
          title="Radio Code Desk could not start"
          message={boot.message}
          steps={[
            'Close Radio Code Desk and start it again from its desktop icon or the Start menu.',
            'If you opened this page in a web browser, open the Radio Code Desk app instead.',
            'If this keeps happening, reinstall Radio Code Desk or call whoever looks after the shop’s computers. Your data is not affected.',
          ]}
        />
      ) : null}
      {boot.state === 'startup-error' && boot.reason === 'status-failed' ? (
        <StartupErrorScreen
          title="Radio Code Desk could not start"
          message={boot.message}
          steps={['Press "Try again".', 'If this keeps happening, close Radio Code Desk and start it again.']}
          onRetry={retry}
        />
      ) : null}
    </div>
  )
}

/**
 * Keeps the shown step in line with main: applies each new status (from a
 * step's own call or a re-check), ignores a re-check that answers after a
 * newer status, and notes who was signed out and why for the picker.
 */
function createDeskSync(setBoot: Dispatch<SetStateAction<Boot>>, setSignedOut: Dispatch<SetStateAction<SignedOut>>) {
  let current: SecurityStatus | null = null
  /** Bumped by every new status, so an older re-check that answers late is ignored. */
  let sequence = 0
  /** True while this window's own "Switch person" is on its way (no "you were signed out" note then). */
  let switching = false

  const apply = (next: SecurityStatus): void => {
    sequence += 1
    const was = current?.signedIn ?? null
    current = next
    if (was && !next.signedIn) {
      setSignedOut(
        switching
          ? { staffId: null, notice: null }
          : {
              staffId: was.id,
              notice:
                takeRestoreSignOutNote() ??
                `${was.name} was signed out: the desk was left idle, or someone signed out. Anything typed into a form is kept and comes back after signing in.`,
            },
      )
    }
    if (next.signedIn && next.signedIn.id !== was?.id) {
      // The screen that comes back takes focus (its heading, or the form's first box).
      requestArrivalFocus()
      setSignedOut({ staffId: null, notice: null })
    }
    setBoot((boot) => (boot.state === 'desk' ? { ...boot, security: next } : boot))
  }

  const recheck = (): void => {
    const mine = ++sequence
    api.security.status({}).then(
      (next) => {
        if (mine === sequence) apply(next)
      },
      () => {
        // Main could not answer; the next refused call or session event tries again.
      },
    )
  }

  const switchPerson = (): void => {
    if (switching) return
    switching = true
    api.session.signOut({}).then(
      (next) => {
        apply(next)
        switching = false
      },
      () => {
        switching = false
        recheck()
      },
    )
  }

  return {
    /** The status the app started with. */
    start(initial: SecurityStatus): void {
      current = initial
    },
    apply,
    recheck,
    switchPerson,
  }
}
