import { useState } from 'react'
import type { SetupDocument } from '../../../../shared/print/print-setup'
import { Notice } from '../../components/Notice'
import { PrintDialog, type PrintTarget } from './PrintDialog'
import { PrintHistory } from './PrintHistory'
import './printing.css'

export interface DocumentButton {
  readonly document: SetupDocument
  readonly label: string
  readonly primary?: boolean
}

interface Props {
  readonly target: PrintTarget
  readonly buttons: readonly DocumentButton[]
  /** Show the print history under the buttons. */
  readonly history?: boolean
  readonly titleId: string
  readonly title: string
}

/** Print buttons for a job or a vehicle, the print dialog they open, and what was printed. */
export function DocumentButtons({ target, buttons, history = true, titleId, title }: Props) {
  const [open, setOpen] = useState<SetupDocument | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [version, setVersion] = useState(0)
  const historyTarget = target.jobId !== undefined ? { jobId: target.jobId } : { vehicleId: target.vehicleId }

  return (
    <section className="job-section print-documents" aria-labelledby={titleId} data-testid="print-documents">
      <h3 id={titleId} className="record-section__title">
        {title}
      </h3>
      <div className="job-actions">
        {buttons.map((button) => (
          <button
            key={button.document}
            type="button"
            className={`button${button.primary ? ' button--primary' : ''}`}
            data-testid={`print-${button.document}`}
            onClick={() => {
              setDone(null)
              setOpen(button.document)
            }}
          >
            {button.label}
          </button>
        ))}
      </div>
      {done ? (
        <Notice tone="success" testId="print-done">
          <p>{done}</p>
        </Notice>
      ) : null}
      {history ? (
        <details className="print-documents__history" open>
          <summary>What was printed</summary>
          <PrintHistory target={historyTarget} version={version} />
        </details>
      ) : null}
      {open ? (
        <PrintDialog
          document={open}
          target={target}
          onClose={() => {
            setOpen(null)
            setVersion((n) => n + 1)
          }}
          onDone={(message) => {
            setOpen(null)
            setDone(message)
            setVersion((n) => n + 1)
          }}
        />
      ) : null}
    </section>
  )
}
