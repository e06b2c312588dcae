import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test'
import { API_METHODS } from '../../shared/api/methods'

/*
 * The real Electron app, driven by Playwright's _electron. These run wherever
 * an Electron runtime is installed (a developer's machine after `npm start`
 * has fetched it). On machines that cannot download it, they are skipped and
 * say why.
 */

const ROOT = path.resolve(__dirname, '../..')

function findElectronRuntime(): { path: string } | { missing: string } {
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH']
  const pathFile = path.join(ROOT, 'node_modules/electron/path.txt')
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : ''
  const candidate = override ? path.join(override, relative || 'electron') : relative ? path.join(ROOT, 'node_modules/electron/dist', relative) : ''
  if (candidate && fs.existsSync(candidate)) return { path: candidate }
  return {
    missing:
      'no Electron runtime installed (node_modules/electron/path.txt or ELECTRON_OVERRIDE_DIST_PATH); Electron downloads it on first start, which this machine cannot do',
  }
}

const runtime = findElectronRuntime()
if ('missing' in runtime) console.log(`[electron e2e] SKIPPED: ${runtime.missing}`)

test.describe('Electron app', () => {
  test.skip('missing' in runtime, 'missing' in runtime ? runtime.missing : '')

  let app: ElectronApplication
  let dataDir: string

  test.beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rcd-electron-e2e-'))
    app = await electron.launch({
      executablePath: (runtime as { path: string }).path,
      args: [ROOT],
      env: { ...process.env, RADIO_CODE_DESK_DATA_DIR: dataDir },
    })
  })

  test.afterEach(async () => {
    await app.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  test('the window runs isolated and sandboxed, with only the contract exposed', async () => {
    const page = await app.firstWindow()
    // A fresh data folder opens on the vault set-up screen.
    await page.locator('[data-app-state="setup-vault"]').waitFor()
    const surface = await page.evaluate(() => {
      const api = (window as unknown as { api: Record<string, unknown> }).api
      const methods: string[] = []
      for (const [ns, table] of Object.entries(api)) {
        if (typeof table === 'object' && table) for (const name of Object.keys(table)) methods.push(`${ns}.${name}`)
      }
      const w = window as unknown as Record<string, unknown>
      // With nodeIntegration off and contextIsolation on, none of these reach the page.
      return { methods, leaked: ['require', 'process', 'module', 'Buffer', 'ipcRenderer', 'electron'].filter((name) => name in w) }
    })
    expect(surface.methods.sort()).toEqual([...API_METHODS].sort())
    expect(surface.leaked).toEqual([])
    // The webPreferences themselves are asserted on the window factory in tests/unit/electron-shell/window.test.ts.
  })

  test('window.open and navigation away from the app are denied', async () => {
    const page = await app.firstWindow()
    // A fresh data folder opens on the vault set-up screen.
    await page.locator('[data-app-state="setup-vault"]').waitFor()
    const before = page.url()
    await page.evaluate(() => window.open('https://example.com/', '_blank'))
    await page.evaluate(() => {
      window.location.href = 'https://example.com/'
    })
    await expect(page.locator('[data-app-state="setup-vault"]')).toBeVisible()
    expect(page.url()).toBe(before)
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
  })

  test('smoke: the app opens its database and lists what the desk saves', async () => {
    const page = await app.firstWindow()
    // A fresh data folder opens on the vault set-up screen.
    await page.locator('[data-app-state="setup-vault"]').waitFor()
    const result = await page.evaluate(async () => {
      type Envelope = Promise<{ ok: boolean; value: { name: string }[] }>
      const api = (
        window as unknown as {
          api: {
            vault: { setUp: (i: unknown) => Envelope }
            staff: { createFirstManager: (i: unknown) => Envelope }
            customers: { create: (i: unknown) => Envelope; list: (i: unknown) => Envelope }
          }
        }
      ).api
      // A passphrase works whether or not this machine's key store can be trusted.
      await api.vault.setUp({ passphrase: 'correct horse battery staple' })
      await api.staff.createFirstManager({ name: 'Maria Manager', pin: '2580' })
      await api.customers.create({ name: 'Maria Lopez', phones: [{ label: 'mobile', number: '555-010-2030' }] })
      return api.customers.list({})
    })
    expect(result.ok).toBe(true)
    expect(result.value.map((c) => c.name)).toContain('Maria Lopez')
    expect(fs.existsSync(path.join(dataDir, 'radio-code-desk.sqlite'))).toBe(true)
  })
})
