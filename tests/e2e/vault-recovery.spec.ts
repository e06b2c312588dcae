import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { dataPaths } from '../../electron/main/paths'
import { recoveryKeyGroups } from '../../shared/domain/recovery-key'
import { createTestRouter, startTestServices, TRUSTED_SENDER } from '../helpers/services'
import { openVehicle } from './codes-helpers'
import { appState, expect, shotIfAsked, signInAs, test, TEST_MANAGER } from './fixtures'

/*
 * The vault recovery key in the browser preview: first start shows it once
 * and will not go on until its last group is typed back; then a shop whose
 * passphrase is forgotten restarts on a copy of its data and gets its codes
 * back with the key. scrypt runs at full strength (about 0.3 s each).
 */

const PASSPHRASE = 'tulip garage window seven'
const NEW_PASSPHRASE = 'orange ladder quiet river'
const CODE = '24153'

async function shownKey(page: Page): Promise<string> {
  await expect(page.getByTestId('recovery-key').locator('.recovery__chars')).toHaveCount(8)
  const groups = await page.getByTestId('recovery-key').locator('.recovery__chars').allTextContents()
  expect(groups).toHaveLength(8)
  for (const group of groups) expect(group).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}$/)
  return groups.join('-')
}

test.describe('first start', () => {
  test.use({ signedIn: false, expectedAppState: 'setup-vault' })

  test('the recovery key is shown once after the vault is set up, prints on its own sheet, and the last group must be typed back', async ({ app }) => {
    test.setTimeout(60_000)
    const { page, server, spoolDir } = app
    await page.getByLabel('Vault passphrase', { exact: true }).fill(PASSPHRASE)
    await page.getByLabel('Vault passphrase again').fill(PASSPHRASE)
    await page.getByRole('button', { name: 'Set up the vault' }).click()

    await appState(page, 'recovery-key')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Write down the recovery key')
    const key = await shownKey(page)
    await expect(page.getByText('Shown only this once')).toBeVisible()
    await expect(page.getByText('Without it, and without this computer, nobody can recover them.')).toBeVisible()
    await shotIfAsked(page, 'recovery-key-first-start')
    const security = server.services.requireSecurity()
    expect(await security.vault.hasRecoveryKey()).toBe(false)

    // Continuing needs the last group.
    const box = page.getByLabel('Group 8 of the key, as you wrote it down')
    const goOn = page.getByRole('button', { name: 'I have written it down: continue' })
    await goOn.click()
    await expect(page.getByText('Type group 8 (the last one) from what you wrote down.')).toBeVisible()
    const groups = recoveryKeyGroups(key)
    await box.fill(groups[0] === groups[7] ? 'ZZZZ' : groups[0]!)
    await goOn.click()
    await expect(page.getByText('That is not group 8.')).toBeVisible()
    await expect(box).toBeFocused()
    await appState(page, 'recovery-key')

    // The sheet: printed (the preview's spool printer saves a PDF), never a print job.
    await page.getByRole('button', { name: 'Print the recovery sheet' }).click()
    await expect(page.getByText('The recovery sheet was sent to the printer.')).toBeVisible()
    const pdfs = fs.readdirSync(spoolDir).filter((file) => file.endsWith('.pdf'))
    expect(pdfs).toHaveLength(1)
    const sheet = execFileSync('pdftotext', ['-layout', path.join(spoolDir, pdfs[0]!), '-'], { encoding: 'utf8' })
    expect(sheet).toContain('Code vault recovery key')
    for (const group of groups) expect(sheet).toContain(group)
    const spoolJson = fs.readdirSync(spoolDir).filter((file) => file.endsWith('.json'))
    for (const file of spoolJson) expect(fs.readFileSync(path.join(spoolDir, file), 'utf8')).not.toContain(groups[0]!)

    await box.fill(` ${groups[7]!.toLowerCase()} `)
    await goOn.click()
    await appState(page, 'first-manager')
    expect(await security.vault.hasRecoveryKey()).toBe(true)
    expect(await page.content()).not.toContain(groups[2]!)

    const db = server.services.requireDb()
    expect(await db.selectFrom('print_jobs').selectAll().execute()).toEqual([])
    const audit = JSON.stringify(await db.selectFrom('audit_log').select(['action', 'details_json']).execute())
    expect(audit).toContain('vault.recovery-sheet.print')
    expect(audit).toContain('vault.recovery-key.create')
    const compact = key.replace(/-/g, '')
    expect(audit).not.toContain(compact.slice(0, 8))
    const log = fs.existsSync(app.paths.logFile) ? fs.readFileSync(app.paths.logFile, 'utf8') : ''
    expect(log).not.toContain(compact.slice(0, 8))
  })
})

/** The shop as it was before the restart: passphrase vault with a recovery key, the manager, Ana's Accord with its code. */
const before = { recoveryKey: '', vehicleId: 0 }

async function shopWithForgottenPassphrase(dataDir: string): Promise<void> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rcd-e2e-before-'))
  try {
    const { services } = await startTestServices(workDir)
    try {
      const security = services.requireSecurity()
      await security.setUpVault(PASSPHRASE)
      const { recoveryKey } = await security.recovery.newRecoveryKey(null)
      await security.recovery.confirmRecoveryKey(recoveryKeyGroups(recoveryKey)[7]!)
      const manager = await security.staff.createFirstManager(TEST_MANAGER)
      security.session.signIn(manager.id)
      const router = createTestRouter(services)
      const call = async (method: string, input: unknown) => {
        const result = await router(TRUSTED_SENDER, method, input)
        if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
        return result.value as { id: number; radios: { id: number }[] }
      }
      const owner = await call('customers.create', { name: 'Ana López' })
      const vehicle = await call('vehicles.create', { ownerId: owner.id, year: 2005, make: 'Honda', model: 'Accord' })
      const detail = await call('radios.add', { vehicleId: vehicle.id, serial: 'U1234567' })
      await call('codes.add', { radioId: detail.radios[0]!.id, code: CODE, source: 'owner-card' })
      before.recoveryKey = recoveryKey
      before.vehicleId = vehicle.id
    } finally {
      await services.close()
    }
    // The copy a shop carries over: the database files, the app closed.
    const from = dataPaths(workDir).dbFile
    for (const file of fs.readdirSync(path.dirname(from))) {
      if (file.startsWith(path.basename(from))) fs.copyFileSync(path.join(workDir, file), path.join(dataDir, file))
    }
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true })
  }
}

test.describe('a forgotten passphrase', () => {
  test.use({ signedIn: false, expectedAppState: 'unlock-vault', prepare: { dataDir: shopWithForgottenPassphrase } })

  test('a restart on a copy of the data: the recovery key and a new passphrase open the vault, and the code shows', async ({ app }) => {
    test.setTimeout(60_000)
    const { page, server } = app
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Unlock the code vault')
    await page.getByRole('button', { name: 'Passphrase forgotten? Use the recovery key' }).click()
    const keyBox = page.getByRole('textbox', { name: 'Recovery key' })
    await expect(keyBox).toBeFocused()

    // A typo is caught on the spot, before anything is sent.
    const groups = recoveryKeyGroups(before.recoveryKey)
    const typo = [groups[0]!.replace(/^./, (c) => (c === 'X' ? 'Y' : 'X')), ...groups.slice(1)].join(' ')
    await keyBox.fill(typo)
    await page.getByLabel('New vault passphrase', { exact: true }).fill(NEW_PASSPHRASE)
    await page.getByLabel('New vault passphrase again').fill(NEW_PASSPHRASE)
    await page.getByRole('button', { name: 'Open the vault with the recovery key' }).click()
    await expect(page.getByText('This recovery key has a typing mistake')).toBeVisible()
    expect(await server.services.requireDb().selectFrom('audit_log').select('action').where('action', 'in', ['vault.recover', 'vault.recover.failed']).execute()).toEqual([])

    await keyBox.fill(groups.join(' ').toLowerCase())
    await shotIfAsked(page, 'recovery-key-unlock')
    await page.getByRole('button', { name: 'Open the vault with the recovery key' }).click()
    await appState(page, 'sign-in')
    expect(await page.content()).not.toContain(groups[3]!.toLowerCase())
    expect(await server.services.requireSecurity().vault.storedWrapMethod()).toBe('passphrase')

    await signInAs(page, TEST_MANAGER.name, TEST_MANAGER.pin)
    await openVehicle(page, before.vehicleId)
    await page.getByTestId('radio-code').getByRole('button', { name: /Show code/ }).click()
    const dialog = page.getByRole('dialog', { name: 'Show the radio code' })
    const revealed = page.getByTestId('revealed-code')
    await expect(revealed.or(dialog)).toBeVisible()
    if (await dialog.isVisible()) {
      await dialog.getByLabel('Your PIN').fill(TEST_MANAGER.pin)
      await dialog.getByLabel('Your PIN').press('Enter')
    }
    await expect(revealed).toHaveText(CODE)
    const actions = await server.services.requireDb().selectFrom('audit_log').select('action').where('action', 'like', 'vault.%').orderBy('id').execute()
    expect(actions.map((row) => row.action)).toEqual(['vault.initialize', 'vault.recovery-key.create', 'vault.recover'])

    // The new passphrase is what opens it from now on.
    await page.getByRole('button', { name: /Hide now/ }).click()
    server.services.requireSecurity().vault.lock()
    await expect(server.services.requireSecurity().unlockVault(PASSPHRASE)).rejects.toThrow(/Wrong vault passphrase/)
    expect((await server.services.requireSecurity().unlockVault(NEW_PASSPHRASE)).vault).toBe('unlocked')
  })
})
