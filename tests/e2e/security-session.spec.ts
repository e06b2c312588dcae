import { appState, expect, shotIfAsked, signInAs, test, TEST_MANAGER } from './fixtures'

/*
 * Signing out never loses typed work: the app is taken off the screen, the
 * half-typed form lives on as a draft, and it is back after signing in again.
 * The desk learns about a sign-out from main's 'session.changed' event, or
 * from a call refused as SIGNED_OUT.
 */

async function halfTypeACustomer(page: import('@playwright/test').Page): Promise<void> {
  await page.keyboard.press('Alt+n')
  await page.getByLabel('Name', { exact: true }).fill('Ana Castillo')
  await page.getByLabel('Phone 1 number').fill('555 222 3333')
  await page.getByLabel('Notes').fill('2014 Accord, radio code card lost.')
}

async function expectTheDraftBack(page: import('@playwright/test').Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'New customer' })).toBeVisible()
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Ana Castillo')
  await expect(page.getByLabel('Phone 1 number')).toHaveValue('555 222 3333')
  await expect(page.getByLabel('Notes')).toHaveValue('2014 Accord, radio code card lost.')
}

test('Switch person with a half-typed customer form: signing back in finds the form as it was', async ({ app }) => {
  const { page, server } = app
  await halfTypeACustomer(page)
  await page.keyboard.press('Control+l')
  await appState(page, 'sign-in')
  // Nothing of the form is on screen while nobody is signed in.
  await expect(page.getByText('Ana Castillo')).toHaveCount(0)
  expect(server.services.requireSecurity().session.currentStaffId()).toBeNull()
  await signInAs(page, TEST_MANAGER.name, TEST_MANAGER.pin)
  await expectTheDraftBack(page)
  // Nothing was saved meanwhile.
  expect(await server.services.requireDb().selectFrom('customers').selectAll().execute()).toEqual([])
})

test('signed out elsewhere (the session.changed event): the picker says so, offers the same person first, and the draft comes back', async ({ app }) => {
  const { page, server } = app
  await halfTypeACustomer(page)
  server.services.requireSecurity().session.signOut()
  // The page's session stream may still be connecting: say it until the page has heard.
  await expect(async () => {
    server.services.events.emit('session.changed', { staffId: null })
    await expect(page.locator('[data-app-state="sign-in"]')).toBeVisible({ timeout: 500 })
  }).toPass()
  await expect(page.getByTestId('signed-out-notice')).toContainText(`${TEST_MANAGER.name} was signed out`)
  await expect(page.getByTestId('signed-out-notice')).toContainText('Anything typed into a form is kept')
  await expect(page.getByRole('list', { name: 'Staff' }).getByRole('button', { name: /^Test Manager/ })).toBeFocused()
  await shotIfAsked(page, '08-signed-out-notice')
  await page.keyboard.press('Enter')
  await page.keyboard.type(TEST_MANAGER.pin)
  await page.keyboard.press('Enter')
  await appState(page, 'ready')
  await expectTheDraftBack(page)
})

test('signed out without a word (idle): the next call is refused as SIGNED_OUT and the sign-in screen comes up', async ({ app }) => {
  const { page, server } = app
  await halfTypeACustomer(page)
  // As if the idle time ran out just now, before main's watcher said so.
  server.services.requireSecurity().session.signOut()
  // Anything that asks main: here, the vehicle list.
  await page.keyboard.press('Alt+4')
  await appState(page, 'sign-in')
  await signInAs(page, TEST_MANAGER.name, TEST_MANAGER.pin)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vehicles')
  await page.keyboard.press('Alt+n')
  await expectTheDraftBack(page)
})
