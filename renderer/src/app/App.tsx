import { useEffect, useState } from 'react'
import type { AppStatus } from '../../../shared/domain/app-status'
import { api, errorMessage, hasApiBridge } from '../lib/api'
import { AppShell } from './AppShell'
import { DatabaseErrorScreen } from './DatabaseErrorScreen'
import { LoadingScreen } from './LoadingScreen'
import { StartupErrorScreen } from './StartupErrorScreen'

type Boot =
  | { readonly state: 'loading' }
  | { readonly state: 'ready' | 'database-error'; readonly status: AppStatus }
  | { readonly state: 'startup-error'; readonly reason: 'no-bridge' | 'status-failed'; readonly message: string }

/**
 * Asks main for the app status once, then shows the app, the database-error
 * screen or a start-up error. The root element's data-app-state says which
 * (tests wait on it).
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

  useEffect(() => {
    if (!bridge) return
    let cancelled = false
    api.app.status({}).then(
      (status) => {
        if (!cancelled) setBoot({ state: status.state, status })
      },
      (error: unknown) => {
        if (!cancelled) setBoot({ state: 'startup-error', reason: 'status-failed', message: errorMessage(error) })
      },
    )
    return () => {
      cancelled = true
    }
  }, [bridge, attempt])

  const retry = () => {
    setBoot({ state: 'loading' })
    setAttempt((n) => n + 1)
  }

  return (
    <div className="app-root" data-app-state={boot.state}>
      {boot.state === 'loading' ? <LoadingScreen /> : null}
      {boot.state === 'ready' && boot.status.state === 'ready' ? <AppShell status={boot.status} /> : null}
      {boot.state === 'database-error' && boot.status.state === 'database-error' ? (
        <DatabaseErrorScreen status={boot.status} />
      ) : null}
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
