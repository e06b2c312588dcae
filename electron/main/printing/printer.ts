import type { PrinterInfo } from '../../../shared/domain/printing'
import type { PrintableDocument } from '../../../shared/print/document'

export interface PrintRequest {
  readonly document: PrintableDocument
  /** System printer name; null means the OS default. */
  readonly printerName: string | null
  readonly silent: boolean
  readonly copies: number
}

export interface PrintResult {
  /** Where the document was saved, when the printer writes files (spool printer, Save as PDF). */
  readonly savedTo: string | null
}

/**
 * Where printed documents go. Electron's hidden-window printer implements it
 * in the app; the spool printer (PDF files) in the browser preview and tests.
 */
export interface Printer {
  listPrinters(): Promise<readonly PrinterInfo[]>
  print(request: PrintRequest): Promise<PrintResult>
  /**
   * The document as PDF bytes, at its CSS @page size ("Save as PDF"). Nothing
   * is printed or written. Optional: a printer without it cannot save PDFs.
   */
  toPdf?(document: PrintableDocument): Promise<Uint8Array>
  /**
   * Where to save a PDF: in the app, the system's save dialog (null when the
   * person cancels it); in the preview, a file in the spool folder. The path
   * comes from main, never from the renderer.
   */
  choosePdfPath?(suggestedFileName: string): Promise<string | null>
}
