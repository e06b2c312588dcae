import { useEffect, useState } from 'react'
import type { PrinterInfo } from '../../../../shared/domain/printing'
import type { PrintSetups } from '../../../../shared/print/print-setup'
import { api, errorMessage } from '../../lib/api'
import { useDataChanged } from '../../lib/use-data-changed'

export type PrintSetupState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly setups: PrintSetups; readonly printers: readonly PrinterInfo[] }
  | { readonly status: 'error'; readonly message: string }

/** This computer's printers and its setup for each document type; reloads when the setup changes. */
export function usePrintSetup(): { state: PrintSetupState; reload: () => void; replaceSetups: (setups: PrintSetups) => void } {
  const [state, setState] = useState<PrintSetupState>({ status: 'loading' })
  const [version, setVersion] = useState(0)
  const reload = () => setVersion((n) => n + 1)

  useDataChanged((change) => {
    if (change.entity === 'print-setup') reload()
  })

  useEffect(() => {
    let cancelled = false
    Promise.all([api.printing.getSetup({}), api.printing.listPrinters({})]).then(
      ([setups, printers]) => {
        if (!cancelled) setState({ status: 'ready', setups, printers })
      },
      (error: unknown) => {
        if (!cancelled) setState({ status: 'error', message: errorMessage(error) })
      },
    )
    return () => {
      cancelled = true
    }
  }, [version])

  return {
    state,
    reload,
    replaceSetups: (setups) => setState((current) => (current.status === 'ready' ? { ...current, setups } : current)),
  }
}

/** How a printer is named to the desk. */
export function printerLabel(printers: readonly PrinterInfo[], name: string | null): string {
  if (name === null || name === '') return 'this computer’s default printer'
  return printers.find((p) => p.name === name)?.displayName ?? name
}
