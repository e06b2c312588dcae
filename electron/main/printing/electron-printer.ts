import { BrowserWindow, type WebContents } from 'electron'
import type { PrinterInfo } from '../../../shared/domain/printing'
import type { PrintableDocument } from '../../../shared/print/document'
import { pdfPageSizeInches, printPageSizeMicrons } from '../../../shared/print/units'
import type { Printer, PrintRequest, PrintResult } from './printer'

/** A hidden, sandboxed window with JavaScript off and no preload, showing the document. */
async function loadDocument(html: string): Promise<BrowserWindow> {
  const win = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
  })
  try {
    await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`)
    return win
  } catch (error) {
    win.destroy()
    throw error
  }
}

/**
 * Prints from a hidden, sandboxed window with JavaScript off and no preload.
 * webContents.print() takes the page size in microns, printToPDF() in inches
 * (see shared/print/units).
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
      const win = await loadDocument(request.document.html)
      try {
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

    async toPdf(document: PrintableDocument): Promise<Uint8Array> {
      const win = await loadDocument(document.html)
      try {
        const pdf = await win.webContents.printToPDF({
          pageSize: pdfPageSizeInches(document.pageSize),
          preferCSSPageSize: true,
          printBackground: true,
          // PrintToPDFMargins are in inches too; the documents carry their own margins.
          margins: { top: 0, bottom: 0, left: 0, right: 0 },
        })
        return new Uint8Array(pdf)
      } finally {
        win.destroy()
      }
    },
  }
}
