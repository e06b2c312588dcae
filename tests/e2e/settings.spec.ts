import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { getShopSettings } from '../../electron/main/services/shop-settings'
import { SPOOL_PRINTER_NAME } from '../../electron/web-preview/spool-printer'
import { expect, test } from './fixtures'

const LETTER_PTS = { width: 612, height: 792 }
const TOLERANCE_PTS = 2 // page sizes land on a 1/96-inch grid

function pdfPageSize(file: string): { width: number; height: number } {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
  const match = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)
  if (!match) throw new Error(`pdfinfo printed no page size:\n${info}`)
  return { width: Number(match[1]), height: Number(match[2]) }
}

test.describe('settings', () => {
  test('shop details save; the test page prints to a Letter PDF with the shop name and a JSON of its options', async ({ app }) => {
    const { page, server, spoolDir } = app
    await page.keyboard.press('Alt+6')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings')

    const shopName = page.getByLabel('Shop name')
    await expect(shopName).toHaveValue('')
    await shopName.fill('Rivera Auto & Radio')
    await page.getByLabel('Shop phone').fill('(555) 010-7000')
    await page.getByLabel('Address').fill('12 Main St\nSpringfield')
    await shopName.press('Enter')
    await expect(page.getByText('Shop details saved.')).toBeVisible()
    expect(await getShopSettings(server.services)).toEqual({
      shopName: 'Rivera Auto & Radio',
      shopPhone: '(555) 010-7000',
      shopAddress: '12 Main St\nSpringfield',
    })

    // The spool printer is listed and chosen (it is the default).
    const printers = page.getByRole('group', { name: 'Printer' })
    await expect(printers.getByRole('radio', { name: /Save to spool folder/ })).toBeChecked()

    await page.getByRole('button', { name: 'Print test page' }).click()
    await expect(page.getByTestId('print-outcome-message')).toHaveText('The test page was sent to the printer.')
    const shownPath = (await page.getByTestId('print-outcome-path').textContent()) ?? ''
    expect(path.dirname(shownPath)).toBe(spoolDir)

    const pdfs = fs.readdirSync(spoolDir).filter((name) => name.endsWith('.pdf'))
    expect(pdfs).toHaveLength(1)
    const pdf = path.join(spoolDir, pdfs[0]!)
    expect(pdf).toBe(shownPath)

    const size = pdfPageSize(pdf)
    expect(Math.abs(size.width - LETTER_PTS.width)).toBeLessThanOrEqual(TOLERANCE_PTS)
    expect(Math.abs(size.height - LETTER_PTS.height)).toBeLessThanOrEqual(TOLERANCE_PTS)
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
    expect(text).toContain('Printer test page')
    expect(text).toContain('Rivera Auto & Radio')

    const options = JSON.parse(fs.readFileSync(pdf.replace(/\.pdf$/, '.json'), 'utf8')) as Record<string, unknown>
    expect(options).toMatchObject({ document: 'test-page', printerName: SPOOL_PRINTER_NAME, copies: 1, silent: false })

    // The print job was recorded.
    const jobs = await server.services.requireDb().selectFrom('print_jobs').selectAll().execute()
    expect(jobs).toHaveLength(1)
  })

  test('a shop name that is too long is refused next to the field and nothing is saved', async ({ app }) => {
    const { page, server } = app
    await page.keyboard.press('Alt+6')
    const shopName = page.getByLabel('Shop name')
    await shopName.fill('R'.repeat(81))
    await page.getByLabel('Shop phone').fill('555')
    await page.getByRole('button', { name: 'Save shop details' }).click()
    await expect(page.getByText('Keep the shop name under 80 characters.')).toBeVisible()
    await expect(shopName).toBeFocused()
    await expect(shopName).toHaveValue('R'.repeat(81))
    expect(await getShopSettings(server.services)).toEqual({ shopName: '', shopPhone: '', shopAddress: '' })

    // Unsaved edits survive a trip to another screen.
    await page.keyboard.press('Alt+1')
    await page.keyboard.press('Alt+6')
    await expect(page.getByLabel('Shop phone')).toHaveValue('555')
    await expect(page.getByText('Not saved yet')).toBeVisible()
  })
})
