import { useEffect, useState } from 'react'
import type { SecurityStatus } from '../../../../shared/domain/security'
import { Notice } from '../../components/Notice'
import { api, errorMessage } from '../../lib/api'
import { GateLayout } from './GateLayout'
import { RecoveryKeyCard } from './RecoveryKeyCard'

interface Props {
  readonly onStatus: (status: SecurityStatus) => void
}

type KeyState = { readonly status: 'making' } | { readonly status: 'shown'; readonly recoveryKey: string } | { readonly status: 'error'; readonly message: string }

/**
 * First start, right after the vault is set up: the recovery key, shown
 * once. Leaving this screen without confirming (closing the window) makes a
 * new key next time; the unconfirmed one was never stored.
 */
export function RecoveryKeyScreen({ onStatus }: Props) {
  const [state, setState] = useState<KeyState>({ status: 'making' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    // Only the newest request's key is shown: main keeps only the newest one waiting.
    let current = true
    api.vault.newRecoveryKey({ pin: null }).then(
      (made) => {
        if (current) setState({ status: 'shown', recoveryKey: made.recoveryKey })
      },
      (caught: unknown) => {
        if (current) setState({ status: 'error', message: errorMessage(caught) })
      },
    )
    return () => {
      current = false
    }
  }, [attempt])

  return (
    <GateLayout
      title="Write down the recovery key"
      lead={
        <p>
          The code vault is set up. This key is the spare: it opens the radio codes on another computer, or when the passphrase is
          forgotten.
        </p>
      }
    >
      {state.status === 'making' ? <p role="status">Making the recovery key…</p> : null}
      {state.status === 'error' ? (
        <>
          <Notice tone="error" title="The recovery key was not made">
            <p>{state.message}</p>
          </Notice>
          <div className="gate__actions">
            <button type="button" className="button" onClick={() => {
                setState({ status: 'making' })
                setAttempt((n) => n + 1)
              }}>
              Try again
            </button>
          </div>
        </>
      ) : null}
      {state.status === 'shown' ? (
        <RecoveryKeyCard recoveryKey={state.recoveryKey} continueLabel="I have written it down: continue" onConfirmed={onStatus} />
      ) : null}
    </GateLayout>
  )
}
