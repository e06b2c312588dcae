import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import type { PrinterInfo } from '../../shared/domain/printing'
import type { PrintableDocument } from '../../shared/print/document'
import type { Printer, PrintRequest, PrintResult } from '../main/printing/printer'

export const SPOOL_PRINTER_NAME = 'preview-spool'
/** A second preview printer that is always offline, so the failure path and its Save as PDF fallback can be tried. */
export const OFFLINE_PRINTER_NAME = 'preview-offline'

/** Chromium flags that keep a headless browser off a closed network. */
export const OFFLINE_CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
]

export function chromiumExecutablePath(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
}

/**
 * A printer for the browser preview and tests: every job becomes a PDF
 * rendered by headless Chromium (the same Blink print path as Electron's
 * printToPDF), plus a JSON file with the print options, in the spool folder.
 */
export function createSpoolPrinter(spoolDir: string, now: () => Date = () => new Date()): Printer & { close(): Promise<void> } {
  let browser: Promise<Browser> | null = null
  let page: Promise<Page> | null = null
  let queue: Promise<unknown> = Promise.resolve()
  let sequence = 0
  const getBrowser = () =>
    (browser ??= chromium.launch({ executablePath: chromiumExecutablePath(), headless: true, args: OFFLINE_CHROMIUM_ARGS }))
  // One page, reused: opening a page per job cost about 0.3 s of a card's 0.45 s (npm run bench, card to PDF).
  const getPage = () => (page ??= getBrowser().then((open) => open.newPage({ javaScriptEnabled: false })))

  /** Renders one document at a time on the shared page (setContent replaces the whole document). */
  const renderPdf = (html: string): Promise<Buffer> => {
    const run = queue.then(async () => {
      const current = await getPage()
      try {
        await current.setContent(html, { waitUntil: 'load' })
        return await current.pdf({ preferCSSPageSize: true, printBackground: true })
      } catch (error) {
        // A page that failed once is not trusted again: the next job opens a fresh one.
        page = null
        await current.close().catch(() => undefined)
        throw error
      }
    })
    queue = run.catch(() => undefined)
    return run
  }

  /** A new, unique file stem in the spool folder. */
  const nextBase = (name: string): string => {
    fs.mkdirSync(spoolDir, { recursive: true })
    sequence += 1
    const stamp = now().toISOString().replace(/[:.]/g, '-')
    return path.join(spoolDir, `${stamp}_${String(sequence).padStart(3, '0')}_${name}`)
  }

  return {
    async listPrinters(): Promise<readonly PrinterInfo[]> {
      return [
        { name: SPOOL_PRINTER_NAME, displayName: 'Save to spool folder (preview)', isDefault: true, offline: false },
        { name: OFFLINE_PRINTER_NAME, displayName: 'Offline printer (preview, never prints)', isDefault: false, offline: true },
      ]
    },

    async print(request: PrintRequest): Promise<PrintResult> {
      if (request.printerName === OFFLINE_PRINTER_NAME) throw new Error('Printer is offline')
      const base = nextBase(request.document.kind)
      fs.writeFileSync(`${base}.pdf`, await renderPdf(request.document.html))
      const options = {
        document: request.document.kind,
        title: request.document.title,
        printerName: request.printerName ?? SPOOL_PRINTER_NAME,
        silent: request.silent,
        copies: request.copies,
        pageSizeMm: request.document.pageSize,
      }
      fs.writeFileSync(`${base}.json`, JSON.stringify(options, null, 2) + '\n')
      return { savedTo: `${base}.pdf` }
    },

    /** "Save as PDF" in the preview: no dialog, a file in the spool folder. */
    async choosePdfPath(suggestedFileName: string): Promise<string | null> {
      const stem = suggestedFileName.replace(/\.pdf$/i, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/-{2,}/g, '-').slice(0, 80)
      return `${nextBase(`saved_${stem}`)}.pdf`
    },

    async toPdf(document: PrintableDocument): Promise<Uint8Array> {
      return new Uint8Array(await renderPdf(document.html))
    },

    async close() {
      await queue
      const open = browser
      browser = null
      page = null
      if (open) await (await open).close()
    },
  }
}
