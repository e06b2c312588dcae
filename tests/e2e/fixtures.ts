import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import { createFileLogger } from '../../electron/main/log'
import { dataPaths, type DataPaths } from '../../electron/main/paths'
import { startPreviewServer, type PreviewServer } from '../../electron/web-preview/server'
import { createCorgiVinDecoder } from '../../electron/main/vin-decoder'
import { createSpoolPrinter } from '../../electron/web-preview/spool-printer'

/*
 * One browser-preview server per test: a fresh data folder, the real
 * main-process services behind the real router, a spool printer writing PDFs
 * into the data folder, and the page opened on it. Nothing sleeps: the
 * fixture waits for the app to say which state it reached.
 */

const ROOT = path.resolve(__dirname, '../..')
const RENDERER_DIR = path.join(ROOT, 'out', 'renderer')
/** Holds vin-decoder/ for all tests and workers (the unpack is atomic, so parallel workers may race safely). */
const SHARED_VIN_DECODER_BASE = path.join(os.tmpdir(), 'rcd-e2e-shared')

/** The root's data-app-state: the working app, an error screen, or a start-up / sign-in step. */
export type AppState =
  | 'ready'
  | 'database-error'
  | 'startup-error'
  | 'setup-vault'
  | 'unlock-vault'
  | 'recovery-key'
  | 'first-manager'
  | 'sign-in'

export interface PreviewApp {
  readonly server: PreviewServer
  readonly page: Page
  readonly dataDir: string
  readonly paths: DataPaths
  /** Where the spool printer saves printed documents. */
  readonly spoolDir: string
  /** Resolves once the page's data-change event stream is connected to the server. */
  eventStreamOpen(): Promise<void>
}

/** Set-up steps for one test; an object, because Playwright treats a function option as a fixture. */
export interface Prepare {
  /** Runs on the empty data folder before the server starts (e.g. to plant a database file). */
  readonly dataDir?: (dataDir: string) => unknown
  /** Runs on the page before it loads the app (e.g. page.route). */
  readonly page?: (page: Page) => unknown
}

interface Options {
  readonly prepare: Prepare
  /** The data-app-state the fixture waits for before the test body runs. */
  readonly expectedAppState: AppState
  /** Console errors and uncaught page errors fail the test unless this is set. */
  readonly allowConsoleErrors: boolean
  /**
   * Set up the code vault (test key), create the first manager and sign them
   * in before the page opens, so tests of other features start at a working
   * desk. Tests of the start-up and sign-in screens turn it off.
   */
  readonly signedIn: boolean
}

/** The manager the fixture signs in when `signedIn` is on. */
export const TEST_MANAGER = { name: 'Test Manager', pin: '2580' } as const

function appVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version
}

export const test = base.extend<Options & { app: PreviewApp }>({
  prepare: [{}, { option: true }],
  expectedAppState: ['ready', { option: true }],
  allowConsoleErrors: [false, { option: true }],
  signedIn: [true, { option: true }],

  app: async ({ page, prepare, expectedAppState, allowConsoleErrors, signedIn }, use, testInfo) => {
    if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
      throw new Error(`The renderer is not built (${RENDERER_DIR} is missing). Run "npm run build" first, then run the tests again.`)
    }
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rcd-e2e-'))
    const paths = dataPaths(dataDir)
    if (prepare.dataDir) await prepare.dataDir(dataDir)
    const printer = createSpoolPrinter(paths.spoolDir)
    let server: PreviewServer | null = null
    const problems: string[] = []
    let watching = true
    page.on('console', (message) => {
      if (watching && message.type() === 'error') problems.push(`console: ${message.text()} (${message.location().url})`)
    })
    let markEventStreamOpen = () => {}
    const eventStream = new Promise<void>((resolve) => {
      markEventStreamOpen = resolve
    })
    page.on('response', (response) => {
      // The server registers the listener before it answers, so a response means it is listening.
      if (new URL(response.url()).pathname === '/__preview__/events' && response.status() === 200) markEventStreamOpen()
    })
    page.on('pageerror', (error) => {
      if (watching) problems.push(`page error: ${error.message}`)
    })

    try {
      const log = createFileLogger(paths.logFile)
      server = await startPreviewServer({
        dataDir,
        rendererDir: RENDERER_DIR,
        printer,
        log,
        appVersion: appVersion(),
        testKey: true,
        // One unpacked VIN database for every test (75 MB, about a second of CPU to unpack) instead of one per data folder.
        vinDecoder: createCorgiVinDecoder({ dataDir: SHARED_VIN_DECODER_BASE, log }),
      })
      if (signedIn && server.services.status.state === 'ready') {
        const security = server.services.requireSecurity()
        await security.setUpVault(null)
        const manager = await security.staff.createFirstManager(TEST_MANAGER)
        security.session.signIn(manager.id)
      }
      if (prepare.page) await prepare.page(page)
      await page.goto(server.url)
      await page.locator(`[data-app-state="${expectedAppState}"]`).waitFor()

      await use({ server, page, dataDir, paths, spoolDir: paths.spoolDir, eventStreamOpen: () => eventStream })

      watching = false
      if (!allowConsoleErrors) expect(problems, 'errors logged by the page').toEqual([])
    } finally {
      watching = false
      if (testInfo.status !== testInfo.expectedStatus && fs.existsSync(paths.logFile)) {
        await testInfo.attach('main.log', { path: paths.logFile, contentType: 'text/plain' })
      }
      try {
        // Close the page's browser context first: that drops its sockets, including
        // speculative ones Chromium opened without sending a request, which
        // http.Server.close() would otherwise wait for.
        await page.context().close()
        if (server) await within(10_000, 'closing the preview server', server.close())
        await within(10_000, 'closing the spool printer', printer.close())
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true })
      }
    }
  },
})

export { expect }

/** Waits for `work`, or fails with a message saying what hung. */
async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms)
  })
  try {
    return await Promise.race([work, timeout])
  } finally {
    clearTimeout(timer)
  }
}

/** The focused element's tag, accessible-ish name and id, for readable assertions. */
export async function focused(page: Page): Promise<{ tag: string; text: string; id: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      text: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      id: el?.id ?? '',
    }
  })
}

/** Waits until the root element says the app reached `state`. */
export async function appState(page: Page, state: AppState): Promise<void> {
  await page.locator(`[data-app-state="${state}"]`).waitFor()
}

/** On the sign-in screen: picks `name`, types `pin`, presses Enter and waits for the working app. */
export async function signInAs(page: Page, name: string, pin: string): Promise<void> {
  await appState(page, 'sign-in')
  await page.getByRole('list', { name: 'Staff' }).getByRole('button', { name: new RegExp(`^${name}\\b`) }).click()
  const box = page.getByLabel('PIN', { exact: true })
  await box.fill(pin)
  await box.press('Enter')
  await appState(page, 'ready')
  await expect(page.getByTestId('desk-person')).toContainText(name)
}

/** Saves a full-page screenshot for a person to look at; only when RCD_SHOTS_DIR names a folder. */
export async function shotIfAsked(page: Page, name: string): Promise<void> {
  const dir = process.env['RCD_SHOTS_DIR']
  if (!dir) return
  fs.mkdirSync(dir, { recursive: true })
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true })
}
