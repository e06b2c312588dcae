import type { Page } from '@playwright/test'
import { newCustomerSchema } from '../../shared/domain/customer'
import { createCustomer } from '../../electron/main/services/customers'
import type { PreviewServer } from '../../electron/web-preview/server'
import { expect, test } from './fixtures'

async function customerRows(server: PreviewServer) {
  return server.services.requireDb().selectFrom('customers').selectAll().orderBy('id').execute()
}

async function openNewCustomerForm(page: Page) {
  await page.keyboard.press('Alt+n')
  await expect(page.getByLabel('Name', { exact: true })).toBeFocused()
}

test.describe('customers', () => {
  test('a customer typed into the form is saved, listed, shown, and in the database', async ({ app }) => {
    const { page, server } = app
    await page.keyboard.press('Alt+3')
    await expect(page.getByText('No customers yet.')).toBeVisible()
    await openNewCustomerForm(page)

    // Keyboard only: type, Tab between fields, Enter saves.
    await page.keyboard.type('  Dana   Rivera ')
    await page.keyboard.press('Tab') // phone 1 kind (Mobile)
    await page.keyboard.press('Tab') // phone 1 number
    await page.keyboard.type('(555) 010-2030')
    await page.getByRole('button', { name: 'Add another phone' }).click()
    await expect(page.getByLabel('Phone 2 number')).toBeFocused()
    await page.keyboard.type('555.010.9999')
    await page.getByLabel('Phone 2 kind').selectOption('work')
    await page.getByLabel('Email').fill('dana@example.com')
    await page.getByLabel('Spanish (Español)').check()
    await page.getByLabel('Notes').fill('Prefers texts.\nSecond car is a 2012 Civic.')
    await page.getByLabel('Email').press('Enter')

    const details = page.locator('article.customer-details')
    await expect(details.getByRole('heading', { name: 'Dana Rivera' })).toBeFocused()
    await expect(details).toContainText('Saved. Dana Rivera is now on file.')
    await expect(details).toContainText('(555) 010-2030')
    await expect(details).toContainText('555.010.9999')
    await expect(details).toContainText('Work')
    await expect(details).toContainText('dana@example.com')
    await expect(details).toContainText('Spanish')
    await expect(details).toContainText('Second car is a 2012 Civic.')

    const list = page.getByRole('list', { name: 'Customers' })
    const entry = list.getByRole('link', { name: /Dana Rivera/ })
    await expect(entry).toHaveAttribute('aria-current', 'true')
    await expect(entry).toContainText('(555) 010-2030')

    // It went through customers.create to the repository: the row is in the database, tidied by the schema.
    const rows = await customerRows(server)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ name: 'Dana Rivera', email: 'dana@example.com', preferred_language: 'es' })
    const phones = await server.services
      .requireDb()
      .selectFrom('customer_phones')
      .select(['label', 'number', 'position'])
      .where('customer_id', '=', rows[0]!.id)
      .orderBy('position')
      .execute()
    expect(phones).toEqual([
      { label: 'mobile', number: '(555) 010-2030', position: 0 },
      { label: 'work', number: '555.010.9999', position: 1 },
    ])
    expect(new URL(page.url()).hash).toBe(`#/customers/${rows[0]!.id}`)

    // The form starts empty next time.
    await openNewCustomerForm(page)
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue('')
  })

  test('the list refreshes by itself when a customer is added elsewhere', async ({ app }) => {
    const { page, server } = app
    await page.keyboard.press('Alt+3')
    await expect(page.getByText('No customers yet.')).toBeVisible()
    await app.eventStreamOpen()
    await createCustomer(server.services, newCustomerSchema.parse({ name: 'Ana Castillo', phones: [{ number: '555 222 3333' }] }))
    const list = page.getByRole('list', { name: 'Customers' })
    await expect(list.getByRole('link', { name: /Ana Castillo/ })).toBeVisible()
    await expect(page.getByText('1 customer', { exact: true })).toBeVisible()

    // Arrow keys move through the list; Enter opens the entry.
    await createCustomer(server.services, newCustomerSchema.parse({ name: 'Bo Zhang' }))
    await expect(list.getByRole('link')).toHaveCount(2)
    await list.getByRole('link', { name: /Ana Castillo/ }).focus()
    await page.keyboard.press('ArrowDown')
    await expect(list.getByRole('link', { name: /Bo Zhang/ })).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { level: 2, name: 'Bo Zhang' })).toBeVisible()
    await expect(page.locator('article.customer-details')).toContainText('None on file')
  })

  test('an empty name and a bad email show messages, keep what was typed, and write nothing', async ({ app }) => {
    const { page, server } = app
    await openNewCustomerForm(page)
    const name = page.getByLabel('Name', { exact: true })
    const email = page.getByLabel('Email')

    // As you type: a message appears once the field is left, and goes when it is fixed.
    await email.fill('dana@')
    await expect(page.getByText('That email address does not look complete.')).toBeHidden()
    await email.press('Tab')
    await expect(page.getByText('That email address does not look complete.')).toBeVisible()
    await expect(email).toHaveAttribute('aria-invalid', 'true')

    await page.getByLabel('Phone 1 number').fill('555')
    await page.getByLabel('Notes').fill('Came in for a battery.')
    await name.fill('   ')
    await page.getByRole('button', { name: 'Save customer' }).click()

    await expect(page.getByText('Check 3 fields')).toBeVisible()
    await expect(page.locator('#customer-name-error')).toHaveText('Enter the customer’s name.')
    await expect(page.locator('#customer-email-error')).toHaveText('That email address does not look complete.')
    await expect(page.getByText('A phone number needs at least 7 digits.').first()).toBeVisible()
    await expect(name).toBeFocused()
    await expect(name).toHaveAttribute('aria-describedby', /customer-name-error/)

    // Nothing typed is lost; nothing was written.
    await expect(email).toHaveValue('dana@')
    await expect(page.getByLabel('Phone 1 number')).toHaveValue('555')
    await expect(page.getByLabel('Notes')).toHaveValue('Came in for a battery.')
    expect(await customerRows(server)).toHaveLength(0)

    // Enter on an invalid form does not save either; fixing the fields does.
    await name.fill('Dana Rivera')
    await name.press('Enter')
    await expect(page.getByText('Check 2 fields')).toBeVisible()
    await expect(page.getByLabel('Phone 1 number')).toBeFocused()
    expect(await customerRows(server)).toHaveLength(0)
    await email.fill('dana@example.com')
    await page.getByLabel('Phone 1 number').fill('555 010 2030')
    await page.getByLabel('Phone 1 number').press('Enter')
    await expect(page.getByRole('heading', { level: 2, name: 'Dana Rivera' })).toBeVisible()
    expect(await customerRows(server)).toHaveLength(1)
  })

  test('VALIDATION answers from main appear next to their fields and keep the values', async ({ app }) => {
    const { page, server } = app
    await page.route('**/__preview__/api', async (route) => {
      const call = route.request().postDataJSON() as { method: string }
      if (call.method !== 'customers.create') return route.continue()
      return route.fulfill({
        json: {
          ok: false,
          error: {
            code: 'VALIDATION',
            message: 'Some fields are not valid.',
            fields: [
              { path: 'phones.0.number', message: 'Main says this number is odd.' },
              { path: 'email', message: 'Main says this email is odd.' },
            ],
          },
        },
      })
    })
    await openNewCustomerForm(page)
    await page.getByLabel('Name', { exact: true }).fill('Dana Rivera')
    // Row 1 stays empty (not sent), so main's phones.0 is row 2.
    await page.getByRole('button', { name: 'Add another phone' }).click()
    await page.getByLabel('Phone 2 number').fill('555 010 2030')
    await page.getByLabel('Email').fill('dana@example.com')
    await page.getByLabel('Email').press('Enter')

    await expect(page.locator('#customer-email-error')).toHaveText('Main says this email is odd.')
    const phoneTwoError = page.locator(`#${await page.getByLabel('Phone 2 number').getAttribute('id')}-error`)
    await expect(phoneTwoError).toHaveText('Main says this number is odd.')
    await expect(page.getByLabel('Phone 2 number')).toBeFocused()
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Dana Rivera')
    await expect(page.getByLabel('Email')).toHaveValue('dana@example.com')

    // Editing the field clears main's message for it.
    await page.getByLabel('Email').fill('dana.rivera@example.com')
    await expect(page.locator('#customer-email-error')).toBeHidden()
    expect(await customerRows(server)).toHaveLength(0)
  })

  test('when main cannot save, the form says so and keeps every value', async ({ app }) => {
    const { page, server } = app
    await page.route('**/__preview__/api', async (route) => {
      const call = route.request().postDataJSON() as { method: string }
      if (call.method !== 'customers.create') return route.continue()
      return route.fulfill({
        json: { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong and nothing was saved. The details are in the log.' } },
      })
    })
    await openNewCustomerForm(page)
    await page.getByLabel('Name', { exact: true }).fill('Dana Rivera')
    await page.getByLabel('Notes').fill('Keep me.')
    await page.getByLabel('Notes').press('Control+Enter')
    await expect(page.getByRole('alert').filter({ hasText: 'Not saved' })).toContainText('nothing was saved')
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Dana Rivera')
    await expect(page.getByLabel('Notes')).toHaveValue('Keep me.')
    expect(await customerRows(server)).toHaveLength(0)
  })

  test('a half-typed customer survives leaving the form and reloading; Clear form can be undone', async ({ app }) => {
    const { page } = app
    await openNewCustomerForm(page)
    await page.keyboard.type('Dana Riv')
    await page.getByLabel('Phone 1 number').fill('555 01')
    await page.keyboard.press('Alt+6')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings')
    await openNewCustomerForm(page)
    await expect(page.getByText('Restored what you typed earlier.')).toBeVisible()
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Dana Riv')
    await expect(page.getByLabel('Phone 1 number')).toHaveValue('555 01')

    // Reloading the window (Ctrl+R) does not lose it either.
    await page.reload()
    await page.locator('[data-app-state="ready"]').waitFor()
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Dana Riv')
    await expect(page.getByLabel('Phone 1 number')).toHaveValue('555 01')
    await page.getByRole('button', { name: 'Add another phone' }).click()
    await expect(page.getByLabel('Phone 2 number')).toBeFocused()
    await expect(page.locator('input[type="tel"]')).toHaveCount(2)

    await page.getByRole('button', { name: 'Clear form' }).click()
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue('')
    await page.getByRole('button', { name: 'Undo' }).click()
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Dana Riv')
    await expect(page.getByLabel('Phone 1 number')).toHaveValue('555 01')
  })
})
