import { appState, expect, shotIfAsked, test } from './fixtures'

/*
 * The real start-up flow on an empty data folder: the preview has no OS key
 * store, so the vault gets a passphrase; then the first manager; then the
 * app, signed in. PIN hashing runs at full strength (~0.4 s per PIN), so
 * every step waits on what the screen says, never on time.
 */

const PASSPHRASE = 'tulip garage window seven'
const MANAGER = { name: 'Maria Rivera', pin: '4827' }
const DAN = { name: 'Dan Okafor', pin: '7391' }

test.describe('first start', () => {
  test.use({ signedIn: false, expectedAppState: 'setup-vault' })

  test('vault passphrase, then the manager, then the app signed in; the manager adds Dan and Dan signs in', async ({ app }) => {
    test.setTimeout(60_000)
    const { page, server } = app

    // 1. The code vault.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Set up the code vault')
    await expect(page.getByTestId('key-store-explanation')).toContainText('no access to this computer’s key store')
    await expect(page.getByRole('button', { name: 'Use this computer’s key store' })).toHaveCount(0)
    const passphrase = page.getByLabel('Vault passphrase', { exact: true })
    const again = page.getByLabel('Vault passphrase again')
    await expect(passphrase).toBeFocused()

    // Too short: said next to the box, nothing set up.
    await passphrase.fill('short one')
    await expect(page.getByTestId('passphrase-strength')).toContainText('Too short: 3 more characters needed.')
    await passphrase.press('Enter')
    await expect(page.getByText('Use at least 12 characters')).toBeVisible()
    await expect(passphrase).toBeFocused()
    expect(await server.services.requireSecurity().vault.state()).toBe('uninitialized')

    await passphrase.fill(PASSPHRASE)
    await expect(page.getByTestId('passphrase-strength')).toContainText('Strength: Strong.')
    await again.fill('tulip garage window')
    await again.press('Enter')
    await expect(page.getByText('The two passphrases are not the same.')).toBeVisible()
    await again.fill(PASSPHRASE)
    await shotIfAsked(page, '01-vault-set-up')
    await page.getByRole('button', { name: 'Set up the vault' }).click()

    // The recovery key, written down (tests/e2e/vault-recovery.spec.ts goes through this screen in detail).
    await appState(page, 'recovery-key')
    const lastGroup = (await page.getByTestId('recovery-key').locator('.recovery__chars').last().textContent()) ?? ''
    await page.getByLabel('Group 8 of the key, as you wrote it down').fill(lastGroup)
    await page.getByRole('button', { name: 'I have written it down: continue' }).click()

    // 2. The first manager.
    await appState(page, 'first-manager')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Create the manager')
    // The passphrase is gone from the page.
    expect(await page.content()).not.toContain(PASSPHRASE)
    expect(await server.services.requireSecurity().vault.state()).toBe('unlocked')

    const name = page.getByLabel('Manager’s name')
    await expect(name).toBeFocused()
    await name.fill(MANAGER.name)
    const pin = page.getByLabel('PIN', { exact: true })
    const pinAgain = page.getByLabel('PIN again')
    // The PIN rules, as it is typed.
    await pin.fill('1234')
    await expect(page.getByText('A PIN in a straight run (like 1234 or 4321) is easy to guess.')).toBeVisible()
    await pin.fill('12a')
    await expect(page.getByText('A PIN is digits only (0–9), no letters or spaces.')).toBeVisible()
    await pin.fill(MANAGER.pin)
    await expect(page.getByText('✓ This PIN can be used.')).toBeVisible()
    await pinAgain.fill('4828')
    await expect(page.getByText('The two PINs are not the same.')).toBeVisible()
    await pinAgain.fill(MANAGER.pin)
    await expect(page.getByText('✓ Both PINs are the same.')).toBeVisible()
    await shotIfAsked(page, '02-first-manager')
    await pinAgain.press('Enter')

    // 3. The app, signed in as the manager.
    await appState(page, 'ready')
    await expect(page.getByTestId('desk-person')).toContainText(MANAGER.name)
    await expect(page.getByTestId('desk-person')).toContainText('Manager')
    const html = await page.content()
    expect(html).not.toContain(MANAGER.pin)
    const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }) + location.href)
    expect(stored).not.toContain(MANAGER.pin)
    expect(stored).not.toContain(PASSPHRASE)

    // 4. The manager adds Dan (front desk, may reveal codes).
    await page.keyboard.press('Alt+6')
    await page.getByRole('link', { name: 'Staff', exact: true }).click()
    await expect(page.getByRole('heading', { level: 2, name: 'Staff' })).toBeVisible()
    const form = page.getByRole('region', { name: 'Add a person' })
    await form.getByLabel('Name', { exact: true }).fill(DAN.name)
    await form.getByRole('radio', { name: /Front desk/ }).check()
    await form.getByLabel('PIN', { exact: true }).fill(DAN.pin)
    await form.getByLabel('PIN again').fill(DAN.pin)
    await form.getByLabel(/May reveal codes/).check()
    await form.getByRole('button', { name: 'Add to staff' }).scrollIntoViewIfNeeded()
    await shotIfAsked(page, '05b-add-person')
    await form.getByRole('button', { name: 'Add to staff' }).click()
    await expect(page.getByTestId('staff-added')).toContainText(`${DAN.name} was added (front desk)`)
    const danRow = page.getByRole('row', { name: new RegExp(DAN.name) })
    await expect(danRow).toContainText('Front desk')
    await expect(danRow.getByRole('checkbox', { name: `${DAN.name} may reveal codes` })).toBeChecked()
    await expect(danRow.getByRole('checkbox', { name: `${DAN.name} may print code cards` })).not.toBeChecked()
    // The PIN boxes were emptied.
    await expect(form.getByLabel('PIN', { exact: true })).toHaveValue('')

    // A permission changed is saved at once, with a confirmation.
    await danRow.getByRole('checkbox', { name: `${DAN.name} may print code cards` }).check()
    await expect(page.getByTestId('staff-message')).toHaveText(`Saved: ${DAN.name} may reveal codes and may print code cards.`)
    await expect(danRow.getByRole('checkbox', { name: `${DAN.name} may print code cards` })).toBeChecked()
    await shotIfAsked(page, '05-staff-settings')

    // The last active manager cannot be deactivated: main refuses and its message is shown.
    await page.getByRole('button', { name: 'Deactivate your own account (signs you out)' }).click()
    await expect(page.getByTestId('staff-message')).toHaveText(
      `${MANAGER.name}: not changed. This is the only active manager. Add another manager before deactivating this one.`,
    )
    await expect(page.getByRole('row', { name: new RegExp(MANAGER.name) })).toContainText('Active')

    // 5. Switch person (Ctrl+L): back to the picker; Dan signs in by keyboard only.
    await page.keyboard.press('Control+l')
    await appState(page, 'sign-in')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Who is at the desk?')
    await expect(page.getByTestId('signed-out-notice')).toHaveCount(0)
    const names = page.getByRole('list', { name: 'Staff' })
    await expect(names.getByRole('button')).toHaveCount(2)
    await expect(names.getByRole('button').first()).toBeFocused()
    await shotIfAsked(page, '03-sign-in-picker')
    await page.keyboard.type('m') // type-ahead: Maria
    await expect(names.getByRole('button', { name: /^Maria Rivera/ })).toBeFocused()
    await page.keyboard.press('ArrowUp')
    await expect(names.getByRole('button', { name: /^Dan Okafor/ })).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Enter your PIN, ${DAN.name}`)
    await expect(page.getByLabel('PIN', { exact: true })).toBeFocused()
    await page.keyboard.type(DAN.pin)
    await page.keyboard.press('Enter')
    await appState(page, 'ready')
    await expect(page.getByTestId('desk-person')).toContainText(DAN.name)

    // Dan is front desk: staff read-only, no audit log, the idle time read-only.
    await page.keyboard.press('Alt+6')
    await expect(page.getByRole('link', { name: 'Audit log' })).toHaveCount(0)
    await expect(page.getByTestId('idle-lock-read-only')).toContainText('5 minutes')
    await page.getByRole('link', { name: 'Staff', exact: true }).click()
    await expect(page.getByText('Only a manager can add people')).toBeVisible()
    await expect(page.getByRole('button', { name: /Reset .* PIN/ })).toHaveCount(0)
    await expect(page.getByRole('region', { name: 'Add a person' })).toHaveCount(0)
  })
})

test.describe('a locked vault', () => {
  test.use({ signedIn: false, expectedAppState: 'setup-vault' })

  test('calls refused with VAULT_LOCKED bring up the unlock screen; a wrong passphrase says so; the right one opens the app again', async ({ app }) => {
    test.setTimeout(60_000)
    const { page, server } = app
    // A shop without a key store: the vault has a passphrase. The manager is at the desk.
    const security = server.services.requireSecurity()
    await security.setUpVault(PASSPHRASE)
    const manager = await security.staff.createFirstManager(MANAGER)
    security.session.signIn(manager.id)
    await page.reload()
    await appState(page, 'ready')

    // The vault locks underneath the app (as after a restart); the next call is refused.
    security.vault.lock()
    await page.keyboard.press('Alt+3')
    await appState(page, 'unlock-vault')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Unlock the code vault')
    const box = page.getByLabel('Vault passphrase')
    await expect(box).toBeFocused()
    await box.fill('tulip garage window six')
    await box.press('Enter')
    await expect(page.getByText('Wrong vault passphrase. The code vault stays locked.')).toBeVisible()
    await expect(box).toHaveValue('')
    await expect(box).toBeFocused()
    expect(await page.content()).not.toContain('tulip garage window six')
    await shotIfAsked(page, '09-unlock-vault-wrong')

    await box.fill(PASSPHRASE)
    await box.press('Enter')
    // The manager is still signed in, so the app comes straight back, on the same screen.
    await appState(page, 'ready')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Customers')
    await expect(page.getByTestId('desk-person')).toContainText(MANAGER.name)
  })
})
