import fs from 'node:fs'
import BetterSqlite3 from 'better-sqlite3'
import { chromium } from 'playwright-core'
import { dataPaths } from '../../electron/main/paths'
import { chromiumExecutablePath, createSpoolPrinter, OFFLINE_CHROMIUM_ARGS, SPOOL_PRINTER_NAME } from '../../electron/web-preview/spool-printer'
import type { PrintOutcome } from '../../shared/domain/printing'
import { BENCH_MANAGER } from '../generator/generate'
import { stats, type Stats } from '../measure'
import { openAppSession } from './app-session'

/*
 * Card print path: documents.print through the router for a finished battery
 * job with a code on file (facts gathered, code released through the audited
 * path, card built, rendered to PDF by headless Chromium, saved, recorded).
 * The floor renders a blank page of the card's size in the same Chromium
 * build on one reused tab, as the spool printer does; a new page per job is
 * measured too, for comparison.
 */

export interface CardPrintFigures {
  readonly firstMs: number
  readonly after: Stats
  readonly floorFirstMs: number
  /** The same blank page rendered again and again in one open tab (the spool printer reuses its page). */
  readonly floorAfter: Stats
  /** A blank page with a new tab per job: what every card cost before the spool printer reused its page. */
  readonly newPagePerJob: Stats
  readonly pdfBytes: number
  readonly pageSizeMm: { readonly widthMm: number; readonly heightMm: number }
  readonly jobId: number
}

export function findPrintableJob(dbFile: string): number {
  const sqlite = new BetterSqlite3(dbFile, { readonly: true })
  try {
    const row = sqlite
      .prepare("select id from battery_jobs where status = 'handed-over' and card_printed_at is not null order by id desc limit 1")
      .get() as { id: number } | undefined
    if (!row) throw new Error('No battery job with a printed card in the generated data.')
    return row.id
  } finally {
    sqlite.close()
  }
}

/** `dataDir` must be a copy: printing writes audit and print-job rows. */
export async function benchCardPrint(dataDir: string, managerId: number, runs: number): Promise<CardPrintFigures> {
  const paths = dataPaths(dataDir)
  const jobId = findPrintableJob(paths.dbFile)
  const printer = createSpoolPrinter(paths.spoolDir)
  const session = await openAppSession(dataDir, managerId, printer)
  const request = { document: 'code-card', jobId, format: 'wallet' }
  const times: number[] = []
  let firstMs = 0
  let pdfBytes = 0
  let pageSizeMm = { widthMm: 0, heightMm: 0 }
  try {
    for (let i = 0; i <= runs; i += 1) {
      const start = performance.now()
      const outcome = await session.call<PrintOutcome>('documents.print', {
        request,
        printerName: SPOOL_PRINTER_NAME,
        copies: 1,
        silent: true,
        pin: i === 0 ? BENCH_MANAGER.pin : null,
      })
      const ms = performance.now() - start
      if (outcome.status !== 'printed' || !outcome.savedTo) throw new Error(`The card did not print: ${JSON.stringify(outcome)}`)
      const pdf = fs.readFileSync(outcome.savedTo)
      if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error(`${outcome.savedTo} is not a PDF`)
      pdfBytes = pdf.length
      if (i === 0) {
        firstMs = ms
        const options = JSON.parse(fs.readFileSync(outcome.savedTo.replace(/\.pdf$/, '.json'), 'utf8')) as { pageSizeMm: { widthMm: number; heightMm: number } }
        pageSizeMm = options.pageSizeMm
      } else {
        times.push(ms)
      }
    }
  } finally {
    await session.close()
    await printer.close()
  }

  const blank = `<!doctype html><html><head><style>@page { size: ${pageSizeMm.widthMm}mm ${pageSizeMm.heightMm}mm; margin: 0 }</style></head><body></body></html>`
  const floorTimes: number[] = []
  const reusedTimes: number[] = []
  let floorFirstMs = 0
  const floorStart = performance.now()
  const browser = await chromium.launch({ executablePath: chromiumExecutablePath(), headless: true, args: OFFLINE_CHROMIUM_ARGS })
  try {
    for (let i = 0; i <= runs; i += 1) {
      const start = i === 0 ? floorStart : performance.now()
      const page = await browser.newPage({ javaScriptEnabled: false })
      await page.setContent(blank, { waitUntil: 'load' })
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
      await page.close()
      fs.writeFileSync(`${paths.spoolDir}/floor.pdf`, pdf)
      const ms = performance.now() - start
      if (i === 0) floorFirstMs = ms
      else floorTimes.push(ms)
    }
    const tab = await browser.newPage({ javaScriptEnabled: false })
    for (let i = 0; i <= runs; i += 1) {
      const start = performance.now()
      await tab.setContent(blank, { waitUntil: 'load' })
      await tab.pdf({ preferCSSPageSize: true, printBackground: true })
      if (i > 0) reusedTimes.push(performance.now() - start)
    }
  } finally {
    await browser.close()
  }
  return { firstMs, after: stats(times), floorFirstMs, floorAfter: stats(reusedTimes), newPagePerJob: stats(floorTimes), pdfBytes, pageSizeMm, jobId }
}
