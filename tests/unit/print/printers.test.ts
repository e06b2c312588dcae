import { describe, expect, it, vi } from 'vitest'
import type { PrintableDocument } from '../../../shared/print/document'

/*
 * The Electron printer's units: webContents.print() takes the page size in
 * microns, printToPDF() in inches (shared/print/units). Electron is mocked.
 */

const electron = vi.hoisted(() => {
  const calls: { print: unknown[]; toPdf: unknown[]; destroyed: number; loaded: string[] } = { print: [], toPdf: [], destroyed: 0, loaded: [] }
  class BrowserWindow {
    webContents = {
      print: (options: unknown, callback: (success: boolean, reason: string) => void) => {
        calls.print.push(options)
        callback(true, '')
      },
      printToPDF: async (options: unknown) => {
        calls.toPdf.push(options)
        return Buffer.from('%PDF-1.4 fake')
      },
    }
    constructor(readonly options: unknown) {}
    async loadURL(url: string) {
      calls.loaded.push(url)
    }
    destroy() {
      calls.destroyed += 1
    }
  }
  return { calls, mod: { BrowserWindow } }
})
vi.mock('electron', () => electron.mod)

import { createElectronPrinter } from '../../../electron/main/printing/electron-printer'

const wallet: PrintableDocument = {
  kind: 'code-card-wallet',
  title: 'Radio code',
  html: '<!doctype html><p>card</p>',
  pageSize: { widthMm: 85.6, heightMm: 53.98 },
}

describe('Electron printer', () => {
  it('print(): page size in microns', async () => {
    const printer = createElectronPrinter(() => null)
    await printer.print({ document: wallet, printerName: 'Card printer', silent: true, copies: 2 })
    expect(electron.calls.print.at(-1)).toMatchObject({
      deviceName: 'Card printer',
      copies: 2,
      silent: true,
      pageSize: { width: 85600, height: 53980 },
      margins: { marginType: 'none' },
    })
    expect(electron.calls.loaded.at(-1)).toBe(`data:text/html;charset=utf-8,${encodeURIComponent(wallet.html)}`)
  })

  it('toPdf(): page size in inches, the CSS @page size preferred, the window destroyed', async () => {
    const printer = createElectronPrinter(() => null)
    const destroyedBefore = electron.calls.destroyed
    const pdf = await printer.toPdf!(wallet)
    expect(Buffer.from(pdf).toString()).toBe('%PDF-1.4 fake')
    const options = electron.calls.toPdf.at(-1) as { pageSize: { width: number; height: number } }
    expect(options).toMatchObject({ preferCSSPageSize: true, printBackground: true, margins: { top: 0, bottom: 0, left: 0, right: 0 } })
    expect(options.pageSize.width).toBeCloseTo(85.6 / 25.4, 6)
    expect(options.pageSize.height).toBeCloseTo(53.98 / 25.4, 6)
    expect(electron.calls.destroyed).toBe(destroyedBefore + 1)
  })
})
