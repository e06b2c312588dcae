import fs from 'node:fs'
import path from 'node:path'
import { sql } from 'kysely'
import type { Page } from '@playwright/test'
import type { AppServices } from '../../electron/main/services/app-services'
import { appState, expect, shotIfAsked, signInAs, test } from './fixtures'

/*
 * CSV import and export end to end in the browser preview: a file from
 * another shop program with problems is mapped, checked, fixed and imported;
 * an imported customer is found by search; an export imports back without
 * duplicates; radio codes in an export are a manager's choice.
 *
 * Screenshots of each wizard step: RCD_SHOTS_DIR=/tmp/shots-csv npx playwright test csv
 */

const SAMPLE = path.resolve(__dirname, '../fixtures/shop-export-with-problems.csv')

async function openImportExport(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.location.hash = '#/settings/import-export'
  })
  await expect(page.getByRole('heading', { name: 'Import customers and vehicles' })).toBeVisible()
}

async function chooseFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  await page.getByTestId('csv-file-input').setInputFiles(file)
  await expect(page.getByTestId('csv-mapping-step')).toBeVisible()
}

/** A screenshot of the whole wizard (the app scrolls inside its main area, so the window is made tall first). */
async function shot(page: Page, name: string): Promise<void> {
  if (!process.env['RCD_SHOTS_DIR']) return
  const size = page.viewportSize()
  const height = await page.locator('.csv-layout').evaluate((element) => element.scrollHeight)
  await page.setViewportSize({ width: size?.width ?? 1280, height: Math.max(size?.height ?? 800, height + 320) })
  await shotIfAsked(page, name)
  if (size) await page.setViewportSize(size)
}

async function tableCounts(services: AppServices): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const table of ['customers', 'customer_phones', 'vehicles', 'radios', 'radio_codes']) {
    const row = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(services.requireDb())
    out[table] = Number(row.rows[0]?.n ?? 0)
  }
  return out
}

/** The count shown under a heading of the dry-run report ("New", "Merged", …). */
function count(page: Page, label: string) {
  return page.getByTestId('csv-counts').locator('div').filter({ has: page.getByText(label, { exact: true }) }).locator('dd')
}

test.describe('CSV import and export', () => {
  test('a file with problems: map, check, fix the mapping, leave out bad lines, import with progress; search finds the customer', async ({ app }) => {
    const { page, server } = app
    await openImportExport(page)
    await shot(page, 'csv-1-choose')

    await chooseFile(page, SAMPLE)
    const mapping = page.getByTestId('csv-mapping-step')
    await expect(mapping).toContainText('shop-export-with-problems.csv: 6 rows, 12 columns separated by commas, read as UTF-8 text.')
    // The preview shows the multi-line note and the accented name as they are in the file.
    await expect(mapping.getByRole('cell', { name: 'José Núñez' })).toBeVisible()
    // Suggested from the header names: "Home" (an address column here) lands on Home phone.
    await expect(page.getByLabel('Home phone')).toHaveValue('Home')
    await expect(page.getByLabel('Plate', { exact: true })).toHaveValue('Tag')
    await expect(page.getByLabel('Plate state')).toHaveValue('')
    await shot(page, 'csv-2-mapping')

    await page.getByRole('button', { name: /Check the file/ }).click()
    const errors = page.getByTestId('csv-errors')
    await expect(errors).toBeVisible()
    await expect(count(page, 'With problems')).toHaveText('6')
    // Line, field, problem: the address in the phone column, on every line.
    await expect(errors.getByRole('row', { name: /^2 Home phone “12 Main St”: A phone number needs at least 7 digits/ })).toBeVisible()
    await expect(errors.getByRole('row', { name: /^5 Home phone “77 Oak Ave”/ })).toBeVisible()
    await expect(errors.getByRole('row', { name: /^7 VIN .*letter O/ })).toBeVisible()
    await expect(errors.getByRole('row', { name: /^8 Full name .*spreadsheet formula/ })).toBeVisible()
    await expect(page.getByRole('button', { name: /^Import/ })).toHaveAttribute('aria-disabled', 'true')
    await shot(page, 'csv-3-report-with-problems')
    expect((await tableCounts(server.services)).customers).toBe(0)

    // Fix the mapping: the Home column is not a phone; "Tag St" is the plate's state.
    await page.getByRole('button', { name: 'Change the column mapping' }).click()
    await page.getByLabel('Home phone').selectOption({ label: 'Not imported' })
    await page.getByLabel('Plate state').selectOption('Tag St')
    await page.getByRole('button', { name: /Check the file/ }).click()
    await expect(count(page, 'New')).toHaveText('4')
    await expect(count(page, 'With problems')).toHaveText('2')
    await expect(errors.getByRole('row')).toHaveCount(1 + 3)

    // Leave out the two bad lines and check again.
    await page.getByRole('button', { name: 'Leave out every line with a problem' }).click()
    await expect(page.getByTestId('csv-stale')).toBeVisible()
    await page.getByRole('button', { name: 'Check again' }).click()
    await expect(page.getByTestId('csv-check-ok')).toBeVisible()
    await expect(count(page, 'Skipped')).toHaveText('2')
    await shot(page, 'csv-4-report-ready')

    await page.getByRole('button', { name: 'Import 4 rows' }).click()
    const summary = page.getByTestId('csv-summary')
    await expect(summary).toContainText('Customers: 4 new, 0 updated')
    await expect(summary).toContainText('Vehicles: 4 new')
    await expect(summary).toContainText('Radios: 2 new')
    await shot(page, 'csv-5-summary')
    expect(await tableCounts(server.services)).toMatchObject({ customers: 4, vehicles: 4, radios: 2 })
    const jose = await server.services.requireDb().selectFrom('customers').select(['name', 'notes']).where('name', '=', 'José Núñez').executeTakeFirstOrThrow()
    // Stored as in the file (its CRLF inside the quoted value included).
    expect(jose.notes).toBe('Two lines\r\nof notes')
    const plate = await server.services.requireDb().selectFrom('vehicles').select(['plate', 'plate_state']).where('plate', '=', 'XYZ789').executeTakeFirstOrThrow()
    expect(plate.plate_state).toBe('CA')

    // The mapping that worked is offered for the next file.
    await page.getByRole('button', { name: 'Import another file' }).click()
    await chooseFile(page, SAMPLE)
    await expect(page.getByLabel('Home phone')).toHaveValue('')
    await expect(page.getByLabel('Plate state')).toHaveValue('Tag St')

    // Search finds an imported customer by the last digits of the phone.
    await page.keyboard.press('Control+k')
    const box = page.getByRole('searchbox', { name: 'Find a customer, vehicle or radio' })
    await box.fill('0104040')
    await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option', { name: /José Núñez/ })).toBeVisible()
  })

  test('the progress bar follows the import of a larger file', async ({ app }) => {
    const { page, server } = app
    await openImportExport(page)
    const rows = ['Name,Phone,Make,Model,Plate']
    for (let i = 0; i < 3000; i += 1) rows.push(`Person ${i},555-${String(2_000_000 + i)},Kia,Rio,P${i}`)
    await chooseFile(page, { name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) })
    await page.getByRole('button', { name: /Check the file/ }).click()
    await expect(page.getByTestId('csv-check-ok')).toBeVisible()
    // What the page receives (the same events the progress bar follows), and what the bar shows meanwhile.
    // Each subscription in the preview is its own event stream: wait until this one is connected.
    const connected = page.waitForResponse((response) => new URL(response.url()).pathname === '/__preview__/events')
    await page.evaluate(() => {
      const target = window as unknown as { progressEvents: unknown[]; api: { on: (event: string, listener: (payload: unknown) => void) => void } }
      target.progressEvents = []
      target.api.on('import.progress', (payload) => target.progressEvents.push(payload))
    })
    await connected
    // Hold the import's answer until the bar has followed the events to the end, so the bar can be seen.
    let barChecked: () => void = () => {}
    const barSeen = new Promise<void>((resolve) => {
      barChecked = resolve
    })
    await page.route('**/__preview__/api', async (route) => {
      const body = route.request().postDataJSON() as { method?: string }
      if (body.method !== 'csv.import') return route.continue()
      const response = await route.fetch()
      await barSeen
      return route.fulfill({ response })
    })
    await page.getByRole('button', { name: 'Import 3,000 rows' }).click()
    const bar = page.locator('#csv-progress')
    await expect(bar).toHaveAttribute('max', '3000')
    await expect(bar).toHaveAttribute('value', '3000')
    await expect(page.getByTestId('csv-importing-step')).toContainText('Importing… 3,000 of 3,000 rows')
    await shot(page, 'csv-4b-importing')
    barChecked()
    await expect(page.getByTestId('csv-summary')).toContainText('Customers: 3,000 new')
    const events = () => page.evaluate(() => (window as unknown as { progressEvents: unknown[] }).progressEvents)
    await expect.poll(events).toEqual([0, 1000, 2000, 3000].map((done) => ({ done, total: 3000 })))
    console.log(`[csv-e2e] progress events in the page during a 3,000-row import: ${(await events()).length} (0, 1000, 2000, 3000 of 3000)`)
    expect((await tableCounts(server.services)).customers).toBe(3000)
  })

  test('export, then import the export again: nothing is duplicated', async ({ app }) => {
    const { page, server } = app
    await openImportExport(page)
    await chooseFile(page, SAMPLE)
    await page.getByLabel('Home phone').selectOption({ label: 'Not imported' })
    await page.getByRole('button', { name: /Check the file/ }).click()
    await page.getByRole('button', { name: 'Leave out every line with a problem' }).click()
    await page.getByRole('button', { name: 'Check again' }).click()
    await page.getByRole('button', { name: 'Import 4 rows' }).click()
    await expect(page.getByTestId('csv-summary')).toBeVisible()
    const before = await tableCounts(server.services)

    const downloading = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export to CSV' }).click()
    const download = await downloading
    expect(download.suggestedFilename()).toMatch(/^radio-code-desk-customers-\d{4}-\d{2}-\d{2}\.csv$/)
    const saved = path.join(app.dataDir, download.suggestedFilename())
    await download.saveAs(saved)
    await expect(page.getByTestId('csv-export-outcome')).toContainText('4 rows, no radio codes')
    const text = fs.readFileSync(saved, 'utf8')
    expect(text.startsWith('\uFEFFCustomer ID,Name,Phones')).toBe(true)
    expect(text).toContain('José Núñez')

    await page.getByRole('button', { name: 'Import another file' }).click()
    await chooseFile(page, saved)
    await page.getByRole('button', { name: /Check the file/ }).click()
    await expect(page.getByTestId('csv-check-ok')).toBeVisible()
    await expect(count(page, 'New')).toHaveText('0')
    await expect(count(page, 'Merged')).toHaveText('4')
    await page.getByRole('button', { name: 'Import 4 rows' }).click()
    await expect(page.getByTestId('csv-summary')).toContainText('Customers: 0 new, 4 updated')
    expect(await tableCounts(server.services)).toEqual(before)
  })

  test('radio codes in an export: only a manager sees the choice, with a warning; desk staff never do', async ({ app }) => {
    const { page, server } = app
    const security = server.services.requireSecurity()
    const managerId = security.session.currentStaffId()
    if (managerId === null) throw new Error('the fixture signs the manager in')
    await security.staff.addStaff(managerId, { name: 'Dan Desk', role: 'desk', pin: '1357' })

    await openImportExport(page)
    await chooseFile(page, {
      name: 'with-codes.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Name,Phone,VIN,Make,Radio Serial,Radio Code\r\nAnn Lee,555-010-2030,1HGCM82633A004352,Honda,U1234567,41263\r\n'),
    })
    await expect(page.getByText('Radio codes will be imported')).toBeVisible()
    await page.getByRole('button', { name: /Check the file/ }).click()
    await expect(count(page, 'Radio codes')).toHaveText('1')
    await page.getByRole('button', { name: 'Import 1 row' }).click()
    await expect(page.getByTestId('csv-summary')).toContainText('Radio codes: 1 stored')

    const include = page.getByTestId('csv-include-codes')
    await expect(page.getByTestId('csv-codes-warning')).toHaveCount(0)
    await include.check()
    await expect(page.getByTestId('csv-codes-warning')).toContainText('every radio code in plain text')
    await shot(page, 'csv-6-export-with-codes')
    const downloading = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export with radio codes' }).click()
    const download = await downloading
    expect(download.suggestedFilename()).toContain('-with-codes-')
    const saved = path.join(app.dataDir, 'with-codes.csv')
    await download.saveAs(saved)
    expect(fs.readFileSync(saved, 'utf8')).toContain(',41263\r\n')

    await page.getByRole('button', { name: /Switch person/ }).click()
    await appState(page, 'sign-in')
    await signInAs(page, 'Dan Desk', '1357')
    await openImportExport(page)
    await expect(page.getByTestId('csv-include-codes')).toHaveCount(0)
    const deskDownload = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export to CSV' }).click()
    const plain = await deskDownload
    const plainFile = path.join(app.dataDir, 'plain.csv')
    await plain.saveAs(plainFile)
    expect(fs.readFileSync(plainFile, 'utf8')).not.toContain('41263')
    const audit = await server.services.requireDb().selectFrom('audit_log').select(['action', 'staff_id']).where('action', 'like', 'export%').orderBy('id').execute()
    expect(audit).toEqual([
      { action: 'export.codes', staff_id: managerId },
      { action: 'export.csv', staff_id: expect.any(Number) },
    ])
    expect(audit[1]?.staff_id).not.toBe(managerId)
  })
})
