import { BrowserWindow, type WebContents } from 'electron'
import type { PrinterInfo } from '../../../shared/domain/printing'
import { printPageSizeMicrons } from '../../../shared/print/units'
import type { Printer, PrintRequest, PrintResult } from './printer'

/**
 * Prints from a hidden, sandboxed window with JavaScript off and no preload.
 * webContents.print() takes the page size in microns (see shared/print/units).
 */
export function createElectronPrinter(getWebContents: () => WebContents | null): Printer {
  return {
    async listPrinters(): Promise<readonly PrinterInfo[]> {
      const contents = getWebContents()
      if (!contents) return []
      const printers = await contents.getPrintersAsync()
      // Electron reports the default printer only through CUPS options; elsewhere none is marked.
      return printers.map((p) => ({
        name: p.name,
        displayName: p.displayName || p.name,
        isDefault: (p.options as Record<string, string> | undefined)?.['printer-is-default'] === 'true',
      }))
    },

    async print(request: PrintRequest): Promise<PrintResult> {
      const win = new BrowserWindow({
        show: false,
        webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
      })
      try {
        await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(request.document.html)}`)
        await new Promise<void>((resolve, reject) => {
          win.webContents.print(
            {
              silent: request.silent,
              ...(request.printerName ? { deviceName: request.printerName } : {}),
              copies: request.copies,
              printBackground: true,
              margins: { marginType: 'none' },
              pageSize: printPageSizeMicrons(request.document.pageSize),
            },
            (success, failureReason) => (success ? resolve() : reject(new Error(failureReason || 'cancelled'))),
          )
        })
        return { savedTo: null }
      } finally {
        win.destroy()
      }
    },
  }
}
