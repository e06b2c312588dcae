import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { newCustomerSchema } from '../../shared/domain/customer'
import { createCustomer } from '../../electron/main/services/customers'
import { dataPaths } from '../../electron/main/paths'
import { expect, test } from './fixtures'

/*
 * Screenshots of the main screens for a person to look at; not assertions.
 * Only run when RCD_SHOTS_DIR names a folder (playwright.config.ts ignores
 * this file otherwise):
 *   RCD_SHOTS_DIR=/tmp/shots npx playwright test screenshots
 */
const SHOTS_DIR = process.env['RCD_SHOTS_DIR'] ?? ''

test.skip(!SHOTS_DIR, 'set RCD_SHOTS_DIR to take screenshots')

function shot(name: string): string {
  fs.mkdirSync(SHOTS_DIR, { recursive: true })
  return path.join(SHOTS_DIR, `${name}.png`)
}

test('main screens', async ({ app }) => {
  const { page, server } = app
  await page.screenshot({ path: shot('01-today') })

  for (const [name, phones, email] of [
    ['Ana Castillo', ['555 222 3333'], ''],
    ['Bo Zhang', [], 'bo@example.com'],
    ['Carmen Ortega-Villanueva', ['(555) 300-4000', '555 300 4001'], 'carmen.ortega@example.com'],
  ] as const) {
    await createCustomer(server.services, newCustomerSchema.parse({ name, phones: phones.map((number) => ({ number })), email }))
  }
  await page.keyboard.press('Alt+3')
  await page.getByRole('link', { name: /Carmen Ortega/ }).click()
  await expect(page.getByRole('heading', { level: 2, name: /Carmen/ })).toBeVisible()
  await page.screenshot({ path: shot('02-customers-details') })

  await page.keyboard.press('Alt+n')
  await page.getByLabel('Name', { exact: true }).fill('Dana Rivera')
  await page.getByRole('button', { name: 'Add another phone' }).click()
  await page.getByLabel('Phone 1 number').fill('(555) 010-2030')
  await page.getByLabel('Phone 2 number').fill('555')
  await page.getByLabel('Email').fill('dana@')
  await page.getByLabel('Name', { exact: true }).fill('')
  await page.getByRole('button', { name: 'Save customer' }).click()
  await expect(page.getByText(/Check 3 fields/)).toBeVisible()
  await page.screenshot({ path: shot('03-new-customer-validation') })

  await page.getByLabel('Name', { exact: true }).fill('Dana Rivera')
  await page.getByLabel('Phone 2 number').fill('555 010 9999')
  await page.getByLabel('Email').fill('dana@example.com')
  await page.getByLabel('Notes').fill('Prefers texts. 2014 Accord, radio code card lost.')
  await page.getByLabel('Email').press('Enter')
  await expect(page.getByText('Saved. Dana Rivera is now on file.')).toBeVisible()
  await page.screenshot({ path: shot('04-customer-saved') })

  await page.keyboard.press('Alt+6')
  await page.getByLabel('Shop name').fill('Rivera Auto & Radio')
  await page.getByLabel('Shop phone').fill('(555) 010-7000')
  await page.getByLabel('Address').fill('12 Main St\nSpringfield')
  await page.getByLabel('Shop name').press('Enter')
  await expect(page.getByText('Shop details saved.')).toBeVisible()
  await page.getByRole('button', { name: 'Print test page' }).click()
  await expect(page.getByTestId('print-outcome-path')).toBeVisible()
  await page.screenshot({ path: shot('05-settings') })

  await page.keyboard.press('Alt+2')
  await page.screenshot({ path: shot('06-search') })
  await page.keyboard.press('Alt+4')
  await page.keyboard.press('Tab')
  await page.screenshot({ path: shot('07-vehicles-focus') })
  await page.keyboard.press('?')
  await expect(page.getByRole('dialog')).toBeVisible()
  await page.screenshot({ path: shot('08-shortcuts') })
})

test.describe('database error', () => {
  test.use({
    expectedAppState: 'database-error',
    prepare: {
      dataDir: (dataDir) => {
        const sqlite = new BetterSqlite3(dataPaths(dataDir).dbFile)
        sqlite.exec('create table kysely_migration (name text primary key, timestamp text)')
        sqlite.prepare('insert into kysely_migration values (?, ?)').run('9999-01-01T0000_from-the-future', '9999-01-01')
        sqlite.close()
      },
    },
  })
  test('newer version screen', async ({ app }) => {
    await app.page.screenshot({ path: shot('09-database-newer-version') })
  })
})

test.describe('unreadable database', () => {
  test.use({
    expectedAppState: 'database-error',
    prepare: { dataDir: (dataDir) => fs.writeFileSync(dataPaths(dataDir).dbFile, 'garbage '.repeat(500)) },
  })
  test('unreadable screen', async ({ app }) => {
    await app.page.screenshot({ path: shot('10-database-unreadable') })
  })
})
