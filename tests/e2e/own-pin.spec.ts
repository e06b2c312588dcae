import { appState, expect, shotIfAsked, signInAs, test, TEST_MANAGER } from './fixtures'

/* Settings → Staff: the person signed in changes their own PIN, then signs in with it. */

test('a desk user changes their own PIN: a wrong current PIN is refused in words, the right one works, and the new PIN signs in', async ({ app }) => {
  const { page, server } = app
  const security = server.services.requireSecurity()
  const manager = security.session.currentStaffId()!
  await security.staff.addStaff(manager, { name: 'Dan Desk', role: 'desk', pin: '7391' })
  await page.keyboard.press('Control+l')
  await signInAs(page, 'Dan Desk', '7391')

  await page.keyboard.press('Alt+6')
  await page.getByRole('link', { name: 'Staff' }).click()
  const card = page.getByRole('region', { name: 'Your PIN' })
  await expect(card).toContainText('Signed in as Dan Desk')

  await card.getByLabel('Current PIN').fill('0000')
  await card.getByLabel('New PIN', { exact: true }).fill('4826')
  await card.getByLabel('New PIN again').fill('4826')
  await card.getByRole('button', { name: 'Change my PIN' }).click()
  await expect(card.getByText(/current PIN is not right/)).toBeVisible()
  // The boxes were emptied: nothing secret stays on screen.
  await expect(card.getByLabel('New PIN', { exact: true })).toHaveValue('')

  await card.getByLabel('Current PIN').fill('7391')
  await card.getByLabel('New PIN', { exact: true }).fill('4826')
  await card.getByLabel('New PIN again').fill('4826')
  await card.getByRole('button', { name: 'Change my PIN' }).click()
  await expect(card.getByTestId('own-pin-saved')).toBeVisible()
  // The emptied boxes are not flagged as mistakes.
  await expect(card.getByText('Enter a PIN.')).toHaveCount(0)
  await shotIfAsked(page, 'settings-own-pin')

  await page.keyboard.press('Control+l')
  await appState(page, 'sign-in')
  await signInAs(page, 'Dan Desk', '4826')
  // The manager still signs in as before.
  await page.keyboard.press('Control+l')
  await signInAs(page, TEST_MANAGER.name, TEST_MANAGER.pin)
})
