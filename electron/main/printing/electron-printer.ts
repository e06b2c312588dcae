import path from 'node:path'
import { app, BrowserWindow, dialog, type WebContents } from 'electron'
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
      return printers.map((p) => {
        const options = p.options as Record<string, string> | undefined
        return {
          name: p.name,
          displayName: p.displayName || p.name,
          isDefault: options?.['printer-is-default'] === 'true',
          // CUPS: printer-state 5 is "stopped" (paused, or an error such as offline); other systems do not say.
          ...(options?.['printer-state'] !== undefined ? { offline: options['printer-state'] === '5' } : {}),
        }
      })
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

    async choosePdfPath(suggestedFileName: string): Promise<string | null> {
      const contents = getWebContents()
      const parent = contents ? BrowserWindow.fromWebContents(contents) : null
      const options = {
        title: 'Save as PDF',
        defaultPath: path.join(app.getPath('documents'), suggestedFileName),
        filters: [{ name: 'PDF document', extensions: ['pdf'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'] as Array<'createDirectory' | 'showOverwriteConfirmation'>,
      }
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options)
      if (result.canceled || !result.filePath) return null
      return /\.pdf$/i.test(result.filePath) ? result.filePath : `${result.filePath}.pdf`
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
