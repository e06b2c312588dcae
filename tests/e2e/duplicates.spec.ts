import type { Page } from '@playwright/test'
import { newCustomerSchema } from '../../shared/domain/customer'
import { newVehicleSchema } from '../../shared/domain/vehicle'
import { createCustomer } from '../../electron/main/services/customers'
import { createVehicle } from '../../electron/main/services/vehicles'
import type { PreviewServer } from '../../electron/web-preview/server'
import { expect, test } from './fixtures'

/*
 * The same car or the same person must not be added twice: duplicates are
 * caught while typing, and main's DUPLICATE answer points to the record too.
 * Wrong VINs are explained; a wrong check digit only warns.
 */

const ACCORD_VIN = '1HGCM82633A004352'

async function seed(server: PreviewServer) {
  const ana = await createCustomer(server.services, newCustomerSchema.parse({ name: 'Ana López', phones: [{ number: '(555) 010-2030' }] }))
  const bo = await createCustomer(server.services, newCustomerSchema.parse({ name: 'Bo Zhang' }))
  const accord = await createVehicle(
    server.services,
    newVehicleSchema.parse({ ownerId: ana.id, vin: ACCORD_VIN, year: 2003, make: 'Honda', model: 'Accord', plate: '7ABC123', plateState: 'TX' }),
  )
  return { ana, bo, accord }
}

async function openNewVehicleFor(page: Page, customerId: number, name: string) {
  await page.evaluate((hash) => {
    window.location.hash = hash
  }, `#/customers/${customerId}`)
  const heading = page.getByRole('heading', { level: 2, name })
  await expect(heading).toBeVisible()
  await heading.focus()
  await page.keyboard.press('v')
  await expect(page.getByLabel(/^VIN/)).toBeFocused()
}

async function vehicleCount(server: PreviewServer) {
  return (await server.services.requireDb().selectFrom('vehicles').select('id').execute()).length
}

async function customerCount(server: PreviewServer) {
  return (await server.services.requireDb().selectFrom('customers').select('id').execute()).length
}

test.describe('duplicates and VIN checks', () => {
  test('a VIN already on file is caught while typing and points to the existing vehicle; nothing typed is lost', async ({ app }) => {
    const { page, server } = app
    const { bo, accord } = await seed(server)
    await openNewVehicleFor(page, bo.id, 'Bo Zhang')
    await page.getByLabel(/^VIN/).pressSequentially('1hgcm8-2633a 004352')
    await expect(page.getByLabel(/^VIN/)).toHaveValue(ACCORD_VIN)
    const notice = page.getByTestId('vin-duplicate')
    await expect(notice).toContainText('This VIN is already on file: 2003 Honda Accord, owner Ana López — Open it')
    await page.getByLabel('Colour').fill('Red')

    // Saving is refused in the form; nothing reaches the database.
    await page.getByLabel('Colour').press('Enter')
    await expect(page.getByText('Check one field')).toBeVisible()
    expect(await vehicleCount(server)).toBe(1)

    await notice.getByRole('link', { name: 'Open it' }).click()
    await expect(page.getByRole('heading', { level: 2, name: '2003 Honda Accord' })).toBeVisible()
    expect(new URL(page.url()).hash).toBe(`#/vehicles/${accord.id}`)

    // Back: the half-filled form is as it was.
    await page.goBack()
    await expect(page.getByLabel(/^VIN/)).toHaveValue(ACCORD_VIN)
    await expect(page.getByLabel('Colour')).toHaveValue('Red')
    await expect(page.getByText('Restored what you typed earlier.')).toBeVisible()
  })

  test('when main answers DUPLICATE, the form says so with an "Open it" link and keeps the values', async ({ app }) => {
    const { page, server } = app
    const { bo, accord } = await seed(server)
    // Another desk saved the same VIN a moment ago: the live check has not seen it.
    await page.route('**/__preview__/api', async (route) => {
      const call = route.request().postDataJSON() as { method: string }
      if (call.method === 'vehicles.findByVin') return route.fulfill({ json: { ok: true, value: null } })
      return route.continue()
    })
    await openNewVehicleFor(page, bo.id, 'Bo Zhang')
    await page.getByLabel(/^VIN/).fill(ACCORD_VIN)
    await page.getByLabel('Make').fill('Honda')
    await page.getByLabel('Make').press('Enter')
    const alert = page.getByRole('alert').filter({ hasText: 'Not saved: already on file' })
    await expect(alert).toContainText('This VIN is already on file')
    await expect(page.getByLabel('Make')).toHaveValue('Honda')
    await alert.getByRole('link', { name: 'Open it' }).click()
    expect(new URL(page.url()).hash).toBe(`#/vehicles/${accord.id}`)
    expect(await vehicleCount(server)).toBe(1)
  })

  test('a phone number already on file points to that customer; "shared number" saves it for both', async ({ app }) => {
    const { page, server } = app
    const { ana } = await seed(server)
    await page.keyboard.press('Alt+n')
    await page.keyboard.type('Luis López')
    await page.getByLabel('Phone 1 number').fill('555.010.2030')
    const duplicate = page.getByTestId('phone-duplicate')
    await expect(duplicate).toContainText('(555) 010-2030 is already on file for Ana López.')
    await expect(duplicate.getByRole('link', { name: 'Open Ana López' })).toHaveAttribute('href', `#/customers/${ana.id}`)

    // Not saved until the desk decides.
    await page.getByLabel('Phone 1 number').press('Enter')
    await expect(page.getByText('Check one field')).toBeVisible()
    expect(await customerCount(server)).toBe(2)

    await duplicate.getByLabel(/Shared number/).check()
    await page.getByLabel('Phone 1 number').press('Enter')
    await expect(page.getByRole('heading', { level: 2, name: 'Luis López' })).toBeFocused()
    expect(await customerCount(server)).toBe(3)
  })

  test('main’s DUPLICATE answer for a phone shows "Open it" to the customer who has it', async ({ app }) => {
    const { page, server } = app
    const { ana } = await seed(server)
    await page.route('**/__preview__/api', async (route) => {
      const call = route.request().postDataJSON() as { method: string }
      if (call.method === 'customers.findByPhone') return route.fulfill({ json: { ok: true, value: [] } })
      return route.continue()
    })
    await page.keyboard.press('Alt+n')
    await page.keyboard.type('Luis López')
    await page.getByLabel('Phone 1 number').fill('+1 555 010 2030')
    await page.getByLabel('Phone 1 number').press('Enter')
    const alert = page.getByRole('alert').filter({ hasText: 'Not saved: already on file' })
    await expect(alert).toContainText('already on file for Ana López')
    await expect(alert.getByRole('link', { name: 'Open it' })).toHaveAttribute('href', `#/customers/${ana.id}`)
    await expect(page.getByLabel('Phone 1 number')).toHaveValue('+1 555 010 2030')
    expect(await customerCount(server)).toBe(2)
  })

  test('a wrong check digit warns but saves; letters VINs never use are refused with their position', async ({ app }) => {
    const { page, server } = app
    const { bo } = await seed(server)
    await openNewVehicleFor(page, bo.id, 'Bo Zhang')
    const vin = page.getByLabel(/^VIN/)

    await vin.fill('1HGCM82633AO04352')
    await expect(page.getByText('VINs never use the letter O — did you mean 0 (zero)? (position 12)')).toBeVisible()
    await page.keyboard.press('Control+Enter')
    await expect(page.getByText('Check one field')).toBeVisible()
    expect(await vehicleCount(server)).toBe(1)

    // Position 9 should be 3 for this VIN; 1 is a typo or a VIN from another market.
    await vin.fill('1HGCM82613A004352')
    const warning = page.getByTestId('vin-check-warning')
    await expect(warning).toContainText('The check digit (position 9) is 1, but the other characters work out to 3.')
    await expect(warning).toContainText('vehicles built outside North America may not use a check digit')
    await expect(page.getByTestId('decode')).not.toContainText('Looking up', { timeout: 20_000 })
    await page.getByLabel('Make').fill('Honda')
    await page.getByLabel('Make').press('Enter')
    await expect(page.getByRole('heading', { level: 2, name: /Honda/ })).toBeFocused()
    await expect(page.getByTestId('vehicle-vin')).toHaveText('1HGCM82613A004352')
    expect(await vehicleCount(server)).toBe(2)
  })
})
