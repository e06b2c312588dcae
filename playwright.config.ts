import { defineConfig } from '@playwright/test'

/*
 * End-to-end tests drive the built renderer in Debian's Chromium through the
 * browser preview (electron/web-preview): each test starts its own preview
 * server on a fresh data folder (see tests/e2e/fixtures.ts), so there is no
 * shared webServer here. Run `npm run build` first.
 */
const OFFLINE_CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
]

export default defineConfig({
  testDir: 'tests/e2e',
  // Screenshots for a person to look at, not tests: only with RCD_SHOTS_DIR=<folder>.
  testIgnore: process.env['RCD_SHOTS_DIR'] ? [] : ['**/screenshots.spec.ts'],
  workers: 2,
  fullyParallel: true,
  forbidOnly: Boolean(process.env['CI']),
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: OFFLINE_CHROMIUM_ARGS,
    },
    trace: 'retain-on-failure',
  },
})
