/**
 * Asks the person at the computer to pick a folder (the backups' second
 * folder). Electron shows its own folder dialog (electron-folder-chooser.ts);
 * the browser preview and tests have none, and the path is typed instead.
 */
export interface FolderChooser {
  /** The chosen folder's absolute path, or null when the dialog was cancelled. */
  chooseFolder(options: { readonly title: string; readonly defaultPath: string | null }): Promise<string | null>
}
