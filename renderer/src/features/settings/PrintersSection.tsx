import { useEffect, useState } from 'react'
import type { PrinterInfo, PrintOutcome } from '../../../../shared/domain/printing'
import { Notice } from '../../components/Notice'
import { api, errorMessage } from '../../lib/api'

type PrintersState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly printers: readonly PrinterInfo[] }
  | { readonly status: 'error'; readonly message: string }

type TestPrint =
  | { readonly status: 'idle' }
  | { readonly status: 'printing' }
  | { readonly status: 'done'; readonly outcome: PrintOutcome }
  | { readonly status: 'error'; readonly message: string }

/** The printers this computer has, and a test page to check one before a customer's card depends on it. */
export function PrintersSection() {
  const [printers, setPrinters] = useState<PrintersState>({ status: 'loading' })
  const [version, setVersion] = useState(0)
  const [chosen, setChosen] = useState<string | null>(null)
  const [testPrint, setTestPrint] = useState<TestPrint>({ status: 'idle' })

  useEffect(() => {
    let cancelled = false
    api.printing.listPrinters({}).then(
      (list) => {
        if (!cancelled) setPrinters({ status: 'ready', printers: list })
      },
      (error: unknown) => {
        if (!cancelled) setPrinters({ status: 'error', message: errorMessage(error) })
      },
    )
    return () => {
      cancelled = true
    }
  }, [version])

  const list = printers.status === 'ready' ? printers.printers : []
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
      {printers.status === 'loading' ? <p role="status">Looking for printers…</p> : null}
      {printers.status === 'error' ? (
        <>
          <Notice tone="error" title="The printers could not be listed">
            <p>{printers.message}</p>
          </Notice>
          <button type="button" className="button" onClick={() => setVersion((n) => n + 1)}>
            Try again
          </button>
        </>
      ) : null}
      {printers.status === 'ready' && list.length === 0 ? (
        <Notice tone="info" title="No printers found">
          <p>Add a printer in Windows Settings (Bluetooth & devices, Printers & scanners), then press Look again.</p>
          <button type="button" className="button" onClick={() => setVersion((n) => n + 1)}>
            Look again
          </button>
        </Notice>
      ) : null}
      {list.length > 0 ? (
        <fieldset className="printer-choice">
          <legend className="field__label">Printer</legend>
          {list.map((printer) => (
            <label key={printer.name} className="printer-choice__option">
              <input
                type="radio"
                name="printer"
                value={printer.name}
                checked={selected?.name === printer.name}
                onChange={() => setChosen(printer.name)}
              />
              <span className="printer-choice__name">{printer.displayName}</span>
              {printer.isDefault ? <span className="tag">Default</span> : null}
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
      <div className="print-outcome" aria-live="polite">
        {testPrint.status === 'done' ? (
          <Notice tone={testPrint.outcome.status === 'printed' ? 'success' : 'error'}>
            <p data-testid="print-outcome-message">{testPrint.outcome.message}</p>
            {testPrint.outcome.savedTo ? (
              <p>
                Saved to <code className="path" data-testid="print-outcome-path">{testPrint.outcome.savedTo}</code>
              </p>
            ) : null}
          </Notice>
        ) : null}
        {testPrint.status === 'error' ? (
          <Notice tone="error" title="The test page was not printed">
            <p>{testPrint.message}</p>
          </Notice>
        ) : null}
      </div>
    </section>
  )
}
