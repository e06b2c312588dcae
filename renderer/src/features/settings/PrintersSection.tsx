import { useState } from 'react'
import type { PrinterInfo, PrintOutcome } from '../../../../shared/domain/printing'
import {
  FORMAT_LABELS,
  MAX_OFFSET_MM,
  SETUP_DOCUMENTS,
  SETUP_DOCUMENT_LABELS,
  formatsFor,
  orientationApplies,
  type PrintSetup,
  type PrintSetups,
  type SetupDocument,
} from '../../../../shared/print/print-setup'
import { Notice } from '../../components/Notice'
import { api, errorMessage } from '../../lib/api'
import { usePrintSetup } from '../printing/use-print-setup'
import '../printing/printing.css'

type TestPrint =
  | { readonly status: 'idle' }
  | { readonly status: 'printing' }
  | { readonly status: 'done'; readonly outcome: PrintOutcome }
  | { readonly status: 'error'; readonly message: string }

function OutcomeNotice({ testPrint, what }: { readonly testPrint: TestPrint; readonly what: string }) {
  return (
    <div className="print-outcome" aria-live="polite">
      {testPrint.status === 'done' ? (
        <Notice tone={testPrint.outcome.status === 'printed' ? 'success' : testPrint.outcome.status === 'cancelled' ? 'info' : 'error'}>
          <p data-testid="print-outcome-message">{testPrint.outcome.message}</p>
          {testPrint.outcome.savedTo ? (
            <p>
              Saved to <code className="path" data-testid="print-outcome-path">{testPrint.outcome.savedTo}</code>
            </p>
          ) : null}
        </Notice>
      ) : null}
      {testPrint.status === 'error' ? (
        <Notice tone="error" title={`The ${what} was not printed`}>
          <p>{testPrint.message}</p>
        </Notice>
      ) : null}
    </div>
  )
}

/** The printers this computer has, a plain test page, and how each document type prints here (with calibration). */
export function PrintersSection() {
  const { state, reload, replaceSetups } = usePrintSetup()
  const [chosen, setChosen] = useState<string | null>(null)
  const [testPrint, setTestPrint] = useState<TestPrint>({ status: 'idle' })

  const list = state.status === 'ready' ? state.printers : []
  const fallback = list.find((printer) => printer.isDefault) ?? list[0]
  const selected = list.find((printer) => printer.name === chosen) ?? fallback ?? null

  const printTestPage = () => {
    if (testPrint.status === 'printing') return
    setTestPrint({ status: 'printing' })
    api.printing.printTestPage({ printerName: selected?.name ?? null }).then(
      (outcome) => setTestPrint({ status: 'done', outcome }),
      (error: unknown) => setTestPrint({ status: 'error', message: errorMessage(error) }),
    )
  }

  return (
    <section className="settings-card" aria-labelledby="printers-title">
      <h2 id="printers-title">Printers</h2>
      <p className="settings-card__lead">Print a test page to check the printer, paper size and scaling.</p>
      {state.status === 'loading' ? <p role="status">Looking for printers…</p> : null}
      {state.status === 'error' ? (
        <>
          <Notice tone="error" title="The printers could not be listed">
            <p>{state.message}</p>
          </Notice>
          <button type="button" className="button" onClick={reload}>
            Try again
          </button>
        </>
      ) : null}
      {state.status === 'ready' && list.length === 0 ? (
        <Notice tone="info" title="No printers found">
          <p>Add a printer in Windows Settings (Bluetooth & devices, Printers & scanners), then press Look again. Until then, documents can be saved as PDF.</p>
          <button type="button" className="button" onClick={reload}>
            Look again
          </button>
        </Notice>
      ) : null}
      {list.length > 0 ? (
        <fieldset className="printer-choice">
          <legend className="field__label">Printer</legend>
          {list.map((printer) => (
            <label key={printer.name} className="printer-choice__option">
              <input type="radio" name="printer" value={printer.name} checked={selected?.name === printer.name} onChange={() => setChosen(printer.name)} />
              <span className="printer-choice__name">{printer.displayName}</span>
              {printer.isDefault ? <span className="tag">Default</span> : null}
              {printer.offline ? <span className="tag">Offline</span> : null}
            </label>
          ))}
        </fieldset>
      ) : null}
      {list.length > 0 ? (
        <div className="form-actions">
          <button type="button" className="button" onClick={printTestPage} aria-disabled={testPrint.status === 'printing'}>
            {testPrint.status === 'printing' ? 'Printing…' : 'Print test page'}
          </button>
        </div>
      ) : null}
      <OutcomeNotice testPrint={testPrint} what="test page" />

      {state.status === 'ready' ? (
        <DocumentSetups setups={state.setups} printers={list} onSaved={replaceSetups} />
      ) : null}
    </section>
  )
}

interface SetupsProps {
  readonly setups: PrintSetups
  readonly printers: readonly PrinterInfo[]
  readonly onSaved: (setups: PrintSetups) => void
}

/** One document type at a time: printer, format, orientation, copies, dialog or not, and the offset. */
function DocumentSetups({ setups, printers, onSaved }: SetupsProps) {
  const [document, setDocument] = useState<SetupDocument>('code-card')
  return (
    <div className="document-setups">
      <h3 className="document-setups__title">How each document prints on this computer</h3>
      <p className="settings-card__lead">
        Each front-desk computer keeps its own choices. Print a calibration page on the paper or card you use, read the rulers at the paper’s edge, and set the offset so the
        print sits where it should.
      </p>
      <div className="document-setups__tabs" role="radiogroup" aria-label="Document">
        {SETUP_DOCUMENTS.map((d) => (
          <label key={d} className="printer-choice__option">
            <input type="radio" name="setup-document" value={d} checked={document === d} onChange={() => setDocument(d)} />
            {SETUP_DOCUMENT_LABELS[d]}
          </label>
        ))}
      </div>
      <SetupForm key={document} saved={setups[document]} printers={printers} onSaved={onSaved} />
    </div>
  )
}

function SetupForm({ saved, printers, onSaved }: { readonly saved: PrintSetup; readonly printers: readonly PrinterInfo[]; readonly onSaved: (setups: PrintSetups) => void }) {
  const [draft, setDraft] = useState<PrintSetup>(saved)
  const [offsets, setOffsets] = useState({ x: String(saved.offsetXmm), y: String(saved.offsetYmm) })
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null)
  const [testPrint, setTestPrint] = useState<TestPrint>({ status: 'idle' })
  const id = `setup-${saved.document}`
  const edited = JSON.stringify(draft) !== JSON.stringify(saved) || offsets.x !== String(saved.offsetXmm) || offsets.y !== String(saved.offsetYmm)

  const parseOffset = (text: string): number | null => {
    const value = Number(text.replace(',', '.').replace('−', '-').trim() || '0')
    return Number.isFinite(value) && Math.abs(value) <= MAX_OFFSET_MM ? value : null
  }
  const x = parseOffset(offsets.x)
  const y = parseOffset(offsets.y)

  const save = async (thenTest: boolean) => {
    if (busy) return
    if (x === null || y === null) {
      setMessage({ tone: 'error', text: `Offsets are millimetres between −${MAX_OFFSET_MM} and ${MAX_OFFSET_MM}.` })
      return
    }
    setBusy(true)
    setMessage(null)
    setTestPrint({ status: 'idle' })
    try {
      const next = await api.printing.saveSetup({ ...draft, offsetXmm: x, offsetYmm: y })
      const stored = next[draft.document]
      setDraft(stored)
      setOffsets({ x: String(stored.offsetXmm), y: String(stored.offsetYmm) })
      onSaved(next)
      if (thenTest) {
        setTestPrint({ status: 'printing' })
        setTestPrint({ status: 'done', outcome: await api.printing.printTestPage({ document: draft.document, printerName: null }) })
      } else {
        setMessage({ tone: 'success', text: `Saved: ${SETUP_DOCUMENT_LABELS[draft.document]} on this computer.` })
      }
    } catch (error) {
      setTestPrint({ status: 'idle' })
      setMessage({ tone: 'error', text: `${thenTest ? 'Not printed' : 'Not saved'}: ${errorMessage(error)}` })
    } finally {
      setBusy(false)
    }
  }

  const change = (patch: Partial<PrintSetup>) => {
    setMessage(null)
    setDraft((current) => ({ ...current, ...patch }) as PrintSetup)
  }

  return (
    <form
      className="settings-form document-setup"
      noValidate
      data-testid={`setup-form-${saved.document}`}
      onSubmit={(event) => {
        event.preventDefault()
        void save(false)
      }}
    >
      <div className="field">
        <label className="field__label" htmlFor={`${id}-printer`}>
          Printer for this document
        </label>
        <select id={`${id}-printer`} className="input" value={draft.printerName ?? ''} onChange={(event) => change({ printerName: event.target.value === '' ? null : event.target.value })}>
          <option value="">This computer’s default printer</option>
          {printers.map((printer) => (
            <option key={printer.name} value={printer.name}>
              {printer.displayName}
              {printer.offline ? ' (offline)' : ''}
            </option>
          ))}
          {draft.printerName !== null && !printers.some((p) => p.name === draft.printerName) ? (
            <option value={draft.printerName}>{draft.printerName} (not found on this computer)</option>
          ) : null}
        </select>
      </div>
      <fieldset className="print-dialog__formats">
        <legend className="field__label">Format</legend>
        {formatsFor(saved.document).map((format) => (
          <label key={format} className="print-dialog__option">
            <input type="radio" name={`${id}-format`} value={format} checked={draft.format === format} onChange={() => change({ format } as Partial<PrintSetup>)} />
            {FORMAT_LABELS[format as keyof typeof FORMAT_LABELS]}
          </label>
        ))}
      </fieldset>
      {orientationApplies(draft.document, draft.format) ? (
        <fieldset className="print-dialog__formats">
          <legend className="field__label">The card printer takes the card</legend>
          <label className="print-dialog__option">
            <input type="radio" name={`${id}-orientation`} checked={draft.orientation === 'landscape'} onChange={() => change({ orientation: 'landscape' })} />
            Landscape (long edge first across), as designed
          </label>
          <label className="print-dialog__option">
            <input type="radio" name={`${id}-orientation`} checked={draft.orientation === 'portrait'} onChange={() => change({ orientation: 'portrait' })} />
            Portrait (the print is turned a quarter)
          </label>
        </fieldset>
      ) : null}
      <div className="document-setup__row">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-copies`}>
            Copies
          </label>
          <input
            id={`${id}-copies`}
            className="input"
            type="number"
            min={1}
            max={20}
            value={draft.copies}
            onChange={(event) => change({ copies: Math.min(20, Math.max(1, Math.round(Number(event.target.value)) || 1)) })}
          />
        </div>
        <div className={`field${x === null ? ' field--invalid' : ''}`}>
          <label className="field__label" htmlFor={`${id}-offset-x`}>
            Offset across (mm)
          </label>
          <input id={`${id}-offset-x`} className="input" inputMode="decimal" aria-describedby={`${id}-offset-hint`} aria-invalid={x === null} value={offsets.x} onChange={(event) => setOffsets({ ...offsets, x: event.target.value })} />
        </div>
        <div className={`field${y === null ? ' field--invalid' : ''}`}>
          <label className="field__label" htmlFor={`${id}-offset-y`}>
            Offset down (mm)
          </label>
          <input id={`${id}-offset-y`} className="input" inputMode="decimal" aria-describedby={`${id}-offset-hint`} aria-invalid={y === null} value={offsets.y} onChange={(event) => setOffsets({ ...offsets, y: event.target.value })} />
        </div>
      </div>
      <p className="field__hint" id={`${id}-offset-hint`}>
        Positive moves the print right or down, negative left or up, in tenths of a millimetre (up to {MAX_OFFSET_MM} mm). The offset applies when this document prints on the printer above.
      </p>
      <label className="print-dialog__option">
        <input type="checkbox" checked={draft.silent} onChange={(event) => change({ silent: event.target.checked })} />
        Print straight away, without the system print dialog
      </label>
      <div className="form-actions">
        <button type="submit" className="button button--primary" aria-disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button" aria-disabled={busy} onClick={() => void save(true)} data-testid="print-calibration-page">
          Save and print a calibration page
        </button>
        {edited ? <span className="form-actions__hint">Not saved yet</span> : null}
      </div>
      {message ? (
        <Notice tone={message.tone}>
          <p>{message.text}</p>
        </Notice>
      ) : null}
      <OutcomeNotice testPrint={testPrint} what="calibration page" />
    </form>
  )
}
