import { dialog, type BrowserWindow } from 'electron'
import type { FolderChooser } from './folder-chooser'

/**
 * The system folder dialog, attached to the app window so it stays on top of
 * it. The path comes from the dialog in main, never from the renderer.
 */
export function createElectronFolderChooser(getWindow: () => BrowserWindow | null): FolderChooser {
  return {
    async chooseFolder({ title, defaultPath }) {
      const options: Electron.OpenDialogOptions = {
        title,
        properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'],
        ...(defaultPath ? { defaultPath } : {}),
      }
      const window = getWindow()
      const result = window && !window.isDestroyed() ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
  }
}
