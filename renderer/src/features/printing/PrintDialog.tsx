import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react'
import type { CardFormat } from '../../../../shared/print/code-card'
import type { PrintableDocument } from '../../../../shared/print/document'
import type { DocumentRequestInput } from '../../../../shared/print/document-requests'
import type { PaperSize } from '../../../../shared/print/kit'
import type { ReminderFormat } from '../../../../shared/print/pickup-reminder'
import { FORMAT_LABELS, SETUP_DOCUMENT_LABELS, formatsFor, type SetupDocument } from '../../../../shared/print/print-setup'
import { Kbd } from '../../components/Kbd'
import { Notice } from '../../components/Notice'
import { api, errorMessage } from '../../lib/api'
import { PinDialog } from '../codes/PinDialog'
import { PagePreview } from './PagePreview'
import { documentLanguage, explainPrintRefusal } from './print-words'
import { SheetPositions } from './SheetPositions'
import { printerLabel, usePrintSetup } from './use-print-setup'
import './printing.css'

/** What to print for: a battery job, or a vehicle (reprints from the vehicle page). */
export type PrintTarget = { readonly jobId: number; readonly vehicleId?: undefined } | { readonly vehicleId: number; readonly jobId?: undefined }

interface Props {
  readonly document: SetupDocument
  readonly target: PrintTarget
  readonly onClose: () => void
  /** Printed or saved: the dialog closes and the page says so. */
  readonly onDone: (message: string) => void
}

interface Choices {
  readonly format: string
  readonly positions: readonly number[]
  readonly qr: boolean
  readonly copies: number
  /** '' : this computer's default printer. */
  readonly printerName: string
  readonly showSystemDialog: boolean
  readonly dealerName: string
  readonly proofs: string
}

type Preview =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly document: PrintableDocument }
  | { readonly status: 'error'; readonly message: string }

type Action = 'print' | 'pdf'

function requestFor(document: SetupDocument, target: PrintTarget, c: Choices): DocumentRequestInput | null {
  const on = target.jobId !== undefined ? { jobId: target.jobId } : { vehicleId: target.vehicleId }
  switch (document) {
    case 'code-card':
      if (c.format === 'sheet' && c.positions.length === 0) return null
      return { document, ...on, format: c.format as CardFormat, positions: c.format === 'sheet' ? [...c.positions] : null, qr: c.qr }
    case 'pickup-reminder':
      return target.jobId === undefined ? null : { document, jobId: target.jobId, format: c.format as ReminderFormat }
    case 'code-guide':
      return { document, ...on, paper: c.format as PaperSize }
    case 'dealer-request':
      return {
        document,
        ...on,
        paper: c.format as PaperSize,
        dealerName: c.dealerName.trim() === '' ? null : c.dealerName.trim(),
        proofsOnFile: c.proofs
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line !== '')
          .slice(0, 10),
      }
  }
}

/**
 * The print dialog: the document's live preview, its format (and which
 * cards of a business-card sheet to use), the QR option, copies and the
 * printer (defaults from this computer's setup), then Print or Save as PDF.
 * A code card asks for the PIN when main wants one. Esc closes it.
 */
export function PrintDialog({ document: kind, target, onClose, onDone }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null)
  const printRef = useRef<HTMLButtonElement>(null)
  const pdfRef = useRef<HTMLButtonElement>(null)
  const { state: setup } = usePrintSetup()
  // What the desk changed; everything else comes from this computer's setup for the document.
  const [edits, setEdits] = useState<Partial<Choices>>({})
  const [preview, setPreview] = useState<Preview>({ status: 'loading' })
  const [busy, setBusy] = useState<Action | null>(null)
  const [pin, setPin] = useState<{ readonly action: Action; readonly error: string | null } | null>(null)
  const [outcome, setOutcome] = useState<{ readonly tone: 'info' | 'error'; readonly text: string; readonly offerPdf: boolean } | null>(null)

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => {
      if (dialog?.open) dialog.close()
    }
  }, [])

  const saved = setup.status === 'ready' ? setup.setups[kind] : null
  const choices: Choices | null = useMemo(
    () =>
      saved
        ? {
            format: saved.format,
            positions: Array.from({ length: 10 }, (_, i) => i + 1),
            qr: false,
            copies: saved.copies,
            printerName: saved.printerName ?? '',
            showSystemDialog: !saved.silent,
            dealerName: '',
            proofs: '',
            ...edits,
          }
        : null,
    [saved, edits],
  )

  useEffect(() => {
    if (choices !== null) printRef.current?.focus()
    // Only when the dialog first has its choices.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [choices === null])

  const request = useMemo(() => (choices ? requestFor(kind, target, choices) : null), [kind, target, choices])
  const requestKey = JSON.stringify(request)

  useEffect(() => {
    if (request === null) return
    let cancelled = false
    const timer = window.setTimeout(() => {
      api.documents.preview(request).then(
        (document) => {
          if (!cancelled) setPreview({ status: 'ready', document })
        },
        (error: unknown) => {
          if (!cancelled) setPreview({ status: 'error', message: errorMessage(error) })
        },
      )
    }, 120)
    return () => {
      cancelled = true
      window.clearTimeout(timer)
    }
    // The key stands for the request's content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [requestKey])

  useEffect(() => {
    if (outcome?.offerPdf) pdfRef.current?.focus()
  }, [outcome])

  const change = (patch: Partial<Choices>) => {
    setOutcome(null)
    setEdits((current) => ({ ...current, ...patch }))
  }

  const printers = setup.status === 'ready' ? setup.printers : []
  const systemDefault = printers.find((p) => p.isDefault)?.name ?? null

  const run = async (action: Action, enteredPin: string | null) => {
    if (!request || !choices || busy) return
    setBusy(action)
    setOutcome(null)
    try {
      if (action === 'print') {
        const result = await api.documents.print({
          request,
          // "Default printer" is sent by name, so it wins over a setup naming another printer.
          printerName: choices.printerName === '' ? systemDefault : choices.printerName,
          copies: choices.copies,
          silent: !choices.showSystemDialog,
          pin: enteredPin,
        })
        setPin(null)
        if (result.status === 'printed') {
          onDone(result.savedTo ? `${result.message} Saved to ${result.savedTo}` : result.message)
          return
        }
        setOutcome({ tone: result.status === 'cancelled' ? 'info' : 'error', text: result.message, offerPdf: result.status === 'failed' })
      } else {
        const result = await api.documents.savePdf({ request, pin: enteredPin })
        setPin(null)
        if (result.status === 'saved') {
          onDone(result.message)
          return
        }
        setOutcome({ tone: 'info', text: result.message, offerPdf: false })
      }
    } catch (error) {
      const refusal = await explainPrintRefusal(error)
      if (refusal.kind === 'needs-pin') {
        setPin({ action, error: enteredPin !== null ? errorMessage(error) : null })
      } else {
        setPin(null)
        setOutcome({ tone: 'error', text: refusal.message, offerPdf: false })
      }
    } finally {
      setBusy(null)
    }
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    void run('print', null)
  }

  const title = `Print: ${SETUP_DOCUMENT_LABELS[kind]}`
  const language = preview.status === 'ready' && (kind === 'code-card' || kind === 'code-guide') ? documentLanguage(preview.document.html) : null
  const formats = formatsFor(kind)
  const idPrefix = `print-${kind}`

  return (
    <dialog
      ref={dialogRef}
      className="modal-dialog print-dialog"
      aria-labelledby={`${idPrefix}-title`}
      data-testid="print-dialog"
      onCancel={(event) => {
        event.preventDefault()
        if (!pin) onClose()
      }}
    >
      <form className="print-dialog__form" onSubmit={submit} noValidate>
        <h2 id={`${idPrefix}-title`} className="print-dialog__title">
          {title}
        </h2>
        {setup.status === 'loading' || choices === null ? (
          setup.status === 'error' ? (
            <Notice tone="error" title="The printer setup could not be loaded">
              <p>{setup.message}</p>
            </Notice>
          ) : (
            <p role="status">Loading the printers…</p>
          )
        ) : (
          <div className="print-dialog__body">
            <div className="print-dialog__choices">
              <fieldset className="print-dialog__formats">
                <legend className="field__label">Format</legend>
                {formats.map((format) => (
                  <label key={format} className="print-dialog__option">
                    <input type="radio" name={`${idPrefix}-format`} value={format} checked={choices.format === format} onChange={() => change({ format })} />
                    {FORMAT_LABELS[format as keyof typeof FORMAT_LABELS] ?? format}
                  </label>
                ))}
              </fieldset>

              {kind === 'code-card' && choices.format === 'sheet' ? <SheetPositions value={choices.positions} onChange={(positions) => change({ positions })} /> : null}

              {kind === 'code-card' ? (
                <label className="print-dialog__option">
                  <input type="checkbox" checked={choices.qr} onChange={(event) => change({ qr: event.target.checked })} />
                  Add a QR code with the same facts (the customer can save them to their phone)
                </label>
              ) : null}

              {kind === 'dealer-request' ? (
                <>
                  <div className="field">
                    <label className="field__label" htmlFor={`${idPrefix}-dealer`}>
                      Dealer <span className="field__optional">(optional)</span>
                    </label>
                    <input id={`${idPrefix}-dealer`} className="input" type="text" maxLength={120} value={choices.dealerName} onChange={(event) => change({ dealerName: event.target.value })} />
                  </div>
                  <div className="field">
                    <label className="field__label" htmlFor={`${idPrefix}-proofs`}>
                      Proof of ownership on file <span className="field__optional">(one per line)</span>
                    </label>
                    <textarea id={`${idPrefix}-proofs`} className="input" rows={3} value={choices.proofs} onChange={(event) => change({ proofs: event.target.value })} />
                  </div>
                </>
              ) : null}

              {language ? (
                <p className="print-dialog__note" data-testid="print-language">
                  In {language}: the customer’s language.
                </p>
              ) : null}

              <div className="print-dialog__row">
                <div className="field">
                  <label className="field__label" htmlFor={`${idPrefix}-printer`}>
                    Printer
                  </label>
                  <select id={`${idPrefix}-printer`} className="input" value={choices.printerName} onChange={(event) => change({ printerName: event.target.value })}>
                    <option value="">{systemDefault ? `Default: ${printerLabel(printers, systemDefault)}` : 'This computer’s default printer'}</option>
                    {printers.map((printer) => (
                      <option key={printer.name} value={printer.name}>
                        {printer.displayName}
                        {printer.offline ? ' (offline)' : ''}
                      </option>
                    ))}
                    {choices.printerName !== '' && !printers.some((p) => p.name === choices.printerName) ? (
                      <option value={choices.printerName}>{choices.printerName} (not found on this computer)</option>
                    ) : null}
                  </select>
                </div>
                <div className="field print-dialog__copies">
                  <label className="field__label" htmlFor={`${idPrefix}-copies`}>
                    Copies
                  </label>
                  <input
                    id={`${idPrefix}-copies`}
                    className="input"
                    type="number"
                    min={1}
                    max={20}
                    value={choices.copies}
                    onChange={(event) => change({ copies: Math.min(20, Math.max(1, Math.round(Number(event.target.value)) || 1)) })}
                  />
                </div>
              </div>
              <label className="print-dialog__option">
                <input type="checkbox" checked={choices.showSystemDialog} onChange={(event) => change({ showSystemDialog: event.target.checked })} />
                Show the system print dialog first
              </label>
            </div>

            <div className="print-dialog__preview" aria-live="polite">
              {request === null ? (
                <p className="muted">{kind === 'pickup-reminder' ? 'A pickup reminder is printed from its battery job.' : 'Choose at least one card on the sheet.'}</p>
              ) : preview.status === 'ready' ? (
                <PagePreview
                  document={preview.document}
                  maxWidth={380}
                  maxHeight={460}
                  pages={choices.format === 'letter' || choices.format === 'a4' ? 2 : 1}
                  label={`Preview: ${preview.document.title}`}
                />
              ) : preview.status === 'error' ? (
                <Notice tone="error" title="No preview">
                  <p>{preview.message}</p>
                </Notice>
              ) : (
                <p role="status">Preparing the preview…</p>
              )}
              {kind === 'code-card' ? <p className="print-dialog__note">The preview hides the code; the printed card shows it.</p> : null}
            </div>
          </div>
        )}

        {outcome ? (
          <Notice tone={outcome.tone} testId="print-outcome">
            <p>{outcome.text}</p>
          </Notice>
        ) : null}

        <div className="form-actions">
          <button ref={printRef} type="submit" className="button button--primary" aria-disabled={busy !== null || request === null} data-testid="print-button">
            {busy === 'print' ? 'Printing…' : 'Print'} <Kbd keys="Enter" />
          </button>
          <button
            ref={pdfRef}
            type="button"
            className="button"
            aria-disabled={busy !== null || request === null}
            data-testid="save-pdf-button"
            onClick={() => void run('pdf', null)}
          >
            {busy === 'pdf' ? 'Saving…' : outcome?.offerPdf ? 'Save as PDF instead' : 'Save as PDF'}
          </button>
          <button type="button" className="button button--quiet form-actions__end" onClick={onClose}>
            Close <Kbd keys="Esc" />
          </button>
        </div>
      </form>
      {pin ? (
        <PinDialog
          title={pin.action === 'print' ? 'Print the code card' : 'Save the code card as PDF'}
          lead="The card shows the radio code. Enter your PIN; the print is recorded in the audit log."
          error={pin.error}
          busy={busy !== null}
          submitLabel={pin.action === 'print' ? 'Print the card' : 'Save the PDF'}
          onSubmit={(entered) => void run(pin.action, entered)}
          onCancel={() => setPin(null)}
        />
      ) : null}
    </dialog>
  )
}
