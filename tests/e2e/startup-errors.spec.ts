import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { dataPaths } from '../../electron/main/paths'
import { fingerprint } from '../helpers/files'
import { expect, test } from './fixtures'

const FUTURE_MIGRATION = '9999-01-01T0000_from-the-future'

function writeDatabaseFromTheFuture(dataDir: string): void {
  const sqlite = new BetterSqlite3(dataPaths(dataDir).dbFile)
  try {
    sqlite.exec('create table kysely_migration (name text primary key, timestamp text)')
    sqlite.prepare('insert into kysely_migration (name, timestamp) values (?, ?)').run(FUTURE_MIGRATION, '9999-01-01T00:00:00.000Z')
  } finally {
    sqlite.close()
  }
}

function writeGarbageDatabase(dataDir: string): void {
  fs.writeFileSync(dataPaths(dataDir).dbFile, Buffer.from('This is not a SQLite database, just some bytes. '.repeat(200)))
}

test.describe('a database from a newer version', () => {
  let before: ReturnType<typeof fingerprint>
  test.use({
    expectedAppState: 'database-error',
    prepare: {
      dataDir: (dataDir) => {
        writeDatabaseFromTheFuture(dataDir)
        before = fingerprint(dataPaths(dataDir).dbFile)
      },
    },
  })

  test('shows the full-screen explanation instead of the app and leaves the file untouched', async ({ app }) => {
    const { page, dataDir, paths } = app
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This database needs a newer version of Radio Code Desk')
    await expect(page.getByTestId('db-error-message')).toContainText('newer version of Radio Code Desk')
    await expect(page.getByTestId('db-error-message')).toContainText(FUTURE_MIGRATION)
    await expect(page.getByText(/Install the newest version of Radio Code Desk/)).toBeVisible()
    await expect(page.getByText('Your data was not changed.', { exact: false })).toBeVisible()
    await expect(page.getByTestId('db-error-data-dir')).toHaveText(dataDir)
    // The app itself is not shown.
    await expect(page.getByRole('navigation')).toHaveCount(0)
    await expect(page.locator('[style]')).toHaveCount(0)

    expect(before.sha256).not.toBeNull()
    expect(fingerprint(paths.dbFile)).toEqual(before)
    expect(fs.existsSync(`${paths.dbFile}-wal`)).toBe(false)
  })
})

test.describe('a database file that is not a database', () => {
  let before: ReturnType<typeof fingerprint>
  test.use({
    expectedAppState: 'database-error',
    prepare: {
      dataDir: (dataDir) => {
        writeGarbageDatabase(dataDir)
        before = fingerprint(dataPaths(dataDir).dbFile)
      },
    },
  })

  test('shows the unreadable-database screen and leaves the file untouched', async ({ app }) => {
    const { page, dataDir, paths } = app
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('The database file cannot be read')
    await expect(page.getByTestId('db-error-message')).toContainText(path.basename(paths.dbFile))
    await expect(page.getByText(/restore the latest copy from the "backups" folder/)).toBeVisible()
    await expect(page.getByTestId('db-error-data-dir')).toHaveText(dataDir)
    await expect(page.locator('main[data-problem="DB_UNREADABLE"]')).toBeVisible()
    expect(fingerprint(paths.dbFile)).toEqual(before)
  })
})

test.describe('a window without window.api', () => {
  test.use({
    expectedAppState: 'startup-error',
    // Serve an empty bridge: the page then has no window.api, as if the preload had not run.
    prepare: {
      page: (page) => page.route('**/__preview__/bridge.js', (route) => route.fulfill({ contentType: 'text/javascript', body: '' })),
    },
  })

  test('shows a clear error screen instead of crashing', async ({ app }) => {
    const { page } = app
    expect(await page.evaluate(() => 'api' in window)).toBe(false)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Radio Code Desk could not start')
    await expect(page.getByText(/not connected to Radio Code Desk/)).toBeVisible()
    await expect(page.getByText(/Close Radio Code Desk and start it again/)).toBeVisible()
  })
})
