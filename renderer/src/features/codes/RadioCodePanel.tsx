import { useRef, useState } from 'react'
import type { RadioCodeStatus, RadioSummary } from '../../../../shared/domain/radio'
import { Kbd } from '../../components/Kbd'
import { Notice } from '../../components/Notice'
import { api, errorMessage } from '../../lib/api'
import { formatDateTime } from '../../lib/format'
import { usePageShortcuts } from '../../lib/use-page-shortcuts'
import { CodeDisplay } from './CodeDisplay'
import { CodeHistory } from './CodeHistory'
import { EnterCodeForm } from './EnterCodeForm'
import { PinDialog } from './PinDialog'
import { ReleaseForm } from './ReleaseForm'
import { useCodeHistory } from './use-code-history'
import { useDisclosure } from './use-disclosure'
import './codes.css'

type Mode = 'view' | 'enter' | 'release'

interface Props {
  readonly radio: RadioSummary
  readonly ownerName: string | null
}

const STATUS_TEXT: Record<RadioCodeStatus, string> = {
  none: 'No code on file',
  'on-file': 'Code on file, not yet tried in the radio',
  verified: 'Code on file and verified: it worked in the radio',
}

const STATUS_HINT = 'Enter it from the owner’s card or sticker, or get it through a channel below.'

/**
 * The installed radio's code: status, masked history, and what the desk can do
 * with it (enter or correct, mark verified, show, give to the customer).
 */
export function RadioCodePanel({ radio, ownerName }: Props) {
  const { state: history, reload } = useCodeHistory(radio.id)
  const [mode, setMode] = useState<Mode>('view')
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null)
  const [verifying, setVerifying] = useState(false)
  const disclosure = useDisclosure()
  const statusRef = useRef<HTMLParagraphElement>(null)

  const entries = history.status === 'ready' ? history.entries : []
  const current = entries.find((entry) => entry.current) ?? null
  const status: RadioCodeStatus =
    history.status === 'ready' ? (current ? (current.verifiedAt ? 'verified' : 'on-file') : 'none') : radio.codeStatus
  const busy = disclosure.state.step === 'working' || disclosure.state.step === 'pin'

  const backToView = (text: string | null, tone: 'success' | 'error' = 'success') => {
    setMode('view')
    setMessage(text ? { tone, text } : null)
    requestAnimationFrame(() => statusRef.current?.focus())
  }

  const openMode = (next: Mode) => {
    disclosure.hide()
    setMessage(null)
    setMode(next)
  }

  const showCode = () => {
    if (!current || busy) return
    setMessage(null)
    setMode('view')
    void disclosure.reveal(current.id)
  }

  const verify = async () => {
    if (!current || verifying) return
    setVerifying(true)
    try {
      const entry = await api.codes.verify({ codeId: current.id })
      reload()
      backToView(`Marked as working in the radio by ${entry.verifiedBy?.name ?? 'you'}.`)
    } catch (error) {
      setMessage({ tone: 'error', text: errorMessage(error) })
    } finally {
      setVerifying(false)
    }
  }

  usePageShortcuts(
    {
      c: () => openMode('enter'),
      s: showCode,
      g: () => (current ? openMode('release') : undefined),
    },
    mode === 'view' && !busy && disclosure.state.step !== 'shown',
  )

  const shown = disclosure.state.step === 'shown' ? disclosure.state : null

  return (
    <div className="radio-code" data-testid="radio-code">
      <div className="radio-code__head">
        <p className={`radio-code__status radio-code__status--${status}`} ref={statusRef} tabIndex={-1} data-testid="code-status-line">
          <span>{STATUS_TEXT[status]}</span>
          <span className="radio-code__status-detail">
            {current
              ? `Entered ${formatDateTime(current.enteredAt)} by ${current.enteredBy.name}${
                  current.verifiedAt ? `; checked in the radio ${formatDateTime(current.verifiedAt)} by ${current.verifiedBy?.name ?? 'someone'}` : ''
                }.`
              : history.status === 'ready'
                ? STATUS_HINT
                : ''}
          </span>
        </p>
        {mode === 'view' ? (
          <div className="radio-code__actions">
            {current ? (
              <>
                <button type="button" className="button button--primary" onClick={showCode} aria-keyshortcuts="S" aria-disabled={busy}>
                  Show code <Kbd keys="S" />
                </button>
                <button type="button" className="button" onClick={() => openMode('release')} aria-keyshortcuts="G">
                  Give code to customer <Kbd keys="G" />
                </button>
                {current.verifiedAt === null ? (
                  <button type="button" className="button" onClick={() => void verify()} aria-disabled={verifying}>
                    {verifying ? 'Saving…' : 'Verified working'}
                  </button>
                ) : null}
                <button type="button" className="button button--quiet" onClick={() => openMode('enter')} aria-keyshortcuts="C">
                  Correct the code <Kbd keys="C" />
                </button>
              </>
            ) : (
              <button type="button" className="button button--primary" onClick={() => openMode('enter')} aria-keyshortcuts="C">
                Enter code <Kbd keys="C" />
              </button>
            )}
          </div>
        ) : null}
      </div>

      {message ? (
        <Notice tone={message.tone} testId="code-message">
          <p>{message.text}</p>
        </Notice>
      ) : null}

      {disclosure.state.step === 'refused' ? (
        <Notice tone="error" title="The code was not shown" testId="reveal-refused">
          <p>{disclosure.state.message}</p>
        </Notice>
      ) : null}
      {disclosure.state.step === 'pin' ? (
        <PinDialog
          title="Show the radio code"
          lead="Type your PIN to show this code. Showing a code is recorded in the audit log."
          error={disclosure.state.error}
          busy={disclosure.state.busy}
          onSubmit={(pin) => void disclosure.submitPin(pin)}
          onCancel={() => {
            disclosure.hide()
            requestAnimationFrame(() => statusRef.current?.focus())
          }}
        />
      ) : null}
      {shown ? (
        <CodeDisplay
          code={shown.code}
          title={shown.recipient ? `Code for ${shown.recipient}` : `Radio code${radio.serial ? ` for serial ${radio.serial}` : ''}`}
          lead={
            shown.recipient
              ? 'Read it out one character at a time, or let them copy it. Recorded in the audit log.'
              : shown.verified
                ? 'Read it one character at a time. This code has worked in the radio.'
                : 'Read it one character at a time. Not yet confirmed in the radio.'
          }
          onHide={() => {
            disclosure.hide()
            requestAnimationFrame(() => statusRef.current?.focus())
          }}
        />
      ) : null}

      {mode === 'enter' ? (
        <EnterCodeForm
          radioId={radio.id}
          replacing={current !== null}
          onSaved={() => {
            reload()
            backToView(
              current
                ? 'Corrected code saved. It shows as ••••• from now on; the old one stays in the history, marked replaced.'
                : 'Code saved. It shows as ••••• from now on.',
            )
          }}
          onCancel={() => backToView(null)}
        />
      ) : null}
      {mode === 'release' && current ? (
        <ReleaseForm
          codeId={current.id}
          radioId={radio.id}
          ownerName={ownerName}
          onReleased={(revealed, recipient) => {
            setMode('view')
            disclosure.showRevealed(revealed, recipient)
          }}
          onCancel={() => backToView(null)}
        />
      ) : null}

      {history.status !== 'ready' || entries.length > 0 ? <h4 className="radio-code__history-title">Code history</h4> : null}
      {history.status === 'loading' ? <p className="muted">Loading the code history…</p> : null}
      {history.status === 'error' ? (
        <Notice tone="error" title="The code history could not be shown">
          <p>{history.message}</p>
        </Notice>
      ) : null}
      {history.status === 'ready' && entries.length > 0 ? <CodeHistory entries={entries} label="Codes for this radio, newest first" /> : null}
    </div>
  )
}

/** A removed radio's codes, read-only: loaded when opened. */
export function RemovedRadioCodes({ radioId }: { readonly radioId: number }) {
  const [open, setOpen] = useState(false)
  const { state } = useCodeHistory(radioId, open)
  return (
    <details className="removed-radio-codes" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Code history</summary>
      {state.status === 'loading' ? <p className="muted">Loading…</p> : null}
      {state.status === 'error' ? <p className="field__error">{state.message}</p> : null}
      {state.status === 'ready' ? <CodeHistory entries={state.entries} label="Codes for this removed radio, newest first" /> : null}
    </details>
  )
}

export default RadioCodePanel
