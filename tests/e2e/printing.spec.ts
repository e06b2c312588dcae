import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { Page, TestInfo } from '@playwright/test'
import { newCustomerSchema } from '../../shared/domain/customer'
import { newRadioSchema } from '../../shared/domain/radio'
import { newVehicleSchema } from '../../shared/domain/vehicle'
import { mmToPoints } from '../../shared/print/units'
import { createCustomer } from '../../electron/main/services/customers'
import { addRadio } from '../../electron/main/services/radios'
import { createVehicle } from '../../electron/main/services/vehicles'
import { checkInBatteryJob, decideGate, markBatteryDisconnected, recordChecklist, startService } from '../../electron/main/services/battery-jobs'
import type { PreviewServer } from '../../electron/web-preview/server'
import { expect, test } from './fixtures'

/*
 * Printing end to end in the browser preview: a battery job finished on
 * screen, the code card and the pickup reminder printed from the job page to
 * the spool printer, then the PDFs checked (page size with pdfinfo within
 * half a millimetre of the format, text with pdftotext: the code on the card,
 * never on the reminder) and rendered to PNG with pdftoppm into this test's
 * output folder (artifacts of the run, not the repository). A printer that is
 * offline falls back to Save as PDF. A reprint from the vehicle page.
 */

const CODE = '41263'
const VW_CODE = '4108'
const HALF_MM_PT = mmToPoints(0.5)

async function openHash(page: Page, hash: string) {
  await page.evaluate((target) => {
    window.location.hash = target
  }, hash)
}

async function seedCar(
  server: PreviewServer,
  customer: { name: string; phone: string; preferredLanguage?: 'en' | 'es' },
  car: { year: number; make: string; model: string; plate: string; vin?: string },
  code: string,
) {
  const owner = await createCustomer(server.services, newCustomerSchema.parse({ name: customer.name, phones: [{ number: customer.phone }], preferredLanguage: customer.preferredLanguage ?? 'en' }))
  const vehicle = await createVehicle(server.services, newVehicleSchema.parse({ ownerId: owner.id, ...car, plateState: 'TX' }))
  const detail = await addRadio(server.services, newRadioSchema.parse({ vehicleId: vehicle.id, headUnit: 'Factory radio', serial: 'U1234567' }))
  const radioId = detail.radios.find((r) => r.removedAt === null)!.id
  const security = server.services.requireSecurity()
  await security.codes.addCode(security.requireActor(), { radioId, code, source: 'owner-card', sourceDetail: 'card in the glove box' })
  return { ownerId: owner.id, vehicleId: vehicle.id, radioId }
}

interface Pdf {
  readonly widthPt: number
  readonly heightPt: number
  readonly pages: number
  readonly text: string
  readonly compact: string
}

/** Reads a spooled PDF back, and renders its pages to PNG in the test's output folder. */
function readPdf(file: string, testInfo: TestInfo, name: string): Pdf {
  const info = execFileSync('pdfinfo', [file]).toString()
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString()
  execFileSync('pdftoppm', ['-r', '200', '-png', file, testInfo.outputPath(name)])
  return { widthPt: Number(size[1]), heightPt: Number(size[2]), pages: Number(/Pages:\s+(\d+)/.exec(info)![1]), text, compact: text.replace(/\s+/g, '') }
}

function expectPageMm(pdf: Pdf, widthMm: number, heightMm: number) {
  expect(Math.abs(pdf.widthPt - mmToPoints(widthMm)), `page width ${pdf.widthPt} pt against ${widthMm} mm`).toBeLessThanOrEqual(HALF_MM_PT)
  expect(Math.abs(pdf.heightPt - mmToPoints(heightMm)), `page height ${pdf.heightPt} pt against ${heightMm} mm`).toBeLessThanOrEqual(HALF_MM_PT)
}

/** The spooled file named in the page's "printed" message. */
async function printedFile(page: Page): Promise<string> {
  const message = (await page.getByTestId('print-done').textContent()) ?? ''
  const file = /Saved to (\S+\.pdf)/.exec(message)?.[1] ?? /Saved as (\S+\.pdf)/.exec(message)?.[1]
  expect(file, message).toBeTruthy()
  return file!
}

/**
 * Console errors fail the test, except the one Chromium logs when Playwright's
 * own helper script is refused by the preview's sandboxed frame (which is the
 * point of the sandbox: nothing runs in it).
 */
function watchConsole(page: Page): () => string[] {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() !== 'error') return
    if (/^Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed/.test(message.text())) return
    problems.push(message.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))
  return () => problems
}

test.describe('printing', () => {
  // The preview's sandboxed frame refuses Playwright's helper script; watchConsole() checks the rest.
  test.use({ allowConsoleErrors: true })

  test('a finished battery job: the code card and the pickup reminder print to the spool printer; an offline printer falls back to Save as PDF', async ({ app }, testInfo) => {
    const { page, server, spoolDir } = app
    const consoleProblems = watchConsole(page)
    const s = server.services
    const { vehicleId } = await seedCar(server, { name: 'Ana López', phone: '(555) 010-2030' }, { year: 2005, make: 'Honda', model: 'Accord', plate: '7ABC123', vin: '1HGCM56425A987650' }, CODE)
    const jobId = (await checkInBatteryJob(s, { vehicleId, roNumber: 'A-3001' })).detail.job.id
    await decideGate(s, { jobId, option: 'code-on-file' })
    await startService(s, { jobId })
    await markBatteryDisconnected(s, { jobId })
    await recordChecklist(s, { jobId, batteryTest: { result: 'good' }, reconnect: { radioAskedForCode: false, clockPresetsReset: true } })

    // Done, on screen: the print prompt, and the documents to print.
    await openHash(page, `#/jobs/${jobId}`)
    await page.getByTestId('mark-done').click()
    await expect(page.getByTestId('completion').getByRole('heading')).toBeFocused()
    await expect(page.getByTestId('printing-pending')).toBeVisible()
    const documents = page.getByTestId('print-documents')
    await expect(documents.getByTestId('print-history-empty')).toBeVisible()

    // The code card: the dialog with its live preview in a sandboxed frame.
    await documents.getByTestId('print-code-card').click()
    const dialog = page.getByTestId('print-dialog')
    await expect(dialog.getByRole('heading', { name: 'Print: Code card' })).toBeVisible()
    await expect(dialog.getByTestId('print-button')).toBeFocused()
    await dialog.getByRole('radio', { name: /Wallet card/ }).check()
    await dialog.getByRole('checkbox', { name: /QR code/ }).check()
    const preview = dialog.getByTestId('page-preview')
    await expect(preview).toHaveAttribute('sandbox', '')
    await expect(preview).toHaveAttribute('data-page-width-mm', '85.6')
    await expect(dialog.getByTestId('print-language')).toHaveText('In English: the customer’s language.')
    // The preview never has the code: it is an image of the masked card.
    const frameHtml = (await preview.getAttribute('srcdoc')) ?? ''
    expect(decodeURIComponent(frameHtml)).toContain('•••••')
    expect(decodeURIComponent(frameHtml)).not.toContain(CODE)
    await page.waitForTimeout(300) // the frame's image decodes; only for the screenshot below
    await page.screenshot({ path: testInfo.outputPath('print-dialog-card.png') })

    // The desk signed in moments ago with a PIN, so the card prints without asking again (the PIN path: tests/integration/documents-router.test.ts).
    await page.keyboard.press('Enter')
    await expect(dialog).toHaveCount(0)
    await expect(page.getByTestId('print-done')).toContainText('Radio code: sent to')
    const cardFile = await printedFile(page)
    expect(path.dirname(cardFile)).toBe(spoolDir)
    const card = readPdf(cardFile, testInfo, 'code-card-wallet')
    expectPageMm(card, 85.6, 53.98)
    expect(card.pages).toBe(1)
    expect(card.compact).toContain(CODE)
    expect(card.text).toContain('Ana López')
    expect(card.text).toContain('2005 Honda Accord')
    // The job records the card as printed; the history says who printed what, where.
    await expect(page.getByTestId('printing-pending')).toHaveCount(0)
    await expect(documents.getByTestId('print-code-card')).toHaveText('Reprint code card…')
    const history = documents.getByTestId('print-history')
    await expect(history.getByRole('row')).toHaveCount(2)
    await expect(history.getByRole('row').nth(1)).toContainText('Code card (wallet card)')
    await expect(history.getByRole('row').nth(1)).toContainText('preview-spool')
    await expect(history.getByRole('row').nth(1)).toContainText('Test Manager')
    // The spool printer saves what it prints, so the preview records "Saved".
    await expect(history.getByRole('row').nth(1)).toContainText('Saved')

    // The pickup reminder: 80 mm receipt, never the code.
    await documents.getByTestId('print-pickup-reminder').click()
    await expect(dialog.getByRole('heading', { name: 'Print: Pickup reminder' })).toBeVisible()
    await expect(dialog.getByRole('radio', { name: '80 mm receipt' })).toBeChecked()
    await expect(dialog.getByTestId('page-preview')).toHaveAttribute('data-page-width-mm', '80')
    await page.screenshot({ path: testInfo.outputPath('print-dialog-reminder.png') })
    await dialog.getByTestId('print-button').click()
    await expect(dialog).toHaveCount(0)
    const reminder = readPdf(await printedFile(page), testInfo, 'pickup-reminder-receipt')
    expectPageMm(reminder, 80, 78)
    expect(reminder.pages).toBe(1)
    expect(reminder.text).toContain('A-3001')
    expect(reminder.text).toContain('Ana López')
    expect(reminder.compact).toContain('Givetheradiocodecardtothecustomer')
    expect(reminder.compact).not.toContain(CODE)
    await expect(history.getByRole('row')).toHaveCount(3)

    // A printer that is offline: said plainly, and Save as PDF is offered (and focused).
    await documents.getByTestId('print-pickup-reminder').click()
    await dialog.getByLabel('Printer').selectOption({ label: 'Offline printer (preview, never prints) (offline)' })
    await dialog.getByTestId('print-button').click()
    await expect(dialog.getByTestId('print-outcome')).toContainText('The printer “Offline printer (preview, never prints)” is offline or paused')
    const savePdf = dialog.getByTestId('save-pdf-button')
    await expect(savePdf).toHaveText('Save as PDF instead')
    await expect(savePdf).toBeFocused()
    await page.screenshot({ path: testInfo.outputPath('print-dialog-offline.png') })
    await page.keyboard.press('Enter')
    await expect(dialog).toHaveCount(0)
    const savedFile = await printedFile(page)
    expect(path.basename(savedFile)).toMatch(/saved_Pickup-reminder/)
    expect(execFileSync('pdftotext', [savedFile, '-']).toString()).toContain('A-3001')
    await expect(history.getByRole('row').nth(1)).toContainText('Save as PDF')
    await expect(history.getByRole('row').nth(2)).toContainText('Failed')

    // Printed: the completion panel now asks for the hand-over, not for printing.
    await expect(page.getByTestId('completion').getByRole('heading')).toHaveText('Code card printed: hand it to the customer')
    await page.screenshot({ path: testInfo.outputPath('job-page-documents.png'), fullPage: true })
    expect(fs.readdirSync(spoolDir).filter((f) => f.endsWith('.pdf'))).toHaveLength(3)
    expect(consoleProblems()).toEqual([])
  })

  test('a reprint from the vehicle page: the card on a half-used business-card sheet, in the customer’s Spanish', async ({ app }, testInfo) => {
    const { page, server, spoolDir } = app
    const consoleProblems = watchConsole(page)
    const { vehicleId } = await seedCar(
      server,
      { name: 'José Ramírez', phone: '(555) 010-4455', preferredLanguage: 'es' },
      { year: 2004, make: 'Volkswagen', model: 'Jetta', plate: '5XYZ789', vin: '3VWSK69M74M608917' },
      VW_CODE,
    )
    await openHash(page, `#/vehicles/${vehicleId}`)
    const documents = page.getByTestId('print-documents')
    await expect(documents.getByTestId('print-history-empty')).toBeVisible()
    await documents.getByTestId('print-code-card').click()
    const dialog = page.getByTestId('print-dialog')
    await dialog.getByRole('radio', { name: /Sheet of ten/ }).check()
    // Positions 1–4 are used up: print on 5 and 6 only.
    const positions = dialog.getByRole('group', { name: /Sheet positions/ })
    for (const n of [1, 2, 3, 4, 7, 8, 9, 10]) await positions.getByRole('button', { name: new RegExp(`^Position ${n} `) }).click()
    await expect(dialog.getByText('2 of 10 chosen')).toBeVisible()
    await expect(positions.getByRole('button', { name: /^Position 5 / })).toHaveAttribute('aria-pressed', 'true')
    await expect(dialog.getByTestId('print-language')).toHaveText('In Spanish: the customer’s language.')
    await expect(dialog.getByTestId('page-preview')).toHaveAttribute('data-page-width-mm', '215.9')
    await page.waitForTimeout(300) // the frame's image decodes; only for the screenshot below
    await page.screenshot({ path: testInfo.outputPath('print-dialog-sheet.png') })

    await dialog.getByTestId('print-button').click()
    await expect(dialog).toHaveCount(0)
    const file = await printedFile(page)
    expect(path.dirname(file)).toBe(spoolDir)
    const sheet = readPdf(file, testInfo, 'code-card-sheet-es')
    expectPageMm(sheet, 215.9, 279.4)
    expect(sheet.pages).toBe(1)
    expect(sheet.compact.split(VW_CODE)).toHaveLength(3)
    expect(sheet.text).toContain('CÓDIGO DE LA RADIO')
    const history = documents.getByTestId('print-history')
    await expect(history.getByRole('row')).toHaveCount(2)
    await expect(history.getByRole('row').nth(1)).toContainText('Code card (business-card sheet)')
    expect(consoleProblems()).toEqual([])
  })

  test('settings: a 62 mm label printer calibrated with an offset and a calibration page; the shop logo from a file', async ({ app }, testInfo) => {
    const { page, server } = app
    const consoleProblems = watchConsole(page)
    await page.keyboard.press('Alt+6')
    const form = page.getByTestId('setup-form-code-card')
    await expect(form).toBeVisible()
    await page.getByRole('radiogroup', { name: 'Document' }).getByRole('radio', { name: 'Pickup reminder' }).check()
    const reminder = page.getByTestId('setup-form-pickup-reminder')
    await reminder.getByRole('radio', { name: '62 mm continuous label' }).check()
    await reminder.getByLabel('Offset across (mm)').fill('1.5')
    await reminder.getByLabel('Offset down (mm)').fill('-0.5')
    await reminder.getByTestId('print-calibration-page').click()
    await expect(reminder.getByTestId('print-outcome-message')).toHaveText('The test page was sent to the printer.')
    const file = (await reminder.getByTestId('print-outcome-path').textContent()) ?? ''
    const pdf = readPdf(file, testInfo, 'calibration-label-62')
    expectPageMm(pdf, 62, 72)
    expect(pdf.pages).toBe(1)
    expect(pdf.text).toContain('Pickup reminder · 62 mm continuous label')
    expect(pdf.text).toContain('across +1.5 mm, down −0.5 mm')
    const setups = await server.services.requireDb().selectFrom('workstation_settings').selectAll().execute()
    expect(setups.map((r) => [r.key, JSON.parse(r.value_json).offsetXmm])).toEqual([['print-setup.pickup-reminder', 1.5]])

    // The shop's logo, read from a file in the page and saved with the shop details.
    const logoSvg = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" rx="6" fill="#0b57a4"/></svg>'
    await page.locator('#shop-logo-file').setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(logoSvg) })
    await expect(page.getByTestId('shop-logo-preview')).toBeVisible()
    await page.getByLabel('Shop name').fill('Rivera Auto & Radio')
    await page.getByRole('button', { name: 'Save shop details' }).click()
    await expect(page.getByText('Shop details saved.')).toBeVisible()
    const shop = await server.services.requireDb().selectFrom('shop_settings').select('value_json').where('key', '=', 'shop').executeTakeFirstOrThrow()
    expect(JSON.parse(shop.value_json).logoDataUrl).toBe(`data:image/svg+xml;base64,${Buffer.from(logoSvg).toString('base64')}`)
    await page.screenshot({ path: testInfo.outputPath('settings-printers.png'), fullPage: true })
    expect(consoleProblems()).toEqual([])
  })
})
