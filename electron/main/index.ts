import path from 'node:path'
import { app, BrowserWindow, Menu } from 'electron'
import { IPC_EVENT_CHANNEL } from '../../shared/api/transport'
import { isAppUrl } from './app-origin'
import { createAppRouter } from './create-router'
import { registerIpc } from './ipc/register-ipc'
import { createFileLogger } from './log'
import { dataPaths, resolveDataDir } from './paths'
import { createElectronPrinter } from './printing/electron-printer'
import { createElectronFolderChooser } from './electron-folder-chooser'
import { installSecurityHooks } from './security'
import { startAppServices, type AppServices } from './services/app-services'
import { assessElectronSafeStorage, createElectronSafeStorageProtector } from './vault/safe-storage-protector'
import { createMainWindow } from './window'

/*
 * Lifecycle only. Everything with logic lives in Electron-free modules that
 * the tests load directly; this file wires them to Electron.
 */

const dataDir = resolveDataDir(process.env, app.getPath('appData'))
// The single-instance lock is keyed on userData, so set it first: two
// instances on one data folder would race on migrations.
app.setPath('userData', dataDir)
const rendererFile = path.join(__dirname, '../renderer/index.html')
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL']
const isOurUrl = (url: string | null | undefined) => isAppUrl(url, devServerUrl, new URL(`file://${rendererFile}`).href)

let mainWindow: BrowserWindow | null = null
let services: AppServices | null = null

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  installSecurityHooks((url) => isOurUrl(url))

  app.whenReady().then(async () => {
    // No menu bar: Alt is the app's own shortcut key, and reload/close-window
    // accelerators must not fire by accident at a busy desk.
    Menu.setApplicationMenu(null)
    const log = createFileLogger(dataPaths(dataDir).logFile, console)
    services = await startAppServices({
      dataDir,
      appVersion: app.getVersion(),
      log,
      printer: createElectronPrinter(() => mainWindow?.webContents ?? null),
      folderChooser: createElectronFolderChooser(() => mainWindow),
      // The OS key store (DPAPI, Keychain, libsecret) holds the vault key where it can be trusted.
      keyStore: { assess: assessElectronSafeStorage, systemProtector: createElectronSafeStorageProtector },
    })
    // Forward main-to-renderer events to the window.
    services.events.subscribe((event, payload) => {
      if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(`${IPC_EVENT_CHANNEL}:${event}`, payload)
    })
    const router = createAppRouter(
      services,
      (sender) =>
        sender.transport === 'electron-ipc' &&
        mainWindow !== null &&
        sender.webContentsId === mainWindow.webContents.id &&
        isOurUrl(sender.url),
    )
    registerIpc(router)
    mainWindow = createMainWindow({
      preloadFile: path.join(__dirname, '../preload/index.js'),
      load: (win) => (devServerUrl ? win.loadURL(devServerUrl) : win.loadFile(rendererFile)),
    })
    mainWindow.on('closed', () => {
      mainWindow = null
    })
  })

  app.on('window-all-closed', () => app.quit())

  let closing = false
  app.on('will-quit', (event) => {
    if (closing || !services) return
    event.preventDefault()
    closing = true
    void services.close().finally(() => app.quit())
  })
}
