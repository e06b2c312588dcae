import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { createMemoryLogger } from '../../electron/main/log'
import { dataPaths } from '../../electron/main/paths'
import { startAppServices } from '../../electron/main/services/app-services'
import { createCustomer } from '../../electron/main/services/customers'
import { noSystemKeyStore } from '../../electron/main/services/security'
import { newCustomerSchema } from '../../shared/domain/customer'
import { appState, expect, shotIfAsked, signInAs, test, TEST_MANAGER } from './fixtures'

/*
 * Settings → Backups in the browser preview: back up, change data, restore,
 * see the old data; and the start screen's restore of the newest good backup
 * when the database file is damaged.
 */

async function openBackupsTab(page: Page): Promise<void> {
  await page.keyboard.press('Alt+6')
  await page.getByRole('navigation', { name: 'Settings pages' }).getByRole('link', { name: 'Backups' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Last good backup' })).toBeVisible()
}

async function customerListText(page: Page): Promise<string> {
  await page.keyboard.press('Alt+3')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Customers')
  const main = page.getByRole('main')
  await expect(main.getByText('Olga Original')).toBeVisible()
  return (await main.textContent()) ?? ''
}

test.describe('backups', () => {
  // Tall enough that the screenshots show the whole tab (the app scrolls inside its own frame).
  test.use({ viewport: { width: 1280, height: 1500 } })

  test('take a backup, change data, restore it (manager, after confirming), and see the old data', async ({ app }) => {
    const { page, server, paths } = app
    await createCustomer(server.services, newCustomerSchema.parse({ name: 'Olga Original' }))

    await openBackupsTab(page)
    await expect(page.getByTestId('backup-warning')).toContainText('There is no backup of this database yet.')
    await page.getByRole('button', { name: 'Back up now' }).click()
    await expect(page.getByTestId('backup-now-outcome')).toContainText('Backed up and checked: manual_')
    await expect(page.getByTestId('backup-warning')).toHaveCount(0)
    await expect(page.getByTestId('last-backup')).toContainText('Data folder')
    const row = page.getByTestId('backup-row').first()
    await expect(row).toContainText('1 customer, 0 vehicles, 0 radio codes, 0 battery jobs')
    await expect(row).toContainText('Back up now')

    // The second folder is typed in the preview (no folder dialog in a browser).
    const usb = path.join(app.dataDir, '..', `${path.basename(app.dataDir)}-usb`)
    await page.getByLabel('Folder', { exact: true }).fill(usb)
    await page.getByRole('button', { name: 'Use this folder' }).click()
    await expect(page.getByTestId('second-folder')).toContainText(usb)
    await shotIfAsked(page, 'settings-backups')

    // Work after the backup: a new customer.
    await page.keyboard.press('Alt+n')
    await page.keyboard.type('Nina After-Backup')
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { name: 'Nina After-Backup' })).toBeVisible()
    expect(await customerListText(page)).toContain('Nina After-Backup')

    // Restore: a confirmation step first, with what the backup holds and that the current data is saved first.
    await openBackupsTab(page)
    await page.getByTestId('backup-row').filter({ hasText: 'Back up now' }).getByRole('button', { name: /^Restore the backup of/ }).click()
    const confirm = page.getByTestId('restore-confirm')
    await expect(confirm.getByRole('heading', { name: /^Restore the backup of .+\?$/ })).toBeFocused()
    await expect(page.getByTestId('restore-confirm-contents')).toHaveText('1 customer, 0 vehicles, 0 radio codes, 0 battery jobs')
    await expect(confirm).toContainText('Your current data is backed up first')
    await shotIfAsked(page, 'settings-backups-confirm')
    // Cancel changes nothing.
    await confirm.getByRole('button', { name: 'Cancel' }).click()
    await expect(confirm).toHaveCount(0)
    await page.getByTestId('backup-row').filter({ hasText: 'Back up now' }).getByRole('button', { name: /^Restore the backup of/ }).click()
    await page.getByRole('button', { name: 'Restore this backup' }).click()

    // Everyone is signed out while the app reopens on the restored data.
    await appState(page, 'sign-in')
    await expect(page.getByText(/The data was restored from the backup of/)).toBeVisible()
    await signInAs(page, TEST_MANAGER.name, TEST_MANAGER.pin)
    await expect(page.getByTestId('restore-outcome')).toContainText('Restored the backup of')
    await expect(page.getByTestId('restore-outcome')).toContainText('pre-restore_')
    await expect(page.getByTestId('backup-row').filter({ hasText: 'Before a restore' })).toHaveCount(1)

    const names = await customerListText(page)
    expect(names).toContain('Olga Original')
    expect(names).not.toContain('Nina After-Backup')
    // The data as it was before the restore is kept as a backup.
    expect(fs.readdirSync(paths.backupsDir).filter((name) => name.startsWith('pre-restore_'))).toHaveLength(1)
    fs.rmSync(usb, { recursive: true, force: true })
  })
})

test.describe('an unreadable database at start', () => {
  test.use({
    signedIn: false,
    expectedAppState: 'database-error',
    prepare: {
      // A shop with one customer and a backup; then the database file is damaged.
      dataDir: async (dataDir: string) => {
        const services = await startAppServices({
          dataDir,
          appVersion: '0.0.0-e2e',
          log: createMemoryLogger(),
          printer: { listPrinters: async () => [], print: async () => ({ savedTo: null }) },
          vinDecoder: { decode: async () => null, close: async () => {} },
          keyStore: noSystemKeyStore({ testKey: true }),
          backupSchedule: false,
          exitBackupTimeoutMs: 0,
        })
        const security = services.requireSecurity()
        await security.setUpVault(null)
        const manager = await security.staff.createFirstManager(TEST_MANAGER)
        security.session.signIn(manager.id)
        await createCustomer(services, newCustomerSchema.parse({ name: 'Olga Original' }))
        await services.backups.backupNow('manual')
        await services.close()
        const file = dataPaths(dataDir).dbFile
        const bytes = fs.readFileSync(file)
        for (let at = 0; at < bytes.length; at += 97) bytes[at] = (bytes[at]! + 13) & 0xff
        fs.writeFileSync(file, bytes)
      },
    },
  })

  test('offers the newest good backup with its date and counts; restoring it brings the shop back', async ({ app }) => {
    const { page, paths } = app
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('The database file cannot be read')
    const offer = page.getByTestId('restore-offer')
    await expect(offer.getByRole('heading', { name: 'A good backup was found' })).toBeVisible()
    await expect(page.getByTestId('restore-offer-contents')).toHaveText('1 customer, 0 vehicles, 0 radio codes, 0 battery jobs')
    await expect(page.getByTestId('restore-offer-when')).not.toBeEmpty()
    await shotIfAsked(page, 'database-error-restore-offer')

    await offer.getByRole('button', { name: 'Restore from this backup' }).click()
    await appState(page, 'sign-in')
    await signInAs(page, TEST_MANAGER.name, TEST_MANAGER.pin)
    expect(await customerListText(page)).toContain('Olga Original')
    // The damaged file was set aside, not deleted.
    const damaged = fs.readdirSync(paths.backupsDir).filter((name) => name.startsWith('damaged_'))
    expect(damaged).toHaveLength(1)
    expect(fs.readdirSync(path.join(paths.backupsDir, damaged[0]!))).toContain(path.basename(paths.dbFile))
  })
})
