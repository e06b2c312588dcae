import path from 'node:path'
import { BrowserWindow } from 'electron'

/** Security settings of every app window; exported so tests can assert them. */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  spellcheck: false,
} as const

/** The one window factory. */
export function createMainWindow(options: { preloadFile: string; load: (win: BrowserWindow) => Promise<void> }): BrowserWindow {
  const win = new BrowserWindow({
    title: 'Radio Code Desk',
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    autoHideMenuBar: true,
    icon: path.join(__dirname, '../../resources/icon.png'),
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: options.preloadFile },
  })
  win.once('ready-to-show', () => win.show())
  void options.load(win)
  return win
}
