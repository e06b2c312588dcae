import type { Page } from '@playwright/test'
import { newCustomerSchema } from '../../shared/domain/customer'
import { newVehicleSchema } from '../../shared/domain/vehicle'
import { newRadioSchema } from '../../shared/domain/radio'
import { createCustomer } from '../../electron/main/services/customers'
import { createVehicle } from '../../electron/main/services/vehicles'
import { addRadio } from '../../electron/main/services/radios'
import type { PreviewServer } from '../../electron/web-preview/server'
import { expect, focused, test } from './fixtures'

/*
 * Customers, vehicles, radios and search, end to end through the real
 * services, including the real offline VIN decoder (its first decode in a
 * fresh data folder unpacks the vPIC database: the tests wait on the screen,
 * never on a clock).
 */

const ACCORD_VIN = '1HGCM82633A004352'
/** What a USB scanner types for the Accord's Code 39 label: an extra leading I. */
const ACCORD_SCAN = `I${ACCORD_VIN}`
const HONDA_LINE = 'Honda/Acura radio (1990s to late 2000s): 5-digit code, digits 1–6; serial shows with presets 1+6'

async function seedAna(server: PreviewServer) {
  return createCustomer(server.services, newCustomerSchema.parse({ name: 'Ana López', phones: [{ number: '(555) 010-2030' }] }))
}

async function seedAccord(server: PreviewServer, ownerId: number) {
  return createVehicle(
    server.services,
    newVehicleSchema.parse({ ownerId, vin: ACCORD_VIN, year: 2003, make: 'Honda', model: 'Accord', plate: '7ABC123', plateState: 'TX' }),
  )
}

/** Goes to a route the way a link does (a hash change). */
async function openHash(page: Page, hash: string) {
  await page.evaluate((target) => {
    window.location.hash = target
  }, hash)
}

async function search(page: Page, text: string) {
  await page.keyboard.press('Control+k')
  const box = page.getByRole('searchbox', { name: 'Find a customer, vehicle or radio' })
  await expect(box).toBeFocused()
  await box.fill(text)
  return page.getByRole('listbox', { name: 'Search results' })
}

test.describe('customers and vehicles', () => {
  test('add a customer, then a vehicle by scanning its VIN; accept the decoded details; the page shows the radio guidance', async ({ app }) => {
    const { page, server } = app
    await page.keyboard.press('Alt+n')
    await page.keyboard.type('Ana López')
    await page.getByLabel('Phone 1 number').fill('555 010 2030')
    await page.getByLabel('Phone 1 number').press('Enter')
    const heading = page.getByRole('heading', { level: 2, name: 'Ana López' })
    await expect(heading).toBeFocused()
    await expect(page.getByText('No vehicles yet.')).toBeVisible()

    // One keystroke: V adds a vehicle for this customer; the cursor lands in the VIN box.
    await page.keyboard.press('v')
    await expect(page.getByRole('heading', { name: 'New vehicle for Ana López' })).toBeVisible()
    const vin = page.getByLabel(/^VIN/)
    await expect(vin).toBeFocused()
    expect(new URL(page.url()).hash).toMatch(/^#\/vehicles\/new\?customer=\d+$/)

    // The scanner "types" fast and ends with Enter: the scan is accepted, the form is not submitted.
    await page.keyboard.type(ACCORD_SCAN, { delay: 0 })
    await page.keyboard.press('Enter')
    await expect(vin).toHaveValue(ACCORD_VIN)
    await expect(vin).toBeFocused()
    await expect(page.getByText('the extra “I” at the start of the barcode was dropped')).toBeVisible()
    await expect(page.getByTestId('vin-model-year')).toHaveText('2003')

    // Decoded offline; shown as suggestions, nothing filled until accepted.
    const decode = page.getByTestId('decode')
    await expect(decode).toContainText('From the VIN: 2003 Honda Accord', { timeout: 20_000 })
    await expect(page.getByLabel('Make')).toHaveValue('')
    await page.getByLabel('Model').fill('Accord Coupe')
    await expect(decode).toContainText('You typed “Accord Coupe”')
    await page.keyboard.press('Alt+u')
    await expect(page.getByLabel('Year', { exact: true })).toHaveValue('2003')
    await expect(page.getByLabel('Make')).toHaveValue('Honda')
    // What the desk typed is kept until they choose otherwise.
    await expect(page.getByLabel('Model')).toHaveValue('Accord Coupe')
    await decode.getByRole('button', { name: 'Use “Accord” instead' }).click()
    await expect(page.getByLabel('Model')).toHaveValue('Accord')
    await expect(decode).toContainText('The form matches the VIN.')
    await expect(page.getByLabel('Trim')).not.toHaveValue('')

    // Radio guidance shows in the form as soon as make and year are known.
    await expect(page.getByTestId('radio-guidance').getByTestId('guidance-line').first()).toHaveText(HONDA_LINE)

    await page.getByLabel('Plate').fill('7abc123')
    await page.getByLabel('State').fill('tx')
    await page.getByLabel('Colour').fill('Silver')
    await page.getByLabel('Colour').press('Enter')

    const page2 = page.locator('article.vehicle-page')
    await expect(page2.getByRole('heading', { level: 2, name: '2003 Honda Accord' })).toBeFocused()
    await expect(page2).toContainText('Saved. The 2003 Honda Accord is on file for Ana López.')
    await expect(page2.getByTestId('vehicle-vin')).toHaveText(ACCORD_VIN)
    await expect(page2).toContainText('7ABC123 TX')
    const guidance = page2.getByTestId('radio-guidance')
    await expect(guidance.getByTestId('guidance-line').first()).toHaveText(HONDA_LINE)
    await expect(guidance).toContainText('they differ by the audio system fitted')
    // Details on demand.
    await guidance.getByText('Details: code, serial').first().click()
    await expect(guidance).toContainText('Five digits, entered with presets 1–6')
    await expect(guidance).toContainText('Lockout')
    await expect(guidance).toContainText('[S1]')
    await expect(page2.getByTestId('vehicle-jobs-empty')).toBeVisible()

    const rows = await server.services.requireDb().selectFrom('vehicles').selectAll().execute()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ vin: ACCORD_VIN, year: 2003, make: 'Honda', model: 'Accord', plate: '7ABC123', plate_state: 'TX', colour: 'Silver' })

    // The customer's page lists it; Back returns there.
    await page.goBack()
    await expect(page.getByRole('heading', { level: 2, name: 'Ana López' })).toBeVisible()
    await expect(page.getByRole('list', { name: 'Current vehicles' })).toContainText('2003 Honda Accord')
    await expect(page.getByRole('list', { name: 'Current vehicles' })).toContainText('7ABC123 TX · VIN …004352 · Silver')
  })

  test('search finds the customer by phone in another format, the vehicle by plate and the last six of the VIN, the radio by serial', async ({ app }) => {
    const { page, server } = app
    const ana = await seedAna(server)
    const accord = await seedAccord(server, ana.id)
    await addRadio(server.services, newRadioSchema.parse({ vehicleId: accord.id, serial: 'HE1234 5678', headUnit: 'Factory CD' }))

    let results = await search(page, '+1 555.010.2030')
    await expect(results.getByRole('option')).toHaveCount(1)
    await expect(results.getByRole('group', { name: 'Customers' })).toContainText('Ana López')
    await expect(results.getByRole('option').first()).toContainText('phone')
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { level: 2, name: 'Ana López' })).toBeFocused()
    expect(new URL(page.url()).hash).toBe(`#/customers/${ana.id}`)

    results = await search(page, '7abc 123')
    const vehicle = results.getByRole('group', { name: 'Vehicles' }).getByRole('option')
    await expect(vehicle).toContainText('2003 Honda Accord · 7ABC123 TX · VIN …004352 · owner Ana López')
    await expect(vehicle).toContainText('plate')

    results = await search(page, '004352')
    await expect(results.getByRole('group', { name: 'Vehicles' }).getByRole('option')).toContainText('VIN')
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { level: 2, name: '2003 Honda Accord' })).toBeFocused()
    expect(new URL(page.url()).hash).toBe(`#/vehicles/${accord.id}`)

    results = await search(page, 'he12345678')
    await expect(results.getByRole('group', { name: 'Radios' })).toContainText('Radio HE1234 5678 · Factory CD · in 2003 Honda Accord')
    // The mouse works too.
    await results.getByRole('option').first().click()
    await expect(page.getByTestId('installed-radio')).toContainText('HE1234 5678')
    await expect(page.getByTestId('code-status')).toHaveText('No code on file')

    // Nothing found says so and offers a new customer with that phone.
    await search(page, '555 777 8888')
    await expect(page.getByTestId('search-no-results')).toContainText('Nothing on file matches “555 777 8888”.')
    await page.getByRole('button', { name: 'New customer with this phone' }).click()
    await expect(page.getByLabel('Phone 1 number')).toHaveValue('555 777 8888')
    await expect(page.getByText('Filled in from your search.')).toBeVisible()
  })

  test('search results are keyboard-only: ↓/↑ move across groups, Enter opens the highlighted one, Esc clears', async ({ app }) => {
    const { page, server } = app
    const ana = await seedAna(server)
    await createCustomer(server.services, newCustomerSchema.parse({ name: 'Hondo Ramírez' }))
    const accord = await seedAccord(server, ana.id)
    await createVehicle(server.services, newVehicleSchema.parse({ ownerId: ana.id, year: 2011, make: 'Honda', model: 'Civic', plate: 'HND 42' }))

    const results = await search(page, 'hond')
    const options = results.getByRole('option')
    await expect(options).toHaveCount(3)
    await expect(results.getByRole('group', { name: 'Customers' }).getByRole('option')).toHaveCount(1)
    await expect(results.getByRole('group', { name: 'Vehicles' }).getByRole('option')).toHaveCount(2)
    const box = page.getByRole('searchbox', { name: 'Find a customer, vehicle or radio' })
    await expect(options.nth(0)).toHaveAttribute('aria-selected', 'false')

    await page.keyboard.press('ArrowDown')
    await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true')
    await expect(box).toHaveAttribute('aria-activedescendant', (await options.nth(0).getAttribute('id')) ?? '')
    await page.keyboard.press('ArrowDown') // into the Vehicles group
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown') // stays on the last
    await expect(options.nth(2)).toHaveAttribute('aria-selected', 'true')
    await page.keyboard.press('ArrowUp')
    await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true')
    const chosen = (await options.nth(1).textContent()) ?? ''
    await expect(box).toBeFocused()
    await page.keyboard.press('Enter')
    const title = chosen.includes('Accord') ? '2003 Honda Accord' : '2011 Honda Civic'
    await expect(page.getByRole('heading', { level: 2, name: title })).toBeFocused()
    if (title === '2003 Honda Accord') expect(new URL(page.url()).hash).toBe(`#/vehicles/${accord.id}`)

    // Back to search: the text is still there; Esc clears it, and an empty box offers what was opened.
    await page.keyboard.press('/')
    await expect(box).toHaveValue('hond')
    await page.keyboard.press('Escape')
    await expect(box).toHaveValue('')
    const recent = page.getByRole('listbox', { name: 'Opened recently' })
    await expect(recent.getByRole('option').first()).toContainText(title)
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { level: 2, name: title })).toBeFocused()
    expect(await focused(page)).toMatchObject({ tag: 'h2' })
  })

  test('a vehicle transferred to another customer keeps its history: owners on the vehicle page, previous vehicles on the old owner’s page', async ({ app }) => {
    const { page, server } = app
    const ana = await seedAna(server)
    await createCustomer(server.services, newCustomerSchema.parse({ name: 'Bo Zhang', phones: [{ number: '555 300 4000' }] }))
    const accord = await seedAccord(server, ana.id)
    await addRadio(server.services, newRadioSchema.parse({ vehicleId: accord.id, serial: 'HE12345678', headUnit: 'Factory CD' }))

    await openHash(page, `#/vehicles/${accord.id}`)
    await expect(page.getByRole('heading', { level: 2, name: '2003 Honda Accord' })).toBeVisible()
    await page.getByRole('heading', { level: 2, name: '2003 Honda Accord' }).focus()
    await page.keyboard.press('t')
    const picker = page.getByRole('searchbox', { name: 'New owner' })
    await expect(picker).toBeFocused()
    // The current owner cannot be picked.
    await picker.fill('ana')
    await expect(page.getByRole('listbox', { name: 'Customers found' })).toContainText('current owner')
    await picker.fill('555 300 4000')
    await expect(page.getByRole('listbox', { name: 'Customers found' })).toContainText('Bo Zhang')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('transfer-new-owner')).toHaveText('Bo Zhang')
    await page.getByLabel('Note').fill('Sold privately')
    await page.getByRole('button', { name: 'Transfer to Bo Zhang' }).press('Enter')

    const vehiclePage = page.locator('article.vehicle-page')
    await expect(vehiclePage).toContainText('Transferred to Bo Zhang. Ana López is kept as a previous owner.')
    const owners = page.getByTestId('owner-history')
    await expect(owners.getByRole('listitem')).toHaveCount(2)
    await expect(owners.getByRole('listitem').nth(0)).toContainText('Bo Zhang')
    await expect(owners.getByRole('listitem').nth(0)).toContainText('current owner')
    await expect(owners.getByRole('listitem').nth(0)).toContainText('Sold privately')
    await expect(owners.getByRole('listitem').nth(1)).toContainText('Ana López')
    // The radio stays with the car.
    await expect(page.getByTestId('installed-radio')).toContainText('HE12345678')
    expect(new URL(page.url()).hash).toBe(`#/vehicles/${accord.id}`)

    await owners.getByRole('link', { name: 'Ana López' }).click()
    await expect(page.getByRole('heading', { level: 2, name: 'Ana López' })).toBeVisible()
    await expect(page.getByText('No vehicles yet.')).toBeVisible()
    await expect(page.getByRole('list', { name: 'Previously owned vehicles' })).toContainText('2003 Honda Accord')

    await page.keyboard.press('Control+k')
    await page.getByRole('searchbox').fill('004352')
    await expect(page.getByRole('listbox', { name: 'Search results' })).toContainText('owner Bo Zhang')
  })

  test('a radio replaced keeps the old one as history; status shows, never a code', async ({ app }) => {
    const { page, server } = app
    const ana = await seedAna(server)
    const accord = await seedAccord(server, ana.id)
    await openHash(page, `#/vehicles/${accord.id}`)
    await expect(page.getByText('No radio recorded.')).toBeVisible()
    await page.getByRole('link', { name: /Add radio/ }).first().click()
    const serial = page.getByLabel('Radio serial')
    await expect(serial).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page.getByText('Enter the radio serial, or at least describe the head unit.')).toBeVisible()
    await serial.fill('he111')
    await page.getByLabel('Head unit').fill('Factory tape')
    await page.getByLabel('Head unit').press('Enter')
    await expect(page.getByText('Radio added.')).toBeVisible()
    await expect(page.getByTestId('installed-radio')).toContainText('HE111')

    await page.getByRole('heading', { level: 2, name: '2003 Honda Accord' }).focus()
    await page.keyboard.press('r')
    await expect(page.getByRole('heading', { name: 'Replace the radio' })).toBeVisible()
    await page.getByLabel('Radio serial').fill('HE222')
    await page.getByLabel('Head unit').fill('Factory CD')
    await page.getByLabel('Why was the old radio replaced?').fill('Tape deck broken')
    await page.getByLabel('Why was the old radio replaced?').press('Enter')
    await expect(page.getByText('Radio replaced. The old one is kept below as history.')).toBeVisible()
    await expect(page.getByTestId('installed-radio')).toContainText('HE222')
    const history = page.getByTestId('radio-history')
    await expect(history).toContainText('HE111')
    await expect(history).toContainText('Tape deck broken')
    await expect(page.getByTestId('code-status')).toHaveText(['No code on file', 'No code on file'])
  })

  test('editing a customer and a vehicle changes only what was changed', async ({ app }) => {
    const { page, server } = app
    const ana = await seedAna(server)
    const accord = await seedAccord(server, ana.id)
    await page.keyboard.press('Alt+3')
    await page.getByRole('link', { name: /Ana López/ }).click()
    await expect(page.getByRole('heading', { level: 2, name: 'Ana López' })).toBeVisible()
    await page.getByRole('heading', { level: 2, name: 'Ana López' }).focus()
    await page.keyboard.press('e')
    const name = page.getByLabel('Name', { exact: true })
    await expect(name).toBeFocused()
    await expect(name).toHaveValue('Ana López')
    await expect(page.getByLabel('Phone 1 number')).toHaveValue('(555) 010-2030')
    await page.getByLabel('Email').fill('ana@example.com')
    await page.getByLabel('Spanish (Español)').check()

    // Meanwhile someone else changes her notes: the edit must not undo that.
    const { updateCustomer } = await import('../../electron/main/services/customers')
    await updateCustomer(server.services, { id: ana.id, notes: 'Changed at the other desk.' })
    await page.getByLabel('Email').press('Enter')
    const details = page.locator('article.customer-details')
    await expect(details).toContainText('Saved your changes to Ana López.')
    await expect(details).toContainText('ana@example.com')
    await expect(details).toContainText('Spanish')
    await expect(details).toContainText('Changed at the other desk.')

    // Vehicle: Edit from its page.
    await page.getByRole('link', { name: /2003 Honda Accord/ }).click()
    await page.getByRole('heading', { level: 2, name: '2003 Honda Accord' }).focus()
    await page.keyboard.press('e')
    await expect(page.getByRole('heading', { name: 'Edit 2003 Honda Accord' })).toBeVisible()
    await expect(page.getByLabel(/^VIN/)).toHaveValue(ACCORD_VIN)
    await page.getByLabel('Colour').fill('Blue')
    await page.getByLabel('Colour').press('Enter')
    await expect(page.locator('article.vehicle-page')).toContainText('Saved your changes.')
    await expect(page.locator('article.vehicle-page')).toContainText('Blue')
    const row = await server.services.requireDb().selectFrom('vehicles').selectAll().where('id', '=', accord.id).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ colour: 'Blue', plate: '7ABC123', make: 'Honda' })
  })

  test('the Vehicles section lists recent vehicles and opens one; Back returns to the list', async ({ app }) => {
    const { page, server } = app
    const ana = await seedAna(server)
    await seedAccord(server, ana.id)
    await page.keyboard.press('Alt+4')
    const list = page.getByRole('list', { name: 'Recent vehicles' })
    await expect(list.getByRole('link')).toHaveCount(1)
    await expect(list).toContainText('2003 Honda Accord')
    await list.getByRole('link').first().focus()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { level: 2, name: '2003 Honda Accord' })).toBeVisible()
    await page.goBack()
    await expect(list).toBeVisible()
    await page.goForward()
    await expect(page.getByRole('heading', { level: 2, name: '2003 Honda Accord' })).toBeVisible()

    // A vehicle added from here asks for its owner first.
    await page.keyboard.press('Alt+4')
    await page.getByRole('link', { name: 'New vehicle' }).click()
    const owner = page.getByRole('searchbox', { name: 'Owner' })
    await expect(owner).toBeFocused()
    await page.keyboard.type('lopez')
    await expect(page.getByRole('listbox', { name: 'Customers found' })).toContainText('Ana López')
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { name: 'New vehicle for Ana López' })).toBeVisible()
    await expect(page.getByLabel(/^VIN/)).toBeFocused()
    await page.keyboard.press('Tab')
    await page.getByLabel('Make').fill('Honda')
    await page.getByLabel('Model').fill('Civic')
    await expect(page.getByTestId('radio-guidance')).toContainText('Add the model year to see what this radio needs.')
    await page.getByLabel('Year', { exact: true }).fill('2009')
    await expect(page.getByTestId('radio-guidance').getByTestId('guidance-line').first()).not.toHaveText(/model year/)
    await page.getByLabel('Make').fill('Tesla')
    await expect(page.getByTestId('radio-guidance')).toContainText('The knowledge base has nothing for “Tesla”: treat the radio as unknown.')
    await page.getByLabel('Make').press('Enter')
    await expect(page.getByRole('heading', { level: 2, name: '2009 Tesla Civic' })).toBeFocused()
    await expect(page.getByRole('link', { name: 'Ana López' }).first()).toBeVisible()
  })

  test('a customer, vehicle or job that is not on file says so in words, with a way to try again', async ({ app }) => {
    const { page } = app
    for (const [hash, title] of [
      ['#/customers/999999', 'This customer could not be shown'],
      ['#/customers/999999/edit', 'This customer could not be opened for editing'],
      ['#/vehicles/999999', 'This vehicle could not be shown'],
      ['#/jobs/999999', 'This job could not be shown'],
      ['#/vehicles/999999/edit', 'This vehicle could not be opened for editing'],
    ] as const) {
      await openHash(page, hash)
      const alert = page.getByRole('alert').filter({ hasText: title })
      await expect(alert, hash).toBeVisible()
      await expect(alert).toContainText('not found')
      await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible()
    }
  })
})
