import type { Page } from '@playwright/test'
import { newRadioSchema } from '../../shared/domain/radio'
import { addRadio } from '../../electron/main/services/radios'
import { expect, test, TEST_MANAGER } from './fixtures'
import { auditRows, codeHitsInDatabaseFiles, managerId, openVehicle, pageHolds, seedAccord, seedCode, signInWithoutRecentPin } from './codes-helpers'

/*
 * The radio's code on the vehicle page, through the real services: entering
 * a code with the knowledge base's format check and override, the masked
 * history, revealing with a PIN (and without one right after), the plain
 * refusal for a desk account without permission, and giving the code to the
 * owner. Every code typed here is looked for in the database files after.
 */

/** Everything the page logs, to prove no code ends up in the console. */
function consoleLog(page: Page): string[] {
  const lines: string[] = []
  page.on('console', (message) => lines.push(message.text()))
  return lines
}

test('enter a 4-digit code: the format warning, the override with a reason, saved and masked; reveal with the PIN, hide now; audited; never stored in clear', async ({
  app,
}) => {
  const { page } = app
  const logged = consoleLog(page)
  const { vehicleId, radioId } = await seedAccord(app)
  const CODE = '4152'
  await openVehicle(page, vehicleId)
  const panel = page.getByTestId('radio-code')
  await expect(panel.getByTestId('code-status-line')).toHaveText(
    'No code on fileEnter it from the owner’s card or sticker, or get it through a channel below.',
  )
  await expect(panel.getByTestId('code-history')).toHaveCount(0)

  // C opens the form with the cursor in the code box.
  await page.keyboard.press('c')
  const form = page.getByTestId('enter-code-form')
  const codeBox = form.getByLabel('Radio code')
  await expect(codeBox).toBeFocused()
  await expect(codeBox).toHaveAttribute('autocomplete', 'off')
  await page.keyboard.type(CODE)
  // Shown while typing, to compare with the card.
  await expect(codeBox).not.toHaveClass(/code-input--hidden/)
  const check = form.getByTestId('format-check')
  await expect(check).toContainText('A Honda/Acura radio code has 5 digits; this has 4.')
  await expect(check).toContainText('It would fit: Honda/Acura navigation system.')

  await form.getByLabel('Where did it come from?').selectOption({ label: 'Code card from the owner' })
  await form.getByLabel('Detail').fill('card in the glovebox')
  await form.getByRole('button', { name: 'Save the code' }).click()
  await expect(form.getByText('This code does not fit the usual format.')).toBeVisible()
  await expect(codeBox).toBeFocused()

  // A code in the reason is refused before anything is sent.
  await form.getByLabel('The code is right anyway').check()
  await form.getByLabel('Why is it right?').fill(`card says ${CODE}`)
  await form.getByRole('button', { name: 'Save the code' }).click()
  await expect(form.getByText('Leave the code itself out of notes: notes are not encrypted.')).toBeVisible()
  await form.getByLabel('Why is it right?').fill('Navigation unit; owner’s card read back twice')
  await form.getByLabel('Why is it right?').press('Enter')

  await expect(form).toHaveCount(0)
  await expect(panel.getByTestId('code-message')).toHaveText('Code saved. It shows as ••••• from now on.')
  await expect(panel.getByTestId('code-status-line')).toContainText('Code on file, not yet tried in the radio')
  const history = panel.getByTestId('code-history-entry')
  await expect(history).toHaveCount(1)
  await expect(history.first()).toContainText('•••••')
  await expect(history.first()).toContainText('Code card from the owner — card in the glovebox')
  await expect(history.first()).toContainText(`Entered by ${TEST_MANAGER.name}`)
  await expect(history.first()).toContainText('Kept despite the format check: Navigation unit; owner’s card read back twice')
  await expect(history.first()).toContainText('Not yet tried in the radio')
  // The installed radio's badge follows.
  await expect(page.getByTestId('installed-radio').getByTestId('code-status')).toHaveText('Code on file')
  expect(await pageHolds(page, CODE)).toEqual([])

  // Show code: no PIN typed in the last two minutes, so the PIN dialog asks for it.
  signInWithoutRecentPin(app, managerId(app))
  await panel.getByRole('button', { name: /Show code/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Show the radio code' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByLabel('Your PIN')).toBeFocused()
  await page.keyboard.type('1111')
  await page.keyboard.press('Enter')
  await expect(dialog.getByRole('alert')).toContainText('Wrong PIN.')
  await expect(dialog.getByLabel('Your PIN')).toHaveValue('')
  await page.keyboard.type(TEST_MANAGER.pin)
  await page.keyboard.press('Enter')
  await expect(dialog).toHaveCount(0)
  const display = page.getByTestId('code-display')
  await expect(display.getByTestId('revealed-code')).toHaveText(CODE)
  await expect(display.getByTestId('revealed-code-spoken')).toHaveText('four, one, five, two')
  await expect(display.getByTestId('reveal-countdown')).toContainText(/Hides in (30|29|28) s/)
  await expect(display.getByRole('button', { name: 'Hide now' })).toBeFocused()
  await display.getByRole('button', { name: 'Hide now' }).click()
  await expect(display).toHaveCount(0)
  expect(await pageHolds(page, CODE)).toEqual([])

  // Within two minutes of the PIN: shown without asking again.
  await page.keyboard.press('s')
  await expect(page.getByTestId('revealed-code')).toHaveText(CODE)
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await page.keyboard.press('Enter') // "Hide now" has the focus
  await expect(page.getByTestId('code-display')).toHaveCount(0)

  const reveals = await auditRows(app, 'code.reveal')
  expect(reveals).toHaveLength(2)
  expect(reveals.map((row) => JSON.parse(row.details_json).via)).toEqual(['pin', 'recent-unlock'])
  expect(reveals.every((row) => !row.details_json.includes(CODE))).toBe(true)
  const stored = await app.server.services.requireDb().selectFrom('radio_codes').selectAll().where('radio_id', '=', radioId).execute()
  expect(stored).toHaveLength(1)

  expect(codeHitsInDatabaseFiles(app, CODE)).toEqual([])
  expect(logged.filter((line) => line.includes(CODE))).toEqual([])
})

test('correcting a code supersedes the old one: the form says so, the old one stays in history dimmed; verified working records who', async ({ app }) => {
  const { page } = app
  const { vehicleId, radioId } = await seedAccord(app)
  await seedCode(app, radioId, '53164')
  const NEW_CODE = '53146'
  await openVehicle(page, vehicleId)
  const panel = page.getByTestId('radio-code')
  await panel.getByRole('button', { name: /Correct the code/ }).click()
  const form = page.getByTestId('enter-code-form')
  await expect(form).toContainText('This replaces the code on file; the old one stays in history.')
  await form.getByLabel('Radio code').fill(NEW_CODE)
  await expect(form.getByTestId('format-check')).toHaveText('No format problems for this radio.')
  // Hide / Show by hand.
  await form.getByRole('button', { name: 'Hide' }).click()
  await expect(form.getByLabel('Radio code')).toHaveClass(/code-input--hidden/)
  await form.getByRole('button', { name: 'Show' }).click()
  await form.getByLabel('Where did it come from?').selectOption('dealer')
  await form.getByRole('button', { name: 'Save the corrected code' }).click()
  await expect(panel.getByTestId('code-message')).toContainText('the old one stays in the history, marked replaced')

  const entries = panel.getByTestId('code-history-entry')
  await expect(entries).toHaveCount(2)
  await expect(entries.nth(0)).toContainText('Current')
  await expect(entries.nth(0)).toContainText('Dealer')
  await expect(entries.nth(1)).toContainText('Replaced')
  await expect(entries.nth(1)).toHaveClass(/code-history__item--old/)

  await panel.getByRole('button', { name: 'Verified working' }).click()
  await expect(panel.getByTestId('code-message')).toHaveText(`Marked as working in the radio by ${TEST_MANAGER.name}.`)
  await expect(panel.getByTestId('code-status-line')).toContainText('verified: it worked in the radio')
  await expect(entries.nth(0)).toContainText(`Worked in the radio — checked by ${TEST_MANAGER.name}`)
  await expect(panel.getByRole('button', { name: 'Verified working' })).toHaveCount(0)
  expect(await auditRows(app, 'code.verify')).toHaveLength(1)

  for (const code of ['53164', NEW_CODE]) expect(codeHitsInDatabaseFiles(app, code)).toEqual([])
})

test('a desk account without reveal permission gets the plain refusal, no PIN dialog; the attempt is audited', async ({ app }) => {
  const { page, server } = app
  const { vehicleId, radioId } = await seedAccord(app)
  await seedCode(app, radioId, '25361')
  const security = server.services.requireSecurity()
  const desk = await security.staff.addStaff(managerId(app), { name: 'Dee Desk', role: 'desk', pin: '4826' })
  security.session.signIn(desk.id)
  await page.reload()
  await page.locator('[data-app-state="ready"]').waitFor()

  await openVehicle(page, vehicleId)
  const panel = page.getByTestId('radio-code')
  await panel.getByRole('button', { name: /Show code/ }).click()
  await expect(panel.getByTestId('reveal-refused')).toContainText(
    'Your account may not reveal codes. A manager can allow it under Settings → Staff.',
  )
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(page.getByTestId('code-display')).toHaveCount(0)
  const denied = await auditRows(app, 'code.reveal.denied')
  expect(denied).toHaveLength(1)
  expect(denied[0]!.staff_id).toBe(desk.id)
  expect(await auditRows(app, 'code.reveal')).toHaveLength(0)

  // Giving it out is refused the same way.
  await panel.getByRole('button', { name: /Give code to customer/ }).click()
  const form = page.getByTestId('release-form')
  await form.getByLabel('Registration').check()
  await form.getByLabel('Your PIN').fill('4826')
  await form.getByRole('button', { name: 'Give the code' }).click()
  await expect(form.getByRole('alert')).toContainText('may not give them out either. A manager can allow it under Settings → Staff.')
  await expect(page.getByTestId('code-display')).toHaveCount(0)
  expect(await auditRows(app, 'code.release.denied')).toHaveLength(1)
})

test('give the code to the owner at the counter with the registration seen: shown like a reveal, audited as code.release', async ({ app }) => {
  const { page } = app
  const logged = consoleLog(page)
  const { vehicleId, radioId } = await seedAccord(app)
  const CODE = '64215'
  const codeId = await seedCode(app, radioId, CODE)
  await openVehicle(page, vehicleId)
  const panel = page.getByTestId('radio-code')

  signInWithoutRecentPin(app, managerId(app))
  await expect(panel.getByRole('button', { name: /Give code to customer/ })).toBeVisible()
  await page.keyboard.press('g')
  const form = page.getByTestId('release-form')
  const name = form.getByLabel('Name of the person getting the code')
  await expect(name).toBeFocused()
  await expect(name).toHaveValue('Ana López')
  await expect(form.getByLabel('The owner', { exact: true })).toBeChecked()
  await expect(form.getByLabel('At the counter')).toBeChecked()

  // No proof: refused here, with the reason in words.
  await form.getByLabel('Photo ID (identity only)').check()
  await form.getByRole('button', { name: 'Give the code' }).click()
  await expect(form.getByText('Check at least one proof of ownership')).toBeVisible()
  // A manager may give it without a proof only with a reason: the box is offered.
  await expect(form.getByLabel('Why without a proof of ownership? (managers only)')).toBeVisible()

  // By phone, only to the owner.
  await form.getByLabel('Someone collecting for the owner').check()
  await form.getByLabel('By phone (owner only)').check()
  await form.getByLabel('Registration').check()
  await form.getByRole('button', { name: 'Give the code' }).click()
  await expect(form.getByText('By phone, a code goes only to the owner.')).toBeVisible()

  await form.getByLabel('The owner', { exact: true }).check()
  await form.getByLabel('At the counter').check()
  await expect(form.getByLabel('Why without a proof of ownership? (managers only)')).toHaveCount(0)
  // No PIN typed and none recently: main asks for it.
  await form.getByRole('button', { name: 'Give the code' }).click()
  await expect(form.getByText('Enter your PIN to give out this code.')).toBeVisible()
  await form.getByLabel('Your PIN').fill(TEST_MANAGER.pin)
  await form.getByLabel('Your PIN').press('Enter')

  await expect(form).toHaveCount(0)
  const display = page.getByTestId('code-display')
  await expect(display).toContainText('Code for Ana López')
  await expect(display.getByTestId('revealed-code')).toHaveText(CODE)
  await display.getByRole('button', { name: 'Hide now' }).click()
  await expect(display).toHaveCount(0)
  await expect(panel.getByTestId('code-status-line')).toBeFocused()

  const releases = await auditRows(app, 'code.release')
  expect(releases).toHaveLength(1)
  expect(releases[0]!.entity_id).toBe(codeId)
  expect(JSON.parse(releases[0]!.details_json)).toMatchObject({
    recipientName: 'Ana López',
    recipientRole: 'owner',
    channel: 'in-person',
    proofs: 'registration,photo-id',
    proofOverride: false,
    unlock: 'pin',
  })
  expect(await pageHolds(page, CODE)).toEqual([])
  expect(await pageHolds(page, TEST_MANAGER.pin)).toEqual([])
  expect(codeHitsInDatabaseFiles(app, CODE)).toEqual([])
  expect(logged.filter((line) => line.includes(CODE))).toEqual([])
})

test('the revealed code hides itself after 30 seconds', async ({ app }) => {
  test.setTimeout(60_000)
  const { page } = app
  const { vehicleId, radioId } = await seedAccord(app)
  await seedCode(app, radioId, '31524')
  await openVehicle(page, vehicleId)
  await page.clock.install()
  // Signed in just now: that PIN counts, so the code shows at once.
  await page.getByTestId('radio-code').getByRole('button', { name: /Show code/ }).click()
  await expect(page.getByTestId('revealed-code')).toHaveText('31524')
  await page.clock.runFor(15_000)
  await expect(page.getByTestId('reveal-countdown')).toContainText('Hides in 15 s')
  await page.clock.runFor(15_500)
  await expect(page.getByTestId('code-display')).toHaveCount(0)
  expect(await pageHolds(page, '31524')).toEqual([])
})

test('a revealed code stays while main re-announces the same person, and hides when the desk is signed out elsewhere', async ({ app }) => {
  const { page, server } = app
  const { vehicleId, radioId } = await seedAccord(app)
  await seedCode(app, radioId, '31524')
  await openVehicle(page, vehicleId)
  // A slow answer to "who is at the desk?" must not matter: the display knows who revealed the code from the start.
  await page.route('**/__preview__/api', async (route) => {
    if (route.request().postData()?.includes('"security.status"')) await new Promise((resolve) => setTimeout(resolve, 1_500))
    await route.continue()
  })
  await page.getByTestId('radio-code').getByRole('button', { name: /Show code/ }).click()
  await expect(page.getByTestId('revealed-code')).toHaveText('31524')
  // The same person again (main's session watcher announces who is signed in): the code stays.
  server.services.events.emit('session.changed', { staffId: managerId(app) })
  await page.waitForTimeout(300)
  await expect(page.getByTestId('revealed-code')).toHaveText('31524')
  // Nobody at the desk any more: it goes at once.
  server.services.requireSecurity().session.signOut()
  server.services.events.emit('session.changed', { staffId: null })
  await expect(page.getByTestId('code-display')).toHaveCount(0)
  expect(await pageHolds(page, '31524')).toEqual([])
})

test('a removed radio keeps its code history, read-only; leaving the entry form drops the code but keeps where it came from', async ({ app }) => {
  const { page, server } = app
  const { vehicleId, radioId } = await seedAccord(app)
  await seedCode(app, radioId, '42315')
  await addRadio(server.services, newRadioSchema.parse({ vehicleId, serial: 'U7654321', replacesReason: 'CD player broken' }))
  await openVehicle(page, vehicleId)

  const removed = page.getByTestId('radio-history')
  await removed.getByText('Code history').click()
  const entry = removed.getByTestId('code-history-entry')
  await expect(entry).toHaveCount(1)
  await expect(entry).toContainText('•••••')
  await expect(entry).toContainText('Code card from the owner')
  await expect(removed.getByRole('button')).toHaveCount(0)

  // The new radio starts with no code. Typing one, then Esc: the code is gone, the rest is kept.
  const panel = page.getByTestId('radio-code')
  await expect(panel.getByTestId('code-status-line')).toContainText('No code on file')
  await panel.getByRole('button', { name: /Enter code/ }).click()
  let form = page.getByTestId('enter-code-form')
  await form.getByLabel('Where did it come from?').selectOption('sticker')
  await form.getByLabel('Detail').fill('under the change tray')
  await form.getByLabel('Radio code').fill('15243')
  await form.getByLabel('Radio code').press('Escape')
  await expect(form).toHaveCount(0)
  expect(await pageHolds(page, '15243')).toEqual([])
  await page.keyboard.press('c')
  form = page.getByTestId('enter-code-form')
  await expect(form.getByLabel('Radio code')).toHaveValue('')
  // Cancel clears the form's draft as well; going to another page and back does not.
  await form.getByLabel('Where did it come from?').selectOption('sticker')
  await form.getByLabel('Detail').fill('under the change tray')
  await page.evaluate(() => {
    window.location.hash = '#/customers'
  })
  await page.getByRole('heading', { level: 1, name: 'Customers' }).waitFor()
  await openVehicle(page, vehicleId)
  await page.getByTestId('radio-code').getByRole('button', { name: /Enter code/ }).click()
  form = page.getByTestId('enter-code-form')
  await expect(form.getByLabel('Where did it come from?')).toHaveValue('sticker')
  await expect(form.getByLabel('Detail')).toHaveValue('under the change tray')
  await expect(form.getByLabel('Radio code')).toHaveValue('')
  expect(await page.evaluate(() => JSON.stringify(window.sessionStorage))).not.toContain('change tray')
})
