import { sql } from 'kysely'
import { newCustomerSchema } from '../../shared/domain/customer'
import { createCustomer } from '../../electron/main/services/customers'
import { appState, expect, shotIfAsked, signInAs, test, TEST_MANAGER } from './fixtures'

/*
 * Lockout, PIN reset, the audit log and the idle setting, at a desk where the
 * fixture's manager is signed in. PINs are checked at full strength (~0.4 s
 * each): every step waits on the screen.
 */

const DAN = { name: 'Dan Okafor', pin: '7391', newPin: '5820' }

test('five wrong PINs lock Dan; the manager resets the PIN (audited), the log checks out, and Dan signs in with the new PIN', async ({ app }) => {
  test.setTimeout(60_000)
  const { page, server } = app
  const security = server.services.requireSecurity()
  const managerId = security.session.currentStaffId()
  if (managerId === null) throw new Error('the fixture signs the manager in')
  await security.staff.addStaff(managerId, { name: DAN.name, role: 'desk', pin: DAN.pin })

  // Switch person from the header.
  await page.getByRole('button', { name: /Switch person/ }).click()
  await appState(page, 'sign-in')
  await page.getByRole('list', { name: 'Staff' }).getByRole('button', { name: /^Dan Okafor/ }).click()
  const box = page.getByLabel('PIN', { exact: true })
  await expect(box).toBeFocused()

  for (const left of [4, 3, 2, 1]) {
    await box.fill('1111')
    await box.press('Enter')
    await expect(page.getByTestId('sign-in-message')).toHaveText(
      `Wrong PIN. ${left} more wrong ${left === 1 ? 'PIN locks' : 'PINs lock'} this account for a while.`,
    )
    // The PIN is out of the box at once, and the cursor is back in it.
    await expect(box).toHaveValue('')
    await expect(box).toBeFocused()
  }
  await box.fill('1111')
  await box.press('Enter')
  const locked = page.getByTestId('sign-in-locked')
  await expect(locked).toContainText(/Wrong PIN\. Locked until \d{1,2}:\d{2}.*\(about 30 seconds\)/)
  await expect(locked).toContainText('ask a manager to reset your PIN')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${DAN.name} is locked out`)
  await expect(page.getByLabel('PIN', { exact: true })).toHaveCount(0)
  await shotIfAsked(page, '04-locked')

  // Back to the names (Esc): Dan is marked locked; the manager signs in.
  await page.keyboard.press('Escape')
  await expect(page.getByRole('list', { name: 'Staff' }).getByRole('button', { name: /^Dan Okafor/ })).toContainText('Locked')
  await expect(page.getByRole('list', { name: 'Staff' }).getByRole('button', { name: /^Dan Okafor/ })).toBeFocused()
  await signInAs(page, TEST_MANAGER.name, TEST_MANAGER.pin)

  // Settings → Staff: Dan is locked; reset the PIN.
  await page.keyboard.press('Alt+6')
  await page.getByRole('link', { name: 'Staff', exact: true }).click()
  const danRow = page.getByRole('row', { name: new RegExp(DAN.name) })
  await expect(danRow).toContainText('Locked until')
  await danRow.getByRole('button', { name: `Reset ${DAN.name}’s PIN` }).click()
  const panel = page.getByRole('region', { name: `Reset ${DAN.name}’s PIN` })
  await expect(panel.getByLabel('New PIN', { exact: true })).toBeFocused()
  await panel.getByLabel('New PIN', { exact: true }).fill(DAN.newPin)
  await panel.getByLabel('New PIN again').fill(DAN.newPin)
  await shotIfAsked(page, '05c-reset-pin')
  await panel.getByRole('button', { name: 'Set the new PIN' }).click()
  await expect(page.getByTestId('staff-message')).toContainText(`${DAN.name}’s PIN was reset and any lockout cleared.`)
  await expect(danRow).toContainText('Active')
  await expect(danRow).not.toContainText('Locked')
  await expect(danRow.getByRole('button', { name: `Reset ${DAN.name}’s PIN` })).toBeFocused()

  // The audit log shows the reset, by the manager, about Dan.
  await page.getByRole('link', { name: 'Audit log' }).click()
  const resetRow = page.getByTestId('audit-row').filter({ hasText: 'staff.pin.reset' })
  await expect(resetRow).toHaveCount(1)
  await expect(resetRow).toContainText('Reset a PIN')
  await expect(resetRow).toContainText(TEST_MANAGER.name)
  await expect(resetRow).toContainText(DAN.name)
  await expect(resetRow).toContainText('was locked: yes')
  // Newest first: the reset is the first row.
  await expect(page.getByTestId('audit-row').first()).toContainText('staff.pin.reset')
  const lockRow = page.getByTestId('audit-row').filter({ hasText: 'staff.locked' })
  await expect(lockRow).toContainText('Locked out after wrong PINs')

  await page.getByRole('button', { name: 'Check the log' }).click()
  const rows = (await server.services.requireDb().selectFrom('audit_log').select('id').execute()).length
  await expect(page.getByTestId('audit-check')).toContainText(`All ${rows} entries check out.`)
  await shotIfAsked(page, '06-audit-log')
  await resetRow.scrollIntoViewIfNeeded()
  await shotIfAsked(page, '07-audit-log-rows')

  // Dan signs in with the new PIN.
  await page.keyboard.press('Control+l')
  await signInAs(page, DAN.name, DAN.newPin)
})

test('audit log: filters by person, action family and vehicle, pages with "Older entries", and says where a tampered log breaks', async ({ app }) => {
  test.setTimeout(60_000)
  const { page, server } = app
  for (let i = 1; i <= 55; i += 1) {
    await createCustomer(server.services, newCustomerSchema.parse({ name: `Customer ${String(i).padStart(2, '0')}` }))
  }
  await page.evaluate(() => {
    window.location.hash = '#/settings/audit'
  })
  await expect(page.getByRole('heading', { level: 2, name: 'Audit log' })).toBeVisible()
  const rows = page.getByTestId('audit-row')
  await expect(rows).toHaveCount(50)
  await expect(page.getByText('Showing 50 entries, newest first.')).toBeVisible()
  await expect(rows.first()).toContainText('Added a customer')
  const total = (await server.services.requireDb().selectFrom('audit_log').select('id').execute()).length

  await page.getByRole('button', { name: 'Older entries' }).click()
  await expect(rows).toHaveCount(total)
  await expect(page.getByText(`Showing ${total} entries, newest first. That is all of them.`)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Older entries' })).toHaveCount(0)

  // Filter: staff and sign-in only.
  await page.getByLabel('What').selectOption('staff.*')
  await page.getByRole('button', { name: 'Show entries' }).click()
  await expect(rows.filter({ hasText: 'customer.create' })).toHaveCount(0)
  await expect(rows.filter({ hasText: 'staff.create' })).toHaveCount(1)

  // A vehicle number that is not a number is refused next to the box.
  await page.getByLabel('Vehicle number').fill('abc')
  await page.getByRole('button', { name: 'Show entries' }).click()
  await expect(page.getByText('A vehicle number is digits only')).toBeVisible()
  await expect(page.getByLabel('Vehicle number')).toBeFocused()

  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect(rows).toHaveCount(50)

  // Tamper with an entry (the triggers must go first): the check names it.
  const db = server.services.requireDb()
  const victim = await db.selectFrom('audit_log').select('id').where('action', '=', 'customer.create').orderBy('id').executeTakeFirstOrThrow()
  await sql`drop trigger audit_log_no_update`.execute(db)
  await sql`update audit_log set staff_id = null where id = ${victim.id}`.execute(db)
  await page.getByRole('button', { name: 'Check the log' }).click()
  const check = page.getByTestId('audit-check')
  await expect(check).toContainText(`The audit log does not check out: it breaks at entry ${victim.id}`)
  await expect(check).toContainText('changed after it was written')
  await check.getByRole('button', { name: `Show the entries from ${victim.id} back` }).click()
  await expect(rows.first()).toContainText(String(victim.id))
  await expect(page.locator(`#audit-row-${victim.id}`)).toBeFocused()
})

test('the idle sign-out time: a manager saves it; out-of-range minutes are refused', async ({ app }) => {
  const { page, server } = app
  await page.keyboard.press('Alt+6')
  const minutes = page.getByLabel('Minutes without use')
  await expect(minutes).toHaveValue('5')
  await minutes.fill('90')
  await minutes.press('Enter')
  await expect(page.getByText('At most 60 minutes')).toBeVisible()
  await minutes.fill('3')
  await minutes.press('Enter')
  await expect(page.getByTestId('idle-lock-outcome')).toHaveText('Saved: the desk signs out after 3 minutes without use.')
  expect(server.services.requireSecurity().session.idleTimeoutMs()).toBe(3 * 60_000)
  await page.getByRole('heading', { level: 2, name: 'Sign-out after idle' }).scrollIntoViewIfNeeded()
  await shotIfAsked(page, '10-idle-setting')
  const audit = await server.services.requireDb().selectFrom('audit_log').select('action').where('action', '=', 'settings.idle-lock.update').execute()
  expect(audit).toHaveLength(1)
})

test('a deactivated person is off the sign-in picker until a manager reactivates them', async ({ app }) => {
  const { page, server } = app
  const security = server.services.requireSecurity()
  const managerId = security.session.currentStaffId()
  if (managerId === null) throw new Error('the fixture signs the manager in')
  await security.staff.addStaff(managerId, { name: DAN.name, role: 'technician', pin: DAN.pin })

  await page.evaluate(() => {
    window.location.hash = '#/settings/staff'
  })
  const danRow = page.getByRole('row', { name: new RegExp(DAN.name) })
  await danRow.getByRole('button', { name: `Deactivate ${DAN.name}` }).click()
  await expect(page.getByTestId('staff-message')).toContainText(`${DAN.name} is deactivated and cannot sign in.`)
  await expect(danRow).toContainText('Inactive: cannot sign in')

  await page.keyboard.press('Control+l')
  await appState(page, 'sign-in')
  const names = page.getByRole('list', { name: 'Staff' })
  await expect(names.getByRole('button')).toHaveCount(1)
  await expect(names.getByRole('button', { name: /^Dan Okafor/ })).toHaveCount(0)
  await signInAs(page, TEST_MANAGER.name, TEST_MANAGER.pin)

  // Back on the same page after signing in: reactivate.
  await danRow.getByRole('button', { name: `Reactivate ${DAN.name}` }).click()
  await expect(page.getByTestId('staff-message')).toHaveText(`${DAN.name} is active again and can sign in.`)
  const actions = await server.services.requireDb().selectFrom('audit_log').select('action').where('action', 'like', 'staff.%activate').execute()
  expect(actions.map((row) => row.action)).toEqual(['staff.deactivate', 'staff.reactivate'])
})
