import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createSpoolPrinter } from '../../electron/web-preview/spool-printer'
import { AVERY_5371, renderCodeCard, type CodeCardData } from '../../shared/print/code-card'
import { makeTempDir, removeTempDir } from '../helpers/temp-dir'

/*
 * The ten-up business-card sheet as it comes out of Chromium's print path:
 * each chosen card sits in its Avery 5371/8371 slot within half a
 * millimetre. Measured on the PDF (pdftotext -bbox), so a page scaled to
 * fit, a shifted margin or a wrong slot all show.
 */

const dir = makeTempDir()
const spool = createSpoolPrinter(path.join(dir, 'spool'))
afterAll(async () => {
  await spool.close()
  removeTempDir(dir)
})

const POINTS_PER_MM = 72 / 25.4
const POSITIONS = [1, 4, 5, 10]

const card: CodeCardData = {
  language: 'en',
  shop: { name: 'Slotcheck Garage', phone: '(555) 201-7788', logoDataUrl: null },
  customerName: 'Ana López',
  vehicle: { year: 2005, make: 'Honda', model: 'Accord', vin: '1HGCM56425A987650' },
  radioSerial: 'U1234567',
  code: '41263',
  entrySteps: [],
  day: '2026-11-24',
}

/** Where a card in `position` starts on the page, in mm (left, top). */
function slotOrigin(position: number): { left: number; top: number } {
  const col = (position - 1) % AVERY_5371.columns
  const row = Math.floor((position - 1) / AVERY_5371.columns)
  return { left: AVERY_5371.leftMm + col * AVERY_5371.cardWidthMm, top: AVERY_5371.topMm + row * AVERY_5371.cardHeightMm }
}

describe('business-card sheet in the PDF', () => {
  it('puts each chosen card in its Avery slot within 0.5 mm', async () => {
    const document = renderCodeCard(card, { format: 'sheet', positions: POSITIONS })
    const pdf = Buffer.from(await spool.toPdf!({ kind: 'code-card', title: 'sheet', html: document.html, pageSize: document.pageSize }))
    const file = path.join(dir, 'sheet.pdf')
    fs.writeFileSync(file, pdf)
    const bbox = execFileSync('pdftotext', ['-bbox', file, '-']).toString()
    const words = [...bbox.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">Slotcheck<\/word>/g)].map((m) => ({
      leftMm: Number(m[1]) / POINTS_PER_MM,
      topMm: Number(m[2]) / POINTS_PER_MM,
    }))
    expect(words).toHaveLength(POSITIONS.length)
    // The shop name is the first thing on every card: the same offset from each slot's corner.
    const offsets = words
      .sort((a, b) => a.topMm - b.topMm || a.leftMm - b.leftMm)
      .map((word, i) => {
        const origin = slotOrigin(POSITIONS[i]!)
        return { left: word.leftMm - origin.left, top: word.topMm - origin.top }
      })
    const first = offsets[0]!
    console.log(`avery sheet: shop name at +${first.left.toFixed(2)} mm, +${first.top.toFixed(2)} mm inside each slot`)
    for (const offset of offsets) {
      expect(Math.abs(offset.left - first.left)).toBeLessThan(0.5)
      expect(Math.abs(offset.top - first.top)).toBeLessThan(0.5)
    }
    // And that offset is the sheet card's own padding (4.6 mm across, 3.8 mm down to the line box), not a shifted or scaled page.
    expect(Math.abs(first.left - 4.6)).toBeLessThan(0.5)
    expect(first.top).toBeGreaterThan(3.3)
    expect(first.top).toBeLessThan(5)
  })
})
