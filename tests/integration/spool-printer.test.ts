import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createSpoolPrinter } from '../../electron/web-preview/spool-printer'
import type { PrintableDocument } from '../../shared/print/document'
import { makeTempDir, removeTempDir } from '../helpers/temp-dir'

/*
 * The preview's spool printer renders every job on one reused Chromium page,
 * one job at a time: jobs sent together must each get their own document,
 * and a job that fails must not spoil the next one.
 */

const dirs: string[] = []
const printers: ReturnType<typeof createSpoolPrinter>[] = []
afterEach(async () => {
  for (const printer of printers.splice(0)) await printer.close()
  for (const dir of dirs.splice(0)) removeTempDir(dir)
})

function page(text: string): PrintableDocument {
  return {
    kind: 'test-page',
    title: text,
    html: `<!doctype html><html><head><style>@page { size: 80mm 60mm; margin: 0 }</style></head><body><p>${text}</p></body></html>`,
    pageSize: { widthMm: 80, heightMm: 60 },
  }
}

function start() {
  const dir = makeTempDir()
  dirs.push(dir)
  const printer = createSpoolPrinter(path.join(dir, 'spool'))
  printers.push(printer)
  return printer
}

const textOf = (file: string) => execFileSync('pdftotext', [file, '-']).toString().trim()

describe('spool printer', () => {
  it('prints jobs sent at the same time each with its own text, on one reused page', async () => {
    const printer = start()
    const words = ['ALPHA-ONE', 'BRAVO-TWO', 'CHARLIE-THREE', 'DELTA-FOUR', 'ECHO-FIVE']
    const results = await Promise.all(words.map((word) => printer.print({ document: page(word), printerName: null, silent: true, copies: 1 })))
    expect(results.map((result) => textOf(result.savedTo!))).toEqual(words)
    const pdf = await printer.toPdf!(page('FOXTROT-SIX'))
    expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-')
  })

  it('a job the printer refuses leaves it working for the next', async () => {
    const printer = start()
    await expect(printer.print({ document: page('x'), printerName: 'preview-offline', silent: true, copies: 1 })).rejects.toThrow(/offline/)
    const good = await printer.print({ document: page('AFTER-THE-FAILURE'), printerName: null, silent: true, copies: 1 })
    expect(fs.existsSync(good.savedTo!)).toBe(true)
    expect(textOf(good.savedTo!)).toBe('AFTER-THE-FAILURE')
  })
})
