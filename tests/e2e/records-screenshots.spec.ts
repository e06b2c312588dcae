import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { newCustomerSchema } from '../../shared/domain/customer'
import { newRadioSchema } from '../../shared/domain/radio'
import { newVehicleSchema } from '../../shared/domain/vehicle'
import { createCustomer } from '../../electron/main/services/customers'
import { addRadio } from '../../electron/main/services/radios'
import { createVehicle, transferVehicle } from '../../electron/main/services/vehicles'
import { expect, test } from './fixtures'

/*
 * Screenshots of the customer and vehicle screens for a person to look at;
 * not assertions. Only with RCD_SHOTS_DIR set:
 *   RCD_SHOTS_DIR=/tmp/shots-records npx playwright test records-screenshots
 */
const SHOTS_DIR = process.env['RCD_SHOTS_DIR'] ?? ''

test.skip(!SHOTS_DIR, 'set RCD_SHOTS_DIR to take screenshots')

function shot(name: string): string {
  fs.mkdirSync(SHOTS_DIR, { recursive: true })
  return path.join(SHOTS_DIR, `records-${name}.png`)
}

/** The main area scrolls inside the window: grow the window to fit it, shoot, and shrink back. */
async function fullShot(page: Page, name: string) {
  const extra = await page.evaluate(() => {
    const main = document.querySelector('main')
    return main ? main.scrollHeight - main.clientHeight : 0
  })
  if (extra > 0) await page.setViewportSize({ width: 1280, height: 800 + extra })
  await page.screenshot({ path: shot(name) })
  if (extra > 0) await page.setViewportSize({ width: 1280, height: 800 })
}

async function openHash(page: Page, hash: string) {
  await page.evaluate((target) => {
    window.location.hash = target
  }, hash)
}

test('customer and vehicle screens', async ({ app }) => {
  test.setTimeout(90_000)
  const { page, server } = app
  const s = server.services
  const ana = await createCustomer(
    s,
    newCustomerSchema.parse({
      name: 'Ana López',
      phones: [{ number: '(555) 010-2030' }, { label: 'work', number: '555 010 7777' }],
      email: 'ana.lopez@example.com',
      preferredLanguage: 'es',
      notes: 'Prefers a text when the car is ready.',
    }),
  )
  const bo = await createCustomer(s, newCustomerSchema.parse({ name: 'Bo Zhang', phones: [{ number: '555 300 4000' }] }))
  await createCustomer(s, newCustomerSchema.parse({ name: 'Hondo Ramírez', phones: [{ number: '555 444 1212' }] }))
  const accord = await createVehicle(
    s,
    newVehicleSchema.parse({
      ownerId: bo.id,
      vin: '1HGCM82633A004352',
      year: 2003,
      make: 'Honda',
      model: 'Accord',
      trim: 'EX-V6',
      engine: 'V6 (J30A4)',
      plate: '7ABC123',
      plateState: 'TX',
      colour: 'Silver',
      notes: 'Aftermarket alarm; radio fuse is #7.',
    }),
  )
  await addRadio(s, newRadioSchema.parse({ vehicleId: accord.id, serial: 'HE12345678', headUnit: 'Factory tape' }))
  await addRadio(s, newRadioSchema.parse({ vehicleId: accord.id, serial: 'HE87654321', headUnit: 'Factory 6-disc CD', replacesReason: 'Tape deck broken' }))
  await transferVehicle(s, { vehicleId: accord.id, toCustomerId: ana.id, notes: 'Bought from Bo, title seen' })
  await createVehicle(s, newVehicleSchema.parse({ ownerId: ana.id, year: 2011, make: 'Honda', model: 'Civic', plate: 'HND 42', plateState: 'TX', colour: 'Red' }))
  await createVehicle(s, newVehicleSchema.parse({ ownerId: ana.id, year: 2019, make: 'Tesla', model: 'Model 3', plate: 'EV 2019' }))

  // Customer page.
  await openHash(page, `#/customers/${ana.id}`)
  await expect(page.getByRole('heading', { level: 2, name: 'Ana López' })).toBeVisible()
  await fullShot(page, '01-customer-page')
  await openHash(page, `#/customers/${bo.id}`)
  await expect(page.getByRole('list', { name: 'Previously owned vehicles' })).toBeVisible()
  await fullShot(page, '02-customer-previous-vehicles')

  // Vehicle page, then with details open.
  await openHash(page, `#/vehicles/${accord.id}`)
  await expect(page.getByRole('heading', { level: 2, name: '2003 Honda Accord' })).toBeVisible()
  await fullShot(page, '03-vehicle-page')
  await page.getByText('Details: code, serial').first().click()
  await expect(page.getByText('[S1]').first()).toBeVisible()
  await fullShot(page, '04-vehicle-guidance-details')

  // Transfer and radio panels.
  await openHash(page, `#/vehicles/${accord.id}/transfer`)
  await page.getByRole('searchbox', { name: 'New owner' }).fill('555')
  await expect(page.getByRole('listbox', { name: 'Customers found' }).getByRole('option')).toHaveCount(3)
  await page.keyboard.press('ArrowDown')
  await page.screenshot({ path: shot('05-vehicle-transfer') })
  await openHash(page, `#/vehicles/${accord.id}/radio`)
  await expect(page.getByLabel('Radio serial')).toBeFocused()
  await fullShot(page, '06-vehicle-add-radio')

  // Vehicle form: wrong check digit, decode suggestions with one conflict, guidance.
  await openHash(page, `#/customers/${bo.id}`)
  await page.getByRole('heading', { level: 2, name: 'Bo Zhang' }).focus()
  await page.keyboard.press('v')
  await page.getByLabel(/^VIN/).fill('1HGCM82613A004352')
  await page.getByLabel('Model').fill('Accord Coupe')
  await page.getByLabel('Plate').fill('BZ 4000')
  await expect(page.getByTestId('decode')).toContainText('From the VIN', { timeout: 20_000 })
  await fullShot(page, '07-vehicle-form-decode-warning')
  await page.keyboard.press('Alt+u')
  await fullShot(page, '08-vehicle-form-after-use')

  // Duplicate VIN in the form.
  await page.getByLabel(/^VIN/).fill('1HGCM82633A004352')
  await expect(page.getByTestId('vin-duplicate')).toBeVisible()
  await page.screenshot({ path: shot('09-vehicle-form-duplicate') })

  // New customer with a phone someone has.
  await page.keyboard.press('Alt+n')
  await page.keyboard.type('Luis López')
  await page.getByLabel('Phone 1 number').fill('555-010-2030')
  await expect(page.getByTestId('phone-duplicate')).toBeVisible()
  await page.getByLabel('Phone 1 number').press('Enter')
  await fullShot(page, '10-customer-form-duplicate-phone')

  // Search results, grouped, one highlighted.
  await page.keyboard.press('Control+k')
  await page.getByRole('searchbox').fill('hond')
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toBeVisible()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await page.screenshot({ path: shot('11-search-results') })
  await page.getByRole('searchbox').fill('HE1234')
  await expect(page.getByRole('group', { name: 'Radios' })).toBeVisible()
  await page.screenshot({ path: shot('12-search-radio') })
  await page.getByRole('searchbox').fill('zzz nobody')
  await expect(page.getByTestId('search-no-results')).toBeVisible()
  await page.screenshot({ path: shot('13-search-nothing') })

  await page.keyboard.press('Alt+4')
  await expect(page.getByRole('list', { name: 'Recent vehicles' })).toBeVisible()
  await page.screenshot({ path: shot('14-vehicles-list') })
})
