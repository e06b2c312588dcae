import { app, session, shell, type WebContents } from 'electron'
import { openExternalLink } from './external-links'

/**
 * App-wide hooks: every web contents, now or later, is denied navigation,
 * new windows, webviews and permissions. Links a user clicks open in the
 * system browser only through the external-link validator.
 */
export function installSecurityHooks(isAppUrl: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault()
    })
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(({ url }) => {
      void openExternalLink(url, (safeUrl) => shell.openExternal(safeUrl))
      return { action: 'deny' }
    })
  })
  app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
    session.defaultSession.setPermissionCheckHandler(() => false)
  })
}
