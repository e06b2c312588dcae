import path from 'node:path'

/** Environment variable that points the app at another data folder (tests, throwaway runs). */
export const DATA_DIR_ENV = 'RADIO_CODE_DESK_DATA_DIR'
export const APP_FOLDER_NAME = 'Radio Code Desk'

/**
 * The data folder: `$RADIO_CODE_DESK_DATA_DIR` when set, otherwise
 * "Radio Code Desk" under the OS's per-user app data folder (Electron's
 * `app.getPath('appData')`: %APPDATA% on Windows, ~/Library/Application Support
 * on macOS, ~/.config on Linux).
 */
export function resolveDataDir(env: Readonly<Record<string, string | undefined>>, appDataDir: string): string {
  const override = env[DATA_DIR_ENV]?.trim()
  if (override) return path.resolve(override)
  return path.join(appDataDir, APP_FOLDER_NAME)
}

export interface DataPaths {
  readonly dataDir: string
  readonly dbFile: string
  readonly backupsDir: string
  readonly spoolDir: string
  readonly logFile: string
  readonly workstationFile: string
}

export function dataPaths(dataDir: string): DataPaths {
  return {
    dataDir,
    dbFile: path.join(dataDir, 'radio-code-desk.sqlite'),
    backupsDir: path.join(dataDir, 'backups'),
    spoolDir: path.join(dataDir, 'print-spool'),
    logFile: path.join(dataDir, 'logs', 'main.log'),
    workstationFile: path.join(dataDir, 'workstation.json'),
  }
}
